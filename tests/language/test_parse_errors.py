"""Parse errors: PowerShell's error ids, messages, positions and the
incomplete-input flag.

The ``PWSH_CASES`` table is PowerShell's own ``Parsing.Tests.ps1``
(``ShouldBeParseError src ids positions``): error ids in order and the start
offset of each (or, marked True, its 1-based column)."""

from __future__ import annotations

import pytest

from pwshlike.language import parse_input
from pwshlike.language.errors import MESSAGES

from .astdump import dump

PWSH_CASES = [
    ("for", ["MissingOpenParenthesisAfterKeyword"], [4], True),
    ("for(", ["MissingEndParenthesisAfterStatement"], [5], True),
    ("for(;;", ["MissingEndParenthesisAfterStatement"], [7], True),
    ("for($a;$b;$c", ["MissingEndParenthesisAfterStatement"], [13], True),
    ("for($a;$b;$c)", ["MissingLoopStatement"], [14], True),
    (":lab for", ["MissingOpenParenthesisAfterKeyword"], [9], True),
    (":lab for($a;$b;$c)", ["MissingLoopStatement"], [18], False),
    ("foreach", ["MissingOpenParenthesisAfterKeyword"], [7], False),
    ("foreach (", ["MissingVariableNameAfterForeach"], [9], False),
    ("foreach ($a", ["MissingInInForeach"], [11], False),
    ("foreach ($a into", ["MissingInInForeach"], [11], False),
    ("foreach ($a in", ["MissingForeachExpression"], [14], False),
    ("foreach ($a in $x", ["MissingEndParenthesisAfterForeach"], [17], False),
    ("foreach ($a in $x)", ["MissingForeachStatement"], [18], False),
    (":lab foreach ($a in $x)", ["MissingForeachStatement"], [24], True),
    ("do", ["MissingLoopStatement"], [2], False),
    ("do {}", ["MissingWhileOrUntilInDoWhile"], [5], False),
    ("do {} while", ["MissingOpenParenthesisAfterKeyword"], [11], False),
    ("do {} while (", ["MissingExpressionAfterKeyword"], [13], False),
    ("do {} while (1", ["MissingEndParenthesisAfterStatement"], [14], False),
    ("do {} until (1", ["MissingEndParenthesisAfterStatement"], [15], True),
    ("trap", ["MissingTrapStatement"], [4], False),
    ("trap [int]", ["MissingTrapStatement"], [11], True),
    ("begin", ["MissingNamedStatementBlock"], [5], False),
    ("dynamicparam", ["MissingNamedStatementBlock"], [12], False),
    ("begin process end clean", ["MissingNamedStatementBlock"] * 4, [6, 14, 18, 24], True),
    ("data", ["MissingStatementBlockForDataSection"], [5], True),
    ("data -abc foo {}", ["InvalidParameterForDataSectionStatement"], [6], True),
    ("data -s ) {}", ["MissingValueForSupportedCommandInDataSectionStatement", "UnexpectedToken"],
     [8, 9], True),
    ("data -sup a,", ["MissingValueForSupportedCommandInDataSectionStatement"], [13], True),
    ("try", ["MissingTryStatementBlock"], [3], False),
    ("try {}", ["MissingCatchOrFinally"], [6], False),
    ("try {} catch", ["MissingCatchHandlerBlock"], [12], False),
    ("try {} finally", ["MissingFinallyStatementBlock"], [15], True),
    ("try {} catch [int]", ["MissingCatchHandlerBlock"], [19], True),
    ("try {} catch [int],", ["MissingTypeLiteralToken"], [19], False),
    ("try {} finally { return }", ["ControlLeavingFinally"], [17], False),
    ("try {} finally { break }", ["ControlLeavingFinally"], [17], False),
    ("try {} finally { continue }", ["ControlLeavingFinally"], [17], False),
    ("switch", ["PipelineValueRequired"], [6], False),
    ("switch -abc", ["InvalidSwitchFlag", "PipelineValueRequired"], [7, 11], False),
    ("switch -file", ["MissingFilenameOption"], [12], False),
    ("switch -file a (1)", ["PipelineValueRequired", "MissingCurlyBraceInSwitchStatement"],
     [15, 18], False),
    ("switch ()", ["PipelineValueRequired", "MissingCurlyBraceInSwitchStatement"], [8, 9], False),
    ('switch ("abc")  ', ["MissingCurlyBraceInSwitchStatement"], [14], False),
    ('switch ("abc")  {', ["MissingSwitchConditionExpression"], [17], False),
    ('switch ("abc")  { 1', ["MissingSwitchStatementClause"], [19], False),
    ("switch (1) {default {} default {}}", ["MultipleSwitchDefaultClauses"], [23], False),
    ("function", ["MissingNameAfterKeyword"], [8], False),
    ("function foo", ["MissingFunctionBody"], [12], False),
    ("function foo(", ["MissingEndParenthesisInFunctionParameterList"], [13], False),
    ("function foo {", ["MissingEndCurlyBrace"], [13], False),
    ("function foo { function bar { if (1) {} }", ["MissingEndCurlyBrace"], [13], False),
    ("function f { param($a,[int]$a) }", ["DuplicateFormalParameter"], [27], False),
    ("function f($a,[int]$a){}", ["DuplicateFormalParameter"], [19], False),
    ("function foo {param(}", ["MissingEndParenthesisInFunctionParameterList"], [20], False),
    ("$a,$b += 1,2", ["InvalidLeftHandSide"], [0], False),
    ("1 ??= 1", ["InvalidLeftHandSide"], [0], False),
    ("@{} ??= 1", ["InvalidLeftHandSide"], [0], False),
    ("[int] ??= 1", ["InvalidLeftHandSide"], [0], False),
    ("$cricket ?= $soccer", ["ExpectedValueExpression", "InvalidLeftHandSide"], [10, 0], False),
    ("$x??=", ["ExpectedValueExpression"], [5], False),
    ("$x ??Get-Thing", ["ExpectedValueExpression", "UnexpectedToken"], [5, 5], False),
    ("$??=$false", ["ExpectedValueExpression", "InvalidLeftHandSide"], [3, 0], False),
    ("$hello ??? $what", ["ExpectedValueExpression", "MissingColonInTernaryExpression"],
     [9, 17], False),
    ("[datetime]?::now", ["ExpectedValueExpression", "UnexpectedToken"], [11, 11], False),
    ("$x ?.name", ["ExpectedValueExpression", "UnexpectedToken"], [4, 4], False),
    ("Get-Date ?.ToString()", ["ExpectedExpression"], [20], False),
    ("${x}?.", ["MissingPropertyName"], [6], False),
    ('${x}?.name = "value"', ["InvalidLeftHandSide"], [0], False),
    ("[datetime]?[0]", ["MissingTypename", "ExpectedValueExpression", "UnexpectedToken"],
     [12, 11, 11], False),
    ("${x}?[]", ["MissingArrayIndexExpression"], [6], False),
    ("${x}?[-]", ["MissingExpressionAfterOperator"], [7], False),
    ("${x}?[0] = 1", ["InvalidLeftHandSide"], [0], False),
    ("@a", ["SplattingNotPermitted"], [0], False),
    ("foreach (@a in $b) {}", ["SplattingNotPermitted"], [9], False),
    ("param(@a)", ["SplattingNotPermitted"], [6], False),
    ("function foo (@a) {}", ["SplattingNotPermitted"], [14], False),
    ("|gps", ["EmptyPipeElement"], [0], False),
    ("gps|", ["EmptyPipeElement"], [4], False),
    ("gps| |foreach name", ["EmptyPipeElement"], [4], False),
    ("1|1", ["ExpressionsMustBeFirstInPipeline"], [2], False),
    ("$a=", ["ExpectedValueExpression"], [3], False),
    ("gcm -a:", ["ParameterRequiresArgument"], [7], False),
    ("gcm -a: 1,", ["MissingExpression"], [11], True),
    ("gcm ,", ["MissingArgument"], [4], False),
    ("   )", ["UnexpectedToken"], [3], False),
    ("   }", ["UnexpectedToken"], [4], True),
    ("1+", ["ExpectedValueExpression"], [2], False),
    ("[a()][b]", ["UnexpectedAttribute"], [0], False),
    ("[a()][b]2", ["UnexpectedAttribute"], [0], False),
    ("@{ a=1;b=2;c=3;", ["MissingEndCurlyBrace"], [2], False),
    ('"`u{}"', ["InvalidUnicodeEscapeSequence"], [1], False),
    ('"`u{219z}"', ["InvalidUnicodeEscapeSequence"], [7], False),
    ('"`u{1234567}"', ["TooManyDigitsInUnicodeEscapeSequence"], [10], False),
    ('"`u{110000}"', ["InvalidUnicodeEscapeSequenceValue"], [4], False),
    ('"`u2195}"', ["InvalidUnicodeEscapeSequence"], [1], False),
    ('"`u{', ["InvalidUnicodeEscapeSequence", "TerminatorExpectedAtEndOfString"], [4, 0], False),
    ('"`u{123456', ["MissingUnicodeEscapeSequenceTerminator", "TerminatorExpectedAtEndOfString"],
     [10, 0], False),
]


