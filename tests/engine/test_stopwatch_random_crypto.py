"""``[System.Diagnostics.Stopwatch]``, ``[System.Random]`` (a seed gives
.NET's own sequence) and the ``System.Security.Cryptography`` hashing
helpers (hash algorithms, HMACs, RandomNumberGenerator)."""

from __future__ import annotations

from helpers.session import Shell


def test_stopwatch_measures_and_resets():
    shell = Shell()
    script = """
    $sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep -Milliseconds 30; $sw.Stop()
    $sw.IsRunning; $sw.ElapsedMilliseconds -ge 30; $sw.Elapsed.TotalMilliseconds -ge 30
    $sw.ElapsedTicks.GetType().FullName; [System.Diagnostics.Stopwatch]::Frequency
    $sw.Reset(); $sw.ElapsedMilliseconds; $sw.IsRunning
    $w = [Diagnostics.Stopwatch]::new(); $w.IsRunning; $w.Restart(); $w.IsRunning
    [Diagnostics.Stopwatch]::GetTimestamp() -lt [Diagnostics.Stopwatch]::GetTimestamp()
    """
    assert shell.text(script) == ["False", "True", "True", "System.Int64", "1000000000", "0", "False", "False",
                                  "True", "True"]


def test_seeded_random_is_dotnets_sequence():
    shell = Shell()
    script = """
    $r = [System.Random]::new(0); $r.Next(); $r.Next(); $r.Next()
    $r = [System.Random]::new(42); $r.Next()
    $b = [byte[]]::new(4); [System.Random]::new(1).NextBytes($b); $b -join ','
    $x = [System.Random]::Shared.Next(3, 4); $x
    $d = [System.Random]::new().NextDouble(); $d -ge 0 -and $d -lt 1
    """
    assert shell.text(script) == ["1559595546", "1755192844", "1649316166", "1434747710", "70,208,134,130", "3",
                                  "True"]


def test_random_argument_errors():
    shell = Shell()
    shell.run("""
    $r = [System.Random]::new(1)
    try { $r.Next(-1) } catch { $a = $_.Exception.InnerException.Message }
    try { $r.Next(5, 1) } catch { $b = $_.Exception.InnerException.Message }
    """)
    assert shell.context.get_variable_value("a") == "maxValue ('-1') must be a non-negative value. (Parameter 'maxValue')"
    assert shell.context.get_variable_value("b") == ("'minValue' cannot be greater than maxValue. "
                                                     "(Parameter 'minValue')")


def test_hash_algorithms_and_hmac():
    shell = Shell()
    script = """
    $bytes = [Text.Encoding]::UTF8.GetBytes('abc')
    $sha = [System.Security.Cryptography.SHA256]::Create()
    [Convert]::ToHexString($sha.ComputeHash($bytes)); $sha.GetType().FullName; $sha.HashSize
    [Convert]::ToHexString([System.Security.Cryptography.SHA1]::HashData($bytes))
    [Convert]::ToHexString([System.Security.Cryptography.MD5]::Create().ComputeHash($bytes, 1, 2))
    $key = [Text.Encoding]::UTF8.GetBytes('key')
    $h = [System.Security.Cryptography.HMACSHA256]::new($key)
    [Convert]::ToHexString($h.ComputeHash([Text.Encoding]::UTF8.GetBytes('The quick brown fox jumps over the lazy dog')))
    $h.Key.Count; $h -is [System.Security.Cryptography.HashAlgorithm]
    [System.Security.Cryptography.HMACSHA1]::new().Key.Count
    """
    assert shell.text(script) == [
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "System.Security.Cryptography.SHA256+Implementation", "256",
        "A9993E364706816ABA3E25717850C26C9CD0D89D", "5360AF35BDE9EBD8F01F492DC059593C",
        "F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8", "3", "True", "64"]


def test_random_number_generator():
    shell = Shell()
    script = """
    ([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(12)).Count
    $buf = [byte[]]::new(32)
    [System.Security.Cryptography.RandomNumberGenerator]::Create().GetBytes($buf)
    ($buf | Where-Object { $_ -ne 0 }).Count -gt 0
    $n = [System.Security.Cryptography.RandomNumberGenerator]::GetInt32(5, 6); $n
    """
    assert shell.text(script) == ["12", "True", "5"]
