"""File system items: what Get-ChildItem and Get-Item return.

``FileInfo`` and ``DirectoryInfo`` stand for .NET's ``System.IO.FileInfo``
and ``System.IO.DirectoryInfo`` as pwsh 7 on Linux shows them: the .NET
properties (Name, FullName, Length, LastWriteTime, Mode, Attributes...),
the Unix ones pwsh adds (UnixMode, User, Group, Size) and the provider
note properties (PSPath, PSParentPath, PSChildName, PSIsContainer...).

Their type names (``System.IO.FileInfo``, ``System.IO.FileSystemInfo``,
``System.MarshalByRefObject``, ``System.Object``) are registered with the
type table so ``-is [System.IO.FileInfo]`` works and formatting views can
be keyed on them.

``Mode`` and ``Attributes`` follow .NET on Unix: a regular file is
``Normal`` (``-----``), a directory ``Directory`` (``d----``), a name
starting with a dot adds ``Hidden``, a file the user cannot write adds
``ReadOnly`` and a symbolic link ``ReparsePoint`` (``l`` in Mode).
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import stat as _stat
from functools import lru_cache
from typing import Any, Optional

from pwshlike.dotnet.values import Int64
from pwshlike.runtime import active

PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"
PROVIDER_PREFIX = PROVIDER + "::"


def ps_path(full_name: str) -> str:
    """The provider-qualified path pwsh puts in ``PSPath``."""
    return PROVIDER_PREFIX + full_name


def _mode_read_only(info: os.stat_result) -> bool:
    """.NET's ReadOnly attribute on Unix: read but no write permission in
    the permission class (owner, group, others) that applies to this
    process, from the mode bits alone; root is no exception, so a file
    made read-only by Set-ItemProperty reads back as read-only."""
    mode = info.st_mode

    def read_only(read: int, write: int) -> bool:
        return bool(mode & read) and not mode & write
    user = read_only(_stat.S_IRUSR, _stat.S_IWUSR)
    group = read_only(_stat.S_IRGRP, _stat.S_IWGRP)
    other = read_only(_stat.S_IROTH, _stat.S_IWOTH)
    if user == group == other or info.st_uid == os.geteuid():
        return user
    if info.st_gid == os.getegid() or info.st_gid in os.getgroups():
        return group
    return other


def _members(own: dict[str, str], extra: Optional[dict[str, str]] = None) -> dict[str, str]:
    """The .NET name -> attribute table in the order pwsh lists a file
    system item's properties: provider notes, the type-table properties
    pwsh adds (``extra`` among them), the type's own .NET properties, the
    shared ones, then the Unix ones."""
    return {
        "PSPath": "ps_path", "PSParentPath": "ps_parent_path", "PSChildName": "name",
        "PSDrive": "ps_drive", "PSProvider": "ps_provider", "PSIsContainer": "ps_is_container",
        "Mode": "mode", "ModeWithoutHardLink": "mode_without_hard_link", **(extra or {}), "BaseName": "base_name",
        "ResolvedTarget": "resolved_target", "Target": "target", "LinkType": "link_type", **own,
        "FullName": "full_name", "Extension": "extension", "Name": "name", "Exists": "exists",
        "CreationTime": "creation_time", "CreationTimeUtc": "creation_time_utc",
        "LastAccessTime": "last_access_time", "LastAccessTimeUtc": "last_access_time_utc",
        "LastWriteTime": "last_write_time", "LastWriteTimeUtc": "last_write_time_utc",
        "LinkTarget": "target", "UnixFileMode": "unix_file_mode", "Attributes": "attributes",
        "UnixMode": "unix_mode", "User": "user",
        "Group": "group", "Size": "size", "NameString": "name_string", "LengthString": "length_string",
        "LastWriteTimeString": "last_write_time_string", "Refresh": "refresh", "ToString": "__str__",
    }


# pwsh's type table marks these IsHidden: views use them, listings do not show them.
_HIDDEN = ("NameString", "LengthString", "LastWriteTimeString")


_UNREAD: Any = object()


class FileSystemInfo:
    """Shared members of files and directories; ``lstat`` is read once, when
    the item is made (``Refresh()`` reads it again), like .NET's cached
    FileSystemInfo.  A listing passes the ``lstat`` its directory scan
    already read; a link's target is stat'ed only when a member needs it."""

    __slots__ = ("full_name", "_lstat", "_stat", "__weakref__")  # weakref: Add-Member's side table
    full_name_type = "System.IO.FileSystemInfo"
    PS_MEMBERS = _members({})
    PS_HIDDEN = _HIDDEN

    def __init__(self, full_name: str, lstat: Any = _UNREAD) -> None:
        self.full_name = full_name
        if lstat is _UNREAD:
            self.refresh()
        else:
            self._lstat: Optional[os.stat_result] = lstat
            self._stat: Any = _UNREAD if lstat is not None and _stat.S_ISLNK(lstat.st_mode) else lstat

    def refresh(self) -> None:
        try:
            self._lstat = os.lstat(self.full_name)
        except OSError:
            self._lstat = None
        self._stat = _UNREAD if self._lstat is not None and _stat.S_ISLNK(self._lstat.st_mode) else self._lstat

    def _followed(self) -> Optional[os.stat_result]:
        """The stat of what a link points to (the link's own when broken)."""
        if self._stat is _UNREAD:
            try:
                self._stat = os.stat(self.full_name)
            except OSError:
                self._stat = self._lstat
        return self._stat

    # --- names ----------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.full_name.rpartition("/")[2] or self.full_name

    @property
    def extension(self) -> str:
        return _extension_of(self.name)

    @property
    def base_name(self) -> str:
        return self.name

    @property
    def exists(self) -> bool:
        return self._lstat is not None

    # --- attributes -----------------------------------------------------------------

    @property
    def is_link(self) -> bool:
        return self._lstat is not None and _stat.S_ISLNK(self._lstat.st_mode)

    def _attribute_names(self) -> list[str]:
        names = []
        if self.name.startswith(".") and self.name not in (".", ".."):
            names.append("Hidden")
        if self._lstat is not None and not self.is_link and _mode_read_only(self._lstat):
            names.insert(0, "ReadOnly")
        if isinstance(self, DirectoryInfo):
            names.append("Directory")
        if self.is_link:
            names.append("ReparsePoint")
        return names

    @property
    def attributes(self) -> Any:
        """A ``[System.IO.FileAttributes]`` value (``-band`` and ``-match`` both work on it)."""
        from pwshlike.dotnet.engine_enums import FILE_ATTRIBUTES
        number = sum(FILE_ATTRIBUTES.members[n] for n in self._attribute_names())
        return FILE_ATTRIBUTES.value(number or FILE_ATTRIBUTES.members["Normal"])

    @property
    def mode(self) -> str:
        """pwsh's Mode: ``l`` first for a symbolic link and for a file with more than one hard link."""
        return self._mode(self.is_link or self._is_hard_link())

    @property
    def mode_without_hard_link(self) -> str:
        """What the Windows-style table shows: ``l`` for symbolic links only."""
        return self._mode(self.is_link)

    def _mode(self, link: bool) -> str:
        names = set(self._attribute_names())
        first = "l" if link else "d" if isinstance(self, DirectoryInfo) else "-"
        return (first + ("a" if "Archive" in names else "-") + ("r" if "ReadOnly" in names else "-")
                + ("h" if "Hidden" in names else "-") + ("s" if "System" in names else "-"))

    def _is_hard_link(self) -> bool:
        """A file (not a folder) that more than one name leads to."""
        return (self._lstat is not None and not isinstance(self, DirectoryInfo)
                and not self.is_link and self._lstat.st_nlink > 1)

    @property
    def unix_file_mode(self) -> Any:
        """.NET's ``[System.IO.UnixFileMode]``: the permission bits of the
        item (of a link's target), as flags."""
        from pwshlike.dotnet.engine_enums import UNIX_FILE_MODE
        followed = self._followed()
        if followed is None:
            from pwshlike.dotnet.errors import FileNotFoundException
            raise FileNotFoundException(f"Could not find file '{self.full_name}'.")
        return UNIX_FILE_MODE.value(followed.st_mode & 0o7777)

    @property
    def unix_mode(self) -> str:
        return _stat.filemode(self._lstat.st_mode) if self._lstat is not None else ""

    @property
    def user(self) -> str:
        return _owner_name(self._lstat.st_uid) if self._lstat is not None else ""

    @property
    def group(self) -> str:
        return _group_name(self._lstat.st_gid) if self._lstat is not None else ""

    @property
    def size(self) -> Int64:
        return Int64(self._lstat.st_size if self._lstat is not None else 0)

    @property
    def link_type(self) -> Optional[str]:
        if self.is_link:
            return "SymbolicLink"
        return "HardLink" if self._is_hard_link() else None

    @property
    def target(self) -> Optional[str]:
        return os.readlink(self.full_name) if self.is_link else None

    @property
    def resolved_target(self) -> str:
        """Where a link finally leads (its full path); the item's own path otherwise."""
        return os.path.realpath(self.full_name) if self.is_link else self.full_name

    # --- what the views show ---------------------------------------------------------

    @property
    def name_string(self) -> str:
        """The name as listings show it: coloured by ``$PSStyle.FileInfo``
        (link, folder, extension, executable, in pwsh's order of checks)
        and ``name -> target`` for a link.  The colours are always in the
        text; the formatter removes them where $PSStyle.OutputRendering
        says so."""
        from pwshlike.formatting.style import PSStyle
        style = PSStyle.instance
        colours = style.FileInfo
        name = self.name
        if self.is_link:
            return f"{colours.SymbolicLink}{name}{style.Reset} -> {self.target}"
        if isinstance(self, DirectoryInfo):
            return f"{colours.Directory}{name}{style.Reset}"
        extension = _extension_of(name)
        colour = colours.Extension.get(extension) if extension else None
        if colour is not None:
            return f"{colour}{name}{style.Reset}"
        if os.access(self.full_name, os.X_OK):
            return f"{colours.Executable}{name}{style.Reset}"
        return name

    @property
    def length_string(self) -> str:
        return ""

    @property
    def last_write_time_string(self) -> str:
        """Short date and short time, right-aligned (``{0,10:d} {0,8:t}``)."""
        from pwshlike.dotnet.formatting_net import composite_format
        return composite_format("{0,10:d} {0,8:t}", [self.last_write_time])

    # --- times ----------------------------------------------------------------------

    def _time(self, field: str, utc: bool) -> _dt.datetime:
        if self._lstat is None:
            # .NET reports 1601-01-01 (the FILETIME epoch) for an item that does not exist.
            return _dt.datetime(1601, 1, 1)
        seconds = getattr(self._followed() or self._lstat, field)
        if utc:
            return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).replace(tzinfo=None)
        return _dt.datetime.fromtimestamp(seconds)

    @property
    def last_write_time(self) -> _dt.datetime:
        return self._time("st_mtime", False)

    @property
    def last_write_time_utc(self) -> _dt.datetime:
        return self._time("st_mtime", True)

    @property
    def last_access_time(self) -> _dt.datetime:
        return self._time("st_atime", False)

    @property
    def last_access_time_utc(self) -> _dt.datetime:
        return self._time("st_atime", True)

    @property
    def creation_time(self) -> _dt.datetime:
        return self._time(_birth_field(self._followed()), False)

    @property
    def creation_time_utc(self) -> _dt.datetime:
        return self._time(_birth_field(self._followed()), True)

    # --- provider properties --------------------------------------------------------

    @property
    def ps_path(self) -> str:
        return ps_path(self.full_name)

    @property
    def ps_parent_path(self) -> str:
        parent = os.path.dirname(self.full_name)
        return ps_path(parent) if parent != self.full_name else ""

    @property
    def ps_drive(self) -> Any:
        """The session's drive the item is on: the current location's
        drive when the item is under its root, else ``/``."""
        current = active.context
        if current is None:
            return "/"
        drives = current.session.drives
        drive = drives.current
        if drive.is_file_system and drive.display(self.full_name) is not None:
            return drive
        return drives.get("/")

    @property
    def ps_provider(self) -> Any:
        current = active.context
        return PROVIDER if current is None else current.session.drives.provider("FileSystem")

    @property
    def ps_is_container(self) -> bool:
        return isinstance(self, DirectoryInfo)

    def __str__(self) -> str:
        return self.full_name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.full_name!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.full_name == self.full_name  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self.full_name)


