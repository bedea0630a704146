"""The checks pwsh runs on a script's ``using`` statements once it is
parsed (SemanticChecks.VisitUsingStatement and the module specification
``using module`` names): the forms pwsh does not support (aliases, ``using
type``/``using command``), namespaces that are not dotted identifiers, and
module names with wildcards or module specifications that are not valid.
Whether a named module exists is the modules layer's answer, which it
installs with :func:`pwshlike.language.parser.register_module_lookup` and
the parser hands to :func:`check_usings`.
"""

from __future__ import annotations

import functools
import re

import pwshlike.language.ast as A

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Report = Callable[[A.Extent, str, tuple], None]


@functools.cache
def _namespace() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"^@?[^\W\d]\w*(?:\.@?[^\W\d]\w*)*$")


@functools.cache
def _wildcard() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"[*?\[\]]")


_SPEC_KEYS = {"modulename": "ModuleName", "moduleversion": "ModuleVersion", "requiredversion": "RequiredVersion",
              "maximumversion": "MaximumVersion", "guid": "GUID"}


@functools.cache
def _version() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"^\d+(?:\.\d+){1,3}$")


def check_usings(usings: list[A.UsingStatementAst], report: Report,
                 module_exists: Optional[Callable[[str], bool]]) -> None:
    """Reports what pwsh finds wrong in ``usings``; ``module_exists`` tells
    whether a module name can be found (None: not checked)."""
    for using in usings:
        if using.using_kind not in ("namespace", "assembly", "module") or using.alias is not None:
            report(using.extent, "UsingStatementNotSupported", ())
        name = using.name
        if using.using_kind == "namespace" and isinstance(name, A.StringConstantExpressionAst) \
                and not _namespace().match(name.value):
            report(name.extent, "InvalidNamespaceValue", ())
        if using.using_kind == "module":
            _check_module(name, report, module_exists)


def _check_module(name: A.Ast, report: Report, module_exists: Optional[Callable[[str], bool]]) -> None:
    if isinstance(name, A.StringConstantExpressionAst):
        if _wildcard().search(name.value):
            report(name.extent, "WildCardModuleNameError", ())
        elif not _is_path(name.value) and module_exists is not None and not module_exists(name.value):
            report(name.extent, "ModuleNotFoundDuringParse", (name.value,))
        return
    if not isinstance(name, A.HashtableAst):
        return
    spec: dict[str, Any] = {}
    for key, value in name.pairs:
        key_text = key.value if isinstance(key, A.StringConstantExpressionAst) else None
        canonical = _SPEC_KEYS.get((key_text or "").lower())
        constant = _constant(value)
        if canonical is None or constant is None:
            report(name.extent, "RequiresModuleInvalid", (f"The key '{key_text or key.extent.text}' is not valid "
                                                          "in a module specification.",))
            return
        spec[canonical] = constant
    module_name = spec.get("ModuleName")
    if not isinstance(module_name, str) or not module_name:
        report(name.extent, "RequiresModuleInvalid", ("A module specification needs the ModuleName key.",))
        return
    if _wildcard().search(module_name):
        report(name.extent, "WildCardModuleNameError", ())
        return
    versions = [k for k in ("ModuleVersion", "RequiredVersion", "MaximumVersion") if k in spec]
    if not versions or any(not _version().match(_text(spec[k])) for k in versions):
        report(name.extent, "RequiresModuleInvalid",
               ("A module specification needs a valid ModuleVersion, RequiredVersion or MaximumVersion.",))


def _is_path(name: str) -> bool:
    """A module named by a path (found relative to the script when it runs)."""
    return any(c in name for c in "/\\") or name.lower().endswith((".psm1", ".psd1", ".ps1", ".dll"))


def _text(value: Any) -> str:
    """A version value as text, numbers as pwsh formats them (``1.`` is ``1``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _constant(value: Any) -> Optional[Any]:
    """The constant a specification value is written as (None when it is not one)."""
    while isinstance(value, (A.PipelineAst, A.CommandExpressionAst)):
        if isinstance(value, A.PipelineAst):
            if len(value.pipeline_elements) != 1:
                return None
            value = value.pipeline_elements[0]
        else:
            value = value.expression
    if isinstance(value, A.ConstantExpressionAst):
        return value.value
    return None
