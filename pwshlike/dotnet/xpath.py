"""XPath 1.0 over ``xml_dom``'s nodes, for SelectNodes, SelectSingleNode
and Select-Xml, with ``[System.Xml.XmlNamespaceManager]`` for prefixes.

The whole of XPath 1.0's expression language: location paths on every axis
but ``namespace``, predicates with positions, unions, the operators and
the core function library.  As in .NET, a name without a prefix matches
only nodes in no namespace, so documents with a default namespace need a
prefix bound through a namespace manager (or Select-Xml's -Namespace).

The expression is compiled once into nested Python closures; a value is
a node list (in document order), a string, a float or a bool.  This
module installs itself as ``xml_dom``'s evaluator when it loads.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable, Iterator, Optional

from . import xml_dom as dom
from .conversions import to_string
from .errors import ArgumentNullException, DotNetException

Value = Any
Context = tuple[Any, int, int]  # node, position (1-based), size
Compiled = Callable[[Context], Value]


class XPathException(DotNetException):
    """``System.Xml.XPath.XPathException``."""

    full_name = "System.Xml.XPath.XPathException"


class XmlNamespaceManager:
    """``XmlNamespaceManager``: prefixes bound to namespace URIs for XPath
    (``xml`` and ``xmlns`` are always bound; '' is the default namespace,
    which XPath never uses for unprefixed names)."""

    full_name = "System.Xml.XmlNamespaceManager"
    PS_MEMBERS = {"AddNamespace": "add_namespace", "RemoveNamespace": "remove_namespace",
                  "LookupNamespace": "lookup_namespace", "LookupPrefix": "lookup_prefix",
                  "HasNamespace": "has_namespace", "DefaultNamespace": "default_namespace",
                  "NameTable": "name_table", "GetEnumerator": "get_enumerator", "PushScope": "push_scope",
                  "PopScope": "pop_scope"}

    def __init__(self, name_table: Any = None) -> None:
        self.name_table = name_table
        self._scopes: list[dict[str, str]] = [{"xml": "http://www.w3.org/XML/1998/namespace",
                                               "xmlns": "http://www.w3.org/2000/xmlns/", "": ""}, {}]

    def add_namespace(self, prefix: Any, uri: Any) -> None:
        if prefix is None:
            raise ArgumentNullException(None, param_name="prefix")
        if uri is None:
            raise ArgumentNullException(None, param_name="uri")
        text = to_string(prefix)
        if text in ("xml", "xmlns"):
            from .errors import ArgumentException
            raise ArgumentException(f"Prefix \"{text}\" is reserved for use by XML.")
        self._scopes[-1][text] = to_string(uri)

    def remove_namespace(self, prefix: Any, uri: Any) -> None:
        scope = self._scopes[-1]
        if scope.get(to_string(prefix)) == to_string(uri):
            del scope[to_string(prefix)]

    def lookup_namespace(self, prefix: Any) -> Optional[str]:
        text = to_string(prefix)
        for scope in reversed(self._scopes):
            if text in scope:
                return scope[text]
        return None

    def lookup_prefix(self, uri: Any) -> Optional[str]:
        text = to_string(uri)
        for scope in reversed(self._scopes):
            for prefix, bound in scope.items():
                if bound == text:
                    return prefix
        return None

    def has_namespace(self, prefix: Any) -> bool:
        return to_string(prefix) in self._scopes[-1]

    @property
    def default_namespace(self) -> str:
        return self.lookup_namespace("") or ""

    def get_enumerator(self) -> Iterator[str]:
        names: dict[str, None] = {}
        for scope in self._scopes:
            names.update(dict.fromkeys(scope))
        return iter(list(names))

    def push_scope(self) -> None:
        self._scopes.append({})

    def pop_scope(self) -> bool:
        if len(self._scopes) <= 2:
            return False
        self._scopes.pop()
        return True


# --- the data model -----------------------------------------------------------------------------

_HIDDEN = (dom.XmlDeclaration, dom.XmlDocumentType)


def _children(node: Any) -> list[Any]:
    if isinstance(node, dom.XmlAttribute):
        return []
    return [c for c in node.child_list() if not isinstance(c, _HIDDEN)]


def _parent(node: Any) -> Any:
    return node.owner_element if isinstance(node, dom.XmlAttribute) else node.parent_node


def _attributes(node: Any) -> list[Any]:
    """Attributes as XPath sees them: namespace declarations are not among them."""
    return [a for a in node.attribute_list() if a.name != "xmlns" and not a.name.startswith("xmlns:")]


def _descendants(node: Any) -> Iterator[Any]:
    for child in _children(node):
        yield child
        yield from _descendants(child)


def _root(node: Any) -> Any:
    while True:
        parent = _parent(node)
        if parent is None:
            return node
        node = parent


def _document_order(nodes: list[Any]) -> list[Any]:
    """``nodes`` without duplicates, in document order (attributes right
    after their element)."""
    unique = list({id(n): n for n in nodes}.values())
    if len(unique) < 2:
        return unique
    order: dict[int, int] = {}

    def walk(node: Any) -> None:
        order[id(node)] = len(order)
        if isinstance(node, dom.XmlElement):
            for attribute in node.attribute_list():
                order[id(attribute)] = len(order)
        for child in _children(node):
            walk(child)

    for root in {id(r): r for r in map(_root, unique)}.values():
        walk(root)
    return sorted(unique, key=lambda n: order.get(id(n), -1))


def string_value(node: Any) -> str:
    if isinstance(node, (dom.XmlElement, dom.XmlDocument, dom.XmlDocumentFragment)):
        return "".join(n.value for n in _descendants(node) if isinstance(n, dom.XmlCharacterData)
                       and not isinstance(n, dom.XmlComment))
    value = node.value
    return value if value is not None else ""


# --- axes and node tests -------------------------------------------------------------------------

def _following(node: Any) -> Iterator[Any]:
    if isinstance(node, dom.XmlAttribute):
        owner = node.owner_element
        yield from _descendants(owner)
        node = owner
    while node is not None:
        sibling = node.next_sibling
        while sibling is not None:
            if not isinstance(sibling, _HIDDEN):
                yield sibling
                yield from _descendants(sibling)
            sibling = sibling.next_sibling
        node = _parent(node)


def _preceding(node: Any) -> Iterator[Any]:
    """In reverse document order, ancestors excluded."""
    if isinstance(node, dom.XmlAttribute):
        node = node.owner_element
    while node is not None:
        sibling = node.previous_sibling
        while sibling is not None:
            if not isinstance(sibling, _HIDDEN):
                yield from reversed(list(_descendants(sibling)))
                yield sibling
            sibling = sibling.previous_sibling
        node = _parent(node)


def _ancestors(node: Any) -> Iterator[Any]:
    parent = _parent(node)
    while parent is not None:
        yield parent
        parent = _parent(parent)


def _siblings(node: Any, step: int) -> Iterator[Any]:
    if isinstance(node, dom.XmlAttribute):
        return
    sibling = node.next_sibling if step > 0 else node.previous_sibling
    while sibling is not None:
        if not isinstance(sibling, _HIDDEN):
            yield sibling
        sibling = sibling.next_sibling if step > 0 else sibling.previous_sibling


AXES: dict[str, Callable[[Any], Iterator[Any]]] = {
    "child": lambda n: iter(_children(n)),
    "descendant": _descendants,
    "descendant-or-self": lambda n: iter([n, *_descendants(n)]),
    "self": lambda n: iter([n]),
    "parent": lambda n: iter([p] if (p := _parent(n)) is not None else []),
    "ancestor": _ancestors,
    "ancestor-or-self": lambda n: iter([n, *_ancestors(n)]),
    "following-sibling": lambda n: _siblings(n, 1),
    "preceding-sibling": lambda n: _siblings(n, -1),
    "following": _following,
    "preceding": _preceding,
    "attribute": lambda n: iter(_attributes(n) if isinstance(n, dom.XmlElement) else []),
    "namespace": lambda n: iter([]),
}
_REVERSE = {"ancestor", "ancestor-or-self", "preceding", "preceding-sibling"}


def _name_test(axis: str, prefix: Optional[str], local: str, resolve: Callable[[str], str]) -> Callable[[Any], bool]:
    principal = dom.XmlAttribute if axis == "attribute" else dom.XmlElement
    uri = resolve(prefix) if prefix else ""
    if local == "*":
        if prefix is None:
            return lambda n: isinstance(n, principal)
        return lambda n: isinstance(n, principal) and n.namespace_uri == uri
    return lambda n: isinstance(n, principal) and n.local_name == local and n.namespace_uri == uri


_TYPE_TESTS: dict[str, Callable[[Any], bool]] = {
    "node": lambda n: True,
    "text": lambda n: isinstance(n, (dom.XmlText, dom.XmlCDataSection, dom.XmlWhitespace,
                                     dom.XmlSignificantWhitespace)),
    "comment": lambda n: isinstance(n, dom.XmlComment),
    "processing-instruction": lambda n: isinstance(n, dom.XmlProcessingInstruction),
}


# --- conversions -------------------------------------------------------------------------------

def to_xpath_string(value: Value) -> str:
    if isinstance(value, list):
        return string_value(value[0]) if value else ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value == int(value):
            return str(int(value))
        return repr(value)
    return value


def to_number(value: Value) -> float:
    if isinstance(value, float):
        return value
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    text = to_xpath_string(value).strip()
    if re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", text):
        return float(text)
    return math.nan


def to_boolean(value: Value) -> bool:
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, float):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, str):
        return value != ""
    return bool(value)


def _compare(op: str, left: Value, right: Value) -> bool:
    """XPath 1.0's comparison of any two values (node sets compare by any member)."""
    if isinstance(left, list) or isinstance(right, list):
        if isinstance(left, list) and isinstance(right, list):
            rights = [string_value(n) for n in right]
            return any(_compare(op, string_value(a), b) for a in left for b in rights)
        if isinstance(left, list):
            return any(_compare(op, _atom_like(string_value(n), right), right) for n in left)
        return any(_compare(op, left, _atom_like(string_value(n), left)) for n in right)
    if op in ("=", "!="):
        if isinstance(left, bool) or isinstance(right, bool):
            equal = to_boolean(left) == to_boolean(right)
        elif isinstance(left, float) or isinstance(right, float):
            equal = to_number(left) == to_number(right)
        else:
            equal = to_xpath_string(left) == to_xpath_string(right)
        return equal if op == "=" else not equal
    a, b = to_number(left), to_number(right)
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _atom_like(text: str, other: Value) -> Value:
    """A node's string value in the type it is compared with."""
    if isinstance(other, bool):
        return bool(text)
    if isinstance(other, float):
        return to_number(text)
    return text


