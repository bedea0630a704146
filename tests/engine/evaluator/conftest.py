"""Test scaffolding for the evaluator: a recording host and a tiny
test-only command layer (functions with trivial positional binding and a
handful of cmdlet stand-ins), so the engine can be tested on its own."""

from __future__ import annotations

from typing import Any

import pytest

from pwshlike.runtime.context import ExecutionContext
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, RuntimeException, WriteErrorException
from pwshlike.runtime.flow import StopUpstreamCommands
from pwshlike.runtime.pipeline import NO_INPUT, CommandProcessor
from pwshlike.runtime.run import execute_script
from pwshlike.runtime.scriptblock import ScriptBlock
from pwshlike.dotnet.values import iter_collection

from helpers.recording import RecordingHost


class _Info:
    def __init__(self, name: str, command_type: str, factory: Any) -> None:
        self.name = name
        self.command_type = command_type
        self._factory = factory

    def new_processor(self, context: Any, arguments: list, invocation: Any) -> CommandProcessor:
        return self._factory(context, invocation, arguments)


class ScriptProcessor(CommandProcessor):
    """Runs a ScriptBlock: named arguments bind by parameter name, positional
    ones in declaration order, the rest become $args."""

    def __init__(self, context: Any, invocation: Any, arguments: list, block: ScriptBlock,
                 dot_source: bool) -> None:
        super().__init__(context, invocation)
        names = [p.name.name for p in block.parameters]
        variables: dict[str, Any] = {}
        rest: list[Any] = []
        pending = None
        for arg in arguments:
            if arg.end_of_parameters:
                continue
            if pending is not None:
                variables[pending] = arg.value
                pending = None
                continue
            if arg.name is not None:
                match = next((n for n in names if n.lower() == arg.name.lower()), None)
                if match is None:
                    rest.append("-" + arg.name)
                elif arg.has_value:
                    variables[match] = arg.value
                else:
                    pending = match
                continue
            free = [n for n in names if n not in variables]
            if free:
                variables[free[0]] = arg.value
            else:
                rest.append(arg.value)
        if pending is not None:
            variables[pending] = True
        self.block = block
        self.variables = variables
        self.rest = rest
        self.dot_source = dot_source
        self.run: Any = None

    def begin(self) -> None:
        self.run = self.block.begin_invocation(self.context, new_scope=not self.dot_source,
                                               variables=self.variables, args=self.rest,
                                               emit=self.downstream)
        self.run.begin()

    def process(self, input_object: Any) -> None:
        self.run.process(input_object)

    def end(self) -> None:
        self.run.end()

    def clean(self) -> None:
        if self.run is not None:
            self.run.clean()


def _split(arguments: list) -> tuple[list[Any], dict[str, Any]]:
    """Positional values and named ones; ``-Name value`` pairs up."""
    positional: list[Any] = []
    named: dict[str, Any] = {}
    pending = None
    for a in arguments:
        if a.end_of_parameters:
            continue
        if pending is not None and a.name is None:
            named[pending] = a.value
            pending = None
        elif a.name is not None:
            if a.has_value:
                named[a.name.lower()] = a.value
            else:
                pending = a.name.lower()
        else:
            positional.append(a.value)
    if pending is not None:
        named[pending] = True
    return positional, named


def _values(arguments: list) -> list[Any]:
    return _split(arguments)[0]


def _named(arguments: list, name: str, default: Any = None) -> Any:
    return _split(arguments)[1].get(name.lower(), default)


class WriteOutput(CommandProcessor):
    def __init__(self, context: Any, invocation: Any, arguments: list) -> None:
        super().__init__(context, invocation)
        self.values = _values(arguments)

    def process(self, input_object: Any) -> None:
        if input_object is not NO_INPUT:
            self.downstream(input_object)
            return
        for value in self.values:
            items = iter_collection(value)
            for item in (items if items is not None else (value,)):
                self.downstream(item)


class WriteError(CommandProcessor):
    def __init__(self, context: Any, invocation: Any, arguments: list) -> None:
        super().__init__(context, invocation)
        self.message = " ".join(str(v) for v in _values(arguments))
        self.action = _named(arguments, "ErrorAction")

    def process(self, input_object: Any) -> None:
        record = ErrorRecord(WriteErrorException(self.message), "Microsoft.PowerShell.Commands.WriteErrorException",
                             ErrorCategory.NotSpecified, None, self.invocation)
        self.context.write_error(record, self.action)


