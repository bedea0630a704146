"""Graph's query options on directory collections: $filter, $search, $top,
$select, $orderby, $count and paging by @odata.nextLink.

Collections are lists of plain dicts (one per object, every property), so
one implementation serves users, service principals, contracts and grants;
each collection says what may be filtered, searched and selected, as
Graph's per-property support tables do.  $filter understands ``eq`` and
``startswith`` joined by ``and``/``or`` with parentheses; what Graph keeps
for advanced queries (``ne``, ``not``, ``endswith``...) is refused as Graph
refuses it without ConsistencyLevel.  $search and $count need the
``ConsistencyLevel: eventual`` header, as on Graph.  Pages are ordered by
the $orderby property (if any) then id, and a $skiptoken names the sort key
of the last object returned, so creating or deleting objects between pages
neither repeats nor skips the others.  A query option Graph has and the
emulator does not ($expand, $skip...) is refused, never silently ignored.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Optional
from urllib.parse import parse_qsl, quote, urlencode

from starlette.requests import Request

from .graph_errors import (
    count_needs_eventual, expired_page_token, filter_syntax, invalid_count, invalid_top,
    page_size as invalid_page_size, search_needs_eventual, search_syntax, unknown_property, unsupported_filter,
    unsupported_option, unsupported_query, unsupported_search)

Item = dict[str, Any]
Predicate = Callable[[Item], bool]

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 999


@dataclass(frozen=True)
class EntitySet:
    """A Graph collection and what its query options may name."""
    name: str                      # the URL segment, also in @odata.context
    type_name: str                 # microsoft.graph.<type_name>
    resource: str                  # how Request_UnsupportedQuery messages name it
    properties: tuple[str, ...]    # in Graph's order
    default: tuple[str, ...]       # what an answer holds without $select
    filters: dict[str, frozenset[str]] = field(default_factory=dict)   # property -> eq / startswith
    searchable: frozenset[str] = frozenset()
    orderable: frozenset[str] = frozenset()

    def property(self, name: str) -> str:
        """The canonical spelling of ``name`` (OData's error when there is none)."""
        lowered = name.lower()
        for known in self.properties:
            if known.lower() == lowered:
                return known
        raise unknown_property(name, self.type_name)


@dataclass(frozen=True)
class ListQuery:
    predicate: Optional[Predicate]
    page_size: int
    select: tuple[str, ...]
    count: bool
    order: Optional[tuple[str, bool]]      # $orderby: (property, descending)
    after: Optional[tuple[str, str]]       # the sort key the previous page ended with


# --- $filter ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?P<string>'(?:[^']|'')*')|(?P<punct>[(),])|(?P<word>[A-Za-z0-9_.:@/$+-]+)")
_ADVANCED_OPERATORS = frozenset({"ne", "gt", "ge", "lt", "le", "in", "has"})


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, position) for each token; a syntax error where none fits."""
    found: list[tuple[str, str, int]] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            return found
        match = _TOKEN.match(text, position)
        if match is None or match.lastgroup is None:
            raise filter_syntax(text, position)
        found.append((match.lastgroup, match.group(), position))
        position = match.end()


def _equal(value: Any, literal: Any) -> bool:
    if isinstance(value, str) and isinstance(literal, str):
        return value.casefold() == literal.casefold()
    return type(value) is type(literal) and value == literal


def _starts(value: Any, literal: Any) -> bool:
    return isinstance(value, str) and isinstance(literal, str) and value.casefold().startswith(literal.casefold())


class _FilterParser:
    """Recursive descent over the tokens; each rule returns a predicate."""

    def __init__(self, text: str, entity_set: EntitySet) -> None:
        self.text = text
        self.entity_set = entity_set
        self.tokens = _tokens(text)
        self.index = 0

    def parse(self) -> Predicate:
        predicate = self._or()
        if self.index < len(self.tokens):
            raise filter_syntax(self.text, self.tokens[self.index][2])
        return predicate

    def _peek(self) -> Optional[tuple[str, str, int]]:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _next(self) -> tuple[str, str, int]:
        token = self._peek()
        if token is None:
            raise filter_syntax(self.text, len(self.text))
        self.index += 1
        return token

    def _keyword(self, word: str) -> bool:
        token = self._peek()
        if token is not None and token[0] == "word" and token[1].lower() == word:
            self.index += 1
            return True
        return False

    def _expect(self, punct: str) -> None:
        kind, text, position = self._next()
        if kind != "punct" or text != punct:
            raise filter_syntax(self.text, position)

    def _or(self) -> Predicate:
        terms = [self._and()]
        while self._keyword("or"):
            terms.append(self._and())
        return terms[0] if len(terms) == 1 else (lambda item: any(t(item) for t in terms))

    def _and(self) -> Predicate:
        terms = [self._primary()]
        while self._keyword("and"):
            terms.append(self._primary())
        return terms[0] if len(terms) == 1 else (lambda item: all(t(item) for t in terms))

    def _primary(self) -> Predicate:
        kind, text, position = self._next()
        if kind == "punct" and text == "(":
            inner = self._or()
            self._expect(")")
            return inner
        if kind != "word":
            raise filter_syntax(self.text, position)
        if text.lower() == "not":
            raise unsupported_query()
        following = self._peek()
        if following is not None and following[1] == "(":
            return self._function(text)
        return self._comparison(text)

    def _supported(self, name: str, operator: str) -> str:
        prop = self.entity_set.property(name)
        if operator not in self.entity_set.filters.get(prop, frozenset()):
            raise unsupported_filter(prop, self.entity_set.resource)
        return prop

    def _function(self, name: str) -> Predicate:
        if name.lower() != "startswith":
            raise unsupported_query()
        self._expect("(")
        kind, text, position = self._next()
        if kind != "word":
            raise filter_syntax(self.text, position)
        prop = self._supported(text, "startswith")
        self._expect(",")
        literal = self._literal()
        self._expect(")")
        return lambda item: _starts(item.get(prop), literal)

    def _comparison(self, name: str) -> Predicate:
        kind, operator, position = self._next()
        operator = operator.lower()
        if kind == "word" and operator in _ADVANCED_OPERATORS:
            raise unsupported_filter(self.entity_set.property(name), self.entity_set.resource)
        if kind != "word" or operator != "eq":
            raise filter_syntax(self.text, position)
        prop = self._supported(name, "eq")
        literal = self._literal()
        return lambda item: _equal(item.get(prop), literal)

    def _literal(self) -> Any:
        kind, text, position = self._next()
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "word":
            lowered = text.lower()
            if lowered in ("true", "false"):
                return lowered == "true"
            if lowered == "null":
                return None
            return text  # a bare GUID or number, as OData writes Edm.Guid literals
        raise filter_syntax(self.text, position)


def parse_filter(text: str, entity_set: EntitySet) -> Predicate:
    return _FilterParser(text, entity_set).parse()


# --- $search ---------------------------------------------------------------------------------

_SEARCH_CLAUSE = re.compile(r'\s*"([^"]*)"\s*(?:(AND|OR)\b|$)')
_WORD = re.compile(r"[^\W_]+")


def _words(value: Any) -> list[str]:
    return [w.casefold() for w in _WORD.findall(value)] if isinstance(value, str) else []


def parse_search(text: str, entity_set: EntitySet) -> Predicate:
    """``"property:words"`` clauses joined by AND/OR (AND binds tighter).
    A clause matches when each of its words starts a word of the property,
    as Graph's tokenized search does ("displayName:partner port")."""
    groups: list[list[Predicate]] = [[]]
    position, joined = 0, True
    while position < len(text) and joined:
        match = _SEARCH_CLAUSE.match(text, position)
        if match is None:
            raise search_syntax(text[position:].strip() or text)
        name, colon, value = match.group(1).partition(":")
        if not colon:
            raise unsupported_query()
        prop = entity_set.property(name.strip())
        if prop not in entity_set.searchable:
            raise unsupported_search(prop, entity_set.resource)
        wanted = _words(value)
        groups[-1].append(lambda item, p=prop, w=wanted: all(
            any(have.startswith(word) for have in _words(item.get(p))) for word in w))
        position, joined = match.end(), match.group(2) is not None
        if match.group(2) == "OR":
            groups.append([])
    if joined or position < len(text):   # nothing after AND/OR, or text after the last clause
        raise search_syntax(text[position:].strip() or text)
    return lambda item: any(all(clause(item) for clause in group) for group in groups)


