"""Comment-based help: where pwsh looks for it, what each keyword fills in,
and how Get-Help shows it."""

import textwrap

FOO = textwrap.dedent("""\
    function Get-Foo {
    <#
    .SYNOPSIS
    Gets foo.
    .DESCRIPTION
    Gets the foo thing.

        An indented line.
    .PARAMETER Name
    The name to get.
    .EXAMPLE
    Get-Foo -Name x

    Gets x.
    .INPUTS
    None.
    .OUTPUTS
    System.String
    .NOTES
    Some notes.
    .LINK
    https://example.com/foo
    .LINK
    Get-Bar
    .COMPONENT
    FooParts
    .ROLE
    Reader
    .FUNCTIONALITY
    Fooing
    #>
    param([string]$Name, [switch]$Force, [int]$Count)
    }
    """)


def _text(session, script):
    """Get-Help's console text, as Out-String gives it (without the blank lines at its end)."""
    return session.text(script + " | Out-String")[0].rstrip("\n").split("\n")


def test_default_view_of_a_function_with_comment_help(session):
    session.run(FOO)
    assert _text(session, "Get-Help Get-Foo") == [
        "", "NAME", "    Get-Foo", "", "SYNOPSIS", "    Gets foo.", "", "", "SYNTAX",
        "    Get-Foo [[-Name] <String>] [-Force] [[-Count] <Int32>] [<CommonParameters>]", "", "",
        "DESCRIPTION", "    Gets the foo thing.", "", "        An indented line.", "", "",
        "RELATED LINKS", "    https://example.com/foo", "    Get-Bar", "",
        "REMARKS",
        '    To see the examples, type: "Get-Help Get-Foo -Examples"',
        '    For more information, type: "Get-Help Get-Foo -Detailed"',
        '    For technical information, type: "Get-Help Get-Foo -Full"',
        '    For online help, type: "Get-Help Get-Foo -Online"']


def test_full_view_lists_parameters_inputs_outputs_notes_examples_and_links(session):
    session.run(FOO)
    lines = _text(session, "Get-Help Get-Foo -Full")
    start = lines.index("PARAMETERS")
    assert lines[start:start + 27] == [
        "PARAMETERS",
        "    -Name <String>", "        The name to get.", "",
        "        Required?                    false", "        Position?                    1",
        "        Default value", "        Accept pipeline input?       false",
        "        Accept wildcard characters?  false", "",
        "    -Force [<SwitchParameter>]", "",
        "        Required?                    false", "        Position?                    named",
        "        Default value                False", "        Accept pipeline input?       false",
        "        Accept wildcard characters?  false", "",
        "    -Count <Int32>", "",
        "        Required?                    false", "        Position?                    2",
        "        Default value                0", "        Accept pipeline input?       false",
        "        Accept wildcard characters?  false", "",
        "    <CommonParameters>"]
    start = lines.index("INPUTS")
    assert lines[start:] == [
        "INPUTS", "    None.", "", "", "OUTPUTS", "    System.String", "", "",
        "NOTES", "", "", "        Some notes.", "",
        "    -------------------------- EXAMPLE 1 --------------------------", "",
        "    PS > Get-Foo -Name x", "", "    Gets x.", "", "", "", "", "",
        "RELATED LINKS", "    https://example.com/foo", "    Get-Bar"]


def test_the_help_object_has_pwsh_members(session):
    session.run(FOO + "$h = Get-Help Get-Foo")
    assert session.text("$h.Synopsis; $h.Category; $h.Component; $h.Role; $h.Functionality") == [
        "Gets foo.", "Function", "FooParts", "Reader", "Fooing"]
    assert session.text("$h.description[0].Text") == ["Gets the foo thing.\n\n    An indented line."]
    assert session.text("$h.alertSet.alert[0].Text; $h.inputTypes.inputType.type.name; "
                        "$h.returnValues.returnValue.type.name") == ["Some notes.", "None.", "System.String"]
    assert session.text("$h.relatedLinks.navigationLink[0].uri; $h.relatedLinks.navigationLink[1].linkText") == [
        "https://example.com/foo", "Get-Bar"]
    assert session.text("$h.examples.example.code; $h.examples.example.remarks[0].Text; "
                        "$h.examples.example.remarks.Count") == ["Get-Foo -Name x", "Gets x.", "5"]
    assert session.text("$h.parameters.parameter.name -join ','; $h.parameters.parameter[0].required; "
                        "$h.parameters.parameter[0].description[0].Text") == ["Name,Force,Count", "false",
                                                                               "The name to get."]
    assert session.text("$h.pstypenames -join ','; (Get-Help Get-Foo -Full).pstypenames[0]") == [
        "MamlCommandHelpInfo,HelpInfo", "MamlCommandHelpInfo#FullView"]


