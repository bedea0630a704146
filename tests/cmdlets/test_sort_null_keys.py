"""Sort-Object with $null key values: pwsh's comparer (LanguagePrimitives.
Compare) puts $null above negative numbers and below zero, positive numbers
and everything else."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


ROWS = ("$rows = [pscustomobject]@{ N = 'eight'; Y = 8 }, [pscustomobject]@{ N = 'null'; Y = $null }, "
        "[pscustomobject]@{ N = 'minus'; Y = -2 }, [pscustomobject]@{ N = 'zero'; Y = 0 }, "
        "[pscustomobject]@{ N = 'half'; Y = -0.5 }; ")


def test_null_sorts_between_negative_and_non_negative_numbers(s: Session) -> None:
    assert s.run(ROWS + "($rows | Sort-Object Y).N -join ','") == ["minus,half,null,zero,eight"]


def test_descending_reverses_it(s: Session) -> None:
    assert s.run(ROWS + "($rows | Sort-Object Y -Descending).N -join ','") == ["eight,zero,null,half,minus"]


def test_null_sorts_before_text(s: Session) -> None:
    script = ("$rows = [pscustomobject]@{ N = 'b'; K = 'b' }, [pscustomobject]@{ N = 'null'; K = $null }, "
              "[pscustomobject]@{ N = 'a'; K = 'a' }; ($rows | Sort-Object K).N -join ','")
    assert s.run(script) == ["null,a,b"]
