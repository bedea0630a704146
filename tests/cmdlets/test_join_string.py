"""Join-String: joining objects or their properties into one string."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    s = Session()
    s.run("$items = [pscustomobject]@{ Name = 'a'; Size = 1 }, [pscustomobject]@{ Name = 'b'; Size = 22 }")
    return s


def test_separator_defaults_to_ofs(s: Session) -> None:
    assert s.run("1..3 | Join-String") == ["123"]
    assert s.run("$OFS = ','; 1..3 | Join-String -OutputPrefix 'A ' -OutputSuffix ' B'") == ["A 1,2,3 B"]
    # A $null separator falls back to $OFS too.
    assert s.run("$OFS = '+'; 1, 2 | Join-String -Separator $null") == ["1+2"]


def test_property_name_and_script_block(s: Session) -> None:
    assert s.run("$items | Join-String Name ', '") == ["a, b"]
    assert s.run("$items | Join-String -Property { $_.Name + $_.Size } -Separator '|'") == ["a1|b22"]
    assert s.run("Join-String -InputObject $items -Property N* -Separator '-'") == ["a-b"]
    # An object without the property still adds an (empty) item.
    assert s.run("$items + [pscustomobject]@{ Other = 1 } | Join-String Name ';'") == ["a;b;"]


def test_quotes_and_format(s: Session) -> None:
    assert s.run("'a', 'b' | Join-String -SingleQuote -Separator ','") == ["'a','b'"]
    assert s.run("'a', 'b' | Join-String -DoubleQuote -Separator ','") == ['"a","b"']
    assert s.run("1.2, 3.456 | Join-String -FormatString '{0:N2}' -Separator '; '") == ["1.20; 3.46"]
    assert s.run("$items | Join-String Name -FormatString '[{0}]'") == ["[a][b]"]


def test_null_input_is_skipped_and_empty_input_gives_prefix_and_suffix(s: Session) -> None:
    assert s.run("'a', $null, 'b' | Join-String -Separator ','") == ["a,b"]
    assert s.run("@() | Join-String -OutputPrefix '<' -OutputSuffix '>'") == ["<>"]


def test_quote_switches_exclude_each_other(s: Session) -> None:
    s.run("'a' | Join-String -SingleQuote -DoubleQuote")
    assert s.error_ids() == ["AmbiguousParameterSet,Microsoft.PowerShell.Commands.Utility.JoinStringCommand"]


def test_bad_format_string_is_an_error_record(s: Session) -> None:
    s.run("1 | Join-String -FormatString '{1}'")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "System.FormatException,Microsoft.PowerShell.Commands.Utility.JoinStringCommand"
    assert "Index (zero based) must be greater than or equal to zero" in str(error)


def test_property_is_a_name_or_a_script_block_only(s: Session) -> None:
    s.run("1 | Join-String -Property @{ a = 1 }")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == \
        "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.Utility.JoinStringCommand"
    assert str(error).endswith('to type "Microsoft.PowerShell.Commands.PSPropertyExpression".')
