"""What every generated Get-Mg* cmdlet shares: the List and Get parameter
sets, the query they build, paging and -CountVariable.

A read cmdlet subclasses :class:`GraphGetCmdlet`, declares its key
parameter (``-UserId``...) in the Get set and names its collection, key
attribute, generated-cmdlet prefix and model.  The List set sends, as the
SDK's ListCmdlet does, ``$top`` (the page size: -PageSize, else 100, or less
when -Top asks for fewer), ``$filter``, ``$search``, ``$select``,
``$expand``, ``$orderby``, ``$skip`` and ``$count=true`` when
-CountVariable is given; -Top is a limit on the objects written (pages are
followed until it is reached), -All follows every @odata.nextLink.  The
Get set reads one object (``$select``/``$expand`` only).  -ConsistencyLevel
becomes the ConsistencyLevel header Graph needs for $search and $count.
:class:`GraphCountCmdlet` is the Get-Mg*Count cmdlets' (``/$count``).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Iterator, Optional
from urllib.parse import quote

from pwshlike.plugin import ArgumentException, Cmdlet, ErrorCategory, ErrorRecord, Parameter

from . import request

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 999
_LIST = {"List": {}}
_TOP = re.compile(r"(?i)([?&](?:%24|\$)top=)\d+")


def query_string(options: list[tuple[str, Any]]) -> str:
    """``?$filter=...&$top=...`` from the options that are set."""
    parts = [f"{name}={quote(str(value), safe=chr(39) + '(),:@/')}" for name, value in options
             if value is not None and value != ""]
    return ("?" + "&".join(parts)) if parts else ""


class GraphGetCmdlet(Cmdlet):
    """Base of the Get-Mg* cmdlets (List and Get sets); not a command itself."""

    collection = ""                 # the URL segment under /v1.0
    key_attribute = ""              # the Python attribute of the key parameter
    generated = ""                  # GetMgUser: the generated cmdlet's name, without the variant
    model: ClassVar[Any] = None     # the output class (from_json)

    expand_property = Parameter("String[]", aliases=("Expand",),
                                help="Related entities to expand ($expand).")
    property = Parameter("String[]", aliases=("Select",),
                         help="The properties to return ($select); the others come back null.")
    filter = Parameter("String", sets=_LIST, help="An OData filter ($filter), for example \"displayName eq 'x'\".")
    search = Parameter("String", sets=_LIST,
                       help="A search phrase ($search, for example '\"displayName:adele\"'); Graph requires "
                            "-ConsistencyLevel eventual with it.")
    skip = Parameter("Int32", sets=_LIST, help="The number of objects to skip ($skip).")
    sort = Parameter("String[]", sets=_LIST, aliases=("OrderBy",),
                     help="The order of the objects ($orderby), for example 'displayName desc'.")
    top = Parameter("Int32", sets=_LIST, aliases=("Limit",),
                    help="At most this many objects; pages are followed until they are read.")
    consistency_level = Parameter("String",
                                  help="The ConsistencyLevel header: 'eventual' for advanced queries ($search, "
                                       "$count, some filters).")
    response_headers_variable = Parameter("String", aliases=("RHV",),
                                          help="The name of a variable to receive the response headers.")
    headers = Parameter("IDictionary", full_type_name="System.Collections.IDictionary", value_from_pipeline=True,
                        help="Extra HTTP headers to send with the request.")
    page_size = Parameter("Int32", sets=_LIST, help="The number of objects Graph returns per page (1 to 999).")
    all = Parameter("SwitchParameter", sets=_LIST, help="Lists every page, following @odata.nextLink.")
    count_variable = Parameter("String", sets=_LIST, aliases=("CV",),
                               help="The name of a variable (set in the global scope) to receive the total "
                                    "number of objects matching the query (@odata.count); needs "
                                    "-ConsistencyLevel eventual on directory objects.")

    def begin_processing(self) -> None:
        if "PageSize" in self.bound_parameters and not 1 <= self.page_size <= MAX_PAGE_SIZE:
            self.throw_terminating_error(ErrorRecord(
                ArgumentException(f"Invalid page size specified `{self.page_size}`. PageSize must be between 1 "
                                  f"and {MAX_PAGE_SIZE} inclusive."),
                "InvalidPageSize", ErrorCategory.InvalidArgument, self.page_size))

    def convert(self, item: dict[str, Any]) -> Any:
        return self.model.from_json(item)

    def process_record(self) -> Iterator[Any]:
        variant = f"{self.generated}_{self.parameter_set_name}"
        headers = {str(k): v for k, v in (self.headers or {}).items()}
        if self.consistency_level:
            headers["ConsistencyLevel"] = self.consistency_level
        common = [("$select", _joined(self.property)), ("$expand", _joined(self.expand_property))]
        if self.parameter_set_name == "Get":
            key = getattr(self, self.key_attribute)
            path = f"/v1.0/{self.collection}/{quote(str(key), safe='@')}{query_string(common)}"
            response = self._send(path, variant, headers, key)
            if response is not None:
                yield self.convert(response.json())
            return
        yield from self._list(variant, headers, common)

    def _list(self, variant: str, headers: dict[str, Any], common: list[tuple[str, Any]]) -> Iterator[Any]:
        limit: Optional[int] = self.top if "Top" in self.bound_parameters else None
        page = self.page_size if "PageSize" in self.bound_parameters else DEFAULT_PAGE_SIZE
        if limit is not None:
            page = max(1, min(page, limit))
        options = [("$top", page), ("$skip", self.skip if "Skip" in self.bound_parameters else None),
                   ("$search", self.search), ("$filter", self.filter),
                   ("$count", "true" if self.count_variable else None),
                   ("$orderby", _joined(self.sort))] + common
        url = f"/v1.0/{self.collection}{query_string(options)}"
        written = 0
        first = True
        while True:
            response = self._send(url, variant, headers, None)
            if response is None:
                return
            data = response.json()
            if first and self.count_variable:
                name = self.count_variable.lstrip("$")
                self.context.set_variable_value(name if ":" in name else f"global:{name}",
                                                data.get("@odata.count"))
            first = False
            for item in data.get("value", []):
                if limit is not None and written >= limit:
                    return
                yield self.convert(item)
                written += 1
            next_link = data.get("@odata.nextLink")
            more = self.all or (limit is not None and written < limit)
            if not next_link or not more or (limit is not None and written >= limit):
                return
            if limit is not None and limit - written < page:
                next_link = _TOP.sub(lambda m: m.group(1) + str(limit - written), next_link)
            url = next_link

    def _send(self, path: str, variant: str, headers: dict[str, Any], target: Any) -> Any:
        return request.send(self, "GET", path, command_type=variant, headers=headers, target=target,
                            response_headers_variable=self.response_headers_variable)


def _joined(values: Optional[list[Any]]) -> Optional[str]:
    return ",".join(str(v) for v in values) if values else None


class GraphCountCmdlet(Cmdlet):
    """Base of the Get-Mg*Count cmdlets (set Get): GET /v1.0/<set>/$count,
    an integer. Graph needs -ConsistencyLevel eventual for it."""

    collection = ""
    generated = ""                  # GetMgUserCount

    filter = Parameter("String", help="An OData filter ($filter): count only the matching objects.")
    search = Parameter("String", help="A search phrase ($search): count only the matching objects.")
    consistency_level = Parameter("String",
                                  help="The ConsistencyLevel header; Graph requires 'eventual' to count.")
    response_headers_variable = Parameter("String", aliases=("RHV",),
                                          help="The name of a variable to receive the response headers.")
    headers = Parameter("IDictionary", full_type_name="System.Collections.IDictionary", value_from_pipeline=True,
                        help="Extra HTTP headers to send with the request.")

    def process_record(self) -> Iterator[int]:
        headers = {str(k): v for k, v in (self.headers or {}).items()}
        if self.consistency_level:
            headers["ConsistencyLevel"] = self.consistency_level
        path = f"/v1.0/{self.collection}/$count{query_string([('$search', self.search), ('$filter', self.filter)])}"
        response = request.send(self, "GET", path, command_type=f"{self.generated}_Get", headers=headers,
                                response_headers_variable=self.response_headers_variable)
        if response is not None:
            yield int(response.text.strip())
