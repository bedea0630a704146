"""ConvertTo-Csv, Export-Csv, ConvertFrom-Csv and Import-Csv, with pwsh 7's
rules.

Writing: the first object's properties (a dictionary's keys) fix the
columns; values are their ``ToString()`` ($null leaves the field empty and
unquoted); every field is quoted unless -UseQuotes says otherwise; no
``#TYPE`` line unless -IncludeTypeInformation.  Reading follows pwsh's
lenient parser (leading blanks skipped, ``""`` inside quotes, text after a
closing quote kept), makes PSCustomObjects with string values, and names
missing headers H1, H2...
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty, validate_set
from pwshlike.dotnet import members
from pwshlike.dotnet.psmembers import has_instance_members
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.formatting_net import culture_to_string
from pwshlike.dotnet.errors import (ErrorCategory, ErrorRecord, ExtendedTypeSystemException, FileNotFoundException,
                                    IOException, InvalidOperationException)
from pwshlike.dotnet.values import Hashtable, PSCustomObject

from .fserrors import dotnet_exception
from .outfile import ENCODINGS

_QUOTE_KINDS = ("Never", "Always", "AsNeeded")
_CSV_TYPE_PREFIX = "CSV:"
_UNSPECIFIED_HEADER_WARNING = ('One or more headers were not specified. Default names starting with "H" have been '
                               "used in place of any missing headers.")


def _delimiter(value: Any) -> str:
    """A -Delimiter argument as one character."""
    text = to_string(value)
    if len(text) != 1:
        from pwshlike.dotnet.conversions import convert_to_char
        return str(convert_to_char(value))
    return text


def _default_delimiter(use_culture: Any) -> str:
    """The delimiter without -Delimiter: a comma, or with -UseCulture the
    current culture's list separator (``;`` under de-DE)."""
    if use_culture:
        from pwshlike.dotnet.cultures import current
        return current().TextInfo.ListSeparator
    return ","


# --- writing ------------------------------------------------------------------------------------


def property_names(obj: Any) -> list[str]:
    """The columns an object gives: a dictionary's keys (then the properties
    Add-Member put on it), else its properties."""
    if isinstance(obj, (Hashtable, dict)):
        names = [to_string(k) for k in obj]
        added = members.instance_members(obj) if has_instance_members() else None
        if added is not None:
            names.extend(name for name, _value, _kind in added.properties(obj) if name not in names)
        return names
    return [p.Name for p in members.property_list(obj)]


def _field_value(obj: Any, name: str) -> Optional[str]:
    """A property's ``ToString()`` (numbers and dates in the current culture,
    as pwsh's ``value.ToString()``); None when it is $null, missing or fails."""
    try:
        if isinstance(obj, (Hashtable, dict)):
            if name in obj:
                value = obj[name]
            elif members.has_property(obj, name):  # a property Add-Member put on the dictionary
                value = members.get_member(obj, name)
            else:
                return None
        elif isinstance(obj, PSCustomObject):
            if not obj.has_property(name):
                return None
            value = obj.get_property(name)
        else:
            if not members.has_property(obj, name):
                return None
            value = members.get_member(obj, name)
    except Exception:
        return None
    return None if value is None else culture_to_string(value)


class CsvWriter:
    """pwsh's ExportCsvHelper: the header and record lines."""

    def __init__(self, delimiter: str, quote_kind: str, quote_fields: Optional[list[str]]) -> None:
        self.delimiter = delimiter
        self.quote_kind = quote_kind.lower()
        self.quote_fields = {f.lower() for f in quote_fields} if quote_fields is not None else None

    def _field(self, name: str, text: str) -> str:
        if self.quote_fields is not None:
            quote = name.lower() in self.quote_fields
        elif self.quote_kind == "always":
            quote = True
        elif self.quote_kind == "asneeded":
            quote = self.delimiter in text or "\n" in text or '"' in text
        else:
            quote = False
        return '"' + text.replace('"', '""') + '"' if quote else text

    def header(self, names: list[str]) -> str:
        return self.delimiter.join(self._field(name, name) for name in names)

    def record(self, obj: Any, names: list[str]) -> str:
        fields = []
        for name in names:
            text = _field_value(obj, name)
            fields.append("" if text is None else self._field(name, text))
        return self.delimiter.join(fields)


