"""Session state: scopes, variables, functions, aliases and ``$env:``.

PowerShell scoping is dynamic: a function call creates a scope whose parent
is the *caller's* scope, a script file gets a scope that ``$script:`` finds,
and dot-sourcing runs in the caller's scope.  Reading a variable walks the
chain outwards (skipping ``Private`` variables of outer scopes); assigning
without a qualifier creates or updates the variable in the current scope.

Every scope keeps its variables in a plain dict keyed by the lower-cased
name, so the compiled code's hot path is a single ``dict.get`` on the
current scope followed by an attribute read of ``PSVariable.value``.
"""

from __future__ import annotations

import os
import _thread

from ..dotnet.conversions import to_string
from ..dotnet.types import register_class
from .drives import DriveTable
from ..dotnet.errors import (DriveNotFoundException, ErrorCategory, ItemNotFoundException,
                     ArgumentTransformationMetadataException, PSInvalidCastException, RuntimeException,
                     SessionStateException, SessionStateUnauthorizedAccessException)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

# ScopedItemOptions flags, with pwsh's values.
NONE = 0
READONLY = 1
CONSTANT = 2
PRIVATE = 4
ALLSCOPE = 8
UNSPECIFIED = 16

_OPTION_NAMES = (("ReadOnly", READONLY), ("Constant", CONSTANT), ("Private", PRIVATE),
                 ("AllScope", ALLSCOPE), ("Unspecified", UNSPECIFIED))


def options_text(options: int) -> str:
    """The options as pwsh prints them (``ReadOnly, AllScope``)."""
    names = [n for n, flag in _OPTION_NAMES if options & flag]
    return ", ".join(names) if names else "None"


def parse_options(value: Any) -> int:
    """ScopedItemOptions from a flag int, a name or a comma list of names."""
    if isinstance(value, int):
        return int(value)
    if value is None:
        return NONE
    if isinstance(value, (list, tuple)):
        result = NONE
        for item in value:
            result |= parse_options(item)
        return result
    result = NONE
    for part in str(value).split(","):
        part = part.strip().lower()
        if not part or part == "none":
            continue
        for name, flag in _OPTION_NAMES:
            if name.lower() == part:
                result |= flag
                break
        else:
            raise RuntimeException(
                f'Cannot convert value "{value}" to type "System.Management.Automation.ScopedItemOptions". '
                f'Error: "Unable to match the identifier name {part} to a valid enumerator name. Specify one '
                f'of the following enumerator names and try again:\nNone, ReadOnly, Constant, Private, AllScope, '
                f'Unspecified"', error_id="RuntimeException", category=ErrorCategory.InvalidArgument)
    return result


class PSVariable:
    """A variable: name as written, value, ScopedItemOptions, an optional
    type constraint (a PSType) and further attributes.

    ``fast`` is True while the variable has no options, constraint or
    attributes: the compiled assignment then stores the value directly."""

    __slots__ = ("name", "value", "options", "type_constraint", "attributes", "description", "fast")
    full_name = "System.Management.Automation.PSVariable"
    PS_MEMBERS = {"Name": "name", "Value": "checked_value", "Options": "options_name",
                  "Description": "description", "Attributes": "attributes",
                  "Visibility": "visibility", "ModuleName": "module_name", "Module": "module"}

    def __init__(self, name: str, value: Any = None, options: int = NONE,
                 type_constraint: Any = None, attributes: Any = (),
                 description: str = "") -> None:
        self.name = name
        self.value = value
        self.options = options
        self.type_constraint = type_constraint
        self.attributes = attributes
        self.description = description
        self.fast = not options and type_constraint is None and not attributes

    def refresh(self) -> None:
        """Recomputes ``fast`` after options or constraints changed."""
        self.fast = not self.options and self.type_constraint is None and not self.attributes

    @property
    def options_name(self) -> str:
        return options_text(self.options)

    @property
    def visibility(self) -> str:
        return "Public"

    @property
    def module_name(self) -> str:
        return ""

    @property
    def module(self) -> None:
        return None

    @property
    def checked_value(self) -> Any:
        return self.value

    @checked_value.setter
    def checked_value(self, value: Any) -> None:
        self.assign(value)

    def assign(self, value: Any, force: bool = False) -> None:
        """Stores ``value`` honouring ReadOnly/Constant and the type constraint."""
        if self.options & (READONLY | CONSTANT) and not (force and not self.options & CONSTANT):
            raise not_writable(self.name)
        self.value = self.coerce(value)

    def coerce(self, value: Any) -> Any:
        """``value`` converted by the type constraint and checked by attributes."""
        constraint = self.type_constraint
        if constraint is not None:
            try:
                value = constraint.convert(value)
                if getattr(constraint, "full_name", None) == _ACTION_PREFERENCE and str(value) == "Suspend":
                    raise PSInvalidCastException(_SUSPEND_RESERVED, error_id="InvalidActionPreference")
            except RuntimeException as exc:
                raise ArgumentTransformationMetadataException(
                    exc.message, exc, error_id="RuntimeException",
                    category=ErrorCategory.MetadataError) from exc
        for attribute in self.attributes:
            value = attribute.check_variable_value(self.name, value)
        return value

    def __repr__(self) -> str:
        return f"PSVariable({self.name!r}, {self.value!r})"


