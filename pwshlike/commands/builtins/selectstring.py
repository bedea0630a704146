"""Select-String: finds text in strings and files.

Each matching line becomes a MatchInfo whose string form is
``path:line:text`` for a file and the line alone for piped text; with
-Context the lines around a match come with it (``> `` marks the match).
Piped strings stream: a match is written as soon as its line (and the
context lines after it) have arrived.
"""

from __future__ import annotations

import glob
import os
from collections import deque
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_count, validate_range, validate_set
from pwshlike.dotnet import members
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, ItemNotFoundException, RuntimeException
from pwshlike.dotnet.netregex import RegexMatch, compile_pattern
from pwshlike.dotnet.types import type_of
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match

from .fserrors import dotnet_exception
from .outfile import ENCODINGS

INPUT_STREAM = "InputStream"
_ENCODING_NAMES = list(ENCODINGS)


class MatchInfoContext:
    """``Microsoft.PowerShell.Commands.MatchInfoContext``: the lines before
    and after a match, and the ones shown (not already shown with another
    match)."""

    __slots__ = ("PreContext", "PostContext", "DisplayPreContext", "DisplayPostContext")
    full_name = "Microsoft.PowerShell.Commands.MatchInfoContext"
    PS_MEMBERS = {name: name for name in __slots__}

    def __init__(self) -> None:
        self.PreContext: list[str] = []
        self.PostContext: list[str] = []
        self.DisplayPreContext: list[str] = []
        self.DisplayPostContext: list[str] = []


class MatchInfo:
    """``Microsoft.PowerShell.Commands.MatchInfo``."""

    __slots__ = ("IgnoreCase", "LineNumber", "Line", "Path", "Pattern", "Context", "Matches", "_path_set",
                 "_emphasize", "_simple_range")
    full_name = "Microsoft.PowerShell.Commands.MatchInfo"
    PS_MEMBERS = {"IgnoreCase": "IgnoreCase", "LineNumber": "LineNumber", "Line": "Line",
                  "Filename": "filename", "Path": "Path", "Pattern": "Pattern", "Context": "Context",
                  "Matches": "Matches", "ToString": "to_string", "RelativePath": "relative_path",
                  "ToEmphasizedString": "ToEmphasizedString"}

    def __init__(self, line: str, line_number: int, path: Optional[str], pattern: Optional[str],
                 ignore_case: bool, matches: list[Any], emphasize: bool = False,
                 simple_range: Optional[tuple[int, int]] = None) -> None:
        self.IgnoreCase = ignore_case
        self.LineNumber = line_number
        self.Line = line
        self.Path = path if path is not None else INPUT_STREAM
        self._path_set = path is not None
        self.Pattern = pattern
        self.Context: Optional[MatchInfoContext] = None
        self.Matches = matches
        self._emphasize = emphasize
        self._simple_range = simple_range

    @property
    def filename(self) -> str:
        return os.path.basename(self.Path) if self._path_set else INPUT_STREAM

    def relative_path(self, directory: Any) -> str:
        path, base = self.Path, to_string(directory)
        if not self._path_set or not base or not path.lower().startswith(base.lower()) or len(base) >= len(path):
            return path
        if base.endswith(("/", "\\")):
            return path[len(base):]
        return path[len(base) + 1:] if path[len(base)] in "/\\" else path

    def __str__(self) -> str:
        return self.to_string()

    def to_string(self, directory: Any = None) -> str:
        """``ToString()``: ``path:line:text`` (the path relative to
        ``directory`` when given), or the line for piped input; with context,
        the context lines too, the match marked ``> ``."""
        return self._render(directory, self.Line)

    def ToEmphasizedString(self, directory: Any) -> str:
        """What the console shows: ToString(directory) with the matched
        text in reverse video (unless -NoEmphasis); the formatter removes
        the escape sequences where styles are not wanted."""
        if not self._emphasize:
            return self._render(directory, self.Line)
        from pwshlike.formatting.style import PSStyle
        reverse, reset = PSStyle.instance.Reverse, PSStyle.instance.Reset
        if self._simple_range is not None:
            ranges = [self._simple_range]
        else:
            ranges = [(m.Index, m.Length) for m in self.Matches]
        line, parts, position = self.Line, [], 0
        for start, length in ranges:
            if start < position:
                continue
            parts.append(line[position:start] + reverse + line[start:start + length] + reset)
            position = start + length
        parts.append(line[position:])
        return self._render(directory, "".join(parts))

    def _render(self, directory: Any, line: str) -> str:
        path = self.relative_path(directory) if directory is not None else self.Path

        def one(text: str, number: int, prefix: str) -> str:
            return f"{prefix}{path}:{number}:{text}" if self._path_set else f"{prefix}{text}"

        context = self.Context
        if context is None:
            return one(line, self.LineNumber, "")
        lines = []
        number = self.LineNumber - len(context.DisplayPreContext)
        for text in context.DisplayPreContext:
            lines.append(one(text, number, "  "))
            number += 1
        lines.append(one(line, number, "> "))
        number += 1
        for text in context.DisplayPostContext:
            lines.append(one(text, number, "  "))
            number += 1
        return "\n".join(lines)


