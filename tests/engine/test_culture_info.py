"""``[cultureinfo]``: a culture by name with its list separator; the
current cultures can be set and put back.  The language stays
culture-invariant, so ``-split``/``-replace`` read ``1.2`` the same under
'fr'."""

from __future__ import annotations

from helpers.session import Shell


def test_current_culture_round_trip_and_invariance():
    shell = Shell()
    script = """
    $previous = [cultureinfo]::CurrentCulture
    [cultureinfo]::CurrentCulture = 'fr'
    "$([cultureinfo]::CurrentCulture)"
    1.2 -split ','
    [cultureinfo]::CurrentCulture = $previous
    [cultureinfo]::CurrentCulture.Name -eq $previous.Name
    """
    assert shell.text(script) == ["fr", "1.2", "True"]


def test_list_separator_and_invariant_culture():
    shell = Shell()
    script = """
    [Globalization.CultureInfo]::CurrentUICulture.TextInfo.ListSeparator
    ([cultureinfo]'de-DE').TextInfo.ListSeparator
    [cultureinfo]::InvariantCulture.Name -eq ''
    """
    assert shell.text(script) == [",", ";", "True"]
