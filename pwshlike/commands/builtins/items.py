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
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, IOException, PSNotSupportedException
from pwshlike.dotnet.wildcard import contains_wildcard

from . import fspaths
from .fsattributes import attribute_expression, switch_expression
from .fsitems import item_for
from .fslisting import Listing
from .fsprovider import FILE_SYSTEM
from .itemproviders import provider_or_error
from .session_items import session_children, session_items


FILTER_NOT_SUPPORTED = "Cannot call method. The provider does not support the use of filters."


def _filter_refused(cmd: Any) -> bool:
    """-Filter is the FileSystem provider's alone: the session-state
    providers refuse it with pwsh's NotSupported error."""
    if not cmd.filter:
        return False
    cmd.write_error(PSNotSupportedException(FILTER_NOT_SUPPORTED).error_record)
    return True


@cmdlet("Get-ChildItem", default_parameter_set="Items", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096492")
class GetChildItemCommand(Cmdlet):
    """Gets the items in one or more locations: the files and folders of a
    folder, or the entries of a drive such as Env:, Variable:, Function:
    or Alias:.

    A folder's subfolders come first, then its files, each sorted by name.
    Hidden items (names starting with a dot, on Linux) are left out unless
    -Force or -Hidden is given.  -Recurse (or -Depth) also lists the items
    of every subfolder, without going into links to folders unless
    -FollowSymlink is given.  -Filter, -Include, -Exclude and the attribute
    filters narrow the items; -Name outputs names (relative paths with
    -Recurse) instead of objects.  A path given with a wildcard lists the
    matching items themselves; a path that does not exist is an error.
    """

    path = Parameter("String[]", sets={"Items": {"position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True,
                     help="The folders (or files) to list; wildcards allowed. The current location by default.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralItems": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The folders (or files) to list, taken exactly as typed: no wildcards.")
    filter = Parameter("String", position=1, supports_wildcards=True,
                       help="A wildcard (* and ?) the names must match; the provider applies it as it reads a "
                            "folder, which makes it the fastest way to narrow a listing.")
    include = Parameter("String[]", supports_wildcards=True,
                        help="Only items whose names match one of these wildcards.")
    exclude = Parameter("String[]", supports_wildcards=True,
                        help="Leaves out items whose names match one of these wildcards.")
    recurse = Parameter("SwitchParameter", aliases=("s", "r"),
                        help="Also lists the items of every subfolder, and of theirs.")
    depth = Parameter("UInt32", help="How many levels of subfolders -Recurse goes into (giving it implies "
                                     "-Recurse); 0 lists the folder itself only.")
    force = Parameter("SwitchParameter", help="Includes hidden items (dot files on Linux).")
    name = Parameter("SwitchParameter", help="Outputs only the names (relative paths with -Recurse).")
    attributes = Parameter("FlagsExpression[FileAttributes]", converter=attribute_expression,
                           help="Only items with these attributes: names joined by + (and), , (or) and ! "
                                "(not), such as Directory+!Hidden or ReadOnly,Hidden.")
    follow_symlink = Parameter("SwitchParameter",
                               help="With -Recurse, goes into links to folders too (each folder once).")
    directory = Parameter("SwitchParameter", aliases=("ad",), help="Only folders.")
    file = Parameter("SwitchParameter", aliases=("af",), help="Only files.")
    hidden = Parameter("SwitchParameter", aliases=("ah", "h"), help="Only hidden items.")
    read_only = Parameter("SwitchParameter", aliases=("ar",), help="Only read-only items.")
    system = Parameter("SwitchParameter", aliases=("as",), help="Only system items (none on Linux).")

    help_examples = [
        ("List a folder", "Get-ChildItem /etc",
         "Shows the folders, then the files, of /etc in the file system's table view."),
        ("Find files anywhere below a folder", "Get-ChildItem -Path ~/projects -Filter *.ps1 -Recurse -File",
         "Lists every .ps1 file under ~/projects, in each subfolder after the files of its parent."),
        ("Names only, two levels deep", "Get-ChildItem -Depth 1 -Name",
         "Outputs the relative paths of the items here and in the folders here."),
        ("Environment variables", "Get-ChildItem Env: | Where-Object Name -like 'PATH*'",
         "The Env: drive lists the variables as name/value entries."),
    ]

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralItems"
        raw_paths = (self.literal_path if literal else self.path) or ["."]
        depth = None if self.depth is None else int(self.depth)
        recurse = bool(self.recurse) or depth is not None
        for raw in raw_paths:
            found = provider_or_error(self, raw)
            if found is None:
                continue
            if found[0] is not FILE_SYSTEM:
                if not _filter_refused(self):
                    yield from session_children(self, found[0], found[1], literal, raw)
                continue
            yield from self._file_system(raw, literal, recurse, depth)

    def _listing(self, include: list[str]) -> Listing:
        switches = switch_expression(bool(self.directory), bool(self.file), bool(self.system),
                                     bool(self.read_only), bool(self.hidden))
        return Listing(self, bool(self.force), self.filter, include, self.exclude, self.attributes, switches,
                       bool(self.follow_symlink))

    def _file_system(self, raw: str, literal: bool, recurse: bool, depth: Optional[int]) -> Iterator[Any]:
        """pwsh's SessionStateContainer.GetChildItems for one path."""
        session = self.context.session
        include = list(self.include or ())
        if recurse and not literal and not raw.endswith(("/", "\\")):
            raw, include = self._recurse_fixup(raw, include)
        listing = self._listing(include)
        paths, wildcard = fspaths.resolve_paths(session, raw, literal, bool(self.force))
        if not wildcard and not os.path.lexists(paths[0]):
            self.write_error(fspaths.path_not_found(fspaths.shown_path(session, raw, paths[0])))
            return
        manual = listing.manual or (recurse and wildcard and not include)
        for path in paths:
            is_dir = os.path.isdir(path)
            if self.name:
                if is_dir and (not wildcard or recurse):
                    yield from listing.names(path, "", recurse, depth)
                elif listing.matches(os.path.basename(path)) and \
                        (wildcard or self._item_shown(listing, path, report=False)):
                    yield os.path.basename(path)
            elif manual and is_dir:
                yield from (entry.item() for entry in listing.process(path, recurse, depth))
            elif is_dir and (not wildcard or recurse):
                yield from (entry.item() for entry in listing.walk(path, depth, recurse))
            elif listing.matches(os.path.basename(path)) and (wildcard or self._item_shown(listing, path)):
                yield item_for(path)

    def _recurse_fixup(self, raw: str, include: list[str]) -> tuple[str, list[str]]:
        """``gci *.txt -Recurse``: a last element that is not a folder
        becomes an -Include pattern searched for from its parent;
        ``gci dir/* -File -Recurse`` searches ``dir``."""
        text = fspaths.strip_provider(raw)
        parent, slash, leaf = text.rpartition("/")
        if not parent and slash:
            parent = "/"
        on_drive = self.context.session.drives.split(leaf) if not slash else None
        if on_drive is not None:  # TestDrive:*.txt: the drive's current location
            parent, leaf = on_drive[0].name + ":", on_drive[1]
            if not leaf:
                return raw, include
        if leaf == "*" and (self.file or self.directory):
            return parent or ".", include
        if include:
            return raw, include
        paths, _ = fspaths.resolve_paths(self.context.session, raw, False, bool(self.force))
        if len(paths) == 1 and os.path.isdir(paths[0]) and not contains_wildcard(leaf):
            return raw, include
        if leaf != "*":
            include = [leaf]
        return parent or ".", include

    def _item_shown(self, listing: Listing, path: str, report: bool = True) -> bool:
        """A file named by its path: a hidden one needs -Force (or a hidden
        filter), else it is pwsh's ItemNotFound (-Name leaves it out
        silently, ``report`` False); the attribute filters apply."""
        found = listing.read(os.path.dirname(path) or "/")
        name = os.path.basename(path)
        entry = next((e for e in (found[0] + found[1]) if e.name == name), None) if found else None
        if entry is None:
            return False
        if name.startswith(".") and not (listing.force or listing.hidden_asked):
            if not report:
                return False
            exc = IOException(f"Could not find item {path}.")
            self.write_error(ErrorRecord(exc, "ItemNotFound", ErrorCategory.ObjectNotFound, path))
            return False
        return listing.shown(entry)


@cmdlet("Get-Item", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096812")
class GetItemCommand(Cmdlet):
    """Gets the items at the given paths (not their contents).

    On the file system the items are FileInfo and DirectoryInfo objects: a
    folder is itself, not its files (Get-ChildItem lists those).  On Env:,
    Variable:, Function: and Alias: they are the drive's entries, and the
    drive's root (Get-Item Env:) is all of them.  A hidden item (a name
    starting with a dot) is found only with -Force; a path that does not
    exist is an error, a wildcard that matches nothing is not.
    """

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The items' paths; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The items' paths, taken exactly as typed: no wildcards.")
    filter = Parameter("String", supports_wildcards=True, help="A wildcard the item names must match.")
    include = Parameter("String[]", supports_wildcards=True,
                        help="Only items whose names match one of these wildcards.")
    exclude = Parameter("String[]", supports_wildcards=True,
                        help="Leaves out items whose names match one of these wildcards.")
    force = Parameter("SwitchParameter", help="Finds hidden items too.")

    help_examples = [
        ("A file's details", "Get-Item ./notes.txt | Format-List",
         "Shows the file's name, length, times, mode and link target."),
        ("The folder itself", "(Get-Item .).FullName",
         "The current folder as an item: its full path."),
        ("An environment variable", "Get-Item Env:HOME",
         "The HOME entry of the Env: drive, with its name and value."),
    ]

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralPath"
        for raw in (self.literal_path if literal else self.path) or ():
            found = provider_or_error(self, raw)
            if found is None:
                continue
            if found[0] is not FILE_SYSTEM:
                if not _filter_refused(self):
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
