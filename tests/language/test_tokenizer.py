"""Tokenizer behaviour: modes, strings, numbers, comments, flags, coverage."""

from __future__ import annotations

import decimal

import pytest

from pwshlike.language import Token, TokenFlags, TokenKind, parse_input
from pwshlike.language.numeric import TypedNumber
from pwshlike.language.scan_tables import WHITESPACE

K = TokenKind


def toks(src: str) -> list[tuple[str, str]]:
    """(kind name, text) of every token but the end-of-input marker."""
    return [(t.kind.name, t.text) for t in parse_input(src).tokens if t.kind is not K.EndOfInput]


def tok(src: str, text: str) -> Token:
    """The token with ``text`` in the tokens of ``src``."""
    for t in parse_input(src).tokens:
        if t.text == text:
            return t
    raise AssertionError(f"no token {text!r} in {toks(src)}")


def number(src: str):
    """The value of the single number token of ``src``."""
    tokens = [t for t in parse_input(src).tokens if t.kind is K.Number]
    assert len(tokens) == 1, toks(src)
    return tokens[0].value


# --- command mode versus expression mode -------------------------------------------

def test_command_mode_bare_words_and_parameters():
    assert toks("Get-ChildItem -Path C:\\temp -Recurse") == [
        ("Generic", "Get-ChildItem"), ("Parameter", "-Path"), ("Generic", "C:\\temp"),
        ("Parameter", "-Recurse")]
    assert tok("Get-ChildItem -Path x", "Get-ChildItem").flags & TokenFlags.CommandName
    assert tok("Get-ChildItem -Path x", "-Path").value == "Path"


def test_dashed_words_read_per_mode():
    # A command name with dashes is one bare word; glued to more it stays one.
    assert toks("Get-Item-x a-b-c") == [("Generic", "Get-Item-x"), ("Generic", "a-b-c")]
    assert toks("Get-Item- x") == [("Generic", "Get-Item-"), ("Identifier", "x")]
    assert toks("Get-Itemé") == [("Generic", "Get-Itemé")]
    # In an expression only the name before the dash is a name.
    assert toks("$x.foo-bar") == [("Variable", "$x"), ("Dot", "."), ("Identifier", "foo"),
                                  ("Parameter", "-bar")]
    assert toks("(a-b)")[:2] == [("LParen", "("), ("Generic", "a-b")]
    # In a type name a dash ends the name; dots, plus and backticks continue it.
    assert toks("[a-b]")[:3] == [("LBracket", "["), ("Identifier", "a"), ("Parameter", "-b")]
    assert tok("[a-b]", "a").flags & TokenFlags.TypeName
    assert toks("[Outer+Inner]::X")[1] == ("Identifier", "Outer+Inner")
    assert toks("[System.Collections.Generic.List[string]]")[1:4] == [
        ("Identifier", "System.Collections.Generic.List"), ("LBracket", "["),
        ("Identifier", "string")]


def test_expression_mode_dash_words_are_operators():
    assert toks("$a -eq 1") == [("Variable", "$a"), ("Ieq", "-eq"), ("Number", "1")]
    assert toks("$a -CEQ $b -inotlike 'x'") == [
        ("Variable", "$a"), ("Ceq", "-CEQ"), ("Variable", "$b"), ("Inotlike", "-inotlike"),
        ("StringLiteral", "'x'")]
    flags = tok("$a -eq 1", "-eq").flags
    assert flags & TokenFlags.BinaryOperator and not flags & TokenFlags.UnaryOperator
    assert tok("-not $a", "-not").flags & TokenFlags.UnaryOperator
    assert tok("$a = 1", "=").flags & TokenFlags.AssignmentOperator


def test_parameter_with_colon_and_lone_dash():
    t = tok("cmd -Name:value", "-Name:")
    assert t.kind is K.Parameter and t.value == "Name" and t.used_colon
    assert toks("cmd -Name:value") == [("Identifier", "cmd"), ("Parameter", "-Name:"),
                                       ("Identifier", "value")]
    # A lone dash is an argument (its token becomes a plain word).
    assert toks("cmd - x") == [("Identifier", "cmd"), ("Generic", "-"), ("Identifier", "x")]


def test_end_of_parameters_and_verbatim_argument():
    assert toks("cmd -- -x") == [("Identifier", "cmd"), ("MinusMinus", "--"), ("Parameter", "-x")]
    assert toks("cmd --% -a 'b' $c | d") == [
        ("Identifier", "cmd"), ("Generic", "--%"), ("Generic", "-a 'b' $c "), ("Pipe", "|"),
        ("Identifier", "d")]


