"""pwsh's views of files and folders (``FileSystem_format_ps1xml.cs``).

On Linux the default table is ``childrenWithUnixStat``: UnixMode, User,
Group, LastWriteTime (the current culture's short date with ``HH:mm``),
Size and the name (coloured by ``$PSStyle.FileInfo``, ``name -> target``
for a link), grouped under a ``    Directory: /path`` header.  The Windows
table (``children``: Mode, LastWriteTime, Length, Name) stays available
as ``Format-Table -View children``; Format-List and Format-Wide have
pwsh's ``children`` views.

The values pwsh computes with script blocks are computed by Python
functions reading the items' members, so a listing runs no script code.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any

from ..dotnet import members
from ..dotnet.conversions import dotnet_to_string
from .views import (RIGHT, Field, Frame, GroupBy, ListItem, ListView, TableColumn, TableView, Text, ViewRegistry,
                    WideView)

FILE = "System.IO.FileInfo"
DIRECTORY = "System.IO.DirectoryInfo"
_PROVIDER_PREFIX = "Microsoft.PowerShell.Core\\FileSystem::"
_UNIX_TIME = "{0:d} {0:HH}:{0:mm}"


def _member(obj: Any, name: str) -> Any:
    return members.get_member(obj, name)


def _is_directory(obj: Any) -> bool:
    from .expressions import type_names
    return any(n.lower() == DIRECTORY.lower() for n in type_names(obj))


def file_mode(obj: Any) -> Any:
    value = _member(obj, "ModeWithoutHardLink")
    return value if value is not None else _member(obj, "Mode")


def file_last_write_time(obj: Any) -> str:
    """``LastWriteTimeString``: ``{0,10:d} {0,8:t}`` in the current culture."""
    text = _member(obj, "LastWriteTimeString")
    if text is not None:
        return dotnet_to_string(text)
    value = _member(obj, "LastWriteTime")
    if not isinstance(value, _dt.datetime):
        return ""
    from ..dotnet.formatting_net import composite_format
    return composite_format("{0,10:d} {0,8:t}", [value])


def unix_last_write_time(obj: Any) -> str:
    """``'{0:d} {0:HH}:{0:mm}' -f $_.LastWriteTime``."""
    value = _member(obj, "LastWriteTime")
    if not isinstance(value, _dt.datetime):
        return ""
    from ..dotnet.formatting_net import format_value
    # HH and mm are two digits in every culture: one culture lookup per row, not three.
    return f"{format_value(value, 'd')} {value.hour:02}:{value.minute:02}"


def unix_time_width() -> int:
    """The LastWriteTime column's width: the longest date the culture
    writes (pwsh measures the calendar's last day, 23:59)."""
    from ..dotnet.formatting_net import composite_format
    return len(composite_format(_UNIX_TIME, [_dt.datetime(9999, 12, 31, 23, 59)]))


def file_length(obj: Any) -> Any:
    """``LengthString``: the size of a file, nothing for a directory."""
    text = _member(obj, "LengthString")
    if text is not None:
        return text
    return "" if _is_directory(obj) else _member(obj, "Length")


def file_name(obj: Any) -> str:
    """``NameString``: the name, and ``-> target`` for a symbolic link."""
    text = _member(obj, "NameString")
    if text is not None:
        return dotnet_to_string(text)
    name = dotnet_to_string(_member(obj, "Name"))
    target = _member(obj, "LinkTarget")
    if target is None:
        target = _member(obj, "Target")
    if isinstance(target, (list, tuple)):
        target = target[0] if target else None
    return f"{name} -> {dotnet_to_string(target)}" if target else name


def file_parent(obj: Any) -> str:
    """The directory a listing groups by: ``PSParentPath`` without its provider prefix."""
    parent = _member(obj, "PSParentPath")
    if parent is not None:
        return dotnet_to_string(parent).replace(_PROVIDER_PREFIX, "")
    directory = _member(obj, "DirectoryName")
    if directory is not None:
        return dotnet_to_string(directory)
    full_name = _member(obj, "FullName")
    return os.path.dirname(dotnet_to_string(full_name).rstrip("/\\")) if full_name else ""


def install_file_system_views(registry: ViewRegistry) -> None:
    """The FileSystem format data, the Unix table first (pwsh's default on Linux)."""
    grouping = GroupBy(file_parent, control=[Frame([Text("    Directory: "), Field(file_parent)])])
    names = (DIRECTORY, FILE)
    registry.add(TableView("childrenWithUnixStat", names, [
        TableColumn("UnixMode", "UnixMode", 10),
        TableColumn("User", "User", 10, RIGHT),
        TableColumn("Group", "Group", 10),
        TableColumn(unix_last_write_time, "LastWriteTime", unix_time_width, RIGHT),
        TableColumn("Size", "Size", 12, RIGHT),
        TableColumn(file_name, "Name"),
    ], grouping, wrap=True), builtin=True)
    registry.add(TableView("children", names, [
        TableColumn(file_mode, "Mode", 7),
        TableColumn(file_last_write_time, "LastWriteTime", 26, RIGHT),
        TableColumn(file_length, "Length", 14, RIGHT),
        TableColumn(file_name, "Name"),
    ], grouping, wrap=True), builtin=True)
    registry.add(ListView("children", names, [
        ((FILE,), [ListItem("Name"), ListItem(file_length, "Length"), ListItem("CreationTime"),
                   ListItem("LastWriteTime"), ListItem("LastAccessTime"), ListItem("Mode"), ListItem("LinkType"),
                   ListItem("Target"), ListItem("VersionInfo")]),
        (None, [ListItem("Name"), ListItem("CreationTime"), ListItem("LastWriteTime"), ListItem("LastAccessTime"),
                ListItem("Mode"), ListItem("LinkType"), ListItem("Target")]),
    ], grouping), builtin=True)
    registry.add(WideView("children", names, [(None, "Name", None), ((DIRECTORY,), "Name", "[{0}]")],
                          group_by=grouping), builtin=True)
