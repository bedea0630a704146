"""Get-MgUser (Microsoft.Graph.Users): the List and Get sets of the SDK's
generated cmdlet, over :mod:`.listing`."""

from __future__ import annotations

from pwshlike.plugin import Parameter, cmdlet

from .listing import GraphCountCmdlet, GraphGetCmdlet
from .models import MicrosoftGraphUser

USER_INTERFACE = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser"


@cmdlet("Get-MgUser", default_parameter_set="List", output_types=(USER_INTERFACE,))
class GetMgUser(GraphGetCmdlet):
    """Gets users of the tenant.

    With -UserId, reads one user by object id or user principal name;
    otherwise lists them (-Filter, -Search with -ConsistencyLevel eventual,
    -Top, -All). Graph returns a default set of properties; ask for others
    with -Property."""

    collection = "users"
    key_attribute = "user_id"
    generated = "GetMgUser"
    model = MicrosoftGraphUser
    help_examples = [
        ("Example 1: One user by user principal name",
         "Get-MgUser -UserId 'adele@contoso.com' -Property Id,DisplayName,JobTitle",
         "Reads the user with the properties asked for."),
        ("Example 2: Every user, counted",
         "Get-MgUser -All -ConsistencyLevel eventual -CountVariable total",
         "Lists every page; $total receives the number of users."),
    ]
    help_outputs = [USER_INTERFACE]

    user_id = Parameter("String", sets={"Get": {"mandatory": True}},
                        help="The unique identifier of the user: its object id or user principal name.")


@cmdlet("Get-MgUserCount", default_parameter_set="Get", output_types=("System.Int32",))
class GetMgUserCount(GraphCountCmdlet):
    """Gets the number of users in the tenant.

    Graph counts only with -ConsistencyLevel eventual; -Filter and -Search
    count the matching ones."""

    collection = "users"
    generated = "GetMgUserCount"
    help_examples = [
        ("Example 1: Count them",
         "Get-MgUserCount -ConsistencyLevel eventual",
         "The number of users in the tenant."),
    ]
    help_outputs = ["System.Int32"]
