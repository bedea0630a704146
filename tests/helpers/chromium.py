"""Headless Chromium for the tests that sign in on the emulator's pages the
way a person does (Debian's ``chromium`` and ``chromium-driver``, driven
with selenium).

Chromium trusts the emulator honestly: it pins exactly the emulator CA's
key (``--ignore-certificate-errors-spki-list`` with the SHA-256 of that
CA's SubjectPublicKeyInfo; the emulator serves its full chain, so the CA's
key is in every chain Chromium checks), in a profile of its own.  Nothing
turns certificate checking off (never ``--ignore-certificate-errors``).

This module is imported both by pytest and by the small browser program
the tests' ``$BROWSER`` runs, so it imports selenium lazily.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
from typing import Any, Optional

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
MISSING_REASON = "needs Debian's chromium and chromium-driver (.ci/run installs them)"

# Headless, sandbox-free (tests may run as root in a container), and quiet:
# no first-run UI, no background requests to Google, no QUIC.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1000,800")


def available() -> bool:
    return bool(CHROMIUM and CHROMEDRIVER)


def requires_chromium() -> Any:
    """A pytest mark that skips only where chromium or chromedriver is missing."""
    import pytest
    return pytest.mark.skipif(not available(), reason=MISSING_REASON)


def ca_pin(ca_path: str) -> str:
    """The base64 SHA-256 of the CA certificate's SubjectPublicKeyInfo, as
    ``--ignore-certificate-errors-spki-list`` takes it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    with open(ca_path, "rb") as stream:
        key = x509.load_pem_x509_certificate(stream.read()).public_key()
    spki = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def start_chromium(user_data_dir: str, ca_path: Optional[str], implicit_wait: float = 5.0,
                   log_path: Optional[str] = None) -> Any:
    """A selenium WebDriver on a fresh headless Chromium whose profile is
    ``user_data_dir`` and which trusts exactly the CA in ``ca_path`` beyond
    the system's authorities (None: nothing more)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    if not available():
        raise RuntimeError(MISSING_REASON)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    arguments = FLAGS + (f"--user-data-dir={user_data_dir}",)
    if ca_path is not None:
        arguments += (f"--ignore-certificate-errors-spki-list={ca_pin(ca_path)}",)
    for argument in arguments:
        options.add_argument(argument)
    service = Service(CHROMEDRIVER, log_output=log_path) if log_path else Service(CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(implicit_wait)
    return driver


def sign_in(driver: Any, username: str, password: str, consent: str = "accept") -> Optional[str]:
    """On the emulator's sign-in page (already loaded): types the user name
    and password, clicks #signin, then on the consent page clicks #accept
    (``consent="accept"``) or #cancel.  The consent page's text, or None
    when no consent page was shown."""
    from selenium.webdriver.common.by import By
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "signin").click()
    buttons = driver.find_elements(By.ID, consent)  # waits for the next page (implicit wait)
    if not buttons:
        return None
    text = driver.find_element(By.TAG_NAME, "main").text
    buttons[0].click()
    return text


def sign_in_through_loopback(url: str, out_dir: str, username: str, password: str, ca_path: str,
                             consent: str = "accept", timeout: float = 20.0) -> dict[str, Any]:
    """What a person does with a sign-in URL pwshlike gives them: in a fresh
    headless Chromium (profile and chromedriver log in ``out_dir``), sign in
    (:func:`sign_in`) and wait for the page of pwshlike's loopback listener
    on ``http://localhost:<port>/``; then a screenshot ``out_dir/page.png``.
    What it saw: the sign-in page's URL and title, the consent page's text,
    the final URL, title and text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    profile = os.path.join(out_dir, "chromium-profile")
    os.makedirs(profile, exist_ok=True)
    driver = start_chromium(profile, ca_path, log_path=os.path.join(out_dir, "chromedriver.log"))
    try:
        driver.set_page_load_timeout(timeout)
        driver.get(url)
        sign_in_page = {"url": driver.current_url, "title": driver.title}
        consent_page = sign_in(driver, username, password, consent)
        WebDriverWait(driver, timeout).until(
            lambda d: d.current_url.startswith("http://localhost:") and d.find_element(By.TAG_NAME, "body").text)
        screenshot = os.path.join(out_dir, "page.png")
        driver.save_screenshot(screenshot)
        return {"sign_in_page": sign_in_page, "consent_page": consent_page, "url": driver.current_url,
                "title": driver.title, "text": driver.find_element(By.TAG_NAME, "body").text,
                "screenshot": screenshot}
    finally:
        driver.quit()