def type_line(obj: Any) -> str:
    """The ``#TYPE`` line for an object (a CSV: prefix from Import-Csv dropped)."""
    names = members._type_names(obj)
    if not names:
        return "#TYPE"
    name = names[0]
    if name.lower().startswith(_CSV_TYPE_PREFIX.lower()):
        name = name[len(_CSV_TYPE_PREFIX):]
    return f"#TYPE {name}"


class _CsvWritingCommand(Cmdlet):
    """The parameters and checks ConvertTo-Csv and Export-Csv share."""

    delimiter = Parameter("Char", position=1, sets={"Delimiter": {}}, converter=_delimiter,
                          help="The character between fields (default a comma).")
    use_culture = Parameter("SwitchParameter", sets={"UseCulture": {}},
                            help="Uses the culture's list separator (a comma in pwshlike's invariant culture).")
    include_type_information = Parameter("SwitchParameter", aliases=("ITI",), help="Writes a #TYPE line first.")
    no_type_information = Parameter("SwitchParameter", aliases=("NTI",), dont_show=True,
                                    help="No #TYPE line (the default).")
    quote_fields = Parameter("String[]", aliases=("QF",), help="Quotes only these columns.")
    use_quotes = Parameter("QuoteKind", aliases=("UQ",), converter=str, validators=[validate_set(_QUOTE_KINDS)],
                           help="Never, Always (the default) or AsNeeded.")
    no_header = Parameter("SwitchParameter", help="Leaves out the header line.")

    def _begin_writer(self) -> None:
        bound = self.bound_parameters
        if "QuoteFields" in bound and "UseQuotes" in bound:
            self._invalid("CannotSpecifyQuoteFieldsAndUseQuotes",
                          "You must specify either the -QuoteFields or -UseQuotes parameters, but not both.")
        if "IncludeTypeInformation" in bound and "NoTypeInformation" in bound:
            self._invalid("CannotSpecifyIncludeTypeInformationAndNoTypeInformation",
                          "You must specify either the -IncludeTypeInformation or -NoTypeInformation parameters, "
                          "but not both.")
        self._with_type = bool(self.include_type_information)
        self._writer = CsvWriter(self.delimiter or _default_delimiter(self.use_culture), self.use_quotes or "Always", self.quote_fields)
        self._names: Optional[list[str]] = None

    def _invalid(self, error_id: str, message: str) -> None:
        self.throw_terminating_error(ErrorRecord(InvalidOperationException(message), error_id,
                                                 ErrorCategory.InvalidData, None))

    def _lines(self, obj: Any, write_header: bool) -> Iterator[str]:
        """The lines for one input object (the header lines first, for the first)."""
        if self._names is None:
            self._names = property_names(obj)
            if write_header and not self.no_header:
                if self._with_type:
                    yield type_line(obj)
                header = self._writer.header(self._names)
                if header:
                    yield header
        line = self._writer.record(obj, self._names)
        if line:
            yield line


