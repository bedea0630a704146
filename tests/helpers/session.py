"""Sessions for tests: ``Shell``, the command layer over a recording
host, for tests of commands; ``PluginSession``, the public
``pwshlike.testing`` helper over a given plugin host, for plugin tests."""

from __future__ import annotations

from typing import Any, Callable, Optional

from pwshlike.plugins.session import install
from pwshlike.runtime import ExecutionContext, execute_script
from pwshlike.dotnet.conversions import to_string
from pwshlike.testing import Result, Session

from .recording import RecordingHost


class _Shortcuts:
    """What both kinds of session offer on top of ``run``: the output as
    text, the one output object, and ``$Error`` (newest first) with its ids
    oldest first."""

    context: Any
    run: Callable[[str], list[Any]]

    def text(self, script: str) -> list[str]:
        return [to_string(o) for o in self.run(script)]

    def one(self, script: str) -> Any:
        result = self.run(script)
        assert len(result) == 1, result
        return result[0]

    def errors(self) -> list[Any]:
        return list(self.context.get_variable_value("Error"))

    def error_ids(self) -> list[str]:
        return [e.fully_qualified_error_id for e in reversed(self.errors())]


class Shell(_Shortcuts):
    """Runs script text in one session and records what the host shows.
    ``answers`` makes the host interactive (see RecordingHost);
    ``location`` sets the current location; ``plugins`` is the PluginHost
    (the process's default one unless given)."""

    def __init__(self, answers: Optional[list[str]] = None, location: Optional[str] = None,
                 plugins: Any = None) -> None:
        self.host = RecordingHost(answers)
        self.context = ExecutionContext(self.host)
        install(self.context, plugins=plugins)
        if location is not None:
            self.context.session.location = location

    def run(self, script: str) -> list[Any]:
        output: list[Any] = []
        execute_script(self.context, script, emit=output.append, dot_source=True)
        return output

    def warnings(self) -> list[str]:
        return self.host.kind("warning")

    def verbose(self) -> list[str]:
        return self.host.kind("verbose")


class PluginSession(_Shortcuts):
    """A :class:`pwshlike.testing.Session` over ``plugins`` (a PluginHost),
    with the shortcuts the plugin tests share.  :meth:`result` is the public
    helper's Result; :meth:`run` and friends give a run's output.
    :meth:`errors` reads ``$Error`` (what a script sees, newest first);
    :meth:`warnings` and :meth:`verbose` gather the messages of the start
    and of every run."""

    def __init__(self, plugins: Any, answers: Optional[list[str]] = None) -> None:
        self.session = Session(plugins=plugins, answers=answers)
        self.context = self.session.context
        self.plugins = plugins
        self.results: list[Result] = []

    def result(self, script: str, *, input: Any = None) -> Result:
        """What running ``script`` did (output, errors, streams, text)."""
        result = self.session.run(script, input=input)
        self.results.append(result)
        return result

    def run(self, script: str) -> list[Any]:
        return self.result(script).output

    def warnings(self) -> list[str]:
        return [message for result in [self.session.startup, *self.results] for message in result.warnings]

    def verbose(self) -> list[str]:
        return [message for result in [self.session.startup, *self.results] for message in result.verbose]

    def close(self) -> None:
        self.session.close()
