"""Numeric literals reach scripts as pwsh's types.

The tokenizer leaves typed integer literals as plain numbers with a type
name; the compiler builds the .NET value from them.  These tests read the
result the way a script does (``GetType().Name``, arithmetic, comparisons).
"""

from __future__ import annotations

import decimal

import pytest


@pytest.mark.parametrize("literal, type_name, text", [
    ("1L", "Int64", "1"),
    ("5uy", "Byte", "5"),
    ("5y", "SByte", "5"),
    ("5s", "Int16", "5"),
    ("5us", "UInt16", "5"),
    ("5u", "UInt32", "5"),
    ("5ul", "UInt64", "5"),
    ("5n", "BigInteger", "5"),
    ("2147483648", "Int64", "2147483648"),
    ("-2147483648", "Int32", "-2147483648"),
    ("-2147483649", "Int64", "-2147483649"),
    ("1kb", "Int32", "1024"),
    ("1tb", "Int64", "1099511627776"),
    ("0xFFl", "Int64", "255"),
    ("0xFFFFFFFF", "Int32", "-1"),
    ("0xFFFFFFFFu", "UInt32", "4294967295"),
    ("0x100000000", "Int64", "4294967296"),
    ("1.5d", "Decimal", "1.5"),
    ("1.5", "Double", "1.5"),
    ("2.5l", "Int64", "2"),
])
def test_literal_types_and_values(run, literal, type_name, text):
    assert run(f"({literal}).GetType().Name; [string]({literal})") == [type_name, text]


def test_typed_literals_in_arithmetic(run):
    # Int32 arithmetic that overflows gives a Double, as in pwsh.
    assert run("(0x7FFFFFFF + 1).GetType().Name; 0x7FFFFFFF + 1") == ["Double", 2147483648.0]
    assert run("(1L + 1).GetType().Name; (5uy + 1uy).GetType().Name") == ["Int64", "Int32"]
    assert run("(1.5d * 2).GetType().Name; 1.5d * 2") == ["Decimal", decimal.Decimal("3.0")]
    assert run("1L -eq 1; 5uy -lt 6") == [True, True]


def test_typed_literal_as_command_argument_and_default(run):
    """A literal outside an expression (a parameter default, a switch case,
    an array element) is built the same way."""
    assert run("function f { param($p = 7L) $p.GetType().Name }; f") == ["Int64"]
    assert run("@(1L, 2uy) | ForEach-Object { $_.GetType().Name }") == ["Int64", "Byte"]
    assert run("switch (3) { 3L { 'three' } }") == ["three"]
