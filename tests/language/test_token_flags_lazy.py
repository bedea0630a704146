"""``TokenFlags`` is built on first use (start-up builds no IntFlag the
tokenizer does not need): every way of reaching it gives the one class."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pwshlike.language as language
from pwshlike.language import parse_input
from pwshlike.language import tokens


def test_every_path_gives_the_same_class_with_pwsh_names_and_values():
    from pwshlike.language import TokenFlags
    from pwshlike.language.tokens import TokenFlags as same
    assert TokenFlags is same is language.TokenFlags is tokens.TokenFlags
    assert TokenFlags.__name__ == TokenFlags.__qualname__ == "TokenFlags"
    assert TokenFlags.__module__ == "pwshlike.language.tokens"
    assert TokenFlags.Keyword == 0x10 and TokenFlags.StatementDoesntSupportAttributes == 0x1000000
    assert pickle.loads(pickle.dumps(TokenFlags.TypeName)) is TokenFlags.TypeName


def test_a_token_s_flags_are_token_flags():
    first = parse_input("if ($a) { 1 }").tokens[0]
    assert type(first.flags) is tokens.TokenFlags
    assert first.flags == tokens.TokenFlags.Keyword | tokens.TokenFlags.StatementDoesntSupportAttributes


def test_an_unknown_name_is_still_an_attribute_error():
    for module in (language, tokens):
        try:
            getattr(module, "NoSuchName")
        except AttributeError:
            pass
        else:
            raise AssertionError(module)


def test_parsing_builds_no_token_flags():
    code = ("import pwshlike.language.tokens as t; from pwshlike.language import parse_input; "
            "parse_input('Write-Output 1').ast; print(t._TOKEN_FLAGS is None)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "True\n"
