"""A full-line comment holding ``|`` does not make the next line a pipeline
continuation: only a line that starts with ``|`` continues a pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pwshlike.language import ast as A, parse_input

SCRIPT = '"a"\n# x | y\n"b"\n'


def test_comment_with_bar_keeps_statements_apart():
    ast, _, errors = parse_input(SCRIPT)
    assert errors == []
    statements = ast.end_block.statements
    assert len(statements) == 2
    assert all(isinstance(s, A.PipelineAst) and len(s.pipeline_elements) == 1 for s in statements)


def test_comment_before_a_leading_bar_still_continues():
    ast, _, errors = parse_input('"a"\n# note | here\n| Write-Output\n')
    assert errors == []
    [statement] = ast.end_block.statements
    assert len(statement.pipeline_elements) == 2


def test_script_file_prints_both_strings(tmp_path):
    script = tmp_path / "comment.ps1"
    script.write_text(SCRIPT)
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-File",
                             str(script)], capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines() == ["a", "b"]
    assert result.returncode == 0


@pytest.mark.parametrize("text, elements", [
    ('"a"\n| Write-Output\n', 2),
    ('"a"\n  \t| Write-Output\n', 2),
    ('"a"\n\u00a0\u3000| Write-Output\n', 2),  # pwsh's other blanks before the bar
    ('"a"\n<# block #> | Write-Output\n', 2),
    ('"a"\n<# two\nlines #>\n| Write-Output\n', 2),
    ('"a"\n# one\n  # two\n| Write-Output\n', 2),
    ('"a"\n\n| Write-Output\n', 0),  # a blank line ends the pipeline: a lone bar is an error
    ('"a"\n  "b"\n', 1),
    ('"a"\n<b\n', 1),
])
def test_what_continues_a_pipeline_after_a_newline(text, elements):
    ast, _, errors = parse_input(text)
    if elements == 0:
        assert errors
        return
    assert errors == []
    assert len(ast.end_block.statements[0].pipeline_elements) == elements
