"""``[Convert]::ToBase64String`` with a Base64FormattingOptions given by
name, and ``[IO.Directory]::CreateDirectory`` returning a DirectoryInfo."""

from __future__ import annotations

from helpers.session import Shell


def test_base64_line_breaks_by_name():
    shell = Shell()
    script = """
    $b = [byte[]]::new(60)
    $s = [Convert]::ToBase64String($b, 'InsertLineBreaks'); $s.Split("`r`n").Count; $s.Split("`r`n")[0].Length
    [Convert]::ToBase64String([byte[]](1, 2, 3), 0, 2, [Base64FormattingOptions]::None)
    """
    assert shell.text(script) == ["2", "76", "AQI="]


def test_create_directory_returns_directory_info(tmp_path):
    shell = Shell()
    target = tmp_path / "a" / "b"
    script = f"""
    $d = [IO.Directory]::CreateDirectory('{target}')
    $d.GetType().FullName; $d.Name; $d.FullName; $d.Exists
    """
    assert shell.text(script) == ["System.IO.DirectoryInfo", "b", str(target), "True"]
    assert target.is_dir()
