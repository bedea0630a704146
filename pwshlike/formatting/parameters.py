"""Format-Table/List/Wide's ``-Property`` and ``-GroupBy`` values.

Each value is a property name (wildcards allowed), a script block, or a
hashtable with pwsh's keys, any unambiguous prefix accepted:

* Format-Table: ``Expression``, ``Label`` (or ``Name``), ``FormatString``,
  ``Width``, ``Alignment`` (``Left``/``Center``/``Right``, prefixes too);
* Format-List: ``Expression``, ``Label``, ``FormatString``;
* Format-Wide: ``Expression``, ``FormatString``;
* ``-GroupBy``: ``Expression``, ``Label``, ``FormatString``.

Invalid values raise :class:`FormatParameterError` carrying pwsh's error
id and message (``The x key is not valid.``); the cmdlet turns it into a
terminating error.
"""

from __future__ import annotations

from ..dotnet.types import type_of
from ..dotnet.values import Hashtable
from .expressions import PropertyExpression
from .views import CENTER, LEFT, RIGHT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Sequence

_STRING = "System.String"
_SCRIPT = "System.Management.Automation.ScriptBlock"
_INT = "System.Int32"


class FormatParameterError(Exception):
    """A -Property/-GroupBy value pwsh rejects: ``error_id`` and ``message``."""

    def __init__(self, error_id: str, message: str) -> None:
        super().__init__(message)
        self.error_id = error_id
        self.message = message


class PropertyParameter:
    """One processed -Property entry (pwsh's ``MshParameter``)."""

    __slots__ = ("expression", "label", "width", "alignment", "format_string")

    def __init__(self, expression: PropertyExpression, label: Optional[str] = None, width: int = 0,
                 alignment: Optional[str] = None, format_string: Optional[str] = None) -> None:
        self.expression = expression
        self.label = label
        self.width = width
        self.alignment = alignment
        self.format_string = format_string


# key name -> (other names, allowed types)
_KEYS = {
    "expression": ((), (_STRING, _SCRIPT)),
    "formatString": ((), (_STRING,)),
    "width": ((), (_INT,)),
    "alignment": ((), (_STRING,)),
    "label": (("name",), (_STRING,)),
}
TABLE_KEYS = ("expression", "formatString", "width", "alignment", "label")
LIST_KEYS = ("expression", "formatString", "label")
WIDE_KEYS = ("expression", "formatString")
GROUP_KEYS = ("expression", "formatString", "label")

_ALIGNMENT_VALUES = (("left", LEFT), ("center", CENTER), ("right", RIGHT))


def _is_script_block(value: Any) -> bool:
    return hasattr(value, "invoke_with_input") and not isinstance(value, str)


def _type_name(value: Any) -> str:
    if isinstance(value, str):
        return _STRING
    if _is_script_block(value):
        return _SCRIPT
    return type_of(value).full_name


def _prefix_of(key: str, name: str) -> bool:
    low = key.lower()
    return low == name.lower() or (len(low) < len(name) and name.lower().startswith(low))


def _match_key(key: str, allowed: Sequence[str]) -> str:
    found: Optional[str] = None
    for name in allowed:
        others, _types = _KEYS[name]
        if any(_prefix_of(key, candidate) for candidate in (name, *others)):
            if found is not None:
                raise FormatParameterError("DictionaryKeyAmbiguous",
                                           f"The {key} key is ambiguous; {found} and {name} conflict.")
            found = name
    if found is None:
        raise FormatParameterError("DictionaryKeyIllegal", f"The {key} key is not valid.")
    return found