# --- the options together, and the answers -----------------------------------------------------

def _eventual(request: Request) -> bool:
    return request.headers.get("consistencylevel", "").strip().lower() == "eventual"


def read_select(request: Request, entity_set: EntitySet) -> tuple[str, ...]:
    """The $select'ed properties (canonical spelling), or () for the default."""
    text = request.query_params.get("$select", "").strip()
    return tuple(entity_set.property(n.strip()) for n in text.split(",") if n.strip()) if text else ()


def read_list_query(request: Request, entity_set: EntitySet, counting: bool = False) -> ListQuery:
    """The options of a list request; ``counting`` for the $count segment,
    which needs ConsistencyLevel: eventual as $count=true does."""
    params = request.query_params
    if counting and not _eventual(request):
        raise count_needs_eventual()
    predicates: list[Predicate] = []
    if params.get("$filter", "").strip():
        predicates.append(parse_filter(params["$filter"], entity_set))
    if params.get("$search", "").strip():
        if not _eventual(request):
            raise search_needs_eventual()
        if not entity_set.searchable:
            raise unsupported_query()
        predicates.append(parse_search(params["$search"].strip(), entity_set))
    page_size = DEFAULT_PAGE_SIZE
    if "$top" in params:
        try:
            page_size = int(params["$top"])
        except ValueError:
            raise invalid_top(params["$top"]) from None
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise invalid_page_size(page_size)
    count = params.get("$count", "false").lower()
    if count not in ("true", "false"):
        raise invalid_count(params["$count"])
    if count == "true" and not _eventual(request):
        raise count_needs_eventual()
    unknown = next((name for name in params if name.startswith("$") and name not in _OPTIONS), None)
    if unknown is not None:
        raise unsupported_option(unknown)
    after = _read_token(params["$skiptoken"]) if "$skiptoken" in params else None
    predicate = (predicates[0] if len(predicates) == 1 else
                 (lambda item: all(p(item) for p in predicates)) if predicates else None)
    return ListQuery(predicate, page_size, read_select(request, entity_set), count == "true",
                     _read_order(params.get("$orderby", ""), entity_set), after)


