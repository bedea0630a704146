"""pwsh 7.4's FileSystem views on Linux: the Unix table (UnixMode, User,
Group, LastWriteTime, Size, Name), the Windows table kept as a named view,
Format-List and Format-Wide, and the hidden members the views read."""

from __future__ import annotations

import os
import pwd
from typing import Any

import pytest

from pwshlike.testing import Session

from helpers.session import Shell


@pytest.fixture
def tree(tmp_path) -> Any:
    """Folders alpha and Beta, files B.log and c.txt (5 bytes), a link to c.txt."""
    (tmp_path / "Beta").mkdir()
    (tmp_path / "alpha").mkdir()
    (tmp_path / "c.txt").write_text("hello")
    os.chmod(tmp_path / "c.txt", 0o644)
    (tmp_path / "B.log").write_text("log")
    os.symlink("c.txt", tmp_path / "link")
    return tmp_path


def test_view_members_are_hidden_but_readable(tree):
    sh = Shell(location=str(tree))
    assert sh.run("(Get-Item c.txt).LengthString; (Get-Item Beta).LengthString") == ["5", ""]
    listed = sh.run("(Get-Item c.txt | Get-Member -MemberType Property).Name")
    assert "NameString" not in listed and "UnixMode" in listed
    assert "NameString" in sh.run("(Get-Item c.txt | Get-Member -Force -MemberType Property).Name")
    assert "NameString" not in sh.run("(Get-Item c.txt).PSObject.Properties.Name")


# --- views ------------------------------------------------------------------------------------

def _listing(tmp_path: Any, script: str) -> list[str]:
    with Session() as session:
        session.run(f"Set-Location -LiteralPath '{tmp_path}'")
        return session.run(script).text.splitlines()


def test_default_table_is_the_unix_view(tree):
    os.utime(tree / "c.txt", (1767225600, 1767225600))  # 2026-01-01 00:00 UTC
    lines = _listing(tree, "Get-Item c.txt, Beta")
    user = pwd.getpwuid(os.getuid()).pw_name
    assert lines[1] == f"    Directory: {tree}"
    assert lines[3] == "UnixMode         User Group         LastWriteTime         Size Name"
    assert lines[4] == "--------         ---- -----         -------------         ---- ----"
    row = lines[5]
    assert row.startswith("-rw-r--r--") and row.endswith("           5 c.txt")
    assert row[10:21] == f" {user:>10}"
    when = _listing(tree, "'{0:d} {0:HH}:{0:mm}' -f (Get-Item c.txt).LastWriteTime")[0]
    assert row[32:49] == f" {when:>16}"
    assert lines[6].startswith("drwx") and lines[6].endswith(" Beta")


def test_link_rows_show_the_target_and_the_windows_view_is_still_there(tree):
    lines = _listing(tree, "Get-ChildItem link")
    assert lines[5].startswith("lrwxrwxrwx") and lines[5].endswith("link -> c.txt")
    lines = _listing(tree, "Get-ChildItem c.txt | Format-Table -View children")
    assert lines[3] == "Mode                 LastWriteTime         Length Name"


def test_wide_and_list_views(tree):
    wide = _listing(tree, "Get-ChildItem | Format-Wide -Column 2")
    assert wide[1] == f"    Directory: {tree}"
    assert wide[3].split() == ["[alpha]", "[Beta]"]
    assert wide[4].split() == ["B.log", "c.txt"]
    listed = _listing(tree, "Get-Item c.txt | Format-List")
    assert listed[3:5] == ["Name           : c.txt", "Length         : 5"]
    assert [line.split(":")[0].strip() for line in listed[5:12]] == [
        "CreationTime", "LastWriteTime", "LastAccessTime", "Mode", "LinkType", "Target", "VersionInfo"]
    assert listed[11] == f"VersionInfo    : File:             {tree}/c.txt"
    folder = _listing(tree, "Get-Item Beta | Format-List")
    assert [line.split(":")[0].strip() for line in folder[3:10]] == [
        "Name", "CreationTime", "LastWriteTime", "LastAccessTime", "Mode", "LinkType", "Target"]
