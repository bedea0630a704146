"""Get-Help and the generated cmdlet pages."""

import filecmp
import os

from pwshlike.plugins import docgen

DOCS = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "cmdlets")


def test_get_help_default_view(session):
    text = session.text("Get-Help Write-Output | Out-String")[0]
    lines = text.split("\n")
    assert lines[:5] == ["", "NAME", "    Write-Output", "", "SYNOPSIS"]
    assert ("    Write-Output [-InputObject] <System.Management.Automation.PSObject> [-NoEnumerate] "
            "[<CommonParameters>]") in lines
    assert lines[lines.index("DESCRIPTION") - 2:lines.index("DESCRIPTION")] == ["", ""]
    remarks = lines.index("REMARKS")
    assert lines[remarks - 3:remarks + 6] == [
        "RELATED LINKS", "    https://go.microsoft.com/fwlink/?LinkID=2097117", "", "REMARKS",
        '    To see the examples, type: "Get-Help Write-Output -Examples"',
        '    For more information, type: "Get-Help Write-Output -Detailed"',
        '    For technical information, type: "Get-Help Write-Output -Full"',
        '    For online help, type: "Get-Help Write-Output -Online"', ""]
    assert "PARAMETERS" not in lines and "RELATED LINKS" in lines


def test_get_help_full_lists_parameter_facts(session):
    lines = session.text("Get-Help Write-Output -Full | Out-String")[0].split("\n")
    start = lines.index("    -InputObject <System.Management.Automation.PSObject>")
    assert lines[start + 1:start + 8] == [
        "        The objects to send down the pipeline.",
        "",
        "        Required?                    true",
        "        Position?                    0",
        "        Default value                None",
        "        Accept pipeline input?       True (ByValue)",
        "        Accept wildcard characters?  false",
    ]
    assert "    -NoEnumerate [<System.Management.Automation.SwitchParameter>]" in lines
    assert lines[lines.index("INPUTS") + 1] == "    System.Management.Automation.PSObject"


def test_get_help_examples_view_centres_titles_in_dashes(session):
    session.run("Get-Help Get-Module -Examples | Out-String -OutVariable text")
    lines = session.text("$text")[0].split("\n")
    assert lines[:7] == ["", "NAME", "    Get-Module", "", "SYNOPSIS",
                         "    Lists the modules imported into the session, or those that can be imported.", ""]
    first = lines.index("    ---------------- Example 1: The imported modules ----------------")
    assert lines[first + 1:first + 6] == ["", "    Get-Module", "", "    Lists the modules imported so far.", ""]
    assert "SYNTAX" not in lines and "PARAMETERS" not in lines


def test_get_help_full_and_detailed_sections(session):
    full = session.text("Get-Help Get-Module -Full | Out-String")[0].split("\n")
    order = [full.index(h) for h in ("NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS",
                                     "RELATED LINKS")]
    assert order == sorted(order)
    assert full.index("    <CommonParameters>") < full.index("INPUTS")
    assert any("Example 1: The imported modules" in line for line in full)
    detailed = session.text("Get-Help Get-Module -Detailed | Out-String")[0].split("\n")
    assert "PARAMETERS" in detailed and "INPUTS" not in detailed and "REMARKS" in detailed
    assert "        Required?                    false" not in detailed  # the facts are -Full's


def test_get_help_parameter_with_wildcards_and_several_names(session):
    lines = session.text("Get-Help Get-Module -Parameter *Avail*, Name | Out-String")[0].split("\n")
    headers = [line for line in lines if line.startswith("    -")]
    assert headers == ["    -Name <System.String[]>", "    -ListAvailable [<System.Management.Automation.SwitchParameter>]"]
    assert "        Position?                    0" in lines


def test_get_help_for_alias_and_function(session):
    assert "    Get-Command" in session.text("Get-Help gcm | Out-String")[0].split("\n")
    session.run("function Get-Thing { param([string]$Name) }")
    assert "    Get-Thing [[-Name] <string>]" in session.text("Get-Help Get-Thing | Out-String")[0].split("\n")


