"""Scope strings to resources, as Azure AD v2.0 reads them.

A scope names a resource by its identifier (``https://graph.microsoft.com/
User.Read``), its app id (``fa3d9a0c-.../.default``) or ``api://<appId>``;
a bare name (``User.Read``) is a Microsoft Graph scope; ``openid``,
``profile``, ``email`` and ``offline_access`` name no resource.  One request
may name one resource only (AADSTS28000), and client credentials take only
``<resource>/.default`` (AADSTS1002012).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .directory import OIDC_SCOPES, Directory, Resource
from .errors import (
    client_credentials_scope, default_scope_combined, invalid_scope, missing_parameter, multiple_resources,
    resource_not_found)

DEFAULT = ".default"


@dataclass(frozen=True)
class ScopeRequest:
    """What a user-flow request asks for."""
    resource: Resource
    names: tuple[str, ...]        # delegated scopes named explicitly (canonical spelling)
    default: bool                 # <resource>/.default: every scope already granted
    oidc: frozenset[str]          # openid, profile, email, offline_access
    spelling: Optional[str]       # the prefix as the client wrote it; None for bare Graph names

    def qualified(self, name: str) -> str:
        """A scope in the client's own spelling, so msal's cache finds the
        token again under the scopes it asked for."""
        return name if self.spelling is None else f"{self.spelling}/{name}"


def _split(text: Optional[str]) -> list[str]:
    words = (text or "").split()
    if not words:
        raise missing_parameter("scope")
    return words


def _resource_of(directory: Directory, word: str, tenant_name: str) -> tuple[Resource, Optional[str], str]:
    """(resource, prefix as spelled or None, value after the prefix)."""
    if "/" not in word:
        return directory.graph, None, word
    prefix, _, value = word.rpartition("/")
    resource = directory.resource_for_prefix(prefix)
    if resource is None:
        raise resource_not_found(prefix.rstrip("/"), tenant_name)
    return resource, prefix.rstrip("/"), value


def parse(directory: Directory, text: Optional[str], tenant_name: str) -> ScopeRequest:
    """Read a delegated (user-flow) scope string; raise Azure AD's error for
    an unknown resource or scope, or for more than one resource."""
    words = _split(text)
    oidc = frozenset(w.lower() for w in words if w.lower() in OIDC_SCOPES)
    resources: dict[str, Resource] = {}
    names: list[str] = []
    default = False
    spelling: Optional[str] = None
    for word in words:
        if word.lower() in OIDC_SCOPES:
            continue
        resource, prefix, value = _resource_of(directory, word, tenant_name)
        resources[resource.app_id] = resource
        if spelling is None:
            spelling = prefix
        if value == DEFAULT and prefix is not None:
            default = True
            continue
        name = resource.scope(value)
        if name is None or name.lower() in OIDC_SCOPES:
            raise invalid_scope(word)
        names.append(name)
    if len(resources) > 1:
        raise multiple_resources(" ".join(words))
    if default and names:
        raise default_scope_combined(" ".join(words))
    resource = next(iter(resources.values()), directory.graph)  # only OIDC scopes: Graph, as Azure AD does
    return ScopeRequest(resource, tuple(dict.fromkeys(names)), default, oidc, spelling)


def parse_client_credentials(directory: Directory, text: Optional[str], tenant_name: str) -> Resource:
    """Read a client-credentials scope: exactly one ``<resource>/.default``."""
    words = _split(text)
    resources: dict[str, Resource] = {}
    for word in words:
        if not word.endswith("/" + DEFAULT):
            raise client_credentials_scope(word)
        resource, _, _ = _resource_of(directory, word, tenant_name)
        resources[resource.app_id] = resource
    if len(resources) > 1:
        raise multiple_resources(" ".join(words))
    return next(iter(resources.values()))
