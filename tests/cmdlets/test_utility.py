"""Get-Date, New-TimeSpan, New-Guid, Get-Random and Get-SecureRandom."""

from __future__ import annotations

import datetime as _dt
import uuid

import pytest

from helpers.session import Shell as Session
from pwshlike.dotnet.values import Int64


@pytest.fixture
def s() -> Session:
    s = Session()
    s.run("$d = Get-Date -Date '2020-03-15 13:04:05'")
    return s


def test_get_date_returns_a_datetime(s: Session) -> None:
    assert s.run("$d") == [_dt.datetime(2020, 3, 15, 13, 4, 5)]
    now = s.one("Get-Date")
    assert abs(now - _dt.datetime.now()) < _dt.timedelta(seconds=10)


def test_parts_replaced_as_pwsh_adds_offsets(s: Session) -> None:
    assert s.run("Get-Date -Date $d -Year 2021 -Month 2 -Day 28 -Hour 0 -Minute 1 -Second 2 -Millisecond 3 "
                 "-Format 'yyyy-MM-dd HH:mm:ss.fff'") == ["2021-02-28 00:01:02.003"]
    # -Day 31 in February overflows into March, as DateTime.AddDays does.
    assert s.run("Get-Date -Date $d -Month 2 -Day 31 -Format 'yyyy-MM-dd'") == ["2020-03-02"]


def test_format_and_file_formats(s: Session) -> None:
    assert s.run("Get-Date -Date $d -Format 'dddd, MMMM d'") == ["Sunday, March 15"]
    assert s.run("Get-Date -Date $d -Format FileDate") == ["20200315"]
    assert s.run("Get-Date -Date $d -Format FileDateTime") == ["20200315T1304050000"]


def test_uformat(s: Session) -> None:
    assert s.run("Get-Date -Date $d -UFormat '%Y/%m/%d %H:%M:%S %A %a %B %b %j %u %w %e|%k|%l %p %y %D %T'") == [
        "2020/03/15 13:04:05 Sunday Sun March Mar 075 7 0 15|13| 1 PM 20 03/15/20 13:04:05"]
    assert s.run("Get-Date -Date $d -UFormat '+%G-W%V %C %n%t%%'") == ["2020-W11 20 \n\t%"]


def test_unix_time_and_utc(s: Session) -> None:
    assert s.run("(Get-Date -UnixTimeSeconds 86400 -AsUTC).ToString('o')") == ["1970-01-02T00:00:00.0000000Z"]
    assert s.text("(Get-Date -Date $d -AsUTC).Kind") == ["Utc"]
    s.run("Get-Date -UnixTimeSeconds 999999999999")
    assert s.errors()[0].fully_qualified_error_id.startswith("ParameterArgumentValidationError")


def test_new_timespan(s: Session) -> None:
    assert s.run("New-TimeSpan -Start '2020-01-01' -End '2020-01-03 12:00'") == [_dt.timedelta(days=2, hours=12)]
    assert s.run("(New-TimeSpan -Hours 1 -Minutes 30).TotalMinutes") == [90.0]
    assert s.run("New-TimeSpan -Days -1") == [_dt.timedelta(days=-1)]


def test_new_guid(s: Session) -> None:
    first, second = s.run("New-Guid; New-Guid")
    # pwsh 7.4's New-Guid makes random (version 4) GUIDs.
    assert isinstance(first, uuid.UUID) and first.version == 4 and first != second
    assert first.variant == uuid.RFC_4122


