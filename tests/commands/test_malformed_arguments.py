"""Every shipped cmdlet, fed malformed arguments, answers with a PowerShell
error record: never a Python exception's text, never an engine bug.

Hypothesis picks, per cmdlet, a parameter set, some of its parameters and a
value for each from a palette of awkward values (empty, $null, wrong types,
bad wildcards, huge numbers, hashtables with unknown keys, NUL characters),
sometimes an unknown parameter or pipeline input.  Each call runs in a
temporary folder, with ``-WhatIf`` where the cmdlet supports ShouldProcess,
in a non-interactive session, under a time limit.  Two things fail the test:

- a Python exception of a kind that only a bug raises (TypeError,
  AttributeError...) reaching the engine's conversion of Python errors;
- an error message with Python's words in it ("NoneType", "[Errno 2]",
  "unexpected keyword argument"...).

Some cmdlets must not run at all here (they end processes, open files,
wait for people or the network); they are listed with the reason.
"""

from __future__ import annotations

import re
import signal
import sys
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from helpers.session import Shell
from pwshlike.plugins.builtins import BUILTIN_CMDLETS

NOT_RUN = {
    "Stop-Process": "ends real processes",
    "Start-Process": "starts real programs",
    "Wait-Process": "waits for real processes",
    "Debug-Process": "attaches to real processes",
    "Invoke-Item": "opens files with the desktop's programs",
    "Start-Sleep": "sleeps as long as it is told",
    "Read-Host": "waits for a person",
    "Get-Credential": "waits for a person",
    "Wait-Job": "waits as long as it is told",
    "Receive-Job": "waits for jobs with -Wait",
    "Start-Job": "starts child processes (tests/cmdlets cover its errors)",
    "Wait-Event": "waits as long as it is told",
    "Invoke-WebRequest": "reaches the network",
    "Invoke-RestMethod": "reaches the network",
    "Start-Transcript": "records the rest of the session",
    "Invoke-History": "runs earlier commands again",
    "Clear-Host": "clears the terminal",
    "Out-GridView": "opens a window",
}

# Parameters that wait, prompt or reach outside the temporary folder whatever the value.
SKIPPED_PARAMETERS = {"Wait", "Credential", "AsSecureString", "Confirm", "WhatIf", "Timeout", "Prompt"}

VALUES = [
    "''", "$null", "@()", "@{}", "@{n='x'}", "@{bogus=1}", "'*'", "'[a'", "-1", "0", "2147483648",
    "[double]::NaN", "'not-a-number'", "(Get-Date 2020-01-01)", "[pscustomobject]@{a=1}", "@(1,'a',$null)",
    "('a'*300)", '"a`0b"', "'../outside'", "{ 1 }", "[char]0", "$true", "[int[]](1,2)", "'x:\\y'",
    "'Env:NOPE'", "'Variable:\\nope*'", "[guid]::Empty", "'-'",
    # Bad regular expressions, lone surrogates (Python's codecs refuse them), extreme numbers, values
    # that are objects without being $null, script blocks that throw, XML.
    "'('", "'a\\'", "[char]0xD800", "-2147483649", "[long]::MinValue", "[double]::PositiveInfinity",
    "[decimal]::MaxValue", "[ordered]@{a=$null}", "[DBNull]::Value", "{ throw 'boom' }", "[xml]'<a><b/></a>'",
    "' '", "@{Expression={ 1/0 }}",
]

PYTHON_WORDS = re.compile(
    r"NoneType|\[Errno|Errno \d|unexpected keyword argument|positional argument|object has no attribute|"
    r"not subscriptable|is not iterable|unsupported operand|Traceback|__init__|invalid literal for|"
    r"could not convert string|not supported between instances|object is not callable|"
    r"list index out of range|No such file or directory|Permission denied|Is a directory|"
    r"Not a directory|KeyError|TypeError|AttributeError|ValueError|codec can't|surrogates not allowed|"
    r"unhashable type|maximum recursion depth|takes \d+ positional|missing \d+ required|"
    r"must be str, not|must be real number, not|can only concatenate|unterminated subpattern|bad escape|"
    r"nothing to repeat")

BUG_TYPES = (TypeError, AttributeError, NameError, KeyError, IndexError, AssertionError, NotImplementedError)

SECONDS_PER_CALL = 10


class _Hung(BaseException):
    """Raised by the alarm: a call took longer than any malformed call may."""


