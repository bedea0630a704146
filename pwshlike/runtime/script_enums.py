"""Script ``enum`` definitions turned into object-model enums.

pwsh defines a script's types when the script is compiled, not when the
``enum`` statement runs, so ``[Color]`` works above ``enum Color``.  The
compiler calls :func:`define_enum` for each TypeDefinitionAst it meets; the
result is an ordinary :class:`EnumInfo` registered through ``enum_type``,
the same machinery built-in and plugin enums use.  Mistakes pwsh's semantic
checks catch (a repeated member, a value that is not constant or does not
fit the underlying type) raise a ParseException carrying pwsh's ErrorId.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NoReturn, Optional

from ..dotnet.conversions import round_half_even
from ..dotnet.errors import ParseException
from ..dotnet.operators import BINARY_OPERATORS, UNARY_OPERATORS
from ..dotnet.types import PSType, enum_type, find_type, resolve_type
from ..dotnet.values import EnumInfo
from ..language import ast as A
from ..language.errors import ParseError

# The integral types an enum may be based on: .NET name -> (minimum, maximum).
_UNDERLYING: dict[str, tuple[int, int]] = {
    "System.Byte": (0, 255), "System.SByte": (-128, 127),
    "System.Int16": (-32768, 32767), "System.UInt16": (0, 65535),
    "System.Int32": (-2 ** 31, 2 ** 31 - 1), "System.UInt32": (0, 2 ** 32 - 1),
    "System.Int64": (-2 ** 63, 2 ** 63 - 1), "System.UInt64": (0, 2 ** 64 - 1),
}
_FLAGS_NAMES = frozenset(("flags", "flagsattribute", "system.flagsattribute"))
# Operators a constant enumerator value may use (pwsh's constant-expression check).
_CONSTANT_BINARY = frozenset(("+", "-", "*", "/", "%", "-band", "-bor", "-bxor", "-shl", "-shr"))
_CONSTANT_UNARY = frozenset(("-", "+", "-bnot"))


def define_script_types(ast: A.ScriptBlockAst) -> None:
    """Defines every enum of a whole script (nested script blocks included),
    as pwsh does before the script runs."""
    definer = EnumDefiner()
    for node in ast.walk():
        if isinstance(node, A.TypeDefinitionAst) and node.type_attributes == "Enum":
            definer.define(node)


class EnumDefiner:
    """Defines enums; an enum whose values use an enum defined further down
    the same block gets that one defined first."""

    def __init__(self) -> None:
        self._pending: set[int] = set()

    def define(self, node: A.TypeDefinitionAst) -> PSType:
        """The registered type for ``node`` (each node is defined once)."""
        if node.defined_type is not None:
            return node.defined_type
        key = id(node)
        if key in self._pending:
            _fail(node.extent, "CycleInEnumInitializers",
                  "A cycle was found in the initializers of the enum members.")
        self._pending.add(key)
        try:
            low, high, underlying = _underlying(node)
            info = EnumInfo(node.name, self._members(node, low, high, underlying), _is_flags(node), underlying)
        finally:
            self._pending.discard(key)
        node.defined_type = enum_type(info)
        return node.defined_type

    def _members(self, node: A.TypeDefinitionAst, low: int, high: int, type_name: str) -> list[tuple[str, int]]:
        members: list[tuple[str, int]] = []
        seen: set[str] = set()
        following = 0
        for member in node.members:
            if member.name.lower() in seen:
                _fail(member.extent, "MemberAlreadyDefined", f"The member '{member.name}' is already defined.")
            seen.add(member.name.lower())
            where = member.extent
            if member.initial_value is not None:
                where = member.initial_value.extent
                value = self._integer(self._constant(member.initial_value, node), member.initial_value)
            else:
                value = following
            if not low <= value <= high:
                _fail(where, "EnumeratorValueOutOfBounds",
                      f"Enumerator value is out of range for the underlying type '{type_name}'.")
            members.append((member.name, value))
            following = value + 1
        return members

    def _constant(self, expr: A.Ast, owner: A.TypeDefinitionAst) -> Any:
        """The value of an initializer pwsh accepts as constant: literals,
        arithmetic and bitwise operators, ``[T]::Member`` and ``[T]value``."""
        if isinstance(expr, A.ConstantExpressionAst):
            return expr.value
        if isinstance(expr, A.ParenExpressionAst):
            return self._constant(expr.pipeline, owner)
        if isinstance(expr, A.PipelineAst) and len(expr.pipeline_elements) == 1:
            return self._constant(expr.pipeline_elements[0], owner)
        if isinstance(expr, A.CommandExpressionAst) and not expr.redirections:
            return self._constant(expr.expression, owner)
        if isinstance(expr, A.UnaryExpressionAst) and expr.operator in _CONSTANT_UNARY:
            return UNARY_OPERATORS[expr.operator](self._constant(expr.child, owner))
        if isinstance(expr, A.BinaryExpressionAst) and expr.operator in _CONSTANT_BINARY:
            left = self._constant(expr.left, owner)
            return BINARY_OPERATORS[expr.operator](left, self._constant(expr.right, owner))
        if isinstance(expr, A.ConvertExpressionAst):
            return resolve_type(expr.type.type_name).convert(self._constant(expr.child, owner))
        if isinstance(expr, A.MemberExpressionAst) and expr.static \
                and isinstance(expr.expression, A.TypeExpressionAst) \
                and isinstance(expr.member, A.StringConstantExpressionAst):
            return self._type(expr.expression.type_name, owner).get_static(expr.member.value)
        _fail(expr.extent, "EnumeratorValueMustBeConstant", "Enumerator value must be a constant value.")

    def _type(self, type_name: A.TypeName, owner: A.TypeDefinitionAst) -> PSType:
        """A type an initializer names: an enum of the same block (defined
        now if it comes later) or any known type."""
        sibling = _sibling_definition(owner, type_name.full_name)
        if sibling is not None:
            return self.define(sibling)
        return resolve_type(type_name)

    @staticmethod
    def _integer(value: Any, expr: A.Ast) -> int:
        """An initializer's number; fractions round half to even, as .NET's
        conversions do.  Text, $true, NaN... are pwsh's CannotConvertValue."""
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)) or not _finite(value):
            text = value if isinstance(value, str) else expr.extent.text
            _fail(expr.extent, "CannotConvertValue", f'Cannot convert value "{text}" to type "System.Int32".')
        return int(value) if isinstance(value, int) else round_half_even(value)


