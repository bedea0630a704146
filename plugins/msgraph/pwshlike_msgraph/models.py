"""Microsoft Graph model types the Graph cmdlets take and return."""

from __future__ import annotations

import datetime
from typing import Any

from pwshlike.plugin import Hashtable, PSCustomObject, to_string


class MicrosoftGraphOAuth2PermissionGrant:
    """``oAuth2PermissionGrant``: a delegated permission grant.

    Converting a hashtable (or a custom object) to it, as binding
    ``-BodyParameter @{...}`` does, matches the property names
    case-insensitively and keeps every other key in ``AdditionalProperties``,
    as the Graph SDK's type converter does."""

    full_name = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant"
    PROPERTIES = ("Id", "ClientId", "ConsentType", "PrincipalId", "ResourceId", "Scope")
    # What completion offers inside -BodyParameter @{ }: the JSON names the
    # reference page's example uses.
    property_names = ("clientId", "consentType", "id", "principalId", "resourceId", "scope")
    PS_MEMBERS = {"Id": "id", "ClientId": "client_id", "ConsentType": "consent_type",
                  "PrincipalId": "principal_id", "ResourceId": "resource_id", "Scope": "scope",
                  "AdditionalProperties": "additional_properties", "ToString": "__str__"}
    _ATTRIBUTES = {"id": "id", "clientid": "client_id", "consenttype": "consent_type",
                   "principalid": "principal_id", "resourceid": "resource_id", "scope": "scope"}

    def __init__(self, id: Any = None, client_id: Any = None, consent_type: Any = None, principal_id: Any = None,
                 resource_id: Any = None, scope: Any = None) -> None:
        self.id = id
        self.client_id = client_id
        self.consent_type = consent_type
        self.principal_id = principal_id
        self.resource_id = resource_id
        self.scope = scope
        self.additional_properties = Hashtable()

    @classmethod
    def convert_from(cls, value: Any) -> "MicrosoftGraphOAuth2PermissionGrant":
        """From a hashtable, an ordered dictionary or a custom object."""
        if isinstance(value, PSCustomObject) or (hasattr(value, "items") and hasattr(value, "keys")):
            pairs = value.items()
        else:
            raise TypeError("")
        grant = cls()
        for key, item in pairs:
            attribute = cls._ATTRIBUTES.get(to_string(key).lower())
            if attribute is None:
                grant.additional_properties[to_string(key)] = item
            else:
                setattr(grant, attribute, None if item is None else to_string(item))
        return grant

    def request_body(self) -> dict[str, Any]:
        """The JSON object Graph receives: the properties that are set, under
        their camelCase names, then the additional properties."""
        body: dict[str, Any] = {}
        for name in self.PROPERTIES:
            value = getattr(self, self._ATTRIBUTES[name.lower()])
            if value is not None:
                body[name[0].lower() + name[1:]] = value
        for key, value in self.additional_properties.items():
            body[str(key)] = value
        return body

    def __str__(self) -> str:
        return self.full_name


def ps_value(value: Any) -> Any:
    """A JSON value as the SDK hands it to PowerShell: objects as
    hashtables (nested too), arrays as arrays."""
    if isinstance(value, dict):
        table = Hashtable()
        for key, item in value.items():
            table[key] = ps_value(item)
        return table
    if isinstance(value, list):
        return [ps_value(item) for item in value]
    return value


class GraphEntity:
    """A Graph entity read from JSON, as the SDK's generated models are:
    one PascalCase property per property of the type (null when the answer
    lacks it, as with -Property), ``*DateTime`` properties as datetimes,
    nested objects as hashtables, every other key of the answer in
    ``AdditionalProperties``."""

    full_name = ""
    PROPERTIES: tuple[str, ...] = ()
    PS_MEMBERS: dict[str, str] = {}
    _BY_JSON: dict[str, str] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.PS_MEMBERS = {**{name: name for name in cls.PROPERTIES},
                          "AdditionalProperties": "additional_properties", "ToString": "__str__"}
        cls._BY_JSON = {name.lower(): name for name in cls.PROPERTIES}

    def __init__(self) -> None:
        for name in self.PROPERTIES:
            setattr(self, name, None)
        self.additional_properties = Hashtable()

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> "GraphEntity":
        entity = cls()
        for key, value in item.items():
            name = cls._BY_JSON.get(key.lower())
            if name is None:  # @odata.context of a single object too, as the SDK keeps it
                entity.additional_properties[key] = ps_value(value)
            else:
                setattr(entity, name, _date_time(value) if name.endswith("DateTime") else ps_value(value))
        return entity

    def __str__(self) -> str:
        return self.full_name


def _date_time(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    return value


class MicrosoftGraphServicePrincipal(GraphEntity):
    """``servicePrincipal`` (Microsoft.Graph.Applications)."""

    full_name = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphServicePrincipal"
    PROPERTIES = (
        "AccountEnabled", "AddIns", "AlternativeNames", "AppDescription", "AppDisplayName", "AppId",
        "AppOwnerOrganizationId", "AppRoleAssignmentRequired", "AppRoles", "ApplicationTemplateId",
        "DeletedDateTime", "Description", "DisabledByMicrosoftStatus", "DisplayName", "Homepage", "Id", "Info",
        "KeyCredentials", "LoginUrl", "LogoutUrl", "Notes", "NotificationEmailAddresses", "Oauth2PermissionScopes",
        "PasswordCredentials", "PreferredSingleSignOnMode", "PreferredTokenSigningKeyThumbprint", "ReplyUrls",
        "ResourceSpecificApplicationPermissions", "SamlSingleSignOnSettings", "ServicePrincipalNames",
        "ServicePrincipalType", "SignInAudience", "Tags", "TokenEncryptionKeyId", "VerifiedPublisher")


class MicrosoftGraphUser(GraphEntity):
    """``user`` (Microsoft.Graph.Users)."""

    full_name = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser"
    PROPERTIES = (
        "AboutMe", "AccountEnabled", "AgeGroup", "AssignedLicenses", "AssignedPlans", "Birthday", "BusinessPhones",
        "City", "CompanyName", "ConsentProvidedForMinor", "Country", "CreatedDateTime", "CreationType",
        "DeletedDateTime", "Department", "DisplayName", "EmployeeHireDate", "EmployeeId", "EmployeeType",
        "ExternalUserState", "ExternalUserStateChangeDateTime", "FaxNumber", "GivenName", "Id", "Identities",
        "ImAddresses", "IsResourceAccount", "JobTitle", "LastPasswordChangeDateTime", "LegalAgeGroupClassification",
        "Mail", "MailNickname", "MobilePhone", "OfficeLocation", "OnPremisesDistinguishedName",
        "OnPremisesDomainName", "OnPremisesImmutableId", "OnPremisesLastSyncDateTime", "OnPremisesSamAccountName",
        "OnPremisesSecurityIdentifier", "OnPremisesSyncEnabled", "OnPremisesUserPrincipalName", "OtherMails",
        "PasswordPolicies", "PostalCode", "PreferredDataLocation", "PreferredLanguage", "ProxyAddresses",
        "SecurityIdentifier", "ShowInAddressList", "SignInSessionsValidFromDateTime", "State", "StreetAddress",
        "Surname", "UsageLocation", "UserPrincipalName", "UserType")


class MicrosoftGraphContract(GraphEntity):
    """``contract``: a partner's relationship with a customer tenant
    (Microsoft.Graph.Identity.DirectoryManagement)."""

    full_name = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphContract"
    PROPERTIES = ("ContractType", "CustomerId", "DefaultDomainName", "DeletedDateTime", "DisplayName", "Id")
