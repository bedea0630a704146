"""CloudEnvironment and the registry plugins fill."""

from __future__ import annotations

import pytest

from pwshlike.identity.environments import CloudEnvironment
from pwshlike.plugins.registries import EnvironmentRegistry


def graph_environment(**options) -> CloudEnvironment:
    return CloudEnvironment("MicrosoftGraph", "Emulator", {"ActiveDirectoryAuthority": "https://127.0.0.1:8443/",
                                                           "GraphEndpoint": "https://127.0.0.1:8443"},
                            resources={"Graph": "https://graph.microsoft.com/"}, **options)


def test_the_positional_signature_of_existing_callers_still_works():
    env = CloudEnvironment("PartnerCenter", "AzureCloud", {"ActiveDirectoryAuthority": "https://login.microsoftonline.com/"},
                           ("Public",))
    assert env.aliases == ("Public",) and env.resources == {} and env.ca_certificate_path is None
    assert env.instance_discovery and env.sign_in_opener is None and not env.retired
    assert repr(env) == "CloudEnvironment('PartnerCenter', 'AzureCloud')"


def test_authority_scope_and_resources():
    env = graph_environment(ca_certificate_path="/ca.pem", instance_discovery=False)
    assert env.authority("organizations") == "https://127.0.0.1:8443/organizations"
    assert env.authority("/contoso.example/") == "https://127.0.0.1:8443/contoso.example"
    assert env.resource("graph") == "https://graph.microsoft.com/"
    assert env.scope("Graph", ".default") == "https://graph.microsoft.com/.default"
    with pytest.raises(KeyError, match="no resource named 'Exchange'"):
        env.resource("Exchange")
    with pytest.raises(KeyError, match="ActiveDirectoryAuthority"):
        CloudEnvironment("X", "Y", {}).authority("t")


def test_the_plugin_api_exports_the_same_class():
    import pwshlike.plugin
    import pwshlike.plugins.registries
    assert pwshlike.plugin.CloudEnvironment is CloudEnvironment is pwshlike.plugins.registries.CloudEnvironment


def test_add_replaces_an_environment_of_the_same_family_and_name_in_place():
    registry = EnvironmentRegistry()
    registry.current_plugin = "emulator"
    registry.add(CloudEnvironment("PartnerCenter", "AzureCloud", {}))
    registry.add(graph_environment())
    registry.add(CloudEnvironment("PartnerCenter", "Emulator", {}))
    newer = CloudEnvironment("MicrosoftGraph", "emulator", {"ActiveDirectoryAuthority": "https://127.0.0.1:9999/"})
    registry.add(newer)
    assert registry.get("MicrosoftGraph", "EMULATOR") is newer and newer.plugin == "emulator"
    assert registry.names("MicrosoftGraph") == ["emulator"]
    assert registry.names("PartnerCenter") == ["AzureCloud", "Emulator"]
    assert registry.remove("partnercenter", "emulator") and not registry.remove("PartnerCenter", "Emulator")
    assert registry.names("PartnerCenter") == ["AzureCloud"]
    registry.discard_plugin("emulator")
    assert registry.names("PartnerCenter") == []