def test_parameter_view(session):
    session.run(FOO)
    assert _text(session, "Get-Help Get-Foo -Parameter N*") == [
        "", "    -Name <String>", "        The name to get.", "",
        "        Required?                    false", "        Position?                    1",
        "        Default value", "        Accept pipeline input?       false",
        "        Accept wildcard characters?  false"]
    assert session.text("(Get-Help Get-Foo -Parameter Count).position") == ["2"]


def test_examples_view_splits_prompt_code_and_remarks(session):
    session.run(textwrap.dedent("""\
        function Show-It {
            <#
            .EXAMPLE
            PS C:\\> Show-It -Verbose
            Output line

            What it does.
            Second line.
            .EXAMPLE
            Show-It
            #>
            param()
        }
        """))
    assert _text(session, "Get-Help Show-It -Examples") == [
        "", "NAME", "    Show-It", "", "SYNOPSIS", "", "",
        "    -------------------------- EXAMPLE 1 --------------------------", "",
        "    PS C:\\>Show-It -Verbose", "    Output line", "", "    What it does.", "    Second line.",
        "", "", "", "",
        "    -------------------------- EXAMPLE 2 --------------------------", "",
        "    PS > Show-It"]
    assert session.text("$e = (Get-Help Show-It).examples.example; $e[0].introduction[0].Text; $e[0].code; "
                        "$e[1].introduction[0].Text") == ["PS C:\\>", "Show-It -Verbose\nOutput line", "PS > "]


def test_help_before_the_function_with_line_comments(session):
    session.run("# .SYNOPSIS\n#   Line comment help.\n\nfunction One { }\n")
    assert session.text("(Get-Help One).Synopsis") == ["Line comment help."]


def test_help_two_blank_lines_away_does_not_belong_to_the_function(session):
    session.run("<#\n.SYNOPSIS\nFloating.\n#>\n\n\nfunction Two { param($abc) }\n")
    assert session.text("(Get-Help Two).Synopsis.Trim()") == ["Two [[-abc] <Object>]"]


def test_help_first_and_last_in_the_body(session):
    session.run("function Three {\n  # .synopsis\n  #  First in body.\n  param($a)\n}\n"
                "function Four {\n  param($a)\n  $a\n  <#\n  .Synopsis\n  Last in body.\n  #>\n}\n")
    assert session.text("(Get-Help Three).Synopsis; (Get-Help Four).Synopsis") == [
        "First in body.", "Last in body."]


def test_a_comment_that_is_not_help_is_ignored(session):
    session.run("<# just a note\n.SYNOPSIS\nnot help #>\nfunction Five { }\n")
    assert session.text("(Get-Help Five).Synopsis.Trim()") == ["Five"]


def test_parameter_help_from_comments_beside_parameters(session):
    session.run(textwrap.dedent("""\
        function Six {
            # .SYNOPSIS
            #   Six.
            param(
                # The first one.
                [string]$First,
                <# The second one. #> $Second,
                $Third # The third one.
            )
        }
        """))
    assert session.text("(Get-Help Six).parameters.parameter | ForEach-Object { $_.description[0].Text }") == [
        "The first one.", "The second one.", "The third one."]


def test_dot_parameter_wins_over_a_parameter_comment(session):
    session.run("function Seven {\n<#\n.SYNOPSIS\nS.\n.PARAMETER a\nFrom the keyword.\n#>\n"
                "param(\n# From the comment.\n$a)\n}\n")
    assert session.text("(Get-Help Seven).parameters.parameter.description[0].Text") == ["From the keyword."]


def test_script_file_help(session, tmp_path):
    script = tmp_path / "tool.ps1"
    script.write_text("<#\n.SYNOPSIS\nThe script.\n.PARAMETER Path\nWhere to look.\n#>\n"
                      "param([Parameter(Mandatory)][string]$Path)\n'ran'\n")
    lines = _text(session, f"Get-Help '{script}' -Detailed")
    assert lines[:9] == ["", "NAME", f"    {script}", "", "SYNOPSIS", "    The script.", "", "", "SYNTAX"]
    assert f"    {script} [-Path] <String> [<CommonParameters>]" in lines
    assert lines[lines.index("PARAMETERS") + 1:lines.index("PARAMETERS") + 3] == [
        "    -Path <String>", "        Where to look."]
    assert session.text(f"(Get-Help '{script}').Category") == ["ExternalScript"]


def test_script_help_at_the_top_is_not_the_first_functions(session, tmp_path):
    script = tmp_path / "lib.ps1"
    script.write_text("# .SYNOPSIS\n#   The function's.\nfunction Eight { }\n")
    assert session.text(f"(Get-Help '{script}').Synopsis") != ["The function's."]
    script.write_text("# .SYNOPSIS\n#   The script's.\n\n\nfunction Eight { }\n")
    assert session.text(f"(Get-Help '{script}').Synopsis") == ["The script's."]


