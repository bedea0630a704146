"""The services the plugin API gives cmdlets: the shared HTTP client (with
a transport from the ``pwshlike_http_transport`` hook), environments,
types, streaming output and the author-facing registries."""

from __future__ import annotations

import pytest

NETWORK_PLUGIN = """
    import httpx
    from pwshlike.plugin import Cmdlet, Parameter, cmdlet, hookimpl, http_client

    seen = []

    def answer(request):
        seen.append((request.method, str(request.url), request.headers["user-agent"]))
        return httpx.Response(200, json={"value": request.url.path})

    @hookimpl
    def pwshlike_http_transport():
        return httpx.MockTransport(answer)

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Net", "1.0", commands={"Get-Remote": "netplugin:GetRemote"})

    @cmdlet("Get-Remote")
    class GetRemote(Cmdlet):
        '''Fetches paths from a server.'''
        path = Parameter("String[]", position=0, mandatory=True, value_from_pipeline=True)

        def process_record(self):
            client = http_client(self)
            for path in self.path:
                self.write_verbose(f"GET {path}")
                yield client.get("https://api.example.test" + path).json()["value"]
"""


def test_the_shared_http_client_uses_the_hooks_transport(env):
    env.add_user_plugin("netplugin", NETWORK_PLUGIN)
    session = env.session()
    result = session.result("'/a', '/b' | Get-Remote -Verbose; Get-Remote /c")
    assert result.output == ["/a", "/b", "/c"]
    assert result.verbose == ["GET /a", "GET /b"]
    import netplugin
    assert [(m, u) for m, u, _agent in netplugin.seen] == [
        ("GET", "https://api.example.test/a"), ("GET", "https://api.example.test/b"),
        ("GET", "https://api.example.test/c")]
    assert netplugin.seen[0][2].startswith("pwshlike/")
    client = session.plugins.http.client()
    assert session.plugins.http.client() is client, "one client, shared"
    session.plugins.shutdown()
    assert client.is_closed and not session.plugins.http.created


def test_the_first_transport_wins(env):
    import httpx
    from pwshlike.plugin import hookimpl

    class Plugin:
        def __init__(self, status):
            self.status = status

        @hookimpl
        def pwshlike_http_transport(self):
            return httpx.MockTransport(lambda request: httpx.Response(self.status))

    host = env.host([("first", Plugin(201)), ("second", Plugin(202))])
    assert host.http.client().get("https://x.test/").status_code == 202
    host.shutdown()


def test_environments_declared_by_plugins(bundled):
    from pwshlike.plugin import environment
    cloud = environment(bundled.context, "PartnerCenter", "azurechinacloud")
    assert cloud.endpoints["ActiveDirectoryAuthority"] == "https://login.chinacloudapi.cn/"
    assert environment(bundled.context, "MicrosoftGraph", "USGovDoD").endpoints["GraphEndpoint"] == \
        "https://dod-graph.microsoft.us"
    assert environment(bundled.context, "MicrosoftGraph", "Mars") is None
    assert bundled.plugins.environments.names("PartnerCenter") == [
        "AzureCloud", "AzureChinaCloud", "AzureGermanCloud", "AzurePPE", "AzureUSGovernment"]


def test_format_views_declared_by_plugins(bundled):
    views = bundled.plugins.views
    [module_view] = views.views_for(["System.Management.Automation.PSModuleInfo", "System.Object"])
    assert (module_view.kind, [c.label for c in module_view.columns]) == (
        "table", ["ModuleType", "Version", "PreRelease", "Name", "ExportedCommands"])
    [grant_view] = views.views_for(["Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant"])
    assert [c.property for c in grant_view.columns] == ["Id", "ClientId", "ConsentType", "PrincipalId",
                                                        "ResourceId", "Scope"]


def test_view_and_type_declarations_are_checked():
    from pwshlike.plugin import FormatView, ViewColumn
    from pwshlike.plugins.registries import TypeRegistry
    with pytest.raises(ValueError):
        ViewColumn("X")
    with pytest.raises(ValueError):
        FormatView("V", ["T"], "grid", [])
    with pytest.raises(ValueError):
        TypeRegistry().add_class("T", "no colon here")


def test_a_type_without_module_appears_when_its_plugin_registers(env):
    env.add_user_plugin("colors", """
        from pwshlike.plugin import hookimpl

        @hookimpl
        def pwshlike_add_types(types):
            types.add_enum("Contoso.Color", {"Red": 1, "Green": 2, "Blue": 4}, flags=True)
    """)
    session = env.session()
    assert session.text("[Contoso.Color]6; [int][Contoso.Color]'Red'") == ["Green, Blue", "1"]


def test_a_plugin_command_that_fails_to_load_is_a_powershell_error(env):
    env.add_user_plugin("fragile", """
        from pwshlike.plugin import hookimpl

        @hookimpl
        def pwshlike_add_modules(modules):
            modules.add("Fragile", "1.0", commands={"Get-Fragile": "fragile_missing_impl:GetFragile"})
    """)
    session = env.session()
    assert session.text("Import-Module Fragile; Get-Fragile; 'next'") == ["next"]
    [record] = session.errors()
    assert record.fully_qualified_error_id == "PluginCommandLoadFailed"
    assert str(record) == ("The command 'Get-Fragile' of module 'Fragile' (plugin 'fragile') could not be loaded: "
                           "ModuleNotFoundError: No module named 'fragile_missing_impl'")


STREAMS_PLUGIN = """
    from pwshlike.plugin import Cmdlet, cmdlet, hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Streams", "1.0", commands={"Get-StreamState": "streamsplugin:GetStreamState"})

    @cmdlet("Get-StreamState")
    class GetStreamState(Cmdlet):
        '''Says whether verbose and debug output would be seen.'''

        def process_record(self):
            yield f"verbose={self.stream_enabled('verbose')} debug={self.stream_enabled('debug')}"
"""


def test_a_cmdlet_can_ask_whether_verbose_or_debug_output_would_be_seen(env):
    env.add_user_plugin("streamsplugin", STREAMS_PLUGIN)
    session = env.session()
    assert session.text("Get-StreamState; Get-StreamState -Verbose; Get-StreamState -Debug; "
                        "$VerbosePreference = 'Continue'; Get-StreamState; Get-StreamState -Verbose:$false") == [
        "verbose=False debug=False", "verbose=True debug=False", "verbose=False debug=True",
        "verbose=True debug=False", "verbose=False debug=False"]
