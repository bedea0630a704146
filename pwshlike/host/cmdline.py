"""pwsh's command-line parameters, parsed the way ConsoleHost parses them.

The rules follow PowerShell's ``CommandLineParameterParser``: a switch may
start with ``-``, ``--``, ``/`` or a Unicode dash; names are
case-insensitive and may be shortened to any prefix at least as long as
the documented short form (``-nop``, ``-noni``, ``-c``); the first word that
is not a switch starts ``-File``; ``-Command`` takes the rest of the
arguments joined with spaces; ``-File`` takes the script path and passes the
remaining words to the script as pwsh does (``-Name`` becomes a parameter
name, ``-Name:value`` a named value with ``true``/``$false`` turned into
booleans, everything else a positional string).

Parsing never touches the engine; the result is a plain
:class:`CommandLine` the CLI acts on.  Errors carry pwsh's messages and
exit code 64 (``ExitCodeBadCommandLineParameter``).
"""

from __future__ import annotations

import os

EXIT_BAD_COMMAND_LINE = 64

_DASHES = "-\u2013\u2014\u2015"

# Every switch pwsh knows, in its matching order: (full name, shortest
# accepted prefix).  Several names map to one meaning ("of" = outputformat).
_SWITCHES = (
    ("version", "v"), ("help", "h"), ("?", "?"), ("login", "l"), ("noexit", "noe"),
    ("noprofile", "nop"), ("nologo", "nol"), ("noninteractive", "noni"),
    ("socketservermode", "so"), ("servermode", "s"), ("namedpipeservermode", "nam"),
    ("sshservermode", "sshs"), ("interactive", "i"), ("configurationname", "config"),
    ("custompipename", "cus"), ("command", "c"), ("windowstyle", "w"), ("file", "f"),
    ("outputformat", "o"), ("of", "o"), ("inputformat", "inp"), ("if", "if"),
    ("executionpolicy", "ex"), ("ep", "ep"), ("encodedcommand", "e"), ("ec", "e"),
    ("encodedarguments", "encodeda"), ("ea", "ea"), ("settingsfile", "settings"),
    ("sta", "sta"), ("mta", "mta"), ("workingdirectory", "wo"), ("wd", "wd"),
)

_ALIASES = {"?": "help", "of": "outputformat", "if": "inputformat", "ep": "executionpolicy",
            "ec": "encodedcommand", "ea": "encodedarguments", "wd": "workingdirectory"}

# The names pwsh suggests from when an unknown "-word" is not a file.
_VALID_PARAMETERS = (
    "sta", "mta", "command", "configurationname", "custompipename", "encodedcommand",
    "executionpolicy", "file", "help", "inputformat", "login", "noexit", "nologo",
    "noninteractive", "noprofile", "outputformat", "removeworkingdirectorytrailingcharacter",
    "settingsfile", "version", "windowstyle", "workingdirectory",
)

_DATA_FORMATS = ("Text", "XML", "None")

# pwsh's messages (CommandLineParameterParserStrings.resx).
MSG_MISSING_COMMAND = "Cannot process the command because of a missing parameter. A command must follow -Command."
MSG_COMMAND_ALREADY = "Cannot process command because a command is already specified with -Command or -EncodedCommand."
MSG_TOO_MANY_FOR_STDIN = "'-' was specified with the -Command parameter; no other arguments to -Command are permitted."
MSG_STDIN_NOT_REDIRECTED = ("'-' was specified as the argument to -Command but standard input has not been "
                            "redirected for this process.")
MSG_MISSING_FILE = ("The command cannot be run because the File parameter requires a file path. "
                    "Supply a path for the File parameter and then try the command again.")
MSG_FILE_NOT_FOUND = ("The argument '{0}' is not recognized as the name of a script file. Check the spelling "
                      "of the name, or if a path was included, verify that the path is correct and try again.")
