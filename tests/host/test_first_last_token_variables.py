"""``$^``, ``$$`` and ``$?`` are variables from the start, as in pwsh; the
interactive shell sets ``$^``/``$$`` from the line typed before."""

from __future__ import annotations

import io

from pwshlike.host.console import ConsoleHost
from pwshlike.host.session import build_session

from helpers.session import Shell


def test_they_exist_in_a_fresh_session() -> None:
    shell = Shell()
    assert shell.text("$n = (Get-Variable).Name; '$', '^', '?' | ForEach-Object { $n -contains $_ }") == [
        "True", "True", "True"]
    assert shell.text("(Get-Variable -Scope Global | Where-Object Name -eq '?').Value; $null -eq $^") == [
        "True", "True"]
    shell.run("$? = 1")
    assert shell.error_ids()[-1].startswith("VariableNotWritable")


def test_the_interactive_shell_sets_them_from_the_previous_line() -> None:
    host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    shell = build_session(host, interactive=True)
    for line in ("Get-Date -Format 'yyyy' | Out-Null", "'[' + $^ + '][' + $$ + ']'", "$$", "$^"):
        shell.run(line, add_to_history=True)
    # A string token counts as its value; a line made of $$ or $^ alone leaves the memory as it was,
    # so the fourth line still sees the second line's first token.
    assert host.stdout.getvalue().splitlines() == ["[Get-Date][Out-Null]", "]", "["]
