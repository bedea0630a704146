"""Comment-based help: finding a help comment block and reading its sections.

PowerShell takes a function's or script's help from a block of comments
(``<# ... #>`` or a run of ``#`` lines) made only of blank lines and
``.KEYWORD`` sections.  Where it looks (HelpCommentsParser in pwsh):

* a function: the comment block ending at most one blank line before the
  ``function`` keyword; else the first help block inside the body; else the
  last one before the closing brace;
* a script file (and a ``{ }`` made into a function): the first help block
  at its start, unless that block belongs to the script's first function
  (one blank line or less before it); else the last one at its end.

A parameter's description is its ``.PARAMETER`` section, else the comments
written right before it (or inside/after it) in the param block.

This runs only when help is asked for: it re-tokenizes the source the
command was parsed from (the run path never keeps comment tokens).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from pwshlike.language import ast as A
from pwshlike.language.tokens import Token, TokenKind

_DIRECTIVE = re.compile(r"^\s*\.(\w+)(\s+(\S.*))?\s*$")
_BLANK = re.compile(r"^\s*$")
_PROXIMITY = 2  # a help block may end on the line before the keyword, or leave one blank line
_SECTION_WHITESPACE = " \t\u00a0"


class CommentHelp:
    """The sections of one help comment block (text as pwsh keeps it: each
    line indented less the section's first line's indentation, ending in a
    newline).  ``parameters`` is keyed by the upper-cased parameter name."""

    def __init__(self) -> None:
        self.synopsis: Optional[str] = None
        self.description: Optional[str] = None
        self.notes: Optional[str] = None
        self.component: Optional[str] = None
        self.role: Optional[str] = None
        self.functionality: Optional[str] = None
        self.forward_help_target_name: Optional[str] = None
        self.forward_help_category: Optional[str] = None
        self.remote_help_runspace: Optional[str] = None
        self.external_help: Optional[str] = None
        self.examples: list[str] = []
        self.inputs: list[str] = []
        self.outputs: list[str] = []
        self.links: list[str] = []
        self.parameters: dict[str, str] = {}

    def parameter(self, name: str) -> Optional[str]:
        return self.parameters.get(name.upper())


def comment_lines(text: str) -> list[str]:
    """The lines of a comment token's text: a block comment without its
    ``<#``/``#>``, a line comment without its leading ``#`` characters."""
    if text.startswith("<#"):
        return re.split(r"\r\n|\r|\n", text[2:-2] if text.endswith("#>") else text[2:])
    return [text.lstrip("#")]


def _section(lines: list[str], index: int) -> tuple[str, int]:
    """The text of the section starting after ``lines[index]`` and the index
    of its last line: blank lines before it are skipped, it ends at the next
    directive, and each line loses at most the first line's indentation."""
    capturing = False
    strip = 0
    parts: list[str] = []
    i = index + 1
    while i < len(lines):
        line = lines[i]
        if not capturing and _BLANK.match(line):
            i += 1
            continue
        if _DIRECTIVE.match(line):
            break
        if not capturing:
            strip = len(line) - len(line.lstrip(_SECTION_WHITESPACE))
            capturing = True
        start = 0
        while start < len(line) and start < strip and line[start] in _SECTION_WHITESPACE:
            start += 1
        parts.append(line[start:] + "\n")
        i += 1
    return "".join(parts), i - 1


_TEXT_SECTIONS = {"SYNOPSIS": "synopsis", "DESCRIPTION": "description", "NOTES": "notes"}
_TRIMMED_SECTIONS = {"COMPONENT": "component", "ROLE": "role", "FUNCTIONALITY": "functionality"}
_LIST_SECTIONS = {"EXAMPLE": "examples", "INPUTS": "inputs", "OUTPUTS": "outputs"}
_ARGUMENT_SECTIONS = {"FORWARDHELPTARGETNAME": "forward_help_target_name",
                      "FORWARDHELPCATEGORY": "forward_help_category",
                      "REMOTEHELPRUNSPACE": "remote_help_runspace", "EXTERNALHELP": "external_help"}


def parse_help_lines(lines: list[str]) -> Optional[CommentHelp]:
    """The help in these comment lines, or None when they are not a help
    block (a line that is neither blank nor a known directive, or no
    directive at all)."""
    help_info = CommentHelp()
    found = False
    i = 0
    while i < len(lines):
        match = _DIRECTIVE.match(lines[i])
        if match is None:
            if not _BLANK.match(lines[i]):
                return None
            i += 1
            continue
        found = True
        keyword = match.group(1).upper()
        argument = match.group(3)
        if argument is not None:
            if keyword == "PARAMETER":
                text, i = _section(lines, i)
                help_info.parameters.setdefault(argument.strip().upper(), text)
            elif keyword in _ARGUMENT_SECTIONS:
                setattr(help_info, _ARGUMENT_SECTIONS[keyword], argument.strip())
            else:
                return None
        elif keyword in _TEXT_SECTIONS:
            text, i = _section(lines, i)
            setattr(help_info, _TEXT_SECTIONS[keyword], text)
        elif keyword in _TRIMMED_SECTIONS:
            text, i = _section(lines, i)
            setattr(help_info, _TRIMMED_SECTIONS[keyword], text.strip())
        elif keyword in _LIST_SECTIONS:
            text, i = _section(lines, i)
            getattr(help_info, _LIST_SECTIONS[keyword]).append(text)
        elif keyword == "LINK":
            text, i = _section(lines, i)
            help_info.links.append(text.strip())
        else:
            return None
        i += 1
    return help_info if found else None


