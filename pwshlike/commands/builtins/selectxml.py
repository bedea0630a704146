"""Select-Xml: XPath queries over XML documents, files and strings.

Each node found becomes a SelectXmlInfo (the node, the file it came from or
``InputStream``, and the XPath), as pwsh writes them.  Files are read with
whitespace kept (pwsh loads them that way, so a node's text is as written);
a file that cannot be read or parsed is a non-terminating ``ProcessingFile``
error, and processing goes on with the next file as Select-String does.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet.conversions import PSInvalidCastException, to_string
from pwshlike.dotnet.errors import (
    ArgumentException, DotNetException, ErrorCategory, ErrorRecord, InvalidOperationException, RuntimeException,
)
from pwshlike.dotnet.typetable_system import convert_to_xml
from pwshlike.dotnet.values import Hashtable
from pwshlike.dotnet.wildcard import contains_wildcard, unescape_wildcard

from .fspaths import expand_wildcard, path_not_found, resolve, strip_provider

_INPUT_STREAM = "InputStream"


class SelectXmlInfo:
    """``Microsoft.PowerShell.Commands.SelectXmlInfo``: one node Select-Xml
    found; it prints as the node's text, then ``:path`` for a file."""

    __slots__ = ("Node", "_path", "Pattern")
    full_name = "Microsoft.PowerShell.Commands.SelectXmlInfo"
    PS_MEMBERS = {"Node": "Node", "Path": "path", "Pattern": "Pattern", "ToString": "__str__"}

    def __init__(self, node: Any, path: Optional[str], pattern: str) -> None:
        self.Node = node
        self._path = path or _INPUT_STREAM
        self.Pattern = pattern

    @property
    def path(self) -> str:
        return self._path

    @path.setter
    def path(self, value: Any) -> None:
        self._path = to_string(value) if value not in (None, "") else _INPUT_STREAM

    def node_text(self) -> str:
        if self.Node is None:
            return ""
        value = self.Node.value
        return (value if value is not None else self.Node.inner_xml).strip()

    def __str__(self) -> str:
        text = self.node_text()
        return text if self._path == _INPUT_STREAM else f"{text}:{self._path}"


