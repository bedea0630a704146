"""The emulated directory: tenants, users, applications, resources, grants.

Identifiers are uuid5 values derived from names, so the partner tenant, the
apps and the users have the same ids on every run and docs and tests can
name them; secrets, passwords and keys are random per fresh state.

The seed models a Cloud Solution Provider: a partner tenant whose admin
agents hold delegated admin privileges (DAP) in three customer tenants, a
confidential multi-tenant app and a public client registered in the partner
tenant and consented everywhere, a multi-tenant "Contoso Partner Portal"
consented nowhere (what a consent script grants), Microsoft's first-party
resources (Graph, Partner Center, Exchange Online) with their real app ids
and identifiers, and Exchange Online PowerShell's well-known public client.

Service principals and contracts are not stored: they follow from the
applications, resources and tenants, so a state file needs no more than
those.  Two service principals of the partner tenant carry the object ids
of the New-MgOauth2PermissionGrant reference page, so its example runs
verbatim.
"""

from __future__ import annotations

import base64
import secrets
import string
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

NAMESPACE = uuid.UUID("6f1c0a52-1b8e-5d0e-9a51-7077736c696b")  # fixed: the ids below depend on it

GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
PARTNER_CENTER_APP_ID = "fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd"
EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000"
EXCHANGE_POWERSHELL_CLIENT_ID = "a0c73c16-a7e3-4564-9a95-2bdf47383716"
MICROSOFT_SERVICES_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a"  # home of Microsoft's first-party apps

ALL_PRINCIPALS = "AllPrincipals"  # a tenant-wide (admin) consent, as Graph's consentType names it

# OpenID Connect scopes: they name no resource and need no consent.
OIDC_SCOPES = frozenset({"openid", "profile", "email", "offline_access"})


def stable_id(*parts: str) -> str:
    """A deterministic id for a named object: the same name, the same id, every run."""
    return str(uuid.uuid5(NAMESPACE, "/".join(p.lower() for p in parts)))


@dataclass
class Tenant:
    id: str
    display_name: str
    domain: str
    is_partner: bool = False
    requires_mfa: bool = False   # conditional access: refresh-token sign-ins need MFA


@dataclass
class User:
    id: str
    tenant_id: str
    upn: str
    display_name: str
    password: str
    admin_agent: bool = False     # holds DAP: may sign in to the partner's customer tenants
    tokens_valid_from: float = 0.0  # revokeSignInSessions moves it; older refresh tokens die


@dataclass
class Resource:
    """A resource API (the service principal that tokens are issued for)."""
    app_id: str
    identifier: str            # the audience and scope prefix, e.g. https://graph.microsoft.com
    display_name: str
    scopes: tuple[str, ...] = ()   # delegated permissions
    roles: tuple[str, ...] = ()    # application permissions

    def scope(self, name: str) -> Optional[str]:
        """The scope's canonical spelling, matched case-insensitively as Azure AD does."""
        lowered = name.lower()
        return next((s for s in self.scopes if s.lower() == lowered), None)


@dataclass
class AppCertificate:
    """A certificate credential.  The private key is kept too: the seeded app's
    PFX is (re)written to the certificate store from it."""
    certificate_pem: str
    key_pem: str
    _certificate: Any = field(default=None, repr=False, compare=False)

    @property
    def certificate(self) -> Any:
        if self._certificate is None:
            from .keys import certificate_from_pem
            self._certificate = certificate_from_pem(self.certificate_pem)
        return self._certificate

    @property
    def thumbprint(self) -> str:
        from .keys import sha1_thumbprint
        return sha1_thumbprint(self.certificate)


@dataclass
class Application:
    app_id: str
    display_name: str
    home_tenant_id: str
    public_client: bool
    redirect_uris: list[str] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)
    certificates: list[AppCertificate] = field(default_factory=list)
    tenants: set[str] = field(default_factory=set)   # where it has a service principal


