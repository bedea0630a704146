"""``[TimeZoneInfo]``: IANA zones, names as ICU gives them to .NET, the
conversions, and .NET's TimeZoneNotFoundException."""

from __future__ import annotations

import pytest

from helpers.session import Shell

UTC_NOON = "$u = [datetime]::SpecifyKind([datetime]'2024-07-01 12:00', 'Utc')\n"


def test_zone_properties():
    pytest.importorskip("babel")
    shell = Shell()
    script = """
    $p = [TimeZoneInfo]::FindSystemTimeZoneById('Europe/Paris')
    $p.Id; $p.DisplayName; $p.StandardName; $p.DaylightName; $p.BaseUtcOffset.TotalHours; $p.SupportsDaylightSavingTime
    "$p"; [TimeZoneInfo]::Utc.DisplayName; [TimeZoneInfo]::Utc.Id
    """
    assert shell.text(script) == ["Europe/Paris", "(UTC+01:00) Central European Time (Paris)",
                                  "Central European Standard Time", "Central European Summer Time", "1", "True",
                                  "(UTC+01:00) Central European Time (Paris)", "(UTC) Coordinated Universal Time", "UTC"]


def test_conversions():
    shell = Shell()
    script = UTC_NOON + """
    $p = [TimeZoneInfo]::FindSystemTimeZoneById('Europe/Paris')
    [TimeZoneInfo]::ConvertTimeFromUtc($u, $p).ToString('yyyy-MM-dd HH:mm')
    [TimeZoneInfo]::ConvertTimeBySystemTimeZoneId($u, 'America/New_York').ToString('yyyy-MM-dd HH:mm')
    [TimeZoneInfo]::ConvertTimeToUtc([datetime]'2024-01-01 12:00', $p).ToString('yyyy-MM-dd HH:mm')
    $p.GetUtcOffset($u).TotalHours; $p.IsDaylightSavingTime($u)
    """
    assert shell.text(script) == ["2024-07-01 14:00", "2024-07-01 08:00", "2024-01-01 11:00", "2", "True"]


def test_unknown_zone():
    shell = Shell()
    shell.run("try { [TimeZoneInfo]::FindSystemTimeZoneById('Nowhere/Land') } catch { $e = $_ }")
    inner = shell.context.get_variable_value("e").exception.inner_exception
    assert inner.full_name == "System.TimeZoneNotFoundException"
    assert inner.message == "The time zone ID 'Nowhere/Land' was not found on the local computer."
