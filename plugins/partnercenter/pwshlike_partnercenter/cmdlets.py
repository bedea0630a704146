"""New-PartnerAccessToken, with the parameters and parameter sets of the
PartnerCenter module's reference page.

Parameters are declared in the module's order, which is also the order
``Get-Command -Syntax`` lists them in within each group; each parameter
names the sets it belongs to, in the order the page lists the sets.
"""

from __future__ import annotations

from typing import Iterator

from pwshlike.plugin import (
    CloudEnvironment, Cmdlet, ErrorCategory, ErrorRecord, IdentityError, InvalidOperationException, Parameter,
    cmdlet, environment, identity_error_record, validate_not_null, validate_not_null_or_empty, validate_set,
)

from . import ENVIRONMENT_NAMES, ENVIRONMENT_TYPE, MODULE_NAME_TYPE
from .flows import DEFAULT_TENANT, FLOW_TEXT, ApplicationMismatch, choose_flow, sign_in
from .models import AUTH_RESULT_TYPE as _AUTH_RESULT, AuthResult
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
    help_notes = (
        "Tokens are requested from the authority of the chosen -Environment (AzureCloud unless given) for the "
        "tenant in -Tenant ('organizations' unless given). -Environment also accepts Emulator, pwshlike's "
        "Azure AD emulator on this machine (Start-PwshlikeEmulator): scopes stay those of the real services, "
        "so a script moves between the emulator and the cloud by changing -Environment alone. AzurePPE signs in "
        "at the PPE authority (the PartnerCenter module used the public cloud there); AzureGermanCloud is "
        "retired by Microsoft and kept for compatibility.\n\n"
        "Tokens are cached in $XDG_CACHE_HOME/pwshlike/msal_token_cache.json (readable by you alone; set "
        "PWSHLIKE_TOKEN_CACHE=memory to keep them in memory only, Clear-PwshlikeTokenCache to empty it). Client "
        "credentials, and a user already signed in, are served from the cache without a request while the "
        "token is valid. RefreshToken is filled whenever Azure AD returns a refresh token. The default view "
        "shortens every token to its first characters and its length; the properties hold the whole values.\n\n"
        "With -RefreshToken and -Credential, the credential's user name is the application (client) id and its "
        "password the client secret. The PartnerCenter module let that user name silently replace "
        "-ApplicationId; pwshlike refuses the call when the two differ (ApplicationIdMismatch) rather than sign "
        "in as another application. Errors from Azure AD carry the AADSTS code in the message and in the "
        "FullyQualifiedErrorId (for example AADSTS7000215, an invalid client secret). MSAL remembers a refused "
        "request for 60 seconds and answers the same error without asking Azure AD again, so a retry within a "
        "minute fails the same way.")

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
                            accepted_values=ENVIRONMENT_NAMES, validators=_NOT_EMPTY,
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

    def process_record(self) -> Iterator[AuthResult]:
        cloud = self._cloud()
        flow = choose_flow(self)
        self.write_verbose(f"Signing in with {FLOW_TEXT[flow]} (parameter set {self.parameter_set_name}) at "
                           f"{cloud.authority(self.tenant or DEFAULT_TENANT)} ({cloud.name}).")
        try:
            token = sign_in(self, cloud, flow)
        except IdentityError as error:
            self.throw_terminating_error(identity_error_record(error))
        except ApplicationMismatch as mismatch:
            self.throw_terminating_error(mismatch.record())
        yield AuthResult.from_token(token)

    def _cloud(self) -> CloudEnvironment:
        name = str(self.environment) if self.environment is not None else "AzureCloud"
        cloud = environment(self, "PartnerCenter", name)
        if cloud is None:
            hint = (" Start it in this shell with Start-PwshlikeEmulator, or in another one with "
                    "'python -m pwshlike.emulator'." if name.lower() == "emulator" else "")
            exc = InvalidOperationException(f"The environment '{name}' is not available.{hint}")
            self.throw_terminating_error(ErrorRecord(exc, "EnvironmentNotAvailable", ErrorCategory.ObjectNotFound,
                                                     name))
        if not cloud.endpoints.get("ActiveDirectoryAuthority"):  # a plugin declared it without one
            exc = InvalidOperationException(f"The environment '{name}' declares no ActiveDirectoryAuthority "
                                            f"endpoint: there is nowhere to sign in.")
            self.throw_terminating_error(ErrorRecord(exc, "EnvironmentIncomplete", ErrorCategory.InvalidData, name))
        return cloud
