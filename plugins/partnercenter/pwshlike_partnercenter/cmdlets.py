"""New-PartnerAccessToken, with the parameters and parameter sets of the
PartnerCenter module's reference page.

Parameters are declared in the module's order, which is also the order
``Get-Command -Syntax`` lists them in within each group; each parameter
names the sets it belongs to, in the order the page lists the sets.
"""

from __future__ import annotations

from pwshlike.plugin import (
    Cmdlet, ErrorCategory, ErrorRecord, NotImplementedException, Parameter, cmdlet, environment,
    validate_not_null, validate_not_null_or_empty, validate_set,
)

from . import ENVIRONMENT_TYPE, ENVIRONMENTS, MODULE_NAME_TYPE

_AUTH_RESULT = "Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication.AuthResult"
_MANDATORY = {"mandatory": True}
_NOT_EMPTY = (validate_not_null_or_empty(),)


@cmdlet("New-PartnerAccessToken", output_types=(_AUTH_RESULT,))
class NewPartnerAccessToken(Cmdlet):
    """Gets an access token from Microsoft Entra ID (Azure Active Directory).

    Signs in to Microsoft Entra ID and returns the resulting access token,
    with its refresh token, expiry and account, for Partner Center or any
    other API named by -Scopes. The parameter set chooses how to sign in:

    AccessToken wraps a token you already have. RefreshToken redeems a
    refresh token, as a public client or, with -Credential or
    -CertificateThumbprint, as a confidential one. ServicePrincipal and
    ServicePrincipalCertificate sign in as an application with a client
    secret or a certificate; add -UseAuthorizationCode to have a user consent
    in a browser instead (the secure application model). User signs a person
    in interactively in a browser, or with -UseDeviceAuthentication through a
    device code. ByModule gets a token for a known module (ExchangeOnline).

    For the browser flows the redirect URI is http://localhost:<port>, with
    the first free port from 8400 to 8999; register that redirect URI on the
    application in Microsoft Entra ID."""

    help_examples = [
        ("Example 1: Sign in as an application with consent in a browser",
         "$credential = Get-Credential\n"
         "New-PartnerAccessToken -ApplicationId 'xxxx-xxxx-xxxx-xxxx' "
         "-Scopes 'https://api.partnercenter.microsoft.com/user_impersonation' -ServicePrincipal "
         "-Credential $credential -Tenant 'xxxx-xxxx-xxxx-xxxx' -UseAuthorizationCode",
         "Get-Credential asks for the application identifier (as user name) and its client secret. "
         "Because of -UseAuthorizationCode a browser opens for a user to sign in and consent; the "
         "token returned then includes a refresh token for later use."),
        ("Example 2: Redeem a refresh token",
         "$credential = Get-Credential\n"
         "$refreshToken = '<refreshToken>'\n"
         "New-PartnerAccessToken -ApplicationId 'xxxx-xxxx-xxxx-xxxx' -Credential $credential "
         "-RefreshToken $refreshToken -Scopes 'https://api.partnercenter.microsoft.com/user_impersonation' "
         "-ServicePrincipal -Tenant 'xxxx-xxxx-xxxx-xxxx'",
         "Exchanges a refresh token obtained earlier for a new access token, authenticating as the "
         "application whose secret $credential holds."),
    ]
    help_inputs = ["None"]
    help_outputs = [_AUTH_RESULT]
    help_notes = ("Tokens are requested from the authority of the chosen -Environment (AzureCloud unless "
                  "given) for the tenant in -Tenant ('organizations' unless given). This build of pwshlike "
                  "describes, completes and binds the command fully but cannot acquire tokens yet: running it "
                  "writes an error and returns nothing.")

    access_token = Parameter("String", sets={"AccessToken": _MANDATORY}, validators=_NOT_EMPTY,
                             help="An access token for Partner Center you already have, to use as it is.")
    application_id = Parameter("String", aliases=("ClientId",), validators=_NOT_EMPTY, sets={
        "AccessToken": _MANDATORY, "RefreshToken": {}, "ServicePrincipal": _MANDATORY,
        "ServicePrincipalCertificate": _MANDATORY, "User": _MANDATORY},
        help="The application (client) identifier to sign in with.")
    certificate_thumbprint = Parameter("String", sets={"RefreshToken": {}, "ServicePrincipalCertificate": _MANDATORY},
                                       help="The thumbprint (hash) of the certificate the application "
                                            "authenticates with.")
    credential = Parameter("PSCredential", validators=(validate_not_null(),), sets={
        "AccessToken": {}, "RefreshToken": {}, "ServicePrincipal": _MANDATORY},
        help="The application's credentials: its identifier as user name and its client secret as password.")
    environment = Parameter("EnvironmentName", aliases=("EnvironmentName",), full_type_name=ENVIRONMENT_TYPE,
                            accepted_values=tuple(ENVIRONMENTS), validators=_NOT_EMPTY,
                            help="The cloud to sign in to.")
    module = Parameter("ModuleName", aliases=("ModuleName",), full_type_name=MODULE_NAME_TYPE,
                       accepted_values=("ExchangeOnline",), validators=(validate_set(["ExchangeOnline"]),),
                       sets={"RefreshToken": {}, "ByModule": _MANDATORY},
                       help="The module to get an access token for.")
    refresh_token = Parameter("String", validators=_NOT_EMPTY, sets={"RefreshToken": _MANDATORY, "ByModule": {}},
                              help="A refresh token to redeem for the new access token.")
    scopes = Parameter("String[]", sets={
        "AccessToken": _MANDATORY, "RefreshToken": _MANDATORY, "ServicePrincipal": _MANDATORY,
        "ServicePrincipalCertificate": _MANDATORY, "User": _MANDATORY},
        help="The scopes (permissions) requested for the protected API.")
    service_principal = Parameter("SwitchParameter", sets={
        "RefreshToken": {}, "ServicePrincipal": {}, "ServicePrincipalCertificate": {}},
        help="Signs in as the application (service principal) rather than as a user.")
    tenant = Parameter("String", aliases=("Domain", "TenantId"), validators=_NOT_EMPTY, sets={
        "AccessToken": {}, "RefreshToken": {}, "ServicePrincipal": _MANDATORY,
        "ServicePrincipalCertificate": _MANDATORY, "User": {}, "ByModule": {}},
        help="The Microsoft Entra tenant: its identifier or one of its domain names.")
    use_authorization_code = Parameter("SwitchParameter", aliases=("AuthCode",), sets={
        "ServicePrincipal": {}, "ServicePrincipalCertificate": {}, "User": {}, "ByModule": {}},
        help="Signs in through the authorization code flow in a browser.")
    use_device_authentication = Parameter("SwitchParameter", aliases=("DeviceCode", "DeviceAuth", "Device"),
                                          sets={"User": {}},
                                          help="Signs in with a device code shown in the console instead of "
                                               "a browser.")

    def process_record(self) -> None:
        name = str(self.environment) if self.environment is not None else "AzureCloud"
        cloud = environment(self, "PartnerCenter", name)
        authority = cloud.endpoints["ActiveDirectoryAuthority"] if cloud is not None else ""
        where = f"{authority}{self.tenant or 'organizations'}"
        self.write_error(_not_available(
            f"This build of pwshlike cannot acquire access tokens yet: New-PartnerAccessToken did not sign in "
            f"at {where} ({name}, parameter set {self.parameter_set_name}) and returns no token."))


def _not_available(message: str) -> ErrorRecord:
    return ErrorRecord(NotImplementedException(message), "TokenAcquisitionNotAvailable",
                       ErrorCategory.NotImplemented, None)
