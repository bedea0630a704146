"""Compare-Object: side indicators, -IncludeEqual/-ExcludeDifferent,
-Property, -PassThru and -SyncWindow."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def _pairs(results: list) -> list[tuple]:
    return [(r.get_property("InputObject"), r.get_property("SideIndicator")) for r in results]


def test_differences(s: Session) -> None:
    assert _pairs(s.run("Compare-Object 1, 2, 3 2, 3, 4")) == [(4, "=>"), (1, "<=")]
    assert _pairs(s.run("Compare-Object 'a' 'A'")) == []
    assert _pairs(s.run("Compare-Object 'a' 'A' -CaseSensitive")) == [("A", "=>"), ("a", "<=")]


def test_include_equal_and_exclude_different(s: Session) -> None:
    assert _pairs(s.run("Compare-Object 1, 2 2, 3 -IncludeEqual")) == [(2, "=="), (3, "=>"), (1, "<=")]
    assert _pairs(s.run("Compare-Object 1, 2 2, 3 -ExcludeDifferent")) == [(2, "==")]


def test_pipeline_input_is_the_difference_set(s: Session) -> None:
    assert _pairs(s.run("'b', 'c' | Compare-Object -ReferenceObject 'a', 'b'")) == [("c", "=>"), ("a", "<=")]


def test_property_output_and_pass_thru(s: Session) -> None:
    script = ("$r = [pscustomobject]@{N='x'; V=1}, [pscustomobject]@{N='y'; V=2}\n"
              "$d = [pscustomobject]@{N='x'; V=9}, [pscustomobject]@{N='z'; V=3}\n")
    results = s.run(script + "Compare-Object $r $d -Property N")
    assert [r.items() for r in results] == [[("N", "z"), ("SideIndicator", "=>")], [("N", "y"), ("SideIndicator", "<=")]]
    passed = s.run(script + "Compare-Object $r $d -Property N -PassThru")
    assert [(p.get_property("V"), p.get_property("SideIndicator")) for p in passed] == [(3, "=>"), (2, "<=")]


def test_sync_window_limits_how_far_matches_are_found(s: Session) -> None:
    assert _pairs(s.run("Compare-Object 1, 2, 3 3, 2, 1")) == []
    assert _pairs(s.run("Compare-Object 1, 2, 3 3, 2, 1 -SyncWindow 0")) == [
        (3, "=>"), (1, "<="), (1, "=>"), (3, "<=")]


def test_null_reference_is_a_binding_error(s: Session) -> None:
    s.run("Compare-Object $null 1")
    assert s.errors()[0].fully_qualified_error_id.startswith("ParameterArgumentValidationErrorNullNotAllowed")
