"""Command objects have pwsh's reflection members: Parameters, ParameterSets,
OutputType, Version, Module, Verb/Noun, DefaultParameterSet, HelpUri."""

from __future__ import annotations


def test_parameters_is_a_dictionary_of_parameter_metadata_in_declaration_order(session):
    keys = session.text("(Get-Command Get-Date).Parameters.Keys")
    assert keys[:3] == ["Date", "UnixTimeSeconds", "Year"]
    assert keys[-12:] == ["Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction",
                          "ProgressAction", "ErrorVariable", "WarningVariable", "InformationVariable",
                          "OutVariable", "OutBuffer", "PipelineVariable"]
    assert session.text("$p = (Get-Command Get-Date).Parameters['date']; $p.Name; $p.ParameterType.FullName; "
                        "$p.Aliases; $p.SwitchParameter; $p.IsDynamic; $p.ParameterSets.Keys") == [
        "Date", "System.DateTime", "LastWriteTime", "False", "False", "DateAndFormat", "DateAndUFormat"]
    assert session.text("(Get-Command Get-ChildItem).Parameters.Recurse.SwitchParameter") == ["True"]
    assert session.text("(Get-Command Get-Date).Parameters.Date.PSObject.TypeNames[0]") == [
        "System.Management.Automation.ParameterMetadata"]


def test_a_parameters_per_set_metadata(session):
    assert session.text("$s = (Get-Command Get-ChildItem).Parameters.Path.ParameterSets.Items; $s.Position; "
                        "$s.IsMandatory; $s.ValueFromPipeline; $s.ValueFromPipelineByPropertyName") == [
        "0", "False", "True", "True"]
    assert session.text("(Get-Command Get-ChildItem).Parameters.Recurse.ParameterSets.Values.Position") == [
        "-2147483648"], "a named parameter's Position is Int32.MinValue, as in pwsh"


def test_parameter_sets_in_declaration_order_with_the_default_marked(session):
    assert session.text("(Get-Command Get-ChildItem).ParameterSets[0].Name") == ["Items"]
    assert session.text("(Get-Command Get-ChildItem).ParameterSets | ForEach-Object { "
                        "'{0}:{1}' -f $_.Name, $_.IsDefault }") == ["Items:True", "LiteralItems:False"]
    assert session.text("(Get-Command Write-Output).ParameterSets | ForEach-Object { "
                        "'{0}:{1}' -f $_.Name, $_.IsDefault }") == ["__AllParameterSets:False"]
    assert session.text("(Get-Command Get-ChildItem).DefaultParameterSet") == ["Items"]


def test_a_parameter_set_prints_as_its_syntax_and_lists_its_parameters(session):
    syntax = session.text("Get-Command Get-ChildItem -Syntax")[0].strip().split("\n")[0]
    assert session.text("(Get-Command Get-ChildItem).ParameterSets[0].ToString()") == [
        syntax[len("Get-ChildItem "):]]
    write_output = session.text("Get-Command Write-Output -Syntax")[0].strip()
    assert session.text("\"$((Get-Command Write-Output).ParameterSets[0])\"") == [
        write_output[len("Write-Output "):]]
    assert write_output.startswith("Write-Output [-InputObject] <psobject")
    assert session.text("$p = (Get-Command Get-ChildItem).ParameterSets[1].Parameters | Select-Object -First 1; "
                        "$p.Name; $p.IsMandatory; $p.Position; $p.ParameterType.Name") == [
        "LiteralPath", "True", "-2147483648", "String[]"]


def test_output_type_names_the_declared_types(session):
    names = session.text("(Get-Command Get-Command).OutputType.Name")
    assert names[0] == "System.Management.Automation.AliasInfo" and "System.String" in names
    assert session.text("(Get-Command Get-Module).OutputType | ForEach-Object { $_.Name; $_.Type.FullName }") == [
        "System.Management.Automation.PSModuleInfo", "System.Management.Automation.PSModuleInfo"]
    assert session.text("(Get-Command Write-Host).OutputType.Count") == ["0"]


def test_version_module_verb_noun_and_implementing_type_of_a_cmdlet(session):
    assert session.text("$c = Get-Command Get-Date; $c.Version.ToString(); $c.Module.Name; $c.ModuleName; "
                        "$c.Verb; $c.Noun; $c.ImplementingType; $c.CommandType; $c.HelpUri") == [
        "7.0.0.0", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Utility", "Get", "Date",
        "Microsoft.PowerShell.Commands.GetDateCommand", "Cmdlet", "https://go.microsoft.com/fwlink/?LinkID=2096615"]
    text = session.text("Get-Command Get-Date | Out-String")[0]
    assert "7.0.0.0" in text.split("\n")[3], "Get-Command's table shows the version"


def test_a_functions_members_come_from_its_param_block(session):
    session.run("function Get-Thing { [CmdletBinding(DefaultParameterSetName='ById')] "
                "param([Parameter(ParameterSetName='ById', Position=0)][int]$Id, "
                "[Parameter(ParameterSetName='ByName', Mandatory)][Alias('N')][string]$Name) }")
    assert session.text("$f = Get-Command Get-Thing; $f.Parameters.Keys | Select-Object -First 2; $f.Verb; "
                        "$f.Noun; $f.DefaultParameterSet; $null -eq $f.Module; $null -eq $f.Version") == [
        "Id", "Name", "Get", "Thing", "ById", "True", "True"]
    assert session.text("(Get-Command Get-Thing).ParameterSets | ForEach-Object { \"$($_.Name) $_\" }") == [
        "ById [[-Id] <int>] [<CommonParameters>]", "ByName -Name <string> [<CommonParameters>]"]
    assert session.text("(Get-Command Get-Thing).Parameters.Name.Aliases") == ["N"]


def test_an_alias_has_the_members_of_the_command_it_stands_for(session):
    assert session.text("(Get-Command gci).ResolvedCommand.Name; (Get-Command gci).ParameterSets[0].Name; "
                        "(Get-Command gci).Parameters.ContainsKey('Recurse')") == ["Get-ChildItem", "Items", "True"]
    session.run("Set-Alias nowhere Not-A-Command")
    assert session.text("$a = Get-Alias nowhere; $null -eq $a.ResolvedCommand; $null -eq $a.Parameters; "
                        "$a.ParameterSets.Count") == ["True", "True", "0"]