_OPTIONS = frozenset({"$filter", "$search", "$top", "$select", "$count", "$orderby", "$skiptoken"})


def _read_order(text: str, entity_set: EntitySet) -> Optional[tuple[str, bool]]:
    """``property [asc|desc]``: one property, as Graph's directory sorts."""
    words = text.split()
    if not words:
        return None
    if "," in text or len(words) > 2 or (len(words) == 2 and words[1].lower() not in ("asc", "desc")):
        raise unsupported_query()
    prop = entity_set.property(words[0])
    if prop not in entity_set.orderable:
        raise unsupported_query()
    return prop, len(words) == 2 and words[1].lower() == "desc"


def _read_token(token: str) -> tuple[str, str]:
    try:
        key = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except ValueError:
        raise expired_page_token() from None
    if not (isinstance(key, list) and len(key) == 2 and all(isinstance(k, str) for k in key)):
        raise expired_page_token()
    return key[0], key[1]


def _write_token(key: tuple[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode("utf-8")).rstrip(b"=").decode("ascii")


def _sort_key(query: ListQuery, item: Item) -> tuple[str, str]:
    value = item.get(query.order[0]) if query.order else None
    return (value.casefold() if isinstance(value, str) else ""), item["id"]


def _project(entity_set: EntitySet, item: Item, select: tuple[str, ...]) -> Item:
    wanted = select or entity_set.default
    return {p: item.get(p) for p in entity_set.properties if p in wanted}


def _context(base: str, entity_set: EntitySet, select: tuple[str, ...], suffix: str = "") -> str:
    selected = f"({','.join(select)})" if select else ""
    return f"{base}/v1.0/$metadata#{entity_set.name}{selected}{suffix}"


def entity(base: str, entity_set: EntitySet, item: Item, select: tuple[str, ...] = ()) -> Item:
    """One object as Graph answers a GET by id (or a POST)."""
    return {"@odata.context": _context(base, entity_set, select, "/$entity"), **_project(entity_set, item, select)}


def page(request: Request, base: str, entity_set: EntitySet, items: list[Item], query: ListQuery) -> Item:
    """One page of the collection: matching items in order, after the skip
    token's sort key; a nextLink with every option kept when more remain."""
    descending = bool(query.order and query.order[1])
    matching = sorted((i for i in items if query.predicate is None or query.predicate(i)),
                      key=lambda i: _sort_key(query, i), reverse=descending)
    after = query.after
    remaining = [i for i in matching if after is None
                 or (_sort_key(query, i) < after if descending else _sort_key(query, i) > after)]
    shown = remaining[:query.page_size]
    body: Item = {"@odata.context": _context(base, entity_set, query.select)}
    if query.count:
        body["@odata.count"] = len(matching)
    if len(remaining) > len(shown):
        kept = [(k, v) for k, v in parse_qsl(request.url.query, keep_blank_values=True) if k != "$skiptoken"]
        kept.append(("$skiptoken", _write_token(_sort_key(query, shown[-1]))))
        query_text = urlencode(kept, quote_via=quote, safe="$'(),:")
        body["@odata.nextLink"] = f"{base}{request.url.path}?{query_text}"
    body["value"] = [_project(entity_set, i, query.select) for i in shown]
    return body
