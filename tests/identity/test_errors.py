"""Azure AD's answers as IdentityError: code, category and message."""

from __future__ import annotations

import pytest

from pwshlike.identity.errors import IdentityError

APP = "33333333-3333-3333-3333-333333333333"


def aad(code: int, error: str, text: str) -> dict:
    return {"error": error, "error_codes": [code],
            "error_description": f"AADSTS{code}: {text}\r\nTrace ID: t-1\r\nCorrelation ID: c-1\r\n"
                                 f"Timestamp: 2026-01-01 00:00:00Z",
            "trace_id": "t-1", "correlation_id": "c-1"}


def test_invalid_secret_keeps_the_first_line_of_the_description():
    error = IdentityError.from_msal(aad(7000215, "invalid_client", (
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "
        f"not the client secret ID, for a secret added to app '{APP}'.")))
    assert str(error) == error.message == (
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client "
        f"secret value, not the client secret ID, for a secret added to app '{APP}'.")
    assert (error.code, error.category, error.error) == ("AADSTS7000215", "AuthenticationError", "invalid_client")
    assert (error.correlation_id, error.trace_id, error.error_codes) == ("c-1", "t-1", (7000215,))
    assert "Trace ID" not in error.message


@pytest.mark.parametrize("code, error, category", [
    (65001, "invalid_grant", "PermissionDenied"),
    (50076, "invalid_grant", "AuthenticationError"),
    (50079, "interaction_required", "AuthenticationError"),
    (70011, "invalid_scope", "InvalidArgument"),
    (500011, "invalid_resource", "InvalidArgument"),
    (90002, "invalid_tenant", "InvalidArgument"),
    (900144, "invalid_request", "InvalidArgument"),
    (700082, "invalid_grant", "AuthenticationError"),
    (50173, "invalid_grant", "AuthenticationError"),
    (700027, "invalid_client", "AuthenticationError"),
    (700016, "unauthorized_client", "AuthenticationError"),
    (70000, "authorization_declined", "AuthenticationError"),
    (70020, "expired_token", "OperationTimeout"),
    (50196, "temporarily_unavailable", "ResourceUnavailable"),
    (50196, "invalid_request", "LimitsExceeded"),
])
def test_categories(code, error, category):
    found = IdentityError.from_msal(aad(code, error, "Something."))
    assert (found.code, found.category) == (f"AADSTS{code}", category)


@pytest.mark.parametrize("code, words", [
    (50076, "sign in interactively"), (50079, "sign in interactively"), (65001, "consent"),
    (700082, "sign in again"), (50173, "sign in again"), (50011, "http://localhost"),
    (7000218, "allow public client flows"),
])
def test_hints(code, words):
    assert words in IdentityError.from_msal(aad(code, "invalid_grant", "Something.")).message


def test_an_error_without_a_number_is_coded_by_its_name():
    error = IdentityError.from_msal({"error": "invalid_grant", "error_description": "The grant is bad.\nMore."})
    assert (error.code, error.category, error.message) == ("invalid_grant", "AuthenticationError",
                                                          "invalid_grant: The grant is bad.")
    bare = IdentityError.from_msal({"error": "server_error"})
    assert bare.code == "server_error" and bare.category == "ResourceUnavailable" and "server_error" in bare.message


def test_the_number_is_read_from_the_description_when_error_codes_is_missing():
    error = IdentityError.from_msal({"error": "invalid_client", "error_description": "AADSTS7000222: Expired."})
    assert error.code == "AADSTS7000222" and error.message == "AADSTS7000222: Expired."


def test_a_description_without_its_code_gets_it_in_front():
    error = IdentityError.from_msal({"error": "invalid_scope", "error_codes": [70011], "error_description": "Bad."})
    assert error.message == "AADSTS70011: Bad."


def test_secrets_echoed_by_a_server_are_masked():
    error = IdentityError.from_msal(aad(7000215, "invalid_client", "The secret hunter2-secret is wrong."),
                                    secrets=["hunter2-secret", None, ""])
    assert "hunter2-secret" not in error.message and "<redacted>" in error.message


def test_repr_and_constructor():
    error = IdentityError("No free port.", code="NoFreePort", category="ResourceUnavailable")
    assert str(error) == "No free port." and "NoFreePort" in repr(error)
    assert IdentityError("x", code="Y").category == "NotSpecified"
