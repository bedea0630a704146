"""pwsh's built-in views for the types pwshlike produces.

Transcribed from PowerShell's ``*_format_ps1xml.cs`` (DotNetTypes,
PowerShellCore; FileSystem's are in ``fs_views``).  Values pwsh computes
with script blocks are computed here by Python functions, so showing a
listing runs no script code; they read members through the engine, so any
class that exposes the members (CommandInfo, Process...) is shown.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..dotnet import members
from ..dotnet.conversions import dotnet_to_string
from .fs_views import install_file_system_views
from .views import (
    LEFT, RIGHT, CustomView, Field, GroupBy, ListItem, ListView, TableColumn, TableView, ViewRegistry, WideView,
)


def _member(obj: Any, name: str) -> Any:
    return members.get_member(obj, name)


def _extended_error(obj: Any) -> str:
    """Get-Error's detailed view (its module loads when an error is shown)."""
    from .extended_error import render_extended_error
    return render_extended_error(obj)


# --- .NET types -----------------------------------------------------------------------------------------

def long_date_time(value: _dt.datetime) -> str:
    """``DateTime.DateTime``: the long date and long time (en-US)."""
    from ..dotnet.formatting_net import format_value
    return format_value(value, "D") + " " + format_value(value, "T")


def _dotnet_types(registry: ViewRegistry) -> None:
    add = registry.add
    add(TableView("Dictionary", ("System.Collections.DictionaryEntry",),
                  [TableColumn("Name", width=30), TableColumn("Value")]), builtin=True)
    add(ListView("System.Collections.DictionaryEntry", ("System.Collections.DictionaryEntry",),
                 [(None, [ListItem("Name"), ListItem("Value")])]), builtin=True)
    timespan = ("System.TimeSpan",)
    add(ListView("System.TimeSpan", timespan, [(None, [ListItem(n) for n in (
        "Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours", "TotalMinutes",
        "TotalSeconds", "TotalMilliseconds")])]), builtin=True)
    add(TableView("System.TimeSpan", timespan, [TableColumn(n) for n in (
        "Days", "Hours", "Minutes", "Seconds", "Milliseconds")]), builtin=True)
    add(WideView("System.TimeSpan", timespan, [(None, "TotalMilliseconds", None)]), builtin=True)
    add(CustomView("DateTime", ("System.DateTime",), [Field(long_date_time)]), builtin=True)
    add(TableView("System.Guid", ("System.Guid",), [TableColumn(str, "Guid")]), builtin=True)
    add(TableView("System.Version", ("System.Version",), [
        TableColumn("Major", width=6), TableColumn("Minor", width=6), TableColumn("Build", width=6),
        TableColumn("Revision", width=8)]), builtin=True)
    add(TableView("System.Globalization.CultureInfo", ("System.Globalization.CultureInfo",), [
        TableColumn("LCID", width=16), TableColumn("Name", width=16), TableColumn("DisplayName")]), builtin=True)
    add(TableView("System.Management.Automation.SemanticVersion", ("System.Management.Automation.SemanticVersion",), [
        TableColumn("Major", width=6), TableColumn("Minor", width=6), TableColumn("Patch", width=6),
        TableColumn("PreReleaseLabel", width=15), TableColumn("BuildLabel", width=11)]), builtin=True)
    add(TableView("System.RuntimeType", ("System.RuntimeType",), [
        TableColumn("IsPublic", "IsPublic", 8), TableColumn("IsSerializable", "IsSerial", 8),
        TableColumn("Name", width=40), TableColumn("BaseType")]), builtin=True)
    add(CustomView("Exception", ("System.Exception",), [Field("Message")], out_of_band=True), builtin=True)
    add(CustomView("GetErrorInstance", ("System.Management.Automation.ErrorRecord#PSExtendedError",
                                        "System.Exception#PSExtendedError"), _extended_error), builtin=True)


# --- PowerShell types -----------------------------------------------------------------------------------

def command_name(obj: Any) -> Any:
    """The CommandInfo view's Name column: an alias shows ``gcm -> Get-Command``."""
    if dotnet_to_string(_member(obj, "CommandType")) == "Alias":
        display = _member(obj, "DisplayName")
        if display is not None:
            return display
        return f"{dotnet_to_string(_member(obj, 'Name'))} -> {dotnet_to_string(_member(obj, 'Definition'))}"
    return _member(obj, "Name")


def match_text(obj: Any) -> str:
    """A MatchInfo as Select-String shows it (relative to the current location)."""
    emphasized = getattr(obj, "ToEmphasizedString", None)
    if callable(emphasized):
        from ..runtime import active
        current = active.context
        location = dotnet_to_string(current.session.location) if current is not None else ""
        return dotnet_to_string(emphasized(location))
    return dotnet_to_string(obj)


def _gigabytes(name: str) -> Any:
    """A drive's Used or Free column: GB with two decimals, blank for a
    drive that reports neither (pwsh's ``{0:###0.00}`` of ``$_.Used / 1GB``)."""
    def column(obj: Any) -> Any:
        used, free = _member(obj, "Used"), _member(obj, "Free")
        if not used and not free:
            return None
        value = _member(obj, name) or 0
        return f"{value / 1073741824:.2f}"
    return column


