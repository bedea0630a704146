"""Get-ChildItem and Get-Item on the file system (and, through
``session_items``, on the Env:, Variable:, Function: and Alias: drives).

Items are FileInfo/DirectoryInfo objects (``fsitems``).  Hidden (dot)
items are left out unless -Force (or -Hidden) is given; a wildcard that
matches nothing is silent, a literal path that does not exist is
``PathNotFound``.  ``Get-ChildItem *.txt -Recurse`` searches the current
directory tree for the pattern, as pwsh does.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, IOException
from pwshlike.dotnet.wildcard import contains_wildcard

from . import fspaths
from .fsitems import item_for
from .fsprovider import FILE_SYSTEM
from .itemproviders import provider_or_error
from .session_items import session_children, session_items


@cmdlet("Get-ChildItem", default_parameter_set="Items")
class GetChildItemCommand(Cmdlet):
    """Gets the items in one or more directories (or the files named)."""

    path = Parameter("String[]", sets={"Items": {"position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="Directories or files; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralItems": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True)
    filter = Parameter("String", position=1, help="A wildcard the item names must match.", supports_wildcards=True)
    include = Parameter("String[]", help="Only item names matching these wildcards.", supports_wildcards=True)
    exclude = Parameter("String[]", help="Leaves out item names matching these wildcards.", supports_wildcards=True)
    recurse = Parameter("SwitchParameter", aliases=("s", "r"), help="Also the items in all subdirectories.")
    depth = Parameter("UInt32", help="How many levels of subdirectories to recurse into (implies -Recurse).")
    force = Parameter("SwitchParameter", help="Includes hidden items.")
    name = Parameter("SwitchParameter", help="Outputs only the names (relative paths with -Recurse).")
    directory = Parameter("SwitchParameter", aliases=("ad",), help="Only directories.")
    file = Parameter("SwitchParameter", aliases=("af",), help="Only files.")
    hidden = Parameter("SwitchParameter", aliases=("ah", "h"), help="Only hidden items.")
    follow_symlink = Parameter("SwitchParameter", help="Recurses into directories that are symbolic links.")

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralItems"
        raw_paths = (self.literal_path if literal else self.path) or ["."]
        session = self.context.session
        depth = None if self.depth is None else int(self.depth)
        recurse = bool(self.recurse) or depth is not None
        force = bool(self.force) or bool(self.hidden)
        for raw in raw_paths:
            found = provider_or_error(self, raw)
            if found is None:
                continue
            if found[0] is not FILE_SYSTEM:
                yield from session_children(self, found[0], found[1], literal, raw)
                continue
            include = list(self.include or ())
            if recurse and not literal and _leaf_is_pattern(raw):
                # gci *.txt -Recurse: search from the parent for the pattern.
                parent, _, pattern = fspaths.strip_provider(raw).rpartition("/")
                on_drive = session.drives.split(pattern) if not parent else None
                if on_drive is not None:  # TestDrive:*.txt: the drive's current location
                    parent, pattern = on_drive[0].name + ":", on_drive[1]
                raw = parent or ("/" if raw.startswith("/") else ".")
                include.append(pattern)
            paths, wildcard = fspaths.resolve_paths(session, raw, literal, force)
            if not wildcard and not os.path.lexists(paths[0]):
                self.write_error(fspaths.path_not_found(fspaths.shown_path(session, raw, paths[0])))
                continue
            for path in paths:
                if os.path.isdir(path):
                    yield from self._children(path, recurse, depth, force, include)
                elif self._wanted(path, include, os.path.basename(path)):
                    yield os.path.basename(path) if self.name else item_for(path)

    def _children(self, directory: str, recurse: bool, depth: Optional[int], force: bool,
                  include: list[str]) -> Iterator[Any]:
        if recurse:
            entries: Iterator[tuple[str, int]] = _walk(directory, force, depth, bool(self.follow_symlink))
        else:
            entries = ((os.path.join(directory, n), 0) for n in fspaths.list_directory(directory, force))
        for path, _level in entries:
            name = os.path.basename(path)
            if self._wanted(path, include, name):
                yield os.path.relpath(path, directory) if self.name else item_for(path)

    def _wanted(self, path: str, include: list[str], name: str) -> bool:
        if not fspaths.matches_filters(name, include or None, self.exclude, self.filter):
            return False
        is_dir = os.path.isdir(path)
        if self.directory and not is_dir:
            return False
        if self.file and is_dir:
            return False
        return not (self.hidden and not fspaths.is_hidden(name))


def _leaf_is_pattern(path: str) -> bool:
    parent, _, leaf = fspaths.strip_provider(path).rpartition("/")
    return contains_wildcard(leaf) and not contains_wildcard(parent)


def _walk(directory: str, force: bool, depth: Optional[int], follow: bool) -> Iterator[tuple[str, int]]:
    if not follow:
        yield from fspaths.walk(directory, force, depth)
        return
    for path, level in fspaths.walk(directory, force, depth):
        yield path, level
        if os.path.islink(path) and os.path.isdir(path) and (depth is None or level < depth):
            for child, child_level in fspaths.walk(path, force, None if depth is None else depth - level - 1):
                yield child, level + 1 + child_level


@cmdlet("Get-Item", default_parameter_set="Path")
class GetItemCommand(Cmdlet):
    """Gets the items at the given paths (not their contents)."""

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The items' paths; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True)
    filter = Parameter("String")
    include = Parameter("String[]")
    exclude = Parameter("String[]")
    force = Parameter("SwitchParameter", help="Includes hidden items in wildcard matches.")

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralPath"
        for raw in (self.literal_path if literal else self.path) or ():
            found = provider_or_error(self, raw)
            if found is None:
                continue
            if found[0] is not FILE_SYSTEM:
                yield from session_items(self, found[0], found[1], literal, raw)
                continue
            paths, wildcard = fspaths.resolve_paths(self.context.session, raw, literal, bool(self.force))
            if not wildcard and not os.path.lexists(paths[0]):
                self.write_error(fspaths.path_not_found(fspaths.shown_path(self.context.session, raw, paths[0])))
                continue
            for path in paths:
                if not fspaths.matches_filters(os.path.basename(path), self.include, self.exclude, self.filter):
                    continue
                if fspaths.is_hidden(os.path.basename(path)) and not self.force:
                    # .NET calls a dot name hidden on Unix: pwsh's provider shows it only with -Force.
                    exc = IOException(f"Could not find item {path}.")
                    self.write_error(ErrorRecord(exc, "ItemNotFound", ErrorCategory.ObjectNotFound, path))
                    continue
                yield item_for(path)