def _check_type(key: str, name: str, value: Any) -> None:
    if value is None:
        raise FormatParameterError("DictionaryKeyMissingValue", f"The {key} key has no value.")
    allowed = _KEYS[name][1]
    actual = _type_name(value)
    if actual in allowed:
        return
    if len(allowed) > 1:
        raise FormatParameterError(
            "DictionaryKeyIllegalValue1",
            f'The "{key}" key has a type, {actual}, that is not valid; expected types are '
            f'{{{", ".join(allowed)}}}.')
    raise FormatParameterError(
        "DictionaryKeyIllegalValue2",
        f'The "{key}" key has a type, {actual}, that is not valid; expected type is {allowed[0]}.')


def _expression(value: Any, from_hashtable: bool) -> PropertyExpression:
    if isinstance(value, str) and value == "":
        if from_hashtable:
            raise FormatParameterError("ExpressionEmptyString1",
                                       'The "expression" key cannot have an empty string value.')
        raise FormatParameterError("ExpressionEmptyString2", "An empty string value is not allowed.")
    return PropertyExpression(value)


def _alignment(value: str, key: str) -> str:
    for legal, canonical in _ALIGNMENT_VALUES:
        if value and _prefix_of(value, legal):
            return canonical
    raise FormatParameterError(
        "AlignmentIllegalValue",
        f'The value "{value}" for key "{key}" is not valid; valid values are {{left, center, right}}.')


def non_string_key_message(key: Any) -> str:
    """pwsh's DictionaryKeyNonString message, for the format cmdlets and
    ConvertTo-Html alike: the key's .NET type name (GetType().Name, such as
    Int32), never Python's."""
    return f"The {type_of(key).name} key type is not valid. The key must be a string."


def _from_hashtable(table: Any, allowed: Sequence[str]) -> PropertyParameter:
    entries: dict[str, Any] = {}
    keys: dict[str, str] = {}
    for key, value in table.items():
        if key is None:
            raise FormatParameterError("DictionaryKeyNull", "The value of a key cannot be null.")
        if not isinstance(key, str):
            raise FormatParameterError("DictionaryKeyNonString", non_string_key_message(key))
        name = _match_key(key, allowed)
        if name in entries:
            raise FormatParameterError("DictionaryKeyDuplicate",
                                       f'The duplicated key "{key}" conflicts with "{name}".')
        _check_type(key, name, value)
        entries[name] = value
        keys[name] = key
    if "expression" not in entries:
        raise FormatParameterError("DictionaryKeyMandatoryEntry", "A mandatory entry for expression is missing.")
    param = PropertyParameter(_expression(entries["expression"], True))
    if "label" in entries:
        param.label = entries["label"]
    if "formatString" in entries:
        if not entries["formatString"]:
            raise FormatParameterError("FormatStringEmpty",
                                       f'Cannot have an empty formatting string for key "{keys["formatString"]}".')
        param.format_string = entries["formatString"]
    if "width" in entries:
        width = int(entries["width"])
        if width <= 0:
            raise FormatParameterError("WidthOutOfRange",
                                       f'The value "{width}" for key "{keys["width"]}" should be greater than 0.')
        param.width = width
    if "alignment" in entries:
        param.alignment = _alignment(entries["alignment"], keys["alignment"])
    return param


def process_parameters(values: Optional[Sequence[Any]], allowed: Sequence[str]) -> list[PropertyParameter]:
    """pwsh's ``ParameterProcessor.ProcessParameters`` for one command's keys."""
    result: list[PropertyParameter] = []
    for value in values or ():
        if isinstance(value, (Hashtable, dict)):
            result.append(_from_hashtable(value, allowed))
        elif isinstance(value, str) or _is_script_block(value):
            result.append(PropertyParameter(_expression(value, False)))
        elif value is None:
            raise FormatParameterError(
                "DictionaryKeyUnknownType",
                f"The value of a parameter was null; one of the following types was expected: "
                f"{{{_STRING}, {_SCRIPT}}}.")
        else:
            raise FormatParameterError(
                "DictionaryKeyUnknownType",
                f"Cannot convert {type_of(value).full_name} to one of the following types {{{_STRING}, {_SCRIPT}}}.")
    return result
