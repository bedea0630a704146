"""Start-Sleep (added with the interactive shell, whose Ctrl+C must be able
to stop it): its parameter sets, validation and promptly interruptible wait."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from repl_fixtures import _isolated_environment, session  # noqa: F401 - pytest fixtures


def run(session, text):
    outcome = session.run(text)
    return outcome, session.host.stdout.getvalue(), session.host.stderr.getvalue()


@pytest.mark.parametrize("text, seconds", [
    ("Start-Sleep 0.2", 0.2),
    ("Start-Sleep -Seconds 0.2", 0.2),
    ("Start-Sleep -Milliseconds 200", 0.2),
    ("Start-Sleep -ms 200", 0.2),
    ("Start-Sleep -Duration '0:00:00.2'", 0.2),
    ("[timespan]'0:00:00.2' | Start-Sleep", 0.2),
    ("Start-Sleep 0", 0.0),
])
def test_sleeps_for_the_given_time(session, text, seconds):
    started = time.monotonic()
    outcome, output, errors = run(session, text)
    elapsed = time.monotonic() - started
    assert outcome.success and errors == "" and output == ""
    assert seconds <= elapsed < seconds + 0.5


def test_negative_and_too_long_durations_are_errors(session):
    _, _, errors = run(session, "Start-Sleep -Seconds -1")
    assert "Cannot validate argument on parameter 'Seconds'." in errors
    _, _, errors = run(session, "Start-Sleep -Duration '-0:00:01'")
    assert "Cannot validate argument on parameter 'Duration'." in errors
    _, _, errors = run(session, "Start-Sleep -Duration '30.00:00:00'")
    assert ("The Duration parameter value must not exceed '24.20:31:23.6470000', provided value was "
            "'30.00:00:00'.") in errors
    run(session, "try { Start-Sleep -Duration '30.00:00:00' } catch { $_.FullyQualifiedErrorId }")
    assert "MaximumDurationExceeded,Microsoft.PowerShell.Commands.StartSleepCommand" in session.host.stdout.getvalue()


def test_ctrl_c_lands_promptly(session):
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    started = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        session.run("Start-Sleep 30")
    assert time.monotonic() - started < 1.0
