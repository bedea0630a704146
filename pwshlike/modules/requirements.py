"""``#requires -Modules``: the modules a script needs, imported before it runs.

pwsh's CommandDiscovery.VerifyRequiredModules loads each required module
(LoadRequiredModule: one already imported that fits the specification is
enough) and stops the script with ScriptRequiresMissingModules at the first
that cannot be found, its message naming the module and the versions asked for.
"""

from __future__ import annotations

from typing import Any

from pwshlike.dotnet.errors import ScriptRequiresException

from .errors import ModuleError
from .specification import ModuleSpecification


def specification_of(context: Any, text: str) -> ModuleSpecification:
    """The specification a ``#requires -Modules`` argument writes: a
    hashtable literal is evaluated, anything else is a name or path."""
    stripped = text.strip()
    if stripped.startswith("@{"):
        from pwshlike.language import parse_input
        ast, _tokens, errors = parse_input(stripped)
        statements = ast.end_block.statements if ast.end_block is not None else []
        if not errors and len(statements) == 1:
            expression = getattr(statements[0].pipeline_elements[0], "expression", None)
            if expression is not None:
                return ModuleSpecification.from_value(context.eval_expression(expression))
    if len(stripped) > 1 and stripped[0] == stripped[-1] and stripped[0] in "'\"":
        stripped = stripped[1:-1]
    return ModuleSpecification(stripped)


def require_modules(table: Any, texts: list[str], script_name: str) -> None:
    """Imports each required module unless one already imported fits."""
    from .table import ImportOptions
    location = table.context.session.location
    for text in texts:
        spec = specification_of(table.context, text)
        if any(spec.matches(m, location) for m in table.imported()):
            continue
        maximum = None
        if spec.maximum_version is not None:
            from .model import parse_version
            maximum = parse_version(spec.maximum_version.replace("*", "2147483647"))
        options = ImportOptions(minimum=spec.version, required=spec.required_version, maximum=maximum)
        try:
            info = table.import_name(spec.name, options)
        except ModuleError:
            info = None
        if info is None or not spec.matches(info, location):
            raise ScriptRequiresException(
                f"The script '{script_name}' cannot be run because the following modules that are specified by "
                f"the \"#requires\" statements of the script are missing: {spec.not_found_message()}.",
                error_id="ScriptRequiresMissingModules", target_object=script_name)
