"""The objects plugins fill in through the registration hooks: types and
their converters, default formatting views and cloud environments.

Each records which plugin added what (``current_plugin`` is set by the
plugin manager while a plugin registers) so that a plugin failing half-way
can be forgotten whole.
"""

from __future__ import annotations

from collections.abc import Mapping

from pwshlike.identity.environments import CloudEnvironment

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Optional, Sequence, Union

__all__ = ["TypeDeclaration", "TypeRegistry", "ViewColumn", "FormatView", "FormatViewRegistry", "CloudEnvironment",
           "EnvironmentRegistry"]


class _PluginOwned:
    current_plugin = ""

    def __init__(self) -> None:
        self._entries: list[Any] = []

    def discard_plugin(self, plugin: str) -> None:
        self._entries = [e for e in self._entries if e.plugin != plugin]


# --- types ------------------------------------------------------------------------------

class TypeDeclaration:
    """A .NET type a plugin provides: an enum (``members``) or a Python class
    (``target``, ``"package.module:Class"``) standing for it.  ``module`` is
    the PowerShell module that brings it: the type appears when that module
    is imported, as a module's assembly types do in pwsh; without one it
    appears when the plugin has registered."""

    __slots__ = ("full_name", "members", "flags", "target", "interfaces", "accelerators", "module",
                 "plugin", "registered")

    def __init__(self, full_name: str, *, members: Optional[Mapping[str, int]] = None, flags: bool = False,
                 target: str = "", interfaces: Sequence[str] = (), accelerators: Sequence[str] = (),
                 module: str = "", plugin: str = "") -> None:
        self.full_name = full_name
        self.members = dict(members) if members is not None else None
        self.flags = flags
        self.target = target
        self.interfaces = tuple(interfaces)
        self.accelerators = tuple(accelerators)
        self.module = module
        self.plugin = plugin
        self.registered = False

    def register(self) -> None:
        """Adds the type to the engine's type table (once)."""
        if self.registered:
            return
        from pwshlike.dotnet import types
        if self.members is not None:
            from pwshlike.dotnet.values import EnumInfo
            types.enum_type(EnumInfo(self.full_name, self.members.items(), self.flags))
        else:
            from pwshlike.modules.model import import_target
            cls = import_target(self.target)
            for interface in self.interfaces:
                types.register_class(cls, interface, converter=_class_converter(cls, interface))
            # Registered last so that GetType() names the class, not an interface.
            types.register_class(cls, self.full_name, *self.accelerators,
                                 converter=_class_converter(cls, self.full_name))
        self.registered = True


def _class_converter(cls: type, full_name: str) -> Any:
    """``[T]value`` for a plugin class: instances pass, other values go
    through the class's ``convert_from`` (a PSTypeConverter's job), which
    raises TypeError or ValueError when it cannot convert; that becomes
    pwsh's "Cannot convert" error."""
    convert_from = getattr(cls, "convert_from", None)

    def convert(value: Any) -> Any:
        from pwshlike.dotnet import conversions
        if value is None or isinstance(value, cls):
            return value
        if convert_from is None:
            raise conversions.cast_error(value, full_name)
        try:
            return convert_from(value)
        except (TypeError, ValueError) as exc:
            raise conversions.cast_error(value, full_name, str(exc) or None) from None

    return convert


class TypeRegistry(_PluginOwned):
    """The argument of the ``pwshlike_add_types`` hook."""

    def add_enum(self, full_name: str, members: Union[Sequence[str], Mapping[str, int]], *,
                 flags: bool = False, module: str = "") -> None:
        """An enum; ``members`` are names (numbered 0, 1, ...) or a
        name-to-value mapping."""
        values = dict(members) if isinstance(members, Mapping) else {m: i for i, m in enumerate(members)}
        self._entries.append(TypeDeclaration(full_name, members=values, flags=flags, module=module,
                                             plugin=self.current_plugin))

    def add_class(self, full_name: str, target: str, *, interfaces: Sequence[str] = (),
                  accelerators: Sequence[str] = (), module: str = "") -> None:
        """A class imported from ``target`` when the type is first needed.
        Converting another value to it calls ``cls.convert_from(value)``;
        ``interfaces`` are further type names the class satisfies."""
        from pwshlike.modules.model import CommandSpec
        CommandSpec("-", target)  # validates the import path
        self._entries.append(TypeDeclaration(full_name, target=target, interfaces=interfaces,
                                             accelerators=accelerators, module=module,
                                             plugin=self.current_plugin))

    def declared_by(self, plugin: str) -> list[TypeDeclaration]:
        """The types ``plugin`` declared, in declaration order (Test-PwshlikePlugin checks them)."""
        return [declaration for declaration in self._entries if declaration.plugin == plugin]

    def declared_names(self) -> set[str]:
        """Every declared type name (full names, accelerators, interfaces), lower-cased."""
        return {name.lower() for d in self._entries for name in (d.full_name, *d.accelerators, *d.interfaces)}

    def register_module_types(self, module: str) -> None:
        """Registers the types that come with PowerShell module ``module``."""
        low = module.lower()
        for declaration in self._entries:
            if declaration.module.lower() == low:
                declaration.register()

    def register_unowned(self, plugin: str) -> None:
        """Registers the types a plugin declared without a module."""
        for declaration in self._entries:
            if declaration.plugin == plugin and not declaration.module:
                declaration.register()


