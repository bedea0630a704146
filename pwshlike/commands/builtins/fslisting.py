"""Get-ChildItem's walk of the file system, in pwsh's order and with its
filters.

pwsh lists a folder in two runs, its folders then its files, each sorted
by name without regard to case (``FileSystemProvider.Dir``); -Recurse then
goes into each subfolder in turn, not into links to folders (unless
-FollowSymlink, which skips a folder already seen with the warning "Skip
already-visited directory ...") and not into hidden (dot) folders unless
-Force or a hidden filter asks for them.  -Filter and the attribute
filters (-Attributes, -File, -Directory, -Hidden, -ReadOnly, -System) are
the provider's, applied as it reads a folder; -Include and -Exclude are
the engine's: with them pwsh walks the tree itself
(``SessionStateContainer.ProcessPathItems``), each item followed at once by
its subfolder's items.  -Name lists relative paths, folder by folder.

One ``os.scandir`` per folder gives names, kinds and (for the items
written) the ``lstat`` the item keeps, so a listing costs one system call
per entry; filters are compiled once per listing, not per entry.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterator, Optional

from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord
from pwshlike.dotnet.wildcard import wildcard_regex

from .fsattributes import AttributeExpression
from .fspaths import name_sort_key
from .fsitems import DirectoryInfo, FileInfo
from .fserrors import dotnet_exception

ALREADY_LISTED = "Skip already-visited directory {0}."


class Entry:
    """One name a folder holds: its path, whether it is a folder (a link to
    one counts, as for .NET's EnumerateDirectories) and the scan's entry."""

    __slots__ = ("name", "path", "is_dir", "dir_entry")

    def __init__(self, dir_entry: os.DirEntry) -> None:
        self.name = dir_entry.name
        self.path = dir_entry.path
        self.dir_entry = dir_entry
        try:
            self.is_dir = dir_entry.is_dir()
        except OSError:
            self.is_dir = False

    @property
    def is_link(self) -> bool:
        return self.dir_entry.is_symlink()

    def item(self) -> Any:
        """The FileInfo or DirectoryInfo pwsh writes for the entry."""
        try:
            lstat: Optional[os.stat_result] = self.dir_entry.stat(follow_symlinks=False)
        except OSError:
            lstat = None
        return DirectoryInfo(self.path, lstat) if self.is_dir else FileInfo(self.path, lstat)

    def has_attribute(self, name: str) -> bool:
        """Whether the entry has the FileAttributes flag ``name`` (as .NET
        on Unix derives them: Hidden from a leading dot, ReadOnly from
        write access, ReparsePoint for a link, Normal when none applies)."""
        if name == "directory":
            return self.is_dir
        if name == "hidden":
            return self.name.startswith(".")
        if name == "reparsepoint":
            return self.is_link
        if name == "readonly":
            return not self.is_link and not os.access(self.path, os.W_OK, follow_symlinks=False)
        if name == "normal":
            return not (self.is_dir or self.is_link or self.name.startswith(".") or self.has_attribute("readonly"))
        return False


def filter_regex(filter_: Optional[str]) -> Optional["re.Pattern[str]"]:
    """-Filter as the file system matches it: ``*`` and ``?`` only, any
    case, ``*.*`` for every name."""
    if not filter_:
        return None
    if filter_ == "*.*":
        filter_ = "*"
    text = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in filter_)
    return re.compile(f"(?s:{text})\\Z", re.IGNORECASE)


def _patterns(values: Optional[list[str]]) -> list["re.Pattern[str]"]:
    return [wildcard_regex(v) for v in values or () if v is not None]


class Listing:
    """One Get-ChildItem's file-system options; yields items (or names)."""

    def __init__(self, cmd: Any, force: bool, filter_: Optional[str], include: Optional[list[str]],
                 exclude: Optional[list[str]], attributes: Optional[AttributeExpression],
                 switches: Optional[AttributeExpression], follow_symlink: bool) -> None:
        self.cmd = cmd
        self.force = force
        self.filter = filter_regex(filter_)
        self.include = _patterns(include)
        self.exclude = _patterns(exclude)
        self.attributes = attributes
        self.switches = switches
        self.follow_symlink = follow_symlink
        self.hidden_asked = any(e is not None and e.mentions("hidden") for e in (attributes, switches))

    @property
    def manual(self) -> bool:
        """-Include or -Exclude: the engine's own walk."""
        return bool(self.include or self.exclude)

    # --- one folder --------------------------------------------------------------------------------

    def read(self, directory: str) -> Optional[tuple[list[Entry], list[Entry]]]:
        """``(folders, files)`` of a folder, each sorted by name; a folder
        that cannot be read writes pwsh's DirUnauthorizedAccessError or
        DirIOError and gives None."""
        try:
            with os.scandir(directory) as scan:
                entries = [Entry(e) for e in scan]
        except OSError as exc:
            error = dotnet_exception(exc, directory)
            if exc.errno in (13, 1):
                record = ErrorRecord(error, "DirUnauthorizedAccessError", ErrorCategory.PermissionDenied, directory)
            else:
                record = ErrorRecord(error, "DirIOError", ErrorCategory.ReadError, directory)
            self.cmd.write_error(record)
            return None
        entries.sort(key=_name_key)
        return [e for e in entries if e.is_dir], [e for e in entries if not e.is_dir]

    def shown(self, entry: Entry, all_containers: bool = False) -> bool:
        """The provider's test of one entry: -Filter, the attribute filters
        and hidden items (folders always pass with ``all_containers``)."""
        if all_containers and entry.is_dir:
            passes = True
        else:
            if self.filter is not None and self.filter.match(entry.name) is None:
                return False
            passes = all(e is None or e.evaluate(entry.has_attribute) for e in (self.attributes, self.switches))
        if not passes:
            return False
        return self.force or self.hidden_asked or not entry.name.startswith(".")

    def _recursable(self, entry: Entry) -> bool:
        return self.force or self.hidden_asked or not entry.name.startswith(".")

    # --- pwsh's Dir ---------------------------------------------------------------------------------

    def walk(self, directory: str, depth: Optional[int], recurse: bool) -> Iterator[Entry]:
        """A folder's entries, then (``recurse``) each subfolder's, down to
        ``depth`` levels (None: all)."""
        tracker = _Tracker(directory) if recurse and self.follow_symlink else None
        yield from self._dir(directory, depth, recurse, tracker)

    def _dir(self, directory: str, depth: Optional[int], recurse: bool,
             tracker: Optional["_Tracker"]) -> Iterator[Entry]:
        found = self.read(directory)
        if found is None:
            return
        folders, files = found
        for entry in folders:
            if self.shown(entry):
                yield entry
        for entry in files:
            if self.shown(entry):
                yield entry
        if not recurse or depth == 0:
            return
        below = None if depth is None else depth - 1
        for entry in folders:
            if not self._recursable(entry):
                continue
            if tracker is None:
                if entry.is_link:
                    continue
            elif not tracker.visit(entry.path):
                self.cmd.write_warning(ALREADY_LISTED.format(entry.path))
                continue
            yield from self._dir(entry.path, below, recurse, tracker)

    # --- the engine's walk for -Include/-Exclude -------------------------------------------------

    def matches(self, name: str) -> bool:
        """-Include (any, when given) and -Exclude (none) on a name."""
        if self.include and not any(p.match(name) for p in self.include):
            return False
        return not any(p.match(name) for p in self.exclude)

    def process(self, directory: str, recurse: bool, depth: Optional[int],
                seen: Optional[frozenset] = None) -> Iterator[Entry]:
        """ProcessPathItems: each matching child, then (``recurse``) the
        items of that child if it is a folder.  A folder reached again
        through links is not walked twice."""
        found = self.read(directory)
        if found is None:
            return
        seen = (seen or frozenset()) | {_identity(directory)}
        folders, files = found
        for entry in folders + files:
            if self.shown(entry, all_containers=recurse) and self.matches(entry.name) and \
                    (not recurse or self.shown(entry)):
                yield entry
            if recurse and entry.is_dir and depth != 0 and self._recursable(entry) and \
                    _identity(entry.path) not in seen:
                yield from self.process(entry.path, recurse, None if depth is None else depth - 1, seen)

    # --- -Name ---------------------------------------------------------------------------------------

    def names(self, directory: str, relative: str, recurse: bool, depth: Optional[int],
              seen: Optional[frozenset] = None) -> Iterator[str]:
        """DoGetChildNamesManually: the folder's names (relative to where
        the listing started), then each subfolder's; links to folders only
        with -FollowSymlink, and never round a loop."""
        found = self.read(directory)
        if found is None:
            return
        folders, files = found
        for entry in folders + files:
            if self.shown(entry) and self.matches(entry.name):
                yield relative + entry.name
        if not recurse or depth == 0:
            return
        if self.follow_symlink:
            seen = (seen or frozenset()) | {_identity(directory)}
        for entry in folders:
            if not self._recursable(entry):
                continue
            if entry.is_link and (not self.follow_symlink or _identity(entry.path) in (seen or ())):
                continue
            yield from self.names(entry.path, relative + entry.name + "/", recurse,
                                  None if depth is None else depth - 1, seen)


def _name_key(entry: Entry) -> tuple[str, str]:
    return name_sort_key(entry.name)


def _identity(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, hash(path))
    return (st.st_dev, st.st_ino)


class _Tracker:
    """pwsh's InodeTracker for -FollowSymlink: each folder walked once."""

    def __init__(self, root: str) -> None:
        self.seen = {_identity(root)}

    def visit(self, path: str) -> bool:
        key = _identity(path)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True