class FileInfo(FileSystemInfo):
    """``System.IO.FileInfo``."""

    __slots__ = ()
    full_name_type = "System.IO.FileInfo"
    PS_MEMBERS = _members({"Length": "length", "DirectoryName": "directory_name",
                           "Directory": "directory", "IsReadOnly": "is_read_only", "Delete": "delete",
                           "CopyTo": "copy_to", "MoveTo": "move_to"},
                          {"VersionInfo": "version_info"})

    @property
    def base_name(self) -> str:
        ext = self.extension
        return self.name[:-len(ext)] if ext else self.name

    @property
    def length(self) -> Int64:
        followed = self._followed()
        return Int64(followed.st_size if followed is not None else 0)

    @property
    def length_string(self) -> str:
        return str(int(self.length))

    @property
    def directory_name(self) -> str:
        return os.path.dirname(self.full_name)

    @property
    def directory(self) -> "DirectoryInfo":
        return DirectoryInfo(self.directory_name)

    @property
    def is_read_only(self) -> bool:
        return "ReadOnly" in self._attribute_names()

    @property
    def version_info(self) -> Any:
        """``[FileVersionInfo]::GetVersionInfo($this.FullName)``: on Linux a
        file has no version resource, so only the file name is set."""
        from .process_modules import FileVersionInfo
        return FileVersionInfo(self.full_name)

    # .NET's methods scripts call; OS errors become .NET's exceptions (the
    # method call wraps them as "Exception calling ...").  A relative path
    # is taken from the process's directory, as .NET does (not $PWD).

    def delete(self) -> None:
        """Deletes the file; a file that is not there is no error."""
        try:
            os.unlink(self.full_name)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise _dotnet_error(exc, self.full_name) from None
        self.refresh()

    def copy_to(self, destination: Any, overwrite: Any = False) -> "FileInfo":
        """A copy at ``destination`` (``overwrite`` replaces a file there)."""
        target = _file_target(destination, overwrite)
        try:
            shutil.copy2(self.full_name, target)
        except OSError as exc:
            source_missing = not os.path.exists(self.full_name)
            raise _dotnet_error(exc, self.full_name if source_missing else target, source_missing) from None
        return FileInfo(target)

    def move_to(self, destination: Any, overwrite: Any = False) -> None:
        """Moves the file; the object then stands for the new path."""
        target = _file_target(destination, overwrite)
        try:
            shutil.move(self.full_name, target)
        except OSError as exc:
            raise _dotnet_error(exc, self.full_name, missing_is_file=True) from None
        self.full_name = target
        self.refresh()


