"""The FileSystem provider's item properties: what Get-ItemProperty,
Set-ItemProperty and Clear-ItemProperty do to files and folders, as
pwsh's FileSystemProvider (its IPropertyCmdletProvider part) does on Linux.

- Getting without names outputs the FileInfo/DirectoryInfo itself; with
  names, one object holding each named property (as typed) followed by the
  provider's PSPath, PSParentPath, PSChildName, PSDrive and PSProvider.  A
  name the item does not have is ``GetValueError`` ("The property x does
  not exist or was not found.").
- Setting works for the properties .NET lets a program change on Unix:
  the times (``LastWriteTime``, ``LastAccessTime``, their ``Utc`` forms and
  ``CreationTime``, which .NET on Linux stores as the write time, having
  no birth time to set), ``Attributes`` (only ReadOnly changes anything:
  it clears the write bits; Archive, Hidden, Normal and System are
  accepted, others are ``SetPropertyError``) and a file's ``IsReadOnly``.
  Any other property of the item is read-only: a terminating
  ``SetPropertyProviderException`` ("... is a ReadOnly property.").
- Clearing accepts only ``Attributes`` and sets them to Normal.

The provider has no dynamic properties (New-, Remove-, Rename-, Copy- and
Move-ItemProperty), which the cmdlets report as NotSupported.
"""

from __future__ import annotations

import datetime as _dt
import os
import stat
from typing import Any, Callable, Optional

from pwshlike.dotnet.conversions import dotnet_to_string
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, IOException, PSArgumentException, RuntimeException
from pwshlike.dotnet.members import get_member, has_property
from pwshlike.dotnet.values import PSCustomObject

from .fserrors import io_record
from .fsitems import FileInfo, item_for

_SETTABLE_ATTRIBUTES = {"archive": 0x20, "hidden": 0x2, "normal": 0x80, "readonly": 0x1, "system": 0x4}
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
_ATTRIBUTES_NOT_SUPPORTED = ("The attribute cannot be set because attributes are not supported. Only the following "
                             "attributes can be set: Archive, Hidden, Normal, ReadOnly, or System.")


def property_object(properties: list[tuple[str, Any]], item: Any) -> PSCustomObject:
    """pwsh's WritePropertyObject: the properties, then the provider's
    notes naming the item they came from."""
    result = PSCustomObject(properties)
    for name, attr in (("PSPath", "ps_path"), ("PSParentPath", "ps_parent_path"), ("PSChildName", "name"),
                       ("PSDrive", "ps_drive"), ("PSProvider", "ps_provider")):
        result.set_property(name, getattr(item, attr))
    return result


def _missing_item(path: str) -> ErrorRecord:
    exc = IOException(f"An object at the specified path {path} does not exist.")
    return ErrorRecord(exc, "ItemDoesNotExist", ErrorCategory.ObjectNotFound, path)


def get_property(cmd: Any, path: str, names: Optional[list[str]]) -> Optional[Any]:
    """The item (no names) or one object of the named properties; None
    when nothing is left to output (the errors are written)."""
    if not os.path.lexists(path):
        cmd.write_error(_missing_item(path))
        return None
    item = item_for(path)
    wanted = [name for name in names or () if name]
    if not wanted:
        return item
    found = []
    for name in wanted:
        if has_property(item, name):
            found.append((name, get_member(item, name)))
        else:
            exc = IOException(f"The property {name} does not exist or was not found.")
            cmd.write_error(ErrorRecord(exc, "GetValueError", ErrorCategory.ReadError, name))
    return property_object(found, item) if found else None


def set_property(cmd: Any, path: str, pairs: list[tuple[str, Any]]) -> Optional[PSCustomObject]:
    """Sets each ``(name, value)`` of the item, each after ShouldProcess;
    returns the one object pwsh writes for -PassThru, holding the
    properties that were set (None when none was)."""
    if not os.path.lexists(path):
        cmd.write_error(_missing_item(path))
        return None
    item = item_for(path)
    is_directory = not isinstance(item, FileInfo)
    action = "Set Property Directory" if is_directory else "Set Property File"
    done = []
    for name, value in pairs:
        if not cmd.should_process(f"Item: {path} Property: {name} Value: {dotnet_to_string(value)}", action):
            continue
        if not has_property(item, name):
            exc = IOException(f"The property {_note_text(name, value)} does not exist or was not found.")
            cmd.write_error(ErrorRecord(exc, "SetPropertyError", ErrorCategory.ReadError, _note_text(name, value)))
            continue
        setter = _SETTERS.get(name.lower())
        if setter is None or (name.lower() == "isreadonly" and is_directory):
            # .NET's "is a ReadOnly property", which pwsh's session state wraps and throws.
            exc = RuntimeException(f"Attempting to perform the SetProperty operation on the 'FileSystem' provider "
                                   f"failed for path '{path}'. \"{_stored_name(item, name)}\" is a ReadOnly "
                                   "property.", error_id="SetPropertyProviderException",
                                   category=ErrorCategory.NotSpecified, target_object=path)
            cmd.throw_terminating_error(exc.error_record)
            return None
        try:
            if setter(cmd, path, value, name):
                done.append((name, value))
        except OSError as exc:
            cmd.write_error(io_record(exc, path, "SetProperty"))
    return property_object(done, item_for(path)) if done else None


