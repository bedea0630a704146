"""Graph's read-only directory collections: ``/v1.0/users``,
``/v1.0/servicePrincipals`` and ``/v1.0/contracts``.

They exist so a script can find what a grant needs (the object ids of the
client's and the resource's service principals, a user's id) and, as a
partner, its customer tenants, exactly as it would against Graph.  Each
answers from the caller's tenant only (graph_auth), with the query options
of graph_query and the properties Graph returns by default.
"""

from __future__ import annotations

import dataclasses
from typing import Optional

from starlette.routing import Route

from .context import EmulatorContext
from .directory import Contract, ServicePrincipal, User, stable_id
from .graph_auth import READ_APPLICATIONS, READ_DIRECTORY, READ_USERS, Caller
from .graph_collections import Collection, member_route, read_routes
from .graph_query import EntitySet, Item

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
    frozenset({"displayName", "givenName", "surname", "mail", "userPrincipalName"}),
    frozenset({"displayName", "userPrincipalName"}))

_PRINCIPAL_PROPERTIES = (
    "id", "accountEnabled", "appDisplayName", "appId", "appOwnerOrganizationId", "appRoleAssignmentRequired",
    "appRoles", "displayName", "oauth2PermissionScopes", "servicePrincipalNames", "servicePrincipalType",
    "signInAudience", "tags")
SERVICE_PRINCIPALS = EntitySet(
    "servicePrincipals", "servicePrincipal", "ServicePrincipal", _PRINCIPAL_PROPERTIES, _PRINCIPAL_PROPERTIES,
    {"id": _EQ, "appId": _EQ, "accountEnabled": _EQ, "appOwnerOrganizationId": _EQ, "servicePrincipalType": _EQ,
     "displayName": _EQ_STARTS},
    frozenset({"displayName"}), frozenset({"displayName"}))

_CONTRACT_PROPERTIES = ("id", "contractType", "customerId", "defaultDomainName", "displayName")
CONTRACTS = EntitySet(
    "contracts", "contract", "Contract", _CONTRACT_PROPERTIES, _CONTRACT_PROPERTIES,
    {"id": _EQ, "contractType": _EQ, "customerId": _EQ, "defaultDomainName": _EQ, "displayName": _EQ_STARTS},
    orderable=frozenset({"displayName", "defaultDomainName"}))


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


def routes(ctx: EmulatorContext) -> list[Route]:
    directory = ctx.directory

    def user(caller: Caller, key: str) -> Optional[Item]:
        found = directory.user_by_id_or_upn(key)
        return user_item(found) if found is not None and found.tenant_id == caller.tenant.id else None

    def principal(caller: Caller, key: str) -> Optional[Item]:
        found = directory.service_principal(caller.tenant.id, key)
        return principal_item(found) if found is not None else None

    def principal_by_app_id(caller: Caller, app_id: str) -> Optional[Item]:
        found = [p for p in directory.service_principals(caller.tenant.id) if p.app_id == app_id.strip().lower()]
        return principal_item(found[0]) if found else None

    def contracts(caller: Caller) -> list[Item]:
        return [contract_item(c) for c in directory.contracts(caller.tenant.id)]

    def contract(caller: Caller, key: str) -> Optional[Item]:
        return next((i for i in contracts(caller) if i["id"] == key.strip().lower()), None)

    principals = Collection(SERVICE_PRINCIPALS, READ_APPLICATIONS,
                            lambda caller: [principal_item(p) for p in directory.service_principals(caller.tenant.id)],
                            principal)
    return (read_routes(ctx, Collection(USERS, READ_USERS, lambda caller: [
                user_item(u) for u in directory.tenant_users(caller.tenant.id)], user))
            + read_routes(ctx, principals)
            + [member_route(ctx, dataclasses.replace(principals, finder=principal_by_app_id),
                            "/v1.0/servicePrincipals(appId='{key}')")]
            + read_routes(ctx, Collection(CONTRACTS, READ_DIRECTORY, contracts, contract)))
