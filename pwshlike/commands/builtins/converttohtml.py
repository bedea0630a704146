"""ConvertTo-Html: objects as an XHTML table or list, one string per line.

The text is pwsh's ConvertToHtmlCommand's, line for line: the XHTML 1.0
Strict (or Transitional) DOCTYPE, ``<head>`` with the optional charset, meta
tags, title or -Head and stylesheet link, then ``<table>`` with a
``<colgroup>``, a header row and a row per object (or, with -As List, a
name/value row per property and ``<hr>`` rows between objects).  The
columns are resolved on the first object (all its properties unless
-Property names others); cell values are their .NET ``ToString()``,
HTML-encoded as ``WebUtility.HtmlEncode`` does.  -Fragment leaves out
everything but the table and -PreContent/-PostContent.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty, validate_pattern, validate_set
from pwshlike.dotnet.conversions import dotnet_to_string, to_string
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord, PSArgumentException
from pwshlike.dotnet.values import Hashtable
from pwshlike.formatting.expressions import PropertyExpression, is_failure
from pwshlike.formatting.parameters import non_string_key_message

_STRICT = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
_TRANSITIONAL = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"  '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
_HTTP_EQUIV = ("content-type", "default-style", "x-ua-compatible")
_NAMED_META = ("application-name", "author", "description", "generator", "keywords", "viewport")
_META_WARNING = ("Accepted meta properties are content-type, default-style, application-name, author, description, "
                 "generator, keywords, x-ua-compatible, and viewport. The meta pair: {0} and {1} may not function "
                 "correctly.")
# The -Property hashtable keys (any unambiguous prefix): name -> other spellings.
_KEYS = {"expression": (), "label": ("name",), "alignment": (), "width": ()}
_STRING = "System.String"
# The types each key's value may have (pwsh's HashtableEntryDefinitions).
_KEY_TYPES = {"expression": (_STRING, "System.Management.Automation.ScriptBlock"), "label": (_STRING,),
              "alignment": (_STRING,), "width": (_STRING, "System.Int32")}


def html_encode(text: str) -> str:
    """.NET's ``WebUtility.HtmlEncode``: the five markup characters as
    entities, Latin-1 supplement characters and characters outside the
    Basic Multilingual Plane as numeric references."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&#39;")
        elif ch == "&":
            out.append("&amp;")
        elif 0xA0 <= code <= 0xFF or code > 0xFFFF:
            out.append(f"&#{code};")
        else:
            out.append(ch)
    return "".join(out)


class _Column:
    """One processed -Property entry: the expression and its HTML extras."""

    __slots__ = ("expression", "label", "alignment", "width")

    def __init__(self, expression: PropertyExpression, label: Optional[str] = None,
                 alignment: Optional[str] = None, width: Optional[str] = None) -> None:
        self.expression = expression
        self.label = label
        self.alignment = alignment
        self.width = width


def _bad_property(error_id: str, message: str) -> PSArgumentException:
    exc = PSArgumentException(message, error_id=error_id)
    exc.category = ErrorCategory.InvalidArgument
    return exc


def _key_name(key: Any) -> str:
    if not isinstance(key, str):
        raise _bad_property("DictionaryKeyNonString", non_string_key_message(key))
    low = key.lower()
    found = [name for name, others in _KEYS.items()
             if any(candidate.startswith(low) for candidate in (name, *others))]
    if len(found) > 1:
        raise _bad_property("DictionaryKeyAmbiguous", f"The {key} key is ambiguous; {found[0]} and {found[1]} "
                                                      "conflict.")
    if not found:
        raise _bad_property("DictionaryKeyIllegal", f"The {key} key is not valid.")
    return found[0]


def _check_type(key: str, name: str, value: Any) -> None:
    from pwshlike.dotnet.types import type_of
    if value is None:
        raise _bad_property("DictionaryKeyMissingValue", f"The {key} key has no value.")
    allowed = _KEY_TYPES[name]
    actual = "System.Management.Automation.ScriptBlock" if hasattr(value, "invoke_with_input") \
        else type_of(value).full_name
    if actual in allowed:
        return
    if len(allowed) > 1:
        raise _bad_property("DictionaryKeyIllegalValue1", f'The "{key}" key has a type, {actual}, that is not '
                                                          f'valid; expected types are {{{", ".join(allowed)}}}.')
    raise _bad_property("DictionaryKeyIllegalValue2", f'The "{key}" key has a type, {actual}, that is not valid; '
                                                      f"expected type is {allowed[0]}.")


