"""New-MgOauth2PermissionGrant, with the parameters and parameter sets of
the Microsoft.Graph.Identity.SignIns reference page.

The Graph SDK's parameter sets: CreateExpanded (the default: one parameter
per property) and Create (the whole object in -BodyParameter).  Parameters
are declared in the order ``Get-Command -Syntax`` lists them.
"""

from __future__ import annotations

from pwshlike.plugin import (
    Cmdlet, ErrorCategory, ErrorRecord, NotImplementedException, Parameter, cmdlet, environment,
)

from . import GRANT_INTERFACE
from .models import MicrosoftGraphOAuth2PermissionGrant

_EXPANDED = {"CreateExpanded": {}}
_OPERATION = "POST /oauth2PermissionGrants"


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
        "This build of pwshlike describes, completes and binds the command fully and supports -WhatIf, "
        "but cannot acquire tokens or call Microsoft Graph yet: running it writes an error and creates nothing.")

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

    def process_record(self) -> None:
        if self.parameter_set_name == "Create":
            grant = self.body_parameter
        else:
            grant = MicrosoftGraphOAuth2PermissionGrant(self.id, self.client_id, self.consent_type,
                                                        self.principal_id, self.resource_id, self.scope)
            for key, value in (self.additional_properties or {}).items():
                grant.additional_properties[key] = value
        variant = f"New-MgOauth2PermissionGrant_{self.parameter_set_name}"
        if not self.should_process(f"Call remote '{_OPERATION}' operation", variant):
            return
        cloud = environment(self, "MicrosoftGraph", "Global")
        endpoint = cloud.endpoints["GraphEndpoint"] if cloud is not None else ""
        sent = ", ".join(grant.request_body()) or "no properties"
        self.write_error(ErrorRecord(NotImplementedException(
            f"This build of pwshlike cannot acquire tokens or call Microsoft Graph yet: the request POST "
            f"{endpoint}/v1.0/oauth2PermissionGrants ({sent}) was not sent and no grant was created."),
            "GraphRequestNotAvailable", ErrorCategory.NotImplemented, None))
