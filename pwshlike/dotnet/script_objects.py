"""Script classes in the object model: the type a ``class`` statement
defines and the objects it creates.

A :class:`ScriptClass` is what pwsh's TypeDefiner emits as a .NET type:
typed properties with their defaults, instance and static methods with
overloads, constructors, a base class and interfaces.  Its instances are
:class:`ScriptObject` values (one Python subclass per defined class, so
``type_of`` and ``-is`` follow the class and its bases).  Method and
constructor bodies and property initializers are scripts: the runtime hands
them in as plain callables, so this module never imports the runtime.

Member access (``members.py``) asks the instance's class for its properties
and methods; hidden members stay reachable by name and are left out of
listings (Get-Member without -Force, formatting, ConvertTo-Json), as in pwsh.
"""

from __future__ import annotations

from . import conversions as conv
from .errors import (
    DotNetException, dotnet_exception_from, ErrorCategory, MethodException, RuntimeException,
    SetValueInvocationException,
)
from .methodcall import method_not_found, overload_not_found
from .types import OBJECT, PSType, register_instance_types
from .values import GenericList

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Sequence


class TypeRef:
    """A member's type as written, resolved on first use: a class may name
    a type that only exists once the script runs (a class defined later,
    a namespace its ``using`` statements open), and an unknown one is a
    TypeNotFound error when the member is used, not when it is defined."""

    __slots__ = ("written", "_resolve", "_type")

    def __init__(self, written: str, resolve: Callable[[], PSType]) -> None:
        self.written = written
        self._resolve = resolve
        self._type: Optional[PSType] = None

    def get(self) -> PSType:
        if self._type is None:
            self._type = self._resolve()
        return self._type


def _resolved(ref: Optional[TypeRef]) -> Optional[PSType]:
    return ref.get() if ref is not None else None


class TypeInitializationException(DotNetException):
    """A class's static initializers or static constructor failed (what
    .NET reports on the type's first use); the error inside it is the
    failure, as pwsh wraps it."""

    full_name = "System.TypeInitializationException"


class ScriptProperty:
    """``[type] $Name = initializer``: ``init(instance)`` computes the
    initial value, converted to the type (None when there is no initializer;
    the instance is None for a static property); ``validate``
    checks an assigned value (the property's validation attributes)."""

    __slots__ = ("name", "type_ref", "hidden", "static", "init", "validate")

    def __init__(self, name: str, type_ref: Optional[TypeRef], hidden: bool, static: bool,
                 init: Optional[Callable[[Any], Any]] = None,
                 validate: Optional[Callable[[Any], None]] = None) -> None:
        self.name = name
        self.type_ref = type_ref
        self.hidden = hidden
        self.static = static
        self.init = init
        self.validate = validate

    @property
    def type(self) -> Optional[PSType]:
        return _resolved(self.type_ref)

    def default(self) -> Any:
        """The value before any initializer: .NET's default for the type."""
        t = self.type
        if t is None or not t.is_value_type:
            return None
        try:
            return t.new([])
        except RuntimeException:
            return None

    def coerce(self, value: Any) -> Any:
        """The value converted to the property's type (pwsh's error when it cannot be)."""
        t = self.type
        if t is not None and t is not OBJECT:
            value = t.convert(value)
        if self.validate is not None:
            self.validate(value)
        return value


