"""Running a whole script: what the CLI, the REPL and profile loading call.

A script runs as one pipeline holding one command (the script block), so it
streams its output and errors like any command.  A terminating error that
escapes the script is reported here (error stream and ``$Error``), and
``exit`` ends the run with its code.
"""

from __future__ import annotations

from ..language import parse_input
from .context import ExecutionContext
from .error_records import record_with_exception
from ..dotnet.errors import InvocationInfo, ParseException, PipelineStoppedException, RuntimeException
from .flow import BreakException, ContinueException, ExitException
from .pipeline import CommandArgument, run_pipeline
from .scriptblock import ScriptBlock, ScriptBlockCode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional


class RunResult:
    """How a run ended: ``exit_code`` from an ``exit`` statement (else None),
    ``error`` the terminating error that stopped the script (else None),
    ``success`` the final value of ``$?``."""

    __slots__ = ("exit_code", "error", "success")

    def __init__(self, exit_code: Optional[int], error: Optional[RuntimeException], success: bool) -> None:
        self.exit_code = exit_code
        self.error = error
        self.success = success

    def __repr__(self) -> str:
        return f"RunResult(exit_code={self.exit_code!r}, error={self.error!r}, success={self.success!r})"


def parse_script(text: str, file: Optional[str] = None) -> Any:
    """The ScriptBlockAst of ``text``; raises ParseException listing the
    parser's errors when it does not parse."""
    ast, _tokens, errors = parse_input(text, file)
    if errors:
        raise ParseException(errors=errors)
    return ast


def execute_script(ctx: ExecutionContext, script: Any, *, file: Optional[str] = None,
                   arguments: Iterable[Any] = (), emit: Optional[Callable[[Any], None]] = None,
                   dot_source: bool = False, input: Optional[Iterable[Any]] = None) -> RunResult:
    """Runs ``script`` (source text or a ScriptBlockAst).

    * ``file``: the script's path; the script then gets its own script
      scope (unless ``dot_source``) and ``$PSScriptRoot``/``$PSCommandPath``.
    * ``arguments``: CommandArguments (or plain values, taken as positional)
      bound to the script's ``param()`` block by the commands layer.
    * ``emit``: receives each output object (default: the host, one
      formatted object at a time).
    * ``dot_source``: run in the current scope, as ``-Command`` and the REPL
      do, so functions and variables it defines stay.
    * ``input``: the script's pipeline input (``$input``; with the commands layer), as
      ``items | & { script }`` gives it; None for no input.
    """
    ctx.activate()
    ast = parse_script(script, file) if isinstance(script, str) else script
    block = ScriptBlock(ScriptBlockCode(ast), ctx, is_script=file is not None and not dot_source)
    block.catches_exit = False
    out = emit if emit is not None else _host_output(ctx)
    args = [a if isinstance(a, CommandArgument) else CommandArgument(None, a) for a in arguments]
    exit_code: Optional[int] = None
    error: Optional[RuntimeException] = None
    try:
        if ctx.command_resolver is not None:
            operator = "." if dot_source else "&"
            info = ctx.command_resolver(ctx, block, operator, ast.extent)
            invocation = InvocationInfo(info, file or "", None, pipeline_position=1,
                                        pipeline_length=1)
            run_pipeline(ctx, [info.new_processor(ctx, args, invocation)], out, source=input,
                         sets_status=False)
        else:
            _run_direct(ctx, block, [a.value for a in args if not a.end_of_parameters], out,
                        not dot_source)
    except ExitException as exc:
        exit_code = exc.code
        ctx.last_exit_code = exc.code
    except (BreakException, ContinueException):
        pass
    except Exception as exc:
        error = ctx.to_runtime_exception(exc, None)
        ctx.last_success = False
        if not isinstance(error, PipelineStoppedException):
            record = record_with_exception(error.error_record, error, error)
            ctx.append_error(record)
            ctx.report_error(record)
    return RunResult(exit_code, error, ctx.last_success if error is None else False)


def _run_direct(ctx: ExecutionContext, block: ScriptBlock, args: list[Any],
                out: Callable[[Any], None], new_scope: bool) -> None:
    """Runs the script block without a commands layer: arguments bind to
    the declared parameters by position, the rest go to ``$args``."""
    variables, rest = block.bind_positionally(args)
    invocation = block.begin_invocation(ctx, new_scope=new_scope, variables=variables, args=rest,
                                        emit=out)
    invocation.run_alone()


def _host_output(ctx: ExecutionContext) -> Callable[[Any], None]:
    def write(obj: Any) -> None:
        for line in ctx.formatter([obj]):
            ctx.host.write_line(line)
    return write
