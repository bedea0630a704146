"""/v1.0/users, /v1.0/servicePrincipals and /v1.0/contracts over HTTPS."""

from __future__ import annotations

import pytest

from pwshlike.emulator import EmulatorServer
from pwshlike.emulator.directory import PORTAL_APP_ID

from .graph_support import GRAPH_APP_ID, REFERENCE_CLIENT, REFERENCE_GRAPH, Graph, assert_graph_error

EVENTUAL = {"ConsistencyLevel": "eventual"}
USER_DEFAULT = {"businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
                "preferredLanguage", "surname", "userPrincipalName", "id"}


def test_users_page_by_100_and_include_the_seeded_ones(partner: Graph, graph_server: EmulatorServer) -> None:
    first = partner.get("users").json()
    assert len(first["value"]) == 100 and "$skiptoken=" in first["@odata.nextLink"]
    assert first["@odata.context"] == f"{graph_server.endpoint}/v1.0/$metadata#users"
    assert set(first["value"][0]) == USER_DEFAULT
    everyone = partner.all("users")
    upns = {u["userPrincipalName"] for u in everyone}
    assert len(everyone) == len(upns) == 121 and "admin@contosopartner.onmicrosoft.com" in upns
    assert {f"user{n:04d}@contosopartner.onmicrosoft.com" for n in range(1, 121)} <= upns
    assert [u["id"] for u in everyone] == sorted(u["id"] for u in everyone)
    counted = partner.get("users", params={"$count": "true", "$top": "3"}, headers=EVENTUAL).json()
    assert counted["@odata.count"] == 121 and len(counted["value"]) == 3


def test_user_by_id_or_upn_with_select(partner: Graph, graph_server: EmulatorServer) -> None:
    admin = graph_server.info()["UserName"]
    by_upn = partner.get(f"users/{admin.upper()}").json()
    assert by_upn["userPrincipalName"] == admin and by_upn["@odata.context"].endswith("#users/$entity")
    by_id = partner.get(f"users/{by_upn['id']}", params={"$select": "displayName,accountEnabled"}).json()
    assert by_id == {"@odata.context": f"{graph_server.endpoint}/v1.0/$metadata#users(displayName,accountEnabled)"
                                       "/$entity", "accountEnabled": True, "displayName": "Partner Admin"}
    assert_graph_error(partner.get("users/nobody@contosopartner.onmicrosoft.com"), 404, "Request_ResourceNotFound",
                       "Resource 'nobody@contosopartner.onmicrosoft.com' does not exist or one of its queried "
                       "reference-property objects are not present.")
    assert_graph_error(partner.get(f"users/{admin}", params={"$select": "shoeSize"}), 400, "BadRequest",
                       "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.")


def test_user_filters_search_and_select(partner: Graph) -> None:
    one = partner.get("users", params={"$filter": "userPrincipalName eq 'USER0007@contosopartner.onmicrosoft.com'"})
    assert [u["displayName"] for u in one.json()["value"]] == ["Test User 0007"]
    some = partner.all("users", params={"$filter": "startswith(displayName,'Test User 01')", "$top": "7"})
    assert sorted(u["displayName"] for u in some) == [f"Test User {n:04d}" for n in range(100, 121)]
    either = partner.get("users", params={
        "$filter": "displayName eq 'Test User 0001' or displayName eq 'Partner Admin'"}).json()["value"]
    assert sorted(u["displayName"] for u in either) == ["Partner Admin", "Test User 0001"]
    selected = partner.get("users", params={"$select": "id,userPrincipalName", "$top": "2"}).json()
    assert selected["@odata.context"].endswith("#users(id,userPrincipalName)")
    assert all(set(u) == {"id", "userPrincipalName"} for u in selected["value"])
    assert "$select=id,userPrincipalName" in selected["@odata.nextLink"]
    found = partner.get("users", params={"$search": '"displayName:partner"'}, headers=EVENTUAL).json()["value"]
    assert [u["displayName"] for u in found] == ["Partner Admin"]
    assert_graph_error(partner.get("users", params={"$filter": "endswith(mail,'x')"}), 400,
                       "Request_UnsupportedQuery", "Unsupported Query.")
    assert_graph_error(partner.get("users", params={"$top": "1000"}), 400, "Request_BadRequest")


