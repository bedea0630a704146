"""Parameters declared with Python type annotations.

A plugin author writes ``top: Annotated[int, Range(1, 100)] = 100`` on a
cmdlet class instead of ``top = Parameter("Int32", validators=[...],
default=100)``; :func:`typed_parameters` turns such annotations into the
same :class:`~pwshlike.commands.parameter.Parameter` objects, so binding, help,
syntax and completion cannot tell the two spellings apart.

The Python type gives the PowerShell type (``str`` → String, ``int`` →
Int32, ``bool`` → SwitchParameter, ``list[str]`` → String[], ``Optional[X]``
→ X, ``Literal['a', 'b']`` → String with a ValidateSet, an ``enum.Enum`` →
its member names); the markers in ``Annotated`` carry the rest
(:class:`Param`, :class:`Alias`, the validators...).  A declaration that
cannot be mapped raises ``TypeError`` naming the class and attribute when
the class is decorated, so the author sees it in their first test.
"""

from __future__ import annotations

import enum
import re
import sys
import types
import typing
from abc import ABC, abstractmethod
from collections.abc import Sequence as AbcSequence
from typing import Any, Callable, Optional, Sequence

from .parameter import Parameter
from .validation import (
    validate_count, validate_length, validate_not_null, validate_not_null_or_empty, validate_pattern,
    validate_predicate, validate_range, validate_set,
)

_NO_DEFAULT = object()

# Attributes a cmdlet class may annotate that are not parameters.
_RESERVED = frozenset(("metadata", "command_name", "synopsis", "description", "help_examples", "help_inputs",
                       "help_outputs", "help_notes", "context", "invocation", "parameter_set_name",
                       "bound_parameters"))


# --- markers ------------------------------------------------------------------------------

class Param:
    """``[Parameter()]`` for an annotated attribute: the options of
    :class:`~pwshlike.commands.parameter.Parameter` except the type and the
    validators, which the annotation gives."""

    def __init__(self, *, mandatory: bool = False, position: Optional[int] = None,
                 value_from_pipeline: bool = False, value_from_pipeline_by_property_name: bool = False,
                 value_from_remaining_arguments: bool = False, help_message: Optional[str] = None,
                 sets: Optional[dict[str, dict[str, Any]]] = None, help: str = "", name: Optional[str] = None,
                 dont_show: bool = False, default_text: Optional[str] = None) -> None:
        self.options: dict[str, Any] = dict(
            mandatory=mandatory, position=position, value_from_pipeline=value_from_pipeline,
            value_from_pipeline_by_property_name=value_from_pipeline_by_property_name,
            value_from_remaining_arguments=value_from_remaining_arguments, help_message=help_message,
            sets=sets, help=help, name=name, dont_show=dont_show, default_text=default_text)


class Alias:
    """``[Alias('a', 'b')]``."""

    def __init__(self, *names: str) -> None:
        self.names = names


class PSType:
    """Overrides the type the annotation maps to: ``Annotated[bool,
    PSType("Boolean")]`` for a Boolean rather than a switch, or a type a
    plugin registered (``PSType("Widget", "Contoso.Widget")``)."""

    def __init__(self, type_name: str, full_type_name: Optional[str] = None) -> None:
        self.type_name = type_name
        self.full_type_name = full_type_name


class _Flag:
    """A marker that switches one Parameter option on."""

    option = ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class SupportsWildcards(_Flag):
    """``[SupportsWildcards()]``: help says the parameter accepts wildcards."""

    option = "supports_wildcards"


class AllowNull(_Flag):
    """``[AllowNull()]``."""

    option = "allow_null"


class AllowEmptyString(_Flag):
    """``[AllowEmptyString()]``."""

    option = "allow_empty_string"


class AllowEmptyCollection(_Flag):
    """``[AllowEmptyCollection()]``."""

    option = "allow_empty_collection"


class _ValidatorMarker(ABC):
    """A marker standing for one ``validate_*`` validator."""

    @abstractmethod
    def validator(self) -> Callable[[Any], None]:
        """The validator the marker stands for."""


class ValidateSet(_ValidatorMarker):
    """``[ValidateSet('Red', 'Green')]``: also what help and completion offer."""

    def __init__(self, *values: str, ignore_case: bool = True) -> None:
        if not values:
            raise TypeError("ValidateSet needs at least one value")
        self.values = tuple(str(v) for v in values)
        self.ignore_case = ignore_case

    def validator(self) -> Callable[[Any], None]:
        return validate_set(self.values, self.ignore_case)