_ACTION_PREFERENCE = "System.Management.Automation.ActionPreference"
# An [ActionPreference] variable refuses Suspend (pwsh's ArgumentTypeConverterAttribute).
_SUSPEND_RESERVED = ("The Suspend ActionPreference value is reserved for future use and is not supported at this "
                     "time. For more information about preference variables, see the Help topic, "
                     '"about_Preference_Variables."')


class DynamicVariable(PSVariable):
    """An automatic variable whose value is computed on each read (``$PWD``)."""

    __slots__ = ("getter",)

    def __init__(self, name: str, getter: Callable[[], Any], options: int = NONE) -> None:
        self.name = name
        self.options = options
        self.type_constraint = None
        self.attributes = ()
        self.description = ""
        self.getter = getter
        self.fast = False

    @property  # type: ignore[override]
    def value(self) -> Any:
        return self.getter()

    @value.setter
    def value(self, _value: Any) -> None:
        raise not_writable(self.name)

    def refresh(self) -> None:
        self.fast = False


def not_writable(name: str) -> SessionStateUnauthorizedAccessException:
    return SessionStateUnauthorizedAccessException(
        f"Cannot overwrite variable {name} because it is read-only or constant.",
        error_id="VariableNotWritable", category=ErrorCategory.WriteError, target_object=name)


def not_removable(name: str) -> SessionStateUnauthorizedAccessException:
    return SessionStateUnauthorizedAccessException(
        f"Cannot remove variable {name} because it is constant or read-only. If the variable is "
        f"read-only, try the operation again specifying the Force option.",
        error_id="VariableNotRemovable", category=ErrorCategory.WriteError, target_object=name)


class Scope:
    """One scope: variables, and (created on first use) functions and aliases.
    ``script`` is the nearest script scope (``$script:``).  ``strict_mode``
    is the Set-StrictMode version set in this scope; it is only assigned by
    Set-StrictMode (unset means inherited: see :func:`strict_version`), so
    creating a scope costs nothing more.

    ``state`` names the session state the scope belongs to by that state's
    root scope: the global scope for the session's own state, a module's
    scope for a module's (see :func:`new_session_state`).  pwsh gives every
    module a SessionState with its own stack of scopes over the shared
    global scope; here the scopes of all states form one tree and ``state``
    tells which stack a scope is on, so a script block runs on the stack of
    the state it was created in.  ``module`` (set on a module's root only)
    is the module, for ``$sb.Module`` and ``$ExecutionContext.SessionState.Module``.
    ``type_source`` and ``types``, set only on scopes where a script with
    using statements or classes ran, are pwsh's per-scope TypeResolutionState
    and type table (read by ``type_names``)."""

    __slots__ = ("vars", "parent", "functions", "aliases", "script", "is_global", "strict_mode",
                 "state", "module", "type_source", "types", "function_meta", "alias_meta")

    def __init__(self, parent: Optional["Scope"], is_script: bool = False) -> None:
        self.vars: dict[str, PSVariable] = {}
        self.parent = parent
        self.functions: Optional[dict[str, Any]] = None
        self.aliases: Optional[dict[str, Any]] = None
        # This scope's functions' names as written and ScopedItemOptions (Set-Item -Options).
        self.function_meta: Optional[dict[str, tuple[str, int]]] = None
        self.alias_meta: Optional[dict[str, tuple[int, str]]] = None
        self.is_global = parent is None
        if parent is None:
            self.script = self.state = self
        else:
            self.script = self if is_script else parent.script
            self.state = parent.state

    def __repr__(self) -> str:
        return f"Scope({'global' if self.is_global else 'local'}, {len(self.vars)} vars)"


