"""The FileSystem provider's item operations: create, remove, copy, move
and rename files, folders and links as pwsh's FileSystemProvider does on
Linux.

What a user notices, kept from pwsh:

- New-Item makes a file unless -ItemType says Directory, SymbolicLink or
  HardLink (any unambiguous prefix, ``-ItemType dir``); an existing file is
  ``NewItemIOError`` ("The file '...' already exists.") and an existing
  folder ``DirectoryExist``; -Force overwrites the file, returns the folder
  and first creates missing parent folders.
- Remove-Item refuses hidden (dot) and read-only items without -Force
  (``RemoveFileSystemItemUnAuthorizedAccess``, "Cannot remove item ..."),
  and a folder that still has children afterwards is ``DirectoryNotEmpty``.
- Copy-Item overwrites files without asking; a folder copied onto an
  existing folder goes inside it.  Move-Item does not overwrite without
  -Force; Rename-Item takes a new name, not a path.
- Each change asks ShouldProcess with pwsh's texts ("Remove File",
  "Create Directory", "Item: a Destination: b").

Operations take ``cmd`` (the cmdlet: -Force, ShouldProcess, errors) and
yield the items pwsh's provider writes; the cmdlets decide what to output
(-PassThru).
"""

from __future__ import annotations

import os
import shutil
import stat
from typing import Any, Iterator, Optional

from pwshlike.dotnet.conversions import dotnet_to_string
from pwshlike.dotnet.errors import (ErrorCategory, ErrorDetails, ErrorRecord, InvalidOperationException,
                                    IOException, ItemNotFoundException, PSArgumentException,
                                    PSArgumentNullException, UnauthorizedAccessException)
from pwshlike.dotnet.wildcard import wildcard_match

from . import fspaths
from .fserrors import io_record
from .fsitems import item_for

_KINDS = (("directory", "Directory"), ("container", "Directory"), ("file", "File"),
          ("symboliclink", "SymbolicLink"), ("hardlink", "HardLink"))

UNKNOWN_TYPE = ('The type is not a known type for the file system. Only "file","directory" or "symboliclink" '
                'can be specified.')


def item_kind(item_type: str) -> Optional[str]:
    """pwsh's GetItemType: the first kind the text begins (``dir``,
    ``sym``...), checked in pwsh's order; None when none."""
    pattern = item_type + "*"
    for name, kind in _KINDS:
        if wildcard_match(name, pattern):
            return kind
    return None