@dataclass
class DelegatedGrant:
    """An oauth2PermissionGrant: delegated scopes of one resource, for one
    client, in one tenant, for all users (admin consent) or one user.  The
    scopes keep their order: Graph returns ``scope`` as it was written."""
    tenant_id: str
    client_id: str
    resource_app_id: str
    principal: str              # ALL_PRINCIPALS or a user id
    scopes: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What makes a grant unique (Graph's 409 for a second one)."""
        return self.tenant_id, self.client_id, self.resource_app_id, self.principal


@dataclass(frozen=True)
class ServicePrincipal:
    """An application's or resource's instance in one tenant; ``clientId``
    and ``resourceId`` of a grant name these objects, not app ids."""
    id: str
    tenant_id: str
    app_id: str
    display_name: str
    owner_tenant_id: str
    resource: Optional[Resource]   # its delegated scopes and app roles, when it is an API


@dataclass(frozen=True)
class Contract:
    """The partner's relationship with a customer tenant (Graph's /contracts)."""
    id: str
    customer: Tenant
    contract_type: str = "ResellerPartner"


@dataclass
class AppRoleGrant:
    """Application permissions granted (by admin consent) to a client in a tenant."""
    tenant_id: str
    client_id: str
    resource_app_id: str
    roles: set[str] = field(default_factory=set)


GRAPH_SCOPES = (
    "User.Read", "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "User.RevokeSessions.All",
    "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All",
    "DelegatedPermissionGrant.ReadWrite.All", "Application.Read.All", "Application.ReadWrite.All",
    "Group.Read.All", "Group.ReadWrite.All", "Organization.Read.All", "Mail.Read", "Mail.Send",
    "Calendars.Read", "Files.Read.All", "openid", "profile", "email", "offline_access",
)
GRAPH_ROLES = (
    "User.Read.All", "User.ReadWrite.All", "User.RevokeSessions.All", "Directory.Read.All",
    "Directory.ReadWrite.All", "Application.Read.All", "Application.ReadWrite.All",
    "DelegatedPermissionGrant.ReadWrite.All", "Group.Read.All", "Organization.Read.All", "Mail.Read",
)


class Directory:
    """Every tenant, user, app and grant, with the lookups the endpoints need."""

    def __init__(self) -> None:
        self.tenants: dict[str, Tenant] = {}
        self.users: dict[str, User] = {}
        self.applications: dict[str, Application] = {}
        self.resources: dict[str, Resource] = {}
        self.delegated_grants: list[DelegatedGrant] = []
        self.app_role_grants: list[AppRoleGrant] = []
        self.partner_tenant_id = ""
        self.partner_admin_id = ""
        self.confidential_app_id = ""
        self.public_client_id = ""
        self.extra_user_password = ""
        self._index()

    # -- indexes: rebuilt after seeding or loading, so lookups are dictionary hits

    def _index(self) -> None:
        self._index_names()
        self._index_service_principals()
        self._grants_by_key: dict[tuple[str, str, str, str], DelegatedGrant] = {
            g.key: g for g in self.delegated_grants}

    def _index_names(self) -> None:
        self._tenant_aliases: dict[str, Tenant] = {}
        for tenant in self.tenants.values():
            self._tenant_aliases[tenant.id.lower()] = tenant
            self._tenant_aliases[tenant.domain.lower()] = tenant
        self._users_by_upn: dict[str, User] = {u.upn.lower(): u for u in self.users.values()}
        self._resource_prefixes: dict[str, Resource] = {}
        for resource in self.resources.values():
            for prefix in (resource.identifier, resource.app_id, f"api://{resource.app_id}"):
                self._resource_prefixes[prefix.lower().rstrip("/")] = resource

    def _index_service_principals(self) -> None:
        self._principals: dict[str, ServicePrincipal] = {}
        self._principals_by_app: dict[tuple[str, str], ServicePrincipal] = {}
        for tenant in self.tenants.values():
            named: dict[str, tuple[str, str]] = {
                r.app_id: (r.display_name, MICROSOFT_SERVICES_TENANT_ID) for r in self.resources.values()}
            named.update({a.app_id: (a.display_name, a.home_tenant_id) for a in self.applications.values()
                          if tenant.id in a.tenants})
            for app_id, (name, owner) in named.items():
                principal = ServicePrincipal(self.service_principal_id(tenant.id, app_id), tenant.id, app_id, name,
                                             owner, self.resources.get(app_id))
                self._principals[principal.id] = principal
                self._principals_by_app[(tenant.id, app_id)] = principal

    def reindex(self) -> None:
        self._index()

    def tenant(self, alias: str) -> Optional[Tenant]:
        """The tenant a path segment names: its id or its domain."""
        return self._tenant_aliases.get(alias.lower())

    def user_by_upn(self, upn: str) -> Optional[User]:
        return self._users_by_upn.get(upn.strip().lower())

    def user_by_id_or_upn(self, key: str) -> Optional[User]:
        return self.users.get(key.lower()) or self.user_by_upn(key)

    def resource_for_prefix(self, prefix: str) -> Optional[Resource]:
        """The resource a scope prefix names: identifier, app id or api://app id."""
        return self._resource_prefixes.get(prefix.lower().rstrip("/"))

    @property
    def graph(self) -> Resource:
        return self.resources[GRAPH_APP_ID]

    @property
    def partner_tenant(self) -> Tenant:
        return self.tenants[self.partner_tenant_id]

    @property
    def customer_tenants(self) -> list[Tenant]:
        return [t for t in self.tenants.values() if not t.is_partner]

    @property
    def partner_admin(self) -> User:
        return self.users[self.partner_admin_id]

    @property
    def confidential_app(self) -> Application:
        return self.applications[self.confidential_app_id]

    def tenants_for(self, user: User) -> list[str]:
        """Where ``user`` may sign in: the home tenant, and with DAP every customer."""
        home = self.tenants[user.tenant_id]
        if user.admin_agent and home.is_partner:
            return [home.id] + [t.id for t in self.customer_tenants]
        return [home.id]

    def service_principal_id(self, tenant_id: str, app_id: str) -> str:
        """The object id of ``app_id``'s service principal in ``tenant_id`` (the
        ``oid`` of its app-only tokens)."""
        if tenant_id == self.partner_tenant_id and app_id in REFERENCE_SERVICE_PRINCIPALS:
            return REFERENCE_SERVICE_PRINCIPALS[app_id]
        return stable_id("service-principal", tenant_id, app_id)

    def service_principals(self, tenant_id: str) -> list[ServicePrincipal]:
        return [p for p in self._principals.values() if p.tenant_id == tenant_id]

    def service_principal(self, tenant_id: str, object_id: str) -> Optional[ServicePrincipal]:
        """The service principal with this object id, if it is in ``tenant_id``."""
        principal = self._principals.get(object_id.strip().lower())
        return principal if principal is not None and principal.tenant_id == tenant_id else None

    def principal_of(self, tenant_id: str, app_id: str) -> ServicePrincipal:
        return self._principals_by_app[(tenant_id, app_id)]

    def tenant_users(self, tenant_id: str) -> list[User]:
        return [u for u in self.users.values() if u.tenant_id == tenant_id]

    def contracts(self, tenant_id: str) -> list[Contract]:
        """The partner tenant's customers; a customer tenant has none."""
        if tenant_id != self.partner_tenant_id:
            return []
        return [Contract(stable_id("contract", tenant_id, t.id), t) for t in self.customer_tenants]

    # -- oauth2PermissionGrants: consent as Graph shows and changes it

    def grant_id(self, grant: DelegatedGrant) -> str:
        """Graph's id of a grant: base64url of the client's and the resource's
        service principal ids (and the user's, for Principal), as .NET lays
        GUIDs out in bytes.  The same grant has the same id every run."""
        parts = [self.principal_of(grant.tenant_id, grant.client_id).id,
                 self.principal_of(grant.tenant_id, grant.resource_app_id).id]
        if grant.principal != ALL_PRINCIPALS:
            parts.append(grant.principal)
        raw = b"".join(uuid.UUID(part).bytes_le for part in parts)
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    def grant_by_id(self, tenant_id: str, grant_id: str) -> Optional[DelegatedGrant]:
        """The grant ``grant_id`` names in ``tenant_id`` (decoded, not searched)."""
        try:
            raw = base64.urlsafe_b64decode(grant_id + "=" * (-len(grant_id) % 4))
        except ValueError:
            return None
        if len(raw) not in (32, 48):
            return None
        ids = [str(uuid.UUID(bytes_le=raw[i:i + 16])) for i in range(0, len(raw), 16)]
        client, resource = self.service_principal(tenant_id, ids[0]), self.service_principal(tenant_id, ids[1])
        if client is None or resource is None:
            return None
        principal = ids[2] if len(ids) == 3 else ALL_PRINCIPALS
        return self._grants_by_key.get((tenant_id, client.app_id, resource.app_id, principal))

    def tenant_grants(self, tenant_id: str) -> list[DelegatedGrant]:
        return [g for g in self.delegated_grants if g.tenant_id == tenant_id]

    def add_grant(self, grant: DelegatedGrant) -> bool:
        """Add a grant; False (nothing added) when one with its key exists."""
        if grant.key in self._grants_by_key:
            return False
        self.delegated_grants.append(grant)
        self._grants_by_key[grant.key] = grant
        return True

    def remove_grant(self, grant: DelegatedGrant) -> None:
        self.delegated_grants.remove(grant)
        del self._grants_by_key[grant.key]

    def granted_scopes(self, tenant_id: str, client_id: str, resource_app_id: str, user_id: str) -> set[str]:
        """Delegated scopes ``client_id`` holds for the user: admin consent plus
        the user's own."""
        granted: set[str] = set()
        for principal in (ALL_PRINCIPALS, user_id):
            grant = self._grants_by_key.get((tenant_id, client_id, resource_app_id, principal))
            if grant is not None:
                granted.update(grant.scopes)
        return granted

    def grant_scopes(self, tenant_id: str, client_id: str, resource_app_id: str, principal: str,
                     scopes: Iterable[str]) -> None:
        """Record consent (what the consent page's Accept does)."""
        grant = self._grants_by_key.get((tenant_id, client_id, resource_app_id, principal))
        if grant is None:
            self.add_grant(DelegatedGrant(tenant_id, client_id, resource_app_id, principal, sorted(scopes)))
        else:
            grant.scopes.extend(s for s in scopes if s not in grant.scopes)

    def granted_roles(self, tenant_id: str, client_id: str, resource_app_id: str) -> set[str]:
        roles: set[str] = set()
        for grant in self.app_role_grants:
            if (grant.tenant_id, grant.client_id, grant.resource_app_id) == (tenant_id, client_id, resource_app_id):
                roles |= grant.roles
        return roles

    def add_extra_users(self, count: int) -> None:
        """Seed ``user0001``... in the partner tenant (load tests sign them in
        with login_hint); they share one password, kept in the state."""
        if not self.extra_user_password:
            self.extra_user_password = new_password()
        domain = self.partner_tenant.domain
        for number in range(1, count + 1):
            upn = f"user{number:04d}@{domain}"
            if self.user_by_upn(upn) is None:
                user = User(stable_id("user", upn), self.partner_tenant_id, upn, f"Test User {number:04d}",
                            self.extra_user_password)
                self.users[user.id] = user
        self._index()


def new_password() -> str:
    """A random password meeting Azure AD's complexity rules."""
    alphabet = string.ascii_letters + string.digits
    core = "".join(secrets.choice(alphabet) for _ in range(14))
    return f"{secrets.choice(string.ascii_uppercase)}{core}{secrets.choice('!#%+-=?@')}{secrets.randbelow(10)}"


def new_client_secret() -> str:
    """A random secret shaped like the portal's (``xxx8Q~`` and 34 more
    characters, some of them ``~ . _ -`` that must survive form encoding)."""
    alphabet = string.ascii_letters + string.digits + "~._-"
    head = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(3))
    return head + "8Q~" + "".join(secrets.choice(alphabet) for _ in range(34))


