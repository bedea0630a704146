"""Cultures: ``[cultureinfo]``'s data as .NET 8 on Linux has it, culture-aware
``ToString``/``-f``/``Parse``, and pwsh's rule that casts and string
expansion stay invariant while ``ToString()``, ``-f``, formatted output and
CSV use the current culture.  The current culture is per process, so every
test that sets it puts it back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers.session import Shell


def _in_culture(name: str, body: str) -> str:
    return f"""
    $previous = [cultureinfo]::CurrentCulture
    try {{ [cultureinfo]::CurrentCulture = '{name}'
    {body}
    }} finally {{ [cultureinfo]::CurrentCulture = $previous }}
    """


def test_german_culture_data():
    shell = Shell()
    script = """
    $c = [cultureinfo]'de-de'
    $c.Name; $c.EnglishName; $c.NativeName; $c.LCID; $c.Parent.Name; $c.Parent.IsNeutralCulture
    $c.NumberFormat.NumberDecimalSeparator; $c.NumberFormat.NumberGroupSeparator; $c.NumberFormat.CurrencySymbol
    $c.DateTimeFormat.ShortDatePattern; $c.DateTimeFormat.LongDatePattern; $c.DateTimeFormat.LongTimePattern
    $c.DateTimeFormat.MonthNames[0]; $c.DateTimeFormat.DayNames[0]; $c.DateTimeFormat.FirstDayOfWeek
    $c.TextInfo.ListSeparator
    """
    assert shell.text(script) == [
        "de-DE", "German (Germany)", "Deutsch (Deutschland)", "1031", "de", "True", ",", ".", "\u20ac",
        "dd.MM.yyyy", "dddd, d. MMMM yyyy", "HH:mm:ss", "Januar", "Sonntag", "1", ";"]


@pytest.mark.parametrize("name, short, long, short_time, long_time", [
    ("", "MM/dd/yyyy", "dddd, dd MMMM yyyy", "HH:mm", "HH:mm:ss"),
    ("en-US", "M/d/yyyy", "dddd, MMMM d, yyyy", "h:mm tt", "h:mm:ss tt"),
    ("en-GB", "dd/MM/yyyy", "dddd, d MMMM yyyy", "HH:mm", "HH:mm:ss"),
    ("fr-FR", "dd/MM/yyyy", "dddd d MMMM yyyy", "HH:mm", "HH:mm:ss"),
    ("ja-JP", "yyyy/MM/dd", "yyyy\u5e74M\u6708d\u65e5dddd", "H:mm", "H:mm:ss"),
])
def test_date_patterns_as_dotnet_on_linux(name, short, long, short_time, long_time):
    shell = Shell()
    script = f"""
    $f = ([cultureinfo]'{name}').DateTimeFormat
    $f.ShortDatePattern; $f.LongDatePattern; $f.ShortTimePattern; $f.LongTimePattern
    $f.FullDateTimePattern
    """
    assert shell.text(script) == [short, long, short_time, long_time, f"{long} {long_time}"]


def test_to_string_with_a_culture():
    shell = Shell()
    script = """
    $d = Get-Date '2020-01-02 13:14:15'
    $d.ToString('D', [cultureinfo]'fr-FR')
    $d.ToString([cultureinfo]'de-DE')
    $d.ToString('dddd d MMMM', [cultureinfo]'ru-RU')
    $d.ToString('t', [cultureinfo]'en-US')
    $d.ToString('D', [cultureinfo]::InvariantCulture)
    (1234.5).ToString('N2', [cultureinfo]'de-DE')
    (1234.5).ToString('C', [cultureinfo]'de-DE')
    (-1234.5).ToString('C', [cultureinfo]'en-US')
    (0.125).ToString('P1', [cultureinfo]'fr-FR')
    (1234567).ToString('N0', [cultureinfo]'fr-FR')
    ([decimal]'-2.50').ToString([cultureinfo]'de-DE')
    (1.5).ToString('0.00', [cultureinfo]'de-DE')
    ([timespan]'1:02:03.5').ToString('g', [cultureinfo]'de-DE')
    ([timespan]'1:02:03.5').ToString()
    """
    assert shell.text(script) == [
        "jeudi 2 janvier 2020", "02.01.2020 13:14:15", "\u0447\u0435\u0442\u0432\u0435\u0440\u0433 2 "
        "\u044f\u043d\u0432\u0430\u0440\u044f", "1:14 PM", "Thursday, 02 January 2020", "1.234,50",
        "1.234,50 \u20ac", "-$1,234.50", "12,5 %", "1\u202f234\u202f567", "-2,50", "1,50", "1:02:03,5",
        "01:02:03.5000000"]


def test_current_culture_applies_to_tostring_and_format_but_not_casts():
    shell = Shell()
    script = _in_culture("de-DE", """
    (1.5).ToString()
    '{0:N1}' -f 1234.56
    '{0}' -f 2.5
    [string]::Format('{0}', 2.5)
    [string]::Format([cultureinfo]'en-US', '{0:N1}', 1234.56)
    "$(1.5)"
    [string]1.5
    [double]'1.5'
    (Get-Date '2020-01-02').ToString('d')
    "$(Get-Date '2020-01-02')"
    $PSCulture
    """)
    assert shell.text(script) == ["1,5", "1.234,6", "2,5", "2,5", "1,234.6", "1.5", "1.5", "1.5", "02.01.2020",
                                  "01/02/2020 00:00:00", "de-DE"]


def test_formatted_output_and_csv_use_the_current_culture():
    shell = Shell()
    script = _in_culture("de-DE", """
    $o = [pscustomobject]@{ Value = 1.5; When = [datetime]'2020-01-02 13:14:15' }
    ($o | Format-Table | Out-String).Trim()
    ($o | ConvertTo-Csv) -join '|'
    ($o | ConvertTo-Csv -UseCulture) -join '|'
    (1.5 | Out-String).Trim()
    """)
    table, csv, csv_culture, scalar = shell.text(script)
    assert "1,50 02.01.2020 13:14:15" in table
    assert csv == '"Value","When"|"1,5","02.01.2020 13:14:15"'
    assert csv_culture == '"Value";"When"|"1,5";"02.01.2020 13:14:15"'
    assert scalar == "1,5"


def test_join_string_is_invariant_unless_use_culture():
    shell = Shell()
    script = _in_culture("de-DE", """
    1.5, 2.25 | Join-String -Separator ' '
    1.5, 2.25 | Join-String -Separator ' ' -UseCulture
    1.5 | Join-String -FormatString '{0:N2}'
    1.5 | Join-String -FormatString '{0:N2}' -UseCulture
    """)
    assert shell.text(script) == ["1.5 2.25", "1,5 2,25", "1.50", "1,50"]


def test_names_and_codes_of_other_cultures():
    shell = Shell()
    script = """
    foreach ($name in 'de-DE', 'fr-FR', 'fa-IR', 'zh-Hans-CN') {
        $c = [cultureinfo]$name
        '{0} {1} {2} {3} {4}' -f $c.Name, $c.ThreeLetterISOLanguageName, $c.ThreeLetterWindowsLanguageName,
            $c.Parent.Name, $c.CultureTypes
    }
    ([cultureinfo]'de').CultureTypes
    """
    assert shell.text(script) == [
        "de-DE deu DEU de SpecificCultures, InstalledWin32Cultures",
        "fr-FR fra FRA fr SpecificCultures, InstalledWin32Cultures",
        "fa-IR fas ZZZ fa SpecificCultures, InstalledWin32Cultures",
        "zh-Hans-CN zho ZZZ zh-Hans SpecificCultures, InstalledWin32Cultures",
        "NeutralCultures, InstalledWin32Cultures"]


def test_parse_with_a_culture():
    shell = Shell()
    script = """
    [double]::Parse('1.234,5', [cultureinfo]'de-DE')
    [decimal]::Parse('-7,25', [cultureinfo]'fr-FR')
    [datetime]::Parse('2.1.2020 13:14:15', [cultureinfo]'de-DE').ToString('yyyy-MM-dd HH:mm:ss')
    [datetime]::ParseExact('2. März 2020', 'd. MMMM yyyy', [cultureinfo]'de-DE').ToString('yyyy-MM-dd')
    [datetime]::ParseExact('2020/01/02 1:14 午後', 'yyyy/MM/dd h:mm tt', [cultureinfo]'ja-JP').ToString('HH:mm')
    try { [datetime]::ParseExact('Foo 05 2020', 'MMM dd yyyy', $null) } catch { $_.Exception.InnerException.Message }
    """
    assert shell.text(script) == ["1234.5", "-7.25", "2020-01-02 13:14:15", "2020-03-02", "13:14",
                                  "String 'Foo 05 2020' was not recognized as a valid DateTime."]


def test_culture_not_found_and_title_case():
    shell = Shell()
    script = """
    try { [cultureinfo]::GetCultureInfo('abcdefghijkl') } catch {
        $_.Exception.InnerException.GetType().FullName; $_.Exception.InnerException.Message }
    try { $null = [cultureinfo]'abcdefghijkl' } catch { $_.FullyQualifiedErrorId }
    ([cultureinfo]'en-US').TextInfo.ToTitleCase('hello wORLD of NASA')
    [cultureinfo]::GetCultureInfo(1036).Name
    """
    assert shell.text(script) == [
        "System.Globalization.CultureNotFoundException",
        "Culture is not supported. (Parameter 'name')\nabcdefghijkl is an invalid culture identifier.",
        "InvalidCastConstructorException", "Hello World Of NASA", "fr-FR"]


def test_current_culture_setting_is_read_back():
    shell = Shell()
    script = _in_culture("fr-FR", """
    [cultureinfo]::CurrentCulture.Name
    [System.Threading.Thread]::CurrentThread.CurrentCulture.Name
    [cultureinfo]::CurrentCulture.NumberFormat.IsReadOnly
    """)
    assert shell.text(script) == ["fr-FR", "fr-FR", "False"]


def _child(env_changes: dict[str, str], script: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    env.update(env_changes)
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", script],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.stderr == ""
    return result.stdout.splitlines()


def test_culture_comes_from_the_environment_as_dotnet_reads_it():
    script = "$PSCulture; (1.5).ToString(); \"$(1.5)\"; 1.5"
    assert _child({"LANG": "de_DE.UTF-8"}, script) == ["de-DE", "1,5", "1.5", "1,5"]
    assert _child({"LANG": "de_DE.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, "$PSCulture") == ["fr-FR"]
    assert _child({"LANG": "C.UTF-8"}, "$PSCulture -eq ''; (Get-Culture).LCID") == ["True", "127"]
    assert _child({}, "(Get-Culture).EnglishName") == ["Invariant Language (Invariant Country)"]
    script = ("[cultureinfo]::CurrentCulture.IsReadOnly; $c = [cultureinfo]::CurrentCulture.Clone(); "
              "$c.NumberFormat.NumberDecimalSeparator = '#'; [cultureinfo]::CurrentCulture = $c; 1.5")
    assert _child({"LANG": "de_DE.UTF-8"}, script) == ["True", "1#5"]


def test_english_and_invariant_need_no_locale_library():
    code = (
        "import sys\n"
        "from pwshlike.runtime import ExecutionContext, execute_script\n"
        "from pwshlike.plugins.session import install\n"
        "ctx = ExecutionContext(); install(ctx); out = []\n"
        "execute_script(ctx, \"(Get-Date).ToString('D'); '{0:C}' -f 5; (1.5).ToString(); "
        "[cultureinfo]::InvariantCulture.DateTimeFormat.LongDatePattern\", emit=out.append)\n"
        "print(out[1]); print('babel' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = "en_US.UTF-8"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.splitlines() == ["$5.00", "False"], result.stderr


def test_a_culture_read_once_is_kept_on_disk(tmp_path):
    code = (
        "import sys\n"
        "from pwshlike.runtime import ExecutionContext, execute_script\n"
        "from pwshlike.plugins.session import install\n"
        "ctx = ExecutionContext(); install(ctx); out = []\n"
        "execute_script(ctx, \"(1234.5).ToString('N1'); (Get-Date '2020-03-01').ToString('D')\", emit=out.append)\n"
        "print(out[0]); print(out[1]); print('babel' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update({"LANG": "de_DE.UTF-8", "XDG_CACHE_HOME": str(tmp_path)})

    def run() -> list[str]:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        return result.stdout.splitlines()

    assert run() == ["1.234,5", "Sonntag, 1. März 2020", "True"]
    assert (tmp_path / "pwshlike" / "cultures" / "de-de.json").is_file()
    assert run() == ["1.234,5", "Sonntag, 1. März 2020", "False"]


def test_assigning_a_bad_culture_is_exception_when_setting():
    shell = Shell()
    script = """
    try { [cultureinfo]::CurrentCulture = 'abcdefghijkl' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    try { [cultureinfo]::CurrentUICulture = $null } catch { $_.Exception.Message }
    $PSCulture
    """
    assert shell.text(script) == [
        "ExceptionWhenSetting",
        'Exception setting "CurrentCulture": "Cannot convert value "abcdefghijkl" to type '
        '"System.Globalization.CultureInfo". Error: "Culture is not supported. (Parameter \'name\')\n'
        'abcdefghijkl is an invalid culture identifier.""',
        'Exception setting "CurrentUICulture": "Value cannot be null. (Parameter \'value\')"', "en-US"]


def test_cmdlet_string_arguments_are_read_in_the_current_culture():
    shell = Shell()
    script = _in_culture("de-DE", """
    Get-Date -Date '02.01.2020 13:14' -Format 'yyyy-MM-dd HH:mm'
    Start-Sleep -Seconds '0,01'; 'slept'
    function f([double]$x) { $x }
    try { f '1,5' } catch { $_.FullyQualifiedErrorId }
    """)
    assert shell.text(script) == ["2020-01-02 13:14", "slept", "ParameterArgumentTransformationError,f"]


def test_clone_is_a_writable_copy_with_the_changes():
    shell = Shell()
    script = """
    $a = [cultureinfo]::new('de-DE'); $a.NumberFormat.NumberDecimalSeparator = '#'
    $b = $a.Clone(); $b.NumberFormat.NumberDecimalSeparator; $b.NumberFormat.NumberDecimalSeparator = '_'
    $a.NumberFormat.NumberDecimalSeparator
    [cultureinfo]::InvariantCulture.IsReadOnly; [cultureinfo]::InvariantCulture.Clone().IsReadOnly
    (2.5).ToString($b)
    """
    assert shell.text(script) == ["#", "#", "True", "False", "2_5"]


def test_display_name_is_in_the_ui_culture_language():
    shell = Shell()
    script = """
    $previous = [cultureinfo]::CurrentUICulture
    ([cultureinfo]'fr-FR').DisplayName
    try {
        [cultureinfo]::CurrentUICulture = 'de-DE'
        ([cultureinfo]'fr-FR').DisplayName; ([cultureinfo]'fr-FR').EnglishName; ([cultureinfo]'').DisplayName
    } finally { [cultureinfo]::CurrentUICulture = $previous }
    """
    assert shell.text(script) == ["French (France)", "Franz\u00f6sisch (Frankreich)", "French (France)",
                                  "Invariant Language (Invariant Country)"]


def test_output_that_names_no_culture_loads_no_culture_module():
    """Installing the views (the FileSystem table's date column is as wide as the
    culture writes dates) must not read the culture: that waits for a listing."""
    code = (
        "import sys\n"
        "from pwshlike.runtime import ExecutionContext, execute_script\n"
        "from pwshlike.plugins.session import install\n"
        "ctx = ExecutionContext(); install(ctx); out = []\n"
        "execute_script(ctx, \"[pscustomobject]@{a=1} | Out-String\", emit=out.append)\n"
        "print('pwshlike.dotnet.cultures' in sys.modules)\n"
        "execute_script(ctx, \"Get-ChildItem / | Out-String\", emit=out.append)\n"
        "print('pwshlike.dotnet.cultures' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["False", "True"], result.stderr
