"""How the console shows an ErrorRecord: pwsh 7's ``$ErrorView`` layouts.

This is a transcription of the ``ErrorInstance`` custom view in PowerShell's
``PowerShellCore_format_ps1xml.cs``:

* ``ConciseView`` (the default): ``Reason: message`` on one line, or, for
  errors from a script file, errors past line 1 and parse errors, the
  ``Line |`` block with the source line, the ``~`` marker and the message
  (wrapped to the window width);
* ``NormalView``: ``Command : message``, the ``At line:1 char:1`` position
  message and the ``+ CategoryInfo`` / ``+ FullyQualifiedErrorId`` lines;
* ``CategoryView``: ``CategoryInfo.GetMessage()``.

Colours are ``$PSStyle.Formatting.Error``/``ErrorAccent`` (bold red, bold
cyan) and only used when the caller says the destination is a terminal.
"""

from __future__ import annotations

import os

from ..dotnet.errors import ErrorRecord, ParseException, position_message

ERROR_COLOR = "\x1b[31;1m"
ACCENT_COLOR = "\x1b[36;1m"
RESET = "\x1b[0m"

DEFAULT_WIDTH = 120
"""The width ConciseView wraps to when the host has no window (pwsh's fallback)."""

_NATIVE_IDS = ("NativeCommandErrorMessage", "NativeCommandError")


def format_error(record: ErrorRecord, view: str = "ConciseView", color: bool = False,
                 width: int = DEFAULT_WIDTH) -> str:
    """The text pwsh shows for ``record`` (lines joined with ``\\n``, no
    trailing newline).  ``view`` is ``$ErrorView``'s value; an unknown view
    is shown as NormalView, which is what pwsh's view script does."""
    error_color, reset = (ERROR_COLOR, RESET) if color else ("", "")
    errors = getattr(record.exception, "errors", None)
    if errors and getattr(errors[0], "extent", None) is not None:
        # pwsh's ParseException positions its record at its first error,
        # wherever it was raised (a script file with syntax errors run by path).
        record = parse_error_record(errors)
    if record.fully_qualified_error_id in _NATIVE_IDS:
        return f"{error_color}{_exception_message(record)}{reset}"
    lowered = (view or "").lower()
    if lowered == "conciseview":
        return _concise(record, color, width)
    if lowered == "categoryview":
        return f"{error_color}{record.category_info.get_message()}{reset}"
    return _normal(record, error_color, reset)


def format_parse_errors(errors: list, view: str = "ConciseView", color: bool = False,
                        width: int = DEFAULT_WIDTH) -> str:
    """The display of a failed parse (``ParserError:`` with the first
    error's line and message), from the parser's error list."""
    return format_error(parse_error_record(errors), view, color, width)


def parse_error_record(errors: list) -> ErrorRecord:
    """The ErrorRecord pwsh makes of a ParseException: error id and extent
    of the first error, category ParserError, and the exception message
    listing every error (at most ten) with its position."""
    from ..dotnet.errors import InvocationInfo
    shown = errors[:10]
    message = "\n\n".join(_parse_error_text(e) for e in shown)
    if len(errors) > 10:
        message += "\n\nNot all parse errors were reported.  Correct the reported errors and try again."
    exception = ParseException(message, errors=errors)
    record = exception.error_record
    if errors and getattr(errors[0], "extent", None) is not None:
        record.invocation_info = InvocationInfo(extent=errors[0].extent)
    return record


def _parse_error_text(error: object) -> str:
    """``ParseError.ToString()``: the position message then the message."""
    extent = getattr(error, "extent", None)
    message = getattr(error, "message", str(error))
    if extent is None:
        return message
    return position_message(extent) + "\n" + message


def _exception_message(record: ErrorRecord) -> str:
    exc = record.exception
    if exc is None:
        return str(record)
    message = getattr(exc, "message", None)
    return message if isinstance(message, str) else str(exc)


def _first_parse_message(record: ErrorRecord) -> str | None:
    errors = getattr(record.exception, "errors", None)
    if errors:
        return getattr(errors[0], "message", None)
    return None


# --- ConciseView --------------------------------------------------------------------

def _truncated(text: str, length: int) -> str:
    """``Get-TruncatedString``: at most ``length`` characters, cut at the
    last whitespace inside them."""
    if len(text) <= length:
        return text
    head = text[:length]
    for i in range(len(head) - 1, -1, -1):
        if head[i].isspace():
            return head[:i]
    return head


def _target_position(target: object) -> tuple[object, str] | None:
    """A TargetObject carrying ``Line`` and ``LineText`` (Pester-style
    assertions) is shown instead of the script position."""
    getter = getattr(target, "get", None)
    if getter is None or isinstance(target, str):
        return None
    try:
        line, text = getter("Line"), getter("LineText")
    except Exception:
        return None
    if line and text:
        return line, str(text)
    return None