class DirectoryInfo(FileSystemInfo):
    """``System.IO.DirectoryInfo``."""

    __slots__ = ()
    full_name_type = "System.IO.DirectoryInfo"
    PS_MEMBERS = _members({"Parent": "parent", "Root": "root", "EnumerateFiles": "enumerate_files",
                           "EnumerateDirectories": "enumerate_directories",
                           "EnumerateFileSystemInfos": "enumerate_infos", "GetFiles": "get_files",
                           "GetDirectories": "get_directories", "GetFileSystemInfos": "get_infos",
                           "Create": "create", "CreateSubdirectory": "create_subdirectory", "Delete": "delete",
                           "MoveTo": "move_to"})

    @property
    def parent(self) -> Optional["DirectoryInfo"]:
        parent = os.path.dirname(self.full_name)
        return DirectoryInfo(parent) if parent != self.full_name else None

    @property
    def root(self) -> "DirectoryInfo":
        return DirectoryInfo("/")

    def create(self) -> None:
        """Creates the folder and any missing ones above it (none if it exists)."""
        try:
            os.makedirs(self.full_name, exist_ok=True)
        except OSError as exc:
            raise _dotnet_error(exc, self.full_name) from None
        self.refresh()

    def create_subdirectory(self, path: Any) -> "DirectoryInfo":
        from pwshlike.dotnet.conversions import to_string
        child = DirectoryInfo(os.path.normpath(os.path.join(self.full_name, to_string(path))))
        child.create()
        return child

    def delete(self, recursive: Any = False) -> None:
        """Deletes the folder; one with items in it only with ``recursive``."""
        try:
            if recursive and not self.is_link:
                shutil.rmtree(self.full_name)
            else:
                os.rmdir(self.full_name) if not self.is_link else os.unlink(self.full_name)
        except OSError as exc:
            raise _dotnet_error(exc, self.full_name) from None
        self.refresh()

    def move_to(self, destination: Any) -> None:
        """Moves the folder; the object then stands for the new path."""
        target = _full_path(destination)
        if os.path.lexists(target):
            from pwshlike.dotnet.errors import IOException
            raise IOException(f"Cannot create '{target}' because a file or directory with the same name already "
                              "exists.")
        try:
            os.rename(self.full_name, target)
        except OSError as exc:
            raise _dotnet_error(exc, self.full_name) from None
        self.full_name = target
        self.refresh()

    # .NET's enumeration methods: (searchPattern = '*', searchOption = TopDirectoryOnly).
    # Enumerate* hand back a sequence the pipeline unrolls; Get* a typed array.

    def enumerate_files(self, pattern: Any = "*", option: Any = 0) -> list[FileSystemInfo]:
        return self._entries(pattern, option, files=True, dirs=False)

    def enumerate_directories(self, pattern: Any = "*", option: Any = 0) -> list[FileSystemInfo]:
        return self._entries(pattern, option, files=False, dirs=True)

    def enumerate_infos(self, pattern: Any = "*", option: Any = 0) -> list[FileSystemInfo]:
        return self._entries(pattern, option, files=True, dirs=True)

    def get_files(self, pattern: Any = "*", option: Any = 0) -> list[FileSystemInfo]:
        return _typed_array(self.enumerate_files(pattern, option), FileInfo)

    def get_directories(self, pattern: Any = "*", option: Any = 0) -> list[FileSystemInfo]:
        return _typed_array(self.enumerate_directories(pattern, option), DirectoryInfo)

    def get_infos(self, pattern: Any = "*", option: Any = 0) -> list[FileSystemInfo]:
        return _typed_array(self.enumerate_infos(pattern, option), FileSystemInfo)

    def _entries(self, pattern: Any, option: Any, files: bool, dirs: bool) -> list[FileSystemInfo]:
        """Entries in directory order (readdir's, as .NET gives them), each
        directory's own entries before those of its subdirectories; the
        pattern's ``*``/``?`` match case-sensitively, as on Linux, and
        ``*.*`` is ``*`` (.NET's Win32-compatible matching)."""
        import fnmatch
        from pwshlike.dotnet.conversions import to_string
        from pwshlike.dotnet.errors import ArgumentNullException, DirectoryNotFoundException
        from pwshlike.dotnet.types import find_type
        if pattern is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'searchPattern')")
        text = to_string(pattern) or "*"
        text = "*" if text == "*.*" else text.replace("[", "[[]")
        recurse = int(find_type("System.IO.SearchOption").convert(option)) == 1
        if not os.path.isdir(self.full_name):
            raise DirectoryNotFoundException(f"Could not find a part of the path '{self.full_name}'.")
        found: list[FileSystemInfo] = []
        pending = [self.full_name]
        while pending:
            folder = pending.pop(0)
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                is_dir = entry.is_dir()
                if (dirs if is_dir else files) and fnmatch.fnmatchcase(entry.name, text):
                    found.append(DirectoryInfo(entry.path) if is_dir else FileInfo(entry.path))
                if recurse and is_dir and not entry.is_symlink():
                    pending.append(entry.path)
        return found


