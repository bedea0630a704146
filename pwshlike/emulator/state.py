"""What survives a restart: the directory, refresh tokens, the signing key.

The state file (``-StatePath``) is JSON a person can read and edit: times are
ISO 8601 UTC, so moving a refresh token's ``last_used`` back 91 days
reproduces AADSTS700082.  It holds the emulator's own test secrets
(passwords, the client secret, private keys), so it is written 0600.
Authorization codes, device codes and sign-in pages in progress are not
kept: they last minutes.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import asdict, dataclass
from typing import Any

from ..identity.paths import write_private_file
from .directory import (
    AppCertificate, AppRoleGrant, Application, DelegatedGrant, Directory, Resource, Tenant, User, seed)
from .refresh import RefreshToken, RefreshTokenStore
from .tokens import SigningMaterial

FORMAT = "pwshlike-emulator-state"
VERSION = 1


@dataclass
class EmulatorState:
    directory: Directory
    refresh_tokens: RefreshTokenStore
    signing: SigningMaterial

    @classmethod
    def fresh(cls, user_count: int = 0) -> "EmulatorState":
        return cls(seed(user_count), RefreshTokenStore(), SigningMaterial.generate())


def _iso(epoch: float) -> str:
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def _epoch(text: str) -> float:
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.timestamp()


def to_json(state: EmulatorState) -> dict[str, Any]:
    d = state.directory
    return {
        "format": FORMAT, "version": VERSION,
        "signing": {"key": state.signing.key_pem, "certificate": state.signing.certificate_pem},
        "directory": {
            "partner_tenant_id": d.partner_tenant_id, "partner_admin_id": d.partner_admin_id,
            "confidential_app_id": d.confidential_app_id, "public_client_id": d.public_client_id,
            "extra_user_password": d.extra_user_password,
            "tenants": [asdict(t) for t in d.tenants.values()],
            "users": [dict(asdict(u), tokens_valid_from=_iso(u.tokens_valid_from)) for u in d.users.values()],
            "resources": [dict(asdict(r), scopes=list(r.scopes), roles=list(r.roles)) for r in d.resources.values()],
            "applications": [{
                "app_id": a.app_id, "display_name": a.display_name, "home_tenant_id": a.home_tenant_id,
                "public_client": a.public_client, "redirect_uris": a.redirect_uris, "secrets": a.secrets,
                "certificates": [{"certificate": c.certificate_pem, "key": c.key_pem} for c in a.certificates],
                "tenants": sorted(a.tenants)} for a in d.applications.values()],
            "delegated_grants": [asdict(g) for g in d.delegated_grants],
            "app_role_grants": [dict(asdict(g), roles=sorted(g.roles)) for g in d.app_role_grants],
        },
        "refresh_tokens": [dict(asdict(r), issued_at=_iso(r.issued_at), last_used=_iso(r.last_used))
                           for r in state.refresh_tokens.tokens.values()],
    }


def from_json(data: dict[str, Any]) -> EmulatorState:
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"not a {FORMAT} file of version {VERSION}")
    d = data["directory"]
    directory = Directory()
    for key in ("partner_tenant_id", "partner_admin_id", "confidential_app_id", "public_client_id",
                "extra_user_password"):
        setattr(directory, key, d[key])
    for t in d["tenants"]:
        directory.tenants[t["id"]] = Tenant(**t)
    for u in d["users"]:
        directory.users[u["id"]] = User(**dict(u, tokens_valid_from=_epoch(u["tokens_valid_from"])))
    for r in d["resources"]:
        directory.resources[r["app_id"]] = Resource(**dict(r, scopes=tuple(r["scopes"]), roles=tuple(r["roles"])))
    for a in d["applications"]:
        directory.applications[a["app_id"]] = Application(
            a["app_id"], a["display_name"], a["home_tenant_id"], a["public_client"], list(a["redirect_uris"]),
            list(a["secrets"]), [AppCertificate(c["certificate"], c["key"]) for c in a["certificates"]],
            set(a["tenants"]))
    directory.delegated_grants = [DelegatedGrant(**dict(g, scopes=list(g["scopes"])))
                                  for g in d["delegated_grants"]]
    directory.app_role_grants = [AppRoleGrant(**dict(g, roles=set(g["roles"]))) for g in d["app_role_grants"]]
    directory.reindex()
    store = RefreshTokenStore()
    for r in data["refresh_tokens"]:
        record = RefreshToken(**dict(r, issued_at=_epoch(r["issued_at"]), last_used=_epoch(r["last_used"])))
        store.tokens[record.digest] = record
    signing = SigningMaterial(data["signing"]["key"], data["signing"]["certificate"])
    return EmulatorState(directory, store, signing)


def load(path: str) -> EmulatorState:
    """Read a state file; a clear ValueError (naming the file) when it is not one."""
    try:
        with open(path, encoding="utf-8") as stream:
            return from_json(json.load(stream))
    except (ValueError, KeyError, TypeError) as failure:
        raise ValueError(f"The emulator state file '{path}' is not valid: {failure}") from None


def save(state: EmulatorState, path: str) -> None:
    text = json.dumps(to_json(state), indent=1)
    write_private_file(os.path.abspath(path), text.encode("utf-8"))
