"""The parser API scripts and tools use: ``[...Language.Parser]::ParseInput``
and ``ParseFile`` with ``[ref]`` tokens and errors, the AST as objects with
PowerShell's type names and members, ``{ }.Ast`` and ``PSParser::Tokenize``."""

from __future__ import annotations

from pathlib import Path

from helpers.session import Shell

LANG = "System.Management.Automation.Language"


def test_parse_input_returns_the_ast_and_fills_tokens_and_errors():
    shell = Shell()
    script = f"""
    $tokens = $null; $errors = $null
    $ast = [{LANG}.Parser]::ParseInput('Get-Item x; 1 +', [ref]$tokens, [ref]$errors)
    $ast.GetType().FullName
    $tokens.Count
    "$($tokens[0].Kind) $($tokens[0].TokenFlags) $($tokens[0].Text) $($tokens[0].HasError)"
    $tokens[0].Extent.EndOffset
    $tokens[-1].Kind
    $errors.Count
    "$($errors[0].ErrorId) $($errors[0].Extent.StartOffset) $($errors[0].IncompleteInput)"
    $errors[0].Message
    $errors[0].GetType().FullName
    """
    assert shell.text(script) == [
        f"{LANG}.ScriptBlockAst", "6", "Generic CommandName Get-Item False", "8", "EndOfInput", "1",
        "ExpectedValueExpression 15 True", "You must provide a value expression following the '+' operator.",
        f"{LANG}.ParseError",
    ]


def test_parse_input_accepts_ref_null_and_insists_on_ref():
    shell = Shell()
    assert shell.text(f"""
    $e = 'unchanged'
    $ast = [{LANG}.Parser]::ParseInput('$a = 1', [ref]$null, [ref]$e)
    $e.Count
    $ast.EndBlock.Statements[0].Left.VariablePath.UserPath
    """) == ["0", "a"]
    result = shell.text(f"""
    try {{ [{LANG}.Parser]::ParseInput('1', $null, $null) }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message }}
    """)
    assert result == ["NonRefArgumentToRefParameterMsg",
                      "Argument: '2' should be a System.Management.Automation.PSReference. Use [ref]."]


def test_parse_file_names_the_file_in_extents(tmp_path: Path):
    script_file = tmp_path / "sample.ps1"
    script_file.write_text("function Get-Thing {\n    Write-Output 'thing'\n}\n", encoding="utf-8")
    shell = Shell()
    out = shell.text(f"""
    $t = $null; $e = $null
    $ast = [{LANG}.Parser]::ParseFile('{script_file}', [ref]$t, [ref]$e)
    $fn = $ast.EndBlock.Statements[0]
    $fn.GetType().Name
    $fn.Name
    $fn.Extent.File
    $cmd = $fn.Body.Find({{ $args[0] -is [{LANG}.CommandAst] }}, $true)
    $e1 = $cmd.Extent
    "$($e1.StartLineNumber):$($e1.StartColumnNumber)-$($e1.EndLineNumber):$($e1.EndColumnNumber)"
    "$($e1.StartOffset)-$($e1.EndOffset) [$($e1.Text)]"
    $e1.StartScriptPosition.Line
    """)
    assert out == ["FunctionDefinitionAst", "Get-Thing", str(script_file), "2:5-2:25", "25-45 [Write-Output 'thing']",
                   "    Write-Output 'thing'"]


def test_parse_file_of_a_missing_file_fails_like_dotnet(tmp_path: Path):
    shell = Shell()
    missing = tmp_path / "nope.ps1"
    out = shell.text(f"""
    try {{ [{LANG}.Parser]::ParseFile('{missing}', [ref]$null, [ref]$null) }}
    catch {{ $_.Exception.InnerException.GetType().FullName; $_.Exception.InnerException.Message }}
    """)
    assert out == ["System.IO.FileNotFoundException", f"Could not find file '{missing}'."]


def test_find_all_with_a_param_predicate_and_nested_blocks():
    shell = Shell()
    script = f"""
    $ast = {{ Get-Item a | ForEach-Object {{ Write-Output $_ }}; function f {{ Get-Date }} }}.Ast
    $all = $ast.FindAll({{ param($node) $node -is [{LANG}.CommandAst] }}, $true)
    ($all | ForEach-Object {{ $_.GetCommandName() }}) -join ','
    $top = $ast.FindAll({{ param($node) $node -is [{LANG}.CommandAst] }}, $false)
    ($top | ForEach-Object {{ $_.GetCommandName() }}) -join ','
    $ast.Find({{ $args[0] -is [{LANG}.VariableExpressionAst] }}, $true).VariablePath.UserPath
    $null -eq $ast.Find({{ $false }}, $true)
    """
    assert shell.text(script) == ["Get-Item,ForEach-Object,Write-Output,Get-Date", "Get-Item,ForEach-Object",
                                  "_", "True"]


