"""Select-Object's counting parameters (-First, -Last, -Skip, -SkipLast) in
combination, and null input, as pwsh's SelectObjectQueue decides them."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


@pytest.mark.parametrize(("arguments", "expected"), [
    ("-First 2 -Last 2", [1, 2, 4, 5]),
    ("-Last 2 -First 2", [1, 2, 4, 5]),
    ("-First 4 -Last 3", [1, 2, 3, 4, 5]),
    ("-Skip 1 -First 2", [2, 3]),
    ("-Skip 1 -Last 2", [3, 4]),
    ("-Skip 1 -First 2 -Last 1", [2, 3, 5]),
    ("-Skip 2", [3, 4, 5]),
    ("-Skip 9", []),
    ("-Last 2", [4, 5]),
    ("-SkipLast 2", [1, 2, 3]),
    ("-First 0", []),
    ("-Last 0", []),
])
def test_counting_parameters_combine_as_in_pwsh(s: Session, arguments: str, expected: list[int]) -> None:
    assert s.run(f"1..5 | Select-Object {arguments}") == expected


def test_first_stops_the_commands_before_it(s: Session) -> None:
    assert s.run("$n = 0; 1..100 | ForEach-Object { $n++; $_ } | Select-Object -First 2 | Out-Null; $n") == [2]


def test_first_with_last_reads_all_input(s: Session) -> None:
    assert s.run("$n = 0; 1..6 | ForEach-Object { $n++; $_ } | Select-Object -First 1 -Last 1; $n") == [1, 6, 6]


def test_null_input_writes_nothing(s: Session) -> None:
    assert s.run("@($null | Select-Object a).Count") == [0]
    assert s.run("@($null | Select-Object -First 1).Count") == [0]
    assert s.run("1, $null, 2 | Select-Object") == [1, 2]
    assert s.run("1, $null, 2 | Select-Object -Index 1") == [2]
