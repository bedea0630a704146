"""The content cmdlets' file system edge cases as pwsh reports them: a
folder is WriteContainerContentException for writers, -Encoding next to
-AsByteStream is a warning, and the old encoding name String is UTF-16."""

from __future__ import annotations

from helpers.session import Shell


def test_writing_content_to_a_folder(tmp_path):
    (tmp_path / "d").mkdir()
    shell = Shell(location=str(tmp_path))
    script = """
    Add-Content -Path d -Value x 2>$null; $Error[0].Exception.Message
    Set-Content -Path d -Value x 2>$null
    """
    assert shell.text(script) == [f"Unable to write content because it is a directory: '{tmp_path}/d'."]
    assert shell.error_ids() == ["WriteContainerContentException,Microsoft.PowerShell.Commands.AddContentCommand",
                                 "WriteContainerContentException,Microsoft.PowerShell.Commands.SetContentCommand"]


def test_encoding_with_as_byte_stream_warns(tmp_path):
    shell = Shell(location=str(tmp_path))
    shell.run("[byte[]](104, 105) | Set-Content -Encoding Unicode -AsByteStream b.bin")
    assert (tmp_path / "b.bin").read_bytes() == b"hi"
    assert shell.text("(Get-Content -AsByteStream -Encoding Unicode b.bin).Count") == ["2"]
    assert shell.warnings() == ["Encoding not used when '-AsByteStream' specified."] * 2
    shell.run("Get-Content -AsByteStream b.bin | Out-Null")
    assert len(shell.warnings()) == 2


def test_string_encoding_name_is_utf16(tmp_path):
    shell = Shell(location=str(tmp_path))
    assert shell.text("'€1' | Set-Content s.txt -Encoding String; Get-Content s.txt -Encoding String") == ["€1"]
    assert (tmp_path / "s.txt").read_bytes() == b"\xff\xfe" + "€1\n".encode("utf-16-le")


def test_file_system_parameters_are_unknown_on_other_providers(tmp_path):
    shell = Shell(location=str(tmp_path))
    script = """
    $env:PWSHLIKE_CONTENT_P = 'x'
    Get-Content Env:PWSHLIKE_CONTENT_P -Wait
    Get-Content -Raw -Path Env:PWSHLIKE_CONTENT_P -Encoding utf8
    Set-Content Variable:pv -Value 1 -NoNewline
    Get-Content Env:PWSHLIKE_CONTENT_P
    """
    assert shell.text(script) == ["x"]
    assert shell.error_ids() == ["NamedParameterNotFound,Microsoft.PowerShell.Commands.GetContentCommand"] * 2 + [
        "NamedParameterNotFound,Microsoft.PowerShell.Commands.SetContentCommand"]
    assert shell.text("$Error[1].Exception.Message") == [
        "A parameter cannot be found that matches parameter name 'Raw'."]