@cmdlet("ConvertTo-Csv", default_parameter_set="Delimiter", output_types=("System.String",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096832")
class ConvertToCsvCommand(_CsvWritingCommand):
    """Converts objects to CSV lines: a header, then one line per object.

    The first object's properties make the header; each object then becomes one line with its values quoted and
    separated by commas (or -Delimiter, or the culture's list separator with -UseCulture). No type information line
    is written, as in pwsh 7."""

    help_examples = [
        ('Example 1: Objects as CSV text',
         "[pscustomobject]@{ Name = 'web01'; Cores = 4 } | ConvertTo-Csv",
         'Returns the header line "Name","Cores" followed by "web01","4".'),
    ]

    input_object = Parameter("PSObject", position=0, mandatory=True, value_from_pipeline=True,
                             value_from_pipeline_by_property_name=True, help="The objects to convert.")

    def begin_processing(self) -> None:
        self._begin_writer()

    def process_record(self) -> Iterator[str]:
        if self.input_object is not None:
            yield from self._lines(self.input_object, True)


@cmdlet("Export-Csv", default_parameter_set="Delimiter", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096608")
class ExportCsvCommand(_CsvWritingCommand):
    """Writes objects to a CSV file (UTF-8 without BOM).

    With -Append the columns of the existing file are kept; an object that
    lacks one of them is an error unless -Force."""

    help_examples = [
        ('Example 1: Save a report',
         'Get-ChildItem ./logs -File | Select-Object Name, Length, LastWriteTime | Export-Csv ./logs.csv',
         'Writes one line per file with the three chosen columns.'),
        ('Example 2: Add rows to an existing file',
         '$row | Export-Csv ./inventory.csv -Append',
         'The new objects are written with the columns the file already has.'),
    ]

    input_object = Parameter("PSObject", mandatory=True, value_from_pipeline=True,
                             value_from_pipeline_by_property_name=True, help="The objects to export.")
    path = Parameter("String", position=0, validators=[validate_not_null_or_empty()], help="The file to write.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), validators=[validate_not_null_or_empty()],
                             help="The file to write, taken literally.")
    force = Parameter("SwitchParameter", help="Appends even when the columns differ.")
    no_clobber = Parameter("SwitchParameter", aliases=("NoOverwrite",), help="Fails if the file exists.")
    encoding = Parameter("String", validators=[validate_set(list(ENCODINGS))], help="The text encoding.")
    append = Parameter("SwitchParameter", help="Adds to the end of the file.")

    def begin_processing(self) -> None:
        self._begin_writer()
        self._handle: Any = None
        if (self.path is None) == (self.literal_path is None):
            self._invalid("CannotSpecifyPathAndLiteralPath",
                          "You must specify either the -Path or -LiteralPath parameters, but not both.")
        self._file = self.context.session.resolve_path(self.path or self.literal_path)
        if not self.should_process(self._file):
            return
        self._existing: Optional[list[str]] = None
        self._appending = bool(self.append) and os.path.isfile(self._file) and os.path.getsize(self._file) > 0
        if self.no_clobber and os.path.exists(self._file) and not self.append:
            self.throw_terminating_error(ErrorRecord(IOException(f"The file '{self._file}' already exists."),
                                                     "NoClobber", ErrorCategory.ResourceExists, self._file))
        encoding = ENCODINGS[(self.encoding or "utf8nobom").lower()]
        try:
            if self._appending:
                with open(self._file, encoding="utf-8-sig" if encoding == "utf-8" else encoding) as handle:
                    reader = CsvReader(handle.read(), self.delimiter or _default_delimiter(self.use_culture), None)
                    reader.read_header()
                    self._existing = reader.header
            self._handle = open(self._file, "a" if self.append else "w", encoding=encoding, newline="")
        except OSError as exc:
            error = dotnet_exception(exc, self._file)
            self.throw_terminating_error(ErrorRecord(error, "FileOpenFailure", ErrorCategory.OpenError, None))

    def process_record(self) -> None:
        obj = self.input_object
        if obj is None or self._handle is None:
            return
        if self._names is None and self._appending and self._existing is not None:
            self._reconcile(property_names(obj))
        for line in self._lines(obj, not self._appending):
            self._handle.write(line + "\n")
        self._handle.flush()

    def _reconcile(self, names: list[str]) -> None:
        present = {n.lower() for n in names}
        for column in self._existing or ():
            if column.lower() not in present and not self.force:
                self.throw_terminating_error(ErrorRecord(
                    InvalidOperationException(
                        f"Cannot append CSV content to the following file: {self._file}. The appended object does "
                        f"not have a property that corresponds to the following column: {column}. To continue "
                        "with mismatched properties, add the -Force parameter, and then retry the command."),
                    "CannotAppendCsvWithMismatchedPropertyNames", ErrorCategory.InvalidData, column))
        self._names = list(self._existing or ())

    def end_processing(self) -> None:
        self._close()

    def _close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


# --- reading --------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _row_type_names(type_name: str) -> tuple[str, ...]:
    """The type names of the rows of a CSV whose ``#TYPE`` line names
    ``type_name``: one tuple the rows share until one of them is edited."""
    return (type_name, _CSV_TYPE_PREFIX + type_name)


class CsvReader:
    """pwsh's ImportCsvHelper over one text: the ``#TYPE`` line, the header
    and the records, parsed as pwsh's lenient parser parses them."""

    def __init__(self, text: str, delimiter: str, header: Optional[list[str]], type_name: Optional[str] = None) -> None:
        self.text = text
        self.pos = 0
        self.delimiter = delimiter
        self.header = header
        self.type_name = type_name

    @property
    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def _read_line(self) -> str:
        text, start = self.text, self.pos
        end = start
        while end < len(text) and text[end] not in "\r\n":
            end += 1
        self.pos = end
        if text.startswith("\r\n", end):
            self.pos += 2
        elif end < len(text):
            self.pos += 1
        return text[start:end]

    def read_header(self) -> None:
        if self.type_name is None and not self.at_end and self.text[self.pos] == "#":
            line = self._read_line()
            if line.lower().startswith("#type"):
                self.type_name = line[5:].strip() or None
        while self.header is None and not self.at_end:
            values = self.next_record()
            while len(values) > 1 and values[-1] == "":
                values.pop()
            if values and values[0].startswith("#Fields: "):
                values[0] = values[0][9:]
                self.header = values
            elif values and values[0].startswith("#"):
                continue
            else:
                self.header = values
        if self.header:
            seen: set[str] = set()
            for name in self.header:
                if name and name.lower() in seen:
                    raise ExtendedTypeSystemException(f'The member "{name}" is already present.')
                seen.add(name.lower())

    def next_record(self) -> list[str]:
        """The fields of the next record; an empty list at the end."""
        text, delimiter = self.text, self.delimiter
        n = len(text)
        result: list[str] = []
        if self.pos >= n:
            return result
        line_end = self.pos
        while line_end < n and text[line_end] not in "\r\n":
            line_end += 1
        line = text[self.pos:line_end]
        if '"' not in line and " " not in line and "\t" not in line:
            self.pos = line_end + (2 if text.startswith("\r\n", line_end) else 1 if line_end < n else 0)
            fields = line.split(delimiter)
            if line_end == n and len(fields) > 1 and fields[-1] == "":
                fields.pop()  # an empty last field at the very end is not a field
            return fields
        return self._parse_record()

    def _parse_record(self) -> list[str]:
        text, delimiter = self.text, self.delimiter
        n = len(text)
        result: list[str] = []
        current: list[str] = []
        in_quotes = False
        while self.pos < n:
            ch = text[self.pos]
            self.pos += 1
            if ch == delimiter and not in_quotes:
                result.append("".join(current))
                current = []
            elif ch == delimiter:
                current.append(ch)
            elif ch == '"':
                if in_quotes:
                    if self.pos < n and text[self.pos] == '"':
                        self.pos += 1
                        current.append('"')
                    else:
                        in_quotes = False
                        end_of_record = self._read_till_delimiter(current, True)
                        result.append("".join(current))
                        current = []
                        if end_of_record:
                            break
                elif not current:
                    in_quotes = True
                else:
                    current.append(ch)
                    end_of_record = self._read_till_delimiter(current, False)
                    result.append("".join(current))
                    current = []
                    if end_of_record:
                        break
            elif ch in " \t":
                if in_quotes:
                    current.append(ch)
                elif current:
                    current.append(ch)
                    end_of_record = self._read_till_delimiter(current, True)
                    result.append("".join(current))
                    current = []
                    if end_of_record:
                        break
            elif ch in "\r\n":
                newline = ch
                if ch == "\r" and self.pos < n and text[self.pos] == "\n":
                    self.pos += 1
                    newline = "\r\n"
                if in_quotes:
                    current.append(newline)
                else:
                    result.append("".join(current))
                    current = []
                    break
            else:
                current.append(ch)
        if current:
            result.append("".join(current))
        return result

    def _read_till_delimiter(self, current: list[str], eat_trailing_blanks: bool) -> bool:
        """Reads up to the next delimiter or line end (consumed); returns
        True at the end of the record."""
        text, n = self.text, len(self.text)
        start = self.pos
        end_of_record = False
        while True:
            if self.pos >= n:
                end_of_record = True
                rest = text[start:self.pos]
                break
            ch = text[self.pos]
            self.pos += 1
            if ch == self.delimiter:
                rest = text[start:self.pos - 1]
                break
            if ch in "\r\n":
                rest = text[start:self.pos - 1]
                if ch == "\r" and self.pos < n and text[self.pos] == "\n":
                    self.pos += 1
                end_of_record = True
                break
        if eat_trailing_blanks and not rest.strip(" \t"):
            rest = rest.strip()
        current.append(rest)
        return end_of_record

    def records(self, warned: list[bool], cmdlet: Cmdlet) -> Iterator[PSCustomObject]:
        """The objects of the remaining records (blank lines skipped)."""
        self.read_header()
        names = self.header or []
        while True:
            values = self.next_record()
            if not values:
                return
            if len(values) == 1 and values[0] == "":
                continue
            yield self._build(names, values, warned, cmdlet)

    def _build(self, names: list[str], values: list[str], warned: list[bool], cmdlet: Cmdlet) -> PSCustomObject:
        result = PSCustomObject(type_names=_row_type_names(self.type_name) if self.type_name else None)
        unspecified = 1
        for index, name in enumerate(names):
            if not name:
                name = f"H{unspecified}"
                unspecified += 1
            if result.has_property(name):
                raise ExtendedTypeSystemException(f'The member "{name}" is already present.')
            result.set_property(name, values[index] if index < len(values) else None)
        if unspecified != 1 and not warned[0]:
            cmdlet.write_warning(_UNSPECIFIED_HEADER_WARNING)
            warned[0] = True
        return result


def _already_present(cmdlet: Cmdlet, exc: ExtendedTypeSystemException) -> None:
    cmdlet.throw_terminating_error(ErrorRecord(exc, "AlreadyPresentPSMemberInfoInternalCollectionAdd",
                                               ErrorCategory.NotSpecified, None))


@cmdlet("ConvertFrom-Csv", default_parameter_set="Delimiter",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096830")
class ConvertFromCsvCommand(Cmdlet):
    """Converts CSV text to objects, one object per record.

    Strings arriving one by one (lines) share the header the first one
    gave; the objects stream out as their lines arrive."""

    help_examples = [
        ('Example 1: Parse CSV text',
         "'Name,Port', 'web,80', 'ssh,22' | ConvertFrom-Csv",
         'Returns two objects with the properties Name and Port (both strings).'),
        ('Example 2: Supply the header',
         "'web;80' | ConvertFrom-Csv -Delimiter ';' -Header Name, Port",
         'The text has no header line, so -Header names the columns.'),
    ]

    delimiter = Parameter("Char", position=1, sets={"Delimiter": {}}, converter=_delimiter,
                          help="The character between fields (default a comma).")
    use_culture = Parameter("SwitchParameter", sets={"UseCulture": {"mandatory": True}},
                            help="Uses the culture's list separator (a comma in pwshlike's invariant culture).")
    input_object = Parameter("PSObject[]", position=0, mandatory=True, value_from_pipeline=True,
                             value_from_pipeline_by_property_name=True, help="The CSV text.")
    header = Parameter("String[]", validators=[validate_not_null_or_empty()], help="Column names to use.")

    def begin_processing(self) -> None:
        self._header: Optional[list[str]] = list(self.header) if self.header is not None else None
        self._type_name: Optional[str] = None
        self._warned = [False]

    def process_record(self) -> Iterator[PSCustomObject]:
        for item in self.input_object or ():
            reader = CsvReader(to_string(item), self.delimiter or _default_delimiter(self.use_culture), self._header, self._type_name)
            try:
                yield from reader.records(self._warned, self)
            except ExtendedTypeSystemException as exc:
                _already_present(self, exc)
            if self._header is None and reader.header is not None:
                self._header = list(reader.header)
            if self._type_name is None and reader.type_name is not None:
                self._type_name = reader.type_name


@cmdlet("Import-Csv", default_parameter_set="DelimiterPath", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097020")
class ImportCsvCommand(Cmdlet):
    """Reads CSV files as objects (UTF-8 unless -Encoding says otherwise).

    The first line of the file is the header unless -Header gives the column names; each further line becomes an
    object whose properties hold the values as strings."""

    help_examples = [
        ('Example 1: Read a CSV file',
         "Import-Csv ./servers.csv | Where-Object Role -eq 'db'",
         'Each row is an object, so its columns can be filtered and sorted like any property.'),
        ('Example 2: A semicolon-separated file',
         "Import-Csv ./export.csv -Delimiter ';'",
         'Reads a file whose fields are separated by semicolons.'),
    ]

    delimiter = Parameter("Char", sets={"DelimiterPath": {"position": 1}, "DelimiterLiteralPath": {"position": 1}},
                          converter=_delimiter, help="The character between fields (default a comma).")
    path = Parameter("String[]", sets={
        "DelimiterPath": {"position": 0, "mandatory": True, "value_from_pipeline": True,
                          "value_from_pipeline_by_property_name": True},
        "CulturePath": {"position": 0, "mandatory": True, "value_from_pipeline": True,
                        "value_from_pipeline_by_property_name": True}},
        validators=[validate_not_null_or_empty()], help="The files to read.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={
        "DelimiterLiteralPath": {"mandatory": True, "value_from_pipeline_by_property_name": True},
        "CultureLiteralPath": {"mandatory": True, "value_from_pipeline_by_property_name": True}},
        validators=[validate_not_null_or_empty()], help="The files to read, taken literally.")
    use_culture = Parameter("SwitchParameter", sets={"CulturePath": {"mandatory": True},
                                                     "CultureLiteralPath": {"mandatory": True}},
                            help="Uses the culture's list separator (a comma in pwshlike's invariant culture).")
    header = Parameter("String[]", validators=[validate_not_null_or_empty()], help="Column names to use.")
    encoding = Parameter("String", validators=[validate_set(list(ENCODINGS))], help="The text encoding.")

    def begin_processing(self) -> None:
        self._warned = [False]

    def process_record(self) -> Iterator[PSCustomObject]:
        encoding = ENCODINGS[(self.encoding or "utf8").lower()]
        for path in self.path or self.literal_path or ():
            resolved = self.context.session.resolve_path(path)
            try:
                with open(resolved, encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline="") as handle:
                    text = handle.read()
            except FileNotFoundError:
                self.throw_terminating_error(ErrorRecord(FileNotFoundException(f"Could not find file '{resolved}'."),
                                                         "FileOpenFailure", ErrorCategory.OpenError, None))
                return
            except OSError as exc:
                self.throw_terminating_error(ErrorRecord(dotnet_exception(exc, resolved, True), "FileOpenFailure",
                                                         ErrorCategory.OpenError, None))
                return
            reader = CsvReader(text, self.delimiter or _default_delimiter(self.use_culture), list(self.header) if self.header is not None else None)
            try:
                yield from reader.records(self._warned, self)
            except ExtendedTypeSystemException as exc:
                _already_present(self, exc)
