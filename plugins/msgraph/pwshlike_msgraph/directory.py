"""Get-MgContract (Microsoft.Graph.Identity.DirectoryManagement): the List
and Get sets of the SDK's generated cmdlet, over :mod:`.listing`."""

from __future__ import annotations

from pwshlike.plugin import Parameter, cmdlet

from .listing import GraphGetCmdlet
from .models import MicrosoftGraphContract

CONTRACT_INTERFACE = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphContract"


@cmdlet("Get-MgContract", default_parameter_set="List", output_types=(CONTRACT_INTERFACE,))
class GetMgContract(GraphGetCmdlet):
    """Gets contracts: a partner tenant's relationships with its customer tenants.

    Each contract names the customer tenant (CustomerId), its default
    domain and display name. With -ContractId, reads one contract."""

    collection = "contracts"
    key_attribute = "contract_id"
    generated = "GetMgContract"
    model = MicrosoftGraphContract
    help_examples = [
        ("Example 1: A partner's customer tenants",
         "Get-MgContract -All | Select-Object CustomerId, DefaultDomainName, DisplayName",
         "One line per customer tenant."),
    ]
    help_outputs = [CONTRACT_INTERFACE]

    contract_id = Parameter("String", sets={"Get": {"mandatory": True}},
                            help="The unique identifier of the contract.")
