"""Completion from command metadata and session state (CompletionEngine),
with test-local cmdlets registered the way plugins register theirs."""

from __future__ import annotations

import os
import sys

import pytest

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.commandinfo import CmdletInfo
from pwshlike.repl.completion import CompletionEngine
from repl_fixtures import _isolated_environment, session  # noqa: F401 - pytest fixtures

MODULE = "Test.Grants"


class GrantBodyConverter:
    """A test-local complex type: converts a hashtable and names its
    properties through the property-names protocol."""

    property_names = ("clientId", "consentType", "principalId", "resourceId", "scope")

    def __call__(self, value):
        return value


@cmdlet("New-TestGrant", default_parameter_set="Expanded", supports_should_process=True)
class NewTestGrant(Cmdlet):
    """Creates a test grant."""

    body_parameter = Parameter("ITestGrant", sets={"Create": {"mandatory": True, "value_from_pipeline": True}},
                               converter=GrantBodyConverter())
    client_id = Parameter("String", sets={"Expanded": {}})
    consent_type = Parameter("String", sets={"Expanded": {}}, accepted_values=("AllPrincipals", "Principal"))
    headers = Parameter("IDictionary")
    environment = Parameter("String", aliases=("EnvironmentName",), accepted_values=("AzureCloud", "AzureChina",
                                                                                     "Azure US Gov"))
    level = Parameter("ConsoleColor")
    enabled = Parameter("Boolean")
    path = Parameter("String", position=0)


@cmdlet("Get-TestThing", default_parameter_set="ByName")
class GetTestThing(Cmdlet):
    """Gets test things."""

    name = Parameter("String", sets={"ByName": {"position": 0}})
    id = Parameter("Int32", sets={"ById": {"position": 0, "mandatory": True}})
    kind = Parameter("String", position=1, accepted_values=("Alpha", "Beta"))
    hidden = Parameter("String", dont_show=True)


def _never_loaded() -> type:
    raise AssertionError("completion loaded a command implementation")


@pytest.fixture
def engine(session):
    registry = session.context.commands
    registry.add(CmdletInfo("New-TestGrant", lambda: NewTestGrant, MODULE))
    registry.add(CmdletInfo("Get-TestThing", lambda: GetTestThing, MODULE))
    unloaded = CmdletInfo("Get-TestUnloaded", _never_loaded, "Test.Lazy")
    unloaded.synopsis = "Described without being imported."
    registry.add(unloaded)
    return CompletionEngine(session.context)


def texts(engine, text):
    return engine.complete(text).texts


# --- command names --------------------------------------------------------------------

def test_command_names_by_prefix_case_insensitive(engine):
    assert texts(engine, "new-testg") == ["New-TestGrant"]
    assert {"Get-TestThing", "Get-TestUnloaded"} <= set(texts(engine, "Get-Test"))


def test_command_completion_replaces_the_whole_word(engine):
    result = engine.complete("$x = Get-TestTh")
    assert (result.start, result.end, result.texts) == (5, 15, ["Get-TestThing"])


def test_command_names_do_not_load_implementations_and_show_synopses(engine):
    items = {item.text: item for item in engine.complete("Get-TestU").items}
    assert items["Get-TestUnloaded"].description == "Described without being imported."
    grant = engine.complete("New-TestGr").items[0]
    assert grant.description == "Creates a test grant."


def test_aliases_functions_and_wildcards(engine, session):
    session.run("function Invoke-MyHelper { 'x' }; Set-Alias -Name imh -Value Invoke-MyHelper")
    assert texts(engine, "Invoke-MyH") == ["Invoke-MyHelper"]
    items = {item.text: item.description for item in engine.complete("imh").items}
    assert items["imh"] == "Alias for Invoke-MyHelper"
    assert "Get-TestThing" in texts(engine, "Get-*Thing")


def test_module_qualified_names(engine):
    assert texts(engine, "Test.Grants\\New-") == ["Test.Grants\\New-TestGrant"]
    assert "Test.Grants\\" in texts(engine, "Test.Gr")


