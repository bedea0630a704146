"""/v1.0/oauth2PermissionGrants over HTTPS: Graph's answers, rules and errors."""

from __future__ import annotations

import base64
import uuid
from typing import Any, Iterator

import pytest

from pwshlike.emulator import EmulatorServer
from pwshlike.emulator.directory import PORTAL_APP_ID

from .graph_support import (GRAPH_APP_ID, REFERENCE_BODY, REFERENCE_CLIENT, REFERENCE_GRAPH, Graph,
                            assert_graph_error, user_token)
from .support import MsalHttp, code

RESOURCE = "OAuth2PermissionGrant"


def _grant_id(*object_ids: str) -> str:
    """Graph's grant id: the GUIDs' .NET bytes, base64url."""
    raw = b"".join(uuid.UUID(i).bytes_le for i in object_ids)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _principal(graph: Graph, app_id: str) -> str:
    found = graph.get("servicePrincipals", params={"$filter": f"appId eq '{app_id}'"}).json()["value"]
    assert len(found) == 1, found
    return found[0]["id"]


@pytest.fixture
def cleanup(partner: Graph, customer: Graph) -> Iterator[list[tuple[Graph, str]]]:
    """Grants a test created, deleted afterwards so tests stay independent."""
    created: list[tuple[Graph, str]] = []
    yield created
    for graph, grant_id in created:
        graph.request("DELETE", f"oauth2PermissionGrants/{grant_id}")


def _create(graph: Graph, body: dict[str, Any], cleanup: list[tuple[Graph, str]]) -> dict[str, Any]:
    response = graph.post("oauth2PermissionGrants", body)
    assert response.status_code == 201, response.text
    cleanup.append((graph, response.json()["id"]))
    return response.json()


