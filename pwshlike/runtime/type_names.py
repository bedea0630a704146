"""Type names as a script writes them.  A name finds, in order: a class
the script defines; a class a module its ``using module`` statements import
defines (by its name or ``Module.Name``; a name two such modules define is
ambiguous); any type the session knows; a type in a namespace the script's
``using namespace`` statements open (``using namespace System.Text`` lets it
write ``[StringBuilder]``), as pwsh's TypeResolver tries each of them.

What a script's using statements and classes give is recorded per source
text when the script compiles, so the type names of every block of that
script (its functions, its classes' members) find it.  A module's classes
are found only this way, by the scripts that ``using module`` it.
"""

from __future__ import annotations

import os
import weakref
from typing import Any, Callable, Optional

from ..dotnet.errors import ErrorCategory, ParseException, RuntimeException
from ..dotnet.types import find_type, PSType, resolve_type
from ..language import ast as A
from ..language.errors import ParseError
from . import active

# The script's source text -> the namespaces its using statements open.
_NAMESPACES: "weakref.WeakKeyDictionary[A.SourceText, tuple[str, ...]]" = weakref.WeakKeyDictionary()


def record_using_namespaces(ast: A.ScriptBlockAst) -> None:
    """Remembers the namespaces a whole script's ``using namespace`` statements open."""
    names = tuple(_name(u) for u in ast.using_statements or () if u.using_kind == "namespace")
    if names:
        _NAMESPACES[ast.extent.source] = names


def _name(using: Any) -> str:
    value = getattr(using.name, "value", None)
    return value if isinstance(value, str) else using.name.extent.text


def resolve_in_script(type_name: Any) -> PSType:
    """A class of the script (its own, then its using modules'), else
    ``resolve_type``, then the namespaces the script's using statements open."""
    found_class = _script_class(type_name)
    if found_class is not None:
        return found_class
    try:
        return resolve_type(type_name)
    except RuntimeException:
        extent = getattr(type_name, "extent", None)
        namespaces = _NAMESPACES.get(extent.source) if extent is not None else None
        if not namespaces or not isinstance(type_name, A.TypeName) or type_name.array_rank:
            raise
        for namespace in namespaces:
            found = find_type(f"{namespace}.{type_name.full_name}")
            if found is not None:
                return found
        raise


# --- classes: a script's own, and those its ``using module`` statements import ----------------------

# source -> lower name -> [(start, end, type)]: each class with the span of the block defining it.
_OWN: "weakref.WeakKeyDictionary[A.SourceText, dict[str, list[tuple[int, int, PSType]]]]" = \
    weakref.WeakKeyDictionary()
_IMPORTED: "weakref.WeakKeyDictionary[A.SourceText, dict[str, list[PSType]]]" = weakref.WeakKeyDictionary()
_importer: Optional[Callable[[Any, Any, Optional[str]], tuple[str, list[PSType]]]] = None


def add_script_type(definition: A.TypeDefinitionAst, pstype: PSType) -> None:
    """A class the script defines: the type names written in the block
    defining it (nested blocks included) find it before any other, the
    innermost block's first (pwsh resolves them lexically)."""
    block = definition.parent
    while block is not None and not isinstance(block, A.ScriptBlockAst):
        block = block.parent
    span = block.extent if block is not None else definition.extent
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
    in, as for a type literal there, then the session's types."""
    found = _running_module_type(name.strip().lower())
    if found is None and extent is not None and hasattr(extent, "source"):
        found = _script_class(A.TypeName(name.strip(), extent=extent))
    return found if found is not None else resolve_type(name)


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
        names = [f"{e.name}" for e in entries]
        raise RuntimeException(f"Type name '{type_name.full_name}' is ambiguous, it could be '{names[0]}' or "
                               f"'{names[1]}'.", error_id="AmbiguousTypeReference",
                               category=ErrorCategory.InvalidOperation, target_object=type_name.full_name)
    return entries[0]
