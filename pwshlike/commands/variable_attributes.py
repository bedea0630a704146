"""Validation attributes on variables: ``[ValidateRange(1, 5)][int]$x = 3``.

The engine asks the installed ``attribute_resolver`` for a checker when it
compiles such an assignment; the checker validates every later assignment
too, raising pwsh's ValidationMetadataException ("The variable cannot be
validated because the value 7 is not a valid value for the x variable.").
"""

from __future__ import annotations

from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import ErrorCategory, ValidationMetadataException

from .metadata import ValidationError
from .script_metadata import _attribute_name, attribute_validator

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class VariableChecker:
    __slots__ = ("validate",)

    def __init__(self, validate: Any) -> None:
        self.validate = validate

    def check_variable_value(self, name: str, value: Any) -> Any:
        try:
            self.validate(value)
        except ValidationError:
            raise ValidationMetadataException(
                f"The variable cannot be validated because the value {to_string(value)} is not a valid value "
                f"for the {name} variable.", error_id="ValidateSetFailure",
                category=ErrorCategory.MetadataError) from None
        return value


def resolve_variable_attribute(context: Any, attribute: Any) -> Optional[VariableChecker]:
    kind = _attribute_name(attribute)
    validator = attribute_validator(attribute, kind, context.eval_expression)
    return VariableChecker(validator) if validator is not None else None