@pytest.mark.parametrize("src, ids, positions, columns", PWSH_CASES)
def test_pwsh_parse_error_cases(src, ids, positions, columns):
    errors = parse_input(src).errors
    assert [e.error_id for e in errors] == ids
    got = [e.extent.start_column if columns else e.extent.start_offset for e in errors]
    assert got == positions


# (source, error id, incomplete?) -- what a REPL needs to decide whether to
# ask for another line.
INCOMPLETE = [
    ("if ($x) {", "MissingEndCurlyBrace", True),
    ("function f {\n  1", "MissingEndCurlyBrace", True),
    ("$h = @{", "MissingEndCurlyBrace", True),
    ("(1 + 2", "MissingEndParenthesisInExpression", True),
    ("$(Get-Date", "MissingEndParenthesisInSubexpression", True),
    ("@(1, 2", "MissingEndParenthesisInSubexpression", True),
    ("$a[0", "MissingEndSquareBracket", True),
    ("$x.Foo(1,", "MissingExpressionAfterToken", True),
    ("$x.Foo(1", "MissingEndParenthesisInMethodCall", True),
    ('"abc', "TerminatorExpectedAtEndOfString", True),
    ("'abc", "TerminatorExpectedAtEndOfString", True),
    ("@'\nabc", "TerminatorExpectedAtEndOfString", True),
    ('@"\nabc', "TerminatorExpectedAtEndOfString", True),
    ("<# comment", "MissingTerminatorMultiLineComment", True),
    ("Get-Foo |", "EmptyPipeElement", True),
    ("Get-Foo | # trailing comment", "EmptyPipeElement", True),
    ("1 +", "ExpectedValueExpression", True),
    ("$a -and", "ExpectedValueExpression", True),
    ("-not", "MissingExpressionAfterOperator", True),
    ("Get-Foo `", "IncompleteString", True),
    ("a &&", "EmptyPipelineChainElement", True),
    ("$x = ", "ExpectedValueExpression", True),
    ("foreach ($i in $list) {", "MissingEndCurlyBrace", True),
    ("switch ($x) {", "MissingSwitchConditionExpression", True),
    ("try {", "MissingEndCurlyBrace", True),
    ("${abc", "IncompleteDollarVariableReference", True),
    ("[int", "EndSquareBracketExpectedAtEndOfAttribute", False),
    ("(1 + 2))", "UnexpectedToken", False),
    ("if ($x) { 1 } }", "UnexpectedToken", False),
    ("1 + }", "ExpectedValueExpression", False),
    ("Get-Foo |\n", "EmptyPipeElement", False),
]


