"""``[DateTimeOffset]``: Unix times, offsets, casts from text and DateTime,
and .NET's property order in output."""

from __future__ import annotations

from helpers.session import Shell


def test_unix_times():
    shell = Shell()
    script = """
    $d = [DateTimeOffset]::FromUnixTimeSeconds(1700000000)
    $d.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss'); $d.Offset.TotalMinutes; $d.UtcDateTime.Kind
    $d.ToUnixTimeMilliseconds(); "$d"
    [DateTimeOffset]::Now.ToUnixTimeSeconds() -gt 1700000000
    """
    assert shell.text(script) == ["2023-11-14 22:13:20", "0", "Utc", "1700000000000", "11/14/2023 22:13:20 +00:00",
                                  "True"]


def test_offsets_and_casts():
    shell = Shell()
    script = """
    $p = [DateTimeOffset]'2024-03-01T10:00:00+02:00'
    $p.Hour; $p.Offset.TotalHours; $p.UtcDateTime.Hour; $p.ToUnixTimeSeconds(); $p.ToOffset([timespan]::FromHours(-5)).Hour
    [DateTimeOffset]::new([datetime]'2024-01-01', [timespan]::FromHours(1)).ToString('yyyy-MM-dd HH:mm zzz')
    $p.AddDays(1).Day; $p -lt [DateTimeOffset]::FromUnixTimeSeconds(1800000000)
    """
    assert shell.text(script) == ["10", "2", "8", "1709280000", "3", "2024-01-01 00:00 +01:00", "2", "True"]


def test_bad_text_and_output_order():
    shell = Shell()
    shell.run("try { [DateTimeOffset]'garbage' } catch { $e = $_ }")
    assert shell.context.get_variable_value("e").fully_qualified_error_id == "InvalidCastParseTargetInvocation"
    text = "\n".join(shell.text("[DateTimeOffset]::FromUnixTimeSeconds(0) | Format-List | Out-String"))
    names = [line.split(":")[0].strip() for line in text.splitlines() if " : " in line]
    assert names[:4] == ["DateTime", "UtcDateTime", "LocalDateTime", "Date"]
    assert names[-1] == "Year"