# --- functions ---------------------------------------------------------------------------------

def _round(x: float) -> float:
    if math.isnan(x) or math.isinf(x):
        return x
    return float(math.floor(x + 0.5))


def _substring(text: str, start: float, length: Optional[float] = None) -> str:
    first = _round(start)
    last = first + _round(length) if length is not None else math.inf
    return "".join(ch for i, ch in enumerate(text, 1) if first <= i < last)


def _translate(text: str, source: str, target: str) -> str:
    table: dict[str, Optional[str]] = {}
    for i, ch in enumerate(source):
        table.setdefault(ch, target[i] if i < len(target) else None)
    return "".join(table.get(ch, ch) or "" for ch in text if table.get(ch, ch) is not None)


def _node_arg(args: list[Value], ctx: Context) -> Any:
    if not args:
        return ctx[0]
    nodes = args[0]
    if not isinstance(nodes, list):
        raise XPathException("Expression must evaluate to a node-set.")
    return nodes[0] if nodes else None


def _name_of(node: Any, part: str) -> str:
    if node is None or isinstance(node, (dom.XmlDocument, dom.XmlCharacterData)) and \
            not isinstance(node, dom.XmlElement):
        return ""
    if part == "local":
        return node.local_name
    if part == "uri":
        return node.namespace_uri
    return node.name


