"""Get-MgContract (Microsoft.Graph.Identity.DirectoryManagement): the List
and Get sets of the SDK's generated cmdlet, over :mod:`.listing`."""

from __future__ import annotations

from pwshlike.plugin import Parameter, cmdlet

from .listing import GraphCountCmdlet, GraphGetCmdlet
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


@cmdlet("Get-MgContractCount", default_parameter_set="Get", output_types=("System.Int32",))
class GetMgContractCount(GraphCountCmdlet):
    """Gets the number of contracts (customer tenants) of the partner.

    Graph counts only with -ConsistencyLevel eventual; -Filter and -Search
    count the matching ones."""

    collection = "contracts"
    generated = "GetMgContractCount"
    help_examples = [
        ("Example 1: Count them",
         "Get-MgContractCount -ConsistencyLevel eventual",
         "The number of contracts (customer tenants) of the partner."),
    ]
    help_outputs = ["System.Int32"]
