"""Graph's read-only directory collections: ``/v1.0/users``,
``/v1.0/servicePrincipals`` and ``/v1.0/contracts``.

They exist so a script can find what a grant needs (the object ids of the
client's and the resource's service principals, a user's id) and, as a
partner, its customer tenants, exactly as it would against Graph.  Each
answers from the caller's tenant only (graph_auth), with the query options
of graph_query and the properties Graph returns by default.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import graph_errors
from .context import EmulatorContext
from .directory import Contract, ServicePrincipal, User, stable_id
from .errors import GraphError
from .graph_auth import READ_APPLICATIONS, READ_DIRECTORY, READ_USERS, Caller, authenticate
from .graph_query import EntitySet, Item, entity, page, read_list_query, read_select
from .web import json_response

_EQ = frozenset({"eq"})
_EQ_STARTS = frozenset({"eq", "startswith"})

USERS = EntitySet(
    "users", "user", "User",
    ("id", "accountEnabled", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
     "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "userType"),
    ("businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
     "preferredLanguage", "surname", "userPrincipalName", "id"),
    {"id": _EQ, "accountEnabled": _EQ, "userType": _EQ, "displayName": _EQ_STARTS, "givenName": _EQ_STARTS,
     "surname": _EQ_STARTS, "mail": _EQ_STARTS, "userPrincipalName": _EQ_STARTS, "jobTitle": _EQ_STARTS},
    frozenset({"displayName", "givenName", "surname", "mail", "userPrincipalName"}))

_PRINCIPAL_PROPERTIES = (
    "id", "accountEnabled", "appDisplayName", "appId", "appOwnerOrganizationId", "appRoleAssignmentRequired",
    "appRoles", "displayName", "oauth2PermissionScopes", "servicePrincipalNames", "servicePrincipalType",
    "signInAudience", "tags")
SERVICE_PRINCIPALS = EntitySet(
    "servicePrincipals", "servicePrincipal", "ServicePrincipal", _PRINCIPAL_PROPERTIES, _PRINCIPAL_PROPERTIES,
    {"id": _EQ, "appId": _EQ, "accountEnabled": _EQ, "appOwnerOrganizationId": _EQ, "servicePrincipalType": _EQ,
     "displayName": _EQ_STARTS},
    frozenset({"displayName"}))

_CONTRACT_PROPERTIES = ("id", "contractType", "customerId", "defaultDomainName", "displayName")
CONTRACTS = EntitySet(
    "contracts", "contract", "Contract", _CONTRACT_PROPERTIES, _CONTRACT_PROPERTIES,
    {"id": _EQ, "contractType": _EQ, "customerId": _EQ, "defaultDomainName": _EQ, "displayName": _EQ_STARTS})


def user_item(user: User) -> Item:
    return {"id": user.id, "accountEnabled": True, "businessPhones": [], "displayName": user.display_name,
            "givenName": None, "jobTitle": None, "mail": user.upn, "mobilePhone": None, "officeLocation": None,
            "preferredLanguage": None, "surname": None, "userPrincipalName": user.upn, "userType": "Member"}


def principal_item(principal: ServicePrincipal) -> Item:
    """Its resource's delegated scopes and app roles are listed, with ids
    derived from their names, so a script can look a permission up."""
    resource = principal.resource
    scopes = resource.scopes if resource else ()
    roles = resource.roles if resource else ()
    names = [principal.app_id] + ([resource.identifier] if resource and resource.identifier != principal.app_id
                                  else [])
    return {
        "id": principal.id, "accountEnabled": True, "appDisplayName": principal.display_name,
        "appId": principal.app_id, "appOwnerOrganizationId": principal.owner_tenant_id,
        "appRoleAssignmentRequired": False,
        "appRoles": [{"allowedMemberTypes": ["Application"], "description": role, "displayName": role,
                      "id": stable_id("app-role", principal.app_id, role), "isEnabled": True, "origin": "Application",
                      "value": role} for role in roles],
        "displayName": principal.display_name,
        "oauth2PermissionScopes": [{"adminConsentDescription": scope, "adminConsentDisplayName": scope,
                                    "id": stable_id("permission-scope", principal.app_id, scope), "isEnabled": True,
                                    "type": "Admin", "userConsentDescription": scope,
                                    "userConsentDisplayName": scope, "value": scope} for scope in scopes],
        "servicePrincipalNames": names, "servicePrincipalType": "Application",
        "signInAudience": "AzureADMultipleOrgs", "tags": [],
    }


def contract_item(contract: Contract) -> Item:
    customer = contract.customer
    return {"id": contract.id, "contractType": contract.contract_type, "customerId": customer.id,
            "defaultDomainName": customer.domain, "displayName": customer.display_name}


Lister = Callable[[EmulatorContext, Caller], list[Item]]
Finder = Callable[[EmulatorContext, Caller, str], Optional[Item]]


def _users(ctx: EmulatorContext, caller: Caller) -> list[Item]:
    return [user_item(u) for u in ctx.directory.tenant_users(caller.tenant.id)]


def _user(ctx: EmulatorContext, caller: Caller, key: str) -> Optional[Item]:
    user = ctx.directory.user_by_id_or_upn(key)
    return user_item(user) if user is not None and user.tenant_id == caller.tenant.id else None


def _principals(ctx: EmulatorContext, caller: Caller) -> list[Item]:
    return [principal_item(p) for p in ctx.directory.service_principals(caller.tenant.id)]


def _principal(ctx: EmulatorContext, caller: Caller, key: str) -> Optional[Item]:
    principal = ctx.directory.service_principal(caller.tenant.id, key)
    return principal_item(principal) if principal is not None else None


def _principal_by_app_id(ctx: EmulatorContext, caller: Caller, app_id: str) -> Optional[Item]:
    found = [p for p in ctx.directory.service_principals(caller.tenant.id) if p.app_id == app_id.strip().lower()]
    return principal_item(found[0]) if found else None


def _contracts(ctx: EmulatorContext, caller: Caller) -> list[Item]:
    return [contract_item(c) for c in ctx.directory.contracts(caller.tenant.id)]


def _contract(ctx: EmulatorContext, caller: Caller, key: str) -> Optional[Item]:
    return next((i for i in _contracts(ctx, caller) if i["id"] == key.strip().lower()), None)


def routes(ctx: EmulatorContext) -> list[Route]:
    base = ctx.settings.endpoint

    def collection(entity_set: EntitySet, allowed: frozenset[str], lister: Lister) -> Callable[..., Any]:
        async def handler(request: Request) -> Response:
            try:
                caller = authenticate(ctx, request)
                caller.require(allowed)
                query = read_list_query(request, entity_set)
            except GraphError as error:
                return graph_errors.graph_error(request, error)
            return json_response(request, page(request, base, entity_set, lister(ctx, caller), query))
        return handler

    def single(entity_set: EntitySet, allowed: frozenset[str], finder: Finder, key: str) -> Callable[..., Any]:
        async def handler(request: Request) -> Response:
            try:
                caller = authenticate(ctx, request)
                caller.require(allowed)
                select = read_select(request, entity_set)
                wanted = request.path_params[key]
                item = finder(ctx, caller, wanted)
                if item is None:
                    raise graph_errors.not_found(wanted)
            except GraphError as error:
                return graph_errors.graph_error(request, error)
            return json_response(request, entity(base, entity_set, item, select))
        return handler

    return [
        Route("/v1.0/users", collection(USERS, READ_USERS, _users), methods=["GET"]),
        Route("/v1.0/users/{user}", single(USERS, READ_USERS, _user, "user"), methods=["GET"]),
        Route("/v1.0/servicePrincipals",
              collection(SERVICE_PRINCIPALS, READ_APPLICATIONS, _principals), methods=["GET"]),
        Route("/v1.0/servicePrincipals(appId='{app_id}')",
              single(SERVICE_PRINCIPALS, READ_APPLICATIONS, _principal_by_app_id, "app_id"), methods=["GET"]),
        Route("/v1.0/servicePrincipals/{principal}",
              single(SERVICE_PRINCIPALS, READ_APPLICATIONS, _principal, "principal"), methods=["GET"]),
        Route("/v1.0/contracts", collection(CONTRACTS, READ_DIRECTORY, _contracts), methods=["GET"]),
        Route("/v1.0/contracts/{contract}", single(CONTRACTS, READ_DIRECTORY, _contract, "contract"),
              methods=["GET"]),
    ]