def _finite(number: Any) -> bool:
    if isinstance(number, Decimal):
        return number.is_finite()
    return number == number and number not in (float("inf"), float("-inf"))


def _sibling_definition(owner: A.TypeDefinitionAst, name: str) -> Optional[A.TypeDefinitionAst]:
    parent = owner.parent
    for statement in getattr(parent, "statements", None) or ():
        if isinstance(statement, A.TypeDefinitionAst) and statement.name.lower() == name.lower():
            return statement
    return None


def _underlying(node: A.TypeDefinitionAst) -> tuple[int, int, str]:
    if not node.base_types:
        return (*_UNDERLYING["System.Int32"], "System.Int32")
    constraint = node.base_types[0]
    found = find_type(constraint.type_name.full_name)
    bounds = _UNDERLYING.get(found.full_name) if found is not None else None
    if bounds is None:
        _fail(constraint.extent, "InvalidUnderlyingType",
              f"'{constraint.type_name.full_name}' is not a valid underlying type for an enum; "
              "use byte, sbyte, short, ushort, int, uint, long or ulong.")
    return (*bounds, found.full_name)


def _is_flags(node: A.TypeDefinitionAst) -> bool:
    return any(isinstance(attribute, A.AttributeAst) and attribute.type_name.full_name.lower() in _FLAGS_NAMES
               for attribute in node.attributes)


def _fail(extent: A.Extent, error_id: str, text: str) -> NoReturn:
    raise ParseException(errors=[ParseError(error_id, text, extent)])