class ScriptMethod:
    """One method or constructor overload: ``invoke(this, args)`` runs its
    body (``this`` None for static ones) with arguments already converted to
    ``param_types``; ``return_type`` None means void."""

    __slots__ = ("name", "param_names", "param_refs", "return_ref", "static", "hidden", "invoke", "owner")

    def __init__(self, name: str, param_names: list[str], param_refs: list[Optional[TypeRef]],
                 return_ref: Optional[TypeRef], static: bool, hidden: bool,
                 invoke: Callable[[Any, list], Any]) -> None:
        self.name = name
        self.param_names = param_names
        self.param_refs = param_refs
        self.return_ref = return_ref
        self.static = static
        self.hidden = hidden
        self.invoke = invoke
        self.owner: Optional[ScriptClass] = None

    @property
    def param_types(self) -> list[Optional[PSType]]:
        return [_resolved(r) for r in self.param_refs]

    @property
    def return_type(self) -> Optional[PSType]:
        return _resolved(self.return_ref)

    def signature(self) -> tuple:
        """The parameter types as written (which overloads an override hides)."""
        return tuple((r.written.lower() if r is not None else "object") for r in self.param_refs)

    def definition(self) -> str:
        """How Get-Member shows the overload: ``int Foo(int a, System.Object b)``."""
        result = self.return_type.full_name if self.return_type is not None else "void"
        params = ", ".join(f"{_short(_type_text(t))} {n}" for t, n in zip(self.param_types, self.param_names))
        return f"{_short(result)} {self.name}({params})"

    def call(self, this: Any, args: Sequence[Any]) -> Any:
        converted = [_convert_argument(self, i, a) for i, a in enumerate(args)]
        result = self.invoke(this, converted)
        if self.return_type is None:
            return None
        return self.return_type.convert(result)


