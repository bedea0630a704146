"""Paths on the file system provider: resolution against the session's
location, wildcard expansion, and the errors pwsh's provider reports.

pwsh matches path wildcards case-insensitively on every platform and, like
its FileSystem provider, leaves hidden (dot) items out of wildcard matches
and listings unless ``-Force`` is given.  Results of a wildcard come back
in the provider's order: folders first, then files, each sorted by name
without regard to case.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, ItemNotFoundException
from pwshlike.dotnet.wildcard import contains_wildcard, unescape_wildcard, wildcard_match

from .fsitems import PROVIDER_PREFIX

_PROVIDER_PREFIXES = (PROVIDER_PREFIX.lower(), "filesystem::")


def strip_provider(path: str) -> str:
    """``Microsoft.PowerShell.Core\\FileSystem::/x`` (what ``PSPath`` holds)
    and ``FileSystem::/x`` name the plain path ``/x``.  A backslash is a
    separator too, as pwsh's FileSystem provider reads paths on Unix
    (``dir1\\dir2`` is ``dir1/dir2``)."""
    low = path.lower()
    for prefix in _PROVIDER_PREFIXES:
        if low.startswith(prefix):
            return path[len(prefix):].replace("\\", "/")
    return path.replace("\\", "/")


def resolve(session: Any, path: str) -> str:
    """An absolute, normalised path for ``path`` (no wildcard handling)."""
    return session.resolve_path(strip_provider(path) or ".")


def drive_for(session: Any, raw: str, provider_path: str) -> Any:
    """The FileSystem drive a path was given through, as pwsh shows the
    result: the drive it names (``TestDrive:\\x``), else the current
    location's drive for a relative path under that drive's root, else ``/``."""
    drives = session.drives
    found = drives.split(raw)
    if found is not None and found[0].is_file_system:
        return found[0]
    current = drives.current
    text = strip_provider(raw)
    if found is None and current.is_file_system and not text.startswith(("/", "~")) and \
            current.display(provider_path) is not None:
        return current
    return drives.get("/")


def shown_path(session: Any, raw: str, provider_path: str) -> str:
    """``provider_path`` as pwsh shows it for ``raw``: drive-qualified
    (``TestDrive:/x``) when given through a drive other than ``/``."""
    drive = drive_for(session, raw, provider_path)
    if drive.name == "/":
        return provider_path
    return drive.display(provider_path) or provider_path


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def expand_wildcard(session: Any, pattern: str, force: bool = False) -> list[str]:
    """The existing paths a wildcard path names, sorted; empty when none."""
    on_drive = session.drives.fs_path(pattern) if ":" in pattern else None
    pattern = strip_provider(on_drive if on_drive is not None else pattern)
    if pattern == "~" or pattern.startswith("~/"):
        pattern = os.path.expanduser(pattern)
    if os.path.isabs(pattern):
        base, parts = "/", pattern.split("/")[1:]
    else:
        base, parts = session.location, pattern.split("/")
    current = [base]
    for index, part in enumerate(parts):
        if part in ("", "."):
            continue
        last = index == len(parts) - 1
        following: list[str] = []
        for directory in current:
            if part == "..":
                following.append(os.path.dirname(directory.rstrip("/")) or "/")
            elif contains_wildcard(part):
                following.extend(os.path.join(directory, name)
                                 for name in _matching_names(directory, part, force))
            else:
                candidate = os.path.join(directory, unescape_wildcard(part))
                if os.path.lexists(candidate) and (last or os.path.isdir(candidate)):
                    following.append(candidate)
        current = following if last else [p for p in following if os.path.isdir(p)]
        if not current:
            return []
    return [os.path.normpath(p) for p in current]


def name_sort_key(name: str) -> tuple[str, str]:
    """How pwsh's provider orders names (CurrentCultureIgnoreCase, ICU's
    collation on Linux), closely enough: case ignored, and an accented
    letter next to its plain one (``é`` with ``e``, not after ``z``)."""
    lowered = name.lower()
    if lowered.isascii():
        return lowered, ""
    import unicodedata
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c)), lowered


def _matching_names(directory: str, pattern: str, force: bool) -> list[str]:
    """The names a wildcard matches in a folder, in the order pwsh's
    globber gets them from the provider: folders first, then files, each
    sorted by name without regard to case."""
    try:
        with os.scandir(directory) as scan:
            found = [(not _is_dir(e), name_sort_key(e.name), e.name) for e in scan
                     if wildcard_match(e.name, pattern) and (force or not is_hidden(e.name))]
    except OSError:
        return []
    return [name for _, _, name in sorted(found)]


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def resolve_paths(session: Any, path: str, literal: bool, force: bool = False) -> tuple[list[str], bool]:
    """``(paths, was_wildcard)``: the existing matches of a wildcard path,
    or the single resolved path (which may not exist) otherwise."""
    if not literal and contains_wildcard(strip_provider(path)):
        return expand_wildcard(session, path, force), True
    text = path if literal else unescape_wildcard(path)
    return [resolve(session, text)], False


def list_directory(directory: str, force: bool) -> list[str]:
    """The names in a directory, hidden ones only with ``force``, sorted."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    return sorted((n for n in names if force or not is_hidden(n)), key=str.lower)