def test_redirection_tokens():
    cases = {"2>&1": ("merge", 2, 1), "*>&1": ("merge", 0, 1), "3>&1": ("merge", 3, 1),
             ">": ("file", 1, False), ">>": ("file", 1, True), "2>": ("file", 2, False),
             "*>": ("file", 0, False), "6>>": ("file", 6, True)}
    for text, value in cases.items():
        t = tok(f"cmd {text} x", text)
        assert t.kind is K.Redirection and t.value == value, text
    assert toks("cmd 2>$null") == [("Identifier", "cmd"), ("Redirection", "2>"),
                                   ("Variable", "$null")]


def test_numbers_glued_to_letters_are_bare_words_in_command_mode():
    assert toks("cmd 7z 1.2.3 0x1g") == [("Identifier", "cmd"), ("Generic", "7z"),
                                         ("Generic", "1.2.3"), ("Generic", "0x1g")]
    assert toks("cmd 42") == [("Identifier", "cmd"), ("Number", "42")]


def test_keywords_only_in_command_mode():
    assert tok("foreach ($i in $x) {}", "foreach").kind is K.Foreach
    assert tok("foreach ($i in $x) {}", "in").kind is K.In
    assert tok("foreach ($i in $x) {}", "foreach").flags & TokenFlags.Keyword
    # As a command argument a keyword is a plain word.
    t = tok("echo default", "default")
    assert t.kind is K.Generic and not t.flags & TokenFlags.Keyword
    # As a command name it keeps its kind but gets the CommandName flag.
    t = tok("default", "default")
    assert t.kind is K.Default and t.flags & TokenFlags.CommandName
    assert not t.flags & TokenFlags.Keyword


def test_member_names_and_type_names_are_flagged():
    assert tok("$x.Length", "Length").flags & TokenFlags.MemberName
    assert tok("[System.IO.Path]::Combine", "System.IO.Path").flags & TokenFlags.TypeName
    assert tok("[Parameter()]$x", "Parameter").flags & TokenFlags.AttributeName


def test_label_and_ternary_characters():
    t = tok(":outer while ($true) {}", ":outer")
    assert t.kind is K.Label and t.value == "outer"
    assert [k for k, _ in toks("$a ? 1 : 2")] == ["Variable", "QuestionMark", "Number", "Colon",
                                                   "Number"]
    assert toks("$a ?? $b") == [("Variable", "$a"), ("QuestionQuestion", "??"), ("Variable", "$b")]
    assert toks("$a ??= 1")[1] == ("QuestionQuestionEquals", "??=")


def test_pwsh_ternary_tokenization_cases():
    # From PowerShell's own Parsing.Tests.ps1: the first token's kind and text.
    cases = {"$true?2:3": K.Variable, "$false?": K.Variable, "$:abc": K.Variable,
             "$env:abc": K.Variable, "$env:123": K.Variable, "a?2:2": K.Generic,
             "1?2:3": K.Generic, "a?": K.Generic, "a?b": K.Generic, "1?": K.Generic,
             "?2:3": K.Generic}
    for src, kind in cases.items():
        first = parse_input(src).tokens[0]
        assert (first.kind, first.text) == (kind, src), src


# --- variables ------------------------------------------------------------------------

def test_variables_with_scopes_drives_and_braces():
    assert tok("$script:x", "$script:x").value == "script:x"
    assert tok("$env:PATH", "$env:PATH").value == "env:PATH"
    assert tok("${c:\\my path}", "${c:\\my path}").value == "c:\\my path"
    assert tok("${any `{name}", "${any `{name}").value == "any {name"
    assert tok("@args", "@args").kind is K.SplattedVariable
    for name in ("$_", "$?", "$^", "$$", "$args", "$true"):
        assert tok(name, name).kind is K.Variable


def test_variable_followed_by_word_characters_is_a_bare_word_in_command_mode():
    assert toks("echo $a+b") == [("Identifier", "echo"), ("Generic", "$a+b")]
    assert toks("$a+b") == [("Variable", "$a"), ("Plus", "+"), ("Identifier", "b")]


def test_variable_path_errors():
    errors = parse_input("$env: + 1").errors
    assert [e.error_id for e in errors] == ["InvalidVariableReferenceWithDrive"]
    errors = parse_input("${}").errors
    assert errors[0].error_id == "EmptyVariableReference"


