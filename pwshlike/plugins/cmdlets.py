"""Get-PwshlikePlugin and Test-PwshlikePlugin: what plugins are installed,
and whether what they declared actually loads.

Both read the session's plugin host (``context.plugins``).  Listing
imports none of a plugin's cmdlet modules; testing imports all of them.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import (
    ErrorCategory, ErrorRecord, ItemNotFoundException, MetadataException, RuntimeException,
)
from pwshlike.dotnet.wildcard import wildcard_match


def _has_wildcard(text: str) -> bool:
    return any(c in text for c in "*?[")


class _PluginCmdlet(Cmdlet):
    """Selecting plugins by -Name (wildcards), with pwsh's not-found error
    for a name without wildcards that matches nothing."""

    def _selected(self, patterns: Optional[list[str]], names: list[str]) -> list[str]:
        if not patterns:
            return names
        chosen: list[str] = []
        for pattern in patterns:
            found = [n for n in names if wildcard_match(n, pattern)]
            if not found and not _has_wildcard(pattern):
                exc = ItemNotFoundException(f"Cannot find a plugin with the name '{pattern}'. Run "
                                            f"Get-PwshlikePlugin to list the registered plugins.")
                self.write_error(ErrorRecord(exc, "PluginNotFound", ErrorCategory.ObjectNotFound, pattern))
            chosen += [n for n in found if n not in chosen]
        return [n for n in names if n in chosen]


@cmdlet("Get-PwshlikePlugin", output_types=("Pwshlike.PluginInfo",))
class GetPwshlikePluginCommand(_PluginCmdlet):
    """Lists the plugins registered in this process, with their versions and the modules they provide.

    Each plugin is one object: its Name (the entry point's name, or the file
    name of a user plugin), the Distribution that installed it and its
    Version, the PowerShell Modules it declares, its Location (the file or
    folder it was loaded from), its Source (EntryPoint, UserDirectory,
    Environment for PWSHLIKE_PLUGINS, BuiltIn, or Registered by an embedding
    application) and the Hooks it implements. Listing plugins imports none
    of their commands. A plugin that failed to load is not listed: the
    warning shown when the session started names it."""

    help_examples = [
        ("Example 1: The installed plugins", "Get-PwshlikePlugin",
         "Lists every registered plugin, the built-in commands included."),
        ("Example 2: Which plugin provides a module",
         "Get-PwshlikePlugin | Where-Object Modules -Contains PartnerCenter | Select-Object Name, Version, Location",
         "Shows the plugin that declares the PartnerCenter module and where it was loaded from."),
    ]
    help_outputs = ("Pwshlike.PluginInfo",)

    name = Parameter("String[]", position=0, value_from_pipeline_by_property_name=True,
                     help="Plugin names; wildcards allowed. Without it, every registered plugin is listed.",
                     supports_wildcards=True)

    def process_record(self) -> Iterator[Any]:
        from pwshlike.plugins.listing import plugin_infos
        wanted = set(self._selected(self.name, self.context.plugins.plugin_names()))
        for info in plugin_infos(self.context.plugins):
            if info.name in wanted:
                yield info


class PluginTestResult:
    """``Pwshlike.PluginTestResult``: Test-PwshlikePlugin's summary of one plugin."""

    full_name = "Pwshlike.PluginTestResult"
    PS_MEMBERS = {"Name": "name", "Commands": "commands", "Types": "types", "Views": "views",
                  "Problems": "problems", "Passed": "passed", "ToString": "__str__"}

    def __init__(self, name: str, commands: int, types: int, views: int, problems: int) -> None:
        self.name = name
        self.commands = commands
        self.types = types
        self.views = views
        self.problems = problems
        self.passed = problems == 0

    def __str__(self) -> str:
        return self.name


@cmdlet("Test-PwshlikePlugin", output_types=("Pwshlike.PluginTestResult",))
class TestPwshlikePluginCommand(_PluginCmdlet):
    """Imports every class a plugin declares and checks its metadata, reporting each problem as an error.

    For each command of each module the plugin declares, the class named by
    its import path is imported and must be a Cmdlet subclass decorated with
    @cmdlet under the same command name, and its parameters must not repeat
    a name or alias or share a position within a parameter set. Each
    declared type's class is imported, and each formatting view must be for
    a known type (declared by a plugin, named as a command's output type, or
    a .NET type) with scripts that parse. A plugin that could not be
    imported or registered is tested too: its failure (the warning the
    session started with) is its one problem. Every problem is a non-terminating
    error whose target is plugin\\item, so one run reports all of them; then
    one summary object per plugin says how many commands, types and views
    were checked, how many problems were found and whether it Passed. What
    pwsh accepts but is likely a mistake is a warning instead: a verb that
    is not approved (as Import-Module warns), a default parameter set no
    parameter names, several ValueFromPipeline parameters in one set."""

    help_examples = [
        ("Example 1: Check a plugin before publishing it", "Test-PwshlikePlugin -Name greetings",
         "Imports every command, type and view the greetings plugin declares; each problem is an error, "
         "and the summary's Passed is True when there is none."),
        ("Example 2: Fail a build on any problem",
         "if (-not (Test-PwshlikePlugin greetings -ErrorAction SilentlyContinue).Passed) { exit 1 }",
         "Uses the summary object in a script."),
        ("Example 3: Test the plugins Get-PwshlikePlugin lists", "Get-PwshlikePlugin -Name part* | Test-PwshlikePlugin",
         "Plugins bind to -Name by their Name property."),
    ]
    help_outputs = ("Pwshlike.PluginTestResult",)

    name = Parameter("String[]", position=0, value_from_pipeline_by_property_name=True,
                     help="Plugin names; wildcards allowed. Without it, every registered plugin is tested.",
                     supports_wildcards=True)

    def process_record(self) -> Iterator[Any]:
        from pwshlike.plugins.checks import check_plugin
        host = self.context.plugins
        for name in self._selected(self.name, host.plugin_names() + sorted(host.failures)):
            failure = host.failures.get(name)
            if failure is not None:
                self.write_error(ErrorRecord(RuntimeException(failure), "PluginLoadFailed",
                                             ErrorCategory.ResourceUnavailable, name))
                yield PluginTestResult(name, 0, 0, 0, 1)
                continue
            check = check_plugin(host, name)
            for warning in check.warnings:
                self.write_warning(warning)
            for problem in check.problems:
                category = getattr(ErrorCategory, problem.category)
                exc_class = RuntimeException if category == ErrorCategory.ResourceUnavailable else MetadataException
                self.write_error(ErrorRecord(exc_class(problem.message), problem.error_id, category, problem.target))
            yield PluginTestResult(name, check.commands, check.types, check.views, len(check.problems))
