"""examples/csp-consent.ps1: a partner's consent run across its customers,
offline against the emulator it starts; the second pass meets the grants of
the first (Graph's 409) and updates them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_csp_consent_creates_then_updates_the_grants(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-File",
                             str(ROOT / "examples" / "csp-consent.ps1")],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    rows = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert rows[:2] == ["Signed in as admin@contosopartner.onmicrosoft.com",
                        "3 customers; consenting for application 8b04904e-6246-5f73-afc5-63194f801117"]
    table = [row for row in rows if row.startswith(("Fabrikam", "Northwind", "Tailspin"))]
    assert table == [
        "Fabrikam, Inc. fabrikam.onmicrosoft.com Created User.Read",
        "Tailspin Toys tailspintoys.onmicrosoft.com Failed: AADSTS50076 User.Read",
        "Northwind Traders northwindtraders.onmicrosoft.com Created User.Read",
        "Fabrikam, Inc. fabrikam.onmicrosoft.com Updated User.Read Directory.Read.All",
        "Tailspin Toys tailspintoys.onmicrosoft.com Failed: AADSTS50076 User.Read Directory.Read.All",
        "Northwind Traders northwindtraders.onmicrosoft.com Updated User.Read Directory.Read.All",
    ]
    assert not (tmp_path / "run" / "pwshlike" / "emulator.json").exists()