def _typed_array(items: list[FileSystemInfo], cls: type) -> list[FileSystemInfo]:
    """``FileInfo[]`` and friends, typed so ``GetType()`` names them."""
    from pwshlike.dotnet.types import find_type
    from pwshlike.dotnet.values import TypedArray
    return TypedArray(items, find_type(cls.full_name_type))


def _extension_of(name: str) -> str:
    """.NET's Extension: from the last dot (a name that is only a dot has none)."""
    dot = name.rfind(".")
    return name[dot:] if dot > 0 or (dot == 0 and len(name) > 1) else ""


def _full_path(path: Any, parameter: str = "destFileName",
               empty_message: str = "The value cannot be an empty string.") -> str:
    """A path argument made absolute from the process's current directory,
    as .NET's Path.GetFullPath; null and empty are refused with .NET's
    messages naming ``parameter`` (CopyTo/MoveTo's destination, or the
    constructors' path, whose empty message differs)."""
    from pwshlike.dotnet.conversions import to_string
    from pwshlike.dotnet.errors import ArgumentException, ArgumentNullException
    if path is None:
        raise ArgumentNullException(f"Value cannot be null. (Parameter '{parameter}')")
    text = to_string(path)
    if not text:
        raise ArgumentException(f"{empty_message} (Parameter '{parameter}')")
    return os.path.abspath(text)


