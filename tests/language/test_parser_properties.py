"""Property tests: no input, however malformed, makes the parser raise.

Besides not raising, every result must be usable: the token list covers the
input, every node has its parent link and an extent inside the text, and
every error has a known id (an internal failure would surface as
UnrecoverableParserError, which must never happen).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pwshlike.language import TokenKind, parse_input
from pwshlike.language.errors import MESSAGES
from pwshlike.language.scan_tables import WHITESPACE

FRAGMENTS = [
    "$", "@", "(", ")", "{", "}", "[", "]", "'", '"', "`", "#", "<", ">", "|", "&", ";", ",", ".",
    ":", "=", "+", "-", "*", "/", "%", "!", "?", " ", "\n", "\t", "\r\n", "0", "7", "x", "A", "_",
    "\u2013", "\u201c", "\u2018", "\x00", "\xa0", '@"\n', '\n"@', "@'\n", "\n'@", "<#", "#>", "$(",
    "@(", "@{", "${", "::", "..", "-eq", "-not", "--", "--%", "2>&1", "*>", "1kb", "0x1F", "1.5e3",
    "if", "else", "elseif", "foreach", "in", "for", "while", "do", "until", "switch", "default",
    "function", "filter", "param", "begin", "process", "end", "try", "catch", "finally", "trap",
    "throw", "return", "break", "continue", "data", "class", "using", ":lbl ", "[int]", "$x",
    "@x", "$env:P", "-Name:", "Get-Item", "'a''b'", '"a $b $(c)"', "`n",
]

SCRIPTS = [
    "function Get-Thing {\n  [CmdletBinding()]\n  param([Parameter(Mandatory)][string]$Name, "
    "[int]$Count = 2)\n  begin { $n = 0 }\n  process { $n++ }\n  end { \"${Name}: $($n * $Count)\" "
    "}\n}\n",
    "$h = [ordered]@{ a = 1; b = @(1, 2, 3) }\nforeach ($k in $h.Keys) { if ($k -eq 'a') { "
    "continue } elseif ($h[$k] -is [array]) { $h[$k] -join ',' } else { break } }\n",
    "try { Get-Item -Path C:\\x -ErrorAction Stop 2>&1 | Out-Null }\ncatch [System.IO.IOException]"
    " { Write-Warning $_.Exception.Message }\nfinally { $done = $true }\n",
    "switch -Regex ($v) { '^a' { 'A' } { $_ -gt 5 } { 'big' } default { $null } }\n"
    ":outer for ($i = 0; $i -lt 10; $i++) { while ($true) { break outer } }\n",
    "$s = @\"\nHello $name, $(Get-Date -Format 'yyyy')\n\"@\n$t = @'\nliteral $x\n'@\n"
    "$x = $a ? $b : ($c ?? 'd'); $y ??= [math]::Max(1kb, 0x10)\n",
    "cmd --% /c dir | more\n& $sb -x:1 @args -- -y; . ./lib.ps1\n$a, $b = $b, $a\n"
    "a && b || c &\nGet-ChildItem |\n  Where-Object { $_.Length -gt 1mb } |\n  Select-Object -First 5\n",
]


def _blank(gap: str) -> bool:
    return all(c in WHITESPACE or (c == "`" and i + 1 < len(gap) and gap[i + 1] in WHITESPACE)
               for i, c in enumerate(gap))


def check_result(src: str) -> None:
    result = parse_input(src)
    ast, tokens, errors = result
    n = len(src)
    for error in errors:
        assert error.error_id != "UnrecoverableParserError", src
        assert error.error_id in MESSAGES
        assert 0 <= error.extent.start_offset <= error.extent.end_offset <= n + 1
    assert tokens and tokens[-1].kind is TokenKind.EndOfInput
    pos = 0
    for token in tokens[:-1]:
        assert token.start >= pos and token.end <= n, (src, token)
        assert _blank(src[pos:token.start]), (src, src[pos:token.start])
        pos = token.end
    assert _blank(src[pos:])
    assert ast.parent is None
    for node in ast.walk():
        extent = node.extent
        assert 0 <= extent.start_offset <= extent.end_offset <= n + 1, (src, node)
        for child in node.children():
            assert child.parent is node, (src, node, child)


PROPERTY_SETTINGS = settings(max_examples=200, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_random_fragments_never_raise(src):
    check_result(src)


@PROPERTY_SETTINGS
@given(st.text(max_size=60))
def test_random_text_never_raises(src):
    check_result(src)


@st.composite
def mutated_scripts(draw):
    src = draw(st.sampled_from(SCRIPTS))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        pos = draw(st.integers(min_value=0, max_value=len(src)))
        action = draw(st.sampled_from(("delete", "insert", "duplicate")))
        if action == "delete":
            src = src[:pos] + src[pos + draw(st.integers(min_value=1, max_value=8)):]
        elif action == "insert":
            src = src[:pos] + draw(st.sampled_from(FRAGMENTS)) + src[pos:]
        else:
            end = draw(st.integers(min_value=pos, max_value=len(src)))
            src = src[:pos] + src[pos:end] + src[pos:]
    return src


@PROPERTY_SETTINGS
@given(mutated_scripts())
def test_mutated_scripts_never_raise(src):
    check_result(src)


def test_deep_nesting_is_reported_not_raised():
    for src in ("(" * 3000 + "1" + ")" * 3000, "{" * 3000, "$(" * 2000, "-" * 5000 + "1",
                "[" * 3000, "@{a=" * 2000):
        result = parse_input(src)
        assert all(e.error_id != "UnrecoverableParserError" for e in result.errors)


def test_sample_scripts_parse_cleanly():
    for src in SCRIPTS:
        assert parse_input(src).errors == [], src
