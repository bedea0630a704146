"""Compilation of pipelines, pipeline chains, commands, their arguments
and redirections.

A command element compiles to a factory ``make(ctx, position, length)``
that evaluates the arguments, asks the commands layer's
``ctx.command_resolver`` for the command and gets its processor from
``CommandInfo.new_processor``.  A pipeline whose first element is an
expression feeds that expression's items (lazily for a range) into the
first command.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..language import ast as A
from ..language.numeric import TypedNumber
from .compile_support import DirectStatement, emit_value, lazy_range, pipeline_input, sets_success_status
from ..dotnet.conversions import to_string
from ..dotnet.errors import CommandNotFoundException, ErrorCategory, InvocationInfo, RuntimeException
from .pipeline import (CommandArgument, ExpressionProcessor, ParameterToken, RedirectedProcessor,
                       Redirection, run_pipeline)
from .scopes import COMMAND_GENERATION, state_scope, strict_version
from .streams import STREAM_NAMES
from ..dotnet.values import GenericDictionary, Hashtable, iter_collection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Stmt = Callable[[Any, Callable[[Any], None]], None]
    Maker = Callable[[Any, int, int], Any]
    ArgumentFn = Callable[[Any, list], None]


def command_not_found(name: Any) -> CommandNotFoundException:
    text = name if isinstance(name, str) else to_string(name)
    return CommandNotFoundException(
        f"The term '{text}' is not recognized as a name of a cmdlet, function, script file, or "
        f"executable program.\nCheck the spelling of the name, or if a path was included, verify that "
        f"the path is correct and try again.", error_id="CommandNotFoundException",
        category=ErrorCategory.ObjectNotFound, target_object=text)


# pwsh leaves these variables to the job's own session (MiscOps.InvokePipelineInBackground).
_MAGIC_VARIABLES = re.compile(r"^(global:)?(PID|PSVersionTable|PSEdition|PSHOME|HOST|TRUE|FALSE|NULL)$", re.I)


def _background(node: Any) -> Stmt:
    """``pipeline &``: as pwsh, the pipeline's text becomes the script
    block of ``Start-Job -WorkingDirectory <current location>``, every
    variable set here turned into ``${using:name}``; the statement writes
    the job."""
    extent = node.extent
    variables: list[Any] = []

    def collect(child: Any) -> None:
        if isinstance(child, A.UsingExpressionAst):
            return
        if isinstance(child, A.VariableExpressionAst):
            variables.append(child)
        for grandchild in child.children():
            collect(grandchild)
    collect(node)

    def background(ctx: Any, out: Any) -> None:
        from .scopes import QualifiedName
        from .scriptblock import ScriptBlock
        try:
            text, start, position, parts = extent.text, extent.start_offset, 0, []
            for variable in variables:
                name = variable.name
                if ctx.session.lookup_qualified(QualifiedName(name), ctx.scope) is None \
                        or _MAGIC_VARIABLES.match(name):
                    continue
                parts.append(text[position:variable.extent.start_offset - start])
                parts.append("${using:" + name.replace("}", "`}") + "}")
                position = variable.extent.end_offset - start
            block = ScriptBlock.create("".join(parts) + text[position:], ctx)
            info = ctx.command_resolver(ctx, "Start-Job", None, extent)
            invocation = InvocationInfo(info, "Start-Job", extent, GenericDictionary(), pipeline_position=1,
                                        pipeline_length=1, expecting_input=False)
            arguments = [CommandArgument("WorkingDirectory", ctx.session.location, True, colon=True, extent=extent,
                                         text="-WorkingDirectory:"),
                         CommandArgument("ScriptBlock", block, True, colon=True, extent=extent, text="-ScriptBlock:")]
            run_pipeline(ctx, [info.new_processor(ctx, arguments, invocation)], out)
        except Exception as exc:
            ctx.statement_error(exc, extent, out)
    return background


class CommandCompiler:
    """Mixin of :class:`compiler.Compiler` for pipelines and commands."""

    def s_PipelineAst(self, node: Any) -> tuple[Stmt, bool]:
        extent = node.extent
        if node.background:
            return _background(node), True
        elements = node.pipeline_elements
        first = elements[0]
        if len(elements) == 1 and isinstance(first, A.CommandExpressionAst) and not first.redirections:
            return self._expression_statement(first.expression, extent), True
        source = None
        if isinstance(first, A.CommandExpressionAst) and not first.redirections:
            source = self._pipeline_source(first.expression)
            commands = elements[1:]
        else:
            commands = elements
        if source is None and len(commands) == 1:
            call = self._call_site(commands[0], extent)
            if call is not None:
                return call, True
        makers = [self._command_maker(e) for e in commands]
        length = len(elements)
        offset = 2 if source is not None else 1
        if source is None and len(makers) == 1:
            make = makers[0]

            def single(ctx: Any, out: Any) -> None:
                try:
                    run_pipeline(ctx, [make(ctx, 1, 1)], out)
                except Exception as exc:
                    ctx.statement_error(exc, extent, out)
            return single, True

        def pipeline(ctx: Any, out: Any) -> None:
            try:
                items = source(ctx) if source is not None else None
                processors = [make(ctx, i + offset, length) for i, make in enumerate(makers)]
                run_pipeline(ctx, processors, out, items)
            except Exception as exc:
                ctx.statement_error(exc, extent, out)
        return pipeline, True

    def s_PipelineChainAst(self, node: Any) -> tuple[Stmt, bool]:
        left = self.stmt(node.left)
        right = self.stmt(node.right)
        want = node.operator == "&&"
        if node.background:
            return _background(node), True

        def chain(ctx: Any, out: Any) -> None:
            ctx.last_success = True
            left(ctx, out)
            if ctx.last_success == want:
                right(ctx, out)
        return chain, True

    # --- expression statements ------------------------------------------------------------

    def _expression_statement(self, node: Any, extent: Any) -> Stmt:
        """An expression used as a statement writes its value, unrolled;
        ``$i++``, ``[void](...)`` and void method calls write nothing, and
        ``$( )`` streams its statements' output directly."""
        status = sets_success_status(node)
        if isinstance(node, A.ParenExpressionAst):
            paren = self.paren_statement(node, extent)
            if paren is not None:
                return paren
        if isinstance(node, A.SubExpressionAst):
            body = self.block(node.sub_expression)

            def sub(ctx: Any, out: Any) -> None:
                try:
                    body(ctx, out)
                    if status:
                        ctx.last_success = True
                except Exception as exc:
                    ctx.statement_error(exc, extent, out)
            return sub
        value = self.expr(node)
        silent = (isinstance(node, A.UnaryExpressionAst) and node.operator in ("++", "--")) or \
            (isinstance(node, A.ConvertExpressionAst) and node.type.type_name.name.lower() in ("void", "system.void"))
        if silent:
            def run(ctx: Any, out: Any) -> None:
                try:
                    value(ctx)
                    if status:
                        ctx.last_success = True
                except Exception as exc:
                    ctx.statement_error(exc, extent, out)
            return run
        skip_none = isinstance(node, A.InvokeMemberExpressionAst)

        def write(ctx: Any, out: Any) -> None:
            try:
                result = value(ctx)
                if result is not None or not skip_none:
                    emit_value(result, out)
                if status:
                    ctx.last_success = True
            except Exception as exc:
                ctx.statement_error(exc, extent, out)

        def finish(ctx: Any, result: Any, out: Any) -> None:
            try:
                if result is not None or not skip_none:
                    emit_value(result, out)
                if status:
                    ctx.last_success = True
            except Exception as exc:
                ctx.statement_error(exc, extent, out)
        write.direct = DirectStatement(value, finish, status, extent)  # type: ignore[attr-defined]
        return write

    def steppable_processors(self, node: Any) -> Callable[[Any, bool], list]:
        """The processors of a PipelineAst of commands for a steppable
        pipeline, made (arguments evaluated and bound) when it begins, with
        the first command expecting input or not."""
        makers = [self._command_maker(e) for e in node.pipeline_elements]
        length = len(makers)
        return lambda ctx, expecting_input: [make(ctx, i + 1, length, expecting_input or i > 0)
                                             for i, make in enumerate(makers)]

    def _pipeline_source(self, node: Any) -> Callable[[Any], Any]:
        """The objects a leading expression sends into a pipeline."""
        inner = node
        while isinstance(inner, A.ParenExpressionAst) and isinstance(inner.pipeline, A.PipelineAst) \
                and len(inner.pipeline.pipeline_elements) == 1 \
                and isinstance(inner.pipeline.pipeline_elements[0], A.CommandExpressionAst) \
                and not inner.pipeline.pipeline_elements[0].redirections:
            inner = inner.pipeline.pipeline_elements[0].expression
        if isinstance(inner, A.BinaryExpressionAst) and inner.operator == "..":
            left, right = self.expr(inner.left), self.expr(inner.right)
            return lambda ctx: lazy_range(left(ctx), right(ctx))
        value = self.expr(node)
        return lambda ctx: pipeline_input(value(ctx))

    # --- commands ---------------------------------------------------------------------------

    def _command_maker(self, node: Any) -> Maker:
        redirections = self._redirections(node.redirections or ())
        if isinstance(node, A.CommandExpressionAst):
            value = self.expr(node.expression)

            def make_expression(ctx: Any, position: int, length: int) -> Any:
                processor = ExpressionProcessor(ctx, value)
                if redirections:
                    return RedirectedProcessor(ctx, None, processor, redirections)
                return processor
            return make_expression
        elements = node.command_elements
        name_node = elements[0]
        if isinstance(name_node, A.StringConstantExpressionAst):
            name_value = name_node.value
            name_fn = None
        else:
            name_value = None
            name_fn = self.expr(name_node)
        if any(isinstance(e, A.CommandParameterAst) and e.parameter_name == "?" for e in elements[1:]):
            return self._help_request(name_value, name_fn, node.extent)
        arguments = [self._argument(e) for e in elements[1:]]
        if _called_like_a_method(elements):
            arguments.insert(0, _strict_method_syntax_check)
        operator = node.invocation_operator
        extent = node.extent
        name_extent = name_node.extent  # CommandNotFound underlines the command name, as in pwsh
        site = _CommandSite() if name_fn is None and operator != "." else None

        def make(ctx: Any, position: int, length: int, expecting_input: Optional[bool] = None) -> Any:
            args: list[CommandArgument] = []
            for argument in arguments:
                argument(ctx, args)
            target = name_value if name_fn is None else name_fn(ctx)
            resolver = ctx.command_resolver
            if resolver is None:
                raise command_not_found(target)
            if name_fn is not None and hasattr(target, "session_state_root"):
                target = _command_in_module(ctx, target, args, operator, extent)
            if site is not None:
                info = site.command(ctx, resolver, target, operator, name_extent, None)[0]
            else:
                info = resolver(ctx, target, operator, name_extent)
            invocation_name = operator if operator else (target if isinstance(target, str) else to_string(target))
            invocation = InvocationInfo(info, invocation_name, extent, GenericDictionary(),
                                        pipeline_position=position, pipeline_length=length,
                                        expecting_input=position > 1 if expecting_input is None else expecting_input)
            processor = info.new_processor(ctx, args, invocation)
            if redirections:
                return RedirectedProcessor(ctx, invocation, processor, redirections)
            return processor
        return make

    def _call_site(self, node: Any, statement_extent: Any) -> Optional[Stmt]:
        """A pipeline of one command called by a constant name (``f 1``,
        ``& f -A 1``) or by ``&`` and an expression (``& $block 1``), with
        plain arguments (values, ``-Name value``, ``-Name:value``; no
        splatting, ``--``, ``--%``, redirection or ``-?``): the site keeps the command it resolved (and the command's
        call plan, see commands/call_plan.py) while no function, alias or
        cmdlet table changes (scopes.COMMAND_GENERATION) and the nearest
        scope defining commands is the same, and calls a planned function
        without a processor.  Anything else goes through the processor and
        run_pipeline, with the arguments evaluated once, as before.  None
        when the statement does not have that form."""
        if not isinstance(node, A.CommandAst) or node.redirections or node.invocation_operator not in (None, "&"):
            return None
        elements = node.command_elements
        name_node = elements[0]
        constant = isinstance(name_node, A.StringConstantExpressionAst)
        if not constant and node.invocation_operator is None or _called_like_a_method(elements) \
                or not all(_plain_argument(e) for e in elements[1:]):
            return None
        name_fn = None if constant else self.expr(name_node)  # compiled first, as _command_maker does
        values: list[Callable[[Any], Any]] = []
        builders: list[Callable[[list], CommandArgument]] = []
        shape: list[tuple[str, Optional[str]]] = []
        for element in elements[1:]:
            kind, name, value, builder = self._site_argument(element, len(values))
            if value is not None:
                values.append(value)
            builders.append(builder)
            shape.append((kind, name))
        return _site_statement(name_node.value if constant else None, name_fn,
                               node.invocation_operator, tuple(values), tuple(builders), tuple(shape), node.extent,
                               name_node.extent, statement_extent)

    def _site_argument(self, node: Any, index: int) -> tuple[str, Optional[str], Any, Any]:
        """One plain argument of a call site (see _plain_argument): its
        shape entry, the function evaluating its value (None for a lone
        ``-Name``) and the function making its CommandArgument from the
        site's values (what _argument would have made)."""
        extent = node.extent
        if isinstance(node, A.CommandParameterAst):
            name = node.parameter_name
            if node.argument is None:
                text = "-" + name
                return "switch", name, None, lambda values: CommandArgument(name, None, False, extent=extent,
                                                                            text=text)
            text = "-" + name + ":"
            literal = _number_text(node.argument)
            return "colon", name, self.expr(node.argument), lambda values: CommandArgument(
                name, values[index], True, colon=True, extent=extent, text=text, literal=literal)
        text = extent.text
        literal = _number_text(node)
        return "pos", None, self.expr(node), lambda values: CommandArgument(
            None, values[index], extent=extent, text=text, literal=literal)

    def _help_request(self, name_value: Any, name_fn: Any, extent: Any) -> Maker:
        """``command -?`` runs ``Get-Help command`` instead of the command, as in pwsh."""
        def make(ctx: Any, position: int, length: int) -> Any:
            target = name_value if name_fn is None else name_fn(ctx)
            info = ctx.command_resolver(ctx, "Get-Help", None, extent)
            invocation = InvocationInfo(info, "Get-Help", extent, GenericDictionary(), pipeline_position=position,
                                        pipeline_length=length, expecting_input=position > 1)
            name = CommandArgument("Name", to_string(target), True, colon=True, extent=extent, text="-Name:")
            return info.new_processor(ctx, [name], invocation)
        return make

    def _argument(self, node: Any) -> ArgumentFn:
        """One command element after the name, appending CommandArguments."""
        extent = node.extent
        if isinstance(node, A.CommandParameterAst):
            name = node.parameter_name
            if node.argument is None:
                text = "-" + name

                def switch(ctx: Any, args: list) -> None:
                    args.append(CommandArgument(name, None, False, extent=extent, text=text))
                return switch
            value = self.expr(node.argument)
            text = "-" + name + ":"
            literal = _number_text(node.argument)

            def named(ctx: Any, args: list) -> None:
                args.append(CommandArgument(name, value(ctx), True, colon=True, extent=extent, text=text,
                                            literal=literal))
            return named
        if isinstance(node, A.EndOfParametersAst):
            return lambda ctx, args: args.append(
                CommandArgument(end_of_parameters=True, extent=extent, text="--"))
        if isinstance(node, A.VerbatimArgumentAst):
            verbatim = node.text
            return lambda ctx, args: args.append(
                CommandArgument(None, verbatim, extent=extent, text="--%", verbatim=True))
        if isinstance(node, A.VariableExpressionAst) and node.splatted:
            return self._splat(node)
        value = self.expr(node)
        text = extent.text
        literal = _number_text(node)
        if literal is not None:
            return lambda ctx, args: args.append(
                CommandArgument(None, value(ctx), extent=extent, text=text, literal=literal))

        def positional(ctx: Any, args: list) -> None:
            args.append(CommandArgument(None, value(ctx), extent=extent, text=text))
        return positional

    def _splat(self, node: Any) -> ArgumentFn:
        """``@h`` becomes named arguments, ``@a`` positional ones."""
        value = self.expr(A.VariableExpressionAst(node.extent, node.name, False, node.braced))
        extent = node.extent

        def splat(ctx: Any, args: list) -> None:
            table = value(ctx)
            if table is None:
                return
            if isinstance(table, (Hashtable, dict)):
                for key, item in table.items():
                    name = key if isinstance(key, str) else to_string(key)
                    args.append(CommandArgument(name, item, True, colon=True, splatted=True,
                                                extent=extent, text="-" + name + ":"))
                return
            items = iter_collection(table)
            values = list(items) if items is not None else [table]
            i = 0
            while i < len(values):
                item = values[i]
                i += 1
                if isinstance(item, ParameterToken):
                    name = item.parameter_name
                    if item.colon and i < len(values):
                        args.append(CommandArgument(name, values[i], True, colon=True, splatted=True,
                                                    extent=extent, text=str(item)))
                        i += 1
                    else:
                        args.append(CommandArgument(name, None, False, splatted=True, extent=extent,
                                                    text=str(item)))
                else:
                    args.append(CommandArgument(None, item, splatted=True, extent=extent))
        return splat

    # --- redirections --------------------------------------------------------------------------

    def _redirections(self, nodes: Any) -> list[Redirection]:
        result = []
        for node in nodes:
            stream = node.from_stream
            if isinstance(node, A.MergingRedirectionAst):
                streams = (2, 3, 4, 5, 6) if stream == "all" else (STREAM_NAMES[stream],)
                result.append(Redirection(streams, "merge"))
                continue
            streams = (1, 2, 3, 4, 5, 6) if stream == "all" else (STREAM_NAMES[stream],)
            location = node.location
            if isinstance(location, A.VariableExpressionAst) and location.name.lower() == "null":
                result.append(Redirection(streams, "null"))
            else:
                result.append(Redirection(streams, "file", self.expr(location), bool(node.append)))
        return result


