"""Test-Path, Join-Path, Split-Path and Resolve-Path.

Paths are file system paths resolved against the session's location; on
Linux pwsh treats ``\\`` in a path as a separator too, so Join-Path and
Split-Path normalise it to ``/``.  Test-Path also answers for the
``env:``, ``variable:``, ``function:`` and ``alias:`` drives, which
scripts test with ``Test-Path env:NAME``.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_set
from pwshlike.runtime.automatic import PathInfo
from pwshlike.dotnet.errors import ArgumentNullException, ErrorCategory, ErrorRecord, FormatException
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match

from . import fspaths
from .fsprovider import FILE_SYSTEM
from .itemproviders import provider_or_error

_DRIVE_RE = re.compile(r"^([A-Za-z_][\w-]*):(.*)$", re.DOTALL)


def _slashes(path: str) -> str:
    return path.replace("\\", "/")


def _drive_of(path: str) -> Optional[tuple[str, str]]:
    """``(drive, rest)`` for a drive-qualified path such as ``env:PATH``."""
    if "::" in path:
        return None
    match = _DRIVE_RE.match(path)
    return (match.group(1), match.group(2)) if match else None


@cmdlet("Test-Path", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097057")
class TestPathCommand(Cmdlet):
    """Tells whether all the elements of a path exist ($true/$false).

    Without -PathType any kind of item counts; Container asks for a folder and Leaf for a file. -IsValid checks only
    that the path is well formed, not that it exists. -OlderThan and -NewerThan compare the item's last write time.
    Several paths give one answer each."""

    help_examples = [
        ('Example 1: Does a file exist',
         "if (Test-Path -Path ./config.json -PathType Leaf) { 'found' }",
         'True only when config.json exists and is a file.'),
        ('Example 2: A folder, by wildcard',
         'Test-Path ./logs/*.log',
         'True when at least one .log file exists in the folder.'),
        ('Example 3: Recently changed',
         'Test-Path ./report.csv -NewerThan (Get-Date).AddHours(-1)',
         'True when the file was written during the last hour.'),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, allow_null=True, allow_empty_string=True,
                     allow_empty_collection=True, help="The paths to test; wildcards are allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True, allow_null=True,
                             allow_empty_string=True, allow_empty_collection=True,
                             help="The paths to test, used exactly as written (no wildcards).")
    filter = Parameter("String", help="A wildcard the item names must match.", supports_wildcards=True)
    include = Parameter("String[]", help="Only item names matching these wildcards count.", supports_wildcards=True)
    exclude = Parameter("String[]", help="Item names matching these wildcards do not count.",
                        supports_wildcards=True)
    path_type = Parameter("TestPathType", aliases=("Type",), converter=str,
                          validators=[validate_set(["Any", "Container", "Leaf"])],
                          help="Any (default), Container (a directory) or Leaf (a file).")
    is_valid = Parameter("SwitchParameter", help="Tests only whether the path's syntax is valid.")
    older_than = Parameter("DateTime", help="Files last written before this time.")
    newer_than = Parameter("DateTime", help="Files last written after this time.")

    def process_record(self) -> Iterator[bool]:
        literal = self.parameter_set_name == "LiteralPath"
        paths = self.literal_path if literal else self.path
        if not paths:
            self._null_path()
            return
        for path in paths:
            if path is None:
                self._null_path()
                continue
            if not path.strip():
                yield False
                continue
            if self.is_valid:
                yield _is_valid(self.context.session, path)
                continue
            yield self._exists(path, literal)

    def _null_path(self) -> None:
        exc = ArgumentNullException(None, None, "The provided Path argument was null or an empty collection.")
        self.write_error(ErrorRecord(exc, "NullPathNotPermitted", ErrorCategory.InvalidArgument,
                                     self.literal_path if self.literal_path is not None else self.path))

    def _exists(self, path: str, literal: bool) -> bool:
        """Test-Path's answer for one path: on a session-state drive (Env:,
        Variable:, ...) the drive's root is the container and its entries the
        leaves; on the FileSystem any item the path resolves to that passes
        the filters counts."""
        found = self.context.session.drives.split(path)
        if found is not None and not found[0].is_file_system:
            drive, rest = found
            name = rest.strip("/\\")
            kind = (self.path_type or "Any").lower()
            # The drive's root is the one container; its entries are leaves.
            if kind != "any" and (kind == "container") != (not name):
                return False
            return _session_item_exists(self.context, drive.provider.name, name, literal)
        candidates, _ = fspaths.resolve_paths(self.context.session, path, literal, force=True)
        return any(self._matches(p) for p in candidates)

    def _matches(self, path: str) -> bool:
        """Whether an existing file-system item passes -Include/-Exclude/
        -Filter, -PathType and -OlderThan/-NewerThan (compared as local
        times, as pwsh compares LastWriteTime)."""
        if not os.path.lexists(path):
            return False
        if not fspaths.matches_filters(os.path.basename(path), self.include, self.exclude, self.filter):
            return False
        kind = (self.path_type or "Any").lower()
        if kind == "container" and not os.path.isdir(path):
            return False
        if kind == "leaf" and os.path.isdir(path):
            return False
        if self.older_than is not None or self.newer_than is not None:
            written = _dt.datetime.fromtimestamp(os.path.getmtime(path))
            if self.older_than is not None and not written < _naive(self.older_than):
                return False
            if self.newer_than is not None and not written > _naive(self.newer_than):
                return False
        return True


def _naive(value: _dt.datetime) -> _dt.datetime:
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


def _is_valid(session: Any, path: str) -> bool:
    """A path is valid on Linux unless it holds a NUL or names a drive
    that does not exist."""
    if "\0" in path:
        return False
    drive = _drive_of(path)
    return drive is None or session.drives.get(drive[0]) is not None


def _session_item_exists(context: Any, provider: str, name: str, literal: bool) -> bool:
    """Whether ``name`` exists on a drive of a session-state provider."""
    if not name:
        return True
    session, scope = context.session, context.scope
    if provider == "Environment":
        names: Any = os.environ.keys()
        case_sensitive = True
    elif provider == "Variable":
        names = [v.name for v in session.visible_variables(scope)]
        case_sensitive = False
    elif provider == "Function":
        names = session.visible_functions(scope).keys()
        case_sensitive = False
    else:
        names = session.visible_aliases(scope).keys()
        case_sensitive = False
    if not literal and contains_wildcard(name):
        return any(wildcard_match(n, name, case_sensitive) for n in names)
    if case_sensitive:
        return name in names
    return name.lower() in {n.lower() for n in names}


@cmdlet("Join-Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096811")
class JoinPathCommand(Cmdlet):
    """Combines a path and child paths into one path.

    The parts are joined with the path separator, adding or removing separators so exactly one stands between them;
    drive-qualified paths work too. -AdditionalChildPath adds more parts, and -Resolve returns the full paths of
    existing items (wildcards allowed)."""

    help_examples = [
        ('Example 1: A file in a folder',
         "Join-Path -Path $HOME -ChildPath 'logs/app.log'",
         'Returns the full path of app.log under your home folder.'),
        ('Example 2: Several parts',
         'Join-Path /srv www site index.html',
         'Returns /srv/www/site/index.html; the parts after the second go to -AdditionalChildPath.'),
        ('Example 3: Existing files only',
         "Join-Path ./logs '*.log' -Resolve",
         'Returns the path of each .log file that exists in ./logs.'),
    ]

    path = Parameter("String[]", aliases=("PSPath",), mandatory=True, position=0, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The parent paths.")
    child_path = Parameter("String", mandatory=True, position=1, value_from_pipeline_by_property_name=True,
                           allow_null=True, allow_empty_string=True, help="The path to append.")
    additional_child_path = Parameter("String[]", position=2, value_from_remaining_arguments=True,
                                      help="More paths to append, in order.")
    resolve = Parameter("SwitchParameter", help="Outputs the existing paths the joined path resolves to.")

    def process_record(self) -> Iterator[str]:
        children = [self.child_path or ""] + list(self.additional_child_path or ())
        for parent in self.path:
            joined = parent or ""
            for child in children:
                joined = join_path(joined, child)
            if not self.resolve:
                yield joined
                continue
            paths, wildcard = fspaths.resolve_paths(self.context.session, joined, literal=False)
            existing = [p for p in paths if os.path.lexists(p)]
            if not existing:
                self.write_error(fspaths.path_not_found(joined if wildcard else paths[0]))
            yield from existing


def join_path(parent: str, child: str) -> str:
    """pwsh's MakePath: one ``/`` between the parts, ``\\`` read as ``/``."""
    parent, child = _slashes(parent), _slashes(child)
    if not child:
        return parent
    if not parent:
        return child
    return parent.rstrip("/") + "/" + child.lstrip("/") if parent.rstrip("/") else "/" + child.lstrip("/")


