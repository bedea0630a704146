"""The README's first command runs examples/quickstart.ps1: it must keep
signing in and granting consent, offline, against the embedded emulator."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TENANT = "74ca439d-48c7-5500-beea-129c4e5ad155"
CUSTOMERS = ["a4dbc058-e873-5cb9-a31b-b22435cc8a3b", "9866fc41-32d8-5adc-b492-1e4fd7671d2e",
             "92f50f00-3bc2-5a26-b8c2-51a54291d960"]


def test_quickstart_signs_in_against_the_emulator(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-File",
                             str(ROOT / "examples" / "quickstart.ps1")],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert re.fullmatch(r"Emulator listening at https://127\.0\.0\.1:\d+", lines[0])
    assert lines[1] == f"Partner tenant  {TENANT}"
    assert lines[2] == f"Customers       {', '.join(CUSTOMERS)}"
    # The application's token and the admin's, each token shortened to 8 characters and its length.
    assert re.search(r"^AccessToken +: eyJ[\w-]{5}…\(\d+ chars\)$", out, re.M)
    assert re.search(r"^RefreshToken +: .{8}…\(\d+ chars\)$", out, re.M)
    assert "Signed in as admin@contosopartner.onmicrosoft.com:" in lines
    assert re.search(r"^WARNING: To sign in, use a web browser to open the page https://127\.0\.0\.1:\d+/devicelogin "
                     r"and enter the code \w+ to authenticate\.$", out, re.M)
    for customer in CUSTOMERS[:2]:
        assert re.search(rf"^{customer}  Graph token for admin@contosopartner\.onmicrosoft\.com, expires "
                         r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", out, re.M)
    assert f"{CUSTOMERS[2]}  AADSTS50076: multi-factor authentication required" in lines
    wrong = lines.index("A wrong secret fails with AuthenticationError, "
                        "AADSTS7000215,Microsoft.Store.PartnerCenter.PowerShell.Commands.NewPartnerAccessToken:")
    assert lines[wrong + 1].startswith("AADSTS7000215: Invalid client secret provided.")
    # Microsoft Graph: the reference page's grant is created, listed and removed.
    assert re.search(r"^Delegated consent granted in the partner tenant \(grant [\w-]{8}…\):$", out, re.M)
    assert re.search(r"^AllPrincipals DelegatedPermissionGrant\.ReadWrite\.All 943603e4-e787-4fe9-93d1-e30f749aae39 *$",
                     out, re.M)
    assert lines[-1] == "Grants left for the client: 0"
    # No whole token reaches the console, and the emulator is gone afterwards.
    assert not re.search(r"eyJ[\w-]{20,}", out)
    assert not (tmp_path / "run" / "pwshlike" / "emulator.json").exists()
    assert result.stderr == ""