@pytest.mark.parametrize("src, error_id, incomplete", INCOMPLETE)
def test_incomplete_input_flag(src, error_id, incomplete):
    errors = parse_input(src).errors
    assert errors, src
    assert errors[0].error_id == error_id
    assert errors[0].incomplete_input is incomplete


def test_messages_are_pwsh_texts():
    def message(src: str) -> str:
        return parse_input(src).errors[0].message

    assert message("if ($x) {") == "Missing closing '}' in statement block or type definition."
    assert message("'abc") == "The string is missing the terminator: '."
    assert message('"abc') == 'The string is missing the terminator: ".'
    assert message("1 +") == "You must provide a value expression following the '+' operator."
    assert message("$a -and") == "You must provide a value expression following the '-and' operator."
    assert message("-not") == "Missing expression after unary operator '-not'."
    assert message("foreach ($a") == ("Missing 'in' after variable in foreach loop.\n"
                                      "The correct form is: foreach ($a in $b) {...}")
    assert message("1 2") == "Unexpected token '2' in expression or statement."
    assert message("gcm -a:") == "Parameter -a: requires an argument."
    assert message("$a, ") == "Missing expression after ','."
    assert message("@{ a }") == "Missing '=' operator after key in hash literal."
    assert message("@{ a = 1; a = 2 }") == "Duplicate keys 'a' are not allowed in hash literals."
    assert message("function f($a) { param($b) }") == (
        "The param statement cannot be used if arguments were specified in the function "
        "declaration.")
    assert message("[ordered]5") == "The ordered attribute can be specified only on a hash literal node."
    assert message("1++") == "The '++' operator works only on variables or on properties."
    assert message("cmd a, @b") == ("Splatted variables like '@b' cannot be part of a "
                                    "comma-separated list of arguments.")
    assert message("configuration C { }") == \
        "The 'configuration' keyword is not supported in this version of the language."
    assert message("$x = 1 | 1") == "Expressions are only allowed as the first element of a pipeline."
    assert message("from") == "The 'from' keyword is not supported in this version of the language."


