"""The token cache every msal application of the process shares.

One msal ``SerializableTokenCache`` per process, persisted with
msal-extensions (``PersistedTokenCache`` over a ``FilePersistence``) at
``paths.token_cache_path()`` ($XDG_CACHE_HOME/pwshlike/msal_token_cache.json),
so that every pwshlike shell of the user shares its sign-ins:

- The file is created with mode 0600 in a 0700 directory whatever the
  umask, and each save writes a new 0600 file that replaces the old one, so
  a reader never sees half a file.
- Writers lock it (msal-extensions' ``CrossPlatLock`` on
  ``msal_token_cache.json.lockfile``) and reload it first, so concurrent
  shells merge their tokens instead of overwriting each other's.  A lock
  still held after msal-extensions' 5 seconds (a shell killed while writing)
  becomes an IdentityError naming the lock file.
- The file is plaintext, protected by its permissions only, as Azure CLI
  keeps ``~/.azure/msal_token_cache.json`` on Linux.  msal-extensions can
  encrypt it only through a Secret Service (libsecret with an unlocked
  keyring in a desktop session); a headless Linux machine (SSH, containers,
  CI) has none, so pwshlike does not depend on one.  Anyone who can read
  your home directory as you can use these tokens: clear the cache
  (Clear-PwshlikeTokenCache) on shared machines, or set
  ``PWSHLIKE_TOKEN_CACHE=memory`` to keep tokens in the process's memory
  only (they are then gone when the shell exits).

msal's cache hit returns the access token alone; :meth:`SharedTokenCache.companions`
finds the refresh token, id token and account stored beside it, so a
cached result is as complete as a fresh one.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import time
from typing import Any, Mapping, Optional

from . import paths
from .errors import IdentityError

__all__ = ["SharedTokenCache", "shared_token_cache", "Companions"]

MEMORY_MODE = "memory"


def _private_file(path: str) -> None:
    """Creates ``path`` (and its directory) private to the user, whatever
    the umask: directory 0700, file 0600; tightens an existing file."""
    directory = os.path.dirname(path)
    os.makedirs(directory, mode=0o700, exist_ok=True)
    os.chmod(directory, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _unavailable(path: str, exc: OSError, action: str = "written", category: str = "WriteError") -> IdentityError:
    reason = exc.strerror or type(exc).__name__
    return IdentityError(f"The token cache '{path}' cannot be {action} ({reason}). Set PWSHLIKE_TOKEN_CACHE=memory to "
                         f"keep tokens in memory only.", code="TokenCacheUnavailable", category=category)


def _damaged(path: str) -> IdentityError:
    return IdentityError(f"The token cache '{path}' is damaged: it is not the JSON msal writes. Empty it with "
                         f"Clear-PwshlikeTokenCache (or delete the file) and sign in again.",
                         code="TokenCacheDamaged", category="InvalidData")


@functools.lru_cache(maxsize=None)
def _persisted_cache_class() -> type:
    """msal-extensions' PersistedTokenCache with atomic saves, lock errors
    in our words, and whole-cache operations under the same lock (the
    class is built on first use: msal is imported only then)."""
    from msal_extensions import CrossPlatLock, FilePersistence, LockError, PersistedTokenCache

    class AtomicFilePersistence(FilePersistence):
        def save(self, content: str) -> None:
            paths.write_private_file(self.get_location(), content.encode("utf-8"))

    class PwshlikeTokenCache(PersistedTokenCache):
        def __init__(self, location: str) -> None:
            try:
                _private_file(location)
            except OSError as exc:
                raise _unavailable(location, exc) from None
            super().__init__(AtomicFilePersistence(location))

        @contextlib.contextmanager
        def _locked(self) -> Any:
            try:
                with CrossPlatLock(self._lock_location):
                    yield
            except LockError:
                raise IdentityError(
                    f"The token cache is locked by another process (lock file '{self._lock_location}'). If no "
                    f"other pwshlike shell is signing in, delete that file and try again.",
                    code="TokenCacheLocked", category="ResourceBusy") from None

        def _reload_if_necessary(self) -> None:
            # msal-extensions lets a file that cannot be read or parsed escape as OSError / ValueError.
            try:
                super()._reload_if_necessary()
            except OSError as exc:
                raise _unavailable(self._persistence.get_location(), exc, "read", "ReadError") from None
            except ValueError:
                raise _damaged(self._persistence.get_location()) from None

        def modify(self, credential_type: Any, old_entry: Any, new_key_value_pairs: Any = None) -> None:
            with self._locked():
                self._reload_if_necessary()
                super(PersistedTokenCache, self).modify(credential_type, old_entry,
                                                        new_key_value_pairs=new_key_value_pairs)
                self._save()

        def rewrite(self, keep: Any) -> None:
            """Keeps only the entries ``keep(entry)`` accepts, on disk too."""
            with self._locked():
                try:
                    self._reload_if_necessary()
                except IdentityError as error:
                    if error.code != "TokenCacheDamaged":
                        raise
                    self._cache = {}  # a damaged file holds nothing to keep: rewriting it repairs it
                with self._lock:
                    self._cache = {kind: {key: entry for key, entry in entries.items() if keep(entry)}
                                   for kind, entries in self._cache.items()}
                self._save()

        def _save(self) -> None:
            try:
                self._persistence.save(self.serialize())
            except OSError as exc:
                raise _unavailable(self._persistence.get_location(), exc) from None
            self._last_sync = time.time()

    return PwshlikeTokenCache


@functools.lru_cache(maxsize=None)
def _memory_cache_class() -> type:
    import msal

    class MemoryTokenCache(msal.SerializableTokenCache):
        def rewrite(self, keep: Any) -> None:
            with self._lock:
                self._cache = {kind: {key: entry for key, entry in entries.items() if keep(entry)}
                               for kind, entries in self._cache.items()}
                self.has_state_changed = True

    return MemoryTokenCache


class Companions:
    """The cache entries stored beside an access token: its own entry
    (expiry, realm, target), and the account's refresh token, id token and
    account entry where there is a user."""

    __slots__ = ("access_token_entry", "refresh_token", "id_token", "account_entry")

    def __init__(self, access_token_entry: Mapping[str, Any], refresh_token: Optional[str],
                 id_token: Optional[str], account_entry: Optional[Mapping[str, Any]]) -> None:
        self.access_token_entry = access_token_entry
        self.refresh_token = refresh_token
        self.id_token = id_token
        self.account_entry = account_entry

    def __repr__(self) -> str:
        return "Companions(<token cache entries>)"


class SharedTokenCache:
    """The process's token cache: ``msal_cache`` is given to every msal
    application; ``path`` is None in memory mode."""

    def __init__(self, path: Optional[str]) -> None:
        self.path = path
        self.msal_cache: Any = _persisted_cache_class()(path) if path else _memory_cache_class()()

    @property
    def persistent(self) -> bool:
        return self.path is not None

    def clear(self) -> None:
        """Empties the cache (the file too): every process signs in again."""
        self.msal_cache.rewrite(lambda entry: False)

    def forget_environment(self, host: str) -> None:
        """Removes every entry of one authority host (e.g. '127.0.0.1' when
        an emulator is replaced by a new one with other keys)."""
        low = host.lower()
        self.msal_cache.rewrite(lambda entry: str(entry.get("environment", "")).lower() != low)

    def access_token_entry(self, access_token: str, client_id: str, environment: str) -> Optional[dict[str, Any]]:
        """The cache's entry for an access token msal returned."""
        kinds = self.msal_cache.CredentialType
        return next((entry for entry in self.msal_cache.search(
            kinds.ACCESS_TOKEN, query={"client_id": client_id, "environment": environment})
            if entry.get("secret") == access_token), None)

    def annotate(self, access_token_entry: Mapping[str, Any], **fields: str) -> None:
        """Adds fields of ours to an access token's entry (msal keeps and
        ignores them)."""
        self.msal_cache.modify(self.msal_cache.CredentialType.ACCESS_TOKEN, dict(access_token_entry), fields)

    def remove(self, access_token_entry: Mapping[str, Any]) -> None:
        self.msal_cache.remove_at(dict(access_token_entry))

    def companions(self, access_token: str, client_id: str, environment: str) -> Optional[Companions]:
        """The entries beside a cached access token, read from the cache
        itself (msal's acquire_token_silent does not return them)."""
        kinds = self.msal_cache.CredentialType
        at_entry = self.access_token_entry(access_token, client_id, environment)
        if at_entry is None:
            return None
        home = at_entry.get("home_account_id")
        if not home:  # an application's own token: no user beside it
            return Companions(at_entry, None, None, None)
        account_query = {"home_account_id": home, "environment": environment}
        refresh_tokens = list(self.msal_cache.search(kinds.REFRESH_TOKEN, query=dict(account_query,
                                                                                     client_id=client_id)))
        if not refresh_tokens:  # a family (FOCI) refresh token serves every member app
            refresh_tokens = [rt for rt in self.msal_cache.search(kinds.REFRESH_TOKEN, query=account_query)
                              if rt.get("family_id")]
        refresh_tokens.sort(key=lambda rt: int(rt.get("last_modification_time") or 0), reverse=True)
        realm = at_entry.get("realm")
        id_tokens = list(self.msal_cache.search(kinds.ID_TOKEN, query=dict(account_query, client_id=client_id,
                                                                          realm=realm))) or \
            list(self.msal_cache.search(kinds.ID_TOKEN, query=dict(account_query, client_id=client_id)))
        accounts = list(self.msal_cache.search(kinds.ACCOUNT, query=dict(account_query, realm=realm))) or \
            list(self.msal_cache.search(kinds.ACCOUNT, query=account_query))
        return Companions(at_entry, refresh_tokens[0]["secret"] if refresh_tokens else None,
                          id_tokens[0]["secret"] if id_tokens else None, accounts[0] if accounts else None)


_shared: Optional[SharedTokenCache] = None
_shared_lock = threading.Lock()


def shared_token_cache() -> SharedTokenCache:
    """The process's cache: persisted at ``paths.token_cache_path()``, or in
    memory when ``PWSHLIKE_TOKEN_CACHE=memory``.  A new one is made when
    that choice or path changes (tests change XDG_CACHE_HOME per test)."""
    global _shared
    path = None if os.environ.get("PWSHLIKE_TOKEN_CACHE", "").strip().lower() == MEMORY_MODE \
        else paths.token_cache_path()
    with _shared_lock:
        if _shared is None or _shared.path != path:
            _shared = SharedTokenCache(path)
        return _shared