class WriteStream(CommandProcessor):
    def __init__(self, context: Any, invocation: Any, arguments: list, kind: str) -> None:
        super().__init__(context, invocation)
        self.message = " ".join(str(v) for v in _values(arguments))
        self.kind = kind

    def process(self, input_object: Any) -> None:
        getattr(self.context, "write_" + self.kind)(self.message)


class SelectFirst(CommandProcessor):
    """``Select-First n``: stops upstream after n objects."""

    def __init__(self, context: Any, invocation: Any, arguments: list) -> None:
        super().__init__(context, invocation)
        self.count = int(_values(arguments)[0])
        self.seen = 0

    def process(self, input_object: Any) -> None:
        if input_object is NO_INPUT:
            return
        self.seen += 1
        self.downstream(input_object)
        if self.seen >= self.count:
            raise StopUpstreamCommands(self)


class ForEachObject(CommandProcessor):
    def __init__(self, context: Any, invocation: Any, arguments: list) -> None:
        super().__init__(context, invocation)
        self.block = _values(arguments)[0]

    def process(self, input_object: Any) -> None:
        if input_object is NO_INPUT:
            return
        self.block.invoke_with_input(input_object, new_scope=False, emit=self.downstream)


class Collect(CommandProcessor):
    """``Collect-All``: outputs the count of its input at end (tests ordering)."""

    def __init__(self, context: Any, invocation: Any, arguments: list) -> None:
        super().__init__(context, invocation)
        self.items: list[Any] = []

    def process(self, input_object: Any) -> None:
        if input_object is not NO_INPUT:
            self.items.append(input_object)

    def end(self) -> None:
        self.downstream("count=%d" % len(self.items))


class ThrowTerminating(CommandProcessor):
    def __init__(self, context: Any, invocation: Any, arguments: list) -> None:
        super().__init__(context, invocation)
        self.message = " ".join(str(v) for v in _values(arguments))

    def process(self, input_object: Any) -> None:
        raise RuntimeException(self.message, error_id="TestTerminating",
                               category=ErrorCategory.InvalidOperation)


CMDLETS = {
    "write-output": WriteOutput,
    "write-error": WriteError,
    "write-warning": lambda c, i, a: WriteStream(c, i, a, "warning"),
    "write-verbose": lambda c, i, a: WriteStream(c, i, a, "verbose"),
    "write-debug": lambda c, i, a: WriteStream(c, i, a, "debug"),
    "write-host": lambda c, i, a: WriteStream(c, i, a, "host"),
    "write-information": lambda c, i, a: WriteStream(c, i, a, "information"),
    "select-first": SelectFirst,
    "foreach-object": ForEachObject,
    "collect-all": Collect,
    "throw-terminating": ThrowTerminating,
}


def resolver(context: Any, target: Any, operator: Any, extent: Any) -> _Info:
    from pwshlike.runtime.compile_commands import command_not_found
    dot = operator == "."
    if isinstance(target, ScriptBlock):
        return _Info("", "Script", lambda c, i, a: ScriptProcessor(c, i, a, target, dot))
    name = str(target)
    function = context.session.get_function(name, context.scope)
    if function is not None:
        return _Info(name, "Function", lambda c, i, a: ScriptProcessor(c, i, a, function, dot))
    factory = CMDLETS.get(name.lower())
    if factory is None:
        raise command_not_found(name)
    return _Info(name, "Cmdlet", factory)


class Session:
    """A context with the test resolver and a recording host."""

    def __init__(self) -> None:
        self.host = RecordingHost()
        self.ctx = ExecutionContext(self.host)
        self.ctx.command_resolver = resolver
        self.result: Any = None

    def run(self, text: str, **kwargs: Any) -> list[Any]:
        output: list[Any] = []
        self.result = execute_script(self.ctx, text, emit=output.append, **kwargs)
        return output

    def errors(self) -> list[str]:
        return self.host.kind("error")


@pytest.fixture
def session() -> Session:
    return Session()


@pytest.fixture
def run(session: Session) -> Any:
    """``run(text)`` -> output objects of the script."""
    return session.run