class FileSystemItems:
    """The FileSystem provider's part of the item cmdlets."""

    name = "FileSystem"

    # --- paths --------------------------------------------------------------------------

    def resolve(self, cmd: Any, path: str, literal: bool, force: bool = False) -> tuple[list[str], bool]:
        """``(existing paths, was_wildcard)``."""
        paths, wildcard = fspaths.resolve_paths(cmd.context.session, path, literal, force)
        return [p for p in paths if os.path.lexists(p)], wildcard

    def full_path(self, cmd: Any, path: str) -> str:
        """A path made absolute without wildcard expansion."""
        return fspaths.resolve(cmd.context.session, path)

    def is_container(self, path: str) -> bool:
        return os.path.isdir(path)

    def has_children(self, path: str) -> bool:
        """A real folder (not a link to one) with anything in it."""
        if os.path.islink(path) or not os.path.isdir(path):
            return False
        try:
            with os.scandir(path) as entries:
                return any(True for _ in entries)
        except OSError:
            return False

    # --- New-Item ---------------------------------------------------------------------------

    def new_item(self, cmd: Any, path: str, item_type: Optional[str], value: Any) -> Iterator[Any]:
        kind = item_kind(item_type or "file")
        if kind is None:
            cmd.throw_terminating_error(PSArgumentException(UNKNOWN_TYPE).error_record)
            return
        if cmd.force:
            self._make_parents(cmd, path)
        if kind == "Directory":
            yield from self._new_directory(cmd, path, output=True)
        elif kind == "File":
            yield from self._new_file(cmd, path, value)
        else:
            yield from self._new_link(cmd, path, kind, value)

    def _make_parents(self, cmd: Any, path: str) -> None:
        """-Force: the missing folders above ``path``, outermost first."""
        missing = []
        parent = os.path.dirname(path)
        while parent and parent != "/" and not os.path.lexists(parent):
            missing.append(parent)
            parent = os.path.dirname(parent)
        for folder in reversed(missing):
            for _ in self._new_directory(cmd, folder, output=False):
                pass

    def _new_directory(self, cmd: Any, path: str, output: bool) -> Iterator[Any]:
        if not cmd.force and os.path.lexists(path):
            exc = IOException(f"An item with the specified name {path} already exists.")
            cmd.write_error(ErrorRecord(exc, "DirectoryExist", ErrorCategory.ResourceExists, path))
            return
        if not cmd.should_process(f"Destination: {path}", "Create Directory"):
            return
        try:
            os.makedirs(path, exist_ok=True)
        except PermissionError as exc:
            cmd.write_error(io_record(exc, path, "CreateDirectory"))
            return
        except OSError as exc:
            # pwsh on Unix keeps quiet about an IOException here under -Force.
            if not cmd.force:
                cmd.write_error(io_record(exc, path, "CreateDirectory"))
            return
        if output:
            yield item_for(path)

    def _new_file(self, cmd: Any, path: str, value: Any) -> Iterator[Any]:
        if not cmd.should_process(f"Destination: {path}", "Create File"):
            return
        try:
            with open(path, "wb" if cmd.force else "xb") as stream:
                if value is not None:
                    stream.write(dotnet_to_string(value).encode("utf-8"))
        except OSError as exc:
            cmd.write_error(io_record(exc, path, "NewItem"))
            return
        yield item_for(path)

    def _new_link(self, cmd: Any, path: str, kind: str, value: Any) -> Iterator[Any]:
        target = None if value is None else dotnet_to_string(value)
        if not target:
            exc = PSArgumentNullException(f"Link '{path}' cannot be created because the target Value was not "
                                          "specified.")
            cmd.throw_terminating_error(exc.error_record)
            return
        action = "Create Symbolic Link" if kind == "SymbolicLink" else "Create Hard Link"
        if not cmd.should_process(f"Destination: {path}", action):
            return
        if kind == "SymbolicLink":
            target = target.replace("\\", "/")
            is_directory = os.path.isdir(os.path.join(os.path.dirname(path), target))
        else:
            target = self.full_path(cmd, target)
            if not os.path.lexists(target):
                exc = ItemNotFoundException(f"Could not find item {target}.")
                cmd.write_error(ErrorRecord(exc, "ItemNotFound", ErrorCategory.ObjectNotFound, target))
                return
            if os.path.isdir(target):
                exc = InvalidOperationException(f"A file is required for the operation. The item '{target}' is "
                                                "not a file.")
                cmd.write_error(ErrorRecord(exc, "ItemNotFile", ErrorCategory.InvalidOperation, target))
                return
        if not self._clear_link_path(cmd, path, kind, target):
            return
        try:
            if kind == "SymbolicLink":
                os.symlink(target, path, target_is_directory=is_directory)
            else:
                os.link(target, path)
        except PermissionError as exc:
            error = UnauthorizedAccessException("Administrator privilege required for this operation.", exc)
            cmd.write_error(ErrorRecord(error, "NewItemSymbolicLinkElevationRequired",
                                        ErrorCategory.PermissionDenied, dotnet_to_string(value)))
            return
        except OSError as exc:
            cmd.write_error(io_record(exc, path, "NewItemCreate"))
            return
        yield item_for(path)

    def _clear_link_path(self, cmd: Any, path: str, kind: str, target: str) -> bool:
        """Whether the link's own path is free: -Force removes what is
        there (not a hard link onto itself), otherwise ``SymLinkExists``."""
        if not os.path.lexists(path):
            return True
        if not cmd.force:
            exc = IOException(f"Cannot create link because the path already exists: {path}.")
            cmd.write_error(ErrorRecord(exc, "SymLinkExists", ErrorCategory.ResourceExists, path))
            return False
        if kind == "HardLink" and path == target:
            exc = InvalidOperationException("The target and path cannot be the same.")
            cmd.write_error(ErrorRecord(exc, "TargetIsSameAsLink", ErrorCategory.InvalidOperation, path))
            return False
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                os.rmdir(path)
            else:
                os.unlink(path)
        except OSError as exc:
            record = io_record(exc, path, "NewItemDelete")
            cmd.write_error(ErrorRecord(record.exception, "NewItemDeleteIOError", ErrorCategory.WriteError, path))
            return False
        return True

    # --- Remove-Item ------------------------------------------------------------------------

    def remove_item(self, cmd: Any, path: str, recurse: bool) -> None:
        if not os.path.lexists(path):
            exc = IOException(f"An object at the specified path {path} does not exist.")
            cmd.write_error(ErrorRecord(exc, "ItemDoesNotExist", ErrorCategory.ObjectNotFound, path))
            return
        if os.path.isdir(path):
            self._remove_directory(cmd, path, recurse, root=True)
        elif cmd.should_process(path, "Remove File"):
            self._delete(cmd, path)

    def _remove_directory(self, cmd: Any, path: str, recurse: bool, root: bool) -> None:
        """pwsh's RemoveDirectoryInfoItem: ShouldProcess for the root (and
        for every item with -Recurse), children first, then the folder."""
        if (root or recurse) and not cmd.should_process(path, "Remove Directory"):
            return
        if os.path.islink(path):
            self._delete(cmd, path)
            return
        folders, files = _children(path)
        for folder in folders:
            self._remove_directory(cmd, folder, recurse, root=False)
        filter_ = getattr(cmd, "filter", None)
        for file in files:
            if filter_ and not wildcard_match(os.path.basename(file), filter_):
                continue
            if not recurse:
                self._delete(cmd, file)
            elif cmd.should_process(file, "Remove File"):
                self._delete(cmd, file)
        if self.has_children(path) and not cmd.force:
            exc = IOException(f"Directory {path} cannot be removed because it is not empty.")
            cmd.write_error(ErrorRecord(exc, "DirectoryNotEmpty", ErrorCategory.WriteError, item_for(path)))
            return
        self._delete(cmd, path)

    def _delete(self, cmd: Any, path: str) -> None:
        """pwsh's RemoveFileSystemItem: hidden and read-only items only
        with -Force (which first makes them writable)."""
        info = item_for(path)
        attributes = str(info.attributes)
        if not cmd.force and ("Hidden" in attributes or "ReadOnly" in attributes):
            exc = IOException("You do not have sufficient access rights to perform this operation or the item is "
                              "hidden, system, or read only.")
            self._cannot_remove(cmd, exc, "RemoveFileSystemItemUnAuthorizedAccess", ErrorCategory.PermissionDenied,
                                info)
            return
        try:
            if cmd.force and not info.is_link:
                _make_writable(path)
            if os.path.isdir(path) and not os.path.islink(path):
                os.rmdir(path)
            else:
                os.unlink(path)
        except OSError as exc:
            record = io_record(exc, path, "RemoveFileSystemItem", info)
            if record.category == ErrorCategory.PermissionDenied:
                error_id = "RemoveFileSystemItemUnAuthorizedAccess"
            else:
                error_id = "RemoveFileSystemItemIOError"
            self._cannot_remove(cmd, record.exception, error_id, record.category, info)

    @staticmethod
    def _cannot_remove(cmd: Any, exc: Any, error_id: str, category: Any, info: Any) -> None:
        record = ErrorRecord(exc, error_id, category, info)
        record.error_details = ErrorDetails(f"Cannot remove item {info.full_name}: {exc.message}")
        cmd.write_error(record)

    # --- Copy-Item --------------------------------------------------------------------------

    def copy_item(self, cmd: Any, path: str, destination: str, recurse: bool) -> Iterator[Any]:
        if os.path.isdir(path):
            yield from self._copy_directory(cmd, path, destination, recurse)
        else:
            yield from self._copy_file(cmd, path, destination)

    def copy_children_flat(self, cmd: Any, path: str, destination: str) -> Iterator[Any]:
        """-Recurse -Container:$false: every file under ``path`` straight
        into ``destination``, without the folders."""
        folders, files = _children(path)
        for file in files:
            yield from self._copy_file(cmd, file, destination)
        for folder in folders:
            yield from self.copy_children_flat(cmd, folder, destination)

    def _copy_directory(self, cmd: Any, path: str, destination: str, recurse: bool) -> Iterator[Any]:
        if os.path.isdir(destination):
            destination = os.path.join(destination, os.path.basename(path))
        if not cmd.should_process(f"Item: {path} Destination: {destination}", "Copy Directory"):
            return
        if recurse and (destination + "/").startswith(path.rstrip("/") + "/"):
            exc = IOException(f"Destination path cannot be a subdirectory of the source or the source itself: "
                              f"{destination}.")
            cmd.write_error(ErrorRecord(exc, "CopyError", ErrorCategory.WriteError, destination))
            return
        yield from self._new_directory(cmd, destination, output=True)
        if not recurse:
            return
        folders, files = _children(path)
        filter_ = getattr(cmd, "filter", None)
        for file in files:
            if not filter_ or wildcard_match(os.path.basename(file), filter_):
                yield from self._copy_file(cmd, file, destination)
        for folder in folders:
            yield from self._copy_directory(cmd, folder, destination, recurse)

    def _copy_file(self, cmd: Any, path: str, destination: str) -> Iterator[Any]:
        if os.path.isdir(destination):
            destination = os.path.join(destination, os.path.basename(path))
        if _is_same_file(path, destination):
            exc = IOException(f"Cannot overwrite the item {destination} with itself.")
            cmd.write_error(ErrorRecord(exc, "CopyError", ErrorCategory.WriteError, destination))
            return
        if any(wildcard_match(os.path.basename(path), p) for p in getattr(cmd, "exclude", None) or ()):
            return
        if not cmd.should_process(f"Item: {path} Destination: {destination}", "Copy File"):
            return
        try:
            _copy_over(path, destination, bool(cmd.force))
        except OSError as exc:
            cmd.write_error(io_record(exc, destination, "CopyFileInfoItem", item_for(path)))
            return
        yield item_for(destination)

    # --- Move-Item and Rename-Item ---------------------------------------------------------

    def move_item(self, cmd: Any, path: str, destination: str) -> Iterator[Any]:
        is_directory = os.path.isdir(path) and not os.path.islink(path)
        if os.path.isdir(destination):
            destination = os.path.join(destination, os.path.basename(path))
        if is_directory and (destination + "/").startswith(path.rstrip("/") + "/"):
            exc = IOException(f"Destination path cannot be a subdirectory of the source or the source itself: "
                              f"{destination}.")
            cmd.write_error(ErrorRecord(exc, "MoveItemArgumentError", ErrorCategory.InvalidArgument, destination))
            return
        action = "Move Directory" if is_directory else "Move File"
        if not cmd.should_process(f"Item: {path} Destination: {destination}", action):
            return
        prefix = "MoveDirectoryItem" if is_directory else "MoveFileInfoItem"
        moved = self._move(cmd, path, destination, is_directory, prefix)
        if moved:
            yield item_for(destination)

    def rename_item(self, cmd: Any, path: str, new_name: str) -> Iterator[Any]:
        if new_name.startswith(("./", ".\\")):
            new_name = new_name[2:]
        elif os.path.dirname(new_name) == os.path.dirname(path):
            new_name = os.path.basename(new_name)
        if not new_name or "/" in new_name or "\\" in new_name:
            # pwsh throws this before it tries anything: a terminating error.
            cmd.throw_terminating_error(PSArgumentException("Cannot rename the specified target, because it "
                                                            "represents a path or device name.").error_record)
            return
        is_directory = os.path.isdir(path) and not os.path.islink(path)
        new_path = os.path.join(os.path.dirname(path), new_name)
        action = "Rename Directory" if is_directory else "Rename File"
        if not cmd.should_process(f"Item: {path} Destination: {new_path}", action):
            return
        if self._move(cmd, path, new_path, is_directory, "RenameItem", overwrite=False):
            yield item_for(new_path)

    def _move(self, cmd: Any, path: str, destination: str, is_directory: bool, prefix: str,
              overwrite: Optional[bool] = None) -> bool:
        """Moves without overwriting (-Force replaces an existing file for
        Move-Item); an error is written with ``prefix``'s ids."""
        if overwrite is None:
            overwrite = bool(cmd.force) and not is_directory
        if os.path.lexists(destination) and not _same_entry(path, destination):
            if not overwrite or os.path.isdir(destination):
                cmd.write_error(ErrorRecord(_exists_error(destination, is_directory), f"{prefix}IOError",
                                            ErrorCategory.WriteError, item_for(path)))
                return False
        try:
            shutil.move(path, destination)
        except OSError as exc:
            cmd.write_error(io_record(exc, destination, prefix, item_for(path)))
            return False
        return True


