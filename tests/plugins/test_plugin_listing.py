"""Get-PwshlikePlugin: one object per registered plugin (name, distribution,
version, modules, location, source, hooks) with a table view, read from
what registration recorded, so that listing imports no plugin's cmdlets."""

from __future__ import annotations

import sys
import textwrap

from pwshlike.plugins import discovery

GREETINGS_INIT = """
    from pwshlike.plugin import hookimpl

    __version__ = "2.5.0"

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Greetings", "1.0", commands={"Get-Greeting": "greetings.cmdlets:GetGreeting"})
"""

GREETINGS_CMDLETS = """
    from pwshlike.plugin import Cmdlet, Parameter, cmdlet

    @cmdlet("Get-Greeting")
    class GetGreeting(Cmdlet):
        '''Says hello.'''
        name = Parameter("String", position=0)

        def process_record(self):
            yield f"Hello {self.name}"
"""


def _greetings(env) -> str:
    package = env.plugin_dir / "greetings"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(GREETINGS_INIT))
    (package / "cmdlets.py").write_text(textwrap.dedent(GREETINGS_CMDLETS))
    return str(package)


def test_a_user_plugin_is_listed_with_its_folder_modules_and_version_without_importing_its_cmdlets(env):
    folder = _greetings(env)
    session = env.session()
    [info] = session.run("Get-PwshlikePlugin greetings")
    assert session.text("$p = Get-PwshlikePlugin greetings; $p.Name; $p.Version; $p.Source; $p.Location; "
                        "$p.Modules; $p.Hooks; $null -eq $p.Distribution") == [
        "greetings", "2.5.0", "UserDirectory", folder, "Greetings", "pwshlike_add_modules", "True"]
    assert session.text("(Get-PwshlikePlugin greetings).GetType().FullName; "
                        "(Get-PwshlikePlugin greetings).PSObject.TypeNames[0]") == ["Pwshlike.PluginInfo"] * 2
    session.run("Get-PwshlikePlugin | Format-List * | Out-String")
    assert "greetings.cmdlets" not in sys.modules, "listing plugins reads no command code"
    assert session.text("Get-Greeting Ann") == ["Hello Ann"]


def test_an_entry_point_plugin_shows_its_distribution_and_version(env):
    from importlib.metadata import entry_points
    [ep] = [ep for ep in entry_points(group="pwshlike") if ep.name == "partnercenter"]
    session = env.session()
    assert session.text("$p = Get-PwshlikePlugin partnercenter; $p.Distribution; $p.Version; $p.Source; "
                        "$p.Modules") == [ep.dist.name, ep.dist.version, "EntryPoint", "PartnerCenter"]
    import pwshlike_partnercenter
    assert session.text("(Get-PwshlikePlugin partnercenter).Location") == [
        pwshlike_partnercenter.__file__.rpartition("/")[0]]


def test_the_built_in_commands_are_a_plugin_too(env):
    session = env.session()
    names = session.text("Get-PwshlikePlugin | ForEach-Object Name")
    assert names[0] == "pwshlike.builtins" and {"partnercenter", "msgraph"} <= set(names)
    modules = session.text("(Get-PwshlikePlugin pwshlike.builtins).Modules")
    assert "Microsoft.PowerShell.Utility" in modules and "Pwshlike.Plugins" in modules
    assert session.text("(Get-PwshlikePlugin pwshlike.builtins).Source") == ["BuiltIn"]


def test_the_default_view_is_a_table_of_name_version_source_and_modules(env):
    _greetings(env)
    session = env.session()
    text = session.text("Get-PwshlikePlugin greetings | Out-String")[0]
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    assert lines[0].split() == ["Name", "Version", "Source", "Modules"]
    assert lines[2].split() == ["greetings", "2.5.0", "UserDirectory", "{Greetings}"]


def test_names_take_wildcards_and_an_unknown_name_is_a_non_terminating_error(env):
    session = env.session()
    assert session.text("Get-PwshlikePlugin part*, nosuch, msg* | ForEach-Object Name; 'after'") == [
        "msgraph", "partnercenter", "after"]
    [error] = session.errors()
    assert error.fully_qualified_error_id == "PluginNotFound,Microsoft.PowerShell.Commands.GetPwshlikePluginCommand"
    assert str(error.category_info.category) == "ObjectNotFound"
    assert str(error) == ("Cannot find a plugin with the name 'nosuch'. Run Get-PwshlikePlugin to list the "
                          "registered plugins.")
    assert session.text("Get-PwshlikePlugin zz*; $Error.Count") == ["1"], "a wildcard matching nothing is silent"


def test_a_plugin_that_failed_to_register_is_not_listed(env):
    env.add_user_plugin("broken", "raise ImportError('missing dependency')\n")
    session = env.session()
    assert session.text("Get-PwshlikePlugin br*") == []
    assert any("'broken'" in w for w in session.warnings())


def test_the_entry_point_cache_keeps_distribution_and_version(tmp_path, monkeypatch):
    scans: list[int] = []
    monkeypatch.setattr(discovery, "_scan_entry_points",
                        lambda: scans.append(1) or [("one", "pkg_one", "pkg-one", "1.2.3")])
    environ = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    discovery.entry_point_sources(environ)
    [source] = discovery.entry_point_sources(environ)
    assert len(scans) == 1, "the second start read the cache"
    assert (source.distribution, source.version, source.kind) == ("pkg-one", "1.2.3", "EntryPoint")
    assert source.origin == "entry point 'one = pkg_one' of pkg-one 1.2.3"


def test_a_cache_written_by_an_older_pwshlike_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(discovery, "_scan_entry_points", lambda: [("one", "pkg_one", "pkg-one", "1.2.3")])
    environ = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    discovery.entry_point_sources(environ)
    [cache] = list((tmp_path / "cache" / "pwshlike").iterdir())
    lines = cache.read_text().split("\n")
    cache.write_text("\n".join(["pwshlike-entry-points 1", lines[1], "one\tpkg_one\tpkg-one 1.2.3", ""]))
    [source] = discovery.entry_point_sources(environ)
    assert (source.distribution, source.version) == ("pkg-one", "1.2.3")
    assert cache.read_text().split("\n")[0] == "pwshlike-entry-points 2", "rewritten in the new format"


def test_a_plugin_object_registered_by_an_application_is_located_by_its_hooks(env):
    import types as pytypes

    from pwshlike.plugin import hookimpl

    @hookimpl
    def pwshlike_session_start(context):
        pass

    plugin = pytypes.SimpleNamespace(pwshlike_session_start=pwshlike_session_start)
    session = env.session(env.host([("embedded", plugin)]))
    assert session.text("$p = Get-PwshlikePlugin embedded; $p.Source; $p.Location; $p.Hooks; "
                        "$null -eq $p.Version") == ["Registered", __file__, "pwshlike_session_start", "True"]
