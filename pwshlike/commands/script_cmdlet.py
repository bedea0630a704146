"""``$PSCmdlet``: what an advanced function sees of its command runtime.

pwsh gives advanced functions a PSScriptCmdlet with the Cmdlet API
(ShouldProcess, WriteObject, WriteError, ThrowTerminatingError...); this
class exposes the same members over the runtime Python cmdlets use, so both
kinds of command share one implementation of streams and ShouldProcess.
"""

from __future__ import annotations

from typing import Any

_CONTINUE_CHOICES = '[Y] Yes  [N] No  [?] Help (default is "Y"):'


class PSScriptCmdlet:
    full_name = "System.Management.Automation.PSScriptCmdlet"
    PS_MEMBERS = {
        "ParameterSetName": "parameter_set_name", "MyInvocation": "my_invocation",
        "ShouldProcess": "should_process", "ShouldContinue": "should_continue",
        "WriteObject": "write_object", "WriteError": "write_error", "WriteVerbose": "write_verbose",
        "WriteWarning": "write_warning", "WriteDebug": "write_debug",
        "WriteInformation": "write_information", "ThrowTerminatingError": "throw_terminating_error",
        "GetVariableValue": "get_variable_value", "SessionState": "session_state",
    }

    def __init__(self, runtime: Any, processor: Any) -> None:
        self._runtime = runtime
        self._processor = processor
        # pwsh's Cmdlet.SessionState is the state the command was created
        # in, the caller's: a module's advanced function reads its caller's
        # variables through it (made before the function's own scope exists).
        self._caller_state = runtime.context.scope.state

    @property
    def session_state(self) -> Any:
        from pwshlike.runtime.intrinsics import SessionStateIntrinsics
        return SessionStateIntrinsics(self._runtime.context, self._caller_state)

    @property
    def parameter_set_name(self) -> str:
        binding = self._processor.binding
        return binding.parameter_set or binding.valid_sets[0]

    @property
    def my_invocation(self) -> Any:
        return self._processor.invocation

    def should_process(self, target: Any, action: Any = None, caption: Any = None) -> bool:
        """ShouldProcess(target), (target, action) or (description, warning, caption)."""
        from pwshlike.dotnet.conversions import to_string
        if caption is not None:
            return self._runtime.should_process(None, None, description=to_string(target))
        return self._runtime.should_process(to_string(target),
                                            None if action is None else to_string(action))

    def should_continue(self, query: Any, caption: Any, *_rest: Any) -> bool:
        host = self._runtime.context.host
        host.write_line("")
        host.write_line(str(caption))
        host.write_line(str(query))
        while True:
            host.write(_CONTINUE_CHOICES + " ")
            line = host.read_line()
            if line is None:
                from .should_process import END_OF_INPUT_MESSAGE
                host.write_line("")
                host.write_line(END_OF_INPUT_MESSAGE)
                return False
            answer = line.strip().lower()
            if answer in ("", "y"):
                return True
            if answer == "n":
                return False
            host.write_line("Y - Continue with only the next step of the operation.")
            host.write_line("N - Skip this operation and proceed with the next operation.")

    def write_object(self, obj: Any, enumerate_collection: bool = False) -> None:
        self._runtime.write_object(obj, bool(enumerate_collection))

    def write_error(self, record: Any) -> None:
        self._runtime.write_error(record)

    def write_verbose(self, text: Any) -> None:
        self._runtime.write_stream("verbose", str(text))

    def write_warning(self, text: Any) -> None:
        self._runtime.write_stream("warning", str(text))

    def write_debug(self, text: Any) -> None:
        self._runtime.write_stream("debug", str(text))

    def write_information(self, data: Any, tags: Any = None) -> None:
        self._runtime.write_information(data, list(tags) if tags else None)

    def throw_terminating_error(self, record: Any) -> None:
        self._runtime.throw_terminating_error(record)

    def get_variable_value(self, name: str, default: Any = None) -> Any:
        """A variable seen from the caller's session state (pwsh's
        Cmdlet.GetVariableValue reads it through SessionState)."""
        return self.session_state.ps_variable.get_value(name, default)
