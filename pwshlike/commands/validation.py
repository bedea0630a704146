"""The [Validate*] attributes as validator callables.

Each factory returns ``validate(value) -> None`` raising
:class:`ValidationError` with the text of PowerShell's Metadata.resx; the
binder prefixes it with "Cannot validate argument on parameter 'X'.".
Element validators (set, pattern, range, length) check each element of a
collection, as pwsh's ValidateEnumeratedArgumentsAttribute does.
"""

from __future__ import annotations

from .metadata import ValidationError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional, Sequence
    Validator = Callable[[Any], None]


def _elements(value: Any) -> Iterable[Any]:
    from pwshlike.dotnet.values import iter_collection
    items = iter_collection(value)
    return [value] if items is None else list(items)


def _text(value: Any) -> str:
    from pwshlike.dotnet.conversions import to_string
    return to_string(value)


def _custom_message(error_message: Optional[str], item: Any, detail: str, error_id: str) -> Optional[ValidationError]:
    """A validation attribute's ``ErrorMessage``: a .NET format string of
    the failing element ({0}) and what it was checked against ({1})."""
    if error_message is None:
        return None
    from pwshlike.dotnet.formatting_net import composite_format
    return ValidationError(composite_format(error_message, [item, detail]), error_id)


def validate_set(values: Sequence[str], ignore_case: bool = True, error_message: Optional[str] = None) -> Validator:
    allowed = [str(v) for v in values]
    folded = {v.lower() for v in allowed} if ignore_case else set(allowed)

    def validate(value: Any) -> None:
        for item in _elements(value):
            text = _text(item)
            if (text.lower() if ignore_case else text) not in folded:
                raise _custom_message(error_message, item, ",".join(allowed), "ValidateSetFailure") or ValidationError(
                    f'The argument "{text}" does not belong to the set "{",".join(allowed)}" specified '
                    'by the ValidateSet attribute. Supply an argument that is in the set and then try '
                    'the command again.', "ValidateSetFailure")

    validate.accepted_values = tuple(allowed)  # type: ignore[attr-defined]
    return validate


def validate_not_null() -> Validator:
    def validate(value: Any) -> None:
        if value is None:
            raise ValidationError("The argument is null. Provide a valid value for the argument, and then "
                                  "try running the command again.", "ArgumentIsNull")
        if isinstance(value, list) and any(v is None for v in value):
            raise ValidationError("The argument has a null value, or an element of the argument collection "
                                  "contains a null value. Provide a collection that does not contain any "
                                  "null values, and then try the command again.", "ArgumentIsNull")
    return validate


def validate_not_null_or_empty() -> Validator:
    def validate(value: Any) -> None:
        if isinstance(value, list):
            if not value or any(v is None or v == "" for v in value):
                raise ValidationError(
                    "The argument is null, empty, or an element of the argument collection contains a "
                    "null value. Supply a collection that does not contain any null values and then try "
                    "the command again.", "ArgumentIsEmpty")
        elif value is None or value == "":
            raise ValidationError("The argument is null or empty. Provide an argument that is not null or "
                                  "empty, and then try the command again.", "ArgumentIsEmpty")
    return validate


_RANGE_KINDS = {
    "positive": (lambda v, zero: v > zero, "is not greater than zero"),
    "nonnegative": (lambda v, zero: v >= zero, "is not greater than or equal to zero"),
    "negative": (lambda v, zero: v < zero, "is not less than zero"),
    "nonpositive": (lambda v, zero: v <= zero, "is not less than or equal to zero"),
}


def _zero_like(value: Any) -> Any:
    """Zero in the value's own type: range kinds apply to TimeSpan too."""
    import datetime
    return datetime.timedelta(0) if isinstance(value, datetime.timedelta) else 0


def _range_elements(value: Any) -> Iterable[Any]:
    """The elements ValidateRange checks, refusing $null as pwsh's
    ValidateEnumeratedArgumentsAttribute (the whole argument) and
    ValidateRangeAttribute (an element) do."""
    if value is None:
        raise ValidationError("The argument is null, empty, or an element of the argument collection contains a "
                              "null value. Supply a collection that does not contain any null values and then try "
                              "the command again.", "ArgumentIsEmpty")
    items = _elements(value)
    if any(item is None for item in items):
        raise ValidationError("The argument is null. Provide a valid value for the argument, and then try running "
                              "the command again.", "ArgumentIsEmpty")
    return items


