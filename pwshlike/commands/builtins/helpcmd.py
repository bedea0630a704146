"""Get-Help: console help generated from command metadata."""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.help import command_help, render
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, ItemNotFoundException


@cmdlet("Get-Help", default_parameter_set="AllUsersView")
class GetHelpCommand(Cmdlet):
    """Shows help for a command: its synopsis, syntax, parameters and examples.

    Help comes from the command's own metadata, so it is always available
    offline and matches what the binder accepts."""

    name = Parameter("String", position=0, value_from_pipeline_by_property_name=True,
                     help="The command to describe.")
    full = Parameter("SwitchParameter", sets={"AllUsersView": {}}, help="Everything, with parameter details.")
    detailed = Parameter("SwitchParameter", sets={"DetailedView": {"mandatory": True}},
                         help="Adds parameter descriptions and examples.")
    examples = Parameter("SwitchParameter", sets={"Examples": {"mandatory": True}}, help="Only the examples.")
    parameter = Parameter("String[]", sets={"Parameters": {"mandatory": True}},
                          help="Only these parameters (wildcards allowed).", supports_wildcards=True)

    def process_record(self) -> Iterator[Any]:
        name = self.name or "Get-Help"
        info = self.context.command_resolver.find(self.context, name, use_get_prefix=False)
        if info is None or not hasattr(info, "metadata"):
            exc = ItemNotFoundException(
                f"Get-Help could not find {name} in a help file in this session. To download updated help "
                "topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet "
                "library at https://go.microsoft.com/fwlink/?LinkID=107116.")
            self.write_error(ErrorRecord(exc, "HelpNotFound", ErrorCategory.ResourceUnavailable, name))
            return
        target = getattr(info, "target", None)
        if target is not None:  # an alias: describe what it stands for
            info = self.context.command_resolver.find(self.context, target, use_get_prefix=False) or info
        view = "full" if self.full else "detailed" if self.detailed else "examples" if self.examples else "default"
        lines = render(command_help(info, self.context), view, self.parameter)
        yield "\n".join(lines)
