"""Cloud environments: where identity requests go, and what they are for.

An environment keeps two things apart that scripts written for Azure mix up
at their peril: *endpoints*, the base URLs requests are sent to (the
authority, Graph, Partner Center), and *resources*, the identifiers tokens are
issued for (the audience, and the prefix of a scope such as
``https://graph.microsoft.com/.default``).  In the public cloud they look
alike; in the emulator the endpoints are ``https://127.0.0.1:PORT`` while the
resources stay the real identifiers, so a script moves between the two by
changing the environment alone.

Plugins declare environments through the ``pwshlike_add_environments`` hook
(``pwshlike.plugins.registries.EnvironmentRegistry`` holds them); the
identity service only reads them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Mapping, Optional, Sequence

__all__ = ["CloudEnvironment"]


class CloudEnvironment:
    """A named cloud a family of cmdlets can talk to.

    ``family`` groups the names one module understands ('PartnerCenter',
    'MicrosoftGraph'); ``name`` is what ``-Environment`` takes ('AzureCloud',
    'Global', 'Emulator'), ``aliases`` further names for it.  ``endpoints``
    maps endpoint names to URLs: 'ActiveDirectoryAuthority' (ends with '/'),
    'GraphEndpoint', 'PartnerCenterEndpoint' (no trailing '/').
    ``resources`` maps resource names to identifiers ('Graph' ->
    'https://graph.microsoft.com').

    ``ca_certificate_path`` is the PEM bundle this environment's TLS is
    verified against (and nothing else), None for the system's trust store;
    ``instance_discovery`` is False where msal must not ask the public cloud
    to validate the authority (AzurePPE, the emulator); ``sign_in_opener``,
    when set, opens a sign-in URL instead of the system browser and says
    whether it did (the emulator's unattended sign-in); ``retired`` marks a
    cloud kept for compatibility only (AzureGermanCloud).
    """

    __slots__ = ("family", "name", "endpoints", "aliases", "resources", "ca_certificate_path",
                 "instance_discovery", "sign_in_opener", "retired", "plugin")

    def __init__(self, family: str, name: str, endpoints: Mapping[str, str], aliases: Sequence[str] = (), *,
                 resources: Optional[Mapping[str, str]] = None, ca_certificate_path: Optional[str] = None,
                 instance_discovery: bool = True, sign_in_opener: Optional[Callable[[str], bool]] = None,
                 retired: bool = False) -> None:
        self.family = family
        self.name = name
        self.endpoints = dict(endpoints)
        self.aliases = tuple(aliases)
        self.resources = dict(resources or {})
        self.ca_certificate_path = ca_certificate_path
        self.instance_discovery = instance_discovery
        self.sign_in_opener = sign_in_opener
        self.retired = retired
        # The plugin that registered it (set by the registry), so that a
        # plugin failing half-way can be forgotten whole.
        self.plugin = ""

    def __repr__(self) -> str:
        return f"CloudEnvironment({self.family!r}, {self.name!r})"

    def authority(self, tenant: str) -> str:
        """The authority URL for ``tenant`` (an id, a verified domain,
        'organizations' or 'common'): 'ActiveDirectoryAuthority' + tenant."""
        try:
            base = self.endpoints["ActiveDirectoryAuthority"]
        except KeyError:
            raise KeyError(f"The environment '{self.name}' declares no ActiveDirectoryAuthority endpoint.") \
                from None
        return base.rstrip("/") + "/" + tenant.strip("/")

    def resource(self, name: str) -> str:
        """The identifier of resource ``name`` (case-insensitive), e.g.
        'Graph' -> 'https://graph.microsoft.com'."""
        low = name.lower()
        for key, identifier in self.resources.items():
            if key.lower() == low:
                return identifier
        raise KeyError(f"The environment '{self.name}' declares no resource named '{name}'.")

    def scope(self, resource_name: str, permission: str) -> str:
        """A scope built from a resource identifier: ``scope('Graph',
        '.default')`` is 'https://graph.microsoft.com/.default'."""
        return self.resource(resource_name).rstrip("/") + "/" + permission.lstrip("/")