def test_commands_after_pipes_and_inside_blocks(engine):
    assert texts(engine, "Get-Date | Get-TestTh") == ["Get-TestThing"]
    assert texts(engine, "if ($true) { Get-TestTh") == ["Get-TestThing"]
    assert texts(engine, "@{ a = Get-TestTh") == ["Get-TestThing"]


# --- parameters ------------------------------------------------------------------------

def test_parameters_with_types_and_common_parameters_last(engine):
    items = engine.complete("Get-TestThing -").items
    names = [item.text for item in items]
    assert names[:3] == ["-Name", "-Id", "-Kind"]
    assert "-Hidden" not in names  # DontShow
    assert names.index("-Verbose") > names.index("-Kind")
    assert items[0].description == "[String]"


def test_parameters_narrowed_by_the_sets_named_arguments_leave(engine):
    after_body = texts(engine, "New-TestGrant -BodyParameter @{} -")
    assert "-ClientId" not in after_body and "-ConsentType" not in after_body
    assert {"-Headers", "-WhatIf", "-Confirm"} <= set(after_body)
    after_client = texts(engine, "New-TestGrant -ClientId x -")
    assert "-BodyParameter" not in after_client and "-ConsentType" in after_client
    assert "-ClientId" not in after_client  # already bound


def test_parameters_narrowed_by_positional_arguments(engine):
    # "foo" binds by position to -Name (position 0 of the default set ByName),
    # which leaves only ByName: ById's -Id is no longer offered.
    assert "-Id" not in texts(engine, "Get-TestThing foo -")
    assert texts(engine, "Get-TestThing -Id 3 -Na") == []


def test_parameter_prefix_and_alias(engine):
    assert texts(engine, "New-TestGrant -Cons") == ["-ConsentType"]
    items = engine.complete("New-TestGrant -EnvironmentN").items
    assert [item.text for item in items] == ["-EnvironmentName"]
    assert "alias of -Environment" in items[0].description


# --- values ----------------------------------------------------------------------------

def test_validate_set_values(engine):
    assert texts(engine, "New-TestGrant -Environment Az") == ["AzureCloud", "AzureChina", "'Azure US Gov'"]
    assert texts(engine, "New-TestGrant -Environment:AzureCh") == ["AzureChina"]
    assert texts(engine, "New-TestGrant -Environment 'Azure U") == ["'Azure US Gov'"]


def test_enum_and_boolean_values(engine):
    assert texts(engine, "New-TestGrant -Level DarkG") == ["DarkGray", "DarkGreen"]
    assert texts(engine, "New-TestGrant -Enabled ") == ["$true", "$false"]
    assert texts(engine, "New-TestGrant -WhatIf:") == ["$true", "$false"]
    assert texts(engine, "Get-Command -ErrorAction Sil") == ["SilentlyContinue"]


def test_positional_value_completion(engine):
    assert texts(engine, "Get-TestThing foo B") == ["Beta"]


def test_switches_take_no_value(engine, tmp_path, session):
    (tmp_path / "file.txt").write_text("")
    session.context.session.location = str(tmp_path)
    # After a switch the next word is positional (here: a path).
    assert texts(engine, "New-TestGrant -WhatIf fi") == ["./file.txt"]


# --- variables and members ---------------------------------------------------------------

def test_variables_and_their_types(engine, session):
    session.run("$credential = 5; $cred2 = 'x'")
    items = engine.complete("$cre").items
    assert [item.text for item in items] == ["$cred2", "$credential"]
    assert items[1].description == "[Int32]"
    assert texts(engine, "Write-Output $credent") == ["$credential"]
    assert texts(engine, '"value: $credent') == ["$credential"]
    assert texts(engine, "@credent") == ["@credential"]


def test_environment_and_scoped_variables(engine, session, monkeypatch):
    monkeypatch.setenv("PWSHLIKE_TEST_VALUE", "1")
    assert texts(engine, "$env:PWSHLIKE_TEST_V") == ["$env:PWSHLIKE_TEST_VALUE"]
    session.run("$global:zeta_value = 1")
    assert texts(engine, "$global:zeta_v") == ["$global:zeta_value"]