class ScriptClass:
    """A class a script defined: its members (own ones; lookups walk the
    base classes), its PSType and the Python class of its instances.
    ``state`` is the session state the class was defined in (where its
    methods run), set by the runtime when the definition executes."""

    def __init__(self, name: str, base: Optional["ScriptClass"], base_type: PSType,
                 interfaces: Sequence[str]) -> None:
        self.name = name
        self.base = base
        self.base_type = base_type
        self.interfaces = list(interfaces)
        self.properties: dict[str, ScriptProperty] = {}
        self.methods: dict[str, list[ScriptMethod]] = {}
        self.constructors: list[ScriptMethod] = []
        self.static_constructor: Optional[ScriptMethod] = None
        self.static_values: dict[str, Any] = {}
        self.static_state = 0  # 0 not initialized, 1 running, 2 done
        self.state: Any = None
        # id(session) -> the session state the class was defined in there.
        self.states: dict[int, Any] = {}
        # The state code of the class runs in now (the runtime installs it):
        # an instance remembers the one it was created in.
        self.current_state: Callable[[], Any] = lambda: self.state
        self.definition: Any = None  # the TypeDefinitionAst (the runtime sets it)
        # A class deriving from a .NET exception (``throw``, ``catch [T]``) or
        # a List[T] is one: its instances are that Python class's too, made
        # with ``native_args``.
        native, native_args = (base.native, base.native_args) if base is not None else _native_base(base_type)
        self.native: Optional[type] = native
        self.native_args: tuple = native_args
        if base is not None:
            bases: tuple[type, ...] = (base.pyclass,)
        elif native is not None:
            bases = (ScriptObject, native)
        else:
            bases = (ScriptObject,)
        pyclass = type(name, bases, {"full_name": name})
        pyclass.ps_class = self
        self.pyclass: type = pyclass
        inherited = base_type.interfaces if base_type is not None else frozenset()
        self.pstype = ScriptClassType(self, base_type, [*interfaces, *inherited])
        # GetType() of an instance; the name is not a type of the whole process:
        # the runtime decides where the name finds the class (scopes, modules).
        register_instance_types(pyclass, lambda _value, pstype=self.pstype: pstype)

    # --- definition (the runtime fills these in) -------------------------------------------

    def add_property(self, prop: ScriptProperty) -> None:
        self.properties[prop.name.lower()] = prop

    def add_method(self, method: ScriptMethod) -> None:
        method.owner = self
        self.methods.setdefault(method.name.lower(), []).append(method)

    def add_constructor(self, ctor: ScriptMethod) -> None:
        ctor.owner = self
        if ctor.static:
            self.static_constructor = ctor
        else:
            self.constructors.append(ctor)

    def define_in(self, session: Any, state: Any) -> None:
        """The class statement ran in ``state`` of ``session``: the class's
        code runs there when that session uses it, and in the latest such
        state when a session that did not define it does (pwsh's rule)."""
        self.states[id(session)] = state
        self.state = state

    def state_for(self, session: Any) -> Any:
        return self.states.get(id(session), self.state)

    # --- lookups ---------------------------------------------------------------------------

    def chain(self) -> list["ScriptClass"]:
        """This class and its script base classes, most derived first."""
        result = []
        cls: Optional[ScriptClass] = self
        while cls is not None:
            result.append(cls)
            cls = cls.base
        return result

    def find_property(self, lowered: str) -> Optional[ScriptProperty]:
        for cls in self.chain():
            prop = cls.properties.get(lowered)
            if prop is not None:
                return prop
        return None

    def instance_properties(self) -> list[ScriptProperty]:
        """Every instance property, the class's own first, then its bases' (as .NET lists them)."""
        seen: set[str] = set()
        result = []
        for cls in self.chain():
            for key, prop in cls.properties.items():
                if not prop.static and key not in seen:
                    seen.add(key)
                    result.append(prop)
        return result

    def overloads(self, lowered: str, static: bool) -> list[ScriptMethod]:
        """The overloads callable by that name: a derived class's overload
        hides a base one with the same parameter types."""
        result: list[ScriptMethod] = []
        taken: set[tuple] = set()
        for cls in self.chain():
            for method in cls.methods.get(lowered, ()):
                if method.static != static:
                    continue
                signature = method.signature()
                if signature not in taken:
                    taken.add(signature)
                    result.append(method)
        return result

    def member_definitions(self, static: bool, force: bool) -> list[tuple[str, str, str]]:
        """(name, member type, definition) of each member as Get-Member lists
        them: the instance ones or the static ones; hidden ones with ``force``."""
        result: list[tuple[str, str, str]] = []
        prefix = "static " if static else ""
        properties = self.instance_properties() if not static else \
            [p for cls in self.chain() for p in cls.properties.values() if p.static]
        for prop in properties:
            if force or not prop.hidden:
                text = f"{prefix}{_short(_type_text(prop.type))} {prop.name} {{get;set;}}"
                result.append((prop.name, "Property", text))
        for name, overloads in self.method_names(static):
            shown = [m for m in overloads if force or not m.hidden]
            if shown:
                result.append((name, "Method", ", ".join(prefix + m.definition() for m in shown)))
        return result

    def method_names(self, static: bool) -> list[tuple[str, list[ScriptMethod]]]:
        names: dict[str, str] = {}
        for cls in reversed(self.chain()):
            for key, methods in cls.methods.items():
                if any(m.static == static for m in methods):
                    names.setdefault(key, methods[0].name)
        return [(name, self.overloads(key, static)) for key, name in names.items()]

    # --- construction -----------------------------------------------------------------------

    def _is_instance(self, value: Any) -> bool:
        return isinstance(value, self.pyclass)

    def new(self, args: Sequence[Any]) -> "ScriptObject":
        """``[T]::new(args)``: initializers of the whole chain, then the constructor."""
        self.ensure_static_init()
        obj = self.pyclass.__new__(self.pyclass)
        if self.native is not None:
            self.native.__init__(obj, *self.native_args)
        obj._values = {}
        obj.origin = self.current_state()
        for cls in reversed(self.chain()):
            cls.ensure_static_init()
            for key, prop in cls.properties.items():
                if not prop.static:
                    obj._values[key] = prop.default()
        for cls in reversed(self.chain()):
            for key, prop in cls.properties.items():
                if not prop.static and prop.init is not None:
                    obj._values[key] = prop.init(obj)
        self.run_constructor(obj, list(args))
        return obj

    def run_base_constructor(self, obj: "ScriptObject", args: list[Any]) -> None:
        """``: base(args)``: the script base class's constructor, or the .NET
        exception's (its message and inner exception)."""
        if self.base is not None:
            self.base.run_constructor(obj, args)
        elif self.native is not None and issubclass(self.native, BaseException) and len(args) <= 2:
            self.native.__init__(obj, *[conv.to_string(a) if i == 0 and a is not None else a
                                        for i, a in enumerate(args)])
        elif args:
            raise overload_not_found("new", len(args))

    def run_constructor(self, obj: "ScriptObject", args: list[Any]) -> None:
        """This class's constructor for ``args``; without constructors, the
        implicit default one, which runs the base class's default one."""
        if not self.constructors:
            if args:
                raise overload_not_found("new", len(args))
            if self.base is not None:
                self.base.run_constructor(obj, [])
            return
        choose(self.constructors, args, "new").call(obj, args)

    def _convert(self, value: Any) -> Any:
        """``[T]value``: an instance as is, a hashtable through the default
        constructor and its keys as properties, else the one-argument constructor."""
        if value is None or isinstance(value, self.pyclass):
            return value
        from .values import Hashtable, PSCustomObject
        if isinstance(value, (Hashtable, dict, PSCustomObject)):
            return self._from_dictionary(value)
        try:
            return self.new([value])
        except RuntimeException as exc:
            raise conv.cast_error(value, self.name, _inner_message(exc)) from None

    def _from_dictionary(self, value: Any) -> "ScriptObject":
        try:
            obj = self.new([])
        except RuntimeException as exc:
            raise conv.cast_error(value, self.name, _inner_message(exc)) from None
        items = value.items()
        for key, item in items:
            name = conv.to_string(key)
            prop = self.find_property(name.lower())
            if prop is None or prop.static:
                message = (f'Cannot create object of type "{self.name}". The {name} property was not found for '
                           f'the {self.name} object. The available property is: '
                           + _available(self) + ".")
                raise conv.cast_error(value, self.name, message, error_id="ObjectCreationError") from None
            obj.set(prop, item)
        return obj

    # --- statics ----------------------------------------------------------------------------

    def ensure_static_init(self) -> None:
        """Static initializers and the static constructor, once, on first use
        (when .NET runs a type initializer)."""
        if self.static_state:
            return
        self.static_state = 1
        if self.base is not None:
            self.base.ensure_static_init()
        for key, prop in self.properties.items():
            if prop.static:
                self.static_values[key] = prop.default()
        try:
            for key, prop in self.properties.items():
                if prop.static and prop.init is not None:
                    self.static_values[key] = prop.init(None)
            if self.static_constructor is not None:
                self.static_constructor.call(None, [])
        except RuntimeException as exc:
            self.static_state = 0
            record = exc.error_record
            inner = RuntimeException(exc.message, exc, error_id=record.fully_qualified_error_id,
                                     category=record.category_info.category)
            raise TypeInitializationException(f"The type initializer for '{self.name}' threw an exception.",
                                              inner) from exc
        self.static_state = 2

    def _static_owner(self, lowered: str) -> Optional["ScriptClass"]:
        for cls in self.chain():
            prop = cls.properties.get(lowered)
            if prop is not None and prop.static:
                return cls
        return None

    def _static_table(self) -> dict[str, tuple[str, Any, bool]]:
        table: dict[str, tuple[str, Any, bool]] = {}
        for cls in reversed(self.chain()):
            for key, prop in cls.properties.items():
                if prop.static:
                    table[key] = (prop.name, _static_property(cls, prop), False)
        for name, methods in self.method_names(True):
            table[name.lower()] = (name, _static_method(name, methods), True)
        return table


