"""Helpers for the formatting tests: formatters and console sessions with a
fixed width, and a fresh ``$PSStyle`` for every test."""

from __future__ import annotations

import io
from typing import Any, Optional

import pytest

from pwshlike import formatting
from pwshlike.formatting import ViewRegistry
from pwshlike.formatting.builtin_views import install_builtin_views
from pwshlike.formatting.style import PSStyle
from pwshlike.host.console import ConsoleHost
from pwshlike.host.formatting import Formatter
from pwshlike.host.session import build_session


@pytest.fixture(autouse=True)
def fresh_psstyle(monkeypatch: pytest.MonkeyPatch) -> PSStyle:
    """Each test starts from pwsh's default ``$PSStyle`` (Host rendering)."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    style = PSStyle()
    monkeypatch.setattr(PSStyle, "instance", style)
    return style


def registry_with() -> ViewRegistry:
    """A registry with the built-in views (and nothing registered by other tests)."""
    registry = ViewRegistry()
    install_builtin_views(registry)
    return registry


def lines_of(*objects: Any, width: int = 120, registry: Optional[ViewRegistry] = None) -> list[str]:
    """What a file receives for ``objects`` at ``width`` (Out-File -Width),
    errors laid out by the host's ConciseView."""
    formatter = Formatter(width=lambda: width, registry=registry or registry_with())
    return formatter(list(objects))


class FixedHost(ConsoleHost):
    """A console host over string buffers with a fixed window width."""

    def __init__(self, width: int = 120, terminal: bool = False) -> None:
        out = _Terminal() if terminal else io.StringIO()
        err = _Terminal() if terminal else io.StringIO()
        super().__init__(stdin=io.StringIO(), stdout=out, stderr=err, non_interactive=True)
        self._width = width

    @property
    def window_width(self) -> int:
        return self._width


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Shell:
    """A session on a FixedHost; ``run`` returns (stdout, stderr)."""

    def __init__(self, width: int = 120, terminal: bool = False) -> None:
        self.host = FixedHost(width, terminal)
        self.session = build_session(self.host)
        formatting.install(self.session.context)

    def run(self, text: str) -> tuple[str, str]:
        out, err = self.host.stdout, self.host.stderr
        start_out, start_err = out.tell(), err.tell()
        self.session.run(text)
        return out.getvalue()[start_out:], err.getvalue()[start_err:]

    def out(self, text: str) -> str:
        stdout, stderr = self.run(text)
        assert stderr == "", stderr
        return stdout

    def value(self, script: str) -> Any:
        """The value of a script expression, e.g. what Out-String returned."""
        self.out(f"$__value = {script}")
        return self.session.context.get_variable_value("__value")

    def use_registry(self, registry: ViewRegistry) -> None:
        self.session.formatter.registry = registry


@pytest.fixture
def shell() -> Shell:
    return Shell()