def test_members_of_a_variables_value(engine, session):
    session.run("$token = [pscustomobject]@{ AccessToken = 'abc'; ExpiresOn = 1 }")
    assert texts(engine, "$token.Acc") == ["AccessToken"]
    assert texts(engine, "$token.AccessToken.Len") == ["Length"]
    assert "ToUpper(" in texts(engine, "$token.AccessToken.ToU")
    session.run("$h = @{ alpha = 1 }")
    assert texts(engine, "$h.al") == ["alpha"]
    assert texts(engine, "$undefined.Foo") == []


# --- hashtable keys ----------------------------------------------------------------------

def test_body_parameter_keys_from_the_property_names_protocol(engine):
    assert texts(engine, "New-TestGrant -BodyParameter @{ c") == ["clientId", "consentType"]
    items = engine.complete("New-TestGrant -BodyParameter @{ clientId = 'x'; ").items
    assert [item.text for item in items] == ["consentType", "principalId", "resourceId", "scope"]
    assert items[0].description == "Property of ITestGrant"
    multi_line = "New-TestGrant -BodyParameter @{\n  clientId = 'x'\n  consentType = 'Principal'\n  "
    assert texts(engine, multi_line) == ["principalId", "resourceId", "scope"]


def test_hashtable_values_are_not_keys(engine):
    assert texts(engine, "New-TestGrant -BodyParameter @{ clientId = Get-TestTh") == ["Get-TestThing"]


def test_reference_graph_command(engine):
    """The bundled plugin's New-MgOauth2PermissionGrant, as the end-to-end
    test types it."""
    assert texts(engine, "New-MgOauth2Perm") == ["New-MgOauth2PermissionGrant"]
    assert texts(engine, "New-MgOauth2PermissionGrant -Cons") == ["-ConsentType"]


# --- paths -----------------------------------------------------------------------------

def test_file_paths(engine, session, tmp_path):
    (tmp_path / "docs dir").mkdir()
    (tmp_path / "data.txt").write_text("")
    (tmp_path / ".hidden").write_text("")
    (tmp_path / "docs dir" / "inner.md").write_text("")
    session.context.session.location = str(tmp_path)
    assert texts(engine, "Get-Content d") == ["'./docs dir/'", "./data.txt"]
    assert texts(engine, "Get-Content ./docs` dir/") == []  # escaped spaces are not paths we parse
    assert texts(engine, "Get-Content 'docs dir/i") == ["'docs dir/inner.md'"]
    assert texts(engine, "Get-Content .h") == ["./.hidden"]
    assert texts(engine, f"Get-Content {tmp_path}/da") == [f"{tmp_path}/data.txt"]
    assert texts(engine, "./da") == ["./data.txt"]


def test_unknown_commands_complete_paths(engine, session, tmp_path):
    (tmp_path / "notes.txt").write_text("")
    session.context.session.location = str(tmp_path)
    assert texts(engine, "some-program no") == ["./notes.txt"]


def test_programs_on_path(engine, monkeypatch, tmp_path):
    program = tmp_path / "pwshlike-test-tool"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    (tmp_path / "pwshlike-test-data").write_text("")
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ.get("PATH", ""))
    engine.new_prompt()
    assert texts(engine, "pwshlike-test-") == ["pwshlike-test-tool"]


def test_nothing_after_an_expression(engine):
    assert texts(engine, "1 + ") == []


def test_completion_imports_no_plugin_implementation_for_names(engine):
    before = set(sys.modules)
    texts(engine, "New-Mg")
    texts(engine, "")
    assert not [name for name in set(sys.modules) - before if "msgraph" in name or "partnercenter" in name]


def test_body_parameter_keys_of_the_graph_grant(engine):
    assert texts(engine, "New-MgOauth2PermissionGrant -BodyParameter @{ c") == ["clientId", "consentType"]
    assert texts(engine, "New-MgOauth2PermissionGrant -BodyParameter @{ clientId = 'x'; re") == ["resourceId"]