# name -> (min args, max args, function(args, ctx)); arguments arrive evaluated.
FUNCTIONS: dict[str, tuple[int, int, Callable[[list[Value], Context], Value]]] = {
    "last": (0, 0, lambda a, c: float(c[2])),
    "position": (0, 0, lambda a, c: float(c[1])),
    "count": (1, 1, lambda a, c: float(len(_nodes(a[0])))),
    "local-name": (0, 1, lambda a, c: _name_of(_node_arg(a, c), "local")),
    "namespace-uri": (0, 1, lambda a, c: _name_of(_node_arg(a, c), "uri")),
    "name": (0, 1, lambda a, c: _name_of(_node_arg(a, c), "name")),
    "string": (0, 1, lambda a, c: to_xpath_string(a[0]) if a else string_value(c[0])),
    "concat": (2, 99, lambda a, c: "".join(map(to_xpath_string, a))),
    "starts-with": (2, 2, lambda a, c: to_xpath_string(a[0]).startswith(to_xpath_string(a[1]))),
    "contains": (2, 2, lambda a, c: to_xpath_string(a[1]) in to_xpath_string(a[0])),
    "substring-before": (2, 2, lambda a, c: to_xpath_string(a[0]).partition(to_xpath_string(a[1]))[0]
                         if to_xpath_string(a[1]) in to_xpath_string(a[0]) else ""),
    "substring-after": (2, 2, lambda a, c: to_xpath_string(a[0]).partition(to_xpath_string(a[1]))[2]
                        if to_xpath_string(a[1]) in to_xpath_string(a[0]) else ""),
    "substring": (2, 3, lambda a, c: _substring(to_xpath_string(a[0]), to_number(a[1]),
                                                to_number(a[2]) if len(a) > 2 else None)),
    "string-length": (0, 1, lambda a, c: float(len(to_xpath_string(a[0]) if a else string_value(c[0])))),
    "normalize-space": (0, 1, lambda a, c: " ".join((to_xpath_string(a[0]) if a else string_value(c[0])).split())),
    "translate": (3, 3, lambda a, c: _translate(*map(to_xpath_string, a))),
    "boolean": (1, 1, lambda a, c: to_boolean(a[0])),
    "not": (1, 1, lambda a, c: not to_boolean(a[0])),
    "true": (0, 0, lambda a, c: True),
    "false": (0, 0, lambda a, c: False),
    "lang": (1, 1, lambda a, c: _lang(c[0], to_xpath_string(a[0]))),
    "number": (0, 1, lambda a, c: to_number(a[0] if a else string_value(c[0]))),
    "sum": (1, 1, lambda a, c: float(sum(to_number(string_value(n)) for n in _nodes(a[0])))),
    "floor": (1, 1, lambda a, c: float(math.floor(x)) if math.isfinite(x := to_number(a[0])) else x),
    "ceiling": (1, 1, lambda a, c: float(math.ceil(x)) if math.isfinite(x := to_number(a[0])) else x),
    "round": (1, 1, lambda a, c: _round(to_number(a[0]))),
}


