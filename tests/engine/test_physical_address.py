"""``[PhysicalAddress]`` (System.Net.NetworkInformation.PhysicalAddress):
.NET's MAC address forms parsed, printed upper-case without separators,
compared by bytes, and a malformed one refused with .NET's message."""

from __future__ import annotations

from helpers.session import Shell


def test_parse_forms_and_printing():
    script = """
    $m = [PhysicalAddress]::Parse('00-1a-2B-3c-4d-5e'); "$m"; $m.GetAddressBytes() -join ','
    "$([PhysicalAddress]::Parse('00:11:22:33:44:55'))"; "$([PhysicalAddress]::Parse('0011.2233.4455'))"
    "[$([PhysicalAddress]::None)]"
    [PhysicalAddress]::Parse('001122334455') -eq [PhysicalAddress]::new([byte[]](0, 0x11, 0x22, 0x33, 0x44, 0x55))
    """
    assert Shell().text(script) == ["001A2B3C4D5E", "0,26,43,60,77,94", "001122334455", "001122334455", "[]", "True"]


def test_bad_forms():
    script = """
    $r = $null; [PhysicalAddress]::TryParse('zz', [ref]$r)
    try { [PhysicalAddress]::Parse('00-11:22') } catch { $_.Exception.InnerException.Message }
    """
    assert Shell().text(script) == ["False", "An invalid physical address was specified: '00-11:22'."]
