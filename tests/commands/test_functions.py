"""Functions and cmdlets bound and run through the command layer."""


def test_simple_function_positional_named_and_args(session):
    session.run('function f($a, $b) { "a=$a b=$b args=$($args -join ",")" }')
    assert session.text("f 1 2 3 4") == ["a=1 b=2 args=3,4"]
    assert session.text("f -b x -a y") == ["a=y b=x args="]
    assert session.text("f -zz 1") == ["a=1 b= args=-zz"]


def test_switch_parameters_and_defaults(session):
    session.run('function g { param([switch]$Force, [int]$Count = 2) "$Force $Count" }')
    assert session.text("g") == ["False 2"]
    assert session.text("g -Force -Count 5") == ["True 5"]
    assert session.text("g -Force:$false 7") == ["False 7"]


def test_advanced_function_pipeline_and_bound_parameters(session):
    session.run('''
        function Get-X {
            [CmdletBinding()]
            param([Parameter(Mandatory, ValueFromPipeline)][int]$N, [ValidateSet("a", "b")]$Mode = "a")
            process { "$N $Mode $($PSBoundParameters.Count)" }
        }''')
    assert session.text("1, 2 | Get-X -Mode b") == ["1 b 2", "2 b 2"]
    assert session.text("Get-X 5") == ["5 a 1"]


def test_binding_errors_carry_pwsh_ids(session):
    session.run("function Get-X { [CmdletBinding()] param([int]$N, [ValidateSet('a')]$Mode) }")
    session.run("Get-X -Foo 1")
    assert session.errors()[0].fully_qualified_error_id == "NamedParameterNotFound,Get-X"
    session.run("Get-X -N abc")
    error = session.errors()[0]
    assert error.fully_qualified_error_id == "ParameterArgumentTransformationError,Get-X"
    assert str(error) == ("Cannot process argument transformation on parameter 'N'. Cannot convert value "
                          "\"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a "
                          "correct format.\"")
    session.run("Get-X -Mode z")
    assert session.errors()[0].fully_qualified_error_id == "ParameterArgumentValidationError,Get-X"
    session.run("Get-X 1 a 3")
    assert session.errors()[0].fully_qualified_error_id == "PositionalParameterNotFound,Get-X"


def test_missing_mandatory_non_interactive(session):
    session.run("function m { param([Parameter(Mandatory)]$Name, [Parameter(Mandatory)]$Id) }")
    session.run("m")
    error = session.errors()[0]
    assert error.fully_qualified_error_id == "MissingMandatoryParameter,m"
    assert str(error) == "Cannot process command because of one or more missing mandatory parameters: Name Id."


def test_write_error_ids_follow_the_calling_function(session):
    session.run('function w { [CmdletBinding()] param() Write-Error "inner" }')
    session.run("w")
    assert session.errors()[0].fully_qualified_error_id == "Microsoft.PowerShell.Commands.WriteErrorException,w"
    session.run('Write-Error "top"')
    assert session.errors()[0].fully_qualified_error_id == "Microsoft.PowerShell.Commands.WriteErrorException"
    assert session.host.kind("error")


def test_common_parameters_set_preferences(session):
    session.run('function v { [CmdletBinding()] param() Write-Verbose "shown"; Write-Debug "dbg" }')
    session.run("v")
    assert session.host.kind("verbose") == []
    session.run("v -Verbose -Debug")
    assert session.host.kind("verbose") == ["shown"]
    assert session.host.kind("debug") == ["dbg"]
    assert session.text('try { Write-Error "e" -ErrorAction Stop } catch { "caught " + $_.Exception.Message }') \
        == ["caught e"]


def test_error_action_rejects_unknown_values(session):
    session.run("Write-Output 1 -ErrorAction Sometimes")
    error = session.errors()[0]
    assert error.fully_qualified_error_id == \
        "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.WriteOutputCommand"


def test_write_output_enumerates_unless_no_enumerate(session):
    assert session.run("Write-Output 1, 2 3") == [[1, 2], 3]
    assert session.run("Write-Output @(1, 2)") == [1, 2]
    assert session.run("Write-Output @(1, 2) -NoEnumerate") == [[1, 2]]


def test_foreach_and_where_object(session):
    assert session.run("1..5 | ForEach-Object { $_ * 2 } | Where-Object { $_ -gt 4 }") == [6, 8, 10]
    assert session.text("1..3 | % { 'b' } { $_ } { 'e' }") == ["b", "1", "2", "3", "e"]
    assert session.text("'a', 'bb' | ForEach-Object Length") == ["1", "2"]
    session.run("1..3 | ForEach-Object { $last = $_ }")
    assert session.run("$last") == [3]