MSG_INVALID_FILE = "Processing -File '{0}' failed: {1} Specify a valid path for the -File parameter."
MSG_INVALID_ARGUMENT = "Invalid argument '{0}', did you mean:"
MSG_MISSING_POLICY = ("Cannot process the execution policy because of a missing policy name. "
                      "A policy name must follow -ExecutionPolicy.")
MSG_MISSING_OUTPUT_FORMAT = ("The command cannot be run because no argument has been supplied for the "
                             "OutputFormat parameter.\nSpecify one of the following formats for this parameter:\n{0}")
MSG_MISSING_INPUT_FORMAT = ("Cannot process the command because the -InputFormat parameter requires an argument. "
                            "Specify a valid format argument for this parameter.\nValid formats are:\n{0}")
MSG_BAD_FORMAT = ("Cannot process the command because of an incorrect parameter value. \"{0}\" is not a valid "
                  "format.\nValid formats are:\n{1}")
MSG_BAD_ENCODED_COMMAND = ("Cannot process the command because the value specified with -EncodedCommand is not "
                           "properly encoded. The value must be Base64 encoded.")
MSG_MISSING_WORKING_DIRECTORY = ("Cannot process the command because -WorkingDirectory requires an argument that "
                                 "is a directory path.")
MSG_STA = "Parameter -STA is not supported on this platform."
MSG_MTA = "Parameter -MTA is not supported on this platform."
MSG_WINDOW_STYLE = "Parameter -WindowStyle is not implemented on this platform."
# pwshlike's own wording, for pwsh parameters it does not implement.
MSG_UNSUPPORTED = "The parameter '-{0}' is not supported by pwshlike."
MSG_XML_FORMAT = "pwshlike supports only the 'Text' format for -{0}."


class FileArgument:
    """One word after ``-File script.ps1``, as pwsh hands it to the script.

    ``name`` is the parameter name without its dash (None for a positional
    value); ``has_value`` is False for a lone ``-Name``; ``text`` is the word
    as written.
    """

    __slots__ = ("name", "value", "has_value", "colon", "text")

    def __init__(self, name: str | None, value: object, has_value: bool, colon: bool, text: str) -> None:
        self.name = name
        self.value = value
        self.has_value = has_value
        self.colon = colon
        self.text = text

    def __repr__(self) -> str:
        if self.name is None:
            return f"FileArgument({self.value!r})"
        return f"FileArgument(-{self.name}{':' if self.colon else ''} {self.value!r})"


class CommandLine:
    """What the command line asked for.

    Exactly one of ``command`` (text), ``command_from_stdin``, ``file`` (an
    absolute path) or ``file_from_stdin`` is set when a script is to run;
    none of them means an interactive session (or reading stdin when it is
    redirected).  ``error`` is pwsh's message for a bad command line, with
    ``show_help`` telling whether the usage text follows it.
    """

    __slots__ = ("command", "command_from_stdin", "file", "file_from_stdin", "file_args",
                 "no_profile", "non_interactive", "no_logo", "no_exit", "show_version",
                 "show_help", "show_extended_help", "error", "exit_code", "working_directory")

    def __init__(self) -> None:
        self.command: str | None = None
        self.command_from_stdin = False
        self.file: str | None = None
        self.file_from_stdin = False
        self.file_args: list[FileArgument] = []
        self.no_profile = False
        self.non_interactive = False
        self.no_logo = False
        self.no_exit = True
        self.show_version = False
        self.show_help = False
        self.show_extended_help = False
        self.error: str | None = None
        self.exit_code = 0
        self.working_directory: str | None = None

    @property
    def runs_script(self) -> bool:
        return (self.command is not None or self.command_from_stdin or self.file is not None
                or self.file_from_stdin)


def _match(key: str, full: str, shortest: str) -> bool:
    """pwsh's ``MatchSwitch``: a case-insensitive prefix of the full name,
    at least as long as the shortest accepted form."""
    return len(key) >= len(shortest) and full.startswith(key.lower())


def _switch_name(key: str) -> str | None:
    for full, shortest in _SWITCHES:
        if _match(key, full, shortest):
            return _ALIASES.get(full, full)
    return None


