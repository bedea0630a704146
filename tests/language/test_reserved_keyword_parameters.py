"""``foreach -parallel``, ``foreach -throttlelimit`` and ``switch -parallel``
parse (the AST keeps the flag) but pwsh reserves them: a script using them
gets KeywordParameterReservedForFutureUse, and a throttle limit without
``-parallel`` also gets ThrottleLimitRequiresParallelFlag."""

from __future__ import annotations

from pwshlike.language import parse_input

from .astdump import dump


def _ids(text: str) -> list[str]:
    return [e.error_id for e in parse_input(text).errors]


def test_foreach_parallel_is_reserved_but_keeps_its_flag() -> None:
    result = parse_input("foreach -parallel ($i in $list) { $i }")
    assert [e.error_id for e in result.errors] == ["KeywordParameterReservedForFutureUse"]
    assert result.errors[0].message == "The foreach '-parallel' parameter is reserved for future use."
    assert "parallel" in result.ast.end_block.statements[0].flags


def test_throttle_limit_alone_reports_both_errors_in_order() -> None:
    result = parse_input("foreach -throttlelimit 2 ($i in $list) { }")
    assert [e.error_id for e in result.errors] == [
        "KeywordParameterReservedForFutureUse", "ThrottleLimitRequiresParallelFlag"]
    assert result.errors[0].message == "The foreach '-throttlelimit' parameter is reserved for future use."


def test_throttle_limit_with_parallel_reports_the_reservation_once() -> None:
    # pwsh drops a second error with the same id over the same extent.
    assert _ids("foreach -parallel -throttlelimit 3 ($i in $list) { }") == [
        "KeywordParameterReservedForFutureUse"]


def test_switch_parallel_is_reserved() -> None:
    result = parse_input("switch -parallel ($x) { 1 { 'one' } }")
    assert [e.error_id for e in result.errors] == ["KeywordParameterReservedForFutureUse"]
    assert result.errors[0].message == "The switch '-parallel' parameter is reserved for future use."


def test_plain_foreach_and_switch_parse_cleanly() -> None:
    assert _ids("foreach ($i in 1..2) { $i }; switch -regex ($x) { 'a' { 1 } }") == []


def test_reserved_flags_still_build_the_statement() -> None:
    result = parse_input("foreach -Parallel -ThrottleLimit 4 ($i in $list) { $i }")
    assert dump(result.ast)[1:-1] == "(foreach -parallel $i in $list {$i})"
