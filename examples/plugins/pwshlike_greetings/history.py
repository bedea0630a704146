"""The greeting history: a text file in the user's data folder, one sent
greeting per line, and the cmdlets that read and clear it."""

import os
from pathlib import Path

from pwshlike.plugin import Cmdlet, cmdlet


def path() -> Path:
    """``$XDG_DATA_HOME/pwshlike-greetings/history.txt`` (~/.local/share by default)."""
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(data) / "pwshlike-greetings" / "history.txt"


def append(greeting: str) -> None:
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as handle:
        handle.write(greeting + "\n")


@cmdlet("Get-GreetingHistory", output_types=("System.String",))
class GetGreetingHistoryCommand(Cmdlet):
    """Gets the greetings sent so far, oldest first."""

    def end_processing(self):
        target = path()
        if target.exists():
            yield from target.read_text(encoding="utf-8").splitlines()


@cmdlet("Clear-GreetingHistory", supports_should_process=True, confirm_impact="High")
class ClearGreetingHistoryCommand(Cmdlet):
    """Forgets every greeting sent so far.

    Its ConfirmImpact is High, so it asks before deleting the history
    (unless -Confirm:$false); -WhatIf shows what it would do."""

    def end_processing(self):
        target = path()
        if self.should_process(str(target), "Clear greeting history"):
            target.unlink(missing_ok=True)