def new_session_state(global_scope: Scope, module: Any = None) -> Scope:
    """The root scope of a new session state (a module's, or a dynamic
    module's such as GetNewClosure makes): a script scope under the global
    scope that is its own ``state``, carrying ``module`` (opaque here: the
    modules layer's PSModuleInfo, or None)."""
    root = Scope(global_scope, is_script=True)
    root.state = root
    root.module = module
    return root


def state_scope(ctx: Any, state: Optional[Scope]) -> Scope:
    """The scope code bound to session state ``state`` runs over now: the
    current scope when it is on that state (or ``state`` is None: code bound
    to no state runs wherever it is called), else where that state's stack
    stands (``ctx.state_scopes``), its root when none of its code runs."""
    scope = ctx.scope
    if state is None or scope.state is state:
        return scope
    return ctx.state_scopes.get(state, state)


def module_of(scope: Scope) -> Any:
    """The module whose session state ``scope`` is on (None: the session's own)."""
    return getattr(scope.state, "module", None)


def strict_version(scope: Optional[Scope]) -> int:
    """The Set-StrictMode major version in effect in ``scope``: the nearest
    scope that set one decides (0 is off), else strict mode is off, as
    pwsh's ExecutionContext.IsStrictVersion.  Only the paths where strict
    mode changes the outcome (an unset variable, a missing property, an
    index out of range) ask."""
    while scope is not None:
        version = getattr(scope, "strict_mode", None)
        if version is not None:
            return version
        scope = scope.parent
    return 0


class QualifiedName:
    """A variable name split into its drive/scope qualifier and the name.

    ``kind`` is one of 'plain', 'global', 'script', 'local', 'private',
    'env', 'function', 'alias' or 'drive' (an unsupported provider drive);
    ``key`` is the lower-cased name used in scope dicts."""

    __slots__ = ("kind", "name", "key", "drive")

    _KINDS = {"global": "global", "script": "script", "local": "local", "private": "private",
              "variable": "plain", "env": "env", "function": "function", "alias": "alias"}

    def __init__(self, text: str) -> None:
        colon = text.find(":")
        self.drive = ""
        if colon > 0:
            prefix = text[:colon].lower()
            self.name = text[colon + 1:]
            kind = self._KINDS.get(prefix)
            if kind is None:
                kind = "drive"
                self.drive = text[:colon]
            self.kind = kind
        else:
            self.kind = "plain"
            self.name = text
        key = self.name.lower()
        self.key = "_" if key == "psitem" else key


