"""A simple (non-advanced) function has no common parameters, so its own
parameters may carry their names (-OutVariable, -ErrorAction, -Verbose) and
bind like any other; an advanced function keeps them as common parameters."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_header_parameter_named_like_a_common_parameter_binds(s: Session) -> None:
    assert s.run("function f($OutVariable) { $OutVariable }; f 5") == [5]


def test_param_block_parameters_named_like_common_ones_bind_by_name(s: Session) -> None:
    script = ("function Show-Pair { param($ErrorAction, $Verbose) \"[$ErrorAction][$Verbose]\" }; "
              "Show-Pair 1 2; Show-Pair -ErrorAction x -Verbose y")
    assert s.run(script) == ["[1][2]", "[x][y]"]


def test_they_appear_in_psboundparameters(s: Session) -> None:
    assert s.run("function f($OutVariable) { $PSBoundParameters['OutVariable'] }; f -OutVariable 7") == [7]


def test_advanced_function_still_treats_them_as_common(s: Session) -> None:
    script = "function g { [CmdletBinding()] param($X) $X }; $null = g 1 -OutVariable kept; $kept"
    assert s.run(script) == [1]
