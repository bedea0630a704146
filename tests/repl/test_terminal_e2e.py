"""End to end in a real terminal: pwshlike runs in a tmux pane, keys are
sent with ``tmux send-keys`` and the screen is read with ``capture-pane -e``
(escape sequences included, so colours are checked too).

The session types a multi-line hashtable, Tab-completes
New-MgOauth2PermissionGrant and -ConsentType, runs it with -WhatIf,
answers a mandatory-parameter prompt, stops ``Start-Sleep 30`` with Ctrl+C
and exits.  tmux is installed by ``.ci/run``; without it the test is
skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time

import pytest

from helpers.terminal import Pane

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (.ci/run installs it): no terminal to drive")

SGR = re.compile(r"\x1b\[[0-9;]*m")
COMMAND_COLOR = "\x1b[93m"  # PSReadLine's Command colour: bright yellow
PARAMETER_COLOR = "\x1b[90m"  # Parameter: dark gray
STRING_COLOR = "\x1b[36m"  # String: dark cyan
VARIABLE_COLOR = "\x1b[92m"  # Variable: green


@pytest.fixture
def pane(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path), "TERM": "xterm-256color",
           "PATH": os.environ.get("PATH", ""), "PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD": "",
           "NO_COLOR": ""}
    # A shell runs pwshlike and then reports its exit status on the screen;
    # its no-op INT trap keeps Ctrl+C from ending the shell itself (pwshlike,
    # started by exec, gets the default disposition back).
    wrapper = ["sh", "-c", 'trap : INT; "$@"; echo "[pwshlike exited with $?]"', "sh", sys.executable, "-m",
               "pwshlike", "-NoProfile"]
    started = Pane(wrapper, str(tmp_path), env)
    try:
        yield started
    finally:
        started.close()


def plain(text: str) -> str:
    return SGR.sub("", text)


def test_interactive_session_in_a_real_terminal(pane, tmp_path):
    pane.wait_for_text("pwshlike ")  # the banner
    pane.wait_for_text(f"PS {tmp_path}>")

    # A multi-line hashtable: each incomplete line continues after ">> ".
    pane.keys("$body = @{", "Enter")
    pane.wait_for(lambda s: s.rstrip().endswith(">>"), "the continuation prompt")
    pane.keys("clientId = 'c1'", "Enter", "consentType = 'AllPrincipals'", "Enter", "}", "Enter")
    pane.keys("$body.consentType", "Enter")
    screen = pane.wait_for_text("\nAllPrincipals")
    assert ">> clientId = 'c1'" in screen and ">> }" in screen

    # Tab completion of the command name and of a parameter, coloured as typed.
    pane.keys("New-MgOauth2Perm", "Tab")
    pane.wait_for_text("New-MgOauth2PermissionGrant")
    pane.keys(" -Cons", "Tab")
    pane.wait_for_text("New-MgOauth2PermissionGrant -ConsentType")
    pane.keys(" 'Principal' -ClientId 'c1' -PrincipalId 'p1' -ResourceId 'r1' -Scope 'User.Read' -WhatIf")
    colored = pane.wait_for(lambda s: "-WhatIf" in plain(s), "the whole command line", colors=True)
    assert COMMAND_COLOR + "New-MgOauth2PermissionGrant" in colored
    assert PARAMETER_COLOR + "-ConsentType" in colored
    assert STRING_COLOR + "'Principal'" in colored
    pane.keys("Enter")
    screen = pane.wait_for_text('What if: Performing the operation "New-MgOauth2PermissionGrant_CreateExpanded"')
    assert "Call remote 'POST /oauth2PermissionGrants' operation" in screen

    # The hashtable goes in whole through -BodyParameter.
    pane.keys("New-MgOauth2PermissionGrant -BodyParameter $body -WhatIf", "Enter")
    pane.wait_for_text('"New-MgOauth2PermissionGrant_Create" on target')
    assert VARIABLE_COLOR + "$body" in pane.screen(colors=True)

    # A mandatory parameter prompt, answered at the terminal.
    pane.keys("function Set-Greeting { param([Parameter(Mandatory)][string]$Name) \"Hello, $Name\" }", "Enter")
    pane.keys("Set-Greeting", "Enter")
    pane.wait_for_text("Supply values for the following parameters:")
    pane.wait_for(lambda s: s.rstrip().endswith("Name:"), "the Name: prompt")
    pane.keys("Ada", "Enter")
    pane.wait_for_text("Hello, Ada")

    # Ctrl+C stops a running command and the prompt comes back.
    prompts = pane.prompt_count()
    pane.keys("Start-Sleep 30", "Enter")
    time.sleep(0.5)
    started = time.monotonic()
    pane.keys("C-c")
    pane.wait_for(lambda s: s.count("PS ") > prompts, "the prompt after Ctrl+C", timeout=5)
    assert time.monotonic() - started < 5
    pane.keys("$?", "Enter")
    pane.wait_for(lambda s: s.rstrip().endswith(f"False\nPS {tmp_path}>"), "$? after Ctrl+C")

    pane.keys("exit", "Enter")
    assert pane.exit_status() == "0"
    history = (tmp_path / "data" / "pwshlike" / "PSReadLine" / "ConsoleHost_history.txt").read_text()
    assert "$body = @{`\nclientId = 'c1'`\n" in history and "Start-Sleep 30\n" in history