class SessionState:
    """The global scope and the tables scripts see through ``$var``,
    ``function:``, aliases, ``$env:`` and the current location."""

    def __init__(self) -> None:
        self.global_scope = Scope(None)
        self.allscope_names: set[str] = set()
        self.location = os.getcwd()
        self.drives = DriveTable(lambda: self.location)

    def resolve_path(self, path: str) -> str:
        """A file system path made absolute against the current location
        (``~`` expands to the home directory, as pwsh's FileSystem provider).
        A backslash separates directories, as the provider treats it on Unix
        (``"$TestDrive\\out.txt"``); a path on a FileSystem drive
        (``TestDrive:\\x``, ``Temp:/x``) is under that drive's root."""
        if ":" in path:
            on_drive = self.drives.fs_path(path)
            if on_drive is not None:
                return on_drive
        if "\\" in path:
            path = path.replace("\\", "/")
        if path == "~" or path.startswith("~/"):
            path = os.path.expanduser(path)
        if os.path.isabs(path):
            return os.path.normpath(path)
        current = self.drives.current
        if current.name != "/" and current.is_file_system and current.display(self.location) is not None:
            # On a drive such as TestDrive:, `..` stops at the drive's root.
            return current.under_root(os.path.relpath(self.location, current.root) + "/" + path)
        return os.path.normpath(os.path.join(self.location, path))

    # --- scopes ------------------------------------------------------------------

    def resolve_scope(self, spec: Any, current: Scope) -> Scope:
        """The scope named by ``-Scope``: 'Global', 'Script', 'Local',
        'Private' or a number of levels up from ``current``."""
        if isinstance(spec, str):
            low = spec.strip().lower()
            if low == "global":
                return self.global_scope
            if low == "script":
                return current.script
            if low in ("local", "private"):
                return current
            if not low.isdigit():
                raise _bad_scope(spec)
            spec = int(low)
        level = int(spec)
        scope: Optional[Scope] = current
        for _ in range(max(level, 0)):
            scope = scope.parent
            if scope is None:  # past the global scope: stop (a huge number must not loop for minutes)
                break
        if scope is None or level < 0:
            raise _bad_scope(spec)
        return scope

    # --- variables ---------------------------------------------------------------

    def lookup(self, key: str, current: Scope) -> Optional[PSVariable]:
        """The variable ``key`` (lower-case, unqualified) visible from ``current``."""
        var = current.vars.get(key)
        if var is not None:
            return var
        scope = current.parent
        while scope is not None:
            var = scope.vars.get(key)
            if var is not None and not var.options & PRIVATE:
                return var
            scope = scope.parent
        return None

    def lookup_qualified(self, qname: QualifiedName, current: Scope) -> Optional[PSVariable]:
        """The variable a qualified name refers to (None if unset); env and
        function names are not variables and give None."""
        kind = qname.kind
        if kind == "plain":
            return self.lookup(qname.key, current)
        if kind == "global":
            return self.global_scope.vars.get(qname.key)
        if kind == "script":
            return current.script.vars.get(qname.key)
        if kind in ("local", "private"):
            return current.vars.get(qname.key)
        if kind == "drive":
            raise drive_not_found(qname.drive)
        return None

    def target_scope(self, qname: QualifiedName, current: Scope) -> Scope:
        """The scope an assignment to ``qname`` writes into."""
        kind = qname.kind
        if kind == "global":
            return self.global_scope
        if kind == "script":
            return current.script
        return current

    def set_value(self, qname: QualifiedName, value: Any, current: Scope) -> None:
        """Assigns as ``$name = value`` does (creating the variable if needed)."""
        kind = qname.kind
        if kind == "env":
            set_env(qname.name, value)
            return
        if kind == "function":
            self.set_function(qname.name, value, current)
            return
        if kind == "drive":
            raise drive_not_found(qname.drive)
        scope = self.target_scope(qname, current)
        key = qname.key
        var = scope.vars.get(key)
        if var is None and key in self.allscope_names:
            var = self.lookup(key, scope)
            if var is not None and not var.options & ALLSCOPE:
                var = None
        if var is not None:
            if var.fast:
                var.value = value
            else:
                var.assign(value)
            return
        scope.vars[key] = PSVariable(qname.name, value, PRIVATE if kind == "private" else NONE)

    def set_plain(self, key: str, name: str, value: Any, scope: Scope) -> None:
        """Fast assignment of an unqualified name in ``scope`` (compiled code)."""
        var = scope.vars.get(key)
        if var is None and key in self.allscope_names:
            var = self.lookup(key, scope)
            if var is not None and not var.options & ALLSCOPE:
                var = None
        if var is not None:
            if var.fast:
                var.value = value
            else:
                var.assign(value)
            return
        scope.vars[key] = PSVariable(name, value)

    def define(self, scope: Scope, name: str, value: Any, options: int = NONE,
               type_constraint: Any = None, attributes: Any = (),
               description: str = "", force: bool = False) -> PSVariable:
        """Creates (or with ``force`` replaces) a variable in ``scope``."""
        key = name.lower()
        old = scope.vars.get(key)
        if old is not None and old.options & CONSTANT:
            raise not_writable(old.name)
        if old is not None and old.options & READONLY and not force:
            raise not_writable(old.name)
        var = PSVariable(name, None, options, type_constraint, attributes, description)
        var.value = var.coerce(value)
        scope.vars[key] = var
        if options & ALLSCOPE:
            self.allscope_names.add(key)
        return var

    def constrain(self, qname: QualifiedName, type_constraint: Any, attributes: list,
                  value: Any, current: Scope) -> None:
        """``[int]$x = value``: (re)declares the variable in the target scope
        with a type constraint (and attributes), then assigns."""
        scope = self.target_scope(qname, current)
        var = scope.vars.get(qname.key)
        if var is None:
            var = PSVariable(qname.name, None, PRIVATE if qname.kind == "private" else NONE)
            new_var = True
        else:
            if var.options & (READONLY | CONSTANT):
                raise not_writable(var.name)
            new_var = False
        old_constraint, old_attributes = var.type_constraint, var.attributes
        if type_constraint is not None:
            var.type_constraint = type_constraint
        if attributes:
            var.attributes = list(var.attributes) + list(attributes)
        try:
            var.value = var.coerce(value)
        except BaseException:
            var.type_constraint, var.attributes = old_constraint, old_attributes
            raise
        var.refresh()
        if new_var:
            scope.vars[qname.key] = var

    def remove(self, name: str, scope: Scope, force: bool = False) -> None:
        """Removes a variable from ``scope`` (not from parents)."""
        key = name.lower()
        var = scope.vars.get(key)
        if var is None:
            raise ItemNotFoundException(f"Cannot find a variable with the name '{name}'.",
                                        error_id="VariableNotFound", target_object=name)
        if var.options & CONSTANT or (var.options & READONLY and not force):
            raise not_removable(var.name)
        del scope.vars[key]

    def visible_variables(self, current: Scope) -> list[PSVariable]:
        """Every variable visible from ``current``, inner scopes first, no duplicates."""
        seen: dict[str, PSVariable] = {}
        scope: Optional[Scope] = current
        while scope is not None:
            for key, var in scope.vars.items():
                if key in seen:
                    continue
                if scope is not current and var.options & PRIVATE:
                    continue
                seen[key] = var
            scope = scope.parent
        return list(seen.values())

    # --- functions and aliases ---------------------------------------------------

    def get_function(self, name: str, current: Scope) -> Any:
        """The ScriptBlock of function ``name`` visible from ``current``, or None."""
        return _find_in_tables(current, "functions", name.lower())

    def set_function(self, name: str, script_block: Any, current: Scope, options: Optional[int] = None,
                     force: bool = False) -> None:
        """Defines (or with None removes) a function; ``options`` are its
        ScopedItemOptions (None keeps those it had); ``global:``/``script:``
        prefixes on the name choose the scope as pwsh allows.  A constant
        function, or a read-only one without ``force``, cannot be changed or
        removed (FunctionNotWritable, FunctionNotRemovable)."""
        scope = current
        low = name.lower()
        for prefix in ("global:", "script:", "local:", "private:"):
            if low.startswith(prefix):
                name = name[len(prefix):]
                if prefix == "global:":
                    scope = self.global_scope
                elif prefix == "script:":
                    scope = current.script
                break
        key = name.lower()
        meta = scope.function_meta
        known = meta.get(key) if meta and scope.functions and key in scope.functions else None
        existing = known[1] if known else NONE
        if existing & CONSTANT or (existing & READONLY and not force):
            raise _function_locked(name, removing=script_block is None)
        _store_in_table(scope, "functions", key, script_block)
        if script_block is None:
            if meta:
                meta.pop(key, None)
            return
        if scope.function_meta is None:
            scope.function_meta = {}
        scope.function_meta[key] = (name, existing if options is None else options)

    def _function_meta(self, name: str, current: Scope) -> Optional[tuple[Scope, tuple[str, int]]]:
        """The scope defining the function ``name`` visible from ``current``
        and its (name as written, options), or None."""
        key = name.lower()
        scope: Optional[Scope] = current
        while scope is not None:
            if scope.functions is not None and key in scope.functions:
                return scope, (scope.function_meta or {}).get(key, (name, NONE))
            scope = scope.parent
        return None

    def function_options(self, name: str, current: Scope) -> int:
        """The ScopedItemOptions of the function ``name`` visible from ``current``."""
        found = self._function_meta(name, current)
        return NONE if found is None else found[1][1]

    def function_name(self, name: str, current: Scope) -> Optional[str]:
        """The visible function ``name`` as it was written when defined."""
        found = self._function_meta(name, current)
        meta = found[0].function_meta if found is not None else None
        hit = meta.get(name.lower()) if meta else None
        return hit[0] if hit else None

    def set_function_options(self, name: str, options: int, current: Scope, force: bool = False) -> None:
        """Changes the options of the visible function ``name`` (pwsh's
        FunctionInfo.SetOptions): never of a constant one, of a read-only
        one only with ``force``, and no function becomes constant later."""
        found = self._function_meta(name, current)
        if found is None:
            return
        scope, (written, existing) = found
        if existing & CONSTANT or options & CONSTANT:
            raise _function_option_error(name, "FunctionIsConstant", "constant")
        if existing & READONLY and not force:
            raise _function_option_error(name, "FunctionIsReadOnly", "read-only")
        if scope.function_meta is None:
            scope.function_meta = {}
        scope.function_meta[name.lower()] = (written, options)

    def visible_functions(self, current: Scope) -> dict[str, Any]:
        """Function name (lower-case) -> ScriptBlock for every visible function."""
        return _visible_in_tables(current, "functions")

    def get_alias(self, name: str, current: Scope) -> Any:
        """The definition stored for alias ``name``, or None."""
        return _find_in_tables(current, "aliases", name.lower())

    def set_alias(self, name: str, definition: Any, scope: Scope, options: Optional[int] = None,
                  description: Optional[str] = None, force: bool = False) -> None:
        """Stores (or with None removes) an alias definition in ``scope``,
        with its ScopedItemOptions and description when given (otherwise
        the old ones stay).  A constant alias is never replaced, a read-only
        one only with ``force`` (pwsh's AliasNotWritable)."""
        key = name.lower()
        meta = scope.alias_meta
        old = meta.get(key) if meta and scope.aliases and key in scope.aliases else None
        old_options, old_description = old if old is not None else (NONE, "")
        if definition is not None and (old_options & CONSTANT or (old_options & READONLY and not force)):
            raise SessionStateUnauthorizedAccessException(
                f"Alias was not written because alias {name} is read-only or constant and cannot be written to.",
                error_id="AliasNotWritable", category=ErrorCategory.WriteError, target_object=name)
        _store_in_table(scope, "aliases", key, definition)
        if definition is None:
            if meta:
                meta.pop(key, None)
            return
        if options is None and description is None and old is None:
            return  # most aliases have neither: no table
        if scope.alias_meta is None:
            scope.alias_meta = {}
        scope.alias_meta[key] = (old_options if options is None else options,
                                 old_description if description is None else description)

    def alias_meta(self, name: str, current: Scope) -> tuple[int, str]:
        """The options and description of the alias ``name`` visible from ``current``."""
        key = name.lower()
        scope: Optional[Scope] = current
        while scope is not None:
            if scope.aliases is not None and key in scope.aliases:
                return (scope.alias_meta or {}).get(key, (NONE, ""))
            scope = scope.parent
        return NONE, ""

    def visible_aliases(self, current: Scope) -> dict[str, Any]:
        """Alias name (lower-case) -> definition for every visible alias."""
        return _visible_in_tables(current, "aliases")


