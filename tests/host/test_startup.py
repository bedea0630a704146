"""Start-up: what a plain script's process does before the script runs.

The cyclic garbage collector waits while the session is built (start-up
creates tens of thousands of long-lived objects and almost no garbage) and
is back on, as it was, before any script or profile code runs."""

from __future__ import annotations

import gc

import pytest

from pwshlike import cli
from pwshlike.host import session as host_session


@pytest.fixture
def seen(monkeypatch):
    """Records whether the collector was on each time the session ran text."""
    states: list[bool] = []
    run = host_session.Session.run

    def recording(self, *args, **kwargs):
        states.append(gc.isenabled())
        return run(self, *args, **kwargs)

    monkeypatch.setattr(host_session.Session, "run", recording)
    return states


def test_the_collector_is_on_when_the_script_runs_and_after(seen, capsys):
    assert gc.isenabled()
    assert cli.main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"]) == 0
    assert capsys.readouterr().out == "1\n"
    assert seen == [True]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_embedding_program_stays_off(seen, capsys):
    gc.disable()
    try:
        assert cli.main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"]) == 0
        assert seen == [False]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_on_after_an_early_exit(capsys):
    assert cli.main(["-Version"]) == 0
    assert cli.main(["-NoSuchParameter"]) == 64
    assert gc.isenabled()
