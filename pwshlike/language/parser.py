"""Recursive-descent parser for PowerShell 7 (classes, enums and DSC
configurations excepted).

The structure, the error recovery and the error ids/extents follow
PowerShell's ``Parser.cs`` rule by rule, so that malformed input produces
the errors (and the partial ASTs) pwsh produces; the checks pwsh runs
after parsing (``SemanticChecks``: assignment targets, duplicate keys and
parameters, splatting, flow out of ``finally``) run inline while nodes are
built, so there is no second walk over the tree.

The parser drives the tokenizer one token at a time with a single token of
lookahead (``ungot``).  Changing the tokenizer mode while a token is held
rescans it unless it reads the same in both modes.  Speed matters here:
the hot paths avoid re-parsing a command name as an expression first,
avoid building lists and extents that are never used, and share extent
objects between nodes that span the same text.

The rules live in one module per part of the grammar, grouped as Parser.cs
groups its methods: ``parse_blocks`` (script blocks, param blocks,
statement lists), ``parse_statements``, ``parse_pipelines`` (pipelines and
commands), ``parse_expressions`` and ``parse_types`` (attributes and type
names).  Each is a mixin over the shared :class:`.parse_cursor.TokenCursor`;
:class:`Parser` combines them, so a rule calling another is a plain method
call on ``self``, as fast as when they were one class.
"""

from __future__ import annotations

import gc
import sys

import pwshlike.language.ast as A
from .ast import Extent
from .errors import message, ParseError
from .parse_blocks import BlockRules
from .parse_cursor import K_EOF, TokenCursor
from .parse_classes import ClassRules
from .parse_enums import EnumRules
from .parse_expressions import ExpressionRules
from .parse_pipelines import PipelineRules
from .parse_statements import StatementRules
from .parse_types import TypeNameRules
from .scan_tables import LazyPattern, MODE_COMMAND, RawToken

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Optional


class Parser(BlockRules, StatementRules, ClassRules, EnumRules, PipelineRules, ExpressionRules, TypeNameRules,
             TokenCursor):
    """Parses one input; use :func:`parse` rather than this class."""

    # --- finishing --------------------------------------------------------------------------

    def finish_tokens(self) -> None:
        """Make the token list cover the whole input: after some errors the
        parse stops early (as pwsh's does), but highlighting needs the rest."""
        tk = self.tk
        tokens = tk.tokens
        if tokens and tokens[-1][0] is K_EOF:
            return
        tk.mode = MODE_COMMAND
        while tk.next_token()[0] is not K_EOF:
            pass

    def check_splats(self) -> None:
        """SplattingNotPermitted: ``@name`` is only allowed as a command
        argument (the command rule marks those)."""
        for var in self.splats:
            parent = var.parent
            cls = type(parent)
            if cls is A.CommandAst or cls is A.UsingExpressionAst:
                continue
            if cls is A.ArrayLiteralAst and type(parent.parent) is A.CommandAst:
                self._late(var.extent, "SplattingNotPermittedInArgumentList", var.name)
            else:
                self._late(var.extent, "SplattingNotPermitted", var.name)

_RECURSION_LIMIT = 8000
# A cheap test over the whole input before looking for #requires comments
# (compiled on first use: an input without '#' needs no test).
_HAS_REQUIRES = LazyPattern("(?i)#requires")
# Inputs at least this long are treated as long-lived scripts (see parse()).
_LONG_LIVED_INPUT = 64 * 1024


# name -> whether a type of that name exists: the object model's answer,
# which the runtime installs (the language layer does not import it) and
# the class checks use to report a base type that exists nowhere.
_type_exists: Optional[Callable[[str], bool]] = None


def register_type_lookup(exists: Callable[[str], bool]) -> None:
    """Installs how to tell whether a type name is known (the object
    model's type table), so class definitions can report TypeNotFound."""
    global _type_exists
    _type_exists = exists


# name -> whether a module of that name can be found: the modules layer's
# answer, for the checks of ``using module`` statements.
_module_exists: Optional[Callable[[str], bool]] = None


def register_module_lookup(exists: Callable[[str], bool]) -> None:
    """Installs how to tell whether a module a ``using module`` statement
    names exists, so the parser can report ModuleNotFoundDuringParse."""
    global _module_exists
    _module_exists = exists


def parse(text: str, file: Optional[str] = None) -> tuple[A.ScriptBlockAst, list[RawToken],
                                                          list[ParseError]]:
    """Parse ``text``: the AST, every token, and the parse errors."""
    parser = Parser(text, file)
    # Deeply nested input recurses deeply; give the parser room (pwsh retries
    # on a thread with a bigger stack for the same reason).
    limit = sys.getrecursionlimit()
    if limit < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    # A parse allocates objects that all stay alive together (~18 per line:
    # tokens, nodes, extents).  With the cyclic GC running, its collections
    # would scan them again and again while they are built (the full
    # collections the growing object count triggers cost more than the parse
    # itself), so it is paused.  A large input is a script or module whose AST
    # lives as long as its code runs: its objects go straight to the oldest
    # generation (freeze + unfreeze splice the GC lists, O(1)) instead of
    # being traversed by the next young collection.  Small inputs (a REPL
    # line, Invoke-Expression) are left to the normal young collection.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        ast = parser.parse_script()
    except RecursionError:
        return _too_complicated(parser)
    finally:
        if gc_was_enabled:
            if len(text) >= _LONG_LIVED_INPUT:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
        if limit < _RECURSION_LIMIT:
            sys.setrecursionlimit(limit)
    parser.check_splats()
    usings = parser.__dict__.get("usings")
    if usings:
        from .using_checks import check_usings
        check_usings(usings, lambda extent, error_id, args: parser._late(extent, error_id, *args), _module_exists)
    definitions = parser.__dict__.get("type_definitions")
    if definitions:
        from .class_checks import check_classes
        check_classes(ast, definitions, lambda extent, error_id, args: parser._late(extent, error_id, *args),
                      _type_exists)
    parser.finish_tokens()
    errors = parser.errors
    if "#" in text and _HAS_REQUIRES.search(text) is not None:
        # Loaded only for inputs that may hold #requires lines.
        from .requires import script_requirements
        ast.script_requirements = script_requirements(parser.src, parser.tk.tokens, errors)
    if parser.late_errors:
        errors = errors + sorted(parser.late_errors, key=lambda e: e.extent.start_offset)
    return ast, parser.tk.tokens, errors


def _too_complicated(parser: Parser) -> tuple[A.ScriptBlockAst, list[RawToken], list[ParseError]]:
    """Nesting too deep for the recursive descent: pwsh's ScriptTooComplicated."""
    src = parser.src
    extent = Extent(src, 0, len(src.text))
    errors = parser.errors + [ParseError("ScriptTooComplicated", message("ScriptTooComplicated"),
                                         extent, False)]
    end = A.NamedBlockAst(extent, "end", [], [], True)
    ast = A.ScriptBlockAst(extent, None, None, None, end, None, None, False)
    end.parent = ast
    return ast, parser.tk.tokens, errors