def test_forward_help_target(session):
    session.run("function Nine {\n  # .FORWARDHELPTARGETNAME Get-Help\n  # .FORWARDHELPCATEGORY Cmdlet\n}\n")
    assert session.text("$h = Get-Help Nine; $h.Name; $h.Category") == ["Get-Help", "Cmdlet"]


def test_component_role_and_functionality_filter(session):
    session.run(FOO)
    assert session.text("(Get-Help Get-Foo -Component Foo*).Name; (Get-Help Get-Foo -Role reader).Name") == [
        "Get-Foo", "Get-Foo"]
    session.run("Get-Help Get-Foo -Functionality Other")
    assert session.error_ids() == ["HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"]


def test_psdefaultvalue_help_text_is_the_default_shown(session):
    session.run("function Ten {\n<#\n.SYNOPSIS\nT.\n#>\nparam([PSDefaultValue(Help='the current user')]"
                "$User = $env:USER, $Size = 42)\n}\n")
    assert session.text("(Get-Help Ten).parameters.parameter.defaultValue") == ["the current user", "42"]


def test_a_script_block_made_into_a_function_keeps_its_help(session):
    session.run("$sb = {\n  # .SYNOPSIS\n  #   Dynamic.\n  process { }\n}\n${function:Twelve} = $sb\n")
    assert session.text("(Get-Help Twelve).Synopsis") == ["Dynamic."]


def test_a_function_without_help_gets_pwshs_generated_help(session):
    session.run("function Plain { param($a, [switch]$s) }; Set-Alias pl Plain")
    assert _text(session, "Get-Help Plain") == [
        "", "NAME", "    Plain", "", "SYNTAX", "    Plain [[-a] <Object>] [-s]", "", "",
        "ALIASES", "    pl", "", "", "REMARKS", "    None"]
    assert session.text("(Get-Help Plain).Synopsis.Trim(); (Get-Help Plain).pstypenames[0]") == [
        "Plain [[-a] <Object>] [-s]", "ExtendedCmdletHelpInfo"]


def test_generated_full_help_lists_each_parameters_facts(session):
    session.run("function Adv { [CmdletBinding()] param([Parameter(Position=0, ValueFromPipeline)][string]$Name, "
                "[Alias('k')][int]$Count) }")
    lines = _text(session, "Get-Help Adv -Full")
    start = lines.index("    -Count <int>")
    assert lines[start:start + 9] == [
        "    -Count <int>", "",
        "        Required?                    false", "        Position?                    Named",
        "        Accept pipeline input?       false", "        Parameter set name           (All)",
        "        Aliases                      k", "        Dynamic?                     false",
        "        Accept wildcard characters?  false"]
    assert lines[lines.index("INPUTS"):lines.index("INPUTS") + 5] == [
        "INPUTS", "    System.String", "", "", "OUTPUTS"]
    assert "        Position?                    0" in lines


def test_dash_question_mark_shows_the_commands_help_instead_of_running_it(session):
    session.run("function Risky { <# .SYNOPSIS\nDoes something. #> param($x) 'ran' }")
    assert session.text("(Risky -?).Synopsis") == ["Does something."]
    assert session.text("(Risky 1 -?).Name; Risky 1") == ["Risky", "ran"]


MAML = """<?xml version="1.0" encoding="utf-8"?>
<helpItems schema="maml">
<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10"
    xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10"
    xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">
  <command:details><command:name> Get-Widget </command:name>
    <maml:description><maml:para>Gets widgets from the file.</maml:para></maml:description></command:details>
  <maml:description><maml:para>The long story.</maml:para></maml:description>
  <command:parameters><command:parameter><maml:name>Size</maml:name>
    <maml:description><maml:para>How big.</maml:para></maml:description></command:parameter></command:parameters>
</command:command>
</helpItems>
"""


def test_externalhelp_reads_the_maml_file_in_the_culture_folder(session, tmp_path):
    (tmp_path / "en-US").mkdir()
    (tmp_path / "en-US" / "Widgets.xml").write_text(MAML)
    script = tmp_path / "widgets.ps1"
    script.write_text("function Get-Widget {\n  # .EXTERNALHELP widgets.xml\n  param($Size)\n}\n"
                      "function Get-Gadget {\n  # .EXTERNALHELP missing.xml\n  param($Size)\n}\n")
    session.run(f". '{script}'")
    assert session.text("$h = Get-Help Get-Widget; $h.Synopsis; $h.description[0].Text; "
                        "$h.parameters.parameter.description[0].Text") == [
        "Gets widgets from the file.", "The long story.", "How big."]
    assert session.text("(Get-Help Get-Gadget).pstypenames[0]") == ["ExtendedCmdletHelpInfo"]


def test_the_syntax_member_shows_as_syntax_lines(session):
    session.run(FOO)
    assert session.text("(Get-Help Get-Foo).syntax | Out-String -Width 200")[0].strip() == \
        "Get-Foo [[-Name] <String>] [-Force] [[-Count] <Int32>] [<CommonParameters>]"