def _plain_argument(node: Any) -> bool:
    """Whether a call site takes the argument: not ``-?``, ``--``, ``--%``
    or a splat."""
    if isinstance(node, A.CommandParameterAst):
        return node.parameter_name != "?"
    return not isinstance(node, (A.EndOfParametersAst, A.VerbatimArgumentAst)) \
        and not (isinstance(node, A.VariableExpressionAst) and node.splatted)


class _CommandSite:
    """What one compiled command element keeps between runs: the command
    its constant name resolved to, with the generation of the command
    tables (scopes.COMMAND_GENERATION), the nearest scope defining commands
    and the resolver it was resolved under, and the command's call plan for
    the element's argument shape (None: no plan).  For ``& $block`` it
    keeps the plan of the last block's code.  Each is one tuple, replaced
    whole, so a session on another thread never reads half of one."""

    __slots__ = ("kept", "block")

    def __init__(self) -> None:
        self.kept: tuple = (-1, None, None, None, None)
        self.block: tuple = (None, None)

    def command(self, ctx: Any, resolver: Any, name: str, operator: Optional[str], extent: Any,
                shape: Optional[tuple]) -> tuple[Any, Any]:
        """The command ``name`` means here and its plan for ``shape`` (no
        plan when ``shape`` is None)."""
        scope = ctx.scope
        while scope is not None and scope.functions is None and scope.aliases is None:
            scope = scope.parent
        kept = self.kept
        if kept[0] == COMMAND_GENERATION[0] and kept[1] is scope and kept[2] is resolver:
            return kept[3], kept[4]
        seen = COMMAND_GENERATION[0]
        at_site = getattr(resolver, "at_site", None)
        if at_site is None:  # a resolver of its own (tests, embedders): asked at every call
            info, keep = resolver(ctx, name, operator, extent), False
        else:
            info, keep = at_site(ctx, name, extent)
        plan = _plan(ctx, info, shape)
        if keep:
            self.kept = (seen, scope, resolver, info, plan)
        return info, plan

    def block_plan(self, ctx: Any, info: Any, code: tuple, shape: tuple) -> Any:
        """The plan for ``& $block``'s FunctionInfo, kept per block code
        (its metadata and compiled blocks belong to the code), kind of block
        and kind of command."""
        kept = self.block
        if kept[0] == code:
            return kept[1]
        plan = _plan(ctx, info, shape)
        self.block = (code, plan)
        return plan


