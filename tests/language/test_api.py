"""The public API of pwshlike.language and its import cost."""

from __future__ import annotations

import subprocess
import sys

import pwshlike.language as language
from pwshlike.language import ParseError, Token, TokenFlags, TokenKind, parse_input
from pwshlike.language import ast as A


def test_parse_input_result_and_unpacking():
    result = parse_input("Write-Output 1")
    ast, tokens, errors = result
    assert ast is result.ast and tokens is result.tokens and errors is result.errors
    assert isinstance(ast, A.ScriptBlockAst)
    assert all(isinstance(t, Token) for t in tokens)
    assert errors == []


def test_exports():
    assert set(language.__all__) >= {"parse_input", "ParseError", "Token", "TokenKind",
                                     "TokenFlags"}
    assert TokenKind.Generic == 7 and TokenKind.Default == 169 and TokenKind.Clean == 170
    assert TokenFlags.CommandName == 0x80000 and TokenFlags.ParseModeInvariant == 0x8000


def test_parse_error_fields():
    error = parse_input("if ($x) {").errors[0]
    assert isinstance(error, ParseError)
    assert error.error_id == "MissingEndCurlyBrace"
    assert error.message == "Missing closing '}' in statement block or type definition."
    assert error.incomplete_input is True
    extent = error.extent
    assert (extent.start_offset, extent.end_offset) == (8, 9)
    assert (extent.start_line, extent.start_column, extent.end_line, extent.end_column) == (
        1, 9, 1, 10)


def test_file_name_is_kept_in_extents():
    result = parse_input("1 +", "script.ps1")
    assert result.ast.extent.file == "script.ps1"
    assert result.errors[0].extent.file == "script.ps1"


def test_token_fields():
    token = parse_input("$x = 5").tokens[2]
    assert token.kind is TokenKind.Number and token.text == "5" and token.value == 5
    assert (token.extent.start_offset, token.extent.end_offset) == (5, 6)
    assert isinstance(token.flags, TokenFlags)
    assert token.nested is None


def test_empty_and_blank_input():
    for src in ("", "   ", "\n\n", "# only a comment"):
        ast, tokens, errors = parse_input(src)
        assert errors == [] and ast.end_block.statements == []
        assert tokens[-1].kind is TokenKind.EndOfInput


def test_parse_does_not_leave_gc_disabled():
    import gc

    assert gc.isenabled()
    parse_input("$x = 1")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_input("$x = 1")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_import_is_cheap():
    """Importing the language package loads only its own modules and light
    standard-library modules (no dataclasses, inspect, decimal...)."""
    code = ("import sys; before = set(sys.modules); import pwshlike.language; "
            "from pwshlike.language import parse_input; parse_input('$x = 1 + 2'); "
            "print('\\n'.join(sorted(set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    allowed_stdlib = {"typing", "typing.io", "typing.re", "_typing", "bisect", "_bisect",
                      "collections.abc", "gc"}
    extra = [m for m in out if not m.startswith("pwshlike") and m not in allowed_stdlib]
    assert extra == []
    ours = {m for m in out if m.startswith("pwshlike")}
    assert ours <= {"pwshlike", "pwshlike.language", "pwshlike.language.ast",
                    "pwshlike.language.errors", "pwshlike.language.tokens",
                    "pwshlike.language.tokenizer", "pwshlike.language.parser",
                    "pwshlike.language.numeric", "pwshlike.language.parse_cursor", "pwshlike.language.parse_enums",
                    "pwshlike.language.parse_classes",
                    "pwshlike.language.parse_blocks", "pwshlike.language.parse_statements",
                    "pwshlike.language.parse_pipelines", "pwshlike.language.parse_expressions",
                    "pwshlike.language.parse_types", "pwshlike.language.scan_tables",
                    "pwshlike.language.scan_strings"}
