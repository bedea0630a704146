"""JWT claims without verification, and TokenResult built from msal's answers."""

from __future__ import annotations

import datetime
import json

import pytest

from pwshlike.identity.errors import IdentityError
from pwshlike.identity.tokens import TokenResult, decode_token_claims, result_from_cache, result_from_msal

from .fake_aad import b64url, unsigned_jwt


def test_claims_of_a_signed_token_are_read_without_its_key():
    import jwt
    token = jwt.encode({"tid": "t", "exp": 1, "upn": "a@b"}, "not the real key at all, but long enough",
                       algorithm="HS256")
    assert decode_token_claims(token) == {"tid": "t", "exp": 1, "upn": "a@b"}


@pytest.mark.parametrize("token", [
    "", "abc", "a.b", "a.b.c.d", "!!!.???.sig",
    b64url(b"{}") + "." + b64url(b"[1, 2]") + ".sig",
    b64url(b"{}") + "." + b64url(b"not json") + ".sig",
    "." + b64url(b"{}") + ".sig",
])
def test_malformed_tokens_are_invalid_tokens(token):
    with pytest.raises(IdentityError) as caught:
        decode_token_claims(token)
    assert caught.value.code == "InvalidToken" and caught.value.category == "InvalidArgument"
    if len(token) > 5:
        assert token not in caught.value.message


def test_result_from_an_msal_user_answer():
    client_info = b64url(json.dumps({"uid": "oid-1", "utid": "tid-1"}).encode())
    result = {"access_token": unsigned_jwt({"tid": "tid-1", "oid": "oid-1"}), "refresh_token": "rt",
              "id_token": unsigned_jwt({"tid": "tid-1", "oid": "oid-1", "preferred_username": "u@x"}),
              "token_type": "Bearer", "expires_in": 3600, "ext_expires_in": 7200, "client_info": client_info,
              "scope": "https://graph.microsoft.com/User.Read openid profile", "token_source": "identity_provider"}
    token = result_from_msal(result, requested_scopes=["x"], environment="login.example.com", correlation_id="c",
                             now=1_000_000)
    assert token.refresh_token == "rt" and token.tenant_id == "tid-1" and token.unique_id == "oid-1"
    assert token.expires_on == datetime.datetime.fromtimestamp(1_003_600, datetime.timezone.utc)
    assert token.extended_expires_on == datetime.datetime.fromtimestamp(1_007_200, datetime.timezone.utc)
    assert token.scopes == ["https://graph.microsoft.com/User.Read", "openid", "profile"]
    assert token.account.username == "u@x" and token.account.home_account_id == "oid-1.tid-1"
    assert token.account.environment == "login.example.com" and not token.from_cache
    assert token.correlation_id == "c" and token.token_type == "Bearer"


def test_an_application_token_has_no_account_and_keeps_the_requested_scopes():
    token = result_from_msal({"access_token": "opaque-token", "expires_in": 10}, requested_scopes=["s/.default"],
                             environment="h", now=0)
    assert token.account is None and token.scopes == ["s/.default"] and token.tenant_id is None


def test_result_from_cache_entries():
    entry = {"secret": unsigned_jwt({"tid": "tid-1"}), "expires_on": "2000000000",
             "extended_expires_on": "2000003600", "realm": "organizations", "target": "a b"}
    token = result_from_cache(entry, refresh_token="rt", id_token=None,
                              account_entry={"username": "u@x", "home_account_id": "o.t", "environment": "h"})
    assert token.from_cache and token.refresh_token == "rt" and token.tenant_id == "tid-1"
    assert token.scopes == ["a", "b"] and token.account.home_account_id == "o.t"
    assert token.expires_on.timestamp() == 2000000000 and token.extended_expires_on.timestamp() == 2000003600


def test_repr_never_shows_a_token():
    token = result_from_msal({"access_token": "AT-VALUE-123", "refresh_token": "RT-VALUE-456",
                              "id_token": "ID-VALUE-789", "expires_in": 10}, requested_scopes=[], environment="h")
    shown = repr(token)
    assert "AT-VALUE" not in shown and "RT-VALUE" not in shown and "ID-VALUE" not in shown
    assert isinstance(token, TokenResult)