def _plan(ctx: Any, info: Any, shape: Optional[tuple]) -> Any:
    planner = getattr(info, "call_plan", None) if shape is not None else None
    return planner(ctx, shape) if planner is not None else None


def _site_statement(name: Optional[str], name_fn: Any, operator: Optional[str], values: tuple, builders: tuple,
                    shape: tuple, extent: Any, name_extent: Any, statement_extent: Any) -> Stmt:
    """The statement of a call site (see CommandCompiler._call_site)."""
    from .scriptblock import ScriptBlock
    site = _CommandSite()

    def call(ctx: Any, out: Any) -> None:
        try:
            evaluated = [value(ctx) for value in values]
            target = name if name_fn is None else name_fn(ctx)
            resolver = ctx.command_resolver
            if resolver is None:
                raise command_not_found(target)
            if name_fn is None:
                info, plan = site.command(ctx, resolver, target, operator, name_extent, shape)
                invocation_name = operator or target
            else:
                args = [build(evaluated) for build in builders]
                if hasattr(target, "session_state_root"):
                    target = _command_in_module(ctx, target, args, operator, extent)
                info = resolver(ctx, target, operator, name_extent)
                invocation_name = operator
                plan = site.block_plan(ctx, info, (target.code, target.is_script, type(info)), shape) \
                    if type(target) is ScriptBlock and len(args) == len(builders) else None
                if plan is None or not plan.call(ctx, info, evaluated, invocation_name, extent, out):
                    _run_alone(ctx, info, args, invocation_name, extent, out)
                return
            if plan is not None and plan.call(ctx, info, evaluated, invocation_name, extent, out):
                return
            _run_alone(ctx, info, [build(evaluated) for build in builders], invocation_name, extent, out)
        except Exception as exc:
            ctx.statement_error(exc, statement_extent, out)
    return call


