"""``[System.Net.Dns]``: the host name, name resolution through the system
resolver, and .NET's SocketException for a name that does not resolve."""

from __future__ import annotations

import socket

from helpers.session import Shell


def test_host_name_and_loopback_resolution():
    shell = Shell()
    script = """
    [System.Net.Dns]::GetHostName()
    ([System.Net.Dns]::GetHostAddresses('127.0.0.1') | ForEach-Object { $_.ToString() }) -join ','
    ([System.Net.Dns]::GetHostAddresses('localhost')[0]).GetType().FullName
    $e = [System.Net.Dns]::GetHostEntry('localhost'); $e.GetType().FullName; $e.AddressList.Count -ge 1
    """
    assert shell.text(script) == [socket.gethostname(), "127.0.0.1", "System.Net.IPAddress", "System.Net.IPHostEntry",
                                  "True"]


def test_unknown_host_is_a_socket_exception():
    shell = Shell()
    shell.run("try { [System.Net.Dns]::GetHostAddresses('no-such-host.invalid') } catch { $e = $_ }")
    inner = shell.context.get_variable_value("e").exception.inner_exception
    assert inner.full_name == "System.Net.Sockets.SocketException"
    assert inner.message and "No such file" not in inner.message
