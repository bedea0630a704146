"""``-is``, ``-isnot`` and ``-as`` with a type name given as text that names
no type: pwsh converts the text to a Type and reports the failed cast as a
plain RuntimeException."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


@pytest.mark.parametrize("operator", ["-is", "-isnot", "-as"])
def test_unknown_type_name_text_is_a_failed_cast(s: Session, operator: str) -> None:
    script = (f"try {{ 'hello' {operator} 'NoSuchType' }} catch {{ $_.FullyQualifiedErrorId; "
              "$_.Exception.Message; [string]$_.CategoryInfo.Category }")
    assert s.run(script) == ["RuntimeException",
                             'Cannot convert the "NoSuchType" value of type "System.String" to type "System.Type".',
                             "NotSpecified"]


def test_type_name_text_that_resolves_still_works(s: Session) -> None:
    assert s.run("'hello' -is 'string'; 'hello' -isnot 'int'; ('5' -as 'int').GetType().Name") == [
        True, True, "Int32"]


def test_unknown_type_literal_stays_type_not_found(s: Session) -> None:
    assert s.run("try { 'hello' -is [NoSuchType] } catch { $_.FullyQualifiedErrorId }") == ["TypeNotFound"]
