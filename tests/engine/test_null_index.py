"""A lone ``$null`` index is pwsh's NullArrayIndex error, for reading and
writing, whatever is indexed; indexing ``$null`` itself stays NullArray."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("target", ["1,2,3", "@{a = 1}", "'text'", "[System.Collections.Generic.List[int]]::new()"])
def test_reading_with_a_null_index(target):
    out = Shell().text(f"$t = {target}; try {{ $t[$null] }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message;"
                       " $_.CategoryInfo.Category }")
    assert out == ["NullArrayIndex", "Index operation failed; the array index evaluated to null.", "InvalidOperation"]


def test_writing_with_a_null_index():
    out = Shell().text("$h = @{}; try { $h[$null] = 1 } catch { $_.FullyQualifiedErrorId }; $h.Count")
    assert out == ["NullArrayIndex", "0"]


def test_null_target_is_still_null_array():
    assert Shell().text("$n = $null; try { $n[$null] } catch { $_.FullyQualifiedErrorId }") == ["NullArray"]


def test_as_a_statement_it_is_reported_and_the_script_goes_on():
    shell = Shell()
    assert shell.text("$a = 1, 2; $a[$NotSet]; 'after'") == ["after"]
    assert shell.error_ids() == ["NullArrayIndex"]
