"""Get-Help and the generated cmdlet pages."""

import filecmp
import os

from pwshlike.plugins import docgen

DOCS = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "cmdlets")


def test_get_help_default_view(session):
    text = session.text("Get-Help Write-Output | Out-String")[0]
    lines = text.split("\n")
    assert lines[:5] == ["", "NAME", "    Write-Output", "", "SYNOPSIS"]
    assert "    Write-Output [-InputObject] <psobject> [-NoEnumerate] [<CommonParameters>]" in lines
    assert '    For technical information, type: "Get-Help Write-Output -Full"' in lines
    assert "PARAMETERS" not in lines


def test_get_help_full_lists_parameter_facts(session):
    lines = session.text("Get-Help Write-Output -Full | Out-String")[0].split("\n")
    start = lines.index("    -InputObject <psobject>")
    assert lines[start + 1:start + 8] == [
        "        The objects to send down the pipeline.",
        "",
        "        Required?                    true",
        "        Position?                    0",
        "        Default value                None",
        "        Accept pipeline input?       true (ByValue)",
        "        Accept wildcard characters?  false",
    ]
    assert lines[lines.index("INPUTS") + 1] == "    System.Management.Automation.PSObject"


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