def _function_locked(name: str, removing: bool) -> SessionStateUnauthorizedAccessException:
    """pwsh's refusal to change or remove a constant or read-only function."""
    if removing:
        return SessionStateUnauthorizedAccessException(
            f"Cannot remove function {name} because it is constant.", error_id="FunctionNotRemovable",
            category=ErrorCategory.WriteError, target_object=name)
    return SessionStateUnauthorizedAccessException(
        f"Cannot write to function {name} because it is read-only or constant.", error_id="FunctionNotWritable",
        category=ErrorCategory.WriteError, target_object=name)


def _function_option_error(name: str, error_id: str, what: str) -> SessionStateUnauthorizedAccessException:
    return SessionStateUnauthorizedAccessException(f"Cannot modify function {name} because it is {what}.",
                                                   error_id=error_id, category=ErrorCategory.WriteError,
                                                   target_object=name)


COMMAND_GENERATION = [0]
"""Bumped (:func:`command_tables_changed`) whenever any scope's function or
alias table changes, and by the commands layer when its cmdlet registry
changes: a compiled call site keeps the command it resolved while this
number stays the same."""

_GENERATION_LOCK = _thread.allocate_lock()  # threading.Lock itself


def command_tables_changed() -> None:
    """Moves COMMAND_GENERATION on; under a lock, so sessions on other
    threads (thread jobs, ``-Parallel``) never see it go back."""
    with _GENERATION_LOCK:
        COMMAND_GENERATION[0] += 1