def clear_property(cmd: Any, path: str, name: str) -> Optional[PSCustomObject]:
    """Clear-ItemProperty: only ``Attributes`` can be cleared (to Normal)."""
    if name.lower() != "attributes":
        exc = PSArgumentException("The property cannot be cleared because the property is not supported. Only "
                                  "the Attributes property can be cleared.")
        cmd.write_error(ErrorRecord(exc, "ClearPropertyArgumentError", ErrorCategory.InvalidArgument, path))
        return None
    is_directory = os.path.isdir(path)
    action = "Clear Property Directory" if is_directory else "Clear Property File"
    if not cmd.should_process(f"Item: {path} Property: {name}", action):
        return None
    try:
        _apply_read_only(path, False)
    except OSError as exc:
        record = io_record(exc, path, "ClearProperty")
        if record.category == ErrorCategory.PermissionDenied:
            cmd.write_error(record)
        else:
            cmd.write_error(ErrorRecord(record.exception, "ClearPropertyIOError", ErrorCategory.WriteError, path))
        return None
    return property_object([(name, item_for(path).attributes)], item_for(path))


def _note_text(name: str, value: Any) -> str:
    """How pwsh prints the PSNoteProperty it was given (``string Foo=bar``)."""
    from .members_cmds import display_type
    shown = "null" if value is None else dotnet_to_string(value)
    return f"{display_type(value, True)} {name}={shown}"


def _stored_name(item: Any, name: str) -> str:
    """The property's own spelling (``Length`` for ``length``)."""
    for known in type(item).PS_MEMBERS:
        if known.lower() == name.lower():
            return known
    return name


def _to_datetime(value: Any) -> _dt.datetime:
    from pwshlike.dotnet.types import find_type
    return find_type("System.DateTime").convert(value)


def _set_time(which: str, utc: bool) -> Callable[[Any, str, Any, str], bool]:
    """A setter for the write or access time, local or UTC."""
    def setter(cmd: Any, path: str, value: Any, name: str) -> bool:
        moment = _to_datetime(value)
        if utc or moment.tzinfo is not None:
            zone = moment.tzinfo or _dt.timezone.utc
            seconds = moment.replace(tzinfo=zone).timestamp()
        else:
            seconds = moment.timestamp()
        info = os.stat(path)
        if which == "write":
            os.utime(path, (info.st_atime, seconds))
        else:
            os.utime(path, (seconds, info.st_mtime))
        return True
    return setter


def _set_attributes(cmd: Any, path: str, value: Any, name: str) -> bool:
    flags = _attribute_flags(value)
    if flags is None or flags & ~sum(_SETTABLE_ATTRIBUTES.values()):
        target = _note_text(name, value)
        cmd.write_error(ErrorRecord(IOException(_ATTRIBUTES_NOT_SUPPORTED), "SetPropertyError",
                                    ErrorCategory.ReadError, target))
        return False
    _apply_read_only(path, bool(flags & _SETTABLE_ATTRIBUTES["readonly"]))
    return True


def _attribute_flags(value: Any) -> Optional[int]:
    """FileAttributes from a value (an enum, a number or names)."""
    from pwshlike.dotnet.types import find_type
    try:
        return int(find_type("System.IO.FileAttributes").convert(value))
    except Exception:  # noqa: BLE001 - any failed conversion reads as "not supported"
        return None


def _set_read_only(cmd: Any, path: str, value: Any, name: str) -> bool:
    from pwshlike.dotnet.conversions import to_bool
    _apply_read_only(path, to_bool(value))
    return True


def _apply_read_only(path: str, read_only: bool) -> None:
    """.NET on Unix: ReadOnly clears every write bit; not ReadOnly gives
    the owner write access back when the owner can read the file."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if read_only:
        new_mode = mode & ~_WRITE_BITS
    elif mode & stat.S_IRUSR:
        new_mode = mode | stat.S_IWUSR
    else:
        new_mode = mode
    if new_mode != mode:
        os.chmod(path, new_mode)


_SETTERS: dict[str, Callable[[Any, str, Any, str], bool]] = {
    "lastwritetime": _set_time("write", False), "lastwritetimeutc": _set_time("write", True),
    "creationtime": _set_time("write", False), "creationtimeutc": _set_time("write", True),
    "lastaccesstime": _set_time("access", False), "lastaccesstimeutc": _set_time("access", True),
    "attributes": _set_attributes, "isreadonly": _set_read_only,
}