_SPLIT_SETS = ("ParentSet", "LeafSet", "LeafBaseSet", "ExtensionSet", "QualifierSet", "NoQualifierSet",
               "IsAbsoluteSet")


@cmdlet("Split-Path", default_parameter_set="ParentSet", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097149")
class SplitPathCommand(Cmdlet):
    """Returns a part of a path: the parent (default), the leaf, its base
    name or extension, the qualifier, or whether it is absolute.

    The path is split as text and need not exist, unless -Resolve is given, which resolves wildcards first. One
    switch picks the part: -Parent (the default), -Leaf, -LeafBase, -Extension, -Qualifier, -NoQualifier or
    -IsAbsolute."""

    help_examples = [
        ('Example 1: The folder of a file',
         'Split-Path -Path /var/log/syslog',
         'Returns /var/log.'),
        ('Example 2: The file name without its extension',
         'Split-Path ./reports/2024-06.csv -LeafBase',
         'Returns 2024-06; -Extension would return .csv.'),
        ('Example 3: Is the path absolute',
         'Split-Path -Path ../data -IsAbsolute',
         'Returns False.'),
    ]

    path = Parameter("String[]", sets={name: {"mandatory": True, "position": 0} for name in _SPLIT_SETS},
                     value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                     help="The paths to split.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPathSet": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The paths to split, used exactly as written (no wildcards).")
    parent = Parameter("SwitchParameter", sets={"ParentSet": {}}, help="The parent container (default).")
    leaf = Parameter("SwitchParameter", sets={"LeafSet": {"mandatory": True}}, help="The last element.")
    leaf_base = Parameter("SwitchParameter", sets={"LeafBaseSet": {"mandatory": True}},
                          help="The last element without its extension.")
    extension = Parameter("SwitchParameter", sets={"ExtensionSet": {"mandatory": True}},
                          help="The last element's extension.")
    qualifier = Parameter("SwitchParameter", sets={"QualifierSet": {"mandatory": True}},
                          help="The drive or provider qualifier.")
    no_qualifier = Parameter("SwitchParameter", sets={"NoQualifierSet": {"mandatory": True}},
                             help="The path without its qualifier.")
    is_absolute = Parameter("SwitchParameter", sets={"IsAbsoluteSet": {"mandatory": True}},
                            help="Whether the path is absolute.")
    resolve = Parameter("SwitchParameter", help="Splits the existing paths the path resolves to.")

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralPathSet"
        for path in self._paths(literal):
            result = self._split(path)
            if result is not None:
                yield result

    def _paths(self, literal: bool) -> Iterator[str]:
        for path in (self.literal_path if literal else self.path) or ():
            if not self.resolve:
                yield path
                continue
            paths, wildcard = fspaths.resolve_paths(self.context.session, path, literal)
            existing = [p for p in paths if os.path.lexists(p)]
            if not existing:
                self.write_error(fspaths.path_not_found(path if wildcard else paths[0]))
            yield from existing

    def _split(self, path: str) -> Any:
        """The part of one path the parameter set asks for (a bool for
        -IsAbsolute); a path without the qualifier -Qualifier wants is
        pwsh's ParsePathFormatError and None."""
        kind = self.parameter_set_name
        if kind == "IsAbsoluteSet":
            return is_ps_absolute(path)
        if kind == "QualifierSet":
            colon = path.find(":")
            if colon < 0:
                exc = FormatException(f"Cannot parse path because path '{path}' does not have a qualifier "
                                      "specified.")
                self.write_error(ErrorRecord(exc, "ParsePathFormatError", ErrorCategory.InvalidArgument, path))
                return None
            return path[:colon + 2] if "::" in path else path[:colon + 1]
        if kind == "NoQualifierSet":
            if "::" in path:
                return path[path.index("::") + 2:]
            drive = _drive_of(path)
            return drive[1] if drive is not None and drive[1] else path
        if kind in ("LeafSet", "LeafBaseSet", "ExtensionSet"):
            leaf = split_leaf(path)
            if kind == "LeafBaseSet":
                ext = _extension(leaf)
                return leaf[:-len(ext)] if ext else leaf
            if kind == "ExtensionSet":
                return _extension(leaf)
            return leaf
        return split_parent(path)


def is_ps_absolute(path: str) -> bool:
    """pwsh's LocationGlobber.IsAbsolutePath: ``./x`` is relative, ``/x``
    absolute, and so is anything with a colon after its first character
    (``Env:x``, ``nosuch:x``, ``FileSystem::/x``), whether or not the drive
    exists; ``~/x`` is relative."""
    if not path or path.startswith(("./", ".\\")):
        return False
    if path.startswith(("/", "\\")):
        return True
    return path.find(":") > 0


def _extension(name: str) -> str:
    """.NET's Path.GetExtension: from the last dot, '' when it ends the name."""
    dot = name.rfind(".")
    return name[dot:] if 0 <= dot < len(name) - 1 else ""


def _unqualified(path: str) -> tuple[str, str]:
    """``(qualifier, rest)`` where the qualifier is ``drive:`` or ``Provider::``."""
    if "::" in path:
        index = path.index("::") + 2
        return path[:index], path[index:]
    drive = _drive_of(path)
    if drive is not None:
        return path[:len(drive[0]) + 1], drive[1]
    return "", path


def split_leaf(path: str) -> str:
    _, rest = _unqualified(_slashes(path))
    trimmed = rest.rstrip("/")
    return trimmed.rsplit("/", 1)[-1] if trimmed else ""


def split_parent(path: str) -> str:
    """The parent as pwsh's ParseParent gives it: '' for a root or a single
    name, ``/`` for a child of the root, separators normalised."""
    qualifier, rest = _unqualified(_slashes(path))
    if rest.startswith("//"):
        # A UNC-style path: \\server\share\folder -> //server/share
        parts = rest.strip("/").split("/")
        return "//" + "/".join(parts[:-1]) if len(parts) > 1 else ""
    trimmed = rest.rstrip("/")
    if "/" not in trimmed:
        return qualifier + "/" if qualifier and rest.startswith("/") and trimmed else ""
    parent = trimmed.rsplit("/", 1)[0]
    if not parent:
        return qualifier + "/"
    return qualifier + parent


@cmdlet("Resolve-Path", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097143")
class ResolvePathCommand(Cmdlet):
    """Resolves wildcards and relative paths to the existing items' paths.

    Each existing item matched is returned as a PathInfo (its Path is the full path). A path that matches nothing is
    a PathNotFound error. -Relative returns the paths relative to the current location, or to -RelativeBasePath."""

    help_examples = [
        ('Example 1: The full path of a relative one',
         'Resolve-Path ./logs/app.log',
         'Returns the absolute path of app.log.'),
        ('Example 2: Expand a wildcard',
         'Resolve-Path /etc/*.conf | Select-Object -First 3',
         'Returns a PathInfo for each matching file.'),
        ('Example 3: Relative paths',
         'Resolve-Path ./src/*.py -Relative',
         'Returns paths such as ./src/main.py.'),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The paths to resolve; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The paths to resolve, used exactly as written (no wildcards).")
    relative = Parameter("SwitchParameter", help="Outputs paths relative to the current location.")
    relative_base_path = Parameter("String", help="The location relative paths are resolved from (and "
                                                  "-Relative paths are relative to).")
    force = Parameter("SwitchParameter", help="Includes hidden items in wildcard matches.")

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralPath"
        session = self.context.session
        drives = session.drives
        if self.relative_base_path is not None:
            base = fspaths.resolve(session, self.relative_base_path)
            base_drive = fspaths.drive_for(session, self.relative_base_path, base)
        else:
            base, base_drive = session.location, drives.current
        for raw in (self.literal_path if literal else self.path) or ():
            resolved = self._resolve(raw, literal, base, base_drive)
            if resolved is None:
                continue
            for path, drive in resolved:
                info = PathInfo(path, drive)
                if not self.relative:
                    yield info
                elif drive is not base_drive and base_drive.is_file_system and \
                        not path.startswith(base_drive.root):
                    yield info.path
                else:
                    yield relative_path(path, base)

    def _resolve(self, raw: str, literal: bool, base: str, base_drive: Any) -> Optional[list[tuple[str, Any]]]:
        """The existing paths ``raw`` names, each with its drive; as pwsh,
        -RelativeBasePath resolves them from that location (set for the
        while, then restored)."""
        session = self.context.session
        drives = session.drives
        saved = session.location, drives.current
        if self.relative_base_path is not None:
            if not os.path.isdir(base):
                self.write_error(fspaths.path_not_found(fspaths.shown_path(session, self.relative_base_path, base)))
                return None
            session.location, drives.current = base, base_drive
        try:
            paths, wildcard = fspaths.resolve_paths(session, raw, literal, bool(self.force))
            existing = [p for p in paths if os.path.lexists(p)]
            if not existing:
                shown = raw if wildcard else fspaths.shown_path(session, raw, paths[0])
                self.write_error(fspaths.path_not_found(shown))
                return None
            return [(p, fspaths.drive_for(session, raw, p)) for p in existing]
        finally:
            session.location, drives.current = saved


@cmdlet("Convert-Path", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096588")
class ConvertPathCommand(Cmdlet):
    """Converts a path (drive-qualified, relative or with wildcards) to the
    provider's own path: ``TestDrive:\a`` becomes the folder it maps to.

    Unlike Resolve-Path it returns plain strings: the provider paths of the existing items. It is the way to hand a
    path on a PowerShell drive to a program that knows nothing of drives."""

    help_examples = [
        ('Example 1: A drive path for a program',
         'New-PSDrive -Name Proj -PSProvider FileSystem -Root ~/src/project\nConvert-Path Proj:/docs',
         'Returns the real folder path, such as /home/me/src/project/docs.'),
        ('Example 2: The current folder',
         'Convert-Path .',
         'Returns the current location as a plain path.'),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The paths to convert; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The paths to convert, used exactly as written (no wildcards).")
    force = Parameter("SwitchParameter", help="Includes hidden items in wildcard matches.")

    def process_record(self) -> Iterator[str]:
        literal = self.parameter_set_name == "LiteralPath"
        session = self.context.session
        for raw in (self.literal_path if literal else self.path) or ():
            found = provider_or_error(self, raw)
            if found is None:
                continue
            provider, rest = found
            if provider is not FILE_SYSTEM:
                names, _ = provider.resolve(self, rest, literal)
                if not names:
                    self.write_error(fspaths.path_not_found(raw))
                yield from names
                continue
            paths, wildcard = fspaths.resolve_paths(session, raw, literal, bool(self.force))
            existing = [p for p in paths if os.path.lexists(p)]
            if not existing:
                shown = raw if wildcard else fspaths.shown_path(session, raw, paths[0])
                self.write_error(fspaths.path_not_found(shown))
            yield from existing


def relative_path(path: str, base: str) -> str:
    """pwsh's -Relative form: ``./name`` below the base, ``../x`` outside it."""
    rel = os.path.relpath(path, base)
    if rel == ".":
        return "."
    return rel if rel.startswith("..") else "./" + rel