class Range(_ValidatorMarker):
    """``[ValidateRange(min, max)]`` or ``Range("Positive")`` (NonNegative,
    Negative, NonPositive)."""

    def __init__(self, minimum: Any, maximum: Any = None) -> None:
        self.minimum, self.maximum = minimum, maximum

    def validator(self) -> Callable[[Any], None]:
        return validate_range(self.minimum, self.maximum)


class Length(_ValidatorMarker):
    """``[ValidateLength(min, max)]``."""

    def __init__(self, minimum: int, maximum: int) -> None:
        self.minimum, self.maximum = minimum, maximum

    def validator(self) -> Callable[[Any], None]:
        return validate_length(self.minimum, self.maximum)


class Count(_ValidatorMarker):
    """``[ValidateCount(min, max)]``."""

    def __init__(self, minimum: int, maximum: int) -> None:
        self.minimum, self.maximum = minimum, maximum

    def validator(self) -> Callable[[Any], None]:
        return validate_count(self.minimum, self.maximum)


class Pattern(_ValidatorMarker):
    """``[ValidatePattern(regex)]`` (case-insensitive unless ``options``
    omits IgnoreCase, as pwsh's)."""

    def __init__(self, regex: str, options: Optional[str] = None) -> None:
        self.regex, self.options = regex, options

    def validator(self) -> Callable[[Any], None]:
        return validate_pattern(self.regex, self.options)


class NotNull(_ValidatorMarker):
    """``[ValidateNotNull()]``."""

    def validator(self) -> Callable[[Any], None]:
        return validate_not_null()


class NotNullOrEmpty(_ValidatorMarker):
    """``[ValidateNotNullOrEmpty()]``."""

    def validator(self) -> Callable[[Any], None]:
        return validate_not_null_or_empty()


class Check(_ValidatorMarker):
    """``[ValidateScript()]`` with a Python predicate: ``Check(lambda n: n % 2
    == 0, "$_ % 2 -eq 0")``.  Each element of the argument is passed to
    ``predicate``; a falsy result fails with pwsh's ValidateScript message,
    quoting ``description`` (default: the predicate's name) where pwsh
    quotes the script.  The predicate may also raise ``ValidationError``
    with a message of its own."""

    def __init__(self, predicate: Callable[[Any], Any], description: Optional[str] = None) -> None:
        self.predicate = predicate
        self.description = description or getattr(predicate, "__name__", "check")

    def validator(self) -> Callable[[Any], None]:
        return validate_predicate(self.predicate, self.description)


# --- types ----------------------------------------------------------------------------------

def _simple_types() -> dict[Any, str]:
    """Read when a class is decorated, not at start-up (no datetime,
    decimal or uuid import for a plugin that merely registers)."""
    import datetime
    import decimal
    import uuid

    from pwshlike.dotnet.values import Hashtable, OrderedDictionary, PSCustomObject
    from pwshlike.dotnet.credentials import PSCredential, SecureString
    return {str: "String", int: "Int32", float: "Double", bool: "SwitchParameter", object: "Object",
            typing.Any: "Object", datetime.datetime: "DateTime", datetime.timedelta: "TimeSpan",
            uuid.UUID: "Guid", decimal.Decimal: "Decimal", dict: "Hashtable", Hashtable: "Hashtable",
            OrderedDictionary: "System.Collections.Specialized.OrderedDictionary",
            PSCustomObject: "PSObject", PSCredential: "PSCredential", SecureString: "SecureString"}


# Element types inside an array: a bool element is a Boolean, not a switch.
_ELEMENT_OVERRIDES = {"SwitchParameter": "Boolean"}


class EnumConverter:
    """Converts arguments to a Python ``enum.Enum`` by member name
    (case-insensitive) or value, as pwsh converts to an enum; an array
    parameter converts each element."""

    def __init__(self, enum_class: type, type_name: str, is_array: bool) -> None:
        self.enum_class = enum_class
        self.type_name = type_name
        self.is_array = is_array
        self._by_name = {name.lower(): member for name, member in enum_class.__members__.items()}

    def _one(self, value: Any) -> Any:
        if isinstance(value, self.enum_class):
            return value
        from pwshlike.dotnet.conversions import cast_error, to_string
        text = to_string(value)
        found = self._by_name.get(text.strip().lower())
        if found is not None:
            return found
        for member in self.enum_class:  # type: ignore[attr-defined]
            if member.value == value or to_string(member.value) == text:
                return member
        names = ", ".join(self.enum_class.__members__)
        raise cast_error(value, self.type_name, f"Unable to match the identifier name {text} to a valid "
                                                f"enumerator name. Specify one of the following enumerator "
                                                f"names and try again:\n{names}")

    def __call__(self, value: Any) -> Any:
        if not self.is_array:
            return self._one(value)
        from pwshlike.dotnet.values import iter_collection
        items = iter_collection(value)
        return [self._one(v) for v in (items if items is not None else [value])]

    def is_instance(self, value: Any) -> bool:
        if self.is_array:
            return isinstance(value, list) and all(isinstance(v, self.enum_class) for v in value)
        return isinstance(value, self.enum_class)