class _Pending:
    """A match waiting for the lines after it."""

    __slots__ = ("info", "open_display")

    def __init__(self, info: MatchInfo) -> None:
        self.info = info
        self.open_display = True


class _Searcher:
    """Matches the lines of one source (a file, or the input stream),
    tracking the context lines around each match."""

    def __init__(self, command: "SelectStringCommand", path: Optional[str]) -> None:
        self.command = command
        self.path = path
        self.line_number = 0
        before, after = command.context_sizes
        self.before = before
        self.after = after
        self.previous: deque[tuple[int, str]] = deque(maxlen=before) if before else deque(maxlen=0)
        self.last_shown = 0
        self.pending: deque[_Pending] = deque()
        self.found = False

    def feed(self, line: str) -> Iterator[Any]:
        self.line_number += 1
        number = self.line_number
        result = self.command.match(line, number, self.path)
        if self.pending:
            for waiting in self.pending:
                context = waiting.info.Context
                assert context is not None
                if result is not None:
                    waiting.open_display = False
                context.PostContext.append(line)
                if waiting.open_display:
                    context.DisplayPostContext.append(line)
                    self.last_shown = number
            while self.pending and len(self.pending[0].info.Context.PostContext) >= self.after:  # type: ignore[union-attr]
                yield self.pending.popleft().info
        if result is not None:
            self.found = True
            if self.before or self.after:
                context = MatchInfoContext()
                context.PreContext = [text for _n, text in self.previous]
                context.DisplayPreContext = [text for n, text in self.previous if n > self.last_shown]
                result.Context = context
                self.last_shown = number
                if self.after:
                    self.pending.append(_Pending(result))
                else:
                    yield result
            else:
                yield result
        if self.before:
            self.previous.append((number, line))

    def finish(self) -> Iterator[Any]:
        while self.pending:
            yield self.pending.popleft().info


