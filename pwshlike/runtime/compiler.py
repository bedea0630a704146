"""Compiles the AST to Python closures, once per script block.

Every node becomes a closure when its script block is first run:
expressions become ``fn(ctx) -> value`` and statements ``fn(ctx, out)``,
where ``out`` receives each output object.  Loops and pipelines then only
call closures; nothing dispatches on node types at run time.  Nested
script blocks (function bodies, ``{ }`` literals) compile lazily on their
first invocation, so start-up only pays for the code that runs.

The compiler is split by concern: expressions (compile_expressions),
assignments (compile_assign), statements and control flow
(compile_statements), pipelines and commands (compile_commands).
Script blocks compile through :func:`compile_script_block`, which this
module hands to ``scriptblock.register_compiler`` when it loads.
"""

from __future__ import annotations

import functools
import os
import re

from ..dotnet.errors import ScriptRequiresException
from ..dotnet.types import find_type
from ..language import ast as A
from ..language.parser import register_type_lookup
from .compile_assign import AssignCompiler
from .compile_classes import ClassCompiler
from .compile_commands import CommandCompiler
from .compile_expressions import ExpressionCompiler
from .compile_statements import StatementCompiler
from . import active
from .automatic import PS_VERSION
from .compile_support import references_variable
from .scriptblock import register_compiler, register_steppable_compiler
from .type_names import import_using_modules, record_using_namespaces, resolve_in_script, scope_type

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Expr = Callable[[Any], Any]
    Stmt = Callable[[Any, Callable[[Any], None]], None]


