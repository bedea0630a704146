"""Binary literals: a leading 1 is a sign bit exactly when the literal has
the width of a signed type (8, 16, 32, 64 or 96 digits, or 128 and more),
as pwsh's Utils.ParseBinary reads them; an unsigned suffix never has one."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("literal, text, type_name", [
    ("0b11111111", "-1", "Int32"),
    ("0b10000000", "-128", "Int32"),
    ("0b1111111111111111", "-1", "Int32"),
    ("0b11111111y", "-1", "SByte"),
    ("0b11111111s", "-1", "Int16"),
    ("0b11111111l", "-1", "Int64"),
    ("0b11111111n", "-1", "BigInteger"),
    ("0b11111111uy", "255", "Byte"),
    ("0b11111111u", "255", "UInt32"),
    ("0b1111111", "127", "Int32"),
    ("0b111111111", "511", "Int32"),
    ("0b011111111", "255", "Int32"),
])
def test_binary_literal_values(literal, text, type_name):
    assert Shell().text(f"{literal}; ({literal}).GetType().Name") == [text, type_name]
