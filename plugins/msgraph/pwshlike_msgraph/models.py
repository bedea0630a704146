"""Microsoft Graph model types the Identity.SignIns cmdlets take and return."""

from __future__ import annotations

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
