"""Get-Verb: the approved verbs, as VerbInfo objects in pwsh's order.

The verbs, their groups, alias prefixes and descriptions come from
:mod:`pwshlike.commands.verbs`, the table Import-Module also checks command
names against.
"""

from __future__ import annotations

from typing import Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_set
from pwshlike.commands.verbs import APPROVED_VERBS, VERB_DETAILS
from pwshlike.dotnet.types import register_class
from pwshlike.dotnet.wildcard import wildcard_match


class VerbInfo:
    """``System.Management.Automation.VerbInfo``: one approved verb."""

    __slots__ = ("verb", "alias_prefix", "group", "description")
    full_name = "System.Management.Automation.VerbInfo"
    PS_MEMBERS = {"Verb": "verb", "AliasPrefix": "alias_prefix", "Group": "group", "Description": "description"}

    def __init__(self, verb: str, alias_prefix: str, group: str, description: str) -> None:
        self.verb = verb
        self.alias_prefix = alias_prefix
        self.group = group
        self.description = description

    def __str__(self) -> str:
        return self.full_name


register_class(VerbInfo, VerbInfo.full_name)

_GROUPS = list(APPROVED_VERBS)


def verb_infos(verbs: Optional[list[str]], groups: Optional[list[str]]) -> Iterator[VerbInfo]:
    """pwsh's FilterByVerbsAndGroups: group by group, each in declaration
    order; verbs are wildcard patterns, groups compare case-insensitively."""
    wanted_groups = {g.lower() for g in groups} if groups else None
    for group in _GROUPS:
        if wanted_groups is not None and group.lower() not in wanted_groups:
            continue
        for verb in APPROVED_VERBS[group]:
            if verbs and not any(wildcard_match(verb, pattern) for pattern in verbs):
                continue
            prefix, description = VERB_DETAILS[verb]
            yield VerbInfo(verb, prefix, group, description)


@cmdlet("Get-Verb", output_types=("System.Management.Automation.VerbInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097026")
class GetVerbCommand(Cmdlet):
    """Gets the approved PowerShell verbs, to name new commands with.

    Each verb comes with its group (Common, Communications, Data, Diagnostic,
    Lifecycle, Other or Security), the prefix recommended for aliases of
    commands with that verb, and a description of what it is meant to do.
    Import-Module warns about commands whose verb is not in this list."""

    help_examples = [
        ("Example 1: All approved verbs", "Get-Verb", "Lists the approved verbs, group by group."),
        ("Example 2: Verbs that start with a letter", "Get-Verb -Verb S*",
         "Lists Search, Select, Set, Show, Skip, Split... with their groups and descriptions."),
        ("Example 3: One group", "Get-Verb -Group Security | Select-Object -ExpandProperty Verb",
         "Returns Block, Grant, Protect, Revoke, Unblock and Unprotect."),
        ("Example 4: Check a verb before using it", "if (-not (Get-Verb -Verb Fetch)) { 'Fetch is not approved' }",
         "Get-Verb returns nothing for a verb that is not approved."),
    ]

    verb = Parameter("String[]", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                     supports_wildcards=True, help="The verbs to get; wildcards are allowed. All when omitted.")
    group = Parameter("String[]", position=1, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                      validators=[validate_set(_GROUPS)], help="Only the verbs of these groups.")

    def process_record(self) -> Iterator[VerbInfo]:
        yield from verb_infos(self.verb, self.group)
