"""Get-Culture and Get-UICulture: the session's cultures, cultures by name
(argument or pipeline), the list of every culture, pwsh's validation error
for an unknown name, and the LCID/Name/DisplayName table."""

from __future__ import annotations

from helpers.session import Shell


def test_current_and_named_cultures():
    shell = Shell()
    script = """
    (Get-Culture).Name -eq $PSCulture
    (Get-UICulture).Name -eq $PSUICulture
    (Get-Culture -Name de-DE).DateTimeFormat.ShortDatePattern
    ('', 'ru-RU' | Get-Culture).EnglishName
    (Get-Culture -Name 'fr-fr' -NoUserOverrides).Name
    """
    assert shell.text(script) == ["True", "True", "dd.MM.yyyy", "Invariant Language (Invariant Country)",
                                  "Russian (Russia)", "fr-FR"]


def test_session_culture_object_is_returned_by_name():
    shell = Shell()
    script = """
    $previous = [cultureinfo]::CurrentCulture
    try {
        [cultureinfo]::CurrentCulture = [cultureinfo]::new('de-DE')
        [cultureinfo]::CurrentCulture.NumberFormat.NumberDecimalSeparator = '#'
        (Get-Culture -Name de-DE).NumberFormat.NumberDecimalSeparator
        (Get-Culture -Name de-DE -NoUserOverrides).NumberFormat.NumberDecimalSeparator
        (1.5).ToString()
    } finally { [cultureinfo]::CurrentCulture = $previous }
    """
    assert shell.text(script) == ["#", ",", "1#5"]


def test_list_available():
    shell = Shell()
    script = """
    $all = Get-Culture -ListAvailable
    $all.Count -gt 500
    $all[0].Name -eq ''
    ($all | Where-Object Name -eq 'ja-JP').NativeName
    """
    assert shell.text(script) == ["True", "True", "\u65e5\u672c\u8a9e (\u65e5\u672c)"]


def test_unknown_name_is_a_validation_error():
    shell = Shell()
    script = """
    try { Get-Culture -Name abcdefghijkl -ErrorAction Stop } catch {
        $_.FullyQualifiedErrorId
        $_.Exception.Message.Substring(0, 83)
    }
    """
    assert shell.text(script) == [
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetCultureCommand",
        "Cannot validate argument on parameter 'Name'. The argument \"abcdefghijkl\" does not "]


def test_table_view():
    shell = Shell()
    text = shell.text("Get-Culture -Name de-DE, '' | Out-String")[0]
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    assert lines == [
        "LCID             Name             DisplayName",
        "----             ----             -----------",
        "1031             de-DE            German (Germany)",
        "127                               Invariant Language (Invariant Country)",
    ]
