"""Default views per type name: the built-in ones and the registration API
plugins use."""

from __future__ import annotations

import datetime
import uuid

import pytest

from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, RuntimeException
from pwshlike.dotnet.values import PSCustomObject
from pwshlike.dotnet.credentials import PSCredential, SecureString
from pwshlike.formatting import Field, Frame, NewLine, Text, register_default_properties, register_view
from pwshlike.host.errorview import format_error

from .conftest import Shell, lines_of, registry_with

_FILE_TYPES = ["System.IO.FileInfo", "System.IO.FileSystemInfo", "System.Object"]
_DIR_TYPES = ["System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.Object"]
_PARENT = "Microsoft.PowerShell.Core\\FileSystem::/tmp/x"


def _item(types: list[str], name: str, mode: str, when: datetime.datetime, length: object,
          parent: str = _PARENT) -> PSCustomObject:
    return PSCustomObject({"Name": name, "UnixMode": mode, "User": "ada", "Group": "staff", "LastWriteTime": when,
                           "Size": length, "PSParentPath": parent}, type_names=list(types))


def _short(when: datetime.datetime) -> str:
    """The date column's text in the current culture (``{0:d} {0:HH}:{0:mm}``), right-aligned in 16."""
    from pwshlike.dotnet.formatting_net import composite_format
    return composite_format("{0:d} {0:HH}:{0:mm}", [when]).rjust(16)


def test_file_listing_is_grouped_by_directory_with_pwsh_unix_columns() -> None:
    jan, nov = datetime.datetime(2025, 1, 2, 9, 5), datetime.datetime(2025, 11, 21, 22, 40)
    file = _item(_FILE_TYPES, "a.txt", "-rw-r--r--", jan, 5)
    directory = _item(_DIR_TYPES, "sub", "drwxr-xr-x", nov, 4096)
    other = _item(_FILE_TYPES, "b.txt", "-rwxr-xr-x", jan, 12345, parent=_PARENT + "/sub")
    assert _short(nov).endswith("22:40")
    assert lines_of(file, directory, other) == [
        "",
        "    Directory: /tmp/x",
        "",
        "UnixMode         User Group         LastWriteTime         Size Name",
        "--------         ---- -----         -------------         ---- ----",
        f"-rw-r--r--        ada staff      {_short(jan)}            5 a.txt",
        f"drwxr-xr-x        ada staff      {_short(nov)}         4096 sub",
        "    Directory: /tmp/x/sub",
        "",
        "UnixMode         User Group         LastWriteTime         Size Name",
        "--------         ---- -----         -------------         ---- ----",
        f"-rwxr-xr-x        ada staff      {_short(jan)}        12345 b.txt",
        "",
    ]


def test_group_info_command_info_alias_info_and_variables(shell: Shell) -> None:
    assert shell.out("'a','b','a' | Group-Object") == (
        "\nCount Name                      Group\n----- ----                      -----\n"
        "    2 a                         {a, a}\n    1 b                         {b}\n\n")
    assert shell.out("Get-Alias gcm") == (
        "\nCommandType     Name                                               Version    Source\n"
        "-----------     ----                                               -------    ------\n"
        "Alias           gcm -> Get-Command" + " " * 44 + "\n\n")
    assert shell.out("Get-Variable -Name true") == (
        "\nName                           Value\n----                           -----\n"
        "true                           True\n\n")


def test_credentials_show_the_user_and_the_secure_string_type_name() -> None:
    credential = PSCredential("admin", SecureString("p@ss"))
    assert lines_of(credential) == ["", "UserName                     Password", "--------                     --------",
                                    "admin    System.Security.SecureString", ""]
    assert lines_of(SecureString("hidden")) == ["System.Security.SecureString"]


def test_dates_guids_and_script_blocks(shell: Shell) -> None:
    assert lines_of(datetime.datetime(2025, 11, 21, 22, 40, 3)) == ["", "Friday, November 21, 2025 10:40:03 PM", ""]
    assert lines_of(uuid.UUID(int=5)) == ["", "Guid", "----", "00000000-0000-0000-0000-000000000005", ""]
    assert shell.out("{ Get-Date }") == " Get-Date \n"
    assert shell.out("New-Object System.Exception 'boom'") == "boom\n"


def test_error_records_use_the_error_view() -> None:
    record = ErrorRecord(RuntimeException("bad thing"), "X", ErrorCategory.InvalidData, None)
    assert lines_of(record) == [format_error(record, "ConciseView", False, 120)]
    assert lines_of(record) == ["InvalidData: bad thing"]


