"""The interactive shell feeds the session's history (Get-History, r) and
writes typed lines after their prompt to a running transcript."""

from __future__ import annotations

from repl_fixtures import _isolated_environment, feeder, pipe, repl, session  # noqa: F401 - pytest fixtures


def test_typed_lines_become_history_and_r_runs_them_again(repl, feeder, session):
    feeder.feed("$n = 20\r", "$n * 2\r", "r\r", "(Get-History).CommandLine -join ';'\r", "exit\r")
    assert repl.run() == 0
    out = session.host.stdout.getvalue().split("\n")
    assert out[:4] == ["40", "$n * 2", "40", "$n = 20;$n * 2;$n * 2"]


def test_the_transcript_has_the_prompt_and_the_line(repl, feeder, session, tmp_path):
    log = tmp_path / "t.txt"
    feeder.feed(f"Set-Location '{tmp_path}'\r", f"Start-Transcript '{log}'\r", "'inside'\r", "Stop-Transcript\r",
                "exit\r")
    assert repl.run() == 0
    body = log.read_text().split("**********************\n")[2]
    assert body == (f"Transcript started, output file is {log}\n"
                    f"PS {tmp_path}> 'inside'\ninside\n"
                    f"PS {tmp_path}> Stop-Transcript\n")
