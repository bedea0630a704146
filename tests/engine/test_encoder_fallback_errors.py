"""A character Python's codecs refuse (a lone surrogate in a path or in
text) is .NET's EncoderFallbackException in .NET's words, not Python's
"'utf-8' codec can't encode character" (the malformed-arguments sweep found
it through Import-Csv and Select-Xml)."""

from __future__ import annotations

from helpers.session import Shell


def test_lone_surrogate_path(tmp_path):
    shell = Shell(location=str(tmp_path))
    shell.run("[char]0xD800 | Import-Csv")
    message = str(shell.errors()[0])
    assert "codec" not in message
    assert message.startswith("Unable to translate Unicode character \\uD800 at index ")
    assert shell.text("$Error[0].Exception.GetType().FullName") == ["System.Text.EncoderFallbackException"]