@cmdlet("Select-Xml", default_parameter_set="Xml", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097031")
class SelectXmlCommand(Cmdlet):
    """Finds text in XML documents, files or strings with an XPath query.

    Select-Xml runs one XPath 1.0 query over each XML document it is given:
    XmlNode objects (-Xml or the pipeline), files (-Path with wildcards or
    -LiteralPath) or XML text (-Content). Every node found is returned as a
    SelectXmlInfo object whose Node property is the XmlNode, whose Path is
    the file it came from (InputStream for documents and text) and whose
    Pattern is the query. Names in a default namespace need a prefix bound
    with -Namespace, because XPath never applies a default namespace to
    names without a prefix."""

    path = Parameter("String[]", sets={"Path": {"position": 1, "mandatory": True,
                                                "value_from_pipeline_by_property_name": True}},
                     validators=[validate_not_null_or_empty()], supports_wildcards=True,
                     help="Files to search; wildcards are expanded.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {
        "mandatory": True, "value_from_pipeline_by_property_name": True}},
                             validators=[validate_not_null_or_empty()],
                             help="Files to search, taken exactly as written (no wildcards).")
    xml = Parameter("System.Xml.XmlNode[]", aliases=("Node",), sets={"Xml": {
        "position": 1, "mandatory": True, "value_from_pipeline": True, "value_from_pipeline_by_property_name": True}},
                    validators=[validate_not_null_or_empty()], help="XML documents or nodes to search.")
    content = Parameter("String[]", sets={"Content": {"mandatory": True, "value_from_pipeline": True}},
                        validators=[validate_not_null_or_empty()],
                        help="Strings of XML text; each one is parsed as a whole document.")
    x_path = Parameter("String", name="XPath", position=0, mandatory=True, validators=[validate_not_null_or_empty()],
                       help="The XPath 1.0 query.")
    namespace = Parameter("Hashtable", validators=[validate_not_null_or_empty()],
                          help="Prefixes the query uses, mapped to namespace URIs (@{p = 'urn:x'}).")

    help_examples = [
        ("Find nodes in an XML document",
         "[xml]$doc = '<servers><server name=\"web1\" /><server name=\"db1\" /></servers>'\n"
         "Select-Xml -Xml $doc -XPath '//server/@name' | ForEach-Object { $_.Node.Value }",
         "Returns web1 and db1, the values of the name attributes."),
        ("Search XML files",
         "Select-Xml -Path ./config/*.xml -XPath '//add[@key=\"timeout\"]' | Select-Object Path, Node",
         "Looks through every XML file in the config folder and shows the file and node of each match."),
        ("Use a namespace prefix",
         "Select-Xml -Content '<r xmlns=\"urn:a\"><i>1</i></r>' -XPath '//a:i' -Namespace @{a = 'urn:a'}",
         "The document's default namespace is bound to the prefix a, so //a:i finds the i element."),
    ]

    def process_record(self) -> Iterator[Any]:
        name = self.parameter_set_name
        if name == "Xml":
            for node in self.xml or ():
                yield from self._query(node, None)
        elif name in ("Path", "LiteralPath"):
            files: list[str] = []
            for raw in (self.path if name == "Path" else self.literal_path) or ():
                files.extend(self._resolve(to_string(raw), name == "LiteralPath"))
            for file in files:
                yield from self._query_file(file)
        else:
            for text in self.content or ():
                try:
                    document = convert_to_xml(text)
                except PSInvalidCastException as exc:
                    self.write_error(exc.error_record)
                    continue
                yield from self._query(document, None)

    def _resolve(self, raw: str, literal: bool) -> list[str]:
        found = self.context.session.drives.split(raw)
        if found is not None and not found[0].is_file_system:
            exc = InvalidOperationException(f"Cannot open the file because the current provider "
                                            f"({found[0].provider}) cannot open files.")
            self.write_error(ErrorRecord(exc, "ProcessingFile", ErrorCategory.InvalidOperation, raw))
            return []
        if literal:
            return [resolve(self.context.session, raw)]
        if contains_wildcard(strip_provider(raw)):
            matches = expand_wildcard(self.context.session, raw)
            if not matches:
                self.write_error(path_not_found(raw))
            return matches
        path = resolve(self.context.session, unescape_wildcard(raw))
        if not os.path.exists(path):
            # pwsh resolves every path first and stops at one that does not exist.
            self.throw_terminating_error(path_not_found(path))
        return [path]

    def _query_file(self, path: str) -> Iterator[Any]:
        from pwshlike.dotnet.xml_dom import XmlDocument
        document = XmlDocument()
        document.preserve_whitespace = True
        try:
            document.load(path)
        except DotNetException as exc:
            inner = exc.inner_exception if isinstance(exc, RuntimeException) and exc.inner_exception else exc
            error = ArgumentException(f"The file '{path}' cannot be read: {inner.message}", exc)
            self.write_error(ErrorRecord(error, "ProcessingFile", ErrorCategory.InvalidArgument, path))
            return
        yield from self._query(document, path)

    def _query(self, node: Any, path: Optional[str]) -> Iterator[Any]:
        namespaces = self._namespaces() if self.namespace is not None else None
        for found in node.select_nodes(self.x_path, namespaces):
            yield SelectXmlInfo(found, path, self.x_path)

    def _namespaces(self) -> Any:
        from pwshlike.dotnet.xpath import XmlNamespaceManager
        manager = XmlNamespaceManager()
        table = self.namespace if isinstance(self.namespace, Hashtable) else {}
        for key, value in table.items():
            if key is None or value is None:
                exc = InvalidOperationException(
                    "This command cannot be run because the prefix value in the Namespace parameter is null. "
                    "Provide a valid value for the prefix, and then run the command again.")
                self.write_error(ErrorRecord(exc, "PrefixError", ErrorCategory.InvalidOperation, self.namespace))
                continue
            manager.add_namespace(to_string(key), to_string(value))
        return manager
