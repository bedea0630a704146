"""A numeric literal argument keeps the text it was written as when it binds
to a ``[string]`` parameter; any other parameter gets the number."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("literal", ["34uy", "0x10", "1e2", "5l", "1kb"])
def test_string_parameter_binds_the_text_as_written(literal):
    shell = Shell()
    assert shell.text(f"function f([string]$v) {{ $v }}; f {literal}; f -v {literal}; f -v:{literal}") \
        == [literal] * 3


def test_plain_literal_and_other_types_get_the_number():
    shell = Shell()
    script = """
    function f([string]$v) { $v }
    function g([int]$v) { $v }
    function u($v) { "$v $($v.GetType().Name)" }
    f 5; g 0x10; u 34uy; u 1e2
    """
    assert shell.text(script) == ["5", "16", "34 Byte", "100 Double"]


def test_second_positional_parameter_gets_the_text_too():
    shell = Shell()
    assert shell.text("function k($n, [string]$s) { $n; $s }; k 0x10 0x10") == ["16", "0x10"]


def test_string_array_parameters_and_cmdlets_get_the_text():
    shell = Shell()
    assert shell.text("function s([string[]]$a) { $a -join '|' }; s 0x10; s 1e2, 2") == ["0x10", "100|2"]
    assert shell.text("Join-Path 0x10 1e2") == ["0x10/1e2"]