# --- strings ------------------------------------------------------------------------------

def test_single_quoted_strings():
    assert tok("'it''s'", "'it''s'").value == "it's"
    assert tok("'a `n $x'", "'a `n $x'").value == "a `n $x"
    assert tok("\u2018curly\u2019", "\u2018curly\u2019").kind is K.StringLiteral


def test_double_quoted_escapes():
    t = tok('"`0`a`b`e`f`n`r`t`v`$`"`` `x"', '"`0`a`b`e`f`n`r`t`v`$`"`` `x"')
    assert t.value == "\0\a\b\x1b\f\n\r\t\v$\"` x"
    assert tok('"`u{1F600}`u{41}"', '"`u{1F600}`u{41}"').value == "\U0001F600A"
    assert tok('"say ""hi"""', '"say ""hi"""').value == 'say "hi"'
    assert tok("\u201csmart\u201d", "\u201csmart\u201d").kind is K.StringExpandable


def test_expandable_string_nested_tokens():
    t = tok('"a $b $(1 + 2) ${c d} $e.f"', '"a $b $(1 + 2) ${c d} $e.f"')
    assert t.kind is K.StringExpandable
    assert [(n.kind.name, n.text) for n in t.nested] == [
        ("Variable", "$b"), ("DollarParen", "$("), ("Number", "1"), ("Plus", "+"),
        ("Number", "2"), ("RParen", ")"), ("Variable", "${c d}"), ("Variable", "$e")]
    assert t.value == "a $b $(1 + 2) ${c d} $e.f"


def test_here_strings():
    src = "@'\nline 1\n  '@ not the end\nline $3\n'@"
    t = parse_input(src).tokens[0]
    assert t.kind is K.HereStringLiteral and t.value == "line 1\n  '@ not the end\nline $3"
    src = '@"\r\nHello $name\r\n"@'
    t = parse_input(src).tokens[0]
    assert t.kind is K.HereStringExpandable and t.value == "Hello $name"
    assert [n.text for n in t.nested] == ["$name"]
    assert parse_input("@'\n'@").tokens[0].value == ""


def test_here_string_errors():
    errors = parse_input("@' text\n'@").errors
    assert errors[0].error_id == "UnexpectedCharactersAfterHereStringHeader"
    errors = parse_input("@'\nabc\n  '@").errors
    assert [e.error_id for e in errors] == ["WhitespaceBeforeHereStringFooter"]
    assert errors[0].incomplete_input


# --- numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize("src, value, type_name", [
    ("42", 42, "int"),
    ("2147483647", 2147483647, "int"),
    ("2147483648", 2147483648, "Int64"),
    ("-5", -5, "int"),
    ("0x10", 16, "int"),
    ("0xFFFFFFFF", -1, "int"),
    ("0x7FFFFFFF", 2147483647, "int"),
    ("0xFFFFFFFFFFFFFFFF", -1, "Int64"),
    ("0x100000000", 4294967296, "Int64"),
    ("0b101", 5, "int"),
    ("1.5", 1.5, "float"),
    ("1e3", 1000.0, "float"),
    ("1.5e-2", 0.015, "float"),
    (".5", 0.5, "float"),
    ("1.", 1.0, "float"),
    ("10l", 10, "Int64"),
    ("10L", 10, "Int64"),
    ("5y", 5, "SByte"),
    ("200uy", 200, "Byte"),
    ("5s", 5, "Int16"),
    ("5us", 5, "UInt16"),
    ("5u", 5, "UInt32"),
    ("5000000000u", 5000000000, "UInt64"),
    ("5ul", 5, "UInt64"),
    ("5n", 5, "BigInt"),
    ("1kb", 1024, "int"),
    ("1MB", 1048576, "int"),
    ("1gb", 1073741824, "int"),
    ("1tb", 1099511627776, "Int64"),
    ("1pb", 1125899906842624, "Int64"),
    ("1.5kb", 1536.0, "float"),
    ("2.5l", 2, "Int64"),
    ("3.5l", 4, "Int64"),
    ("0xFFl", 255, "Int64"),
])
def test_number_values_and_types(src, value, type_name):
    """Int32, Double and Decimal literals are plain Python values; the other
    .NET integer types come as a TypedNumber the runtime wraps."""
    got = number(src)
    if isinstance(got, TypedNumber):
        assert (got.value, got.type_name) == (value, type_name)
        assert type(got.value) is int
    else:
        assert got == value
        assert type(got).__name__ == type_name