class _Mapped:
    """What a Python type maps to."""

    def __init__(self, type_name: str, converter: Optional[Any] = None,
                 validators: Sequence[Callable[[Any], None]] = (), accepted_values: Sequence[str] = ()) -> None:
        self.type_name = type_name
        self.converter = converter
        self.validators = list(validators)
        self.accepted_values = tuple(accepted_values)


def _unwrap_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"a union of several types ({tp!r}) has no PowerShell type; use one type or object")
        return args[0]
    return tp


def map_type(tp: Any, element: bool = False) -> _Mapped:
    """The PowerShell type (and converter, validators) of a Python type."""
    tp = _unwrap_optional(tp)
    origin = typing.get_origin(tp)
    if origin in (list, tuple, set, frozenset, AbcSequence, typing.Sequence) or tp in (list, tuple):
        if element:
            raise TypeError(f"nested collections ({tp!r}) have no PowerShell parameter type")
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        if origin is tuple and len(args) > 1 and len(set(args)) > 1:
            raise TypeError(f"a fixed tuple ({tp!r}) has no PowerShell type; use tuple[X, ...] or list[X]")
        if not args:
            return _Mapped("Object[]")
        inner = map_type(args[0], element=True)
        if isinstance(inner.converter, EnumConverter):
            inner.converter = EnumConverter(inner.converter.enum_class, inner.type_name + "[]", True)
        return _Mapped(inner.type_name + "[]", inner.converter, inner.validators, inner.accepted_values)
    if origin is typing.Literal:
        values = typing.get_args(tp)
        if not all(isinstance(v, str) for v in values):
            raise TypeError(f"{tp!r}: only Literal strings map to a ValidateSet")
        return _Mapped("String", validators=[validate_set(list(values))])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        type_name = str(getattr(tp, "__pstype__", tp.__name__))
        return _Mapped(type_name, EnumConverter(tp, type_name, False), accepted_values=list(tp.__members__))
    simple = _simple_types().get(tp)
    if simple is None:
        raise TypeError(f"{tp!r} has no PowerShell parameter type (use str, int, float, bool, datetime, list[...], "
                        "an Enum, Hashtable, PSCredential, SecureString, object, or Annotated[..., PSType(name)])")
    if element:
        simple = _ELEMENT_OVERRIDES.get(simple, simple)
    return _Mapped(simple)


# --- the class walk ----------------------------------------------------------------------------

def _own_annotations(cls: type, base: type) -> list[tuple[str, Any]]:
    """(attribute, annotation) pairs of the cmdlet classes in the MRO,
    base classes first, leaving out the framework's own ``base`` (Cmdlet)
    and ``ClassVar`` annotations."""
    pairs: list[tuple[str, Any]] = []
    seen: set[str] = set()
    for klass in reversed(cls.__mro__):
        if klass is base or klass is object or not issubclass(klass, base):
            continue
        for attribute, raw in klass.__dict__.get("__annotations__", {}).items():
            if attribute in seen or attribute.startswith("_") or attribute in _RESERVED:
                continue
            seen.add(attribute)
            annotation = _resolve(klass, attribute, raw)
            if annotation is not typing.ClassVar and typing.get_origin(annotation) is not typing.ClassVar:
                pairs.append((attribute, annotation))
    return pairs


_CLASS_VAR = re.compile(r"^\s*(typing\.)?ClassVar\b")


def _resolve(klass: type, attribute: str, raw: Any) -> Any:
    """One annotation, evaluated if it is a string (``from __future__
    import annotations``) in the class's module, as ``get_type_hints``
    would; a ``ClassVar`` string is not evaluated, so it may name types
    imported only for type checkers."""
    if not isinstance(raw, str):
        return raw
    if _CLASS_VAR.match(raw):
        return typing.ClassVar
    module = sys.modules.get(klass.__module__)
    try:
        return eval(raw, dict(vars(module)) if module is not None else {}, dict(vars(klass)))  # noqa: S307
    except Exception as exc:  # a name the module does not define
        raise TypeError(f"{klass.__name__}.{attribute}: cannot resolve the annotation {raw!r}: {exc}") from None


