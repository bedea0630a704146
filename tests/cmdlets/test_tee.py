"""Tee-Object: objects pass on at once and go to a file or a variable."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_variable(s: Session) -> None:
    assert s.run("1, 2, 3 | Tee-Object -Variable t | ForEach-Object { $_ * 10 }") == [10, 20, 30]
    assert s.run("$t") == [1, 2, 3]
    s.run("'one' | Tee-Object -Variable single | Out-Null")
    assert s.run("$single.GetType().Name") == ["String"]


def test_file_and_append(s: Session, tmp_path) -> None:
    path = tmp_path / "out.txt"
    assert s.run(f"'a', 'b' | Tee-Object -FilePath '{path}'") == ["a", "b"]
    assert path.read_text() == "a\nb\n"
    s.run(f"'c' | Tee-Object '{path}' -Append | Out-Null")
    assert path.read_text() == "a\nb\nc\n"


def test_streams_before_the_input_ends(s: Session) -> None:
    script = ("$seen = @()\n"
              "1, 2 | ForEach-Object { $seen += \"in $_\"; $_ } | Tee-Object -Variable v | "
              "ForEach-Object { $seen += \"out $_\" }\n$seen -join ','")
    assert s.text(script) == ["in 1,out 1,in 2,out 2"]


def test_encodings_names_code_pages_and_byte_order_marks(s: Session, tmp_path) -> None:
    path = tmp_path / "enc.txt"
    s.run(f"'ф' | Tee-Object -FilePath '{path}' -Encoding 1251 | Out-Null")
    assert path.read_bytes() == b"\xf4\n"
    s.run(f"'té' | Tee-Object -FilePath '{path}' -Encoding latin1 | Out-Null")
    assert path.read_bytes() == b"t\xe9\n"
    assert s.run(f"Get-Content -Path '{path}' -Encoding latin1") == ["té"]
    s.run(f"'x' | Tee-Object -FilePath '{path}' -Encoding unicode | Out-Null")
    assert path.read_bytes() == b"\xff\xfex\x00\n\x00"
    s.run(f"'y' | Tee-Object -FilePath '{path}' -Encoding unicode -Append | Out-Null")
    assert path.read_bytes() == b"\xff\xfex\x00\n\x00y\x00\n\x00"
    s.run(f"'z' | Tee-Object -FilePath '{path}' -Encoding ([System.Text.Encoding]::UTF8) | Out-Null")
    assert path.read_bytes() == b"\xef\xbb\xbfz\n"


def test_unknown_encoding(s: Session, tmp_path) -> None:
    s.run(f"'x' | Tee-Object -FilePath '{tmp_path / 'e.txt'}' -Encoding nonsense")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == \
        "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.TeeObjectCommand"
    assert "'nonsense' is not a supported encoding name." in str(error)
    s.run(f"'x' | Tee-Object -FilePath '{tmp_path / 'e.txt'}' -Encoding 99999")
    assert "No data is available for encoding 99999." in str(s.errors()[0])


def test_append_goes_with_file_path_only(s: Session, tmp_path) -> None:
    s.run(f"'x' | Tee-Object -LiteralPath '{tmp_path / 'l.txt'}' -Append")
    assert s.error_ids() == ["AmbiguousParameterSet,Microsoft.PowerShell.Commands.TeeObjectCommand"]
