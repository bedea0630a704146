"""``/v1.0/oauth2PermissionGrants``: delegated consent, as Graph creates,
lists, changes and removes it.

A grant here is the same record the token endpoint consults, so granting
through Graph is consenting: a user of the client then gets the scopes
without a consent page, and deleting the grant takes them away.  Graph
names clients and resources by service principal object id, the directory
by app id; this module translates, checks Graph's rules in Graph's order
(body, then ids, then duplicates) and answers with Graph's errors.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .context import EmulatorContext
from .directory import ALL_PRINCIPALS, DelegatedGrant, Directory
from .errors import GraphError
from .graph_auth import READ_GRANTS, WRITE_GRANTS, Caller, authenticate
from .graph_collections import Collection, read_routes
from .graph_errors import (
    duplicate_grant, invalid_value, missing_property, not_found, read_only_property, undeclared_property,
    unreadable_body)
from .graph_query import EntitySet, Item, entity
from .web import graph_error, ids, json_response

RESOURCE = "OAuth2PermissionGrant"
MAX_SCOPE_LENGTH = 3850
PRINCIPAL = "Principal"
_EQ = frozenset({"eq"})

GRANTS = EntitySet(
    "oauth2PermissionGrants", "oAuth2PermissionGrant", RESOURCE,
    ("clientId", "consentType", "id", "principalId", "resourceId", "scope"),
    ("clientId", "consentType", "id", "principalId", "resourceId", "scope"),
    {"clientId": _EQ, "consentType": _EQ, "principalId": _EQ, "resourceId": _EQ})


def grant_item(directory: Directory, grant: DelegatedGrant) -> Item:
    everyone = grant.principal == ALL_PRINCIPALS
    return {"clientId": directory.principal_of(grant.tenant_id, grant.client_id).id,
            "consentType": ALL_PRINCIPALS if everyone else PRINCIPAL, "id": directory.grant_id(grant),
            "principalId": None if everyone else grant.principal,
            "resourceId": directory.principal_of(grant.tenant_id, grant.resource_app_id).id,
            "scope": " ".join(grant.scopes)}


async def _read_body(request: Request) -> dict[str, Any]:
    """The JSON object sent, keyed by Graph's spelling of each property
    (matched case-insensitively); @odata annotations are dropped."""
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise unreadable_body() from None
    if not isinstance(body, dict):
        raise unreadable_body()
    properties: dict[str, Any] = {}
    for name, value in body.items():
        if name.startswith("@odata."):
            continue
        try:
            properties[GRANTS.property(name)] = value
        except GraphError:
            raise undeclared_property(name, GRANTS.type_name) from None
    for name, value in properties.items():
        if value is not None and not isinstance(value, str):
            raise invalid_value(name, RESOURCE)
    return properties


def _scope_words(value: Optional[str]) -> list[str]:
    if value is not None and len(value) > MAX_SCOPE_LENGTH:
        raise invalid_value("scope", RESOURCE)
    return (value or "").split()


def new_grant(directory: Directory, tenant_id: str, body: dict[str, Any]) -> DelegatedGrant:
    """The grant a POST body describes, checked as Graph checks it."""
    for required in ("clientId", "consentType", "resourceId"):
        if not body.get(required):
            raise missing_property(required)
    consent_type, principal_id = body["consentType"], body.get("principalId")
    if consent_type not in (ALL_PRINCIPALS, PRINCIPAL):
        raise invalid_value("consentType", RESOURCE)
    if (consent_type == PRINCIPAL) != bool(principal_id):
        raise invalid_value("principalId", RESOURCE)
    scopes = _scope_words(body.get("scope"))
    client = directory.service_principal(tenant_id, body["clientId"])
    if client is None:
        raise invalid_value("clientId", RESOURCE)
    resource = directory.service_principal(tenant_id, body["resourceId"])
    if resource is None:
        raise invalid_value("resourceId", RESOURCE)
    principal = ALL_PRINCIPALS
    if consent_type == PRINCIPAL:
        user = directory.users.get(str(principal_id).strip().lower())
        if user is None or user.tenant_id != tenant_id:
            raise invalid_value("principalId", RESOURCE)
        principal = user.id
    return DelegatedGrant(tenant_id, client.app_id, resource.app_id, principal, scopes)


def routes(ctx: EmulatorContext) -> list[Route]:
    directory = ctx.directory
    base = ctx.settings.endpoint

    def find(caller: Caller, request: Request) -> DelegatedGrant:
        grant_id = request.path_params["key"]
        grant = directory.grant_by_id(caller.tenant.id, grant_id)
        if grant is None:
            raise not_found(grant_id)
        return grant

    def one(caller: Caller, grant_id: str) -> Optional[Item]:
        grant = directory.grant_by_id(caller.tenant.id, grant_id)
        return grant_item(directory, grant) if grant is not None else None

    reads = Collection(GRANTS, READ_GRANTS, lambda caller: [
        grant_item(directory, g) for g in directory.tenant_grants(caller.tenant.id)], one)

    def no_content(request: Request) -> Response:
        trace_id, correlation_id = ids(request)
        return Response(status_code=204, headers={"x-ms-request-id": trace_id, "client-request-id": correlation_id})

    async def create(request: Request) -> Response:
        try:
            caller = authenticate(ctx, request)
            caller.require(WRITE_GRANTS)
            grant = new_grant(directory, caller.tenant.id, await _read_body(request))
            if not directory.add_grant(grant):
                raise duplicate_grant()
        except GraphError as error:
            return graph_error(request, error)
        response = json_response(request, entity(base, GRANTS, grant_item(directory, grant)), 201)
        response.headers["location"] = f"{base}/v1.0/oauth2PermissionGrants/{directory.grant_id(grant)}"
        return response

    async def update(request: Request) -> Response:
        try:
            caller = authenticate(ctx, request)
            caller.require(WRITE_GRANTS)
            grant = find(caller, request)
            body = await _read_body(request)
            fixed = next((name for name in body if name != "scope"), None)
            if fixed is not None:
                raise read_only_property(fixed)
            scopes = _scope_words(body["scope"]) if "scope" in body else grant.scopes
        except GraphError as error:
            return graph_error(request, error)
        grant.scopes = scopes
        return no_content(request)

    async def delete(request: Request) -> Response:
        try:
            caller = authenticate(ctx, request)
            caller.require(WRITE_GRANTS)
            grant = find(caller, request)
        except GraphError as error:
            return graph_error(request, error)
        directory.remove_grant(grant)
        return no_content(request)

    return read_routes(ctx, reads) + [
        Route("/v1.0/oauth2PermissionGrants", create, methods=["POST"]),
        Route("/v1.0/oauth2PermissionGrants/{key}", update, methods=["PATCH"]),
        Route("/v1.0/oauth2PermissionGrants/{key}", delete, methods=["DELETE"]),
    ]