def _run_alone(ctx: Any, info: Any, args: list, invocation_name: str, extent: Any, out: Any) -> None:
    """A command as the only one of its pipeline, through its processor."""
    invocation = InvocationInfo(info, invocation_name, extent, GenericDictionary(), pipeline_position=1,
                                pipeline_length=1, expecting_input=False)
    run_pipeline(ctx, [info.new_processor(ctx, args, invocation)], out)


def _number_text(node: Any) -> Any:
    """The text of a numeric literal argument written otherwise than its
    value prints (``34uy``, ``0x10``, ``1e2``), else None: pwsh keeps that
    text for binding to a ``[string]`` parameter."""
    if type(node) is not A.ConstantExpressionAst:
        return None
    value = node.value
    if type(value) is TypedNumber:
        value = value.value
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    text = node.extent.text
    return None if text == to_string(value) else text


def _command_in_module(ctx: Any, module: Any, args: list[CommandArgument], operator: Any, extent: Any) -> Any:
    """``& $module { ... }`` / ``& $module name``: the element after the
    module is the command, run in the module's session state (pwsh's
    MiscOps.AddCommand): a script block is bound to the module (a copy, as
    NewBoundScriptBlock makes), a name is looked up from the module's
    current scope, so its private functions are found.  The module's
    ``session_state_root()`` raises pwsh's error for a module without one."""
    from .scriptblock import ScriptBlock
    root = module.session_state_root()
    if not args:
        raise RuntimeException(f"Missing expression after '{operator or '&'}'.", error_id="BadExpression",
                               category=ErrorCategory.ParserError)
    first = args.pop(0)
    command = first.value if first.has_value and first.name is None else first.text
    if isinstance(command, ScriptBlock):
        return command.bound_to(root)
    if not isinstance(command, str):
        return command
    saved = ctx.scope
    ctx.scope = state_scope(ctx, root)
    try:
        return ctx.command_resolver(ctx, command, None, extent)
    finally:
        ctx.scope = saved


def _called_like_a_method(elements: list) -> bool:
    """``f(1, 2)``: a name, then with no space a parenthesised comma list
    (pwsh checks this shape for Set-StrictMode 2 when the command runs)."""
    if len(elements) != 2 or type(elements[1]) is not A.ParenExpressionAst:
        return False
    pipeline = elements[1].pipeline
    if type(pipeline) is not A.PipelineAst or len(pipeline.pipeline_elements) != 1:
        return False
    only = pipeline.pipeline_elements[0]
    return type(only) is A.CommandExpressionAst and not only.redirections \
        and type(only.expression) is A.ArrayLiteralAst \
        and elements[0].extent.end_offset == elements[1].extent.start_offset


def _strict_method_syntax_check(ctx: Any, args: list) -> None:
    """Runs before the arguments of a command called as ``f(1, 2)``."""
    if strict_version(ctx.scope) >= 2:
        raise RuntimeException(
            "The function or command was called as if it were a method. Parameters should be separated by "
            "spaces. For information about parameters, see the about_Parameters Help topic.",
            error_id="StrictModeFunctionCallWithParens", category=ErrorCategory.InvalidOperation)
