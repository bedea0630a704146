"""PowerShell 7 conformance suite: run each ``cases/<topic>/<name>.ps1`` through pwshlike.

Every case was written from PowerShell's documented behaviour (the about_* help
topics) and must print exactly the same stdout under real ``pwsh 7.4
-NoProfile -NonInteractive -File case.ps1``.  That makes the suite a yardstick
for the implementation rather than a mirror of it: when a case fails, fix the
implementation, or re-verify the expectation against the documentation; never
edit an expectation to match pwshlike.

Layout of a case:

* ``<name>.ps1``      the script, run with the case's directory as cwd;
* ``<name>.out``      the exact expected stdout ('\\n' line endings);
* ``<name>.exitcode`` optional, the expected process exit code (default 0).

``known_failures.txt`` (optional, next to this file) lists case ids, one per
line with a reason after ``#``, that are known not to pass yet.  They run as
strict xfails, so a case that starts passing is reported and must be removed
from the list.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
KNOWN_FAILURES_FILE = HERE / "known_failures.txt"
# Generous: a case is a handful of statements, but CI machines can be slow.
TIMEOUT_SECONDS = 60


def _case_id(script: Path) -> str:
    return script.relative_to(CASES_DIR).with_suffix("").as_posix()


def _known_failures() -> dict[str, str]:
    """Map case id -> reason, read from ``known_failures.txt`` if present."""
    if not KNOWN_FAILURES_FILE.exists():
        return {}
    result: dict[str, str] = {}
    for raw in KNOWN_FAILURES_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        case_id, _, reason = line.partition("#")
        result[case_id.strip()] = reason.strip() or "known failure"
    return result


def _collect() -> list:
    known = _known_failures()
    params = []
    for script in sorted(CASES_DIR.rglob("*.ps1")):
        case_id = _case_id(script)
        marks = []
        if case_id in known:
            marks.append(pytest.mark.xfail(reason=known[case_id], strict=True))
        params.append(pytest.param(script, id=case_id, marks=marks))
    return params


def _expected_exit_code(script: Path) -> int:
    code_file = script.with_suffix(".exitcode")
    if code_file.exists():
        return int(code_file.read_text(encoding="utf-8").strip())
    return 0


def _run(script: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.pop("PWSHLIKE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-File", str(script)],
        cwd=script.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
    )


def _report(script: Path, expected: str, actual: str, result: subprocess.CompletedProcess,
            expected_code: int) -> str:
    lines = [f"case {_case_id(script)}: {script}"]
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile="expected (pwsh 7.4)", tofile="actual (pwshlike)")
        lines.append("stdout differs:")
        lines.append("".join(d if d.endswith("\n") else d + "\\ no newline\n" for d in diff).rstrip("\n"))
    if result.returncode != expected_code:
        lines.append(f"exit code {result.returncode}, expected {expected_code}")
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if stderr:
        tail = stderr.splitlines()[-25:]
        lines.append("stderr (last lines):")
        lines.extend("    " + line for line in tail)
    return "\n".join(lines)


@pytest.mark.parametrize("script", _collect())
def test_case(script: Path) -> None:
    expected = script.with_suffix(".out").read_text(encoding="utf-8")
    expected_code = _expected_exit_code(script)
    result = _run(script)
    actual = result.stdout.decode("utf-8", "replace")
    if actual != expected or result.returncode != expected_code:
        pytest.fail(_report(script, expected, actual, result, expected_code), pytrace=False)


def test_every_case_has_expected_output() -> None:
    """A .ps1 without its .out would silently compare against nothing."""
    missing = [_case_id(s) for s in CASES_DIR.rglob("*.ps1") if not s.with_suffix(".out").exists()]
    assert not missing, f"cases without a .out file: {missing}"
