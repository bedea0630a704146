"""ConvertFrom-StringData: ``name = value`` lines into a hashtable.

As pwsh does it: each line is trimmed, empty lines and ``#`` comments are
skipped, the name and value around the first delimiter are trimmed, and the
value's escapes are read as .NET's ``Regex.Unescape`` reads them (``\\n``,
``\\t``, ``\\\\``, ``\\u0041``...).  A line without a delimiter, or a name
given twice, stops the cmdlet with pwsh's InvalidOperation error.
"""

from __future__ import annotations

from typing import Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord, PSInvalidOperationException
from pwshlike.dotnet.values import Hashtable

_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX = "0123456789abcdefABCDEF"


class _UnescapeError(Exception):
    """A value ``Regex.Unescape`` refuses; ``message`` is .NET's text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def regex_unescape(text: str) -> str:
    """.NET's ``Regex.Unescape``: every backslash escape replaced by its
    character; an escaped letter that is no escape is an error, an escaped
    symbol is the symbol itself."""
    if "\\" not in text:
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise _UnescapeError(f"Invalid pattern '{text}' at offset {n}. Illegal \\ at end of pattern.")
        c = text[i]
        i += 1
        if c in "01234567":
            digits = c
            while len(digits) < 3 and i < n and text[i] in "01234567":
                digits += text[i]
                i += 1
            out.append(chr(int(digits, 8) & 0xFF))
        elif c in "xu":
            width = 2 if c == "x" else 4
            digits = text[i:i + width]
            if len(digits) < width or any(d not in _HEX for d in digits):
                raise _UnescapeError(f"Invalid pattern '{text}' at offset {min(i + width, n)}. "
                                     "Insufficient or invalid hexadecimal digits.")
            out.append(chr(int(digits, 16)))
            i += width
        elif c == "c":
            if i >= n or not text[i].isascii() or not text[i].isalpha():
                raise _UnescapeError(f"Invalid pattern '{text}' at offset {min(i + 1, n)}. "
                                     "Unrecognized control character.")
            out.append(chr(ord(text[i].upper()) - 64))
            i += 1
        elif c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif c.isalnum() or c == "_":
            raise _UnescapeError(f"Invalid pattern '{text}' at offset {i}. Unrecognized escape sequence \\{c}.")
        else:
            out.append(c)
    return "".join(out)


@cmdlet("ConvertFrom-StringData", output_types=("System.Collections.Hashtable",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096602")
class ConvertFromStringDataCommand(Cmdlet):
    """Converts text made of name=value lines into a hashtable.

    Each piped or given string becomes one hashtable (keys are compared
    without regard to case).  Lines are trimmed; empty lines and lines
    starting with # are ignored.  The text before the first delimiter (= unless
    -Delimiter names another character) is the key, the rest the value, both
    trimmed.  Backslash escapes in values are expanded as .NET regular
    expressions unescape them, so \\n is a new line and \\\\ a backslash.  A
    line without a delimiter, or a key given twice, is an error."""

    help_examples = [
        ("Example 1: Read settings from a here-string",
         "@'\nName = web01\nPort = 8080\n# a comment\n'@ | ConvertFrom-StringData",
         "Returns a hashtable with the keys Name and Port (their values are strings)."),
        ("Example 2: Use another delimiter", "'colour: blue' | ConvertFrom-StringData -Delimiter ':'",
         "Returns @{ colour = 'blue' }."),
        ("Example 3: Escapes in values", "ConvertFrom-StringData 'path = C:\\\\temp\\\\new'",
         "The value is C:\\temp\\new: each doubled backslash becomes one."),
    ]

    string_data = Parameter("String", position=0, mandatory=True, value_from_pipeline=True,
                            allow_empty_string=True, help="The text to convert: name=value lines.")
    delimiter = Parameter("Char", position=1, default="=",
                          help="The character between a name and its value; = by default.")

    def process_record(self) -> Iterator[Hashtable]:
        result = Hashtable()
        text = self.string_data
        if not text:
            yield result
            return
        delimiter = str(self.delimiter)
        for line in (part.strip() for part in text.split("\n")):
            if not line or line[0] == "#":
                continue
            index = line.find(delimiter)
            if index <= 0:
                self._stop(f"Data line '{line}' is not in 'name=value' format. ")
            name = line[:index].strip()
            if name in result:
                self._stop(f"Data item '{name}' in line '{line}' is already defined. ")
            try:
                result[name] = regex_unescape(line[index + 1:].strip())
            except _UnescapeError as exc:
                self.throw_terminating_error(ErrorRecord(ArgumentException(exc.message), "System.ArgumentException",
                                                         ErrorCategory.NotSpecified, None))
        yield result

    def _stop(self, message: str) -> None:
        exc = PSInvalidOperationException(message)
        self.throw_terminating_error(ErrorRecord(exc, "InvalidOperation", ErrorCategory.InvalidOperation, None))
