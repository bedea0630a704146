"""``[Text.Encoding]::GetEncoding`` with the code pages pwsh registers
(CodePagesEncodingProvider: 1252, windows-1251, 932...), .NET's errors for
others, ASCII's '?' for a byte above 127, GetChars and GetMaxByteCount."""

from __future__ import annotations

from helpers.session import Shell


def test_code_pages_by_number_and_name():
    shell = Shell()
    script = """
    $e = [System.Text.Encoding]::GetEncoding(1252)
    $e.WebName; $e.EncodingName; $e.GetBytes('€é') -join ','; $e.GetString([byte[]](128, 233))
    [System.Text.Encoding]::GetEncoding('windows-1251').CodePage
    [System.Text.Encoding]::GetEncoding(932).GetBytes('日本').Length
    try { [System.Text.Encoding]::GetEncoding(1234) } catch { $_.Exception.InnerException.GetType().Name }
    """
    assert shell.text(script) == ["windows-1252", "Western European (Windows)", "128,233", "€é", "1251", "4",
                                  "NotSupportedException"]


def test_ascii_get_chars_and_max_byte_count():
    shell = Shell()
    script = """
    [System.Text.Encoding]::ASCII.GetString([byte[]](72, 200))
    [System.Text.Encoding]::UTF8.GetChars([byte[]](65, 66)) -join '|'
    [System.Text.Encoding]::UTF8.GetMaxByteCount(10); [System.Text.Encoding]::Unicode.GetMaxByteCount(10)
    """
    assert shell.text(script) == ["H?", "A|B", "33", "22"]