def new_app_certificate(common_name: str) -> AppCertificate:
    from .keys import certificate_to_pem, key_to_pem, new_rsa_key, self_signed_certificate
    key = new_rsa_key()
    certificate = self_signed_certificate(key, common_name, days=730)
    return AppCertificate(certificate_to_pem(certificate), key_to_pem(key), certificate)


PARTNER = ("Contoso Partner", "contosopartner.onmicrosoft.com")
CUSTOMERS = (("Fabrikam, Inc.", "fabrikam.onmicrosoft.com", False),
             ("Northwind Traders", "northwindtraders.onmicrosoft.com", False),
             ("Tailspin Toys", "tailspintoys.onmicrosoft.com", True))   # Tailspin: MFA for refresh sign-ins
CONFIDENTIAL_APP_NAME = "Contoso Partner Automation"
PUBLIC_CLIENT_NAME = "Contoso Partner PowerShell"
PORTAL_APP_NAME = "Contoso Partner Portal"
PORTAL_APP_ID = stable_id("application", "portal")
# The object ids the New-MgOauth2PermissionGrant reference page's example names, in the partner tenant.
REFERENCE_SERVICE_PRINCIPALS = {PORTAL_APP_ID: "ef969797-201d-4f6b-960c-e9ed5f31dab5",
                                GRAPH_APP_ID: "943603e4-e787-4fe9-93d1-e30f749aae39"}


