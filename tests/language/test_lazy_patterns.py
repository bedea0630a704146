"""The scanners' regular expressions compile on first use (LazyPattern):
each then answers as the compiled pattern does, through its own bound
matchers, and a plain script's start-up compiles only those it needs."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from pwshlike.language import TokenKind, parse_input
from pwshlike.language.scan_tables import LazyPattern

PROBE = r"""
import re, sys
compiled = []
real = re._compile
def counting(pattern, flags):
    if not isinstance(pattern, re.Pattern):
        compiled.append(pattern)
    return real(pattern, flags)
re._compile = counting
from pwshlike.cli import main
main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"])
sys.stdout.flush()
print(repr(compiled), file=sys.stderr)
"""


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source = r"[0-9a-f]+"
    lazy, real = LazyPattern(source), re.compile(source)
    assert "match" not in vars(lazy)
    assert lazy.match("x1f", 1).span() == real.match("x1f", 1).span()
    assert vars(lazy)["match"].__self__.pattern == source  # bound once, on the compiled pattern
    assert lazy.search("zz9").group() == "9"
    assert lazy.fullmatch("ab") is not None and lazy.fullmatch("ag") is None
    assert [m.group() for m in lazy.finditer("a-b")] == ["a", "b"]
    assert lazy.sub("#", "a-b") == real.sub("#", "a-b")


def test_a_plain_script_compiles_few_patterns(tmp_path):
    """Write-Output 1 needs the scanner's common-token pattern and a few
    others, not the number, type-name, parameter or string-body patterns."""
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=tmp_path,
                            timeout=120)
    assert result.stdout == "1\n"
    compiled = eval(result.stderr.strip().splitlines()[-1])  # noqa: S307 - our own probe's repr of strings
    for lazy in ("[0-9]*", "[01]*", "[0-9a-fA-F]*", r"[\w.`+#\\]*", "[A-Za-z]*", r"[^\r\n]*"):
        assert lazy not in compiled


@pytest.mark.parametrize("text, strings, errors", [
    ("'it\u2019s' + 'x'", ["it"], 2),                          # ’ ends a single-quoted string
    ("'a\u2019\u2019b'", ["a\u2019b"], 0),                      # ... and doubled is one quote
    ('"say \u201chi\u201d"', ["say "], 1),                      # “ ends a double-quoted one
    ("'caf\u00e9' \"na\u00efve\"", ["caf\u00e9", "na\u00efve"], 1),  # other non-ASCII text stays in
    ("'\u2018q\u2019'", [""], 1),
])
def test_typographic_quotes_end_strings_as_before(text, strings, errors):
    """The common-token pattern's string bodies exclude ASCII quotes only;
    a body holding a typographic quote goes to the string scanner, which
    ends the string there (what the tokenizer gave before, pinned)."""
    result = parse_input(text)
    kinds = (TokenKind.StringLiteral, TokenKind.StringExpandable)
    assert [t.value for t in result.tokens if t.kind in kinds] == strings
    assert len(result.errors) == errors
