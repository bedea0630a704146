"""[System.Net.NetworkCredential]: built by scripts (mostly to read a
SecureString's text) as well as returned by GetNetworkCredential()."""

from __future__ import annotations

from helpers.session import Shell


def test_reading_a_secure_string_through_a_network_credential():
    shell = Shell()
    script = """
    $s = ConvertTo-SecureString 'p@ss' -AsPlainText -Force
    [System.Net.NetworkCredential]::new('', $s).Password
    $n = New-Object System.Net.NetworkCredential('bob', 'pw', 'CORP')
    $n.Password = 'changed'; $n.UserName = 'al'
    $n.UserName, $n.Password, $n.Domain, $n.SecurePassword.Length -join ','
    ([Net.NetworkCredential]::new()).UserName.Length
    ($n | Format-List | Out-String).Trim()
    """
    assert shell.text(script) == [
        "p@ss", "al,changed,CORP,7", "0",
        "UserName       : al\nPassword       : changed\nSecurePassword : System.Security.SecureString\n"
        "Domain         : CORP"]
