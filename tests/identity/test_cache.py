"""The shared token cache: a private file, memory mode, clearing,
companions of a cached access token, concurrent writers."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap

import pytest

from pwshlike.identity import paths
from pwshlike.identity.cache import shared_token_cache
from pwshlike.identity.errors import IdentityError

from .fake_aad import b64url, unsigned_jwt

ENDPOINT = "https://login.example.com/tid-1/oauth2/v2.0/token"


def app_event(client_id: str, serial: int) -> dict:
    return {"client_id": client_id, "scope": [f"https://graph.microsoft.com/.default{serial}"],
            "token_endpoint": ENDPOINT, "environment": "login.example.com", "grant_type": "client_credentials",
            "data": {}, "response": {"access_token": f"at-{client_id}-{serial}", "expires_in": 3600,
                                     "token_type": "Bearer"}}


def user_event(client_id: str = "public-app") -> dict:
    client_info = b64url(json.dumps({"uid": "oid-1", "utid": "tid-1"}).encode())
    id_token = unsigned_jwt({"tid": "tid-1", "oid": "oid-1", "sub": "s", "preferred_username": "admin@contoso"})
    return {"client_id": client_id, "scope": ["https://graph.microsoft.com/User.Read"], "token_endpoint": ENDPOINT,
            "environment": "login.example.com", "grant_type": "authorization_code", "data": {},
            "response": {"access_token": "user-at", "refresh_token": "user-rt", "id_token": id_token,
                         "client_info": client_info, "expires_in": 3600, "ext_expires_in": 7200,
                         "token_type": "Bearer"}}


def mode(path: str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_file_is_private_whatever_the_umask(home):
    previous = os.umask(0)
    try:
        cache = shared_token_cache()
        assert cache.persistent and cache.path == paths.token_cache_path()
        assert mode(cache.path) == 0o600 and mode(os.path.dirname(cache.path)) == 0o700
        cache.msal_cache.add(app_event("app", 1))
        assert mode(cache.path) == 0o600
    finally:
        os.umask(previous)
    with open(cache.path) as handle:
        assert "at-app-1" in handle.read()
    assert [name for name in os.listdir(os.path.dirname(cache.path)) if name.endswith(".tmp")] == []


def test_an_existing_file_is_tightened(home):
    path = paths.token_cache_path()
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as handle:
        handle.write("{}")
    os.chmod(path, 0o644)
    shared_token_cache()
    assert mode(path) == 0o600


def test_one_cache_per_process_and_path(home, monkeypatch, tmp_path):
    assert shared_token_cache() is shared_token_cache()
    first = shared_token_cache()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    assert shared_token_cache() is not first and shared_token_cache().path.startswith(str(tmp_path / "elsewhere"))


def test_memory_mode_writes_nothing(home, monkeypatch):
    monkeypatch.setenv("PWSHLIKE_TOKEN_CACHE", "Memory")
    cache = shared_token_cache()
    assert not cache.persistent and cache.path is None
    cache.msal_cache.add(app_event("app", 1))
    assert not os.path.exists(paths.token_cache_path())
    assert len(list(cache.msal_cache.search(cache.msal_cache.CredentialType.ACCESS_TOKEN))) == 1
    cache.clear()
    assert list(cache.msal_cache.search(cache.msal_cache.CredentialType.ACCESS_TOKEN)) == []


def test_clear_empties_the_file_too(home):
    cache = shared_token_cache()
    cache.msal_cache.add(user_event())
    cache.clear()
    with open(cache.path) as handle:
        assert json.load(handle) == {kind: {} for kind in ("AccessToken", "Account", "IdToken", "RefreshToken",
                                                            "AppMetadata")}
    assert mode(cache.path) == 0o600


def test_forget_environment_keeps_other_clouds(home):
    cache = shared_token_cache()
    cache.msal_cache.add(app_event("app", 1))
    cache.msal_cache.add(dict(app_event("app", 2), environment="127.0.0.1",
                              token_endpoint="https://127.0.0.1:8443/t/oauth2/v2.0/token"))
    cache.forget_environment("127.0.0.1")
    secrets = [e["secret"] for e in cache.msal_cache.search(cache.msal_cache.CredentialType.ACCESS_TOKEN)]
    assert secrets == ["at-app-1"]


def test_companions_of_a_cached_user_token(home):
    cache = shared_token_cache()
    cache.msal_cache.add(user_event())
    found = cache.companions("user-at", "public-app", "login.example.com")
    assert found.refresh_token == "user-rt" and found.id_token.count(".") == 2
    assert found.account_entry["username"] == "admin@contoso"
    assert found.access_token_entry["realm"] == "tid-1" and "user-rt" not in repr(found)
    assert cache.companions("user-at", "another-app", "login.example.com") is None
    application = cache.msal_cache
    application.add(app_event("app", 1))
    only_token = cache.companions("at-app-1", "app", "login.example.com")
    assert only_token.refresh_token is None and only_token.account_entry is None


def test_a_second_process_reads_what_the_first_wrote(home):
    shared_token_cache().msal_cache.add(app_event("app", 7))
    script = textwrap.dedent("""
        from pwshlike.identity.cache import shared_token_cache
        cache = shared_token_cache().msal_cache
        print(",".join(e["secret"] for e in cache.search(cache.CredentialType.ACCESS_TOKEN)))
    """)
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env=dict(os.environ))
    assert output.stdout.strip() == "at-app-7"


def test_concurrent_writers_do_not_corrupt_it(home):
    go = home / "go"
    script = textwrap.dedent("""
        import os, sys, time
        from pwshlike.identity.cache import shared_token_cache
        from identity.test_cache import app_event
        cache = shared_token_cache().msal_cache
        while not os.path.exists(sys.argv[2]):  # start together
            time.sleep(0.005)
        for serial in range(40):
            cache.add(app_event(sys.argv[1], serial))
    """)
    tests_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([tests_dir, os.environ.get("PYTHONPATH", "")]))
    writers = [subprocess.Popen([sys.executable, "-c", script, name, str(go)], env=env) for name in ("one", "two")]
    go.write_text("go")
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    with open(paths.token_cache_path()) as handle:
        saved = json.load(handle)
    secrets = {entry["secret"] for entry in saved["AccessToken"].values()}
    assert secrets == {f"at-{name}-{serial}" for name in ("one", "two") for serial in range(40)}
    assert mode(paths.token_cache_path()) == 0o600


def test_a_lock_never_released_is_reported(home, monkeypatch):
    import msal_extensions.token_cache as extension

    cache = shared_token_cache()
    lock_file = cache.path + ".lockfile"
    with open(lock_file, "w") as handle:
        handle.write("4242 a shell killed while writing")

    class Clock:  # msal-extensions waits 5 seconds: make them pass at once
        now = 0.0

        @classmethod
        def monotonic(cls) -> float:
            cls.now += 1.0
            return cls.now

        time = monotonic

        @staticmethod
        def sleep(seconds: float) -> None:
            return None

    lock_module = sys.modules[extension.CrossPlatLock.__module__]
    monkeypatch.setattr(lock_module, "time", Clock)
    with pytest.raises(IdentityError) as caught:
        cache.msal_cache.add(app_event("app", 1))
    assert caught.value.code == "TokenCacheLocked" and lock_file in caught.value.message


def test_a_cache_that_cannot_be_created_says_what_to_do(home):
    os.makedirs(os.path.dirname(paths.cache_dir()), exist_ok=True)
    with open(paths.cache_dir(), "w") as handle:  # a file where the folder should be
        handle.write("")
    with pytest.raises(IdentityError) as caught:
        shared_token_cache()
    error = caught.value
    assert (error.code, error.category) == ("TokenCacheUnavailable", "WriteError")
    assert "PWSHLIKE_TOKEN_CACHE=memory" in error.message and "Errno" not in error.message
