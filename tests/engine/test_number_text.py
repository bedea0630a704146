"""How a double or float becomes text: PowerShell's conversions and output
use 15 (double) and 7 (float) significant digits, as pwsh kept them when
.NET Core 3.0 changed ToString(); the ToString() method and ``-f`` give
.NET's shortest round-trip text."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("expression, text", [
    ("0.1 + 0.2", "0.3"),
    ("1 / 3", "0.333333333333333"),
    ("[math]::PI", "3.14159265358979"),
    ("[double]::MaxValue", "1.79769313486232E+308"),
    ("1e20", "1E+20"),
    ("0.00001", "1E-05"),
    ("[single]::MinValue", "-3.402823E+38"),
    ("[single]0.1", "0.1"),
    ("[single](1/3)", "0.3333333"),
])
def test_string_conversion_and_interpolation(expression, text):
    assert Shell().text(f'[string]({expression}); "$({expression})"; "x" + ({expression})') == \
        [text, text, "x" + text]


def test_output_shows_the_same_text():
    from pwshlike.testing import run
    assert run("1 / 3; [math]::PI").text.splitlines() == ["0.333333333333333", "3.14159265358979"]


def test_to_string_method_and_format_operator_are_dotnet():
    assert Shell().text("(0.1 + 0.2).ToString(); '{0}' -f (1 / 3); ([single]::MinValue).ToString()") == \
        ["0.30000000000000004", "0.3333333333333333", "-3.4028235E+38"]


def test_parsing_the_text_back_rounds_to_fifteen_digits():
    assert Shell().text("[double][string](1 / 3) -eq 1 / 3; [double][string]0.5 -eq 0.5") == ["False", "True"]