def test_get_command_name_is_null_for_a_dynamic_command():
    shell = Shell()
    out = shell.text(f"""
    $c = {{ & $cmd x }}.Ast.Find({{ $args[0] -is [{LANG}.CommandAst] }}, $true)
    $null -eq $c.GetCommandName()
    $c.InvocationOperator
    $c.CommandElements.Count
    """)
    assert out == ["True", "Ampersand", "2"]


def test_safe_get_value_of_constants_and_its_error_for_dynamic_values():
    shell = Shell()
    out = shell.text(f"""
    $h = {{ @{{ one = 1; list = 'a', 'b' }} }}.Ast.Find({{ $args[0] -is [{LANG}.HashtableAst] }}, $true)
    $v = $h.SafeGetValue()
    $v.GetType().FullName
    "$($v.one) $($v.list -join '+')"
    $n = {{ -5 }}.Ast.Find({{ $args[0] -is [{LANG}.ConstantExpressionAst] }}, $true)
    $n.SafeGetValue()
    $var = {{ $a }}.Ast.Find({{ $args[0] -is [{LANG}.VariableExpressionAst] }}, $true)
    try {{ $var.SafeGetValue() }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.InnerException.Message }}
    """)
    assert out == ["System.Collections.Hashtable", "1 a+b", "-5", "InvalidOperationException",
                   "Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. "
                   "Dynamic expression: $a."]


def test_type_names_base_types_and_is():
    shell = Shell()
    out = shell.text(f"""
    $ast = {{ 'x' }}.Ast
    $s = $ast.EndBlock.Statements[0].PipelineElements[0].Expression
    $s.GetType().FullName
    $s -is [{LANG}.ConstantExpressionAst]
    $s -is [{LANG}.ExpressionAst]
    $s -is [{LANG}.Ast]
    $s -is [{LANG}.CommandAst]
    $s.StringConstantType
    $s.Parent.Parent.GetType().Name
    $ast.Parent.GetType().Name
    """)
    assert out == [f"{LANG}.StringConstantExpressionAst", "True", "True", "True", "False", "SingleQuoted",
                   "PipelineAst", "ScriptBlockExpressionAst"]


def test_node_properties_use_powershells_names_and_kinds():
    shell = Shell()
    out = shell.text("""
    $ast = { if ($a -eq 1) { 'one' } else { 'other' }; $b += 2; foreach ($i in 1..2) { } }.Ast
    $if, $assign, $loop = $ast.EndBlock.Statements
    $if.Clauses.Count
    $if.Clauses[0].Item1.ToString()
    $if.Clauses[0].Item1.PipelineElements[0].Expression.Operator
    $if.ElseClause.ToString()
    $assign.Operator
    $loop.Variable.ToString()
    $loop.Condition.PipelineElements[0].Expression.Operator
    $loop.Flags
    $ast.EndBlock.Unnamed
    $ast.EndBlock.BlockKind
    """)
    assert out == ["1", "$a -eq 1", "Ieq", "{ 'other' }", "PlusEquals", "$i", "DotDot", "None", "True", "End"]


def test_ast_formats_as_its_properties_with_source_text():
    shell = Shell()
    out = shell.text("{ Get-Item $p -Force }.Ast.EndBlock.Statements[0].PipelineElements[0] | Format-List | Out-String")
    lines = [line.rstrip() for line in out[0].strip().splitlines()]
    assert lines == [
        "CommandElements    : {Get-Item, $p, -Force}",
        "InvocationOperator : Unknown",
        "Redirections       : {}",
        "DefiningKeyword    :",
        "Extent             : Get-Item $p -Force",
        "Parent             : Get-Item $p -Force",
    ]


def test_get_member_lists_the_node_properties():
    shell = Shell()
    out = shell.text("({ 1 }.Ast | Get-Member -MemberType Property).Name -join ','")
    assert out == ["Attributes,BeginBlock,CleanBlock,DynamicParamBlock,EndBlock,Extent,ParamBlock,Parent,"
                   "ProcessBlock,ScriptRequirements,UsingStatements"]


def test_psparser_tokenize_gives_pstokens():
    shell = Shell()
    out = shell.text("""
    $errors = $null
    $tokens = [System.Management.Automation.PSParser]::Tokenize('Write-Host "hi $x" -NoNewline; $y', [ref]$errors)
    $errors.Count
    $tokens | ForEach-Object { "$($_.Type)|$($_.Content)|$($_.Start)|$($_.Length)|$($_.StartLine):$($_.StartColumn)" }
    $tokens[0].GetType().FullName
    """)
    assert out == ["0", "Command|Write-Host|0|10|1:1", "String|hi $x|11|7|1:12",
                   "CommandParameter|-NoNewline|19|10|1:20", "StatementSeparator|;|29|1|1:30",
                   "Variable|y|31|2|1:32", "System.Management.Automation.PSToken"]


def test_psparser_tokenize_reports_errors():
    shell = Shell()
    out = shell.text("""
    $errors = $null
    $null = [System.Management.Automation.PSParser]::Tokenize('"open', [ref]$errors)
    $errors.Count
    $errors[0].Message
    $errors[0].Token.Start
    """)
    assert out == ["1", "The string is missing the terminator: \".", "0"]