def _static_property(cls: ScriptClass, prop: ScriptProperty) -> Callable[[], Any]:
    key = prop.name.lower()

    def get() -> Any:
        cls.ensure_static_init()
        return cls.static_values.get(key)

    def set_value(value: Any) -> None:
        cls.ensure_static_init()
        cls.static_values[key] = _setting(prop, value)
    get.setter = set_value  # type: ignore[attr-defined]
    return get


def _static_method(name: str, overloads: list[ScriptMethod]) -> Callable[..., Any]:
    def invoke(*args: Any) -> Any:
        method = choose(overloads, list(args), name)
        if method.owner is not None:
            method.owner.ensure_static_init()
        return method.call(None, args)
    return invoke


class ScriptClassType(PSType):
    """The PSType of a script class (``script_class`` names it), with the
    reflection a script asks of it: its interfaces and properties."""

    __slots__ = ("script_class",)
    PS_MEMBERS = {**PSType.PS_MEMBERS, "GetInterface": "get_interface", "GetProperty": "get_property"}

    def __init__(self, cls: ScriptClass, base_type: PSType, interfaces: list[str]) -> None:
        super().__init__(cls.name, base_type, converter=cls._convert, check=cls._is_instance,
                         constructor=lambda *args: cls.new(list(args)), interfaces=interfaces, pyclass=cls.pyclass)
        self.script_class = cls

    def get_interface(self, name: Any) -> Optional[PSType]:
        """``GetInterface(name)``: the interface when the class or a base implements it."""
        from .types import find_type
        wanted = conv.to_string(name).lower()
        for interface in self.interfaces:
            if interface == wanted or interface.rsplit(".", 1)[-1] == wanted:
                return find_type(interface)
        return None

    def get_property(self, name: Any) -> Optional["PropertyInfo"]:
        """``GetProperty(name)``: the property's reflection object, or $null."""
        prop = self.script_class.find_property(conv.to_string(name).lower())
        return PropertyInfo(prop) if prop is not None else None

    def _static_table(self) -> dict[str, tuple[str, Any, bool]]:
        if self._statics is None:
            self._statics = self.script_class._static_table()
        return self._statics