# --- formatting views ---------------------------------------------------------------------

class ViewColumn:
    """One table column or list entry: ``label`` shown, and the value taken
    from ``property`` or computed by ``script`` (PowerShell source text,
    ``$_`` being the object).  ``width`` and ``alignment`` ('Left',
    'Right', 'Center') are table-only; None lets the formatter decide."""

    __slots__ = ("label", "property", "script", "width", "alignment")

    def __init__(self, label: str, property: str = "", *, script: str = "", width: Optional[int] = None,
                 alignment: Optional[str] = None) -> None:
        if bool(property) == bool(script):
            raise ValueError(f"column '{label}' needs exactly one of property or script")
        if alignment is not None and alignment not in ("Left", "Right", "Center"):
            raise ValueError(f"alignment must be Left, Right or Center, not {alignment!r}")
        self.label = label
        self.property = property
        self.script = script
        self.width = width
        self.alignment = alignment

    def __repr__(self) -> str:
        return f"ViewColumn({self.label!r})"


class FormatView:
    """A default view, as a ``<View>`` of a Format.ps1xml file: ``name``,
    the ``type_names`` it applies to (matched against an object's
    PSTypeNames, most derived first), ``kind`` ('table', 'list' or 'wide')
    and its ``columns`` in display order (a wide view has one).
    ``group_by`` names a property whose changes start a new group."""

    __slots__ = ("name", "type_names", "kind", "columns", "group_by", "plugin")

    def __init__(self, name: str, type_names: Iterable[str], kind: str, columns: Iterable[ViewColumn],
                 group_by: str = "") -> None:
        if kind not in ("table", "list", "wide"):
            raise ValueError(f"view kind must be table, list or wide, not {kind!r}")
        self.name = name
        self.type_names = tuple(type_names)
        self.kind = kind
        self.columns = tuple(columns)
        if kind == "wide" and len(self.columns) != 1:
            raise ValueError("a wide view has exactly one column")
        self.group_by = group_by
        self.plugin = ""

    def __repr__(self) -> str:
        return f"FormatView({self.name!r}, {self.kind!r})"


class FormatViewRegistry(_PluginOwned):
    """The argument of the ``pwshlike_add_format_views`` hook; the output
    layer asks it for an object's default view."""

    def add(self, view: FormatView) -> None:
        view.plugin = self.current_plugin
        self._entries.append(view)

    def all(self) -> list[FormatView]:
        """Every registered view, in registration order."""
        return list(self._entries)

    def views_for(self, type_names: Iterable[str]) -> list[FormatView]:
        """The views for an object with these PSTypeNames (most derived
        first); the first one is the default."""
        found: list[FormatView] = []
        for type_name in type_names:
            low = type_name.lower()
            for view in self._entries:
                if view not in found and any(t.lower() == low for t in view.type_names):
                    found.append(view)
        return found


# --- environments -------------------------------------------------------------------------
# CloudEnvironment itself lives in pwshlike.identity.environments (the identity
# service reads it and must not import the plugin layer); it is re-exported here.

class EnvironmentRegistry(_PluginOwned):
    """The argument of the ``pwshlike_add_environments`` hook."""

    def add(self, environment: CloudEnvironment) -> None:
        """Adds ``environment``, replacing (in place) one of the same family
        and name, so that Start-PwshlikeEmulator can register ``Emulator``
        again with a new port."""
        environment.plugin = self.current_plugin
        fam, low = environment.family.lower(), environment.name.lower()
        for index, existing in enumerate(self._entries):
            if existing.family.lower() == fam and existing.name.lower() == low:
                self._entries[index] = environment
                return
        self._entries.append(environment)

    def get(self, family: str, name: str) -> Optional[CloudEnvironment]:
        """An environment by name or alias, case-insensitively."""
        fam, low = family.lower(), name.lower()
        for env in self._entries:
            if env.family.lower() == fam and (env.name.lower() == low or low in (a.lower() for a in env.aliases)):
                return env
        return None

    def remove(self, family: str, name: str) -> bool:
        """Removes the environment of that family and name (not an alias);
        False when there was none (Stop-PwshlikeEmulator unregisters ``Emulator``)."""
        fam, low = family.lower(), name.lower()
        kept = [env for env in self._entries if not (env.family.lower() == fam and env.name.lower() == low)]
        removed = len(kept) != len(self._entries)
        self._entries = kept
        return removed

    def names(self, family: str) -> list[str]:
        fam = family.lower()
        return [env.name for env in self._entries if env.family.lower() == fam]