def test_get_script_block_runs_a_parsed_script_and_a_function_body():
    shell = Shell()
    out = shell.text(f"""
    $ast = [{LANG}.Parser]::ParseInput('param($n) "got $n"; function inner {{ 41 + 1 }}', [ref]$null, [ref]$null)
    $ast.GetScriptBlock().Invoke(5)
    $f = $ast.Find({{ $args[0] -is [{LANG}.FunctionDefinitionAst] }}, $true)
    $f.Body.GetScriptBlock().Invoke()
    """)
    assert out == ["got 5", "42"]


def test_script_block_literals_are_not_safe_values():
    shell = Shell()
    out = shell.text(f"""
    $sbe = {{ {{ 1 }} }}.Ast.Find({{ $args[0] -is [{LANG}.ScriptBlockExpressionAst] }}, $true)
    try {{ $sbe.SafeGetValue() }} catch {{ $_.FullyQualifiedErrorId }}
    try {{ {{ 1 }}.Ast.SafeGetValue() }} catch {{ $_.FullyQualifiedErrorId }}
    """)
    assert out == ["InvalidOperationException", "InvalidOperationException"]


def test_psparser_tokenize_tells_keywords_from_keyword_words_used_as_arguments():
    shell = Shell()
    out = shell.text("""
    $tokens = [System.Management.Automation.PSParser]::Tokenize('if ($a) { echo if }', [ref]$null)
    ($tokens | ForEach-Object { "$($_.Type):$($_.Content)" }) -join ' '
    """)
    assert out == ["Keyword:if GroupStart:( Variable:a GroupEnd:) GroupStart:{ Command:echo CommandArgument:if GroupEnd:}"]


def test_tokens_are_typed_by_kind_with_their_own_members():
    shell = Shell()
    out = shell.text(f"""
    $t = $null
    $null = [{LANG}.Parser]::ParseInput('Get-Item -Path:"a$b" $env:HOME 0x10 -eq', [ref]$t, [ref]$null)
    ($t | ForEach-Object {{ $_.GetType().Name }}) -join ','
    "$($t[1].ParameterName) $($t[1].UsedColon)"
    $t[2].Value
    $t[2].NestedTokens[0].Name
    "$($t[3].Name) $($t[3].VariablePath.IsDriveQualified) $($t[3].VariablePath.DriveName)"
    $t[4].Value
    $t[5].TokenFlags
    $t[0] -is [{LANG}.Token]
    """)
    assert out == ["StringLiteralToken,ParameterToken,StringExpandableToken,VariableToken,NumberToken,ParameterToken,"
                   "Token", "Path True", "a$b", "b", "HOME True env", "16", "None", "True"]


def test_operator_token_flags_print_as_pwsh_prints_them():
    shell = Shell()
    out = shell.text(f"""
    $t = $null
    $null = [{LANG}.Parser]::ParseInput('1 -eq 2 + 3', [ref]$t, [ref]$null)
    $t[1].TokenFlags
    $t[3].TokenFlags
    $t[-1].TokenFlags
    """)
    assert out == ["BinaryPrecedenceComparison, BinaryOperator",
                   "BinaryPrecedenceAdd, BinaryOperator, UnaryOperator, CanConstantFold", "ParseModeInvariant"]


def test_find_rejects_a_missing_or_non_script_block_predicate():
    shell = Shell()
    out = shell.text("""
    try { { 1 }.Ast.Find($null, $true) } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.Message }
    try { { 1 }.Ast.FindAll('x', $true) } catch { $_.FullyQualifiedErrorId }
    """)
    assert out == ["ArgumentNullException", "Value cannot be null. (Parameter 'predicate')",
                   "MethodArgumentConversionInvalidCastArgument"]


def test_a_functions_script_block_ast_is_its_definition():
    shell = Shell()
    out = shell.text(f"""
    function Get-Answer($q) {{ 'forty-two' }}
    $def = (Get-Command Get-Answer).ScriptBlock.Ast
    $def.GetType().Name
    $def.Extent.Text
    $def.Parameters[0].Name.VariablePath.UserPath
    $def.Find({{ $args[0] -is [{LANG}.StringConstantExpressionAst] }}, $false).Value
    {{ 1 }}.Ast.GetType().Name
    """)
    assert out == ["FunctionDefinitionAst", "function Get-Answer($q) { 'forty-two' }", "q", "forty-two",
                   "ScriptBlockAst"]


def test_parse_input_hands_out_typed_arrays():
    shell = Shell()
    out = shell.text(f"""
    $t = $null; $e = $null
    $null = [{LANG}.Parser]::ParseInput('1 +', [ref]$t, [ref]$e)
    $t.GetType().FullName
    $e.GetType().FullName
    $e[0].ErrorId
    """)
    assert out == [f"{LANG}.Token[]", f"{LANG}.ParseError[]", "ExpectedValueExpression"]
