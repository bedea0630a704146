"""No Python exception may escape where pwsh would report an error: every
operator, cast, member access and static table is driven over awkward
values and may only raise the engine's .NET-style exceptions."""

import datetime
import itertools
import uuid
from decimal import Decimal

from pwshlike.dotnet import statics
from pwshlike.dotnet.conversions import to_bool, to_string
from pwshlike.dotnet.errors import DotNetException
from pwshlike.dotnet.members import get_index, get_member, set_index, set_member
from pwshlike.dotnet.operators import BINARY_OPERATORS, UNARY_OPERATORS
from pwshlike.dotnet.types import resolve_type
from pwshlike.dotnet.values import (
    BigInt, Byte, Char, Hashtable, Int64, OrderedDictionary, PSCustomObject, StringBuilder, SwitchParameter,
    TypedArray, UInt64,
)


def _pool() -> list:
    return [None, 0, -1, 2147483647, Int64(2 ** 62), UInt64(2 ** 63), BigInt(10), Byte(3), 2.5, float("nan"),
            float("inf"), "a", "10", "", "(", [1, 2], [], Char("x"), True, Hashtable({"a": 1}),
            OrderedDictionary({"a": 1}), datetime.datetime(2024, 1, 1), datetime.timedelta(1), Decimal("1.5"),
            PSCustomObject({"a": 1}), uuid.UUID(int=5), resolve_type("ConsoleColor").convert("Red"),
            resolve_type("int"), StringBuilder("s"), SwitchParameter(True), TypedArray([1], resolve_type("int"))]


def _only_dotnet_errors(func, *args) -> None:
    try:
        func(*args)
    except DotNetException:
        pass


def test_operators_never_leak_python_errors():
    pool = _pool()
    for name, op in BINARY_OPERATORS.items():
        if name == "..":
            continue
        for left, right in itertools.product(pool, repeat=2):
            _only_dotnet_errors(op, left, right)
    for op in UNARY_OPERATORS.values():
        for value in pool:
            _only_dotnet_errors(op, value)


def test_casts_and_members_never_leak_python_errors():
    pool = _pool()
    for type_name in ("int", "long", "byte", "double", "decimal", "bool", "char", "string", "datetime", "timespan",
                      "guid", "hashtable", "int[]", "char[]", "pscustomobject", "regex", "version", "uri",
                      "ConsoleColor", "List[int]", "bigint", "type"):
        target = resolve_type(type_name)
        for value in pool:
            _only_dotnet_errors(target.convert, value)
    for value in pool:
        to_string(value)
        to_bool(value)
        for name in ("Count", "a", "Keys", "PSObject", "Year"):
            _only_dotnet_errors(get_member, value, name)
            _only_dotnet_errors(set_member, value, name, 1)
        for index in pool:
            _only_dotnet_errors(get_index, value, index)
            _only_dotnet_errors(set_index, list(value) if isinstance(value, list) else value, index, 1)


def test_every_static_table_builds_and_its_properties_read():
    for name in statics._TABLES:
        owner = resolve_type(name)
        for member, is_method in owner.static_member_names():
            if not is_method:
                owner.get_static(member)