def _lang(node: Any, wanted: str) -> bool:
    for candidate in [node, *_ancestors(node)]:
        if isinstance(candidate, dom.XmlElement) and candidate.has_attribute("xml:lang"):
            lang = candidate.get_attribute("xml:lang").lower()
            return lang == wanted.lower() or lang.startswith(wanted.lower() + "-")
    return False


def _nodes(value: Value) -> list[Any]:
    if not isinstance(value, list):
        raise XPathException("Expression must evaluate to a node-set.")
    return value


# --- tokens ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"""\s*(?:
    (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<literal>"[^"]*"|'[^']*')
  | (?P<op>//|::|\.\.|!=|<=|>=|[/()\[\].@,|+\-=<>*$])
  | (?P<name>[^\W\d][\w.\-]*(?::(?:\*|[^\W\d][\w.\-]*))?)
)""", re.VERBOSE)


def _ends_operand(token: tuple[str, str]) -> bool:
    return token[0] in ("number", "literal", "name") or token[1] in (")", "]", ".", "..") and token[0] == "op"


def _tokens(text: str) -> list[tuple[str, str]]:
    result: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise XPathException(f"'{text}' has an invalid token.")
        kind = match.lastgroup or ""
        value = match.group(kind)
        # `*` and the operator names are operators only right after an operand.
        if value == "*" or kind == "name" and value in ("and", "or", "mod", "div"):
            kind = "operator" if result and _ends_operand(result[-1]) else "name"
        result.append((kind, value))
        pos = match.end()
    result.append(("end", ""))
    return result


class _Parser:
    """Recursive descent over XPath 1.0's grammar, producing closures."""

    def __init__(self, text: str, resolve: Callable[[str], str]) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.pos = 0
        self.resolve = resolve

    def peek(self, offset: int = 0) -> tuple[str, str]:
        return self.tokens[min(self.pos + offset, len(self.tokens) - 1)]

    def next(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def accept(self, value: str) -> bool:
        kind, text = self.peek()
        if kind in ("op", "operator") and text == value:
            self.pos += 1
            return True
        return False

    def expect(self, value: str) -> None:
        if not self.accept(value):
            raise self.invalid()

    def invalid(self) -> XPathException:
        return XPathException(f"'{self.text}' has an invalid token.")

    def parse(self) -> Compiled:
        expr = self.or_expr()
        if self.peek()[0] != "end":
            raise self.invalid()
        return expr

    def _binary(self, operand: Callable[[], Compiled], ops: tuple[str, ...],
                combine: Callable[[str, Compiled, Compiled], Compiled]) -> Compiled:
        left = operand()
        while self.peek()[0] in ("op", "operator") and self.peek()[1] in ops:
            op = self.next()[1]
            left = combine(op, left, operand())
        return left

    def or_expr(self) -> Compiled:
        return self._binary(self.and_expr, ("or",),
                            lambda op, a, b: lambda c: to_boolean(a(c)) or to_boolean(b(c)))

    def and_expr(self) -> Compiled:
        return self._binary(self.equality, ("and",),
                            lambda op, a, b: lambda c: to_boolean(a(c)) and to_boolean(b(c)))

    def equality(self) -> Compiled:
        return self._binary(self.relational, ("=", "!="), lambda op, a, b: lambda c: _compare(op, a(c), b(c)))

    def relational(self) -> Compiled:
        return self._binary(self.additive, ("<", "<=", ">", ">="),
                            lambda op, a, b: lambda c: _compare(op, a(c), b(c)))

    def additive(self) -> Compiled:
        def combine(op: str, a: Compiled, b: Compiled) -> Compiled:
            if op == "+":
                return lambda c: to_number(a(c)) + to_number(b(c))
            return lambda c: to_number(a(c)) - to_number(b(c))
        return self._binary(self.multiplicative, ("+", "-"), combine)

    def multiplicative(self) -> Compiled:
        def combine(op: str, a: Compiled, b: Compiled) -> Compiled:
            if op == "*":
                return lambda c: to_number(a(c)) * to_number(b(c))
            if op == "div":
                return lambda c: _divide(to_number(a(c)), to_number(b(c)))
            return lambda c: _modulo(to_number(a(c)), to_number(b(c)))
        return self._binary(self.unary, ("*", "div", "mod"), combine)

    def unary(self) -> Compiled:
        if self.accept("-"):
            operand = self.unary()
            return lambda c: -to_number(operand(c))
        return self.union()

    def union(self) -> Compiled:
        def combine(op: str, a: Compiled, b: Compiled) -> Compiled:
            return lambda c: _document_order(_nodes(a(c)) + _nodes(b(c)))
        return self._binary(self.path, ("|",), combine)

    def path(self) -> Compiled:
        kind, text = self.peek()
        starts_filter = kind in ("number", "literal") or (kind == "op" and text in ("(", "$")) or (
            kind == "name" and self.peek(1) == ("op", "(") and text not in _TYPE_TESTS)
        if not starts_filter:
            return self.location_path()
        expr = self.filter_expr()
        if self.peek() in (("op", "/"), ("op", "//")):
            deep = self.next()[1] == "//"
            steps = self.relative_steps()
            return _apply_steps(expr, deep, steps)
        return expr

    def filter_expr(self) -> Compiled:
        expr = self.primary()
        predicates = self.predicates()
        if not predicates:
            return expr

        def filtered(c: Context) -> Value:
            nodes = _nodes(expr(c))
            for predicate in predicates:
                nodes = _filter(nodes, predicate)
            return nodes
        return filtered

    def primary(self) -> Compiled:
        kind, text = self.next()
        if kind == "number":
            number = float(text)
            return lambda c: number
        if kind == "literal":
            literal = text[1:-1]
            return lambda c: literal
        if kind == "op" and text == "(":
            inner = self.or_expr()
            self.expect(")")
            return inner
        if kind == "op" and text == "$":
            raise XPathException("Namespace Manager or XsltContext needed. This query has a prefix, variable, "
                                 "or user-defined function.")
        if kind == "name":
            return self.function_call(text)
        raise self.invalid()

    def function_call(self, name: str) -> Compiled:
        self.expect("(")
        args: list[Compiled] = []
        if not self.accept(")"):
            args.append(self.or_expr())
            while self.accept(","):
                args.append(self.or_expr())
            self.expect(")")
        entry = FUNCTIONS.get(name)
        if entry is None:
            if ":" in name:
                raise XPathException("Namespace Manager or XsltContext needed. This query has a prefix, "
                                     "variable, or user-defined function.")
            raise XPathException(f"'{self.text}' has an invalid qualified name.")
        low, high, function = entry
        if not low <= len(args) <= high:
            raise XPathException(f"Function '{name}()' in '{self.text}' has an invalid number of arguments.")
        return lambda c: function([a(c) for a in args], c)

    def location_path(self) -> Compiled:
        if self.peek() in (("op", "/"), ("op", "//")):
            deep = self.next()[1] == "//"
            kind, text = self.peek()
            at_end = kind == "end" or kind in ("op", "operator") and text in (")", "]", ",", "|", "=", "!=",
                                                                              "<", ">", "<=", ">=", "and", "or",
                                                                              "+", "-", "div", "mod")
            root: Compiled = lambda c: [_root(c[0])]
            if at_end and not deep:
                return root
            return _apply_steps(root, deep, self.relative_steps())
        return _apply_steps(lambda c: [c[0]], False, self.relative_steps())

    def relative_steps(self) -> list[Callable[[list[Any]], list[Any]]]:
        steps = [self.step()]
        while self.peek() in (("op", "/"), ("op", "//")):
            if self.next()[1] == "//":
                steps.append(_axis_step("descendant-or-self", lambda n: True, []))
            steps.append(self.step())
        return steps

    def step(self) -> Callable[[list[Any]], list[Any]]:
        if self.accept("."):
            return _axis_step("self", lambda n: True, [])
        if self.accept(".."):
            return _axis_step("parent", lambda n: True, [])
        axis = "child"
        if self.accept("@"):
            axis = "attribute"
        elif self.peek()[0] == "name" and self.peek(1) == ("op", "::"):
            axis = self.next()[1]
            self.next()
            if axis not in AXES:
                raise self.invalid()
        kind, text = self.next()
        if kind != "name":
            raise self.invalid()
        if text in _TYPE_TESTS and self.peek() == ("op", "("):
            self.next()
            if text == "processing-instruction" and self.peek()[0] == "literal":
                target = self.next()[1][1:-1]
                test = lambda n: isinstance(n, dom.XmlProcessingInstruction) and n.target == target
            else:
                test = _TYPE_TESTS[text]
            self.expect(")")
        else:
            prefix, _, local = text.rpartition(":")
            test = _name_test(axis, prefix or None, local, self.resolve)
        return _axis_step(axis, test, self.predicates())

    def predicates(self) -> list[Compiled]:
        result = []
        while self.accept("["):
            result.append(self.or_expr())
            self.expect("]")
        return result


def _divide(a: float, b: float) -> float:
    if b == 0:
        if a == 0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1, b)
    return a / b


