"""A -Scope number far past the global scope is refused at once (the
resolver walked two billion levels up, hanging the shell)."""

from __future__ import annotations

import time

from helpers.session import Shell


def test_huge_scope_number_is_refused_quickly():
    shell = Shell()
    started = time.monotonic()
    shell.run("try { Get-Variable -Scope 2147483648 -Name x } catch { $e = $_ }")
    assert time.monotonic() - started < 5
    assert shell.text("$e.Exception.Message") == [
        "The scope number '2147483648' exceeds the number of active scopes. (Parameter 'scopeID')"]
