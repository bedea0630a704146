"""The oAuth2PermissionGrant cmdlets of Microsoft.Graph.Identity.SignIns:
New-MgOauth2PermissionGrant, with the parameters and parameter sets of the
reference page; Get-, Update- and Remove-MgOauth2PermissionGrant.

The Graph SDK's parameter sets: CreateExpanded (the default: one parameter
per property) and Create (the whole object in -BodyParameter).  Parameters
are declared in the order ``Get-Command -Syntax`` lists them.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Optional
from urllib.parse import quote

from pwshlike.plugin import ArgumentException, Cmdlet, ErrorCategory, ErrorRecord, Hashtable, Parameter, cmdlet

from . import GRANT_INTERFACE, connection, request
from .http import SDK_VERSION, json_ready
from .listing import GraphCountCmdlet, GraphGetCmdlet
from .models import MicrosoftGraphOAuth2PermissionGrant

_EXPANDED = {"CreateExpanded": {}}
_OPERATION = "POST /oauth2PermissionGrants"
_PATH = "/v1.0/oauth2PermissionGrants"
CONSENT_TYPES = ("AllPrincipals", "Principal")
MAX_SCOPE_LENGTH = 3850


@cmdlet("New-MgOauth2PermissionGrant", default_parameter_set="CreateExpanded", supports_should_process=True,
        confirm_impact="Medium", output_types=(GRANT_INTERFACE,))
class NewMgOauth2PermissionGrant(Cmdlet):
    """Creates a delegated permission grant (an oAuth2PermissionGrant object).

    A delegated permission grant lets a client application, through its
    service principal, call an API (the resource service principal) on
    behalf of a signed-in user, limited to the delegated permissions listed
    in the grant's scope. The grant covers either all users of the tenant
    (consent type AllPrincipals) or one user (consent type Principal).
    Give the properties as parameters, or all at once as a hashtable in
    -BodyParameter."""

    help_examples = [
        ("Example 1: Grant delegated permissions for all users",
         "Import-Module Microsoft.Graph.Identity.SignIns\n\n"
         "$params = @{\n"
         "\tclientId = \"ef969797-201d-4f6b-960c-e9ed5f31dab5\"\n"
         "\tconsentType = \"AllPrincipals\"\n"
         "\tresourceId = \"943603e4-e787-4fe9-93d1-e30f749aae39\"\n"
         "\tscope = \"DelegatedPermissionGrant.ReadWrite.All\"\n"
         "}\n\n"
         "New-MgOauth2PermissionGrant -BodyParameter $params",
         "Builds the grant as a hashtable and creates it: the client service principal may call the "
         "resource API with the DelegatedPermissionGrant.ReadWrite.All permission on behalf of any user."),
    ]
    help_inputs = [GRANT_INTERFACE, "System.Collections.IDictionary"]
    help_outputs = [GRANT_INTERFACE]
    help_notes = (
        "COMPLEX PARAMETER PROPERTIES\n\n"
        "-BodyParameter takes a hashtable with these keys (case does not matter; any other key is sent "
        "as an additional property):\n\n"
        "BODYPARAMETER <IMicrosoftGraphOAuth2PermissionGrant>: oAuth2PermissionGrant\n"
        "  [(Any) <Object>]: any further property.\n"
        "  [Id <String>]: the grant's unique identifier (read-only).\n"
        "  [ClientId <String>]: object id of the client service principal. Required.\n"
        "  [ConsentType <String>]: AllPrincipals or Principal. Required.\n"
        "  [PrincipalId <String>]: the user the grant is for when ConsentType is Principal.\n"
        "  [ResourceId <String>]: object id of the resource (API) service principal.\n"
        "  [Scope <String>]: space-separated delegated permission values, at most 3,850 characters.\n\n"
        "Requires a connection (Connect-MgGraph) with DelegatedPermissionGrant.ReadWrite.All or "
        "Directory.ReadWrite.All. The grant is checked before it is sent: ConsentType must be AllPrincipals or "
        "Principal, PrincipalId is required with Principal and must be absent with AllPrincipals, Scope is at most "
        "3,850 characters. Nested hashtables in additional properties are sent as JSON objects. -WhatIf -Verbose "
        "also shows the request that would be sent (method, URL, headers without Authorization, JSON body). Graph's "
        "errors are written as the SDK writes them: '[code] : message', with the status, code, date and response "
        "headers in ErrorDetails.")

    response_headers_variable = Parameter("String", aliases=("RHV",),
                                          help="The name of a variable to receive the response headers.")
    additional_properties = Parameter("Hashtable", sets=_EXPANDED,
                                      help="Further properties to send with the grant.")
    body_parameter = Parameter("IMicrosoftGraphOAuth2PermissionGrant", full_type_name=GRANT_INTERFACE,
                               sets={"Create": {"mandatory": True, "value_from_pipeline": True}},
                               help="The whole grant, as a hashtable (see NOTES for its keys).")
    client_id = Parameter("String", sets=_EXPANDED,
                          help="The object id (not the application id) of the client service principal acting "
                               "on behalf of signed-in users. Required.")
    consent_type = Parameter("String", sets=_EXPANDED,
                             help="AllPrincipals to cover every user of the tenant, Principal to cover only the "
                                  "user in -PrincipalId. Required.")
    id = Parameter("String", sets=_EXPANDED, help="The unique identifier of the grant (read-only).")
    principal_id = Parameter("String", sets=_EXPANDED,
                             help="The id of the user the grant is for; only with consent type Principal.")
    resource_id = Parameter("String", sets=_EXPANDED,
                            help="The id of the resource service principal: the API the client may call.")
    scope = Parameter("String", sets=_EXPANDED,
                      help="The delegated permissions granted, as a space-separated list of their claim values "
                           "(for example 'openid User.Read'); at most 3,850 characters.")
    headers = Parameter("IDictionary", full_type_name="System.Collections.IDictionary", value_from_pipeline=True,
                        help="Extra HTTP headers to send with the request.")

    def process_record(self) -> Iterator[MicrosoftGraphOAuth2PermissionGrant]:
        grant = _grant(self, body_set="Create")
        variant = f"NewMgOauth2PermissionGrant_{self.parameter_set_name}"
        body = grant.request_body()
        if self.stream_enabled("verbose"):
            self.write_verbose(self._preview(body))
        if not self.should_process(f"Call remote '{_OPERATION}' operation",
                                   f"New-MgOauth2PermissionGrant_{self.parameter_set_name}"):
            return
        if _refused(self, _invalid(grant), grant):
            return
        response = request.send(self, "POST", _PATH, command_type=variant, body=body, headers=self.headers,
                                target=grant, response_headers_variable=self.response_headers_variable)
        if response is not None:
            answer = Hashtable()
            for key, value in response.json().items():
                answer[key] = value
            yield MicrosoftGraphOAuth2PermissionGrant.convert_from(answer)

    def _preview(self, body: dict) -> str:
        """The request as it would be sent (for -WhatIf -Verbose), without
        Authorization or the per-request client-request-id."""
        current = connection.current()
        endpoint = current.graph_endpoint if current is not None else "https://graph.microsoft.com"
        headers = {"SdkVersion": SDK_VERSION, "Content-Type": "application/json"}
        headers.update({str(k): str(v) for k, v in (self.headers or {}).items() if str(k).lower() != "authorization"})
        lines = [f"POST {endpoint}{_PATH}"] + [f"{name}: {value}" for name, value in headers.items()]
        return "\n".join(lines) + "\n\n" + json.dumps(json_ready(body), ensure_ascii=False, indent=2)


def _invalid(grant: MicrosoftGraphOAuth2PermissionGrant) -> Optional[str]:
    """What is wrong with ``grant`` before Graph sees it (Graph's own rules,
    told clearly), or None."""
    consent = grant.consent_type
    if consent is not None and consent not in CONSENT_TYPES:
        return (f"ConsentType '{consent}' is not valid: use AllPrincipals (every user of the tenant) or Principal "
                f"(the user in PrincipalId).")
    if consent == "Principal" and not grant.principal_id:
        return "ConsentType Principal needs PrincipalId: the id of the user the grant is for."
    if consent == "AllPrincipals" and grant.principal_id:
        return "ConsentType AllPrincipals covers every user: leave PrincipalId out."
    if grant.scope is not None and len(grant.scope) > MAX_SCOPE_LENGTH:
        return f"Scope is {len(grant.scope)} characters long; Graph accepts at most {MAX_SCOPE_LENGTH}."
    return None


_GRANT_ID_TEMPLATE = "/oauth2PermissionGrants/{oAuth2PermissionGrant-id}"
_GRANT_ID_HELP = "The unique identifier of the oAuth2PermissionGrant."


@cmdlet("Get-MgOauth2PermissionGrant", default_parameter_set="List", output_types=(GRANT_INTERFACE,))
class GetMgOauth2PermissionGrant(GraphGetCmdlet):
    """Gets delegated permission grants (oAuth2PermissionGrant objects).

    With -OAuth2PermissionGrantId, reads one grant; otherwise lists the
    tenant's grants, filtered with -Filter (for example "clientId eq
    '<object id>'"), a page of 100 at a time: -All follows every page, -Top
    stops after that many grants."""

    collection = "oauth2PermissionGrants"
    key_attribute = "o_auth2_permission_grant_id"
    generated = "GetMgOauth2PermissionGrant"
    help_examples = [
        ("Example 1: The grants of one client service principal",
         "Get-MgOauth2PermissionGrant -Filter \"clientId eq 'ef969797-201d-4f6b-960c-e9ed5f31dab5'\" -All",
         "Lists every delegated permission grant of that client, on all pages."),
    ]
    help_outputs = [GRANT_INTERFACE]

    o_auth2_permission_grant_id = Parameter("String", name="OAuth2PermissionGrantId", sets={"Get": {"mandatory": True}},
                                            help=_GRANT_ID_HELP)

    def convert(self, item: dict) -> MicrosoftGraphOAuth2PermissionGrant:
        return MicrosoftGraphOAuth2PermissionGrant.convert_from(item)


_UPDATE_EXPANDED = {"UpdateExpanded": {}}


@cmdlet("Update-MgOauth2PermissionGrant", default_parameter_set="UpdateExpanded", supports_should_process=True,
        confirm_impact="Medium", output_types=(GRANT_INTERFACE,))
class UpdateMgOauth2PermissionGrant(Cmdlet):
    """Updates a delegated permission grant (an oAuth2PermissionGrant object).

    Change which delegated permissions are granted by giving the new
    -Scope (the whole space-separated list). Only the properties given are
    sent (PATCH); Graph answers 204 and nothing is written to the
    pipeline, as with the SDK."""

    help_examples = [
        ("Example 1: Change the granted permissions",
         "Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId $grant.Id -Scope 'User.Read Mail.Read'",
         "Replaces the grant's scope."),
    ]
    help_inputs = [GRANT_INTERFACE, "System.Collections.IDictionary"]
    help_notes = ("-BodyParameter takes a hashtable with the keys New-MgOauth2PermissionGrant documents (case does "
                  "not matter; other keys are sent as they are). ConsentType must be AllPrincipals or Principal and "
                  "Scope at most 3,850 characters; this is checked before sending.")

    o_auth2_permission_grant_id = Parameter("String", name="OAuth2PermissionGrantId", mandatory=True,
                                            help=_GRANT_ID_HELP)
    response_headers_variable = Parameter("String", aliases=("RHV",),
                                          help="The name of a variable to receive the response headers.")
    additional_properties = Parameter("Hashtable", sets=_UPDATE_EXPANDED,
                                      help="Further properties to send with the grant.")
    body_parameter = Parameter("IMicrosoftGraphOAuth2PermissionGrant", full_type_name=GRANT_INTERFACE,
                               sets={"Update": {"mandatory": True, "value_from_pipeline": True}},
                               help="The properties to change, as a hashtable.")
    client_id = Parameter("String", sets=_UPDATE_EXPANDED, help="The object id of the client service principal.")
    consent_type = Parameter("String", sets=_UPDATE_EXPANDED, help="AllPrincipals or Principal.")
    id = Parameter("String", sets=_UPDATE_EXPANDED, help="The unique identifier of the grant (read-only).")
    principal_id = Parameter("String", sets=_UPDATE_EXPANDED,
                             help="The id of the user the grant is for (consent type Principal).")
    resource_id = Parameter("String", sets=_UPDATE_EXPANDED, help="The id of the resource service principal.")
    scope = Parameter("String", sets=_UPDATE_EXPANDED,
                      help="The delegated permissions granted, space-separated; at most 3,850 characters.")
    headers = Parameter("IDictionary", full_type_name="System.Collections.IDictionary", value_from_pipeline=True,
                        help="Extra HTTP headers to send with the request.")

    def process_record(self) -> None:
        grant = _grant(self, body_set="Update")
        variant = f"UpdateMgOauth2PermissionGrant_{self.parameter_set_name}"
        if not self.should_process(f"Call remote 'PATCH {_GRANT_ID_TEMPLATE}' operation",
                                   f"Update-MgOauth2PermissionGrant_{self.parameter_set_name}"):
            return
        if _refused(self, _invalid_update(grant), grant):
            return
        key = quote(self.o_auth2_permission_grant_id, safe="")
        request.send(self, "PATCH", f"{_PATH}/{key}", command_type=variant, body=grant.request_body(),
                     headers=self.headers, target=self.o_auth2_permission_grant_id,
                     response_headers_variable=self.response_headers_variable)


@cmdlet("Remove-MgOauth2PermissionGrant", default_parameter_set="Delete", supports_should_process=True,
        confirm_impact="Medium", output_types=("System.Boolean",))
class RemoveMgOauth2PermissionGrant(Cmdlet):
    """Deletes a delegated permission grant (an oAuth2PermissionGrant object).

    The client application loses the delegated permissions the grant gave
    it. Writes nothing, or $true with -PassThru."""

    help_examples = [
        ("Example 1: Remove a grant",
         "Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId $grant.Id",
         "Deletes the grant."),
    ]

    o_auth2_permission_grant_id = Parameter("String", name="OAuth2PermissionGrantId",
                                            sets={"Delete": {"mandatory": True}}, help=_GRANT_ID_HELP)
    if_match = Parameter("String", help="The ETag the grant must have (the If-Match header).")
    response_headers_variable = Parameter("String", aliases=("RHV",),
                                          help="The name of a variable to receive the response headers.")
    headers = Parameter("IDictionary", full_type_name="System.Collections.IDictionary", value_from_pipeline=True,
                        help="Extra HTTP headers to send with the request.")
    pass_thru = Parameter("SwitchParameter", help="Writes $true when the grant is deleted.")

    def process_record(self) -> Iterator[bool]:
        variant = f"RemoveMgOauth2PermissionGrant_{self.parameter_set_name}"
        if not self.should_process(f"Call remote 'DELETE {_GRANT_ID_TEMPLATE}' operation",
                                   f"Remove-MgOauth2PermissionGrant_{self.parameter_set_name}"):
            return
        headers = {str(k): v for k, v in (self.headers or {}).items()}
        if self.if_match:
            headers["If-Match"] = self.if_match
        key = quote(self.o_auth2_permission_grant_id, safe="")
        response = request.send(self, "DELETE", f"{_PATH}/{key}", command_type=variant, headers=headers,
                                target=self.o_auth2_permission_grant_id,
                                response_headers_variable=self.response_headers_variable)
        if response is not None and self.pass_thru:
            yield True


def _invalid_update(grant: MicrosoftGraphOAuth2PermissionGrant) -> Optional[str]:
    """What is wrong with the properties a PATCH changes (the rules that hold
    whatever the grant already is), or None."""
    consent = grant.consent_type
    if consent is not None and consent not in CONSENT_TYPES:
        return (f"ConsentType '{consent}' is not valid: use AllPrincipals (every user of the tenant) or Principal "
                f"(the user in PrincipalId).")
    if grant.scope is not None and len(grant.scope) > MAX_SCOPE_LENGTH:
        return f"Scope is {len(grant.scope)} characters long; Graph accepts at most {MAX_SCOPE_LENGTH}."
    return None


@cmdlet("Get-MgOauth2PermissionGrantCount", default_parameter_set="Get", output_types=("System.Int32",))
class GetMgOauth2PermissionGrantCount(GraphCountCmdlet):
    """Gets the number of delegated permission grants in the tenant.

    Graph counts only with -ConsistencyLevel eventual; -Filter and -Search
    count the matching ones."""

    collection = "oauth2PermissionGrants"
    generated = "GetMgOauth2PermissionGrantCount"
    help_examples = [
        ("Example 1: Count them",
         "Get-MgOauth2PermissionGrantCount -ConsistencyLevel eventual",
         "The number of delegated permission grants in the tenant."),
    ]
    help_outputs = ["System.Int32"]


def _grant(cmdlet: Any, body_set: str) -> MicrosoftGraphOAuth2PermissionGrant:
    """The grant a New- or Update- call describes: -BodyParameter in its
    set, else the expanded parameters and -AdditionalProperties."""
    if cmdlet.parameter_set_name == body_set:
        return cmdlet.body_parameter
    grant = MicrosoftGraphOAuth2PermissionGrant(cmdlet.id, cmdlet.client_id, cmdlet.consent_type,
                                                cmdlet.principal_id, cmdlet.resource_id, cmdlet.scope)
    for key, value in (cmdlet.additional_properties or {}).items():
        grant.additional_properties[key] = value
    return grant


def _refused(cmdlet: Any, problem: Optional[str], grant: MicrosoftGraphOAuth2PermissionGrant) -> bool:
    """Writes the InvalidGrant error when the grant breaks Graph's rules
    (``problem``), so that nothing is sent; False when it does not."""
    if problem is None:
        return False
    cmdlet.write_error(ErrorRecord(ArgumentException(problem), "InvalidGrant", ErrorCategory.InvalidArgument, grant))
    return True