def typed_parameters(cls: type, base: type) -> list[Any]:
    """Builds a ``Parameter`` for every annotated attribute of ``cls`` (see
    the module docstring), sets it on the class in place of its default and
    returns them.  ``ClassVar`` annotations, names starting with ``_`` and
    the annotations of ``base`` (the Cmdlet class the decorator passes) are
    left alone."""
    built = []
    for attribute, annotation in _own_annotations(cls, base):
        current = _class_default(cls, attribute)
        if isinstance(current, Parameter) or callable(current) and not isinstance(current, type) \
                and not isinstance(current, enum.Enum):
            continue  # a Parameter(...) attribute (annotated for type checkers) or a method
        try:
            parameter = _parameter(annotation, current)
        except TypeError as exc:
            raise TypeError(f"{cls.__name__}.{attribute}: {exc}") from None
        setattr(cls, attribute, parameter)
        parameter.__set_name__(cls, attribute)
        built.append(parameter)
    return built


def declaration_order(cls: type) -> list[str]:
    """The class's attribute names in declaration order, base classes
    first, each once.  An annotated attribute without a default is not in
    the class ``__dict__``: it goes just before the next annotated
    attribute that has one, or last, which is where it was written unless
    ``Parameter(...)`` attributes sit between them."""
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        own = list(klass.__dict__)
        annotations = list(klass.__dict__.get("__annotations__", {}))
        for index, attribute in enumerate(annotations):
            if attribute in own:
                continue
            later = [a for a in annotations[index + 1:] if a in own]
            own.insert(own.index(later[0]) if later else len(own), attribute)
        names.extend(attribute for attribute in own if attribute not in names)  # a redefinition keeps its place
    return names


def _class_default(cls: type, attribute: str) -> Any:
    for klass in cls.__mro__:
        if attribute in klass.__dict__:
            return klass.__dict__[attribute]
    return _NO_DEFAULT


def _parameter(annotation: Any, default: Any) -> Any:
    base, markers = annotation, ()
    if typing.get_origin(annotation) is typing.Annotated:
        base, markers = annotation.__origin__, annotation.__metadata__
    options: dict[str, Any] = {}
    aliases: list[str] = []
    validators: list[Callable[[Any], None]] = []
    override: Optional[PSType] = None
    for marker in markers:
        if isinstance(marker, type) and issubclass(marker, (_Flag, _ValidatorMarker)):
            raise TypeError(f"write {marker.__name__}() with parentheses")
        if isinstance(marker, Param):
            options.update({k: v for k, v in marker.options.items() if v is not None})
        elif isinstance(marker, Alias):
            aliases.extend(marker.names)
        elif isinstance(marker, PSType):
            override = marker
        elif isinstance(marker, _Flag):
            options[marker.option] = True
        elif isinstance(marker, _ValidatorMarker):
            validators.append(marker.validator())
        elif callable(marker):  # a validate_*() validator written directly
            validators.append(marker)
        else:
            raise TypeError(f"{marker!r} is not a parameter marker (Param, Alias, PSType, ValidateSet, Range...)")
    if override is not None:
        mapped = _Mapped(override.type_name)
        full_type_name = override.full_type_name
    else:
        mapped = map_type(base)
        full_type_name = None
    is_switch = mapped.type_name == "SwitchParameter"
    if is_switch and default not in (_NO_DEFAULT, False, None):
        raise TypeError("a switch (bool) parameter's default must be False")
    if mapped.accepted_values:
        options.setdefault("accepted_values", mapped.accepted_values)
    return Parameter(mapped.type_name, aliases=aliases, validators=mapped.validators + validators,
                     converter=mapped.converter, full_type_name=full_type_name,
                     default=None if default is _NO_DEFAULT or (is_switch and default is None) else default,
                     **options)


__all__ = ["Param", "Alias", "PSType", "SupportsWildcards", "AllowNull", "AllowEmptyString", "AllowEmptyCollection",
           "ValidateSet", "Range", "Length", "Count", "Pattern", "NotNull", "NotNullOrEmpty", "Check",
           "typed_parameters", "map_type", "EnumConverter"]