def _column(value: Any) -> _Column:
    """pwsh's ConvertHTMLExpressionParameterDefinition: a name, a script
    block, or a hashtable of Expression, Label (Name), Alignment, Width."""
    if isinstance(value, (Hashtable, dict)):
        entries: dict[str, Any] = {}
        for key, item in value.items():
            name = _key_name(key)
            if name in entries:
                raise _bad_property("DictionaryKeyDuplicate", f'The duplicated key "{key}" conflicts with "{name}".')
            _check_type(key, name, item)
            entries[name] = item
        if "expression" not in entries:
            raise _bad_property("DictionaryKeyMandatoryEntry", "A mandatory entry for expression is missing.")
        width = entries.get("width")
        return _Column(_expression(entries["expression"]), entries.get("label"), entries.get("alignment"),
                       None if width is None else to_string(width))
    return _Column(_expression(value))


def _expression(value: Any) -> PropertyExpression:
    if isinstance(value, str) or hasattr(value, "invoke_with_input"):
        if value == "":
            raise _bad_property("ExpressionEmptyString2", "An empty string value is not allowed.")
        return PropertyExpression(value)
    if value is None:
        raise _bad_property("DictionaryKeyUnknownType", "The value of a parameter was null; one of the following "
                                                        "types was expected: {System.String, "
                                                        "System.Management.Automation.ScriptBlock}.")
    from pwshlike.dotnet.types import type_of
    raise _bad_property("DictionaryKeyUnknownType", f"Cannot convert {type_of(value).full_name} to one of the "
                                                    "following types {System.String, "
                                                    "System.Management.Automation.ScriptBlock}.")


def _resolve_names(expression: PropertyExpression, obj: Any) -> list[PropertyExpression]:
    """PSPropertyExpression.ResolveNames: a dictionary's own properties
    (Keys, Values, Count...) count here, not its keys, as in pwsh."""
    if expression.name is None or not isinstance(obj, (Hashtable, dict)):
        return expression.resolve_names(obj)
    from pwshlike.dotnet import members
    from pwshlike.dotnet.wildcard import wildcard_match
    names = [p.Name for p in members.property_list(obj)]
    if expression.is_wildcard:
        return [PropertyExpression(n) for n in names if wildcard_match(n, expression.name)]
    return [PropertyExpression(n) for n in names if n.lower() == expression.name.lower()][:1]


