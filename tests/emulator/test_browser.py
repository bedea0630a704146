"""The device login page in headless Chromium, the way a person uses it.

Chromium trusts the emulator honestly (helpers.chromium): it pins exactly
the emulator CA's key (which the server presents in its chain), with a
profile of its own; nothing turns certificate checking off.
"""

from __future__ import annotations

import threading
from typing import Any, Iterator

import pytest

from helpers.chromium import requires_chromium, start_chromium
from pwshlike.emulator import EmulatorServer

from .support import MsalHttp, public

pytestmark = requires_chromium()


@pytest.fixture(scope="module")
def browser(emulator: EmulatorServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = start_chromium(str(tmp_path_factory.mktemp("chromium")), emulator.info()["CACertificatePath"])
    yield driver
    driver.quit()


def test_device_code_approved_in_the_browser(emulator: EmulatorServer, http: MsalHttp, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    info = emulator.info()
    app = public(emulator, http)
    flow = app.initiate_device_flow(scopes=["https://api.partnercenter.microsoft.com/user_impersonation"])
    result: dict[str, Any] = {}
    poller = threading.Thread(target=lambda: result.update(app.acquire_token_by_device_flow(flow)))
    poller.start()
    browser.get(flow["verification_uri"])
    browser.find_element(By.ID, "code").send_keys(flow["user_code"])
    browser.find_element(By.ID, "next").click()
    browser.find_element(By.ID, "username").send_keys(info["UserName"])
    browser.find_element(By.ID, "password").send_keys(info["UserCredential"]["Password"])
    browser.find_element(By.ID, "signin").click()
    browser.find_element(By.ID, "approve").click()
    assert "You have signed in" in browser.find_element(By.ID, "result").text
    poller.join(timeout=15)
    assert result.get("id_token_claims", {}).get("preferred_username") == info["UserName"], result
