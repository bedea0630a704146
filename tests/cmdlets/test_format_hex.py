"""Format-Hex: ByteCollection rows for files, strings and numbers, and pwsh's table of them."""

from __future__ import annotations

import re

from helpers.session import Shell as Session


def _rows(s: Session, script: str) -> list[str]:
    return s.text(f"{script} | ForEach-Object {{ $_.HexOffset + '|' + $_.HexBytes + '|' + $_.Ascii }}")


def test_file_rows_offset_and_count(tmp_path) -> None:
    (tmp_path / "data.bin").write_bytes(b"Hello, World!\nSecond line\x00\x01\x7f\xe9")
    s = Session(location=str(tmp_path))
    assert _rows(s, "Format-Hex ./data.bin") == [
        "0000000000000000|48 65 6C 6C 6F 2C 20 57 6F 72 6C 64 21 0A 53 65|Hello, World!\ufffdSe",
        "0000000000000010|63 6F 6E 64 20 6C 69 6E 65 00 01 7F E9|cond line \ufffd\ufffd\u00e9"]
    assert _rows(s, "Format-Hex -LiteralPath ./data.bin -Offset 4 -Count 3") == ["0000000000000004|6F 2C 20|o, "]
    assert s.text("(Format-Hex ./data.bin)[0].Label") == [str(tmp_path / "data.bin")]
    assert s.text("Get-Item ./data.bin | Format-Hex -Count 2 | ForEach-Object HexBytes") == ["48 65"]


def test_strings_and_encodings() -> None:
    s = Session()
    assert _rows(s, "'Hello' | Format-Hex") == ["0000000000000000|48 65 6C 6C 6F|Hello"]
    assert _rows(s, "'ab' | Format-Hex -Encoding unicode") == ["0000000000000000|61 00 62 00|a b "]
    label = s.text("('x' | Format-Hex).Label")[0]
    assert re.fullmatch(r"String \(System\.String\) <[0-9A-F]{8}>", label)


def test_numbers_are_little_endian_and_grouped_by_type() -> None:
    s = Session()
    assert s.text("1, 256 | Format-Hex | ForEach-Object HexBytes") == ["01 00 00 00 00 01 00 00"]
    assert s.text("1.5 | Format-Hex | ForEach-Object HexBytes") == ["00 00 00 00 00 00 F8 3F"]
    # A change of type starts a new group.
    assert s.text("(1, [byte]2 | Format-Hex).Label -replace ' <.*'") == ["Int32 (System.Int32)", "Byte (System.Byte)"]
    assert s.text("(Format-Hex -InputObject ([byte[]](65, 66))).Label -replace ' <.*'") == ["Byte[] (System.Byte[])"]


def test_unsupported_input_and_missing_file() -> None:
    s = Session()
    s.run("@{ a = 1 } | Format-Hex")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "FormatHexTypeNotSupported,Microsoft.PowerShell.Commands.FormatHex" \
        "Command"
    assert str(error).startswith("Cannot convert input of type 'System.Collections.Hashtable' to hexadecimal.")
    s.run("Format-Hex ./no-such-file.bin")
    assert s.error_ids()[-1] == "FileNotFound,Microsoft.PowerShell.Commands.FormatHexCommand"
    assert str(s.errors()[0]) == "Cannot find path './no-such-file.bin' because it does not exist."


def test_table_view() -> None:
    s = Session()
    lines = s.text("'Hello' | Format-Hex | Out-String -Width 100")[0].splitlines()
    assert lines[1].startswith("   Label: String (System.String) <")
    assert lines[3:7] == [
        "          Offset Bytes                                           Ascii",
        "                 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F",
        "          ------ ----------------------------------------------- -----",
        "0000000000000000 48 65 6C 6C 6F                                  Hello"]
    assert s.run("('Hello' | Format-Hex).ToString()") == [
        "0000000000000000   48 65 6C 6C 6F                                   Hello           "]


def test_only_file_system_paths() -> None:
    s = Session()
    s.run("Format-Hex Env:PATH")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == \
        "FormatHexOnlySupportsFileSystemPaths,Microsoft.PowerShell.Commands.FormatHexCommand"
    assert str(error) == ("The given path 'Env:PATH' is not supported. This command only supports the FileSystem "
                          "Provider paths.")
    s.run("Format-Hex NoSuchDrive:/x")
    assert s.error_ids()[-1] == "DriveNotFound,Microsoft.PowerShell.Commands.FormatHexCommand"
