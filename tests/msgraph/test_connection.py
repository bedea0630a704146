"""Token renewal of a connection: a token from a credential is renewed
before it expires (long loops keep working); a given token is not."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import httpx

from pwshlike_msgraph.connection import GraphConnection


def token(value: str, minutes: float) -> SimpleNamespace:
    expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
    return SimpleNamespace(access_token=value, expires_on=expires)


def connection(first: SimpleNamespace, renew) -> GraphConnection:
    cloud = SimpleNamespace(endpoints={"GraphEndpoint": "https://graph.example.test/"})
    return GraphConnection(None, cloud, httpx.Client(), first, renew)


def test_a_token_close_to_expiry_is_renewed_through_the_identity_service() -> None:
    calls: list = []

    def renew(ui):
        calls.append(ui)
        return token("second", 60)

    graph = connection(token("first", 2), renew).using("the cmdlet")
    assert graph._bearer() == "second" and graph._bearer() == "second" and calls == ["the cmdlet"]
    assert graph.graph_endpoint == "https://graph.example.test"


def test_a_fresh_token_and_a_given_token_are_used_as_they_are() -> None:
    assert connection(token("fresh", 30), lambda ui: token("other", 60))._bearer() == "fresh"
    assert connection(token("given", 1), None)._bearer() == "given"