def validate_range(minimum: Any, maximum: Any = None) -> Validator:
    """``ValidateRange(min, max)`` or ``ValidateRange('Positive')``."""
    if maximum is None and isinstance(minimum, str) and minimum.lower() in _RANGE_KINDS:
        check, words = _RANGE_KINDS[minimum.lower()]

        def validate_kind(value: Any) -> None:
            for item in _range_elements(value):
                if not check(item, _zero_like(item)):
                    raise ValidationError(f'The argument "{_text(item)}" cannot be validated because its '
                                          f'value {words}.', "ValidateRangeFailure")
        return validate_kind

    def validate(value: Any) -> None:
        from pwshlike.dotnet.conversions import convert_to
        from pwshlike.dotnet.types import type_of
        for item in _range_elements(value):
            # bounds compare in the argument's type, as pwsh converts them
            low, high = convert_to(minimum, type_of(item)), convert_to(maximum, type_of(item))
            if item < low:
                raise ValidationError(
                    f"The {_text(item)} argument is less than the minimum allowed range of {_text(minimum)}. "
                    f"Supply an argument that is greater than or equal to {_text(minimum)} and then try the "
                    "command again.", "ValidateRangeTooSmall")
            if item > high:
                raise ValidationError(
                    f"The {_text(item)} argument is greater than the maximum allowed range of "
                    f"{_text(maximum)}. Supply an argument that is less than or equal to {_text(maximum)} "
                    "and then try the command again.", "ValidateRangeTooBig")
    return validate


def validate_pattern(pattern: str, options: Optional[Any] = None, error_message: Optional[str] = None) -> Validator:
    import re
    flags = re.IGNORECASE
    if options is not None and "ignorecase" not in _text(options).lower():
        flags = 0
    compiled = re.compile(pattern, flags)

    def validate(value: Any) -> None:
        for item in _elements(value):
            text = _text(item)
            if not compiled.search(text):
                raise _custom_message(error_message, item, pattern, "ValidatePatternFailure") or ValidationError(
                    f'The argument "{text}" does not match the "{pattern}" pattern. Supply an argument that '
                    f'matches "{pattern}" and try the command again.', "ValidatePatternFailure")
    return validate


def validate_length(minimum: int, maximum: int) -> Validator:
    def validate(value: Any) -> None:
        for item in _elements(value):
            text = _text(item)
            if len(text) < minimum:
                raise ValidationError(
                    f'The character length ({len(text)}) of the argument is too short. Specify an argument '
                    f'with a length that is greater than or equal to "{minimum}", and then try the command '
                    'again.', "ValidateLengthMinLengthFailure")
            if len(text) > maximum:
                raise ValidationError(
                    f'The character length of the {len(text)} argument is too long. Shorten the character '
                    f'length of the argument so it is fewer than or equal to "{maximum}" characters, and '
                    'then try the command again.', "ValidateLengthMaxLengthFailure")
    return validate


def validate_count(minimum: int, maximum: int) -> Validator:
    def validate(value: Any) -> None:
        count = len(value) if isinstance(value, list) else (0 if value is None else 1)
        if minimum <= count <= maximum:
            return
        if minimum == maximum:
            raise ValidationError(f"The parameter requires exactly {minimum} value(s) - {count} value(s) "
                                  "were provided.", "ValidateCountExactFailure")
        raise ValidationError(f"The parameter requires at least {minimum} value(s) and no more than "
                              f"{maximum} value(s) - {count} value(s) were provided.",
                              "ValidateCountMinMaxFailure")
    return validate


def validate_script(script_block: Any, error_message: Optional[str] = None) -> Validator:
    """``ValidateScript({...})``: $_ is each element; a falsy result fails."""
    from pwshlike.dotnet.conversions import to_bool

    def validate(value: Any) -> None:
        for item in _elements(value):
            result = script_block.invoke_with_input(item)
            if not to_bool(result):
                raise _custom_message(error_message, item, str(script_block), "ValidateScriptFailure") or \
                    ValidationError(f'The "{script_block}" validation script for the argument with value '
                                    f'"{_text(item)}" did not return a result of True. Determine why the validation '
                                    'script failed, and then try the command again.', "ValidateScriptFailure")
    return validate


def validate_predicate(predicate: Callable[[Any], Any], description: str) -> Validator:
    """ValidateScript with a Python predicate: each element is passed to
    ``predicate``; a falsy result fails with pwsh's ValidateScript text,
    ``description`` standing where pwsh quotes the script.  A predicate
    may raise ``ValidationError`` with its own message instead."""

    def validate(value: Any) -> None:
        for item in _elements(value):
            if not predicate(item):
                raise ValidationError(
                    f'The "{description}" validation script for the argument with value "{_text(item)}" '
                    'did not return a result of True. Determine why the validation script failed, and then '
                    'try the command again.', "ValidateScriptFailure")
    return validate