def test_get_help_unknown_topic(session):
    session.run("Get-Help No-Such-Thing")
    assert session.errors()[0].fully_qualified_error_id == \
        "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"


def test_get_help_parameter_that_matches_nothing(session):
    session.run("function f { param($a) }; Get-Help f -Parameter nope; Get-Help Get-Item -Parameter zz*")
    assert session.error_ids() == ["NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand"] * 2
    assert sorted(str(e) for e in session.errors()) == ["No parameter matches criteria nope.",
                                                        "No parameter matches criteria zz*."]


def test_committed_cmdlet_pages_are_current(tmp_path):
    docgen.generate(str(tmp_path))
    expected = sorted(os.listdir(tmp_path))
    committed = sorted(f for f in os.listdir(DOCS) if f.endswith(".md"))
    assert committed == expected, "run: python -m pwshlike.plugins.docgen"
    match, mismatch, errors = filecmp.cmpfiles(tmp_path, DOCS, expected, shallow=False)
    assert not mismatch and not errors, f"stale pages {mismatch + errors}: run python -m pwshlike.plugins.docgen"


def test_help_paragraphs_wrap_under_their_indent(session):
    lines = session.text("Get-Help Get-Module | Out-String -Width 60")[0].split("\n")
    start = lines.index("DESCRIPTION")
    description = lines[start + 1:lines.index("", start)]
    assert len(description) > 3 and all(line.startswith("    ") and len(line) <= 60 for line in description)
    assert description[0].startswith("    Without -ListAvailable it lists the modules")
    syntax = lines[lines.index("SYNTAX") + 1:lines.index("SYNTAX") + 3]
    assert syntax[0].startswith("    Get-Module [[-Name]") and syntax[1].startswith("    ")


def test_get_help_with_a_pattern_lists_the_matches(session):
    lines = session.text("Get-Help *-Content -Category Cmdlet | Out-String")[0].split("\n")
    assert lines[1].split() == ["Name", "Category", "Module", "Synopsis"]
    names = [line.split()[0] for line in lines[3:] if line.strip()]
    assert names == ["Add-Content", "Clear-Content", "Get-Content", "Set-Content"]
    assert lines[3].startswith("Add-Content" + " " * 23 + "Cmdlet    Microsoft.PowerShell.Man")


def test_get_help_pattern_rows_for_aliases_name_the_command(session):
    rows = session.run("Get-Help gc? | Where-Object Category -eq Alias")
    assert [(r.get_property("Name"), r.get_property("Synopsis")) for r in rows] == [
        ("gci", "Get-ChildItem"), ("gcm", "Get-Command")]


def test_get_help_pattern_without_match_is_silent_and_a_prefix_finds_one_command(session):
    assert session.run("Get-Help nothing-matches*") == [] and session.errors() == []
    lines = session.text("Get-Help Get-ChildIt | Out-String")[0].split("\n")
    assert lines[1:3] == ["NAME", "    Get-ChildItem"]


def test_whatif_and_confirm_are_described(session):
    lines = session.text("Get-Help Remove-Item -Parameter WhatIf, Confirm | Out-String")[0].split("\n")
    assert lines[lines.index("    -WhatIf [<System.Management.Automation.SwitchParameter>]") + 1] == \
        "        Shows what the command would do, without doing it."
    assert lines[lines.index("    -Confirm [<System.Management.Automation.SwitchParameter>]") + 1] == \
        "        Asks for confirmation before each change the command makes."


def test_get_help_with_only_a_filter_searches_every_command(session):
    session.run("function Show-Thing { <#\n.SYNOPSIS\nShows a thing.\n.COMPONENT\nThings\n#> param() }")
    rows = session.run("Get-Help -Component Things")  # the one match: its full help
    assert [(r.get_property("Name"), r.get_property("Category")) for r in rows] == [("Show-Thing", "Function")]
