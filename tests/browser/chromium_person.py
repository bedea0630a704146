"""The person at the browser: the program the tests' ``$BROWSER`` script runs.

pwshlike's browser hook runs ``$BROWSER <sign-in URL>``, exactly as it would
run ``firefox`` or ``xdg-open`` for a person.  This program then does what
the person does, in headless Chromium (helpers.chromium, trusting exactly
the emulator's CA): opens the URL, types the user name and password, clicks
#signin, clicks #accept (or #cancel) on the consent page, and waits for the
page pwshlike's loopback listener shows.  It reports what it saw to
``report.json`` and a screenshot ``page.png`` in ``$PWSHLIKE_TEST_BROWSER_OUT``.

What a person knows comes from the environment the shell passes on:
PWSHLIKE_TEST_SIGNIN_USER and PWSHLIKE_TEST_SIGNIN_PASSWORD (the seeded
admin's credential), PWSHLIKE_TEST_EMULATOR_CA (the CA the browser trusts),
PWSHLIKE_TEST_BROWSER_CONSENT (accept or cancel).
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/, for helpers

from helpers.chromium import sign_in_through_loopback  # noqa: E402


def _write(out_dir: str, report: dict[str, Any]) -> None:
    path = os.path.join(out_dir, "report.json")
    with open(path + ".tmp", "w", encoding="utf-8") as stream:
        json.dump(report, stream)
    os.replace(path + ".tmp", path)


def main(argv: list[str]) -> int:
    out_dir = os.environ["PWSHLIKE_TEST_BROWSER_OUT"]
    started = time.monotonic()
    report: dict[str, Any] = {"argv": argv, "pid": os.getpid()}
    try:
        [url] = argv
        report.update(sign_in_through_loopback(
            url, out_dir, os.environ["PWSHLIKE_TEST_SIGNIN_USER"], os.environ["PWSHLIKE_TEST_SIGNIN_PASSWORD"],
            os.environ["PWSHLIKE_TEST_EMULATOR_CA"], os.environ.get("PWSHLIKE_TEST_BROWSER_CONSENT", "accept")))
    except BaseException:  # noqa: BLE001 - the test reads it; a browser's exit status only says "could not start"
        report["error"] = traceback.format_exc()
    report["seconds"] = round(time.monotonic() - started, 2)
    _write(out_dir, report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
