"""A plugin command's Version, Module and HelpUri: the first two read from
the module declaration without importing the command's class; HelpUri
from the CommandSpec or the class's ``@cmdlet(help_uri=...)``."""

from __future__ import annotations

import sys

GREETER = """
    from pwshlike.plugin import CommandSpec, ModuleSpec, hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add(ModuleSpec("Greeter", "1.4.2", commands=[
            CommandSpec("Send-Greeting", "greeter_cmdlets:SendGreeting"),
            CommandSpec("Get-Greeting", "greeter_cmdlets:GetGreeting", help_uri="https://example.test/get"),
        ]))
"""

CMDLETS = """
from pwshlike.plugin import Cmdlet, Parameter, cmdlet


@cmdlet("Send-Greeting", help_uri="https://example.test/send", output_types=("System.String",))
class SendGreeting(Cmdlet):
    '''Greets someone.'''
    name = Parameter("String", position=0, mandatory=True)

    def process_record(self):
        yield f"Hello {self.name}"


@cmdlet("Get-Greeting", help_uri="https://example.test/ignored")
class GetGreeting(Cmdlet):
    '''Gets a greeting.'''
"""


def _session(env, tmp_path, monkeypatch):
    support = tmp_path / "support"
    support.mkdir()
    (support / "greeter_cmdlets.py").write_text(CMDLETS)
    monkeypatch.syspath_prepend(str(support))
    env.add_user_plugin("greeter", GREETER)
    return env.session()


def test_version_and_module_need_no_import(env, tmp_path, monkeypatch):
    session = _session(env, tmp_path, monkeypatch)
    assert session.text("$c = Get-Command Send-Greeting; $c.Version.ToString(); $c.Module.Name; "
                        "$c.Module.Version.ToString(); $c.Source") == ["1.4.2", "Greeter", "1.4.2", "Greeter"]
    assert "greeter_cmdlets" not in sys.modules


def test_the_module_of_an_imported_command_is_the_imported_module(env, tmp_path, monkeypatch):
    session = _session(env, tmp_path, monkeypatch)
    assert session.text("$m = Import-Module Greeter -PassThru; (Get-Command Send-Greeting).Module -eq $m") == [
        "True"]


def test_help_uri_from_the_decorator_or_the_command_spec(env, tmp_path, monkeypatch):
    session = _session(env, tmp_path, monkeypatch)
    assert session.text("(Get-Command Send-Greeting).HelpUri; (Get-Command Get-Greeting).HelpUri") == [
        "https://example.test/send", "https://example.test/get"]
    assert session.text("(Get-Command Send-Greeting).OutputType.Name; "
                        "(Get-Command Send-Greeting).Parameters.Name.ParameterSets.__AllParameterSets.IsMandatory") \
        == ["System.String", "True"]


def test_help_shows_the_help_uri_under_related_links(env, tmp_path, monkeypatch):
    session = _session(env, tmp_path, monkeypatch)
    text = "\n".join(session.text("Get-Help Send-Greeting | Out-String"))
    assert "RELATED LINKS\n    https://example.test/send\n" in text
    assert text.index("RELATED LINKS") < text.index("REMARKS")
    assert "RELATED LINKS\n    https://go.microsoft.com/fwlink/?LinkID=2096615\n" in "\n".join(
        session.text("Get-Help Get-Date | Out-String")), "pwsh's HelpUri of Get-Date"