class PropertyInfo:
    """``[T].GetProperty(name)``: a script class property's name and type."""

    __slots__ = ("_prop",)
    full_name = "System.Reflection.PropertyInfo"
    PS_MEMBERS = {"Name": "name", "PropertyType": "property_type"}

    def __init__(self, prop: ScriptProperty) -> None:
        self._prop = prop

    @property
    def name(self) -> str:
        return self._prop.name

    @property
    def property_type(self) -> PSType:
        return self._prop.type or OBJECT

    def __str__(self) -> str:
        return f"{_type_text(self._prop.type)} {self._prop.name}"


class ClassAssembly:
    """The assembly a module's classes live in (``$module.ImplementingAssembly``):
    pwsh emits a script's classes into a dynamic assembly of their own."""

    __slots__ = ("_types",)
    full_name = "System.Reflection.Emit.AssemblyBuilder"
    PS_MEMBERS = {"FullName": "name", "IsDynamic": "is_dynamic", "GetTypes": "get_types",
                  "DefinedTypes": "get_types", "ToString": "__str__"}

    def __init__(self, types: list[PSType]) -> None:
        self._types = list(types)

    @property
    def name(self) -> str:
        return "PowerShell Class Assembly, Version=1.0.0.1, Culture=neutral, PublicKeyToken=null"

    @property
    def is_dynamic(self) -> bool:
        return True

    def get_types(self) -> list[PSType]:
        return list(self._types)

    def __str__(self) -> str:
        return self.name


def script_class_of(t: Any) -> Optional[ScriptClass]:
    """The ScriptClass a type stands for, or None for other types."""
    return t.script_class if isinstance(t, ScriptClassType) else None


class ScriptObject:
    """An instance of a script class: its property values by lower-case
    name.  Each class has its own subclass (``ps_class`` names its class)."""

    ps_class: ScriptClass
    _values: dict[str, Any]
    origin: Any  # the session state the instance was created in (its methods run there)

    def get(self, prop: ScriptProperty) -> Any:
        if prop.static:
            return _static_property(self.ps_class._static_owner(prop.name.lower()) or self.ps_class, prop)()
        return self._values.get(prop.name.lower())

    def set(self, prop: ScriptProperty, value: Any) -> None:
        if prop.static:
            _static_property(self.ps_class._static_owner(prop.name.lower()) or self.ps_class, prop).setter(value)
            return
        self._values[prop.name.lower()] = _setting(prop, value)

    def invoke(self, name: str, args: Sequence[Any], as_class: Optional[ScriptClass] = None) -> Any:
        """``$obj.Name(args)``; ``as_class`` is the class of ``([Base]$this).Name()``,
        which calls that class's implementation rather than the override."""
        cls = as_class if as_class is not None else self.ps_class
        overloads = cls.overloads(name.lower(), False) or cls.overloads(name.lower(), True)
        if not overloads:
            raise method_not_found(self.ps_class.name, name)
        method = choose(overloads, list(args), name)
        return method.call(None if method.static else self, args)

    def has_method(self, name: str) -> bool:
        lowered = name.lower()
        return bool(self.ps_class.overloads(lowered, False) or self.ps_class.overloads(lowered, True))

    def _override(self, name: str, count: int) -> Optional[ScriptMethod]:
        for method in self.ps_class.overloads(name, False):
            if len(method.param_refs) == count:
                return method
        return None

    def __str__(self) -> str:
        method = self._override("tostring", 0)
        if method is not None:
            return conv.to_string(method.call(self, []))
        return self.ps_class.name

    def __eq__(self, other: object) -> bool:
        method = self._override("equals", 1)
        if method is not None:
            return conv.to_bool(method.call(self, [other]))
        return self is other

    def __hash__(self) -> int:
        method = self._override("gethashcode", 0)
        if method is not None:
            return hash(method.call(self, []))
        return id(self)

    def compare_to(self, other: Any) -> Optional[int]:
        """``CompareTo`` when the class defines it (IComparable), else None."""
        method = self._override("compareto", 1)
        if method is None:
            return None
        return conv.convert_to_integer(method.call(self, [other]))


