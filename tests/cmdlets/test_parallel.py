"""ForEach-Object -Parallel: results, -ThrottleLimit, $using: and the
isolation of each iteration (pwsh does not keep input order, so results
are compared as sets)."""

from __future__ import annotations

import threading
import time

import pytest

from helpers.session import Shell as Session


class ConcurrencyProbe:
    """Counts how many iterations are inside ``Enter`` at once."""

    PS_MEMBERS = {"Enter": "enter"}

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = 0
        self.peak = 0

    def enter(self) -> None:
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
        time.sleep(0.05)
        with self.lock:
            self.active -= 1


@pytest.fixture
def s() -> Session:
    return Session()


def test_all_results_arrive(s: Session) -> None:
    assert sorted(s.run("1..20 | ForEach-Object -Parallel { $_ * 2 }")) == list(range(2, 41, 2))
    assert s.run("(1..20 | ForEach-Object -Parallel { $_ } -ThrottleLimit 3 | Measure-Object -Sum).Sum") == [210.0]


@pytest.mark.parametrize("limit", [1, 3])
def test_throttle_limit_bounds_concurrency(s: Session, limit: int) -> None:
    probe = ConcurrencyProbe()
    s.context.set_variable_value("probe", probe)
    s.run(f"1..8 | ForEach-Object -Parallel {{ ($using:probe).Enter() }} -ThrottleLimit {limit}")
    assert probe.peak == limit


def test_using_reads_the_callers_value(s: Session) -> None:
    assert sorted(s.run("$x = 10; 1..3 | ForEach-Object -Parallel { $_ * $using:x }")) == [10, 20, 30]
    assert s.run("$h = @{k = 'v'}; 1 | ForEach-Object -Parallel { ($using:h).k }") == ["v"]


def test_iterations_do_not_see_or_change_the_callers_variables(s: Session) -> None:
    assert s.run("$x = 5; 1 | ForEach-Object -Parallel { \"[$x]\" }") == ["[]"]
    assert s.run("1..3 | ForEach-Object -Parallel { $leak = 1 }; \"[$leak]\"") == ["[]"]


def test_each_iteration_has_its_own_scope_in_a_reused_runspace(s: Session) -> None:
    script = "1..4 | ForEach-Object -Parallel { $seen = $null -ne $prev; $prev = 1; $seen } -ThrottleLimit 1"
    assert s.run(script) == [False, False, False, False]


def test_streams_and_errors_reach_the_caller(s: Session) -> None:
    output = s.run("1, 2 | ForEach-Object -Parallel { Write-Warning \"w$_\"; Write-Host \"h$_\"; "
                   "Write-Error \"e$_\"; $_ }")
    assert sorted(output) == [1, 2]
    assert sorted(s.warnings()) == ["w1", "w2"]
    assert sorted(s.host.kind("information")) == ["h1", "h2"]
    assert sorted(str(e) for e in s.errors()) == ["e1", "e2"]
    assert s.run("1 | ForEach-Object -Parallel { throw 'boom' }; 'after'") == ["after"]
    assert str(s.errors()[0]) == "boom"


def test_using_errors(s: Session) -> None:
    s.run("1 | ForEach-Object -Parallel { $using:undefined }")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == ("UsingVariableIsUndefined,"
                                              "Microsoft.PowerShell.Commands.ForEachObjectCommand")
    assert str(error) == ("The value of the using variable '$using:undefined' cannot be retrieved because it has "
                          "not been set in the local session.")
    s.run("$sb = { 1 }; 1 | ForEach-Object -Parallel { $using:sb }")
    assert s.errors()[0].fully_qualified_error_id.startswith("ParallelUsingVariableCannotBeScriptBlock,")


def test_new_runspace_per_iteration(s: Session) -> None:
    script = ("1..3 | ForEach-Object -Parallel { $global:count++; $global:count } -ThrottleLimit 1 "
              "-UseNewRunspace")
    assert s.run(script) == [1, 1, 1]