def test_service_principals_carry_the_reference_ids(partner: Graph, graph_server: EmulatorServer) -> None:
    graph = partner.get("servicePrincipals", params={"$filter": f"appId eq '{GRAPH_APP_ID}'"}).json()["value"]
    assert [(p["id"], p["displayName"]) for p in graph] == [(REFERENCE_GRAPH, "Microsoft Graph")]
    assert "DelegatedPermissionGrant.ReadWrite.All" in {s["value"] for s in graph[0]["oauth2PermissionScopes"]}
    portal = partner.get(f"servicePrincipals/{REFERENCE_CLIENT}").json()
    assert portal["appId"] == PORTAL_APP_ID and portal["displayName"] == "Contoso Partner Portal"
    assert portal["appOwnerOrganizationId"] == graph_server.info()["TenantId"]
    assert portal["@odata.context"].endswith("#servicePrincipals/$entity")
    by_app_id = partner.get(f"servicePrincipals(appId='{GRAPH_APP_ID}')").json()
    assert by_app_id["id"] == REFERENCE_GRAPH
    named = partner.get("servicePrincipals", params={"$filter": "displayName eq 'contoso partner automation'"})
    assert [p["appId"] for p in named.json()["value"]] == [graph_server.info()["ApplicationId"]]
    everything = partner.all("servicePrincipals", params={"$top": "2"})
    assert {p["appId"] for p in everything} >= {GRAPH_APP_ID, PORTAL_APP_ID, graph_server.info()["ApplicationId"],
                                                graph_server.info()["PublicClientId"]}
    assert_graph_error(partner.get("servicePrincipals/00000000-0000-0000-0000-000000000000"), 404,
                       "Request_ResourceNotFound")


def test_service_principal_search_needs_consistency_level(partner: Graph) -> None:
    search = {"$search": '"displayName:partner port"'}
    assert_graph_error(partner.get("servicePrincipals", params=search), 400, "Request_UnsupportedQuery",
                       "Request with $search query parameter only works through MSGraph with a special request "
                       "header: 'ConsistencyLevel: eventual'")
    found = partner.get("servicePrincipals", params=dict(search, **{"$count": "true"}), headers=EVENTUAL).json()
    assert [p["id"] for p in found["value"]] == [REFERENCE_CLIENT] and found["@odata.count"] == 1
    both = partner.get("servicePrincipals", params={"$search": '"displayName:graph" OR "displayName:portal"'},
                       headers=EVENTUAL).json()["value"]
    assert {p["id"] for p in both} == {REFERENCE_CLIENT, REFERENCE_GRAPH}
    for bad, error in (("displayName:graph", "BadRequest"), ('"graph"', "Request_UnsupportedQuery"),
                       ('"appId:x"', "Request_UnsupportedQuery"), ('"displayName:graph" AND', "BadRequest")):
        assert_graph_error(partner.get("servicePrincipals", params={"$search": bad}, headers=EVENTUAL), 400, error)


def test_customer_tenants_have_principals_of_their_own(partner: Graph, customer: Graph) -> None:
    theirs = {p["appId"]: p["id"] for p in customer.all("servicePrincipals")}
    ours = {p["appId"]: p["id"] for p in partner.all("servicePrincipals")}
    assert {GRAPH_APP_ID, PORTAL_APP_ID} <= set(theirs)
    assert set(theirs.values()).isdisjoint(ours.values())
    assert_graph_error(customer.get(f"servicePrincipals/{REFERENCE_GRAPH}"), 404, "Request_ResourceNotFound")
    assert [u["userPrincipalName"] for u in customer.all("users")] == ["admin@fabrikam.onmicrosoft.com"]
    assert_graph_error(customer.get("users/admin@contosopartner.onmicrosoft.com"), 404, "Request_ResourceNotFound")


