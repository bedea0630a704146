"""Get-Random over a double range wider than a double can hold
(``[double]::MinValue`` to ``[double]::MaxValue``) still gives numbers
inside the range, as pwsh's GetRandomDouble spreads it."""

from __future__ import annotations

from helpers.session import Shell


def test_the_widest_double_range():
    out = Shell().text("1..20 | ForEach-Object { $r = Get-Random -Minimum ([double]::MinValue) "
                       "-Maximum ([double]::MaxValue); $r -gt [double]::MinValue -and $r -lt [double]::MaxValue }")
    assert out == ["True"] * 20


def test_a_narrow_range_stays_inside():
    out = Shell().text("$all = 1..50 | ForEach-Object { Get-Random -Minimum 1.5 -Maximum 1.6 };"
                       "($all | Where-Object { $_ -lt 1.5 -or $_ -ge 1.6 }).Count; ($all | Select-Object -Unique).Count -gt 1")
    assert out == ["0", "True"]