class CommandTable(dict):
    """A scope's functions or aliases table.  Every change, however it is
    made (``set_function``, a module's removal deleting entries), bumps
    :data:`COMMAND_GENERATION`, so no call site can keep a stale command;
    reads cost what a plain dict's do."""

    __slots__ = ()

    def __setitem__(self, key: Any, value: Any) -> None:
        command_tables_changed()
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: Any) -> None:
        command_tables_changed()
        dict.__delitem__(self, key)

    def pop(self, *args: Any) -> Any:
        command_tables_changed()
        return dict.pop(self, *args)

    def popitem(self) -> Any:
        command_tables_changed()
        return dict.popitem(self)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        command_tables_changed()
        return dict.setdefault(self, key, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        command_tables_changed()
        dict.update(self, *args, **kwargs)

    def clear(self) -> None:
        command_tables_changed()
        dict.clear(self)

    def __ior__(self, other: Any) -> "CommandTable":
        command_tables_changed()
        dict.update(self, other)
        return self


def _store_in_table(scope: Scope, table_name: str, key: str, value: Any) -> None:
    """Sets (or with None removes) an entry of one per-scope table, creating
    the table on first use (most scopes never define functions or aliases)."""
    table = getattr(scope, table_name)
    if value is None:
        if table is not None:
            table.pop(key, None)
        return
    if table is None:
        table = CommandTable()
        setattr(scope, table_name, table)
    table[key] = value


def _find_in_tables(current: Scope, table_name: str, key: str) -> Any:
    """The nearest scope's entry for ``key`` in one of the per-scope tables
    (functions or aliases), walking out from ``current``."""
    scope: Optional[Scope] = current
    while scope is not None:
        table = getattr(scope, table_name)
        if table is not None:
            found = table.get(key)
            if found is not None:
                return found
        scope = scope.parent
    return None


def _visible_in_tables(current: Scope, table_name: str) -> dict[str, Any]:
    """Every entry of one per-scope table visible from ``current``, inner scopes winning."""
    result: dict[str, Any] = {}
    scope: Optional[Scope] = current
    while scope is not None:
        table = getattr(scope, table_name)
        if table:
            for key, value in table.items():
                result.setdefault(key, value)
        scope = scope.parent
    return result


# --- $env: --------------------------------------------------------------------------

def get_env(name: str) -> Optional[str]:
    """``$env:NAME``: case-sensitive on Unix, as pwsh on Linux."""
    return os.environ.get(name)


def set_env(name: str, value: Any) -> None:
    """``$env:NAME = value``; $null or '' removes the variable as .NET does."""
    if value is None or value == "":
        os.environ.pop(name, None)
        return
    if not isinstance(value, str):
        value = to_string(value)
    os.environ[name] = value


# --- errors ---------------------------------------------------------------------------

def drive_not_found(drive: str) -> DriveNotFoundException:
    return DriveNotFoundException(
        f"Cannot find drive. A drive with the name '{drive}' does not exist.",
        error_id="DriveNotFound", category=ErrorCategory.ObjectNotFound, target_object=drive)


def _bad_scope(spec: Any) -> SessionStateException:
    return SessionStateException(
        f"The scope number '{spec}' exceeds the number of active scopes. (Parameter 'scopeID')",
        error_id="ArgumentOutOfRange", category=ErrorCategory.InvalidArgument)


def _new_variable(name: Any, value: Any = None, options: Any = NONE) -> PSVariable:
    """``[psvariable]::new(name[, value[, options]])``: a variable not in
    any scope until Set-Variable or ``$ExecutionContext`` adds it."""
    from ..dotnet.errors import PSArgumentException
    text = to_string(name) if name is not None else ""
    if not text:
        raise PSArgumentException('Cannot process argument because the value of argument "name" is not valid. '
                                  'Change the value of the "name" argument and run the operation again.',
                                  param_name="name")
    return PSVariable(text, value, parse_options(options))


register_class(PSVariable, PSVariable.full_name, "psvariable", constructor=_new_variable)
