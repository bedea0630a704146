"""Colours of the interactive shell, taken from a pygments style.

The highlighter names each piece of input by a pygments token type
(commands are ``Name.Function``, parameters ``Name.Attribute``...), so any
pygments style colours it; ``$env:PWSHLIKE_COLOR_STYLE`` picks one by name
(``monokai``, ``solarized-dark``...).  The default, :class:`PSReadLineStyle`,
uses PSReadLine's default colours in ANSI terms, so it follows the
terminal's palette as pwsh does.  ``NO_COLOR`` (any value) turns colours
off entirely.
"""

from __future__ import annotations

import os

from pygments.style import Style as PygmentsStyle
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, String, Token

STYLE_VARIABLE = "PWSHLIKE_COLOR_STYLE"

# What each highlighting category is called in pygments' vocabulary.
CATEGORY_TOKENS = {
    "command": Name.Function,
    "parameter": Name.Attribute,
    "string": String,
    "variable": Name.Variable,
    "number": Number,
    "operator": Operator,
    "comment": Comment,
    "type": Name.Class,
    "keyword": Keyword,
    "member": Name.Property,
    "error": Error,
}


class PSReadLineStyle(PygmentsStyle):
    """PSReadLine's default token colours (Command yellow, Parameter dark
    gray, String dark cyan, Variable green...) as ANSI colours.  Operators
    and type names get colours of their own so that every category the
    shell highlights can be told apart."""

    name = "psreadline"
    styles = {
        Token: "",
        Name.Function: "ansibrightyellow",
        Name.Attribute: "ansibrightblack",
        String: "ansicyan",
        Name.Variable: "ansibrightgreen",
        Number: "ansiwhite",
        Operator: "ansigray",
        Comment: "ansigreen",
        Name.Class: "ansibrightblue",
        Keyword: "ansibrightgreen",
        Name.Property: "",
        Error: "ansibrightred",
    }


# Styles of the shell's own parts: the prompt's syntax-error marker, the
# underline under parse errors, suggestions from history (PSReadLine's
# InlinePrediction colour).
_SHELL_STYLE = {
    "prompt.error": "ansibrightred",
    "parse-error": "underline",
    "auto-suggestion": "ansibrightblack",
}


def color_enabled() -> bool:
    """False when ``NO_COLOR`` is set (https://no-color.org) or the
    terminal is ``dumb``."""
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def pygments_style() -> type[PygmentsStyle]:
    """The pygments style named by ``$env:PWSHLIKE_COLOR_STYLE``, else
    :class:`PSReadLineStyle` (also when the name is unknown)."""
    name = os.environ.get(STYLE_VARIABLE, "").strip()
    if name and name.lower() != PSReadLineStyle.name:
        from pygments.styles import get_style_by_name
        from pygments.util import ClassNotFound
        try:
            return get_style_by_name(name)
        except ClassNotFound:
            pass
    return PSReadLineStyle


def build_style() -> object:
    """The prompt_toolkit style for the session."""
    from prompt_toolkit.styles import Style, merge_styles, style_from_pygments_cls
    return merge_styles([style_from_pygments_cls(pygments_style()), Style.from_dict(_SHELL_STYLE)])


def token_class(category: str) -> str:
    """The prompt_toolkit style class of a highlighting category."""
    from prompt_toolkit.styles.pygments import pygments_token_to_classname
    return "class:" + pygments_token_to_classname(CATEGORY_TOKENS[category])