def _modulo(a: float, b: float) -> float:
    if b == 0 or math.isinf(a) or math.isnan(a) or math.isnan(b):
        return math.nan
    return math.fmod(a, b)


def _filter(nodes: list[Any], predicate: Compiled) -> list[Any]:
    """Keeps the nodes a predicate accepts (a number means ``position() = n``)."""
    size = len(nodes)
    kept = []
    for position, node in enumerate(nodes, 1):
        value = predicate((node, position, size))
        if isinstance(value, float) and not isinstance(value, bool):
            if value == position:
                kept.append(node)
        elif to_boolean(value):
            kept.append(node)
    return kept


def _axis_step(axis: str, test: Callable[[Any], bool], predicates: list[Compiled]
               ) -> Callable[[list[Any]], list[Any]]:
    walk = AXES[axis]
    reverse = axis in _REVERSE

    def step(context_nodes: list[Any]) -> list[Any]:
        result: list[Any] = []
        for node in context_nodes:
            selected = [n for n in walk(node) if test(n)]
            for predicate in predicates:
                selected = _filter(selected, predicate)  # proximity order: reverse axes count backwards
            result.extend(reversed(selected) if reverse else selected)
        return _document_order(result) if len(context_nodes) > 1 or reverse else result
    return step


def _apply_steps(start: Compiled, deep: bool, steps: list[Callable[[list[Any]], list[Any]]]) -> Compiled:
    if deep:
        steps = [_axis_step("descendant-or-self", lambda n: True, []), *steps]

    def run(c: Context) -> Value:
        nodes = _nodes(start(c))
        for step in steps:
            nodes = step(nodes)
        return nodes
    return run