def seed(user_count: int = 0) -> Directory:
    """A fresh directory: the partner, its customers, the apps and the grants
    the quickstart needs (admin consent for the seeded apps everywhere)."""
    directory = Directory()
    partner = Tenant(stable_id("tenant", PARTNER[1]), PARTNER[0], PARTNER[1], is_partner=True)
    directory.tenants[partner.id] = partner
    directory.partner_tenant_id = partner.id
    for name, domain, mfa in CUSTOMERS:
        tenant = Tenant(stable_id("tenant", domain), name, domain, requires_mfa=mfa)
        directory.tenants[tenant.id] = tenant

    for tenant in directory.tenants.values():
        upn = f"admin@{tenant.domain}"
        label = "Partner Admin" if tenant.is_partner else f"{tenant.display_name.split(',')[0]} Admin"
        user = User(stable_id("user", upn), tenant.id, upn, label, new_password(), admin_agent=tenant.is_partner)
        directory.users[user.id] = user
        if tenant.is_partner:
            directory.partner_admin_id = user.id

    for resource in (
            Resource(GRAPH_APP_ID, "https://graph.microsoft.com", "Microsoft Graph", GRAPH_SCOPES, GRAPH_ROLES),
            Resource(PARTNER_CENTER_APP_ID, "https://api.partnercenter.microsoft.com", "Microsoft Partner Center",
                     ("user_impersonation",)),
            Resource(EXCHANGE_APP_ID, "https://outlook.office365.com", "Office 365 Exchange Online",
                     ("Exchange.Manage", "EWS.AccessAsUser.All"), ("Exchange.ManageAsApp", "full_access_as_app"))):
        directory.resources[resource.app_id] = resource

    every_tenant = set(directory.tenants)
    confidential = Application(stable_id("application", "confidential"), CONFIDENTIAL_APP_NAME, partner.id,
                               public_client=False, redirect_uris=["http://localhost"],
                               secrets=[new_client_secret()],
                               certificates=[new_app_certificate(f"CN={CONFIDENTIAL_APP_NAME}")],
                               tenants=set(every_tenant))
    public = Application(stable_id("application", "public"), PUBLIC_CLIENT_NAME, partner.id, public_client=True,
                         redirect_uris=["http://localhost"], tenants=set(every_tenant))
    exchange_shell = Application(EXCHANGE_POWERSHELL_CLIENT_ID, "Microsoft Exchange REST API Based Powershell",
                                 MICROSOFT_SERVICES_TENANT_ID, public_client=True,
                                 redirect_uris=["http://localhost", "urn:ietf:wg:oauth:2.0:oob"],
                                 tenants=set(every_tenant))
    portal = Application(PORTAL_APP_ID, PORTAL_APP_NAME, partner.id, public_client=True,
                         redirect_uris=["http://localhost"], tenants=set(every_tenant))
    for app in (confidential, public, exchange_shell, portal):
        directory.applications[app.app_id] = app
    directory.confidential_app_id = confidential.app_id
    directory.public_client_id = public.app_id
    # The confidential app is also an API of its own (api://<appId>/.default).
    directory.resources[confidential.app_id] = Resource(confidential.app_id, f"api://{confidential.app_id}",
                                                        CONFIDENTIAL_APP_NAME)

    partner_graph = {"User.Read", "User.Read.All", "Directory.Read.All", "Directory.AccessAsUser.All",
                     "DelegatedPermissionGrant.ReadWrite.All", "Application.Read.All", "Organization.Read.All",
                     "openid", "profile", "email", "offline_access"}
    customer_graph = {"User.Read", "Directory.Read.All", "Directory.AccessAsUser.All",
                      "DelegatedPermissionGrant.ReadWrite.All", "openid", "profile", "email", "offline_access"}
    for tenant in directory.tenants.values():
        graph = partner_graph if tenant.is_partner else customer_graph
        for client in (confidential.app_id, public.app_id):
            directory.grant_scopes(tenant.id, client, GRAPH_APP_ID, ALL_PRINCIPALS, graph)
            directory.grant_scopes(tenant.id, client, PARTNER_CENTER_APP_ID, ALL_PRINCIPALS, {"user_impersonation"})
        directory.grant_scopes(tenant.id, exchange_shell.app_id, EXCHANGE_APP_ID, ALL_PRINCIPALS,
                               {"Exchange.Manage"})
        roles = ({"Directory.Read.All", "Application.Read.All", "User.Read.All", "Organization.Read.All"}
                 if tenant.is_partner else {"Directory.Read.All"})
        directory.app_role_grants.append(AppRoleGrant(tenant.id, confidential.app_id, GRAPH_APP_ID, roles))
    directory.reindex()
    if user_count:
        directory.add_extra_users(user_count)
    return directory
