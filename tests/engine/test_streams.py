"""``System.IO`` streams: StreamWriter/StreamReader over paths,
``[IO.File]::OpenRead``/``OpenText``/``AppendText``, FileStream reads into
byte arrays, hashing a stream, and .NET's errors for a missing file."""

from __future__ import annotations

from helpers.session import Shell


def test_write_then_read_lines(tmp_path):
    target = tmp_path / "s.txt"
    shell = Shell()
    script = f"""
    $w = [System.IO.StreamWriter]::new('{target}'); $w.WriteLine('one'); $w.Write('two {{0}}', 2); $w.WriteLine()
    $w.Close()
    $a = [System.IO.File]::AppendText('{target}'); $a.WriteLine('three'); $a.Dispose()
    $r = [System.IO.StreamReader]::new('{target}')
    while (-not $r.EndOfStream) {{ 'line: ' + $r.ReadLine() }}
    $r.Close()
    [System.IO.File]::OpenText('{target}').ReadToEnd().Length
    """
    assert shell.text(script) == ["line: one", "line: two 2", "line: three", "16"]
    assert target.read_bytes() == b"one\ntwo 2\nthree\n"


def test_file_stream_bytes_and_hash(tmp_path):
    target = tmp_path / "b.bin"
    target.write_bytes(b"abcdef")
    shell = Shell()
    script = f"""
    $fs = [System.IO.File]::OpenRead('{target}'); $fs.Length
    $buf = [byte[]]::new(4); $fs.Read($buf, 0, 4); $buf -join ','; $fs.Position; $fs.ReadByte(); $fs.Close()
    $fs = [System.IO.File]::OpenRead('{target}')
    [Convert]::ToHexString([System.Security.Cryptography.MD5]::Create().ComputeHash($fs)); $fs.Dispose()
    $o = [System.IO.FileStream]::new('{tmp_path / "o.bin"}', 'Create'); $o.Write([byte[]](65, 66), 0, 2); $o.Close()
    """
    assert shell.text(script) == ["6", "4", "97,98,99,100", "4", "101", "E80B5017098950FC58AAD83C8C14978E"]
    assert (tmp_path / "o.bin").read_bytes() == b"AB"


def test_missing_file(tmp_path):
    missing = tmp_path / "none.txt"
    shell = Shell()
    shell.run(f"try {{ [System.IO.StreamReader]::new('{missing}') }} catch {{ $e = $_ }}")
    inner = shell.context.get_variable_value("e").exception.inner_exception
    assert inner.full_name == "System.IO.FileNotFoundException"
    assert inner.message == f"Could not find file '{missing}'."


def test_a_reader_opened_with_a_file_share_lets_others_append(tmp_path):
    target = tmp_path / "log.txt"
    target.write_text("hello\n")
    script = f"""
    $f = [System.IO.FileStream]::new('{target}', [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read,
        [System.IO.FileShare]::ReadWrite)
    Add-Content '{target}' -Value world
    $f.ReadByte()
    $f.Close()
    [System.IO.FileShare]'Read, Write'
    """
    assert Shell().text(script) == ["104", "ReadWrite"]
    assert target.read_text() == "hello\nworld\n"


def test_memory_stream_hashes_a_string_and_backs_readers_and_writers():
    shell = Shell()
    script = """
    $ms = [IO.MemoryStream]::new([Text.Encoding]::UTF8.GetBytes('abc'))
    (Get-FileHash -InputStream $ms -Algorithm MD5).Hash
    $ms.GetType().FullName; $ms -is [IO.FileStream]
    $m2 = New-Object System.IO.MemoryStream
    $w = [IO.StreamWriter]::new($m2); $w.Write('hi'); $w.Flush()
    $m2.Length; [Text.Encoding]::UTF8.GetString($m2.ToArray())
    $m2.Position = 0; [IO.StreamReader]::new($m2).ReadToEnd()
    $m2.Dispose()
    try { $m2.Length } catch { $_.Exception.InnerException.Message }
    """
    assert shell.text(script) == ["900150983CD24FB0D6963F7D28E17F72", "System.IO.MemoryStream", "False", "2", "hi",
                                  "hi", "Cannot access a closed Stream."]