def _drive_views(registry: ViewRegistry) -> None:
    """Get-PSDrive's table and list, Get-PSProvider's table (pwsh's
    PowerShellCore format data)."""
    add = registry.add
    drive = "System.Management.Automation.PSDriveInfo"
    add(TableView("drive", (drive,), [
        TableColumn("Name", width=10), TableColumn(_gigabytes("Used"), "Used (GB)", 13, RIGHT),
        TableColumn(_gigabytes("Free"), "Free (GB)", 13, RIGHT),
        TableColumn(lambda d: getattr(_member(d, "Provider"), "name", None), "Provider", 13),
        TableColumn(lambda d: _member(d, "DisplayRoot") if _member(d, "DisplayRoot") is not None
                    else _member(d, "Root"), "Root", 35),
        TableColumn("CurrentLocation", alignment=RIGHT)]), builtin=True)
    add(ListView(drive, (drive,), [(None, [ListItem(n) for n in (
        "Name", "Description", "Provider", "Root", "CurrentLocation")])]), builtin=True)
    provider = "System.Management.Automation.ProviderInfo"
    add(TableView("provider", (provider,), [
        TableColumn("Name", width=20), TableColumn("Capabilities"), TableColumn("Drives")]), builtin=True)
    add(ListView("provider", (provider,), [(None, [ListItem(n) for n in (
        "Name", "Drives", "Path", "Home", "Description", "Capabilities", "ImplementingType")])]), builtin=True)


def _powershell_types(registry: ViewRegistry) -> None:
    add = registry.add
    add(TableView("System.Management.Automation.CommandInfo", ("System.Management.Automation.CommandInfo",), [
        TableColumn("CommandType", width=15), TableColumn("Name")]), builtin=True)
    add(TableView("CommandInfo", tuple(f"System.Management.Automation.{n}" for n in (
        "AliasInfo", "ApplicationInfo", "CmdletInfo", "ExternalScriptInfo", "FilterInfo", "FunctionInfo",
        "ScriptInfo")), [
        TableColumn("CommandType", "CommandType", 15), TableColumn(command_name, "Name", 50),
        TableColumn("Version", "Version", 10), TableColumn("Source", "Source")]), builtin=True)
    add(TableView("Variable", ("System.Management.Automation.PSVariable",), [
        TableColumn("Name", width=30), TableColumn("Value")]), builtin=True)
    add(TableView("PathInfo", ("System.Management.Automation.PathInfo",), [TableColumn("Path")]), builtin=True)
    group = "Microsoft.PowerShell.Commands.GroupInfo"
    add(TableView(group, (group,), [
        TableColumn("Count", "Count", 5, RIGHT), TableColumn("Name", width=25), TableColumn("Group")]), builtin=True)
    add(ListView(group, (group,), [(None, [ListItem("Name"), ListItem("Count"), ListItem("Group"),
                                           ListItem("Values")])]), builtin=True)
    no_element = "Microsoft.PowerShell.Commands.GroupInfoNoElement"
    add(TableView(no_element, (no_element,), [
        TableColumn("Count", "Count", 5, RIGHT), TableColumn("Name", width=25)]), builtin=True)
    add(CustomView("MatchInfo", ("Microsoft.PowerShell.Commands.MatchInfo",), [Field(match_text)]), builtin=True)
    member = "Microsoft.PowerShell.Commands.MemberDefinition"
    add(TableView(member, (member,), [TableColumn("Name", "Name"), TableColumn("MemberType", "MemberType"),
                                      TableColumn("Definition", "Definition")],
                  GroupBy("TypeName"), autosize=True), builtin=True)
    add(CustomView("ScriptBlock", ("System.Management.Automation.ScriptBlock",), [Field(str)], out_of_band=True),
        builtin=True)


def _megabytes(name: str) -> Any:
    """pwsh's ``"{0:N2}" -f [float]($_.<name> / 1MB)``."""
    return lambda p: f"{(_member(p, name) or 0) / 1048576:,.2f}"


def _seconds(p: Any) -> str:
    """pwsh's ``"{0:N2}" -f [float]($_.CPU)``: no CPU time reads as 0.00."""
    return f"{_member(p, 'CPU') or 0:,.2f}"