def _concise(record: ErrorRecord, color: bool, width: int) -> str:
    error_color, accent, reset = (ERROR_COLOR, ACCENT_COLOR, RESET) if color else ("", "", "")
    inv = record.invocation_info
    is_parser = str(record.category) == "ParserError"
    script_name = inv.script_name if inv is not None else ""
    line_number = inv.script_line_number if inv is not None else 0

    posmsg = ""
    prefix = ""
    message = ""
    target_position = _target_position(record.target_object)
    show_lines = ((bool(script_name) or line_number > 1 or is_parser)
                  and not script_name.lower().endswith(".psm1"))
    if show_lines and (inv is not None or target_position is not None):
        if target_position is not None:
            target_file = record.target_object.get("File")
            posmsg = f"{reset}{'' if target_file is None else target_file}\n"
            line_number = target_position[0]
        elif script_name:
            if os.environ.get("TERM_PROGRAM") == "vscode":
                posmsg = f"{reset}{script_name}:{line_number}:{inv.offset_in_line}\n"
            else:
                posmsg = f"{reset}{script_name}:{line_number}\n"
        else:
            posmsg = "\n"
        number_text = str(line_number)
        header_ws = " " * (len(number_text) - 4) if len(number_text) > 4 else ""
        line_ws = " " * (4 - len(number_text)) if len(number_text) < 4 else ""
        posmsg += f"{accent}{header_ws}Line |\n"

        if target_position is not None:
            line = target_position[1].strip()
            highlight = ""
            offset_length = 0
            offset_in_line = 0
        else:
            parts = inv.position_message.split("\n")
            line = parts[1][1:] if len(parts) > 1 else ""
            highlight = parts[-1][1:] if len(parts) > 1 else ""
            offset_length = len(highlight.strip())
            offset_in_line = highlight.find("~")
        if not line.endswith("\n"):
            line += "\n"
        if color and offset_in_line >= 0 and offset_length < len(line) - 1:
            end = offset_in_line + offset_length
            line = line[:offset_in_line] + accent + line[offset_in_line:end] + reset + line[end:]
        posmsg += f"{accent}{line_ws}{number_text} | {reset}{line}"
        prefix = f"{accent}{header_ws}     | {error_color}"
        if highlight:
            posmsg += f"{prefix}{highlight}\n"
        message = prefix

    details = record.error_details
    if details is not None and details.message:
        message += details.message
    elif is_parser and _first_parse_message(record) is not None:
        message += _first_parse_message(record) or ""
    else:
        message += _exception_message(record)

    if (inv is not None and script_name) or is_parser:
        prefix_length = len(prefix) - (len(accent) + len(error_color))
        prefix_vt_length = len(prefix) - prefix_length
        message = message.replace("\n", " ").replace("\t", " ")
        if width > 0 and len(message) - prefix_vt_length > width:
            pieces = []
            substring = _truncated(message, width + prefix_vt_length)
            pieces.append(substring)
            remaining = message[len(substring):].strip()
            pieces.append("\n")
            while len(remaining) + prefix_length > width:
                substring = _truncated(prefix + remaining, width + prefix_vt_length)
                if len(substring) - len(prefix) > 0:
                    pieces.append(substring)
                    pieces.append("\n")
                    remaining = remaining[len(substring) - len(prefix):].strip()
                else:
                    break
            pieces.append(prefix + remaining.strip())
            message = "".join(pieces)
        message += "\n"

    posmsg += error_color + message
    text = f"{error_color}{_concise_reason(record)}: {posmsg}"
    if text.endswith("\n"):
        text = text[:-1]
    return text + reset


def _concise_reason(record: ErrorRecord) -> str:
    """The word before the colon: ``Exception`` for ``throw``, else the
    command, the activity, the invocation name, the category or the
    exception's type name, as the view script chooses."""
    exc = record.exception
    inv = record.invocation_info
    if getattr(exc, "was_thrown_from_throw_statement", False):
        return "Exception"
    command = inv.my_command if inv is not None else None
    command_name = getattr(command, "name", None) if command is not None else None
    if command_name:
        return str(command_name)
    activity = record.category_info.activity
    if activity:
        return activity
    if inv is not None and inv.invocation_name:
        return inv.invocation_name
    category = record.category
    if category:
        return str(category)
    return record.category_info.reason


# --- NormalView -----------------------------------------------------------------------

def _normal(record: ErrorRecord, error_color: str, reset: str) -> str:
    inv = record.invocation_info
    prefix = ""
    command = inv.my_command if inv is not None else None
    if command is not None:
        kind = str(getattr(command, "command_type", ""))
        if kind == "ExternalScript":
            path = getattr(command, "path", None)
            prefix = f"{path} : " if path else ""
        elif kind == "Script":
            block = getattr(command, "script_block", None)
            prefix = f"{block} : " if block is not None else ""
        elif inv.invocation_name in ("", "&", "."):
            name = getattr(command, "name", None)
            prefix = f"{name} : " if name else ""
        else:
            prefix = f"{inv.invocation_name} : "
    elif inv is not None and inv.invocation_name:
        prefix = f"{inv.invocation_name} : "

    posmsg = ""
    if inv is not None and (command is not None or str(record.category) != "ParserError"):
        posmsg = inv.position_message
        if posmsg:
            posmsg = "\n" + posmsg
    posmsg += "\n+ CategoryInfo          : " + record.category_info.get_message()
    posmsg += "\n+ FullyQualifiedErrorId : " + record.fully_qualified_error_id
    details = record.error_details
    if details is not None and details.message:
        final = details.message + posmsg
    else:
        final = _exception_message(record) + posmsg
    return f"{error_color}{prefix}{error_color}{final}{reset}"