def _native_base(base_type: Optional[PSType]) -> tuple[Optional[type], tuple]:
    """The Python class (and its constructor arguments) of a .NET base type
    the object model can derive from: an exception, or ``List[T]``."""
    if base_type is None:
        return None, ()
    pyclass = base_type.pyclass
    if isinstance(pyclass, type) and issubclass(pyclass, BaseException):
        return pyclass, ()
    if base_type.generic_definition == "System.Collections.Generic.List`1":
        return GenericList, ((), base_type.generic_arguments[0])
    return None, ()


def _setting(prop: ScriptProperty, value: Any) -> Any:
    """A value assigned to a property, converted; a conversion failure is
    pwsh's ExceptionWhenSetting."""
    try:
        return prop.coerce(value)
    except RuntimeException as exc:
        inner = dotnet_exception_from(exc)
        raise SetValueInvocationException(f'Exception setting "{prop.name}": "{inner.message}"', inner,
                                          error_id="ExceptionWhenSetting") from None


def choose(overloads: list[ScriptMethod], args: list[Any], name: str) -> ScriptMethod:
    """The overload for ``args``: by argument count, then by how well each
    argument fits its parameter's type (exact, assignable, convertible)."""
    candidates = [m for m in overloads if len(m.param_refs) == len(args)]
    if not candidates:
        raise overload_not_found(name, len(args))
    if len(candidates) == 1:
        return candidates[0]
    best: Optional[ScriptMethod] = None
    best_score = -1.0
    for method in candidates:
        score = 0.0
        for t, arg in zip(method.param_types, args):
            fit = _fit(t, arg)
            if fit < 0:
                score = -1.0
                break
            score += fit
        if score > best_score:
            best, best_score = method, score
    if best is None:
        raise overload_not_found(name, len(args))
    return best


def _fit(t: Optional[PSType], arg: Any) -> float:
    if t is None or t is OBJECT:
        return 1.0
    if arg is None:
        return 0.5 if not t.is_value_type else 0.2
    from .types import type_of
    if type_of(arg) == t:
        return 3.0
    if t.is_instance(arg):
        return 2.0
    try:
        t.convert(arg)
    except RuntimeException:
        return -1.0
    return 1.5


def _convert_argument(method: ScriptMethod, index: int, value: Any) -> Any:
    t = method.param_types[index]
    if t is None or t is OBJECT:
        return value
    try:
        return t.convert(value)
    except RuntimeException as exc:
        text = conv.to_string(value)
        raise MethodException(
            f'Cannot convert argument "{method.param_names[index]}", with value: "{text}", for "{method.name}" '
            f'to type "{t.full_name}": "{_inner_message(exc)}"',
            error_id="MethodArgumentConversionInvalidCastArgument",
            category=ErrorCategory.NotSpecified) from None


def _inner_message(exc: BaseException) -> str:
    return getattr(exc, "message", None) or str(exc)


def _available(cls: ScriptClass) -> str:
    return ", ".join(f"[{p.name} <{_type_text(p.type)}>]" for p in cls.instance_properties() if not p.hidden)


def _type_text(t: Optional[PSType]) -> str:
    return "System.Object" if t is None else t.full_name


def _short(name: str) -> str:
    return {"System.Int32": "int", "System.String": "string", "System.Boolean": "bool", "System.Void": "void",
            "System.Object": "System.Object", "System.Double": "double", "System.Int64": "long"}.get(name, name)
