"""Import-PowerShellDataFile: the hashtable of a .psd1 file, without running it.

As pwsh does: the file is parsed, the first hashtable in it is taken and
turned into a value with ``SafeGetValue``, which accepts only constants,
arrays, hashtables and $true/$false/$null: a command or variable inside is
an error, never run.  Without -SkipLimitCheck a hashtable of more than 500
keys, or a file of 5000 values or more, is refused, as pwsh's safe-value
visitor refuses them.
"""

from __future__ import annotations

import os
from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet.errors import (
    ArgumentException, ErrorCategory, ErrorRecord, InvalidOperationException, MethodInvocationException,
)

from . import fspaths

_MAX_HASHTABLE_KEYS = 500
_MAX_VISITS = 5000


@cmdlet("Import-PowerShellDataFile", default_parameter_set="ByPath",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=623621")
class ImportPowerShellDataFileCommand(Cmdlet):
    """Imports the hashtable a PowerShell data file (.psd1) holds.

    The file is never run: it is parsed and its first hashtable is read as a
    value, so only literal values are allowed inside (strings, numbers,
    arrays, nested hashtables, $true, $false and $null).  A file that does not
    parse or holds anything dynamic is reported as not a PowerShell data
    file; a missing file as PathNotFound.  Hashtables of more than 500 keys,
    and files of 5000 values or more, need -SkipLimitCheck."""

    help_examples = [
        ("Example 1: Read a module manifest", "Import-PowerShellDataFile ./MyModule/MyModule.psd1",
         "Returns the manifest's hashtable, for example to read its ModuleVersion."),
        ("Example 2: Read a settings file",
         "$settings = Import-PowerShellDataFile -LiteralPath ./settings.psd1; $settings.Servers",
         "Loads the settings without running any code the file might contain."),
    ]

    path = Parameter("String[]", sets={"ByPath": {"mandatory": True, "position": 0}},
                     validators=[validate_not_null_or_empty()], supports_wildcards=True,
                     help="The data files to read; wildcards are allowed.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"ByLiteralPath": {
        "mandatory": True, "position": 0, "value_from_pipeline_by_property_name": True}},
        validators=[validate_not_null_or_empty()], help="The data files to read, taken as written.")
    skip_limit_check = Parameter("SwitchParameter",
                                 help="Allows hashtables of more than 500 keys and files of 5000 values or more.")

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "ByLiteralPath"
        session = self.context.session
        for raw in (self.literal_path if literal else self.path) or ():
            paths, wildcard = fspaths.resolve_paths(session, raw, literal)
            if wildcard and len(paths) > 1:
                self._several_files()
            resolved = paths[0] if paths else ""
            if not resolved or not os.path.isfile(resolved):
                message = f"Cannot find path '{raw}' because it does not exist."
                self.write_error(ErrorRecord(ArgumentException(message), "PathNotFound", ErrorCategory.InvalidArgument,
                                             raw))
                continue
            value = self._read(resolved)
            if value is not _FAILED:
                yield value

    def _several_files(self) -> None:
        """pwsh's PathUtils.ResolveFilePath: a wildcard must not name several
        files (one naming none is reported as PathNotFound, as a missing path)."""
        from pwshlike.dotnet.errors import ErrorDetails, PSInvalidOperationException
        record = ErrorRecord(PSInvalidOperationException(), "ReadWriteMultipleFilesNotSupported",
                             ErrorCategory.InvalidArgument, None)
        record.error_details = ErrorDetails("Cannot perform operation because the path resolved to more than one "
                                            "file. This command cannot operate on multiple files.")
        self.throw_terminating_error(record)

    def _read(self, path: str) -> Any:
        from pwshlike.dotnet import members
        from pwshlike.language import parse_input
        try:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            return self._invalid(path, "CouldNotParseAsPowerShellDataFile")
        ast, _tokens, errors = parse_input(text, path)
        if errors:
            return self._invalid(path, "CouldNotParseAsPowerShellDataFile")
        table = _first_hashtable(ast)
        if table is None:
            return self._invalid(path, "CouldNotParseAsPowerShellDataFileNoHashtableRoot")
        if not self.skip_limit_check and _over_limits(table):
            return self._invalid_dynamic(table)
        try:
            return members.invoke_method(table, "SafeGetValue", [bool(self.skip_limit_check)])
        except MethodInvocationException as exc:
            # pwsh calls the method directly: the InvalidOperationException itself stops the cmdlet.
            inner = exc.inner_exception if isinstance(exc.inner_exception, InvalidOperationException) else None
            if inner is None:
                raise
            return self._stop(inner)

    def _invalid(self, path: str, error_id: str) -> Any:
        exc = InvalidOperationException(f"The file '{path}' could not be parsed as a PowerShell Data File.")
        self.write_error(ErrorRecord(exc, error_id, ErrorCategory.InvalidData, path))
        return _FAILED

    def _invalid_dynamic(self, table: Any) -> Any:
        """What SafeGetValue throws when the visitor refuses the hashtable."""
        return self._stop(InvalidOperationException(
            "Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. "
            f"Dynamic expression: {table.extent.text}."))

    def _stop(self, exc: InvalidOperationException) -> Any:
        self.throw_terminating_error(ErrorRecord(exc, "System.InvalidOperationException",
                                                 ErrorCategory.NotSpecified, None))
        return _FAILED


_FAILED: Any = object()


def _first_hashtable(ast: Any) -> Any:
    """``ast.Find({ $args[0] -is [HashtableAst] }, $false)``: pre-order, not
    inside nested script blocks."""
    from pwshlike.language import ast as A
    stack = [ast]
    while stack:
        node = stack.pop()
        if isinstance(node, A.HashtableAst):
            return node
        if node is not ast and isinstance(node, (A.ScriptBlockExpressionAst, A.FunctionDefinitionAst)):
            continue
        stack.extend(reversed(list(node.children())))
    return None


def _over_limits(table: Any) -> bool:
    """pwsh's IsSafeValueVisitor limits without -SkipLimitCheck: a hashtable
    of more than 500 keys, or 5000 visits of the nodes it counts (constants,
    variables, unary and convert expressions, statements, the expansions of
    expandable strings), so a huge array is refused too."""
    from pwshlike.language import ast as A
    counted = (A.ConstantExpressionAst, A.VariableExpressionAst, A.UnaryExpressionAst, A.ConvertExpressionAst,
               A.UsingExpressionAst)
    visits = 0
    stack = [table]
    while stack:
        node = stack.pop()
        if isinstance(node, A.HashtableAst) and len(node.pairs) > _MAX_HASHTABLE_KEYS:
            return True
        if isinstance(node, counted):
            visits += 1
        elif isinstance(node, A.StatementBlockAst):
            visits += len(node.statements)
        elif isinstance(node, A.ExpandableStringExpressionAst):
            visits += sum(1 for part in node.parts if not isinstance(part, str))
        stack.extend(node.children())
    return visits >= _MAX_VISITS
