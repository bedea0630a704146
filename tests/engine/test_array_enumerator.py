"""``$array.GetEnumerator()`` is an enumerator (MoveNext/Current/Reset):
handing it to a command as an argument does not move it, and a pipeline
enumerates what is left of it."""

from __future__ import annotations

from helpers.session import Shell


def test_enumerator_moves_only_when_asked():
    shell = Shell()
    script = """
    $e = (1..4).GetEnumerator()
    $null = $e.MoveNext()
    & { } $e
    $e.Current
    ($e | ForEach-Object { $_ * 10 }) -join ','
    $e.Reset(); $e.MoveNext(); $e.Current
    """
    assert shell.text(script) == ["1", "20,30,40", "True", "1"]
