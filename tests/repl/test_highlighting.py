"""Highlighting from pwshlike's tokenizer, colours from a pygments style,
NO_COLOR, and the prompt's parse-error marker."""

from __future__ import annotations

import io

from prompt_toolkit.data_structures import Size
from prompt_toolkit.document import Document
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.output.vt100 import Vt100_Output

from pwshlike.language import ParseResult, parse_input
from pwshlike.repl.app import Repl
from pwshlike.repl.lexer import PwshLexer, highlight
from pwshlike.repl.parsing import InputParser
from repl_fixtures import _isolated_environment, pipe, repl, session  # noqa: F401 - pytest fixtures

SAMPLE = ('Get-Item -Path "a $name b" | ForEach-Object { [int]$_.Length -gt 42 }  # note\n'
          "if ($ok) { 'text' }")


def categories(text: str) -> dict[str, str]:
    """piece of text -> its style class, for the pieces that have one."""
    found = {}
    for line in highlight(text, parse_input(text)):
        for style, piece in line:
            if style and piece.strip():
                found[piece] = style
    return found


def test_each_category_gets_its_pygments_class():
    found = categories(SAMPLE)
    assert found["Get-Item"] == "class:pygments.name.function"
    assert found["ForEach-Object"] == "class:pygments.name.function"
    assert found["-Path"] == "class:pygments.name.attribute"
    assert found['"a '] == "class:pygments.literal.string"
    assert found["$name"] == "class:pygments.name.variable"  # inside the string
    assert found["$_"] == "class:pygments.name.variable"
    assert found["int"] == "class:pygments.name.class"
    assert found["42"] == "class:pygments.literal.number"
    assert found["-gt"] == "class:pygments.operator"
    assert found["|"] == "class:pygments.operator"
    assert found["# note"] == "class:pygments.comment"
    assert found["if"] == "class:pygments.keyword"
    assert found["'text'"] == "class:pygments.literal.string"
    assert found["Length"] == "class:pygments.name.property"


def test_lines_are_split_and_text_is_kept():
    lines = highlight(SAMPLE, parse_input(SAMPLE))
    assert len(lines) == 2
    assert "".join(piece for _style, piece in lines[0]) == SAMPLE.split("\n")[0]
    assert "".join(piece for _style, piece in lines[1]) == SAMPLE.split("\n")[1]


def test_parse_errors_are_marked_but_incomplete_input_is_not():
    marked = categories("Get-Item )")
    assert "class:parse-error" in marked[")"] and "class:pygments.error" in marked[")"]
    incomplete = categories("'open string")
    assert incomplete["'open string"] == "class:pygments.literal.string"


def test_pygments_lexer_takes_over_when_the_parser_gives_up():
    class GivingUp(InputParser):
        def parse(self, text):
            result = super().parse(text)
            return ParseResult(result.ast, [], result.errors)

    lexer = PwshLexer(GivingUp())
    line = lexer.lex_document(Document("Get-Item $x"))(0)
    assert "".join(piece for _style, piece in line) == "Get-Item $x"
    assert any("pygments" in style for style, _piece in line)


def render(session, pipe, keys: str) -> str:
    """The escape sequences the shell writes while ``keys`` are typed."""
    stream = io.StringIO()
    output = Vt100_Output(stream, lambda: Size(rows=24, columns=100), term="xterm-256color")
    repl = Repl(session, input=pipe, output=output, history=InMemoryHistory())
    pipe.send_text(keys)
    repl.read()
    return stream.getvalue()


def test_colours_reach_the_terminal(session, pipe):
    screen = render(session, pipe, "Get-Item -Path $x\r")
    assert "\x1b[0;93m" in screen or "\x1b[93m" in screen  # command: bright yellow (PSReadLine's)
    assert "90m" in screen and "92m" in screen  # parameter dark gray, variable green


def test_no_color_turns_colours_off(session, pipe, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    screen = render(session, pipe, "Get-Item -Path $x\r")
    assert "Get-Item" in screen
    for code in ("93m", "90m", "92m", "38;5;"):
        assert code not in screen


def test_a_pygments_style_can_be_chosen(session, pipe, monkeypatch):
    monkeypatch.setenv("PWSHLIKE_COLOR_STYLE", "monokai")
    screen = render(session, pipe, "Get-Item\r")
    assert "38;5;" in screen  # monokai's colours are RGB, mapped to 256 colours
    assert "93m" not in screen


def test_prompt_marks_a_syntax_error(session, pipe):
    screen = render(session, pipe, "Get-Item )\r")
    assert "91m>" in screen  # the prompt's ">" in the error colour
    clean = render(session, pipe, "Get-Item\r")
    assert "91m>" not in clean