def _file_target(destination: Any, overwrite: Any) -> str:
    """FileInfo.CopyTo/MoveTo's destination as a full path: an item already
    there is .NET's IOException unless ``overwrite``."""
    target = _full_path(destination)
    if not overwrite and os.path.lexists(target):
        from pwshlike.dotnet.errors import IOException
        raise IOException(f"The file '{target}' already exists.")
    return target


def _dotnet_error(exc: OSError, path: str, missing_is_file: bool = False) -> Any:
    from .fserrors import dotnet_exception
    return dotnet_exception(exc, path, missing_is_file)


def item_for(full_name: str) -> FileSystemInfo:
    """A FileInfo or DirectoryInfo for an existing path (links to
    directories are directories, as in pwsh)."""
    return DirectoryInfo(full_name) if os.path.isdir(full_name) else FileInfo(full_name)


def _birth_field(st: Optional[os.stat_result]) -> str:
    return "st_birthtime" if st is not None and hasattr(st, "st_birthtime") else "st_ctime"


@lru_cache(maxsize=256)
def _owner_name(uid: int) -> str:
    """The user's name (pwsh caches these too: one lookup per owner, not per file)."""
    try:
        import pwd
        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


@lru_cache(maxsize=256)
def _group_name(gid: int) -> str:
    try:
        import grp
        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return str(gid)