def test_decimal_numbers():
    assert number("1.25d") == decimal.Decimal("1.25")
    assert isinstance(number("1.25d"), decimal.Decimal)
    assert number("3d") == decimal.Decimal(3)
    assert number("79228162514264337593543950335") == decimal.Decimal(
        "79228162514264337593543950335")
    # 'd' is a hex digit, not a suffix, in a hex literal.
    assert number("0x1d") == 29


def test_bad_numeric_constants():
    assert [e.error_id for e in parse_input("$x = 300y").errors] == ["BadNumericConstant"]
    assert parse_input("$x = 300y").errors[0].message == "The numeric constant 300y is not valid."
    # In command mode the same text is a bare word.
    assert toks("cmd 300y") == [("Identifier", "cmd"), ("Generic", "300y")]


def test_range_is_not_a_decimal_point():
    assert toks("1..3") == [("Number", "1"), ("DotDot", ".."), ("Number", "3")]


# --- comments, continuations, newlines, unicode -------------------------------------------

def test_comments_newlines_and_continuations_are_tokens():
    src = "a # c1\n<# block\ncomment #> b `\n c\r\nd"
    assert toks(src) == [
        ("Identifier", "a"), ("Comment", "# c1"), ("NewLine", "\n"),
        ("Comment", "<# block\ncomment #>"), ("Identifier", "b"), ("LineContinuation", "`\n"),
        ("Identifier", "c"), ("NewLine", "\r\n"), ("Identifier", "d")]


def test_unterminated_block_comment_is_incomplete():
    errors = parse_input("a <# never closed").errors
    assert [(e.error_id, e.incomplete_input) for e in errors] == [
        ("MissingTerminatorMultiLineComment", True)]


def test_unicode_dashes():
    for dash in ("\u2013", "\u2014", "\u2015"):
        assert toks(f"$a {dash}eq 1")[1] == ("Ieq", f"{dash}eq")
        assert toks(f"cmd {dash}Path x")[1] == ("Parameter", f"{dash}Path")
        assert number(f"{dash}5") == -5


def test_unicode_quotes():
    assert tok("\u201ahi\u201b", "\u201ahi\u201b").value == "hi"
    assert tok("\u201ehi\u201c", "\u201ehi\u201c").value == "hi"
    assert tok("'it\u2019\u2019s'", "'it\u2019\u2019s'").value == "it\u2019s"


def test_bare_word_with_quotes_and_expansions():
    t = tok("echo a'b c'\"d$x\"", "a'b c'\"d$x\"")
    assert t.kind is K.Generic and t.value == "ab cd$x"
    assert [n.text for n in t.nested] == ["$x"]


# --- coverage and extents -------------------------------------------------------------------

SAMPLE = '''function Get-Thing {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Name, [int]$Count = 3)
    # a comment
    <# a block
       comment #>
    $items = @(1..$Count | ForEach-Object { "$Name-$_" }) `
        -join ', '
    @"
here $Name
"@
    switch -Regex ($Name) { '^a' { 'starts with a' } default { $null } }
    Get-Item -Path C:\\x 2>&1 > $null
}
'''


def _blank(gap: str) -> bool:
    return all(c in WHITESPACE or (c == "`" and i + 1 < len(gap) and gap[i + 1] in WHITESPACE)
               for i, c in enumerate(gap))


def test_tokens_cover_the_whole_input_in_order():
    for src in (SAMPLE, "if ($x) {", "\"unterminated $(1 +", "@'\nno end", "a | | b ) }"):
        tokens = parse_input(src).tokens
        assert tokens[-1].kind is K.EndOfInput
        pos = 0
        for t in tokens[:-1]:
            assert t.start >= pos, (src, t)
            assert _blank(src[pos:t.start]), (src, src[pos:t.start])
            assert t.text == src[t.start:t.end]
            pos = t.end
        assert _blank(src[pos:])


def test_token_extents_have_lines_and_columns():
    t = tok("a\n  $b", "$b")
    assert (t.extent.start_line, t.extent.start_column, t.extent.end_column) == (2, 3, 5)
    assert t.extent.text == "$b"


def test_end_of_input_token_sits_past_the_end():
    # As in PowerShell: errors reported at the end-of-input token point there.
    tokens = parse_input("abc").tokens
    assert tokens[-1].kind is K.EndOfInput and tokens[-1].start == 4