def test_reference_example_lifecycle(partner: Graph, graph_server: EmulatorServer) -> None:
    created = partner.post("oauth2PermissionGrants", REFERENCE_BODY, headers={"client-request-id": str(uuid.uuid4())})
    assert created.status_code == 201, created.text
    grant_id = _grant_id(REFERENCE_CLIENT, REFERENCE_GRAPH)
    expected = {"clientId": REFERENCE_CLIENT, "consentType": "AllPrincipals", "id": grant_id, "principalId": None,
                "resourceId": REFERENCE_GRAPH, "scope": "DelegatedPermissionGrant.ReadWrite.All"}
    assert created.json() == {
        "@odata.context": f"{graph_server.endpoint}/v1.0/$metadata#oauth2PermissionGrants/$entity", **expected}
    assert list(created.json()) == ["@odata.context", "clientId", "consentType", "id", "principalId", "resourceId",
                                    "scope"]
    assert created.headers["location"].endswith(f"/v1.0/oauth2PermissionGrants/{grant_id}")

    again = partner.post("oauth2PermissionGrants", dict(REFERENCE_BODY, scope="User.Read"),
                         headers={"client-request-id": "0b8b3b3c-6a0e-4c1e-9d4b-2f7c1c5d2e11"})
    assert_graph_error(again, 409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.")
    assert again.json()["error"]["innerError"]["client-request-id"] == "0b8b3b3c-6a0e-4c1e-9d4b-2f7c1c5d2e11"

    fetched = partner.get(f"oauth2PermissionGrants/{grant_id}")
    assert fetched.status_code == 200 and {k: v for k, v in fetched.json().items() if k[0] != "@"} == expected

    patched = partner.request("PATCH", f"oauth2PermissionGrants/{grant_id}",
                              json={"scope": "User.Read DelegatedPermissionGrant.ReadWrite.All"})
    assert patched.status_code == 204 and patched.content == b""
    assert partner.get(f"oauth2PermissionGrants/{grant_id}").json()["scope"] == \
        "User.Read DelegatedPermissionGrant.ReadWrite.All"

    assert partner.request("DELETE", f"oauth2PermissionGrants/{grant_id}").status_code == 204
    assert_graph_error(partner.get(f"oauth2PermissionGrants/{grant_id}"), 404, "Request_ResourceNotFound",
                       f"Resource '{grant_id}' does not exist or one of its queried reference-property objects "
                       "are not present.")
    assert_graph_error(partner.request("DELETE", f"oauth2PermissionGrants/{grant_id}"), 404,
                       "Request_ResourceNotFound")
    assert_graph_error(partner.request("PATCH", f"oauth2PermissionGrants/{grant_id}", json={"scope": "x"}), 404,
                       "Request_ResourceNotFound")


def test_a_grant_is_consent_and_deleting_it_withdraws_it(partner: Graph, graph_server: EmulatorServer,
                                                         graph_msal: MsalHttp,
                                                         cleanup: list[tuple[Graph, str]]) -> None:
    before = user_token(graph_server, graph_msal, client_id=PORTAL_APP_ID)
    assert code(before) == 65001, before
    grant = _create(partner, dict(REFERENCE_BODY, scope="User.Read Directory.Read.All"), cleanup)
    token = user_token(graph_server, graph_msal, client_id=PORTAL_APP_ID)
    assert set(token["scope"].split()) >= {"https://graph.microsoft.com/User.Read",
                                           "https://graph.microsoft.com/Directory.Read.All"}, token
    portal = Graph(partner.client, partner.endpoint, token["access_token"])
    assert portal.get("users", params={"$top": "1"}).status_code == 200
    assert_graph_error(portal.post("oauth2PermissionGrants", REFERENCE_BODY), 403, "Authorization_RequestDenied",
                       "Insufficient privileges to complete the operation.")
    assert partner.request("DELETE", f"oauth2PermissionGrants/{grant['id']}").status_code == 204
    assert code(user_token(graph_server, graph_msal, client_id=PORTAL_APP_ID)) == 65001


def test_principal_grants_filters_and_paging(partner: Graph, cleanup: list[tuple[Graph, str]]) -> None:
    users = partner.get("users", params={"$filter": "startswith(userPrincipalName,'user00')", "$top": "5"})
    user_ids = [u["id"] for u in users.json()["value"]]
    assert len(user_ids) == 5
    for user_id in user_ids:
        created = _create(partner, dict(REFERENCE_BODY, consentType="Principal", principalId=user_id), cleanup)
        assert created["id"] == _grant_id(REFERENCE_CLIENT, REFERENCE_GRAPH, user_id)
        assert created["principalId"] == user_id and created["consentType"] == "Principal"
    mine = f"clientId eq '{REFERENCE_CLIENT}' and consentType eq 'Principal'"
    listed = partner.get("oauth2PermissionGrants", params={"$filter": mine}).json()
    assert sorted(g["principalId"] for g in listed["value"]) == sorted(user_ids)
    assert "@odata.nextLink" not in listed and listed["@odata.context"].endswith("#oauth2PermissionGrants")
    one = partner.get("oauth2PermissionGrants", params={
        "$filter": f"principalId eq '{user_ids[2]}' and resourceId eq '{REFERENCE_GRAPH}'"}).json()["value"]
    assert [g["principalId"] for g in one] == [user_ids[2]]
    upper = partner.get("oauth2PermissionGrants", params={
        "$filter": f"(clientId eq '{REFERENCE_CLIENT.upper()}') and (consentType eq 'principal')"}).json()["value"]
    assert len(upper) == 5
    paged = partner.all("oauth2PermissionGrants", params={"$filter": mine, "$top": "2"})
    assert [g["id"] for g in paged] == sorted(g["id"] for g in listed["value"])
    first = partner.get("oauth2PermissionGrants", params={"$filter": mine, "$top": "2"}).json()
    assert len(first["value"]) == 2 and "$top=2" in first["@odata.nextLink"] and "$skiptoken=" in first[
        "@odata.nextLink"]
    everything = partner.all("oauth2PermissionGrants")
    assert len(everything) == len({g["id"] for g in everything}) >= 5 + 5   # the seed's five and ours


def test_count_needs_consistency_level_eventual(partner: Graph) -> None:
    assert_graph_error(partner.get("oauth2PermissionGrants", params={"$count": "true"}), 400, "Request_BadRequest",
                       "$count is not currently supported.")
    counted = partner.get("oauth2PermissionGrants", params={"$count": "true", "$top": "1"},
                          headers={"ConsistencyLevel": "eventual"}).json()
    assert counted["@odata.count"] == len(partner.all("oauth2PermissionGrants")) and len(counted["value"]) == 1
    assert list(counted)[:3] == ["@odata.context", "@odata.count", "@odata.nextLink"]


@pytest.mark.parametrize("query, status, error, message", [
    ("clientId eq", 400, "BadRequest", "Invalid filter clause: Syntax error at position 11 in 'clientId eq'."),
    ("clientId eq 'x' and", 400, "BadRequest", "Invalid filter clause: Syntax error at position 19 in "
                                              "'clientId eq 'x' and'."),
    ("clientId = 'x'", 400, "BadRequest", "Invalid filter clause: Syntax error at position 9 in 'clientId = 'x''."),
    ("clientId eq 'x", 400, "BadRequest", "Invalid filter clause: Syntax error at position 12 in 'clientId eq 'x'."),
    ("scope eq 'User.Read'", 400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause "
                                                              "specified for property 'scope' of resource "
                                                              "'OAuth2PermissionGrant'."),
    ("clientId ne 'x'", 400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified "
                                                         "for property 'clientId' of resource "
                                                         "'OAuth2PermissionGrant'."),
    ("startswith(clientId,'e')", 400, "Request_UnsupportedQuery", None),
    ("colour eq 'red'", 400, "BadRequest", "Could not find a property named 'colour' on type "
                                           "'microsoft.graph.oAuth2PermissionGrant'."),
])
def test_bad_filters(partner: Graph, query: str, status: int, error: str, message: str) -> None:
    assert_graph_error(partner.get("oauth2PermissionGrants", params={"$filter": query}), status, error, message)


@pytest.mark.parametrize("params, message", [
    ({"$top": "0"}, "Invalid page size specified: '0'. Must be between 1 and 999 inclusive."),
    ({"$top": "1000"}, "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive."),
    ({"$skiptoken": "not-a-token"}, "The specified page token value has expired and can no longer be included in "
                                    "your request."),
])
def test_bad_paging(partner: Graph, params: dict[str, str], message: str) -> None:
    assert_graph_error(partner.get("oauth2PermissionGrants", params=params), 400, "Request_BadRequest", message)
    assert_graph_error(partner.get("oauth2PermissionGrants", params={"$top": "ten"}), 400, "BadRequest")


def _invalid(name: str) -> tuple[str, str]:
    return "Request_BadRequest", f"Invalid value specified for property '{name}' of resource '{RESOURCE}'."


@pytest.mark.parametrize("change, error", [
    ({"clientId": None}, ("Request_BadRequest", "Missing property: clientId.")),
    ({"resourceId": ""}, ("Request_BadRequest", "Missing property: resourceId.")),
    ({"consentType": None}, ("Request_BadRequest", "Missing property: consentType.")),
    ({"consentType": "Everyone"}, _invalid("consentType")),
    ({"consentType": "Principal"}, _invalid("principalId")),
    ({"principalId": "9b1f7c3e-0000-4000-8000-000000000001"}, _invalid("principalId")),
    ({"consentType": "Principal", "principalId": "9b1f7c3e-0000-4000-8000-000000000001"}, _invalid("principalId")),
    ({"scope": "x" * 3851}, _invalid("scope")),
    ({"scope": 7}, _invalid("scope")),
    ({"clientId": "9b1f7c3e-0000-4000-8000-000000000002"}, _invalid("clientId")),
    ({"resourceId": "9b1f7c3e-0000-4000-8000-000000000003"}, _invalid("resourceId")),
    ({"colour": "red"}, ("BadRequest", "The property 'colour' does not exist on type "
                                       "'microsoft.graph.oAuth2PermissionGrant'. Make sure to only use property names "
                                       "that are defined by the type or mark the type as open type.")),
])
def test_rules_of_a_new_grant(partner: Graph, change: dict[str, Any], error: tuple[str, str]) -> None:
    body = {k: v for k, v in dict(REFERENCE_BODY, **change).items()}
    assert_graph_error(partner.post("oauth2PermissionGrants", body), 400, *error)


def test_a_user_of_another_tenant_cannot_be_the_principal(partner: Graph, customer: Graph) -> None:
    stranger = customer.get("users").json()["value"][0]["id"]
    body = dict(REFERENCE_BODY, consentType="Principal", principalId=stranger)
    assert_graph_error(partner.post("oauth2PermissionGrants", body), 400, *_invalid("principalId"))


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe", b""])
def test_unreadable_bodies(partner: Graph, content: bytes) -> None:
    response = partner.request("POST", "oauth2PermissionGrants", content=content,
                               headers={"content-type": "application/json"})
    assert_graph_error(response, 400, "Request_BadRequest", "Unable to read JSON request payload. Please ensure "
                       "Content-Type header is set and payload is of valid JSON format.")


def test_longest_scope_and_odata_annotations_are_accepted(partner: Graph, cleanup: list[tuple[Graph, str]]) -> None:
    scope = " ".join(["Directory.Read.All"] * 202)
    scope += "x" * (3850 - len(scope))
    assert len(scope) == 3850
    created = _create(partner, dict(REFERENCE_BODY, scope=scope, id="ignored",
                                    **{"@odata.type": "#microsoft.graph.oAuth2PermissionGrant"}), cleanup)
    assert created["id"] == _grant_id(REFERENCE_CLIENT, REFERENCE_GRAPH) and len(created["scope"]) == 3850


def test_patch_changes_scope_only(partner: Graph, cleanup: list[tuple[Graph, str]]) -> None:
    grant = _create(partner, REFERENCE_BODY, cleanup)
    path = f"oauth2PermissionGrants/{grant['id']}"
    assert_graph_error(partner.request("PATCH", path, json={"clientId": REFERENCE_CLIENT}), 400,
                       "Request_BadRequest", "Property 'clientId' is read-only and cannot be set.")
    assert_graph_error(partner.request("PATCH", path, json={"scope": "y" * 3851}), 400, *_invalid("scope"))
    assert_graph_error(partner.request("PATCH", path, content=b"{"), 400, "Request_BadRequest")
    assert partner.get(path).json()["scope"] == REFERENCE_BODY["scope"]
    assert partner.request("PATCH", path, json={"scope": " "}).status_code == 204
    assert partner.get(path).json()["scope"] == ""


def test_select_on_grants(partner: Graph) -> None:
    listed = partner.get("oauth2PermissionGrants", params={"$select": "id,scope", "$top": "1"}).json()
    assert set(listed["value"][0]) == {"id", "scope"}
    assert listed["@odata.context"].endswith("#oauth2PermissionGrants(id,scope)")
    assert_graph_error(partner.get("oauth2PermissionGrants", params={"$select": "colour"}), 400, "BadRequest")


def test_each_tenant_sees_its_own_grants(partner: Graph, customer: Graph, graph_server: EmulatorServer,
                                         cleanup: list[tuple[Graph, str]]) -> None:
    customer_portal, customer_graph = _principal(customer, PORTAL_APP_ID), _principal(customer, GRAPH_APP_ID)
    assert {customer_portal, customer_graph}.isdisjoint({REFERENCE_CLIENT, REFERENCE_GRAPH})
    assert_graph_error(customer.post("oauth2PermissionGrants", REFERENCE_BODY), 400, *_invalid("clientId"))
    created = _create(customer, dict(REFERENCE_BODY, clientId=customer_portal, resourceId=customer_graph), cleanup)
    assert created["id"] == _grant_id(customer_portal, customer_graph)
    theirs = customer.all("oauth2PermissionGrants")
    ours = partner.all("oauth2PermissionGrants")
    assert created["id"] in {g["id"] for g in theirs} and created["id"] not in {g["id"] for g in ours}
    customer_principals = {p["id"] for p in customer.all("servicePrincipals")}
    assert all(g["clientId"] in customer_principals and g["resourceId"] in customer_principals for g in theirs)
    assert_graph_error(partner.get(f"oauth2PermissionGrants/{created['id']}"), 404, "Request_ResourceNotFound")
    assert_graph_error(partner.request("DELETE", f"oauth2PermissionGrants/{created['id']}"), 404,
                       "Request_ResourceNotFound")
    entry = graph_server.log[-1]
    assert entry.tenant_id == graph_server.info()["TenantId"]
    assert entry.client_id == graph_server.info()["PublicClientId"]


def test_app_token_reads_but_cannot_write(app: Graph, partner: Graph, cleanup: list[tuple[Graph, str]]) -> None:
    assert app.get("oauth2PermissionGrants").status_code == 200
    denied = ("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
    assert_graph_error(app.post("oauth2PermissionGrants", REFERENCE_BODY), 403, *denied)
    grant = _create(partner, REFERENCE_BODY, cleanup)
    assert_graph_error(app.request("PATCH", f"oauth2PermissionGrants/{grant['id']}", json={"scope": "x"}), 403,
                       *denied)
    assert_graph_error(app.request("DELETE", f"oauth2PermissionGrants/{grant['id']}"), 403, *denied)


def test_an_app_with_the_write_role_may_write(graph_server: EmulatorServer, partner: Graph,
                                              cleanup: list[tuple[Graph, str]]) -> None:
    d = graph_server.directory
    token = graph_server.context.issuer.app_access_token(
        tenant_id=d.partner_tenant_id, client_id=d.confidential_app_id, client_name="x",
        audience="https://graph.microsoft.com", roles=["DelegatedPermissionGrant.ReadWrite.All"], client_auth="1",
        principal_id=d.service_principal_id(d.partner_tenant_id, d.confidential_app_id),
        now=graph_server.context.clock())
    writer = Graph(partner.client, partner.endpoint, token)
    grant = _create(writer, REFERENCE_BODY, cleanup)
    assert writer.request("PATCH", f"oauth2PermissionGrants/{grant['id']}", json={"scope": "a b"}).status_code == 204
    assert writer.get(f"oauth2PermissionGrants/{grant['id']}").json()["scope"] == "a b"