# --- entry points ------------------------------------------------------------------------------

def _resolver(namespaces: Any) -> Callable[[str], str]:
    def resolve(prefix: str) -> str:
        if namespaces is None:
            raise XPathException("Namespace Manager or XsltContext needed. This query has a prefix, variable, "
                                 "or user-defined function.")
        if isinstance(namespaces, XmlNamespaceManager):
            uri = namespaces.lookup_namespace(prefix)
        else:
            uri = next((to_string(v) for k, v in namespaces.items() if to_string(k) == prefix), None)
        if uri is None:
            raise XPathException(f"Namespace prefix '{prefix}' is not defined.")
        return uri
    return resolve


def compile_xpath(expression: str, namespaces: Any = None) -> Compiled:
    """Compiles an expression; XPathException when it is not XPath 1.0.
    ``namespaces`` is an XmlNamespaceManager or a dictionary of prefixes."""
    return _Parser(expression, _resolver(namespaces)).parse()


def evaluate(node: Any, expression: str, namespaces: Any = None) -> Value:
    """The value of ``expression`` with ``node`` as the context node."""
    return compile_xpath(expression, namespaces)((node, 1, 1))


def select(node: Any, expression: str, namespaces: Any = None) -> list[Any]:
    """SelectNodes: the nodes ``expression`` selects, in document order;
    an expression of another type is .NET's XPathException."""
    value = evaluate(node, expression, namespaces)
    if not isinstance(value, list):
        raise XPathException("Expression must evaluate to a node-set.")
    return value


dom.install_xpath(select)