def test_error_view_variable_selects_normal_view(shell: Shell) -> None:
    out = shell.out("$e = $(try { throw 'oops' } catch { $_ }); $ErrorView = 'NormalView'; $e")
    assert out.startswith("oops\nAt line:1 char:")
    assert "+ FullyQualifiedErrorId : oops" in out


def test_warning_records_are_labelled_on_the_console_only(shell: Shell) -> None:
    assert shell.out("Write-Warning hi 3>&1") == "WARNING: hi\n"
    assert shell.value("Write-Warning hi 3>&1 | Out-String") == "hi\n"


def test_objects_a_table_view_does_not_apply_to_are_shown_as_lists(shell: Shell) -> None:
    out = shell.out("@{k = 'v'}; [pscustomobject]@{a = 1}")
    assert out == ("\nName                           Value\n----                           -----\n"
                   "k                              v\n\na : 1\n\n\n")


def test_registered_table_view_with_script_columns_and_grouping() -> None:
    registry = registry_with()
    register_view("Contoso.User", "table", registry=registry,
                  columns=[{"property": "Id", "width": 3},
                           {"label": "Display", "script": "$_.First + ' ' + $_.Last", "width": 12},
                           {"label": "Age", "property": "Age", "alignment": "Right", "width": 3}],
                  group_by={"property": "Team", "label": "Team"})
    users = [PSCustomObject({"Id": i, "First": f, "Last": "Doe", "Age": a, "Team": "red"},
                            type_names=["Contoso.User", "System.Object"])
             for i, f, a in ((1, "Jane", 31), (2, "Johnathan", 7))]
    assert lines_of(*users, registry=registry) == [
        "",
        "   Team: red",
        "",
        "Id  Display      Age",
        "--  -------      ---",
        "1   Jane Doe      31",
        "2   Johnathan D\u2026   7",
        "",
    ]


def test_registered_list_wide_and_custom_views() -> None:
    registry = registry_with()
    register_view("Contoso.Item", "list", registry=registry,
                  properties=["Name", {"label": "Size (KB)", "script": "$_.Size / 1KB", "format": "N1"}])
    register_view("Contoso.Item", "wide", property="Name", registry=registry)
    register_view("Contoso.Note", "custom", registry=registry,
                  body=[Text("Note: "), Field("Title"), NewLine(), Frame([Field("Body"), NewLine()], left=4)])
    item = PSCustomObject({"Name": "x", "Size": 2560}, type_names=["Contoso.Item"])
    assert lines_of(item, registry=registry) == ["", "Name      : x", "Size (KB) : 2.5", ""]
    note = PSCustomObject({"Title": "T", "Body": "body text"}, type_names=["Contoso.Note"])
    # As pwsh's ComplexWriter, a frame indents the lines ended inside it, and
    # the text after the last line break (here none) is one more line.
    assert lines_of(note, registry=registry) == ["", "Note: T", "    body text", "", ""]


def test_registered_views_replace_built_in_ones_and_callables_compute_values() -> None:
    registry = registry_with()
    register_view("System.Guid", "table", registry=registry, columns=[{"label": "Id", "expression": str}])
    assert lines_of(uuid.UUID(int=1), registry=registry) == ["", "Id", "--",
                                                             "00000000-0000-0000-0000-000000000001", ""]


def test_default_display_properties_choose_the_shape() -> None:
    registry = registry_with()
    register_default_properties("Contoso.Wide", ["A", "B"], registry=registry)
    obj = PSCustomObject({k: k.lower() for k in "ABCDEFG"}, type_names=["Contoso.Wide"])
    assert lines_of(obj, registry=registry) == ["", "A B", "- -", "a b", ""]


def test_invalid_view_registrations_are_rejected() -> None:
    registry = registry_with()
    with pytest.raises(ValueError):
        register_view("T", "table", registry=registry)
    with pytest.raises(ValueError):
        register_view("T", "pie", columns=["a"], registry=registry)
    with pytest.raises(ValueError):
        register_view("T", "table", columns=[{"label": "x"}], registry=registry)


def test_match_info_uses_its_emphasized_string() -> None:
    class MatchInfo:
        full_name = "Microsoft.PowerShell.Commands.MatchInfo"

        @property
        def Line(self) -> str:
            return "the line"

        def ToEmphasizedString(self, directory: str) -> str:
            return "a.txt:3:the line"

    assert lines_of(MatchInfo()) == ["", "a.txt:3:the line", ""]


