"""File system failures read as .NET words them on Linux, never as the C
library's "No such file or directory"."""

from __future__ import annotations

import errno

from pwshlike.commands.builtins.fserrors import dotnet_exception, io_record


def test_denied_access_is_unauthorized_access_with_permission_denied():
    record = io_record(PermissionError(errno.EACCES, "Permission denied"), "/x/y", "NewItem")
    assert record.exception.full_name == "System.UnauthorizedAccessException"
    assert str(record) == "Access to the path '/x/y' is denied."
    assert record.error_id == "NewItemUnauthorizedAccessError"
    assert str(record.category_info.category) == "PermissionDenied"


def test_missing_file_or_folder():
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
    folder = dotnet_exception(missing, "/a/b")
    assert (folder.full_name, str(folder)) == ("System.IO.DirectoryNotFoundException",
                                               "Could not find a part of the path '/a/b'.")
    file = dotnet_exception(missing, "/a/b", missing_is_file=True)
    assert (file.full_name, str(file)) == ("System.IO.FileNotFoundException", "Could not find file '/a/b'.")


def test_existing_file_and_other_io_errors():
    record = io_record(FileExistsError(errno.EEXIST, "File exists"), "/f", "NewItem")
    assert str(record) == "The file '/f' already exists."
    assert (record.error_id, str(record.category_info.category)) == ("NewItemIOError", "WriteError")
    busy = dotnet_exception(OSError(errno.ENOTEMPTY, "Directory not empty"), "/d")
    assert str(busy) == "Directory not empty : '/d'"
    assert busy.full_name == "System.IO.IOException"
