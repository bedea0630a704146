"""``[ipaddress]`` (System.Net.IPAddress): parsed as .NET parses (lenient
IPv4 forms, IPv6 with a numeric zone), printed, mapped between v4 and v6,
its statics, and its properties as Format-List shows them."""

from __future__ import annotations

from helpers.session import Shell


def test_parse_print_and_family():
    script = """
    $a = [ipaddress]'192.168.1.10'; "$a"; $a.AddressFamily; $a.GetAddressBytes() -join ','; $a.Address
    "$([ipaddress]'1.2')"; "$([ipaddress]'0x7f.1')"
    $b = [ipaddress]'fe80::1%3'; "$b"; $b.ScopeId; $b.IsIPv6LinkLocal; $b.AddressFamily
    """
    assert Shell().text(script) == ["192.168.1.10", "InterNetwork", "192,168,1,10", "167880896", "1.0.0.2",
                                    "127.0.0.1", "fe80::1%3", "3", "True", "InterNetworkV6"]


def test_mapping_statics_and_constructors():
    script = """
    $a = [ipaddress]'10.0.0.1'
    "$($a.MapToIPv6())"; "$($a.MapToIPv6().MapToIPv4())"; $a.MapToIPv6().IsIPv4MappedToIPv6
    [ipaddress]::IsLoopback([ipaddress]'127.0.0.5'); [ipaddress]::IsLoopback([ipaddress]::IPv6Loopback)
    [ipaddress]::IsLoopback($a)
    "$([ipaddress]::Any)"; "$([ipaddress]::new([byte[]](10, 0, 0, 1)))"; "$([ipaddress]::new(16777343))"
    $r = $null; [ipaddress]::TryParse('300.1.1.1', [ref]$r); [ipaddress]::TryParse('::1', [ref]$r); "$r"
    [ipaddress]'10.0.0.1' -eq $a
    """
    assert Shell().text(script) == ["::ffff:10.0.0.1", "10.0.0.1", "True", "True", "True", "False", "0.0.0.0",
                                    "10.0.0.1", "127.0.0.1", "False", "True", "::1", "True"]


def test_errors():
    script = """
    try { [ipaddress]'nope' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    try { [ipaddress]::Parse('1.2.3.') } catch { $_.Exception.InnerException.Message }
    try { ([ipaddress]'1.2.3.4').ScopeId } catch { $_.Exception.Message }
    """
    assert Shell().text(script) == [
        "InvalidCastParseTargetInvocation",
        'Cannot convert value "nope" to type "System.Net.IPAddress". Error: "An invalid IP address was specified."',
        "An invalid IP address was specified.",
        'Exception getting "ScopeId": "The attempted operation is not supported for the type of object referenced."']


def test_format_list_shows_dotnet_properties_in_order():
    text = "\n".join(Shell().text("[ipaddress]'192.168.1.10' | Format-List | Out-String"))
    names = [line.split(":")[0].strip() for line in text.splitlines() if ":" in line]
    # .NET declares the obsolete Address after the IsIPv6* properties.
    assert names == ["AddressFamily", "ScopeId", "IsIPv6Multicast", "IsIPv6LinkLocal", "IsIPv6SiteLocal",
                     "IsIPv6Teredo", "IsIPv6UniqueLocal", "IsIPv4MappedToIPv6", "Address", "IPAddressToString"]


def test_ip_endpoint():
    script = """
    $e = [IPEndpoint]::new([ipaddress]'10.1.2.3', 8080); "$e"; $e.Port; $e.AddressFamily; "$($e.Address)"
    "$([System.Net.IPEndPoint]::new([ipaddress]::IPv6Loopback, 443))"
    "$([IPEndpoint]::new(16777343, 80))"; "$([IPEndpoint]::new('192.168.0.1', 22))"
    try { [IPEndpoint]::new([ipaddress]'1.2.3.4', 70000) } catch { $_.Exception.InnerException.GetType().Name }
    """
    assert Shell().text(script) == ["10.1.2.3:8080", "8080", "InterNetwork", "10.1.2.3", "[::1]:443", "127.0.0.1:80",
                                    "192.168.0.1:22", "ArgumentOutOfRangeException"]