def test_error_extents_have_lines_and_columns():
    error = parse_input("$a = 1\n  foreach ($x on $y) {}").errors[0]
    assert error.error_id == "MissingInInForeach"
    assert (error.extent.start_line, error.extent.start_column) == (2, 14)
    assert error.extent.start_line_text == "  foreach ($x on $y) {}"


def test_duplicate_hashtable_keys_are_case_insensitive():
    errors = parse_input("@{ Name = 1; name = 2; 1 = 'a'; '1' = 'b' }").errors
    assert [(e.error_id, e.extent.text) for e in errors] == [
        ("DuplicateKeyInHashLiteral", "name"), ("DuplicateKeyInHashLiteral", "'1'")]


def test_several_errors_are_reported_and_parsing_goes_on():
    result = parse_input("if ($a { 1 }\n$b = (1 +\nfunction f { 'ok' }\n$c = 3")
    ids = [e.error_id for e in result.errors]
    assert "MissingEndParenthesisAfterStatement" in ids
    assert "ExpectedValueExpression" in ids
    rendered = dump(result.ast)
    assert "(function f {'ok'})" in rendered and "($c = 3)" in rendered


def test_error_statements_keep_partial_asts():
    # As pwsh's Test-ErrorStmt: the error statement spans what was parsed.
    stmt = parse_input("for($a;$b").ast.end_block.statements[0]
    assert type(stmt).__name__ == "ErrorStatementAst"
    assert stmt.extent.text == "for($a;$b"
    assert [n.extent.text for n in stmt.nested] == ["$a", "$b"]
    stmt = parse_input("try {1} catch [int],").ast.end_block.statements[0]
    assert stmt.extent.text == "try {1} catch [int],"
    assert [n.extent.text for n in stmt.nested] == ["{1}", "[int]"]


def test_error_ids_all_have_messages():
    for src, ids, _, _ in PWSH_CASES:
        for error in parse_input(src).errors:
            assert error.error_id in MESSAGES
            assert error.message


def test_flow_control_inside_loops_in_finally_is_fine():
    assert parse_input("try {} finally { foreach ($a in $b) { break; continue } }").errors == []
    assert parse_input("try {} finally { & { return } }").errors == []
    assert parse_input("try {} finally { while ($true) { break } }").errors == []
    errors = parse_input(":outer while (1) { try {} finally { while (1) { break outer } } }").errors
    assert [e.error_id for e in errors] == ["ControlLeavingFinally"]


def test_attribute_must_apply_to_a_variable():
    errors = parse_input("[ValidateNotNull()]5").errors
    assert [e.error_id for e in errors] == ["UnexpectedAttribute"]
    assert parse_input("[ValidateNotNull()][int]$x = 5").errors == []
