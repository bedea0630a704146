"""Get-MgServicePrincipal (Microsoft.Graph.Applications): the List and Get
sets of the SDK's generated cmdlet, over :mod:`.listing`."""

from __future__ import annotations

from pwshlike.plugin import Parameter, cmdlet

from .listing import GraphCountCmdlet, GraphGetCmdlet
from .models import MicrosoftGraphServicePrincipal

SERVICE_PRINCIPAL_INTERFACE = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphServicePrincipal"


@cmdlet("Get-MgServicePrincipal", default_parameter_set="List", output_types=(SERVICE_PRINCIPAL_INTERFACE,))
class GetMgServicePrincipal(GraphGetCmdlet):
    """Gets service principals: the instances of applications in the tenant.

    With -ServicePrincipalId, reads one by object id; otherwise lists them,
    for example with -Filter "appId eq '<application id>'" to find the
    object id a delegated permission grant needs, or with -Search and
    -ConsistencyLevel eventual."""

    collection = "servicePrincipals"
    key_attribute = "service_principal_id"
    generated = "GetMgServicePrincipal"
    model = MicrosoftGraphServicePrincipal
    help_examples = [
        ("Example 1: Find Microsoft Graph's service principal",
         "Get-MgServicePrincipal -Filter \"appId eq '00000003-0000-0000-c000-000000000000'\"",
         "The object id in the Id column is the -ResourceId of a grant for Microsoft Graph."),
        ("Example 2: Search by display name",
         "Get-MgServicePrincipal -Search '\"displayName:graph\"' -ConsistencyLevel eventual -CountVariable n",
         "$search needs the ConsistencyLevel header; $n receives the number found."),
    ]
    help_outputs = [SERVICE_PRINCIPAL_INTERFACE]

    service_principal_id = Parameter("String", sets={"Get": {"mandatory": True}},
                                     help="The unique identifier (object id) of the service principal.")


@cmdlet("Get-MgServicePrincipalCount", default_parameter_set="Get", output_types=("System.Int32",))
class GetMgServicePrincipalCount(GraphCountCmdlet):
    """Gets the number of service principals in the tenant.

    Graph counts only with -ConsistencyLevel eventual; -Filter and -Search
    count the matching ones."""

    collection = "servicePrincipals"
    generated = "GetMgServicePrincipalCount"
    help_examples = [
        ("Example 1: Count them",
         "Get-MgServicePrincipalCount -ConsistencyLevel eventual",
         "The number of service principals in the tenant."),
    ]
    help_outputs = ["System.Int32"]