@functools.cache
def _type_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that may define a type, and a class (only scripts that may
    define one walk their tree); compiled for the first script holding
    ``enum`` or ``cla`` in any case (no other letters fold to those)."""
    return re.compile(r"(?i)\b(?:enum|class)\b"), re.compile(r"(?i)\bclass\b")

# A class naming a type that exists nowhere is a parse error (TypeNotFound), as in pwsh.
register_type_lookup(lambda name: find_type(name) is not None or scope_type(name.lower()) is not None)


class CompiledParameter:
    """One declared parameter: its variable name, default-value closure and
    type constraint (resolved on first use so an unknown type is a runtime
    TypeNotFound error, as in pwsh)."""

    __slots__ = ("name", "key", "default", "ast", "typed", "_type_name", "_type", "_resolved")

    def __init__(self, ast: Any, default: Optional[Expr]) -> None:
        self.ast = ast
        self.name = ast.name.name
        key = self.name.lower()
        self.key = "_" if key == "psitem" else key
        self.default = default
        self._type_name = None
        for attribute in ast.attributes or ():
            if isinstance(attribute, A.TypeConstraintAst):
                self._type_name = attribute.type_name
        self._type: Any = None
        self.typed = self._type_name is not None
        self._resolved = not self.typed

    def type_constraint(self) -> Any:
        """The PSType constraining the variable, or None."""
        if not self._resolved:
            self._type = resolve_in_script(self._type_name)
            self._resolved = True
        return self._type


class CompiledScriptBlock:
    """The closures of one script block: parameters and named blocks.  A
    block closure is ``fn(ctx, out)``; absent blocks are None.
    ``process_uses_input`` says whether the process block reads ``$input``
    (only then is it set per input object)."""

    __slots__ = ("params", "begin", "process", "end", "clean", "dynamicparam", "process_uses_input")

    def __init__(self) -> None:
        self.params: list[CompiledParameter] = []
        self.begin: Optional[Stmt] = None
        self.process: Optional[Stmt] = None
        self.end: Optional[Stmt] = None
        self.clean: Optional[Stmt] = None
        self.dynamicparam: Optional[Stmt] = None
        self.process_uses_input = False


class Compiler(ClassCompiler, ExpressionCompiler, AssignCompiler, StatementCompiler, CommandCompiler):
    """Turns nodes into closures.  One instance compiles one script block
    (it tracks lexical facts such as trap nesting)."""

    def __init__(self) -> None:
        self.trap_depth = 0

    def expr(self, node: Any) -> Expr:
        """The closure for an expression node."""
        method = getattr(self, "e_" + type(node).__name__, None)
        if method is None:
            return self.unsupported_expr(node)
        return method(node)

    def stmt(self, node: Any) -> Stmt:
        """The closure for a statement node, with pwsh's per-statement error
        handling (report and continue, trap, or terminate) built in."""
        method = getattr(self, "s_" + type(node).__name__, None)
        if method is None:
            return self.unsupported_stmt(node)
        fn, wrapped = method(node)
        if wrapped:
            return fn
        return self.guard(fn, node.extent)

    def script_block(self, ast: Any, function_parameters: Optional[list]) -> CompiledScriptBlock:
        if ast.parent is None and ast.using_statements:
            record_using_namespaces(ast)
            import_using_modules(ast, active.context)
        has_classes = False
        text, start, end = ast.extent.source.text, ast.extent.start_offset, ast.extent.end_offset
        lowered = text[start:end].lower() if ast.parent is None else ""
        if ("enum" in lowered or "cla" in lowered) and _type_words()[0].search(text, start, end):
            # pwsh defines a whole script's types before it runs, nested ones too.
            from .script_enums import define_script_types
            define_script_types(ast)
            if _type_words()[1].search(text, start, end):
                from .script_classes import define_script_classes
                define_script_classes(ast, self.expr)
                has_classes = True
        compiled = CompiledScriptBlock()
        params = function_parameters
        if params is None and ast.param_block is not None:
            params = ast.param_block.parameters
        for param in params or ():
            default = self.expr(param.default_value) if param.default_value is not None else None
            compiled.params.append(CompiledParameter(param, default))
        for attr in ("begin", "process", "end", "clean", "dynamicparam"):
            named = getattr(ast, attr + "_block")
            if named is not None:
                setattr(compiled, attr, self.named_block(named))
        if ast.process_block is not None:
            compiled.process_uses_input = references_variable(ast.process_block, "input")
        if ast.script_requirements is not None:
            _check_requirements(ast, compiled)
        if ast.parent is None and (ast.using_statements or has_classes):
            _enter_types_first(compiled, ast.extent.source)
        return compiled

    def named_block(self, node: Any) -> Stmt:
        return self.statement_list(node.statements or [], node.traps or [])


def _check_requirements(ast: Any, compiled: CompiledScriptBlock) -> None:
    """A script file whose ``#requires`` this session cannot meet fails
    before its first statement, as pwsh's VerifyScriptRequirements checks
    in order: ``-RunAsAdministrator`` (ScriptRequiresElevation), then
    ``-Version`` (ScriptRequiresUnmatchedPSVersion)."""
    file = ast.extent.file
    if not file:
        return
    name = os.path.basename(file)
    requirements = ast.script_requirements
    if requirements.required_modules:
        _require_modules(list(requirements.required_modules), name, compiled)
    required = requirements.unmet_version(PS_VERSION)
    if requirements.requires_elevation and not _is_administrator():
        error_id = "ScriptRequiresElevation"
        message = (f"The script '{name}' cannot be run because it contains a \"#requires\" statement for running "
                   "as Administrator. The current PowerShell session is not running as Administrator. Start "
                   "PowerShell by using the Run as Administrator option, and then try running the script again.")
    elif required is not None:
        running = ".".join(str(p) for p in PS_VERSION)
        error_id = "ScriptRequiresUnmatchedPSVersion"
        message = (f"The script '{name}' cannot be run because it contained a \"#requires\" statement for "
                   f"PowerShell {required}. The version of PowerShell that is required by the script does not "
                   f"match the currently running version of PowerShell {running}.")
    else:
        return

    def unmet(ctx: Any, out: Any) -> None:
        raise ScriptRequiresException(message, error_id=error_id, target_object=name)
    compiled.begin = unmet  # the script's own blocks never start


def _require_modules(texts: list[str], name: str, compiled: CompiledScriptBlock) -> None:
    """``#requires -Modules``: before the script's first statement, each
    module is imported unless it is already (pwsh's VerifyRequiredModules),
    through the modules layer's ``require_modules`` hook."""
    first = compiled.begin

    def require(ctx: Any, out: Any) -> None:
        hook = ctx.require_modules
        if hook is not None:
            hook(texts, name)
        if first is not None:
            first(ctx, out)
    compiled.begin = require


def _enter_types_first(compiled: CompiledScriptBlock, source: Any) -> None:
    """A script with using statements or classes: each of its blocks first
    makes the scope it runs in resolve run-time type names with them."""
    for attr in ("begin", "process", "end"):
        block = getattr(compiled, attr)
        if block is not None:
            setattr(compiled, attr, _entering(block, source))


def _entering(block: Stmt, source: Any) -> Stmt:
    def run(ctx: Any, out: Any) -> None:
        ctx.scope.type_source = source
        block(ctx, out)
    return run


def _is_administrator() -> bool:
    """pwsh's Utils.IsAdministrator on Unix: running as root."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def compile_script_block(ast: Any, function_parameters: Optional[list] = None) -> CompiledScriptBlock:
    """Compiles a ScriptBlockAst's own code (nested script blocks stay lazy)."""
    return Compiler().script_block(ast, function_parameters)


register_compiler(compile_script_block)
register_steppable_compiler(lambda pipeline: Compiler().steppable_processors(pipeline))


def compile_expression(ast: Any) -> Expr:
    """Compiles a lone expression (attribute arguments, default values)."""
    return Compiler().expr(ast)


def compile_statement(ast: Any) -> Stmt:
    """Compiles a lone statement (for the commands layer's needs)."""
    return Compiler().stmt(ast)