def walk(directory: str, force: bool, depth: Optional[int]) -> Iterator[tuple[str, int]]:
    """``(path, level)`` for everything under ``directory``, depth first in
    name order, children right after their directory (pwsh's -Recurse order
    lists a directory's items, then recurses into its subdirectories)."""
    yield from _walk(directory, force, depth, 0, set())


def _walk(directory: str, force: bool, depth: Optional[int], level: int,
          seen: set[tuple[int, int]]) -> Iterator[tuple[str, int]]:
    try:
        st = os.stat(directory)
    except OSError:
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return
    seen = seen | {key}
    names = list_directory(directory, force)
    paths = [os.path.join(directory, n) for n in names]
    for path in paths:
        yield path, level
    if depth is not None and level >= depth:
        return
    for path in paths:
        # pwsh does not follow links to directories when recursing unless -FollowSymlink.
        if os.path.isdir(path) and not os.path.islink(path):
            yield from _walk(path, force, depth, level + 1, seen)


# --- errors -----------------------------------------------------------------------------

def path_not_found(path: str) -> ErrorRecord:
    """pwsh's ``PathNotFound`` (ItemNotFoundException, ObjectNotFound)."""
    exc = ItemNotFoundException(f"Cannot find path '{path}' because it does not exist.")
    # The exception carries this record, so -ErrorAction Stop throws it with the cmdlet's FQID.
    exc.error_record = record = ErrorRecord(exc, "PathNotFound", ErrorCategory.ObjectNotFound, path)
    return record


def filtered_out(path: str) -> ErrorRecord:
    """pwsh's ``ItemNotFound`` for a wildcard matching nothing (or items all
    removed by -Include/-Exclude) in the content cmdlets."""
    from pwshlike.dotnet.errors import DotNetException
    exc = DotNetException(f"An object at the specified path {path} does not exist, or has been filtered "
                          "by the -Include or -Exclude parameter.")
    return ErrorRecord(exc, "ItemNotFound", ErrorCategory.ObjectNotFound, path)


def io_error(exc: OSError, path: str, error_id: str, category: Any, missing_is_file: bool = False) -> ErrorRecord:
    """An OS error as pwsh reports it, in .NET's words (never the C
    library's "No such file or directory"): denied access is
    PermissionDenied, anything else keeps the caller's category."""
    from pwshlike.dotnet.errors import UnauthorizedAccessException
    from .fserrors import dotnet_exception
    error = dotnet_exception(exc, path, missing_is_file)
    if isinstance(error, UnauthorizedAccessException):
        category = ErrorCategory.PermissionDenied
    return ErrorRecord(error, error_id, category, path)


def matches_filters(name: str, include: Optional[list[str]], exclude: Optional[list[str]],
                    filter_: Optional[str] = None) -> bool:
    """-Filter, -Include and -Exclude applied to an item's name."""
    if filter_ and not wildcard_match(name, filter_):
        return False
    if include and not any(wildcard_match(name, p) for p in include):
        return False
    return not (exclude and any(wildcard_match(name, p) for p in exclude))
