"""Type names as a script writes them.  A name finds, in order: a class
the script defines; a class a module its ``using module`` statements import
defines (by its name or ``Module.Name``; a name two such modules define is
ambiguous); any type the session knows; a type in a namespace the script's
``using namespace`` statements open (``using namespace System.Text`` lets it
write ``[StringBuilder]``; a name two of them have is ambiguous), as pwsh's
TypeResolver tries each of them.  Names given as text at run time
(``[type]'Foo'``) are resolved with the script running in the scope or the
scopes above it, pwsh's TypeResolutionState of the current scope.

What a script's using statements and classes give is recorded per source
text when the script compiles, so the type names of every block of that
script (its functions, its classes' members) find it.  A module's classes
are found only this way, by the scripts that ``using module`` it.
"""

from __future__ import annotations

import os

from ..dotnet.errors import ErrorCategory, ParseException, RuntimeException
from ..dotnet.types import array_type, find_type, PSType, register_text_resolver, resolve_type
from ..language import ast as A
from ..language.errors import ParseError
from . import active

TYPE_CHECKING = False
if TYPE_CHECKING:
    import weakref
    from typing import Any, Callable, NoReturn, Optional

# The script's source text -> the namespaces its using statements open.
_NAMESPACES: "weakref.WeakKeyDictionary[A.SourceText, tuple[str, ...]]" = {}  # type: ignore[assignment]


def _weak(table: Any) -> Any:
    """A table keyed by source text, ready for its first entry: each starts
    as an empty plain dict (read as empty) and becomes a WeakKeyDictionary
    when a script first adds to it, so a script without using statements
    or classes runs without loading weakref."""
    if type(table) is dict:
        import weakref
        return weakref.WeakKeyDictionary()
    return table


def record_using_namespaces(ast: A.ScriptBlockAst) -> None:
    """Remembers the namespaces a whole script's ``using namespace`` statements open."""
    global _NAMESPACES
    names = tuple(_name(u) for u in ast.using_statements or () if u.using_kind == "namespace")
    if names:
        _NAMESPACES = _weak(_NAMESPACES)
        _NAMESPACES[ast.extent.source] = names


def _name(using: Any) -> str:
    value = getattr(using.name, "value", None)
    return value if isinstance(value, str) else using.name.extent.text


def resolve_in_script(type_name: Any) -> PSType:
    """A class of the script (its own, then its using modules'), else
    ``resolve_type``, then the namespaces the script's using statements open."""
    if isinstance(type_name, A.TypeName) and type_name.array_rank and type_name.element_type is not None:
        return array_type(resolve_in_script(type_name.element_type))
    found_class = _script_class(type_name)
    if found_class is None and isinstance(type_name, A.TypeName) and not type_name.array_rank \
            and not type_name.generic_arguments:
        found_class = scope_type(type_name.full_name.lower())
    if found_class is not None:
        return found_class
    try:
        return resolve_type(type_name)
    except RuntimeException:
        extent = getattr(type_name, "extent", None)
        namespaces = _NAMESPACES.get(extent.source) if extent is not None else None
        if not namespaces or not isinstance(type_name, A.TypeName) or type_name.array_rank:
            raise
        found = _in_namespaces(type_name.full_name, namespaces)
        if found is None:
            raise
        return found


def script_type(type_name: A.TypeName) -> Optional[PSType]:
    """The type a name written in a script means there when the script's
    using statements or classes, or a class of the running scopes, give it
    (None otherwise, and when it does not resolve: a parameter's type is
    then looked up by name when first used)."""
    source = type_name.extent.source if type_name.extent is not None else None
    element = type_name
    while element.array_rank and element.element_type is not None:
        element = element.element_type
    if source is None or not (source in _NAMESPACES or source in _IMPORTED or source in _OWN):
        if element.generic_arguments or scope_type(element.full_name.lower()) is None:
            return None
    try:
        return resolve_in_script(type_name)
    except RuntimeException:
        return None


def _in_namespaces(name: str, namespaces: tuple[str, ...]) -> Optional[PSType]:
    """The type ``name`` is in one of the opened namespaces; in two, the
    name is ambiguous (``ThreadState`` with System.Threading and
    System.Diagnostics open), as pwsh's TypeResolver reports."""
    found: list[PSType] = []
    for namespace in namespaces:
        candidate = find_type(f"{namespace}.{name}")
        if candidate is not None and not any(f is candidate for f in found):
            found.append(candidate)
    if len(found) > 1:
        _ambiguous(name, found)
    return found[0] if found else None