def test_new_guid_empty_and_from_text(s: Session) -> None:
    assert s.run("New-Guid -Empty") == [uuid.UUID(int=0)]
    assert s.one("New-Guid -Empty:$false") != uuid.UUID(int=0)
    assert s.run("'11c43ee8-b9d3-4e51-b73f-bd9dda66e29c', '{0f8fad5bd9cb469fa16570867728950e}' | New-Guid") == [
        uuid.UUID("11c43ee8-b9d3-4e51-b73f-bd9dda66e29c"), uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")]
    assert s.run("New-Guid 0f8fad5bd9cb469fa16570867728950e") == [uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")]


def test_new_guid_bad_text_is_an_error_then_null(s: Session) -> None:
    assert s.run("'nope' | New-Guid") == [None]
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "StringNotRecognizedAsGuid,Microsoft.PowerShell.Commands.NewGuidCommand"
    assert str(error) == "Unrecognized Guid format."


def test_random_numbers(s: Session) -> None:
    values = s.run("Get-Random -Minimum 5 -Maximum 8 -Count 50")
    assert len(values) == 50 and set(values) <= {5, 6, 7} and all(type(v) is int for v in values)
    assert all(0 <= v < 10.5 for v in s.run("Get-Random -Maximum 10.5 -Count 20"))
    assert isinstance(s.one("Get-Random -Maximum 10000000000"), Int64)
    assert isinstance(s.one("Get-Random -Maximum '2.5'"), float)


def test_seed_repeats_and_continues_the_sequence(s: Session) -> None:
    first = s.run("Get-Random -SetSeed 42 -Maximum 1000; Get-Random -Maximum 1000")
    second = s.run("Get-Random -SetSeed 42 -Maximum 1000; Get-Random -Maximum 1000")
    assert first == second


def test_random_items_and_shuffle(s: Session) -> None:
    picked = s.run("1..10 | Get-Random -Count 3")
    assert len(picked) == 3 and len(set(picked)) == 3 and set(picked) <= set(range(1, 11))
    assert sorted(s.run("Get-Random -InputObject 1, 2, 3 -Count 10")) == [1, 2, 3]
    assert sorted(s.run("1..5 | Get-Random -Shuffle")) == [1, 2, 3, 4, 5]
    # The switch's value decides, not the parameter set: -Shuffle:$false picks one item.
    assert len(s.run("Get-Random -InputObject 1, 2, 3, 5, 8 -Shuffle:$false")) == 1
    # An array given positionally is a list to pick from, not a maximum.
    picked = s.run("Get-Random 7, 8, 9 -Count 2")
    assert len(picked) == 2 and set(picked) <= {7, 8, 9}


def test_seeded_shuffle_is_repeatable(s: Session) -> None:
    first = s.run("Get-Random -SetSeed 7 -InputObject (1..20) -Shuffle")
    assert s.run("Get-Random -SetSeed 7 -InputObject (1..20) -Shuffle") == first
    assert sorted(first) == list(range(1, 21)) and first != list(range(1, 21))


def test_minimum_not_below_maximum(s: Session) -> None:
    s.run("Get-Random -Minimum 5 -Maximum 5")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand"
    assert str(error) == "The Minimum value (5) cannot be greater than or equal to the Maximum value (5)."


def test_random_bounds_given_as_text(s: Session) -> None:
    # What is no number literal is converted to an int, as pwsh's Parser.ScanNumber coerces it.
    assert s.run("Get-Random -Maximum '1,000' -Minimum 999") == [999]
    s.run("Get-Random 0x07FFFFFFFFFFFFFFFF")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == \
        "InvalidCastFromStringToInteger,Microsoft.PowerShell.Commands.GetRandomCommand"
    assert str(error) == ('Cannot convert value "0x07FFFFFFFFFFFFFFFF" to type "System.Int32". Error: "Value was '
                          'either too large or too small for a UInt32."')
    s.run("[long]'0xFFFFFFFFFFFFFFFFFF'")
    assert str(s.errors()[0]).endswith('Error: "Value was either too large or too small for a UInt64."')


def test_secure_random(s: Session) -> None:
    values = s.run("Get-SecureRandom -Minimum 5 -Maximum 8 -Count 40")
    assert len(values) == 40 and set(values) <= {5, 6, 7} and all(type(v) is int for v in values)
    assert sorted(s.run("1..6 | Get-SecureRandom -Shuffle")) == [1, 2, 3, 4, 5, 6]
    picked = s.run("Get-SecureRandom -InputObject a, b, c, d -Count 2")
    assert len(picked) == 2 and len(set(picked)) == 2
    # A seed set with Get-Random does not make Get-SecureRandom repeatable, and it has no -SetSeed.
    first = s.run("Get-Random -SetSeed 1 -Maximum 10; Get-SecureRandom -Maximum 1000000000 -Count 3")
    second = s.run("Get-Random -SetSeed 1 -Maximum 10; Get-SecureRandom -Maximum 1000000000 -Count 3")
    assert first[0] == second[0] and first[1:] != second[1:]
    s.run("Get-SecureRandom -SetSeed 1")
    assert s.error_ids()[-1] == "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetSecureRandomCommand"
    s.run("Get-SecureRandom -Minimum 3 -Maximum 3")
    assert s.error_ids()[-1] == "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetSecureRandomCommand"