def _swept() -> list[str]:
    return sorted(name for name in BUILTIN_CMDLETS if name not in NOT_RUN)


@pytest.fixture(scope="module")
def bug_log() -> Iterator[list[BaseException]]:
    """Records every Python exception of a bug's kind that reaches the
    engine's conversion of Python errors into .NET ones, wherever a module
    imported that function by name."""
    from pwshlike.dotnet import errors
    original = errors.dotnet_exception_from
    log: list[BaseException] = []

    def recording(exc: BaseException) -> Any:
        if isinstance(exc, BUG_TYPES):
            log.append(exc)
        return original(exc)

    for name in BUILTIN_CMDLETS.values():  # import every cmdlet module, so the scan below sees them
        __import__(name[0] if "." in name[0] else f"pwshlike.commands.builtins.{name[0]}")
    patched = [m for m in list(sys.modules.values())
               if getattr(m, "__name__", "").startswith("pwshlike") and
               getattr(m, "dotnet_exception_from", None) is original]
    for module in patched:
        module.dotnet_exception_from = recording
    yield log
    for module in patched:
        module.dotnet_exception_from = original


def _parameter_choices(shell: Shell, name: str) -> tuple[list[list[tuple[str, bool]]], bool]:
    """Per parameter set, its parameters as (name, is switch), and whether
    the cmdlet supports ShouldProcess."""
    rows = shell.text(f"(Get-Command {name}).ParameterSets | ForEach-Object {{ $s = $_.Name; "
                      f"$_.Parameters | ForEach-Object {{ '{{0}}|{{1}}|{{2}}' -f $s, $_.Name, "
                      f"($_.ParameterType.Name -eq 'SwitchParameter') }} }}")
    sets: dict[str, list[tuple[str, bool]]] = {}
    for row in rows:
        set_name, parameter, is_switch = row.split("|")
        if parameter not in SKIPPED_PARAMETERS and not _is_common(parameter):
            sets.setdefault(set_name, []).append((parameter, is_switch == "True"))
    what_if = shell.text(f"(Get-Command {name}).Parameters.ContainsKey('WhatIf')") == ["True"]
    return list(sets.values()), what_if


def _is_common(name: str) -> bool:
    return name in {"Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable",
                    "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
                    "ProgressAction", "UseTransaction"}


@st.composite
def calls(draw: Any, sets: list[list[tuple[str, bool]]], name: str, what_if: bool) -> str:
    parameters = draw(st.sampled_from(sets)) if sets else []
    chosen = draw(st.lists(st.sampled_from(parameters), unique=True, max_size=3)) if parameters else []
    words = [name]
    for parameter, is_switch in chosen:
        value = draw(st.sampled_from(VALUES))
        words.append(f"-{parameter}:{value}" if is_switch else f"-{parameter} {value}")
    if draw(st.booleans()) and draw(st.booleans()):
        words.append("-NoSuchParameter 1")
    if what_if:
        words.append("-WhatIf")
    text = " ".join(words)
    if draw(st.integers(0, 3)) == 0:
        text = f"{draw(st.sampled_from(VALUES))} | {text}"
    return text


def _run_with_alarm(shell: Shell, script: str) -> None:
    def hung(signum: int, frame: Any) -> None:
        raise _Hung(script)

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, SECONDS_PER_CALL)
    try:
        shell.run(f"try {{ {script} }} catch {{ }}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", _swept())
def test_malformed_arguments_give_error_records(name: str, tmp_path: Any, monkeypatch: Any,
                                                bug_log: list[BaseException]) -> None:
    monkeypatch.setenv("BROWSER", "false")
    monkeypatch.chdir(tmp_path)
    shell = Shell(location=str(tmp_path))
    sets, what_if = _parameter_choices(shell, name)

    @settings(max_examples=15, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(calls(sets, name, what_if))
    def check(script: str) -> None:
        bug_log.clear()
        shell.run("$Error.Clear()")
        _run_with_alarm(shell, script)
        assert not bug_log, f"{script}: a Python {type(bug_log[0]).__name__} reached the engine: {bug_log[0]}"
        texts = [str(record) for record in shell.errors()] + shell.host.kind("error", "warning")
        shell.host.lines.clear()
        python = [text for text in texts if PYTHON_WORDS.search(text)]
        assert not python, f"{script}: Python's words in an error: {python[0]}"

    check()
