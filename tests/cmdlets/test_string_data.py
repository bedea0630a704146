"""ConvertFrom-StringData and Import-PowerShellDataFile."""

from __future__ import annotations

from helpers.session import Shell as Session
from pwshlike.dotnet.values import Hashtable


def test_lines_comments_and_trimming() -> None:
    s = Session()
    table = s.one("\"a = 1`n  # comment`n`n B=two  `n c = x = y\" | ConvertFrom-StringData")
    assert isinstance(table, Hashtable) and dict(table) == {"a": "1", "B": "two", "c": "x = y"}
    assert s.run("(ConvertFrom-StringData 'KEY=v').key") == ["v"]
    assert s.run("(ConvertFrom-StringData '').Count") == [0]
    assert s.run("('k: v' | ConvertFrom-StringData -Delimiter ':').k") == ["v"]


def test_values_are_regex_unescaped() -> None:
    s = Session()
    assert s.run(r"(ConvertFrom-StringData 'v = a\tb\\c\u0041\x42\.').v") == ["a\tb\\cAB."]
    s.run(r"ConvertFrom-StringData 'v = \q'")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == \
        "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromStringDataCommand"
    assert str(error) == r"Invalid pattern '\q' at offset 2. Unrecognized escape sequence \q."


def test_bad_lines_stop_with_pwsh_messages() -> None:
    s = Session()
    s.run("ConvertFrom-StringData 'no delimiter'")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "InvalidOperation,Microsoft.PowerShell.Commands.ConvertFromStringDataCommand"
    assert str(error) == "Data line 'no delimiter' is not in 'name=value' format. "
    s.run("ConvertFrom-StringData \"a=1`nA=2\"")
    assert str(s.errors()[0]) == "Data item 'A' in line 'A=2' is already defined. "


def test_data_file_is_read_without_running_it(tmp_path) -> None:
    (tmp_path / "ok.psd1").write_text("@{\n Name = 'web'\n Ports = 80, 443\n Nested = @{ On = $true }\n}\n")
    (tmp_path / "dyn.psd1").write_text("@{ When = (Set-Content -Path ran.txt -Value x) }")
    s = Session(location=str(tmp_path))
    assert s.run("$d = Import-PowerShellDataFile ./ok.psd1; $d.Name; $d.Ports.Count; $d.Nested.On") == [
        "web", 2, True]
    assert s.run("(Import-PowerShellDataFile -LiteralPath ./ok.psd1).Name") == ["web"]
    s.run("Import-PowerShellDataFile ./dyn.psd1")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == \
        "System.InvalidOperationException,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"
    assert str(error).startswith("Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic")
    assert not (tmp_path / "ran.txt").exists()


def test_data_file_errors(tmp_path) -> None:
    (tmp_path / "text.psd1").write_text("'no hashtable'")
    (tmp_path / "broken.psd1").write_text("@{ A = ")
    (tmp_path / "big.psd1").write_text("@{" + ";".join(f"k{i}={i}" for i in range(501)) + "}")
    s = Session(location=str(tmp_path))
    s.run("Import-PowerShellDataFile ./missing.psd1, ./text.psd1, ./broken.psd1")
    assert s.error_ids() == [
        "PathNotFound,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand",
        "CouldNotParseAsPowerShellDataFileNoHashtableRoot,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand",
        "CouldNotParseAsPowerShellDataFile,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"]
    assert [str(e) for e in reversed(s.errors())][:2] == [
        "Cannot find path './missing.psd1' because it does not exist.",
        f"The file '{tmp_path}/text.psd1' could not be parsed as a PowerShell Data File."]
    assert s.run("(Import-PowerShellDataFile ./big.psd1 -SkipLimitCheck).Count") == [501]
    s.run("Import-PowerShellDataFile ./big.psd1")
    assert s.error_ids()[-1].startswith("System.InvalidOperationException,")


def test_data_file_wildcards(tmp_path) -> None:
    (tmp_path / "a.psd1").write_text("@{ Name = 'a' }")
    (tmp_path / "b.psd1").write_text("@{ Name = 'b' }")
    s = Session(location=str(tmp_path))
    assert s.run("(Import-PowerShellDataFile ./a*.psd1).Name") == ["a"]
    s.run("Import-PowerShellDataFile ./*.psd1")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == \
        "ReadWriteMultipleFilesNotSupported,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"
    assert str(error) == ("Cannot perform operation because the path resolved to more than one file. This command "
                          "cannot operate on multiple files.")
    s.run("Import-PowerShellDataFile ./z*.psd1")
    assert s.error_ids()[-1] == "PathNotFound,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"


def test_data_file_value_count_limit(tmp_path) -> None:
    # 1 key and 4998 numbers stay under pwsh's 5000 visits; one number more does not.
    (tmp_path / "under.psd1").write_text("@{ A = " + ",".join(str(i) for i in range(4998)) + " }")
    (tmp_path / "over.psd1").write_text("@{ A = " + ",".join(str(i) for i in range(4999)) + " }")
    s = Session(location=str(tmp_path))
    assert s.run("(Import-PowerShellDataFile ./under.psd1).A.Count") == [4998]
    s.run("Import-PowerShellDataFile ./over.psd1")
    assert s.error_ids() == ["System.InvalidOperationException,"
                             "Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"]
    assert s.run("(Import-PowerShellDataFile ./over.psd1 -SkipLimitCheck).A.Count") == [4999]