@cmdlet("ConvertTo-Html", default_parameter_set="Page", output_types=("System.String",))
class ConvertToHtmlCommand(Cmdlet):
    """Converts objects into HTML that shows them as a table or a list.

    The output is a string per line of an XHTML page: its head (title, meta
    tags, a stylesheet link), then a table with a column per property and a
    row per object, or with -As List a two-column table per object.  The
    properties are those of the first object unless -Property chooses them
    (names, wildcards, script blocks or hashtables with Expression, Label,
    Width and Alignment keys).  Values are HTML-encoded.  -Fragment returns
    only the table, to build a page out of several; -PreContent and
    -PostContent add text before and after the table.  Pipe the result to
    Out-File to save the page."""

    help_examples = [
        ("Example 1: Save processes as a web page",
         "Get-Process | ConvertTo-Html -Property Name, Id, CPU -Title 'Processes' | Out-File processes.html",
         "Writes a page with one row per process and the columns Name, Id and CPU."),
        ("Example 2: A table to put into another page",
         "Get-ChildItem | ConvertTo-Html -Fragment -Property Name, Length -PreContent '<h2>Files</h2>'",
         "Returns only the heading and the table, without the html, head and body elements."),
        ("Example 3: One object as a list", "Get-Item . | ConvertTo-Html -As List -Property Name, LastWriteTime",
         "Writes a two-column table: each property's name followed by a colon, then its value."),
        ("Example 4: Style the page",
         "Get-Service | ConvertTo-Html -CssUri styles.css -Meta @{ author = 'ops' } -Charset UTF-8",
         "Adds a stylesheet link, an author meta tag and a charset meta tag to the head."),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to convert.")
    property = Parameter("Object[]", position=0,
                         help="The properties to show: names (wildcards allowed), script blocks, or hashtables "
                              "with Expression, Label (or Name), Width and Alignment keys.")
    body = Parameter("String[]", sets={"Page": {"position": 3}}, help="Text put after the opening body tag.")
    head = Parameter("String[]", sets={"Page": {"position": 1}},
                     help="The content of the head element, instead of the title.")
    title = Parameter("String", sets={"Page": {"position": 2}}, validators=[validate_not_null_or_empty()],
                      default="HTML TABLE", help="The page's title; HTML TABLE by default.")
    as_ = Parameter("String", name="As", validators=[validate_not_null_or_empty(), validate_set(["Table", "List"])],
                    default="Table", help="Table (a row per object) or List (a name/value row per property).")
    css_uri = Parameter("Uri", aliases=("cu", "uri"), sets={"Page": {}}, converter=to_string,
                        validators=[validate_not_null_or_empty()], help="A stylesheet the page links to.")
    fragment = Parameter("SwitchParameter", sets={"Fragment": {}},
                         help="Returns only the table (and -PreContent/-PostContent), not a whole page.")
    post_content = Parameter("String[]", validators=[validate_not_null_or_empty()],
                             help="Text put after the table.")
    pre_content = Parameter("String[]", validators=[validate_not_null_or_empty()],
                            help="Text put before the table.")
    meta = Parameter("Hashtable", sets={"Page": {}}, validators=[validate_not_null_or_empty()],
                     help="Meta tags: content-type, default-style, x-ua-compatible, application-name, author, "
                          "description, generator, keywords or viewport with their content.")
    charset = Parameter("String", sets={"Page": {}},
                        validators=[validate_not_null_or_empty(),
                                    validate_pattern(r"^[A-Za-z0-9]\w+\S+[A-Za-z0-9]$")],
                        help="The page's character set, written as a meta charset tag.")
    transitional = Parameter("SwitchParameter", sets={"Page": {}},
                             help="Declares XHTML 1.0 Transitional instead of Strict.")

    def begin_processing(self) -> Iterator[str]:
        if self.css_uri is not None and not self.css_uri.strip():
            message = ("This command cannot be run because 'CSSUri' is empty or blank. Please specify CSSUri and "
                       "then run the command.")
            self.throw_terminating_error(ErrorRecord(ArgumentException(message), "ArgumentException",
                                                     ErrorCategory.InvalidArgument, "CSSUri"))
        try:
            self._columns = [_column(v) for v in (self.property if self.property is not None else ["*"])]
        except PSArgumentException as exc:
            self.throw_terminating_error(exc.error_record)
        self._resolved: list[_Column] = []
        self._header_written = False
        self._count = 0
        self._list = self.as_.lower() == "list"
        if not self.fragment:
            yield _TRANSITIONAL if self.transitional else _STRICT
            yield '<html xmlns="http://www.w3.org/1999/xhtml">'
            yield "<head>"
            if "Charset" in self.bound_parameters:
                yield f'<meta charset="{self.charset}">'
            if self.meta is not None:
                yield from self._meta_tags()
            yield from (self.head if self.head is not None else [f"<title>{self.title}</title>"])
            if self.css_uri is not None:
                yield f'<link rel="stylesheet" type="text/css" href="{self.css_uri}" />'
            yield "</head><body>"
            if self.body is not None:
                yield from self.body
        if self.pre_content is not None:
            yield from self.pre_content
        yield "<table>"

    def _meta_tags(self) -> Iterator[str]:
        for key, value in self.meta.items():
            name, content = to_string(key), to_string(value)
            low = name.lower()
            if low in _HTTP_EQUIV:
                yield f'<meta http-equiv="{name}" content="{content}">'
                continue
            if low not in _NAMED_META:
                self.write_warning(_META_WARNING.format(name, content))
            yield f'<meta name="{name}" content="{content}">'

    def process_record(self) -> Iterator[str]:
        obj = self.input_object
        if obj is None or "InputObject" not in self.bound_parameters:
            return
        self._count += 1
        if not self._header_written:
            self._resolve(obj)
            if not self._resolved:
                return
            if self._list:
                if self._count > 1:
                    yield "<tr><td><hr></td></tr>"
                for column in self._resolved:
                    yield f"<tr><td>{self._name(column)}:</td><td>{self._value(column, obj)}</td></tr>"
            else:
                yield self._colgroup()
                yield "<tr>" + "".join(f"<th>{self._name(c)}</th>" for c in self._resolved) + "</tr>"
                self._header_written = True
        if not self._list:
            yield "<tr>" + "".join(f"<td>{self._value(c, obj)}</td>" for c in self._resolved) + "</tr>"

    def end_processing(self) -> Iterator[str]:
        yield "</table>"
        if self.post_content is not None:
            yield from self.post_content
        if not self.fragment:
            yield "</body></html>"

    def _resolve(self, obj: Any) -> None:
        """pwsh's InitializeResolvedNameMshParameters: every entry's names
        resolved against ``obj`` (a wildcard becomes the matching properties)."""
        self._resolved = [_Column(name, c.label, c.alignment, c.width)
                          for c in self._columns for name in _resolve_names(c.expression, obj)]

    def _colgroup(self) -> str:
        parts = ["<colgroup>"]
        for column in self._resolved:
            col = "<col"
            if column.width is not None:
                col += f' width = "{column.width}"'
            if column.alignment is not None:
                col += f' align = "{column.alignment}"'
            parts.append(col + "/>")
        parts.append("</colgroup>")
        return "".join(parts)

    @staticmethod
    def _name(column: _Column) -> str:
        return column.label if column.label is not None else str(column.expression)

    @staticmethod
    def _value(column: _Column, obj: Any) -> str:
        value = column.expression.value(obj)
        if value is None or is_failure(value):
            return ""
        return html_encode(dotnet_to_string(value))
