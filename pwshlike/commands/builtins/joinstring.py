"""Join-String: joins the pipeline's objects (or one property of each) into
one string.

Follows pwsh's JoinStringCommand: ``$null`` input is skipped, an object
without the property still counts (it adds an empty item), and the
separator is ``$OFS`` read when it is needed unless -Separator gave a
non-null string.  -FormatString formats the value itself, not its text, so
``{0:N2}`` works on numbers.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import DotNetException, ErrorCategory, ErrorRecord

from .propexpr import MISSING, PropertyExpression


def _property_expression(value: Any) -> PropertyExpression:
    """A PSPropertyExpression from a name or a script block, its only
    constructors: anything else is pwsh's conversion error."""
    if hasattr(value, "invoke_with_input"):
        return PropertyExpression(script=value)
    if isinstance(value, str):
        return PropertyExpression(value)
    from pwshlike.dotnet.conversions import cast_error
    raise cast_error(value, "Microsoft.PowerShell.Commands.PSPropertyExpression")


@cmdlet("Join-String", default_parameter_set="default", output_types=("System.String",))
class JoinStringCommand(Cmdlet):
    """Joins the input objects, or a property of each, into a single string.

    Each object (or the value of -Property on it, a property name or a
    script block that sees the object as $_) is converted to text and the
    pieces are joined with -Separator, which defaults to $OFS (an empty
    string when $OFS is not set).  The pieces can be quoted (-SingleQuote,
    -DoubleQuote) or formatted with a .NET format string (-FormatString),
    and the whole result can get a prefix and a suffix.  $null input is
    skipped.  Text is made with the invariant culture unless -UseCulture is
    given."""

    help_examples = [
        ("Example 1: Join names with a comma", "Get-ChildItem | Join-String -Property Name -Separator ', '",
         "Returns one string with the names of the current folder's items, separated by a comma and a space."),
        ("Example 2: Quote each item", "'a', 'b', 'c' | Join-String -SingleQuote -Separator ','",
         "Returns 'a','b','c'."),
        ("Example 3: Format numbers and wrap the result",
         "1.5, 2.25 | Join-String -FormatString '{0:N2}' -Separator '; ' -OutputPrefix 'Values: '",
         "Returns Values: 1.50; 2.25."),
        ("Example 4: Join the output of a script block", "Get-Process | Join-String { $_.Id } -Separator ' '",
         "Returns the process ids separated by spaces."),
    ]

    property = Parameter("PSPropertyExpression", position=0, converter=_property_expression,
                         help="A property name, or a script block run with $_ set to each object, giving the "
                              "value to join instead of the object itself.")
    separator = Parameter("String", position=1, allow_empty_string=True,
                          help="The text put between two items. When omitted or $null, $OFS is used.")
    output_prefix = Parameter("String", aliases=("op",), help="Text put at the start of the result.")
    output_suffix = Parameter("String", aliases=("os",), help="Text put at the end of the result.")
    single_quote = Parameter("SwitchParameter", sets={"SingleQuote": {}},
                             help="Wraps each item in single quotes.")
    double_quote = Parameter("SwitchParameter", sets={"DoubleQuote": {}},
                             help="Wraps each item in double quotes.")
    format_string = Parameter("String", sets={"Format": {}},
                              help="A .NET composite format string applied to each item, such as '[{0}]' or "
                                   "'{0:N2}'.")
    use_culture = Parameter("SwitchParameter",
                            help="Converts the items to text with the current culture instead of the invariant "
                                 "culture.")
    input_object = Parameter("PSObject[]", value_from_pipeline=True, help="The objects to join.")

    def begin_processing(self) -> None:
        self._quote = "'" if self.single_quote else '"' if self.double_quote else ""
        self._parts: list[str] = [self.output_prefix or ""]
        self._first = True

    def _separator(self) -> str:
        if self.separator is not None:
            return self.separator
        return to_string(self.context.get_variable_value("OFS"))

    def _value(self, obj: Any) -> Any:
        expression: Optional[PropertyExpression] = self.property
        if expression is None:
            return obj
        if expression.script is None and expression.has_wildcards:
            names = expression.resolve_names(obj)
            if not names:
                return None
            expression = names[0]
        try:
            value = expression.value(obj)
        except DotNetException:  # pwsh evaluates with eatExceptions: a failing script gives $null
            return None
        return None if value is MISSING else value

    def process_record(self) -> None:
        for obj in self.input_object or ():
            if obj is None:
                continue
            value = self._value(obj)
            if self._first:
                self._first = False
            else:
                self._parts.append(self._separator())
            if self._quote:
                self._parts.append(self._quote + self._text(value) + self._quote)
            elif not self.format_string:
                self._parts.append(self._text(value))
            else:
                self._parts.append(self._format(value))

    def _culture(self) -> Any:
        """pwsh's: the invariant culture, the current one with -UseCulture."""
        from pwshlike.dotnet.cultures import current, invariant
        return current() if self.use_culture else invariant()

    def _text(self, value: Any) -> str:
        if not self.use_culture:
            return to_string(value)
        from pwshlike.dotnet.formatting_net import cast_text
        return cast_text(value, self._culture())

    def _format(self, value: Any) -> str:
        from pwshlike.dotnet.formatting_net import composite_format
        try:
            return composite_format(self.format_string, [value], self._culture())
        except DotNetException as exc:
            self.throw_terminating_error(ErrorRecord(exc, "System.FormatException", ErrorCategory.NotSpecified, None))
            raise

    def end_processing(self) -> Iterator[str]:
        self._parts.append(self.output_suffix or "")
        yield "".join(self._parts)
