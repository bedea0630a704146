"""Invoke-Expression, Invoke-Command (on this computer) and Measure-Command."""

from __future__ import annotations

import datetime as _dt
import time
from typing import Any, Callable, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.runtime.pipeline import NO_INPUT
from pwshlike.runtime.scriptblock import InputEnumerator, ScriptBlock


def _uses_dollar_input(script: ScriptBlock) -> bool:
    """Whether the block refers to ``$input`` (pwsh's IsUsingDollarInput);
    nested script blocks have their own ``$input`` and do not count."""
    from pwshlike.language import ast as A

    def visit(node: Any) -> bool:
        if isinstance(node, A.VariableExpressionAst):
            return str(node.name).lower() == "input"
        if isinstance(node, A.ScriptBlockExpressionAst):
            return False
        return any(visit(child) for child in node.children())
    return any(visit(child) for child in script.ast.children())


def _single_command_pipeline(script: ScriptBlock) -> Optional[str]:
    """The text of the script block when its body is one pipeline of
    commands (no param block, no named blocks), else None: the blocks
    pwsh runs as a steppable pipeline fed with the input objects."""
    from pwshlike.language import ast as A
    root = script.ast
    if root.param_block is not None or root.begin_block is not None or root.process_block is not None \
            or root.clean_block is not None:
        return None
    end = root.end_block
    statements = list(end.statements) if end is not None else []
    if len(statements) != 1 or not isinstance(statements[0], A.PipelineAst):
        return None
    first = statements[0].pipeline_elements[0]
    if not isinstance(first, A.CommandAst):
        return None
    return str(statements[0].extent.text)


def run_script(context: Any, script: ScriptBlock, *, new_scope: bool, args: list[Any],
               emit: Callable[[Any], None], dollar_under: Any = NO_INPUT,
               dollar_input: Optional[list[Any]] = None) -> None:
    """pwsh's InvokeUsingCmdlet: the block's blocks run once, in a new scope
    or the caller's, with ``args`` bound to its parameters and ``$args``,
    ``$_`` set to ``dollar_under`` and ``$input`` enumerating ``dollar_input``.
    In the caller's scope, ``$_`` and ``$input`` are put back afterwards."""
    variables, rest = script.bind_positionally(args)
    scope_vars = context.scope.vars
    saved_input = scope_vars.get("input")
    if dollar_input is not None:
        variables["input"] = InputEnumerator(list(dollar_input))
    invocation = script.begin_invocation(context, new_scope=new_scope, variables=variables, args=rest, emit=emit)
    try:
        invocation.run(dollar_under)
    finally:
        if not new_scope and dollar_input is not None:
            if saved_input is None:
                scope_vars.pop("input", None)
            else:
                scope_vars["input"] = saved_input


@cmdlet("Invoke-Expression", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097030")
class InvokeExpressionCommand(Cmdlet):
    """Runs a string as PowerShell code in the caller's scope.

    A string that does not parse is a terminating error with the parser's
    message."""

    help_examples = [
        ('Example 1: Run code held in a string',
         "$command = 'Get-ChildItem -File | Measure-Object'\nInvoke-Expression $command",
         "The string is parsed and run as if typed at the prompt; its variables live in the caller's scope."),
    ]

    command = Parameter("String", position=0, mandatory=True, value_from_pipeline=True,
                        help="The code to run.")

    def process_record(self) -> None:
        script = ScriptBlock.create(self.command, self.context)
        run_script(self.context, script, new_scope=False, args=[], emit=self.write_object)


@cmdlet("Invoke-Command", default_parameter_set="InProcess", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096789")
class InvokeCommandCommand(Cmdlet):
    """Runs a script block on this computer, in a new scope unless
    -NoNewScope, with -ArgumentList bound to its parameters.

    Pipeline input is ``$input``; a block that is a single pipeline of
    commands receives the input objects in its first command, as pwsh's
    steppable pipeline does.  Remoting parameters are not available."""

    help_examples = [
        ('Example 1: Run a script block with arguments',
         'Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 2, 3',
         "Returns 5; -ArgumentList binds to the block's parameters in order."),
        ('Example 2: Feed pipeline input to a block',
         '1..3 | Invoke-Command { $input | ForEach-Object { $_ * 10 } }',
         'The block reads the piped objects from $input.'),
    ]

    script_block = Parameter("ScriptBlock", position=0, mandatory=True, aliases=("Command",),
                             help="The code to run.")
    no_new_scope = Parameter("SwitchParameter", help="Runs in the caller's scope.")
    input_object = Parameter("PSObject", value_from_pipeline=True, help="Input for the script block.")
    argument_list = Parameter("Object[]", aliases=("Args",), help="Values for the block's parameters and $args.")

    def begin_processing(self) -> None:
        self._input: list[Any] = []

    def process_record(self) -> None:
        if self.invocation.expecting_input:
            self._input.append(self.input_object)

    def end_processing(self) -> None:
        script = self.script_block
        args = list(self.argument_list or ())
        if self.invocation.expecting_input and not _uses_dollar_input(script):
            text = _single_command_pipeline(script)
            if text is not None:
                script = ScriptBlock.create("$input | " + text, self.context)
        run_script(self.context, script, new_scope=not self.no_new_scope, args=args, emit=self.write_object,
                   dollar_input=self._input if self.invocation.expecting_input else None)


@cmdlet("Measure-Command", output_types=("System.TimeSpan",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097029")
class MeasureCommandCommand(Cmdlet):
    """Measures how long a script block takes to run.

    The block runs in the caller's scope and its output is thrown away;
    errors and the other streams still appear.  With pipeline input the
    block runs once per object, with $_ set to it ($input stays empty, as in
    pwsh), and the result is the total time.  The result is a [timespan]:
    use its TotalMilliseconds or TotalSeconds property for one number."""

    help_examples = [
        ("Example 1: Time a command", "Measure-Command { Get-ChildItem -Recurse $HOME }",
         "Returns a TimeSpan with how long listing the home folder took."),
        ("Example 2: Time a block once per input object",
         "(1..3 | Measure-Command { Start-Sleep -Milliseconds (10 * $_) }).TotalMilliseconds",
         "Runs the block three times with $_ set to 1, 2 and 3 and returns the total, a little over 60."),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True,
                             help="Objects for the block to process; each run sees one as $_.")
    expression = Parameter("ScriptBlock", position=0, mandatory=True, help="The code to time.")

    def begin_processing(self) -> None:
        self._elapsed = 0.0

    def process_record(self) -> None:
        # $_ is -InputObject whether it came from the pipeline or was given.
        dollar_under = self.input_object if "InputObject" in self.bound_parameters else NO_INPUT
        started = time.perf_counter()
        try:
            run_script(self.context, self.expression, new_scope=False, args=[], emit=_discard,
                       dollar_under=dollar_under, dollar_input=[])
        finally:
            self._elapsed += time.perf_counter() - started

    def end_processing(self) -> Iterator[_dt.timedelta]:
        yield _dt.timedelta(microseconds=round(self._elapsed * 1_000_000))


def _discard(_obj: Any) -> None:
    return None
