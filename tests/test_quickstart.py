"""The README's first command runs examples/quickstart.ps1: keep it working."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quickstart_script_runs():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-File",
                             str(ROOT / "examples" / "quickstart.ps1"), "-MaxScopes", "1"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Consent plan for Contoso CSP",
        "-" * 60,
        "Fabrikam   fabrikam.onmicrosoft.com    User.Read",
        "Northwind  northwind.onmicrosoft.com   Directory.Read.All",
        "-" * 60,
        "2 of 3 tenants need consent",
        'Caught: Cannot convert value "not a number" to type "System.Int32". Error: "The input string '
        "'not a number' was not in a correct format.\"",
    ]
    assert "WARNING: Tailspin has no scopes to consent." not in result.stdout