def _bool_if_possible(text: str) -> object:
    """``-Switch:$false`` and friends: pwsh turns ``true``/``$true``/``false``/
    ``$false`` (any case) into booleans, everything else stays a string."""
    word = text[1:] if text.startswith("$") else text
    lowered = word.strip().lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    return text


class _Parser:
    __slots__ = ("args", "result", "noexit_seen", "stdin_is_redirected")

    def __init__(self, args: list[str], stdin_is_redirected: bool) -> None:
        self.args = args
        self.result = CommandLine()
        self.noexit_seen = False
        self.stdin_is_redirected = stdin_is_redirected

    def fail(self, message: str, show_help: bool = False) -> None:
        result = self.result
        result.error = message
        result.show_help = show_help
        result.exit_code = EXIT_BAD_COMMAND_LINE

    def parse(self) -> CommandLine:
        args = self.args
        result = self.result
        i = 0
        while i < len(args):
            word = args[i].strip()
            if word and word[0] not in _DASHES and word[0] != "/":
                self.parse_file(i)
                break
            key = word[1:]
            if key and key[0] in _DASHES:
                key = key[1:]
            name = _switch_name(key) if key else None
            if name is None:
                # The first word pwsh does not recognise starts the file.
                self.parse_file(i)
                break
            if name == "version":
                result.show_version = True
                result.non_interactive = True
                result.no_profile = True
                result.no_exit = False
                break
            i = self.apply(name, key, i)
            if i < 0 or result.error is not None:
                break
            i += 1
        return result

    def apply(self, name: str, key: str, i: int) -> int:
        """Acts on one switch at ``args[i]``; returns the index of the last
        word it consumed, or -1 when parsing must stop."""
        result = self.result
        if name == "help":
            result.show_help = True
            result.show_extended_help = True
        elif name == "login":
            pass  # Only meaningful as the very first argument of a login shell.
        elif name == "noexit":
            result.no_exit = True
            self.noexit_seen = True
        elif name == "noprofile":
            result.no_profile = True
        elif name == "nologo":
            result.no_logo = True
        elif name == "noninteractive":
            result.non_interactive = True
        elif name == "interactive":
            result.non_interactive = False
        elif name == "command":
            return self.parse_command(i)
        elif name == "file":
            self.parse_file(i + 1)
            return -1
        elif name == "encodedcommand":
            return self.parse_encoded_command(i)
        elif name in ("outputformat", "inputformat"):
            return self.parse_format(name, i)
        elif name == "executionpolicy":
            # Accepted and ignored: pwsh itself only applies it on Windows.
            if i + 1 >= len(self.args):
                self.fail(MSG_MISSING_POLICY, show_help=True)
                return -1
            return i + 1
        elif name == "workingdirectory":
            if i + 1 >= len(self.args):
                self.fail(MSG_MISSING_WORKING_DIRECTORY)
                return -1
            result.working_directory = self.args[i + 1]
            return i + 1
        elif name == "sta":
            self.fail(MSG_STA)
        elif name == "mta":
            self.fail(MSG_MTA)
        elif name == "windowstyle":
            self.fail(MSG_WINDOW_STYLE)
        else:
            self.fail(MSG_UNSUPPORTED.format(self.args[i].lstrip(_DASHES + "/")))
        return i

    def parse_command(self, i: int) -> int:
        result = self.result
        args = self.args
        if result.command is not None:
            self.fail(MSG_COMMAND_ALREADY, show_help=True)
            return -1
        i += 1
        if i >= len(args):
            self.fail(MSG_MISSING_COMMAND, show_help=True)
            return -1
        if args[i] == "-":
            if i + 1 != len(args):
                self.fail(MSG_TOO_MANY_FOR_STDIN, show_help=True)
                return -1
            if not self.stdin_is_redirected:
                self.fail(MSG_STDIN_NOT_REDIRECTED, show_help=True)
                return -1
            result.command_from_stdin = True
        else:
            result.command = " ".join(args[i:])
            if not self.noexit_seen:
                result.no_exit = False
        result.no_logo = True
        return len(args)

    def parse_encoded_command(self, i: int) -> int:
        result = self.result
        if result.command is not None:
            self.fail(MSG_COMMAND_ALREADY, show_help=True)
            return -1
        if i + 1 >= len(self.args):
            self.fail(MSG_MISSING_COMMAND, show_help=True)
            return -1
        import base64
        import binascii
        try:
            result.command = base64.b64decode(self.args[i + 1], validate=True).decode("utf-16-le")
        except (binascii.Error, ValueError):
            self.fail(MSG_BAD_ENCODED_COMMAND, show_help=True)
            return -1
        if not self.noexit_seen:
            result.no_exit = False
        result.no_logo = True
        return i + 1

    def parse_format(self, name: str, i: int) -> int:
        formats = "".join(f + "\n" for f in _DATA_FORMATS)
        label = "OutputFormat" if name == "outputformat" else "InputFormat"
        if i + 1 >= len(self.args):
            missing = MSG_MISSING_OUTPUT_FORMAT if name == "outputformat" else MSG_MISSING_INPUT_FORMAT
            self.fail(missing.format(formats), show_help=True)
            return -1
        value = self.args[i + 1]
        chosen = next((f for f in _DATA_FORMATS if f.lower() == value.strip().lower()), None)
        if chosen is None:
            self.fail(MSG_BAD_FORMAT.format(value, formats), show_help=True)
            return -1
        if chosen != "Text":
            self.fail(MSG_XML_FORMAT.format(label))
            return -1
        return i + 1

    def parse_file(self, i: int) -> None:
        """pwsh's ``ParseFile``: ``args[i]`` is the script, the rest its arguments."""
        result = self.result
        args = self.args
        if i >= len(args):
            self.fail(MSG_MISSING_FILE, show_help=True)
            return
        if not self.noexit_seen:
            result.no_logo = True
        word = args[i]
        if word == "-":
            result.file_from_stdin = True
            return
        if not self.noexit_seen:
            result.no_exit = False
        if not word:
            self.fail(MSG_INVALID_FILE.format(word, "The value cannot be an empty string. (Parameter 'path')"))
            return
        path = os.path.abspath(os.path.expanduser(word) if word.startswith("~") else word)
        if not os.path.isfile(path):
            if word.startswith("-") and len(word) > 1:
                param = word[1:].lower()
                similar = [p for p in _VALID_PARAMETERS if param in p]
                if similar:
                    self.fail(MSG_INVALID_ARGUMENT.format(word) + "\n" + "".join("\n  -" + p for p in similar))
                    return
            self.fail(MSG_FILE_NOT_FOUND.format(word), show_help=True)
            return
        result.file = path
        result.file_args = _script_arguments(args[i + 1:])


def _script_arguments(words: list[str]) -> list[FileArgument]:
    """The words after the script path, as pwsh's ``ParseFile`` collects them."""
    out: list[FileArgument] = []
    pending: str | None = None
    for word in words:
        if pending is not None:
            out.append(FileArgument(pending, word, True, True, "-" + pending + ":"))
            pending = None
        elif len(word) > 1 and word[0] in _DASHES:
            colon = word.find(":")
            if colon == len(word) - 1:
                pending = word[1:-1]
            elif colon >= 0:
                out.append(FileArgument(word[1:colon], _bool_if_possible(word[colon + 1:]), True, True,
                                        word[:colon + 1]))
            else:
                out.append(FileArgument(word[1:], None, False, False, word))
        else:
            out.append(FileArgument(None, word, True, False, word))
    # Like pwsh, a trailing "-Name:" with no word after it is dropped.
    return out


def parse_command_line(args: list[str], stdin_is_redirected: bool) -> CommandLine:
    """Parses ``args`` (without the program name) as pwsh does."""
    return _Parser(list(args), stdin_is_redirected).parse()