def _ambiguous(name: str, candidates: list[PSType]) -> NoReturn:
    raise RuntimeException(f"Type name '{name}' is ambiguous, it could be '{candidates[0].full_name}' or "
                           f"'{candidates[1].full_name}'.", error_id="AmbiguousTypeReference",
                           category=ErrorCategory.InvalidOperation, target_object=name)


def add_scope_type(pstype: PSType) -> None:
    """A class a script (not a module) defined: code running in the scope
    its statement ran in, and in the scopes below, finds it by name."""
    scope = active.context.scope
    table = getattr(scope, "types", None)
    if table is None:
        table = scope.types = {}
    table[pstype.name.lower()] = pstype


def scope_type(key: str) -> Optional[PSType]:
    """The class the running scope, or the nearest scope above it, defined under that (lower-case) name."""
    ctx = active.context
    scope = ctx.scope if ctx is not None else None
    while scope is not None:
        table = getattr(scope, "types", None)
        if table is not None and key in table:
            return table[key]
        scope = scope.parent
    return None


def _running_source() -> Optional[A.SourceText]:
    """The script whose using statements and classes the running scope resolves names with."""
    ctx = active.context
    scope = ctx.scope if ctx is not None else None
    while scope is not None:
        source = getattr(scope, "type_source", None)
        if source is not None:
            return source
        scope = scope.parent
    return None


def resolve_text(name: str) -> PSType:
    """A type named by text at run time: a class of the module whose code
    runs, then the running script's classes (those its class statements
    defined, then its using modules'), the session's types, and the
    namespaces the script opens."""
    key = name.strip().lower()
    found = _running_module_type(key)
    if found is None:
        found = scope_type(key)
    if found is not None:
        return found
    source = _running_source()
    if source is None:
        return resolve_type(name)
    own = _OWN.get(source, {}).get(key)
    if own:
        return own[-1][2]
    imported = _IMPORTED.get(source, {}).get(key)
    if imported:
        if len(imported) > 1:
            _ambiguous(name.strip(), imported)
        return imported[0]
    try:
        return resolve_type(name)
    except RuntimeException:
        namespaces = _NAMESPACES.get(source)
        found = _in_namespaces(name.strip(), namespaces) if namespaces and "[" not in name else None
        if found is None:
            raise
        return found


# --- classes: a script's own, and those its ``using module`` statements import ----------------------

# source -> lower name -> [(start, end, type)]: each class with the span of the block defining it.
_OWN: "weakref.WeakKeyDictionary[A.SourceText, dict[str, list[tuple[int, int, PSType]]]]" = {}  # type: ignore
_IMPORTED: "weakref.WeakKeyDictionary[A.SourceText, dict[str, list[PSType]]]" = {}  # type: ignore[assignment]
_importer: Optional[Callable[[Any, Any, Optional[str]], tuple[str, list[PSType]]]] = None


def add_script_type(definition: A.TypeDefinitionAst, pstype: PSType) -> None:
    """A class the script defines: the type names written in the block
    defining it (nested blocks included) find it before any other, the
    innermost block's first (pwsh resolves them lexically)."""
    block = definition.parent
    while block is not None and not isinstance(block, A.ScriptBlockAst):
        block = block.parent
    span = block.extent if block is not None else definition.extent
    global _OWN
    _OWN = _weak(_OWN)
    entries = _OWN.setdefault(definition.extent.source, {}).setdefault(pstype.name.lower(), [])
    entries[:] = [e for e in entries if (e[0], e[1]) != (span.start_offset, span.end_offset)]
    entries.append((span.start_offset, span.end_offset, pstype))


# id(module) -> (the module, its classes by name): what its code defined.
_MODULE_TYPES: dict[int, tuple[Any, dict[str, PSType]]] = {}


def add_module_type(module: Any, pstype: PSType) -> None:
    """A class a module's code defined: its code, and the scripts that
    ``using module`` it, find it; the rest of the session does not."""
    _MODULE_TYPES.setdefault(id(module), (module, {}))[1][pstype.name.lower()] = pstype


def module_types(module: Any) -> list[PSType]:
    """The classes a module's code defined (what ``using module`` imports)."""
    entry = _MODULE_TYPES.get(id(module))
    return list(entry[1].values()) if entry is not None and entry[0] is module else []