def parse_help_comment(comments: list[Token]) -> Optional[CommentHelp]:
    """The help in a block of comment tokens, or None."""
    if not comments:
        return None
    lines: list[str] = []
    for token in comments:
        lines += comment_lines(token.text)
    return parse_help_lines(lines)


# --- finding the block ----------------------------------------------------------------------------

def _line(token: Token, end: bool = False) -> int:
    return token.source.position(token.end if end else token.start)[0]


def _comment_block_from(tokens: list[Token], start: int) -> tuple[list[Token], int]:
    """The comments from ``tokens[start]`` on (each on the line the last one
    ended on or the next) and the index of the first token after them."""
    block: list[Token] = []
    next_max_line: Optional[int] = None
    i = start
    while i < len(tokens):
        token = tokens[i]
        if next_max_line is not None and _line(token) > next_max_line:
            break
        if token.kind == TokenKind.Comment:
            block.append(token)
            next_max_line = _line(token, end=True) + 1
        elif token.kind != TokenKind.NewLine:
            break
        i += 1
    return block, i


def _preceding_comment_block(tokens: list[Token], index: int, proximity: int) -> list[Token]:
    """The comments ending at most ``proximity`` lines before ``tokens[index]``
    (each within a line of the next)."""
    block: list[Token] = []
    min_end_line = _line(tokens[index]) - proximity
    for i in range(index - 1, -1, -1):
        token = tokens[i]
        if _line(token, end=True) < min_end_line:
            break
        if token.kind == TokenKind.Comment:
            block.append(token)
            min_end_line = _line(token) - 1
        elif token.kind != TokenKind.NewLine:
            break
    block.reverse()
    return block


def _first_token_at(tokens: list[Token], offset: int, start: int = 0) -> int:
    i = start
    while i < len(tokens) and tokens[i].start < offset:
        i += 1
    return i


def _last_token_in(tokens: list[Token], end_offset: int, start: int) -> int:
    i = start
    while i < len(tokens) and tokens[i].end <= end_offset:
        i += 1
    return i - 1


def _parameters_of(node: Any) -> list[Any]:
    """The ParameterAsts of a function (``function f($a)`` or its param block)
    or script block."""
    if isinstance(node, A.FunctionDefinitionAst):
        if node.parameters:
            return list(node.parameters)
        node = node.body
    block = node.param_block
    return list(block.parameters or ()) if block is not None else []


def _parameter_comments(tokens: list[Token], node: Any, start: int) -> dict[str, str]:
    """Each parameter's description from the comments around it: the block
    right before it, comments inside it, and the block right after it."""
    result: dict[str, str] = {}
    for parameter in _parameters_of(node):
        lines: list[str] = []
        first = _first_token_at(tokens, parameter.extent.start_offset, start)
        for token in _preceding_comment_block(tokens, first, _PROXIMITY):
            lines += comment_lines(token.text)
        last = _last_token_in(tokens, parameter.extent.end_offset, first)
        for token in tokens[first:last]:
            if token.kind == TokenKind.Comment:
                lines += comment_lines(token.text)
        after, _ = _comment_block_from(tokens, last + 1)
        for token in after:
            lines += comment_lines(token.text)
        text, _ = _section(lines, -1)
        if text:
            result[parameter.name.name.upper()] = text
    return result


def _root(node: Any) -> Any:
    while node.parent is not None:
        node = node.parent
    return node


def find_comment_help(node: Any) -> Optional[CommentHelp]:
    """The comment-based help of a FunctionDefinitionAst or ScriptBlockAst
    (a whole script or a ``{ }`` that became a function), with parameter
    descriptions from comments filled in; None when it has none."""
    from pwshlike.language import parse_input
    root = _root(node)
    tokens = parse_input(root.extent.source.text, root.extent.source.file).tokens
    block = _locate(tokens, node, root)
    if block is None:
        return None
    comments, start = block
    help_info = parse_help_comment(comments)
    if help_info is None:
        return None
    for name, text in _parameter_comments(tokens, node, start).items():
        help_info.parameters.setdefault(name, text)
    return help_info


def _locate(tokens: list[Token], node: Any, root: Any) -> Optional[tuple[list[Token], int]]:
    """The help comment block for ``node`` and the token index its parameter
    search starts from, following pwsh's placement rules."""
    if isinstance(node, A.FunctionDefinitionAst):
        keyword = _first_token_at(tokens, node.extent.start_offset)
        block = _preceding_comment_block(tokens, keyword, _PROXIMITY)
        if parse_help_comment(block) is not None:
            return block, keyword
        first = _first_token_at(tokens, node.body.extent.start_offset) + 1
        last = _last_token_in(tokens, node.extent.end_offset, keyword)
        search_start = keyword
    elif node is root:
        first = search_start = 0
        last = len(tokens) - 1
    else:
        first = search_start = _first_token_at(tokens, node.extent.start_offset) + 1
        last = _last_token_in(tokens, node.extent.end_offset, first)
    i = first
    while True:
        block, i = _comment_block_from(tokens, i)
        if not block:
            break
        if parse_help_comment(block) is None:
            continue
        if node is root and _belongs_to_first_function(node, block):
            break
        return block, search_start
    if 0 <= last < len(tokens):
        block = _preceding_comment_block(tokens, last, _line(tokens[last]))
        if parse_help_comment(block) is not None:
            return block, search_start
    return None


def _belongs_to_first_function(script: Any, block: list[Token]) -> bool:
    """Whether a help block at a script's start is the help of the script's
    first statement, a function defined right after it."""
    end = script.end_block
    if end is None or not end.unnamed or not end.statements:
        return False
    first = end.statements[0]
    if not isinstance(first, A.FunctionDefinitionAst):
        return False
    return first.extent.start_line - _line(block[-1], end=True) <= _PROXIMITY