@cmdlet("Select-String", default_parameter_set="File", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097119")
class SelectStringCommand(Cmdlet):
    """Finds text matching regular expressions (or plain text with
    -SimpleMatch) in piped strings or in files.

    Matching ignores case unless -CaseSensitive; -AllMatches records every
    match in a line; -NotMatch selects the lines that do not match."""

    help_examples = [
        ('Example 1: Search files',
         "Select-String -Path ./logs/*.log -Pattern 'timeout'",
         'Each match shows the file, the line number and the line.'),
        ('Example 2: Filter piped text',
         "Get-Content ./app.conf | Select-String -Pattern '^\\s*#' -NotMatch",
         'Keeps the lines that are not comments.'),
        ('Example 3: Extract the matched text',
         "Select-String -Path ./access.log -Pattern '\\d+\\.\\d+\\.\\d+\\.\\d+' -AllMatches | ForEach-Object { $_.Matches.Value }",
         'Returns every IP address found, not the whole lines.'),
        ('Example 4: Lines around a match',
         "Select-String -Path ./app.log -Pattern 'FATAL' -Context 2, 1",
         'Shows two lines before and one line after each match.'),
    ]

    input_object = Parameter("PSObject", sets={"Object": {"mandatory": True, "value_from_pipeline": True},
                                               "ObjectRaw": {"mandatory": True, "value_from_pipeline": True}},
                             allow_null=True, allow_empty_string=True, help="Text to search.")
    pattern = Parameter("String[]", position=0, mandatory=True, help="The regular expressions (or text) to find.")
    path = Parameter("String[]", sets={"File": {"mandatory": True, "position": 1,
                                                "value_from_pipeline_by_property_name": True},
                                       "FileRaw": {"mandatory": True, "position": 1,
                                                   "value_from_pipeline_by_property_name": True}},
                     help="Files to search (wildcards allowed).", supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={
        "LiteralFile": {"mandatory": True, "value_from_pipeline_by_property_name": True},
        "LiteralFileRaw": {"mandatory": True, "value_from_pipeline_by_property_name": True}},
        help="Files to search, taken literally.")
    raw = Parameter("SwitchParameter", sets={s: {"mandatory": True} for s in ("FileRaw", "ObjectRaw",
                                                                              "LiteralFileRaw")},
                    help="Outputs the matching lines as strings.")
    simple_match = Parameter("SwitchParameter", help="Finds plain text instead of regular expressions.")
    case_sensitive = Parameter("SwitchParameter", help="Upper and lower case differ.")
    quiet = Parameter("SwitchParameter", sets={s: {} for s in ("File", "Object", "LiteralFile")},
                      help="Outputs only True or False.")
    first_only = Parameter("SwitchParameter", name="List", help="Only the first match in each file.")
    no_emphasis = Parameter("SwitchParameter", help="Does not highlight the matched text.")
    include = Parameter("String[]", help="Only files whose names match these wildcards.", supports_wildcards=True)
    exclude = Parameter("String[]", help="Skips files whose names match these wildcards.", supports_wildcards=True)
    not_match = Parameter("SwitchParameter", help="Selects the lines that do not match.")
    all_matches = Parameter("SwitchParameter", help="Finds every match in each line.")
    encoding = Parameter("String", validators=[validate_set(_ENCODING_NAMES)], help="The files' text encoding.")
    context_lines = Parameter("Int32[]", name="Context", validators=[validate_count(1, 2), validate_range(0, 2147483647)],
                        help="Lines to show before and after each match.")

    def begin_processing(self) -> None:
        sizes = list(self.context_lines or [])
        self.context_sizes = (sizes[0], sizes[-1]) if sizes else (0, 0)
        flags = 0 if self.case_sensitive else 1
        self._patterns = list(self.pattern)
        self._regexes = [] if self.simple_match else [compile_pattern(p, flags) for p in self._patterns]
        self._stream: Optional[_Searcher] = None
        self._done = False
        self._found_any = False

    # --- matching -----------------------------------------------------------------------------

    def match(self, line: str, number: int, path: Optional[str]) -> Optional[MatchInfo]:
        """The MatchInfo for a selected line, or None."""
        ignore_case = not self.case_sensitive
        found_pattern: Optional[str] = None
        found: list[Any] = []
        simple_range: Optional[tuple[int, int]] = None
        if self.simple_match:
            text = line.lower() if ignore_case else line
            for pattern in self._patterns:
                index = text.find(pattern.lower() if ignore_case else pattern)
                if index >= 0:
                    found_pattern = pattern
                    simple_range = (index, len(pattern))
                    break
        else:
            for pattern, regex in zip(self._patterns, self._regexes):
                if self.all_matches:
                    found = [RegexMatch(m) for m in regex.finditer(line)]
                else:
                    first = regex.search(line)
                    found = [RegexMatch(first)] if first is not None else []
                if found:
                    found_pattern = pattern
                    break
        if self.not_match:
            if found_pattern is not None:
                return None
            return MatchInfo(line, number, path, None, ignore_case, [])
        if found_pattern is None:
            return None
        return MatchInfo(line, number, path, found_pattern, ignore_case, found, not self.no_emphasis, simple_range)

    # --- output -------------------------------------------------------------------------------

    def _emit(self, results: Iterator[MatchInfo]) -> Iterator[Any]:
        for info in results:
            if self._done:
                return
            self._found_any = True
            if self.quiet:
                self._done = True
                yield True
                return
            yield info.Line if self.raw else info

    # --- sources ------------------------------------------------------------------------------

    def process_record(self) -> Iterator[Any]:
        if self._done:
            return
        if self.parameter_set_name.startswith("Object"):
            obj = self.input_object
            file_path = _file_path(obj)
            if file_path is not None:
                yield from self._search_file(file_path)
                return
            if self._stream is None:
                self._stream = _Searcher(self, None)
            if self.first_only and self._stream.found:
                return
            yield from self._emit(self._stream.feed("" if obj is None else to_string(obj)))
            return
        literal = self.literal_path is not None
        for path in (self.literal_path if literal else self.path) or ():
            for file_path in self._expand(path, literal):
                yield from self._search_file(file_path)

    def end_processing(self) -> Iterator[Any]:
        if self._stream is not None:
            yield from self._emit(self._stream.finish())
        if self.quiet and not self._found_any:
            yield False

    def _expand(self, path: str, literal: bool) -> list[str]:
        resolved = self.context.session.resolve_path(path)
        if not literal and contains_wildcard(path):
            found = sorted(p for p in glob.glob(resolved) if os.path.isfile(p))
        elif os.path.exists(resolved):
            found = [resolved] if os.path.isfile(resolved) else []
        else:
            exc = ItemNotFoundException(f"Cannot find path '{resolved}' because it does not exist.")
            self.write_error(ErrorRecord(exc, "PathNotFound", ErrorCategory.ObjectNotFound, resolved))
            return []
        return [p for p in found if self._included(os.path.basename(p))]

    def _included(self, name: str) -> bool:
        if self.include and not any(wildcard_match(name, w) for w in self.include):
            return False
        return not (self.exclude and any(wildcard_match(name, w) for w in self.exclude))

    def _search_file(self, file_path: str) -> Iterator[Any]:
        encoding = ENCODINGS[(self.encoding or "utf8").lower()]
        searcher = _Searcher(self, file_path)
        try:
            with open(file_path, encoding="utf-8-sig" if encoding == "utf-8" else encoding,
                      errors="replace", newline=None) as handle:
                for raw_line in handle:
                    line = raw_line[:-1] if raw_line.endswith("\n") else raw_line
                    for item in self._emit(searcher.feed(line)):
                        yield item
                    if self._done or (self.first_only and searcher.found):
                        return
        except OSError as exc:
            reason = dotnet_exception(exc, file_path, missing_is_file=True).message
            error = RuntimeException(f"The file '{file_path}' cannot be read: {reason}")
            self.write_error(ErrorRecord(error, "ProcessingFile", ErrorCategory.ReadError, file_path))
            return
        yield from self._emit(searcher.finish())


def _file_path(obj: Any) -> Optional[str]:
    """The path of a FileInfo from Get-ChildItem/Get-Item, which
    Select-String searches rather than its text."""
    if obj is None or isinstance(obj, str):
        return None
    if type_of(obj).full_name != "System.IO.FileInfo":
        return None
    return to_string(members.get_member(obj, "FullName"))