def _register_types() -> None:
    """Registers the .NET type chain so type names (and with them formatting
    views and ``-is`` tests) are pwsh's."""
    from pwshlike.dotnet.types import find_type, register_class
    object_type = find_type("System.Object")
    marshal = register_class(_MarshalByRefObject, "System.MarshalByRefObject")
    marshal.base = object_type
    fsi = register_class(FileSystemInfo, FileSystemInfo.full_name_type)
    fsi.base = marshal
    for cls in (FileInfo, DirectoryInfo):
        register_class(cls, cls.full_name_type, converter=_path_converter(cls),
                       constructor=_path_constructor(cls)).base = fsi


def _path_constructor(cls: type) -> Any:
    """``[System.IO.DirectoryInfo]::new(path)``: a relative path is taken
    from the process's current directory, as .NET's Path.GetFullPath."""
    def construct(path: Any) -> FileSystemInfo:
        return cls(_full_path(path, "path", "The path is empty."))
    return construct


def _path_converter(cls: type) -> Any:
    """Casts: the item itself, or a path string through the constructor."""
    construct = _path_constructor(cls)

    def convert(value: Any) -> Any:
        from pwshlike.dotnet.conversions import cast_error
        if value is None or isinstance(value, cls):
            return value
        if isinstance(value, str):
            return construct(value)
        raise cast_error(value, cls.full_name_type)  # type: ignore[attr-defined]
    return convert


class _MarshalByRefObject:
    """Stands for ``System.MarshalByRefObject`` in the type chain only."""

    __slots__ = ()


_register_types()
