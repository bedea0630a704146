"""The device login page in headless Chromium, the way a person uses it.

Chromium trusts the emulator honestly: it pins exactly the emulator CA's
key (which the server presents in its chain), with a profile of its own;
nothing turns certificate checking off.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import threading
from typing import Any, Iterator

import pytest
from cryptography.hazmat.primitives import serialization

from pwshlike.emulator import EmulatorServer
from pwshlike.emulator.keys import certificate_from_pem

from .support import MsalHttp, public

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs Debian's chromium and chromium-driver")


def ca_pin(ca_path: str) -> str:
    with open(ca_path) as stream:
        key = certificate_from_pem(stream.read()).public_key()
    spki = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


@pytest.fixture(scope="module")
def browser(emulator: EmulatorServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
                     f"--ignore-certificate-errors-spki-list={ca_pin(emulator.info()['CACertificatePath'])}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.implicitly_wait(5)
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
