"""Tab completion from command metadata and session state.

:class:`CompletionEngine` answers "what can go at the cursor" for the text
of the prompt, without prompt_toolkit (``completer.py`` adapts it).  What it
reads:

* command names: the registry (``context.commands``: names and module names
  only, nothing is imported), aliases and functions of the session, programs
  on PATH; ``Module\\Name`` completes within one module;
* parameters: the command's :class:`~pwshlike.commands.metadata.CommandMetadata`
  (``CommandInfo.metadata(context)``); the arguments already typed narrow
  the parameter sets as the binder does (named ones by the sets they belong
  to, positional ones by position), and only parameters still possible are
  offered, common parameters last;
* argument values: ``ParameterMetadata.accepted_values`` (ValidateSet), the
  names of an enum type, ``$true``/``$false`` for booleans, else paths;
* variables from the current scope (``$env:`` from the environment) and the
  members of a variable's value (``property_list``, dictionary keys,
  methods);
* hashtable keys of a parameter's type (``-BodyParameter @{ cl``) through
  the **property-names protocol**: the first of the parameter's converter,
  the PSType it converts to (``converter.pstype``) and that type's Python
  class (``pstype.pyclass``) to have an attribute ``property_names`` (a
  sequence of names, or a callable returning one) supplies the keys.  A
  plugin type becomes completable by declaring it, e.g.
  ``property_names = ("clientId", "consentType")`` on its model class.

Descriptions (the command's synopsis, the parameter's type) are computed
only for the completions a menu actually shows.  A command's synopsis comes
from ``CommandInfo.synopsis`` when the info carries one (so plugins can
describe commands without being imported), else from the cmdlet class.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from pwshlike.commands.metadata import CommandMetadata, ParameterMetadata

from .cursor_context import Argument, CursorContext, analyze

Description = Union[str, Callable[[], str]]

_WILDCARD_CHARS = frozenset("*?[")
_NEEDS_QUOTES = frozenset(" \t'\"`$(){}[];,&|@#<>")
_BOOL_TYPES = frozenset(("bool", "boolean", "system.boolean", "switchparameter", "switch",
                         "system.management.automation.switchparameter"))


class CompletionItem:
    """One completion: ``text`` replaces the word, ``display`` is what the
    menu shows, ``description`` a short explanation (or a callable giving
    it, evaluated only when shown)."""

    __slots__ = ("text", "display", "_description", "kind")

    def __init__(self, text: str, display: Optional[str] = None, description: Description = "",
                 kind: str = "") -> None:
        self.text = text
        self.display = display if display is not None else text
        self._description = description
        self.kind = kind

    @property
    def description(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """The description, computing it on first use."""
        value = self._description
        if callable(value):
            try:
                value = value()
            except Exception:  # a description must never break the menu
                value = ""
            self._description = value
        return value

    def __repr__(self) -> str:
        return f"CompletionItem({self.text!r})"


class CompletionResult:
    """The items, and the span ``[start, end)`` of the text they replace."""

    __slots__ = ("start", "end", "items")

    def __init__(self, start: int, end: int, items: list[CompletionItem]) -> None:
        self.start = start
        self.end = end
        self.items = items

    @property
    def texts(self) -> list[str]:
        return [item.text for item in self.items]


class _Matcher:
    """Case-insensitive prefix match, or a wildcard pattern when the word
    has ``*``, ``?`` or ``[`` (``Get-*Item``)."""

    __slots__ = ("prefix", "pattern")

    def __init__(self, word: str) -> None:
        if _WILDCARD_CHARS & set(word):
            from pwshlike.dotnet.wildcard import wildcard_match
            pattern = word if word.endswith("*") else word + "*"
            self.pattern: Optional[Callable[[str], bool]] = lambda name: wildcard_match(name, pattern)
        else:
            self.pattern = None
        self.prefix = word.lower()

    def __call__(self, name: str) -> bool:
        if self.pattern is not None:
            return self.pattern(name)
        return not self.prefix or name.lower().startswith(self.prefix)


class CompletionEngine:
    """Completions for one session (``context`` is its ExecutionContext)."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self._path_entries: Optional[tuple[str, list[tuple[str, str]]]] = None

    def complete(self, text: str, cursor: Optional[int] = None) -> CompletionResult:
        """What can replace the word before ``cursor`` (default: the end)."""
        if cursor is None:
            cursor = len(text)
        where = analyze(text, cursor)
        handler = getattr(self, "_complete_" + where.kind, None)
        items = list(handler(where)) if handler is not None else []
        return CompletionResult(where.start, cursor, items)

    def new_prompt(self) -> None:
        """Forgets what may have changed since the last prompt (PATH)."""
        self._path_entries = None

    # --- commands ------------------------------------------------------------------

    def _complete_command(self, where: CursorContext) -> Iterator[CompletionItem]:
        word = where.word
        if _looks_like_path(word):
            yield from self._paths(word)
            return
        module, sep, short = word.rpartition("\\")
        if sep:
            yield from self._module_commands(module, short)
            return
        match = _Matcher(word)
        found: dict[str, CompletionItem] = {}
        session, scope = self.context.session, self.context.scope
        for key, target in session.visible_aliases(scope).items():
            if match(key):
                found.setdefault(key, CompletionItem(key, description=f"Alias for {target}", kind="alias"))
        for key, script_block in session.visible_functions(scope).items():
            name = getattr(script_block, "name", "") or key
            if match(name):
                found.setdefault(name.lower(), CompletionItem(
                    name, description=_function_description(script_block), kind="function"))
        modules: dict[str, str] = {}
        for info in self.context.commands:
            if match(info.name):
                found.setdefault(info.name.lower(), CompletionItem(
                    info.name, description=_synopsis_of(info), kind="cmdlet"))
            if word and info.module_name and match(info.module_name):
                modules.setdefault(info.module_name.lower(), info.module_name)
        if word:
            for item in self._programs(match):
                found.setdefault(item.text.lower(), item)
        yield from sorted(found.values(), key=lambda item: item.text.lower())
        for module_name in sorted(modules.values(), key=str.lower):
            yield CompletionItem(module_name + "\\", module_name, f"Module {module_name}", kind="module")

    def _module_commands(self, module: str, short: str) -> Iterator[CompletionItem]:
        match = _Matcher(short)
        low = module.lower()
        items = [CompletionItem(f"{module}\\{info.name}", info.name, _synopsis_of(info), kind="cmdlet")
                 for info in self.context.commands
                 if info.module_name.lower() == low and match(info.name)]
        yield from sorted(items, key=lambda item: item.display.lower())

    def _programs(self, match: _Matcher) -> Iterator[CompletionItem]:
        """Executable files on PATH whose names match.  Directory listings
        are read once per prompt; only matching names are checked for being
        executable files."""
        search = os.environ.get("PATH", "")
        if self._path_entries is None or self._path_entries[0] != search:
            self._path_entries = (search, _list_path(search))
        for name, path in self._path_entries[1]:
            if match(name) and os.path.isfile(path) and os.access(path, os.X_OK):
                yield CompletionItem(name, description=path, kind="application")

    def _command_metadata(self, name: Optional[str]) -> Optional[CommandMetadata]:
        """The metadata of the command ``name`` resolves to, or None (unknown
        commands and programs have none)."""
        if not name:
            return None
        resolver = getattr(self.context, "command_resolver", None)
        if resolver is None:
            return None
        try:
            info = resolver.find(self.context, name, use_get_prefix=False)
            if info is None or not hasattr(info, "metadata"):
                return None
            return info.metadata(self.context)
        except Exception:  # a command that fails to load or describe offers nothing
            return None

    # --- parameters and their values ---------------------------------------------------

    def _complete_parameter(self, where: CursorContext) -> Iterator[CompletionItem]:
        metadata = self._command_metadata(where.command)
        if metadata is None:
            return
        shape = _ArgumentShape(metadata, where.arguments)
        match = _Matcher(where.word[1:])
        for param in metadata.parameters.values():
            if param.name in shape.bound or param.dont_show or not shape.fits(param):
                continue
            if match(param.name):
                yield CompletionItem("-" + param.name, description=_type_text(param), kind="parameter")
                continue
            for alias in param.aliases:
                if match(alias):
                    yield CompletionItem("-" + alias, description=f"{_type_text(param)} alias of -{param.name}",
                                         kind="parameter")
                    break

    def _complete_argument(self, where: CursorContext) -> Iterator[CompletionItem]:
        metadata = self._command_metadata(where.command)
        param: Optional[ParameterMetadata] = None
        if metadata is not None:
            shape = _ArgumentShape(metadata, where.arguments)
            param = shape.pending if shape.pending is not None else shape.next_positional()
        if param is not None:
            values = _parameter_values(param)
            if values is not None:
                yield from _value_items(values, where.word, param)
                return
            if param.is_switch:
                return
        yield from self._paths(where.word)

    # --- variables and members -----------------------------------------------------------

    def _complete_variable(self, where: CursorContext) -> Iterator[CompletionItem]:
        word = where.word
        sigil, rest = word[:1], word[1:]
        braced = rest.startswith("{")
        if braced:
            rest = rest[1:]
        qualifier, colon, name = rest.rpartition(":")
        prefix = qualifier + colon
        match = _Matcher(name)
        if qualifier.lower() == "env":
            names: Iterable[tuple[str, Description]] = (
                (key, value) for key, value in sorted(os.environ.items()) if match(key))
        else:
            variables = self.context.session.visible_variables(self.context.scope)
            names = sorted(((v.name, _value_type_description(v)) for v in variables if match(v.name)),
                           key=lambda pair: pair[0].lower())
        for found, description in names:
            full = prefix + found
            if braced or not _plain_variable_name(full):
                text = f"{sigil}{{{full}}}"
            else:
                text = sigil + full
            yield CompletionItem(text, sigil + full, description, kind="variable")

    def _complete_member(self, where: CursorContext) -> Iterator[CompletionItem]:
        from pwshlike.dotnet.members import get_member
        value = self.context.get_variable_value(where.chain[0])
        try:
            for name in where.chain[1:]:
                value = get_member(value, name)
        except Exception:  # a failing property offers nothing rather than an error
            return
        if value is None:
            return
        match = _Matcher(where.word)
        seen: set[str] = set()
        for name, description, is_method in _members(value):
            if name.lower() in seen or not match(name):
                continue
            seen.add(name.lower())
            yield CompletionItem(name + "(" if is_method else name, name, description,
                                 kind="method" if is_method else "property")

    # --- hashtable keys --------------------------------------------------------------------

    def _complete_hashtable_key(self, where: CursorContext) -> Iterator[CompletionItem]:
        metadata = self._command_metadata(where.command)
        if metadata is None or where.parameter_name is None:
            return
        param = _resolve_parameter(metadata, where.parameter_name)
        if param is None:
            return
        names = property_names(param)
        used = {key.lower() for key in where.used_keys}
        match = _Matcher(where.word)
        type_name = param.type_name.removesuffix("[]")
        for name in names:
            if name.lower() not in used and match(name):
                yield CompletionItem(_quoted(name) if _needs_quotes(name) else name, name,
                                     f"Property of {type_name}", kind="property")

    # --- paths ---------------------------------------------------------------------------

    def _paths(self, word: str) -> Iterator[CompletionItem]:
        quote, inner = _unquote(word)
        directory_part, slash, name_prefix = inner.rpartition("/")
        if slash:
            shown = directory_part + "/"
            base = self.context.session.resolve_path(directory_part or "/")
        else:
            shown = "./"
            base = self.context.session.location
            if inner in ("~", ".", ".."):
                shown, base, name_prefix = inner + "/", self.context.session.resolve_path(inner), ""
        try:
            entries = list(os.scandir(base))
        except OSError:
            return
        match = _Matcher(name_prefix)
        show_hidden = name_prefix.startswith(".")
        found: list[tuple[bool, str, str]] = []
        for entry in entries:
            if (entry.name.startswith(".") and not show_hidden) or not match(entry.name):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            found.append((not is_dir, entry.name.lower(), entry.name))
        for is_file, _low, name in sorted(found):
            path = shown + name + ("" if is_file else "/")
            text = _quoted(path, quote or "'") if quote or _needs_quotes(path) else path
            yield CompletionItem(text, name + ("" if is_file else "/"), os.path.join(base, name),
                                 kind="file" if is_file else "directory")


class _ArgumentShape:
    """What the typed arguments leave possible, following the binder:
    named arguments bind first and narrow the parameter sets to those
    containing them; positional ones take the unbound parameter with the
    lowest position in the sets left.  ``pending`` is a named parameter
    still waiting for its value (the word being completed)."""

    def __init__(self, metadata: CommandMetadata, arguments: list[Argument]) -> None:
        self.metadata = metadata
        self.valid_sets = list(metadata.parameter_sets)
        self.bound: set[str] = set()
        self.pending: Optional[ParameterMetadata] = None
        positional = 0
        for argument in arguments:
            if self.pending is not None and argument.name is None:
                self.pending = None  # this argument is the pending parameter's value
                continue
            self.pending = None
            if argument.name is None:
                positional += 1
                continue
            param = _resolve_parameter(metadata, argument.name)
            if param is None:
                continue
            self._bind(param)
            if argument.colon:
                self.pending = None if argument.has_value else param
            elif not param.is_switch:
                self.pending = param
        for _ in range(positional):
            param = self.next_positional()
            if param is None:
                break
            self._bind(param)

    def _bind(self, param: ParameterMetadata) -> None:
        self.bound.add(param.name)
        if not param.in_all_sets:
            narrowed = [s for s in self.valid_sets if s in param.sets]
            if narrowed:
                self.valid_sets = narrowed

    def fits(self, param: ParameterMetadata) -> bool:
        """Whether ``param`` belongs to a parameter set still possible."""
        return param.in_all_sets or any(s in param.sets for s in self.valid_sets)

    def next_positional(self) -> Optional[ParameterMetadata]:
        best: Optional[tuple[int, int, ParameterMetadata]] = None
        default = self.metadata.default_parameter_set
        for order, param in enumerate(self.metadata.parameters.values()):
            if param.name in self.bound or param.is_switch:
                continue
            for set_name in self.valid_sets:
                spec = param.spec_for(set_name)
                if spec is None or spec.position is None:
                    continue
                rank = (spec.position, 0 if set_name == default else 1)
                if best is None or rank < best[:2]:
                    best = (rank[0], rank[1], param)
        return best[2] if best is not None else None


def _list_path(search: str) -> list[tuple[str, str]]:
    """(name, path) of the entries of the PATH directories, the first of
    each name winning as in command lookup."""
    seen: dict[str, str] = {}
    for directory in search.split(os.pathsep):
        if not directory:
            continue
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        for name in names:
            seen.setdefault(name, os.path.join(directory, name))
    return sorted(seen.items())


def _resolve_parameter(metadata: CommandMetadata, name: str) -> Optional[ParameterMetadata]:
    """The binder's name resolution; None for unknown or ambiguous names."""
    from pwshlike.commands.binder import resolve_parameter
    from pwshlike.dotnet.errors import ParameterBindingException
    try:
        return resolve_parameter(metadata, name, metadata.name)
    except ParameterBindingException:
        return None


def property_names(param: ParameterMetadata) -> list[str]:
    """The property-names protocol (see the module docstring)."""
    converter = param.converter
    pstype = _resolved_type(converter)
    for source in (converter, pstype, getattr(pstype, "pyclass", None)):
        names = getattr(source, "property_names", None) if source is not None else None
        if names is None:
            continue
        if callable(names):
            names = names()
        return [str(name) for name in names]
    return []


def _resolved_type(converter: Any) -> Any:
    if converter is None or not hasattr(converter, "pstype"):
        return None
    try:
        return converter.pstype
    except Exception:  # an unknown type name has nothing to offer
        return None


def _parameter_values(param: ParameterMetadata) -> Optional[list[str]]:
    """ValidateSet values (in their order), enum names or booleans (a
    switch written ``-Switch:``); None for free values."""
    if param.accepted_values:
        return list(param.accepted_values)
    base_type = param.type_name.removesuffix("[]").lower()
    if base_type in _BOOL_TYPES:
        return ["$true", "$false"]
    names = param.enum_names()
    if names:
        return sorted(names, key=str.lower)  # pwsh lists enum names alphabetically
    return None


def _value_items(values: list[str], word: str, param: ParameterMetadata) -> Iterator[CompletionItem]:
    quote, inner = _unquote(word)
    match = _Matcher(inner)
    for value in values:
        if not match(value):
            continue
        if value.startswith("$"):
            text = value
        else:
            text = _quoted(value, quote or "'") if quote or _needs_quotes(value) else value
        yield CompletionItem(text, value, f"[{param.type_name}]", kind="value")


def _members(value: Any) -> Iterator[tuple[str, Description, bool]]:
    """(name, description, is_method) for the value's keys, properties and
    methods; a collection adds its first element's members, as pwsh's
    member enumeration does."""
    from pwshlike.dotnet.members import PSObjectView, property_list
    from pwshlike.dotnet.values import iter_collection
    if isinstance(value, Mapping):
        for key in value:
            if isinstance(key, str):
                yield key, _lazy_type_name(value[key]), False
    for prop in property_list(value):
        yield prop.Name, _lazy_type_name(prop.Value), False
    for method in PSObjectView(value).methods:
        yield method, "Method", True
    if not isinstance(value, (str, Mapping)):
        items = iter_collection(value)
        if items is not None:
            for first in items:
                if first is not value and not isinstance(first, (list, tuple)):
                    yield from _members(first)
                break


def _lazy_type_name(value: Any) -> Callable[[], str]:
    def describe() -> str:
        from pwshlike.dotnet.types import type_of
        return f"[{type_of(value).name}]"
    return describe


def _value_type_description(variable: Any) -> Callable[[], str]:
    return _lazy_type_name(variable.value) if variable.value is not None else (lambda: "$null")


def _synopsis_of(info: Any) -> Callable[[], str]:
    """The command's synopsis, read when the menu shows it."""

    def describe() -> str:
        synopsis = getattr(info, "synopsis", None)
        if synopsis is None and hasattr(info, "implementation"):
            synopsis = getattr(info.implementation(), "synopsis", "")
        module = getattr(info, "module_name", "")
        return synopsis or (f"Cmdlet from {module}" if module else "Cmdlet")

    return describe


def _function_description(script_block: Any) -> Callable[[], str]:
    def describe() -> str:
        return "Filter" if getattr(script_block, "is_filter", False) else "Function"
    return describe


def _type_text(param: ParameterMetadata) -> str:
    return "[switch]" if param.is_switch else f"[{param.type_name}]"


def _looks_like_path(word: str) -> bool:
    return "/" in word or word.startswith(".") or word.startswith("~")


def _plain_variable_name(name: str) -> bool:
    return bool(name) and all(c.isalnum() or c in "_?:" for c in name)


def _unquote(word: str) -> tuple[str, str]:
    """(opening quote or '', the word without its quotes)."""
    if word[:1] in ("'", '"'):
        quote = word[0]
        inner = word[1:]
        if inner.endswith(quote):
            inner = inner[:-1]
        return quote, inner
    return "", word


def _needs_quotes(text: str) -> bool:
    return any(c in _NEEDS_QUOTES for c in text)


def _quoted(text: str, quote: str = "'") -> str:
    if quote == '"':
        return '"' + text.replace("`", "``").replace('"', '`"').replace("$", "`$") + '"'
    return "'" + text.replace("'", "''") + "'"