def _is_same_file(path: str, other: str) -> bool:
    """Both paths name one file (a broken link or a missing path never does)."""
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _same_entry(path: str, other: str) -> bool:
    """Renaming ``a`` to ``A`` on a case-insensitive disk is no collision."""
    return _is_same_file(path, other) and os.path.basename(path).lower() == os.path.basename(other).lower()


def _exists_error(destination: str, is_directory: bool) -> IOException:
    if is_directory:
        return IOException(f"Cannot create '{destination}' because a file or directory with the same name already "
                           "exists.")
    return IOException(f"The file '{destination}' already exists.")


def _children(path: str) -> tuple[list[str], list[str]]:
    """``(folders, files)`` in ``path``, hidden ones too, by name; links to
    folders count as folders (removing one only removes the link)."""
    folders, files = [], []
    try:
        with os.scandir(path) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                (folders if entry.is_dir() else files).append(entry.path)
    except OSError:
        pass
    return folders, files


def _make_writable(path: str) -> None:
    mode = os.lstat(path).st_mode
    if not mode & stat.S_IWUSR:
        os.chmod(path, mode | stat.S_IWUSR)


def _copy_over(source: str, destination: str, force: bool) -> None:
    """File.CopyTo(destination, overwrite: true); -Force also replaces a
    read-only destination."""
    try:
        shutil.copy2(source, destination)
    except PermissionError:
        if not force or not os.path.exists(destination):
            raise
        _make_writable(destination)
        shutil.copy2(source, destination)


FILE_SYSTEM = FileSystemItems()