def test_get_command_syntax_and_aliases(session):
    assert session.text("Get-Command Write-Output -Syntax") == [
        "\nWrite-Output [-InputObject] <psobject> [-NoEnumerate] [<CommonParameters>]\n\n"]
    assert session.text("(Get-Command gcm).Definition") == ["Get-Command"]
    session.run("Set-Alias hi Write-Output")
    assert session.text("hi 5") == ["5"]
    session.run("New-Alias hi Write-Host")
    assert session.errors()[0].fully_qualified_error_id == \
        "AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand"


def test_command_not_found(session):
    session.run("Get-NoSuchThing")
    error = session.errors()[0]
    assert error.fully_qualified_error_id == "CommandNotFoundException"
    assert str(error).startswith("The term 'Get-NoSuchThing' is not recognized as a name of a cmdlet, function,")


def test_confirm_and_whatif(session):
    session.run('''
        function Remove-Thing {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = "High")]
            param($Name)
            if ($PSCmdlet.ShouldProcess($Name, "Remove")) { "removed $Name" }
        }''')
    assert session.text("Remove-Thing a -WhatIf") == []
    assert 'What if: Performing the operation "Remove" on target "a".' in session.host.kind("write", "line")


def test_mandatory_parameters_are_prompted_for_on_an_interactive_host(interactive_session):
    session = interactive_session(answers=["!?", "Ada", "x", "y", ""])
    session.run('''
        function Get-Thing {
            param([Parameter(Mandatory, HelpMessage = "Who to greet")][string]$Name,
                  [Parameter(Mandatory)][string[]]$Tags)
            "$Name [$($Tags -join ',')]"
        }''')
    assert session.text("Get-Thing") == ["Ada [x,y]"]
    assert session.host.kind("write", "line") == [
        "cmdlet Get-Thing at command pipeline position 1",
        "Supply values for the following parameters:",
        "(Type !? for Help.)",
        "Name: ", "Who to greet", "Name: ", "Tags[0]: ", "Tags[1]: ", "Tags[2]: "]


def test_ps_default_parameter_values(session):
    session.run('''
        function Get-T { [CmdletBinding()] param($Name, $Other) "Name=$Name Other=$Other" }
        $PSDefaultParameterValues = @{ "Get-T:Name" = "dflt"; "Get-*:Other" = { "sb" } }''')
    assert session.text("Get-T") == ["Name=dflt Other=sb"]
    assert session.text("Get-T -Name given") == ["Name=given Other=sb"]
    session.run('$PSDefaultParameterValues["Disabled"] = $true')
    assert session.text("Get-T") == ["Name= Other="]


def test_capturing_common_parameters(session):
    assert session.run('''
        Write-Error "e4" -ErrorAction SilentlyContinue -ErrorVariable ev
        function f { [CmdletBinding()] param() Write-Error "inner"; Write-Warning "w1"; 5 }
        $r = f -ErrorVariable +ev -WarningVariable wv -OutVariable ov -ErrorAction SilentlyContinue `
               -WarningAction SilentlyContinue
        $ev.Count; $wv[0].Message; $ov[0]''') == [2, "w1", 5]
    assert session.text('1..2 | ForEach-Object -PipelineVariable pv { $_ * 10 } | ForEach-Object { "$pv/$_" }') \
        == ["10/10", "20/20"]
    assert session.host.kind("warning") == []


def test_validation_attributes_on_variables(session):
    session.run("[ValidateRange(1, 5)][int]$x = 3; $x = 7")
    error = session.errors()[0]
    assert str(error) == "The variable cannot be validated because the value 7 is not a valid value for the x variable."
    assert error.fully_qualified_error_id == "ValidateSetFailure"
    assert session.run("$x") == [3]


def test_two_parameters_at_one_position(session):
    session.run('''
        function Test-Positional {
            [CmdletBinding()]
            param([Parameter(Position = 0)] [int]$Parameter1 = 0, [Parameter(Position = 0)] [int]$Parameter2 = 0)
            process { $true }
        }''')
    assert session.run("Test-Positional -Parameter1 1") == [True]
    session.run("Test-Positional 1")
    error = session.errors()[0]
    assert error.fully_qualified_error_id == "AmbiguousPositionalParameterNoName,Test-Positional"
    assert str(error) == "Cannot bind positional parameters because no names were given."


def test_select_object_first_stops_the_commands_before_it(session):
    import time
    start = time.perf_counter()
    assert session.run("1..1e9 | Select-Object -First 3") == [1, 2, 3]
    assert session.run("1..1e9 | ForEach-Object { $_ * 2 } | Select-Object -First 2") == [2, 4]
    assert time.perf_counter() - start < 5, "the upstream commands were not stopped"
