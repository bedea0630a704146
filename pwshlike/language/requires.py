"""``#requires`` lines: PowerShell's ``Tokenizer.GetScriptRequirements``.

A line comment whose text starts with ``#requires`` (any case) is a
requirement wherever it stands in the script.  Its text after the ``#`` is
parsed as a command named ``requires`` whose parameters state what the
script needs; malformed lines are parse errors with pwsh's ids, so a script
holding one does not run at all.  The version a script requires is checked
when it runs (see ``ScriptRequirements.unmet_version``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Optional

import pwshlike.language.ast as A
from .ast import Extent
from .errors import ParseError
from .scan_tables import K_COMMENT, RawToken

# A #requires comment is found by searching the text, then its token by
# bisection: walking every token of a long script cost more than parsing it.
_REQUIRES = re.compile("#requires", re.IGNORECASE)


def _start(token: RawToken) -> int:
    return token[1]

_INVALID_FORMAT = (
    "Cannot process the #requires statement because it is not in the correct format.\n"
    "The #requires statement must be in one of the following formats:\n"
    ' "#requires -shellid <shellID>"\n'
    ' "#requires -version <major.minor>"\n'
    ' "#requires -psedition <edition>"\n'
    ' "#requires -pssnapin <psSnapInName> [-version <major.minor>]"\n'
    ' "#requires -modules <ModuleSpecification>"\n'
    ' "#requires -runasadministrator"')
_VERSION_INVALID = ("The argument for the Version parameter is not valid. Specify a valid PowerShell "
                    "version, in the format major.minor version.")
_NOT_CONSTANT = "Argument must be constant."
_NEEDS_ARGUMENT = "Parameter {0} requires an argument."
_CANNOT_HAVE_ARGUMENT = "Parameter {0} cannot be specified with an argument."
_ALREADY_BOUND = "Cannot bind parameter because parameter '{0}' is specified more than once. To provide " \
    "multiple values to parameters that can accept multiple values, use the array syntax. For example, " \
    "\"-parameter value1,value2,value3\"."

# The parameters of ``#requires`` that take a value, in pwsh's order.
_PARAMETERS = ("shellid", "pssnapin", "version", "psedition", "assembly", "modules")


class ScriptRequirements:
    """What a script's ``#requires`` lines ask for (``ScriptRequirements``):
    ``required_version`` is a tuple of ints (major, minor, ...) or None."""

    __slots__ = ("required_version", "required_editions", "required_modules", "required_assemblies",
                 "requires_elevation", "required_shell_id")

    def __init__(self) -> None:
        self.required_version: Optional[tuple[int, ...]] = None
        self.required_editions: list[Any] = []
        self.required_modules: list[Any] = []
        self.required_assemblies: list[Any] = []
        self.requires_elevation = False
        self.required_shell_id: Optional[str] = None

    def unmet_version(self, running: tuple[int, ...]) -> Optional[str]:
        """The required version as text when ``running`` (major, minor,
        patch) cannot run the script, by pwsh's IsValidPSVersion: every
        released version up to the running minor version is accepted."""
        version = self.required_version
        if version is None:
            return None
        major, minor = version[0], version[1]
        valid = ((1 <= major <= 4 and minor == 0) or (major == 5 and minor in (0, 1))
                 or (major == 6 and minor <= 2) or (major == running[0] and minor <= running[1]))
        return None if valid else ".".join(str(p) for p in version)


def script_requirements(source: A.SourceText, tokens: list[RawToken],
                        errors: list[ParseError]) -> Optional[ScriptRequirements]:
    """The requirements of the ``#requires`` comments among ``tokens``
    (None when there are none); problems are appended to ``errors``."""
    text = source.text
    requirements: Optional[ScriptRequirements] = None
    for match in _REQUIRES.finditer(text):
        index = bisect_left(tokens, match.start(), key=_start)
        if index == len(tokens) or tokens[index][1] != match.start() or tokens[index][0] is not K_COMMENT:
            continue   # the text is inside a string or another comment
        token = tokens[index]
        from .parser import parse
        if requirements is None:
            requirements = ScriptRequirements()
        base = token[1] + 1
        ast, _tokens, sub_errors = parse(text[base:token[2]])
        shift = _Shifter(source, base)
        errors.extend(ParseError(e.error_id, e.message, shift(e.extent), e.incomplete_input)
                      for e in sub_errors)
        statements = ast.end_block.statements if ast.end_block is not None else []
        if not statements or not isinstance(statements[0], A.PipelineAst):
            continue
        command = statements[0].pipeline_elements[0]
        if not isinstance(command, A.CommandAst):
            continue
        _read_command(command, requirements, shift, errors)
    return requirements


class _Shifter:
    """Maps an extent of the re-parsed comment text onto the script."""

    def __init__(self, source: A.SourceText, base: int) -> None:
        self.source = source
        self.base = base

    def __call__(self, extent: Extent) -> Extent:
        return Extent(self.source, self.base + extent.start_offset, self.base + extent.end_offset)


def _read_command(command: Any, requirements: ScriptRequirements, shift: _Shifter,
                  errors: list[ParseError]) -> None:
    elements = command.command_elements
    name = elements[0]
    if not (isinstance(name, A.StringConstantExpressionAst) and name.value.lower() == "requires"):
        errors.append(ParseError("ScriptRequiresInvalidFormat", _INVALID_FORMAT, shift(command.extent)))
    i = 1
    while i < len(elements):
        element = elements[i]
        if not isinstance(element, A.CommandParameterAst):
            errors.append(ParseError("ScriptRequiresInvalidFormat", _INVALID_FORMAT, shift(element.extent)))
            i += 1
            continue
        argument = element.argument
        if argument is None and i + 1 < len(elements):
            i += 1  # pwsh takes the next element as the value, whatever it is
            argument = elements[i]
        _read_parameter(element, argument, requirements, shift, errors)
        i += 1


def _read_parameter(parameter: Any, argument: Any, requirements: ScriptRequirements, shift: _Shifter,
                    errors: list[ParseError]) -> None:
    """One ``-Name value`` of a ``#requires`` line, checked in pwsh's order
    (HandleRequiresParameter): a parameter is named by any prefix of its
    name, the first in pwsh's list winning."""
    name = parameter.parameter_name.lower()
    if name and "runasadministrator".startswith(name):
        requirements.requires_elevation = True
        if argument is not None:
            errors.append(ParseError("ParameterCannotHaveArgument",
                                     _CANNOT_HAVE_ARGUMENT.format(parameter.parameter_name),
                                     shift(parameter.extent)))
        return
    if argument is None:
        errors.append(ParseError("ParameterRequiresArgument", _NEEDS_ARGUMENT.format(parameter.parameter_name),
                                 shift(parameter.extent)))
        return
    if not _is_constant(argument):
        errors.append(ParseError("RequiresArgumentMustBeConstant", _NOT_CONSTANT, shift(argument.extent)))
        return
    full = next((p for p in _PARAMETERS if name and p.startswith(name)), None)
    if full is None:
        errors.append(ParseError("ScriptRequiresInvalidFormat", _INVALID_FORMAT, shift(parameter.extent)))
        return
    if full == "version":
        value = argument.value if isinstance(argument, A.StringConstantExpressionAst) else None
        version = string_to_version(value if value is not None else argument.extent.text)
        if version is None:
            errors.append(ParseError("RequiresVersionInvalid", _VERSION_INVALID, shift(argument.extent)))
        elif requirements.required_version is not None and requirements.required_version != version:
            errors.append(ParseError("ParameterAlreadyBound", _ALREADY_BOUND.format("version"),
                                     shift(parameter.extent)))
        else:
            requirements.required_version = version
    elif full == "psedition":
        requirements.required_editions.append(argument.extent.text)
    elif full == "modules":
        requirements.required_modules.append(argument.extent.text)
    elif full == "assembly":
        requirements.required_assemblies.append(argument.extent.text)
    elif full == "shellid":
        requirements.required_shell_id = argument.extent.text


def _is_constant(node: Any) -> bool:
    """pwsh's IsConstantValueVisitor (forRequires): literals, arrays of
    them and hashtables (module specifications)."""
    if isinstance(node, A.ConstantExpressionAst) and not isinstance(node, A.ExpandableStringExpressionAst):
        return True
    if isinstance(node, A.ArrayLiteralAst):
        return all(_is_constant(e) for e in node.elements)
    return isinstance(node, A.HashtableAst)


def string_to_version(text: str) -> Optional[tuple[int, ...]]:
    """pwsh's ``Utils.StringToVersion``: ``7`` means 7.0; two to four
    non-negative integer parts, else None."""
    if not text:
        return None
    if "." not in text:
        text += ".0"
    parts = text.split(".")
    if not 2 <= len(parts) <= 4 or not all(p.strip().isdigit() and p.strip().isascii() for p in parts):
        return None
    return tuple(int(p) for p in parts)