def register_module_importer(importer: Callable[[Any, Any, Optional[str]], tuple[str, list[PSType]]]) -> None:
    """Installs how ``using module`` imports a module (the modules layer's
    Import-Module): ``importer(context, name or specification, script folder)``
    gives the module's name and the classes it defines."""
    global _importer
    _importer = importer


def import_using_modules(ast: A.ScriptBlockAst, context: Any) -> None:
    """Imports the modules a whole script's ``using module`` statements name
    and makes their classes its types, by name and by module-qualified name
    (a name two modules define is ambiguous), as pwsh does while parsing."""
    usings = [u for u in ast.using_statements or () if u.using_kind == "module"]
    if not usings or _importer is None:
        return
    folder = os.path.dirname(ast.extent.file) if ast.extent.file else None
    imported: dict[str, list[PSType]] = {}
    for using in usings:
        specification = _specification(using.name)
        try:
            module_name, classes = _importer(context, specification, folder)
        except RuntimeException as exc:
            if exc.error_record.fully_qualified_error_id != "ModuleNotFoundDuringParse":
                raise
            name = specification.get("ModuleName", "") if isinstance(specification, dict) else specification
            raise ParseException(errors=[ParseError("ModuleNotFoundDuringParse",
                                                    f"Could not find the module '{name}'.", using.name.extent)])
        for pstype in classes:
            for key in (pstype.name.lower(), f"{module_name}.{pstype.name}".lower()):
                entries = imported.setdefault(key, [])
                if not any(e is pstype for e in entries):
                    entries.append(pstype)
    global _IMPORTED
    _IMPORTED = _weak(_IMPORTED)
    _IMPORTED[ast.extent.source] = imported


def _specification(name: Any) -> Any:
    """A using module's name, or its hashtable as a dictionary of constants."""
    if isinstance(name, A.HashtableAst):
        spec = {}
        for key, value in name.pairs:
            while isinstance(value, (A.PipelineAst, A.CommandExpressionAst)):
                value = value.pipeline_elements[0] if isinstance(value, A.PipelineAst) else value.expression
            spec[getattr(key, "value", key.extent.text)] = getattr(value, "value", value.extent.text)
        return spec
    return getattr(name, "value", name.extent.text)


def resolve_written(name: str, extent: Any) -> PSType:
    """A type named by text a command was given (``New-Object Name``): a
    class of the module whose session state is running (``& $module {
    New-Object C }``), then the classes of the script the command is written
    in, as for a type literal there, then as ``resolve_text``."""
    found = _running_module_type(name.strip().lower())
    if found is None and extent is not None and hasattr(extent, "source"):
        found = _script_class(A.TypeName(name.strip(), extent=extent))
    return found if found is not None else resolve_text(name)


def _running_module_type(key: str) -> Optional[PSType]:
    """A class of the module whose session state is running (``& $module { [C] }``)."""
    ctx = active.context
    module = getattr(ctx.scope.state, "module", None) if ctx is not None else None
    return _module_type(module, key) if module is not None else None


def _module_type(module: Any, key: str) -> Optional[PSType]:
    """A class of a module, its own first, then its nested modules' (the
    modules layer lists them as ``nested_modules``), the last one first."""
    entry = _MODULE_TYPES.get(id(module))
    if entry is not None and entry[0] is module and key in entry[1]:
        return entry[1][key]
    for nested in reversed(getattr(module, "nested_modules", ())):
        found = _module_type(nested, key)
        if found is not None:
            return found
    return None


def _script_class(type_name: Any) -> Optional[PSType]:
    """The class a script's own definitions or its using modules give a name."""
    extent = getattr(type_name, "extent", None)
    if extent is None or not isinstance(type_name, A.TypeName) or type_name.array_rank:
        return None
    key = type_name.full_name.lower()
    at = extent.start_offset
    enclosing = [e for e in _OWN.get(extent.source, {}).get(key, ()) if e[0] <= at < e[1]]
    if enclosing:
        return min(enclosing, key=lambda e: e[1] - e[0])[2]
    entries = _IMPORTED.get(extent.source, {}).get(key)
    if not entries:
        return _running_module_type(key)
    if len(entries) > 1:
        _ambiguous(type_name.full_name, entries)
    return entries[0]


register_text_resolver(resolve_text)