def _process_views(registry: ViewRegistry) -> None:
    """Get-Process's tables (pwsh's DotNetTypes format data): the default
    and, for -IncludeUserName, the one with the owner."""
    add = registry.add
    add(TableView("process", ("System.Diagnostics.Process",), [
        TableColumn(lambda p: round((_member(p, "NPM") or 0) / 1024), "NPM(K)", 7, RIGHT),
        TableColumn(_megabytes("PM"), "PM(M)", 8, RIGHT), TableColumn(_megabytes("WS"), "WS(M)", 10, RIGHT),
        TableColumn(_seconds, "CPU(s)", 10, RIGHT), TableColumn("Id", width=7, alignment=RIGHT),
        TableColumn("SI", width=3, alignment=RIGHT), TableColumn("ProcessName")]), builtin=True)
    add(TableView("ProcessWithUserName", ("System.Diagnostics.Process#IncludeUserName",), [
        TableColumn(_megabytes("WS"), "WS(M)", 10, RIGHT), TableColumn(_seconds, "CPU(s)", 8, RIGHT),
        TableColumn("Id", width=7, alignment=RIGHT), TableColumn("UserName", width=30),
        TableColumn("ProcessName")]), builtin=True)
    # pwsh's DefaultDisplayPropertySet, what Format-List shows of a process
    registry.set_default_properties("System.Diagnostics.Process", ("Id", "Handles", "CPU", "SI", "Name"))
    add(TableView("ProcessModule", ("System.Diagnostics.ProcessModule",), [
        TableColumn("Size", "Size(K)", 10, RIGHT), TableColumn("ModuleName", width=50),
        TableColumn("FileName")]), builtin=True)
    version = "System.Diagnostics.FileVersionInfo"
    add(TableView(version, (version,), [TableColumn("ProductVersion", width=16),
                                        TableColumn("FileVersion", width=16), TableColumn("FileName")]),
        builtin=True)
    add(ListView(version, (version,), [(None, [ListItem(n) for n in (
        "OriginalFileName", "FileDescription", "ProductName", "Comments", "CompanyName", "FileName",
        "FileVersion", "ProductVersion", "IsDebug", "IsPatched", "IsPreRelease", "IsPrivateBuild",
        "IsSpecialBuild", "Language", "LegalCopyright", "LegalTrademarks", "PrivateBuild",
        "SpecialBuild")])]), builtin=True)


def history_duration(entry: Any) -> str:
    """Get-History's Duration column: pwsh's ``s\\.fff``, ``m\\:ss\\.fff``,
    ``h\\:mm\\:ss\\.fff`` by size, total hours from ten hours up."""
    value = _member(entry, "Duration")
    if not isinstance(value, _dt.timedelta):
        return ""
    total = abs(value)
    milliseconds = total // _dt.timedelta(milliseconds=1)
    hours_total, rest = divmod(milliseconds, 3600000)
    minutes, rest = divmod(rest, 60000)
    seconds, fraction = divmod(rest, 1000)
    if hours_total >= 10:
        from ..dotnet.conversions import round_half_even
        hours = round_half_even(total / _dt.timedelta(hours=1))
        return f"{hours}:{minutes:02}:{seconds:02}.{fraction:03}"
    if hours_total >= 1:
        return f"{hours_total % 24}:{minutes:02}:{seconds:02}.{fraction:03}"
    if minutes >= 1:
        return f"{minutes}:{seconds:02}.{fraction:03}"
    return f"{seconds}.{fraction:03}"


def _session_views(registry: ViewRegistry) -> None:
    """Get-History's table and wide views and Get-PSCallStack's table
    (pwsh's PowerShellCore format data)."""
    add = registry.add
    history = "Microsoft.PowerShell.Commands.HistoryInfo"
    add(TableView("history", (history,), [
        TableColumn("Id", width=4, alignment=RIGHT), TableColumn(history_duration, "Duration", 12, RIGHT),
        TableColumn("CommandLine")]), builtin=True)
    add(WideView("history", (history,), [(None, "CommandLine", None)]), builtin=True)
    add(TableView("CallStackFrame", ("System.Management.Automation.CallStackFrame",), [
        TableColumn("Command", "Command"), TableColumn("Arguments", "Arguments"),
        TableColumn("Location", "Location")]), builtin=True)


def _hex_views(registry: ViewRegistry) -> None:
    """Format-Hex's ByteCollection table: the offset, the bytes under a
    two-line header naming each column, the characters; grouped by the
    label (a file's path or the input's type)."""
    name = "Microsoft.PowerShell.Commands.ByteCollection"
    registry.add(TableView(name, (name,), [
        TableColumn("HexOffset", "Offset", 16, RIGHT),
        TableColumn("HexBytes", "Bytes\n" + " ".join(f"{i:02X}" for i in range(16)), 47, LEFT),
        TableColumn("Ascii", "Ascii", 16, LEFT)], GroupBy("Label")), builtin=True)


def _job_views(registry: ViewRegistry) -> None:
    """The jobs' table (pwsh's PowerShellCore format data for
    System.Management.Automation.Job, every kind of job)."""
    registry.add(TableView("Job", ("System.Management.Automation.Job",), [
        TableColumn("Id", width=6), TableColumn("Name", width=15), TableColumn("PSJobTypeName", width=15),
        TableColumn("State", width=13), TableColumn("HasMoreData", width=15), TableColumn("Location", width=20),
        TableColumn("Command", width=25)]), builtin=True)


def install_builtin_views(registry: ViewRegistry) -> None:
    """Adds pwsh's default views to ``registry`` (after any registered ones)."""
    _dotnet_types(registry)
    _powershell_types(registry)
    _drive_views(registry)
    install_file_system_views(registry)
    _process_views(registry)
    _session_views(registry)
    _hex_views(registry)
    _job_views(registry)
