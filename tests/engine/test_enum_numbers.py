"""A number converts to an enum only when it is one of the enum's values
(for [Flags], made of its bits), as pwsh's ThrowForUndefinedEnum: so
Write-Host -ForegroundColor 16 is a binding error, not a silent colour."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.fixture
def s() -> Shell:
    return Shell()


def test_defined_numbers_and_flag_combinations_convert(s: Shell) -> None:
    assert s.text("[ConsoleColor]3; [ConsoleColor]'12'; [System.IO.FileAttributes]3") == [
        "DarkCyan", "Red", "ReadOnly, Hidden"]


_COLORS = "Black,DarkBlue,DarkGreen,DarkCyan,DarkRed,DarkMagenta,DarkYellow,Gray,DarkGray,Blue,Green,Cyan,Red," \
          "Magenta,Yellow,White"


@pytest.mark.parametrize("script,shown", [("[ConsoleColor]16", "16"), ("[ConsoleColor]-1", "-1"),
                                          ("[ConsoleColor]'16'", "16")])
def test_undefined_numbers_are_refused(s: Shell, script: str, shown: str) -> None:
    assert s.text(f"try {{ {script} }} catch {{ $_.Exception.Message }}") == [
        f'Cannot convert value "{shown}" to type "System.ConsoleColor" due to enumeration values that are not '
        "valid. Specify one of the following enumeration values and try again. The possible enumeration values "
        f'are "{_COLORS}".']


def test_a_bit_outside_a_flags_enum_is_refused(s: Shell) -> None:
    out = s.text("try { [System.IO.FileAttributes]0x40000000 } catch { $_.Exception.Message }")
    assert out[0].startswith('Cannot convert value "1073741824" to type "System.IO.FileAttributes" due to '
                             "enumeration values that are not valid.")


@pytest.mark.parametrize("color", ["-1", "16"])
def test_write_host_refuses_an_undefined_colour(s: Shell, color: str) -> None:
    s.run(f"Write-Host x -ForegroundColor {color} -BackgroundColor Red")
    assert s.error_ids() == ["CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.WriteHostCommand"]