def test_contracts_list_the_partners_customers(partner: Graph, customer: Graph,
                                               graph_server: EmulatorServer) -> None:
    contracts = partner.get("contracts").json()
    assert contracts["@odata.context"].endswith("#contracts")
    assert sorted(c["customerId"] for c in contracts["value"]) == sorted(graph_server.info()["CustomerTenantIds"])
    fabrikam = next(c for c in contracts["value"] if c["defaultDomainName"] == "fabrikam.onmicrosoft.com")
    assert set(fabrikam) == {"id", "contractType", "customerId", "defaultDomainName", "displayName"}
    assert fabrikam["contractType"] == "ResellerPartner" and fabrikam["displayName"] == "Fabrikam, Inc."
    assert partner.get(f"contracts/{fabrikam['id']}").json()["customerId"] == fabrikam["customerId"]
    filtered = partner.get("contracts", params={"$filter": f"customerId eq '{fabrikam['customerId']}'"}).json()
    assert [c["id"] for c in filtered["value"]] == [fabrikam["id"]]
    assert customer.get("contracts").json()["value"] == []
    assert_graph_error(customer.get(f"contracts/{fabrikam['id']}"), 404, "Request_ResourceNotFound")


@pytest.mark.parametrize("path", ["users", "servicePrincipals", "contracts", "oauth2PermissionGrants"])
def test_reads_need_a_directory_permission(graph_server: EmulatorServer, partner: Graph, path: str) -> None:
    """A Graph token with User.Read alone may not list the directory."""
    d = graph_server.directory
    token = graph_server.context.issuer.user_access_token(
        tenant=d.partner_tenant, user=d.partner_admin, client_id=PORTAL_APP_ID, client_name="Contoso Partner Portal",
        audience="https://graph.microsoft.com", scopes=["User.Read"], client_auth="0", mfa=False,
        now=graph_server.context.clock())
    reader = Graph(partner.client, partner.endpoint, token)
    assert_graph_error(reader.get(path), 403, "Authorization_RequestDenied",
                       "Insufficient privileges to complete the operation.")


def test_count_segments(partner: Graph, customer: Graph) -> None:
    counted = partner.get("users/$count", headers=EVENTUAL)
    assert counted.status_code == 200 and counted.text == "121"
    assert counted.headers["content-type"].startswith("text/plain")
    some = partner.get("users/$count", params={"$filter": "startswith(displayName,'Test User 01')"},
                       headers=EVENTUAL)
    assert some.text == "21"
    assert customer.get("servicePrincipals/$count", headers=EVENTUAL).text == str(
        len(customer.all("servicePrincipals")))
    assert partner.get("contracts/$count", headers=EVENTUAL).text == "3"
    assert partner.get("oauth2PermissionGrants/$count", headers=EVENTUAL).text == str(
        len(partner.all("oauth2PermissionGrants")))
    assert_graph_error(partner.get("users/$count"), 400, "Request_BadRequest", "$count is not currently supported.")


def test_orderby_pages_in_order(partner: Graph) -> None:
    names = [u["displayName"] for u in partner.all("users", params={"$orderby": "displayName", "$top": "50"})]
    assert names == sorted(names, key=str.casefold) and len(names) == 121 and names[0] == "Partner Admin"
    backwards = [u["displayName"] for u in partner.all("users", params={"$orderby": "displayName desc",
                                                                        "$top": "40"})]
    assert backwards == names[::-1]
    domains = [c["defaultDomainName"] for c in partner.get("contracts", params={
        "$orderby": "defaultDomainName desc"}).json()["value"]]
    assert domains == ["tailspintoys.onmicrosoft.com", "northwindtraders.onmicrosoft.com", "fabrikam.onmicrosoft.com"]
    for bad in ("mail", "displayName sideways", "displayName,id"):
        assert_graph_error(partner.get("users", params={"$orderby": bad}), 400, "Request_UnsupportedQuery")


def test_query_options_the_emulator_lacks_are_refused(partner: Graph) -> None:
    assert_graph_error(partner.get("servicePrincipals", params={"$expand": "owners"}), 400,
                       "Request_UnsupportedQuery", "The query parameter '$expand' is not supported.")
    assert_graph_error(partner.get("users", params={"$skip": "5"}), 400, "Request_UnsupportedQuery")
