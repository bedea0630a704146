"""A terminal to drive: pwshlike (or any program) in a tmux pane on a
private tmux server.  Keys go in with ``tmux send-keys``; the screen comes
back with ``capture-pane`` (``-e`` keeps the colour escape sequences)."""

from __future__ import annotations

import re
import subprocess
import time
import uuid
from typing import Callable

EXIT_REPORT = re.compile(r"\[pwshlike exited with (\d+)\]")


class Pane:
    """One tmux pane on a private tmux server."""

    def __init__(self, argv: list[str], cwd: str, env: dict[str, str]) -> None:
        self.socket = f"pwshlike-e2e-{uuid.uuid4().hex[:8]}"
        environment = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
        self.tmux("new-session", "-d", "-x", "120", "-y", "40", "-c", cwd, *environment, "--",
                  *argv)
        self.tmux("set-option", "-g", "remain-on-exit", "on")  # keep the last screen to read

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def keys(self, *keys: str) -> None:
        """Named keys (Enter, Tab, C-c) or literal text, one send each."""
        for key in keys:
            if key in ("Enter", "Tab", "C-c", "C-d", "Escape"):
                self.tmux("send-keys", key)
            else:
                self.tmux("send-keys", "-l", key)

    def screen(self, colors: bool = False) -> str:
        args = ["capture-pane", "-p", "-J"] + (["-e"] if colors else [])
        return self.tmux(*args)

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 15, colors: bool = False) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen(colors)
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen:\n{self.screen()}")
            time.sleep(0.05)

    def wait_for_text(self, text: str, timeout: float = 15) -> str:
        return self.wait_for(lambda screen: text in screen, repr(text), timeout)

    def prompt_count(self) -> int:
        return self.screen().count("PS ")

    def exit_status(self, timeout: float = 10) -> str:
        """The exit status the wrapper shell printed once pwshlike ended."""
        screen = self.wait_for(lambda s: EXIT_REPORT.search(s) is not None, "pwshlike to exit", timeout)
        return EXIT_REPORT.search(screen).group(1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)
