"""Writing cmdlets in Python.

A cmdlet is a class: parameters are :class:`Parameter` class attributes,
the ``@cmdlet("Verb-Noun")`` decorator turns them into
:class:`CommandMetadata`, and ``begin_processing`` / ``process_record`` /
``end_processing`` do the work (each may ``return`` nothing, or be a
generator that ``yield``\\ s output objects, which streams them)::

    @cmdlet("Get-Greeting")
    class GetGreeting(Cmdlet):
        \"\"\"Says hello.\"\"\"
        name = Parameter("String", position=0, mandatory=True, value_from_pipeline=True)

        def process_record(self):
            yield f"Hello {self.name}"

Bound values appear as instance attributes named like the class attributes;
unbound ones have the Parameter's ``default``.
"""

from __future__ import annotations

from .common import common_parameters, should_process_parameters
from .metadata import CommandMetadata
from .parameter import Parameter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Iterator, Optional, Sequence


class Cmdlet:
    """Base class of Python cmdlets; see the module docstring.

    The processor gives each instance ``context`` (the engine's execution
    context), ``invocation`` (``$MyInvocation``), ``parameter_set_name``,
    ``bound_parameters`` and the ``write_*`` services.
    """

    metadata: CommandMetadata
    command_name: str
    synopsis: str = ""
    description: str = ""
    help_uri: str = ""

    def __init__(self, runtime: Any) -> None:
        self._runtime = runtime
        self.context = runtime.context
        self.invocation = runtime.invocation
        self.parameter_set_name: str = runtime.parameter_set_name
        self.bound_parameters: dict[str, Any] = runtime.bound_parameters

    # Lifecycle: override any of these; each may be a generator.
    def begin_processing(self) -> Optional[Iterable[Any]]:
        return None

    def process_record(self) -> Optional[Iterable[Any]]:
        return None

    def end_processing(self) -> Optional[Iterable[Any]]:
        return None

    def input_sink(self, parameter: str) -> Optional[Callable[[Any], bool]]:
        """A shortcut for the input of a cmdlet that collects it (Sort-Object,
        Measure-Object...): a callable that, for one pipeline object, does
        exactly what binding it to ``parameter`` and running
        ``process_record`` would do, and returns True; or returns False,
        having done nothing, to send that object the full way.  The processor
        uses it only once every input object binds to ``parameter`` as it is
        and the command has no stream collectors to switch, and sets the
        parameter to the last object before ``end_processing``.  None (the
        default): every object takes the full way."""
        return None

    def input_loop(self) -> Optional[Callable[[Iterator[Any], Callable[[Any], None]], None]]:
        """A tighter loop for a list or range of input objects (ForEach-Object,
        Where-Object): ``loop(objects, settle)`` does, for each object in
        turn, exactly what ``process_record`` would do with that object
        bound, without reading the parameter's attribute or
        ``bound_parameters``, and calls ``settle(obj)`` with the last object
        it took when it ends or fails (in a ``finally``: the processor then
        binds that one).  The processor uses it only once every
        input object binds to one parameter as it is and the command has no
        stream collectors to switch.  None (the default): ``process_record``
        per object."""
        return None

    # Services.
    def write_object(self, obj: Any, enumerate_collection: bool = False) -> None:
        self._runtime.write_object(obj, enumerate_collection)

    def write_error(self, record: Any) -> None:
        self._runtime.write_error(record)

    def write_warning(self, message: str) -> None:
        self._runtime.write_stream("warning", message)

    def write_verbose(self, message: str) -> None:
        self._runtime.write_stream("verbose", message)

    def write_debug(self, message: str) -> None:
        self._runtime.write_stream("debug", message)

    def stream_enabled(self, stream: str) -> bool:
        """Whether ``write_verbose`` ('verbose') or ``write_debug`` ('debug')
        output would be shown or recorded now (-Verbose, -Debug, the
        preference variables): skip building costly messages when not."""
        return self._runtime.stream_enabled(stream)

    def write_information(self, message_data: Any, tags: Optional[list[str]] = None) -> None:
        self._runtime.write_information(message_data, tags)

    def write_information_record(self, record: Any) -> None:
        """Writes an InformationRecord made in another session (a job, a
        -Parallel iteration) as this command's own: Write-Host's records
        stay host output with their colours and -NoNewline, the rest stay
        information data with their tags."""
        from pwshlike.runtime.streams import HostInformationMessage
        data = record.message_data
        if isinstance(data, HostInformationMessage):
            self.context.write_host(data.message, data.no_new_line, data.foreground_color, data.background_color)
        else:
            self.write_information(data, record.tags)

    def write_host(self, message: str) -> None:
        """Text for the user, as Write-Host shows it (an information record
        tagged PSHOST): not output, so assigning the command's result
        does not capture it (Connect-MgGraph's welcome)."""
        self._runtime.write_host(message, False, None, None, " ")

    def invocation_as(self, name: str, implementing_type: str) -> Any:
        """This command's ``$MyInvocation`` naming another command: for an
        error raised, as pwsh sees it, by a command this one stands for
        (the Graph SDK's proxy functions run a generated cmdlet,
        ``New-MgOauth2PermissionGrant_Create``, whose name ConciseView
        shows).  Set it as the record's ``invocation_info``."""
        import copy

        from .commandinfo import CmdletInfo
        invocation = copy.copy(self.invocation)
        my_command = getattr(self.invocation, "my_command", None)
        module = getattr(my_command, "module_name", "") if my_command is not None else ""
        invocation.my_command = CmdletInfo(name, lambda: type(self), module, implementing_type)
        return invocation

    def throw_terminating_error(self, record: Any) -> None:
        self._runtime.throw_terminating_error(record)

    def should_process(self, target: str, action: Optional[str] = None) -> bool:
        return self._runtime.should_process(target, action)

    def should_continue(self, query: str, caption: Optional[str] = None) -> bool:
        """Asks the user whatever -Confirm says ("Yes to All" and "No to
        All" hold for the rest of the invocation)."""
        return self._runtime.should_continue(query, caption)


def cmdlet(name: str, *, default_parameter_set: Optional[str] = None,
           supports_should_process: bool = False, confirm_impact: str = "Medium",
           output_types: Sequence[str] = (), help_uri: str = "") -> Callable[[type], type]:
    """Class decorator building the cmdlet's CommandMetadata from its
    Parameter attributes (in declaration order) plus the common ones.
    ``help_uri`` is the command's online help (CmdletBinding's HelpUri)."""

    def decorate(cls: type) -> type:
        if _annotated(cls):
            from .typed_parameters import declaration_order, typed_parameters
            order = declaration_order(cls)
            typed_parameters(cls, Cmdlet)
        else:  # no annotations to read: the typed-parameter machinery stays unimported
            order = list(dict.fromkeys(name for klass in reversed(cls.__mro__) for name in klass.__dict__))
        declared = [v for v in (getattr(cls, attribute, None) for attribute in order) if isinstance(v, Parameter)]
        _check_positions(cls, declared)

        def build_metadata() -> CommandMetadata:
            params = [p.metadata() for p in declared] + common_parameters()
            if supports_should_process:
                params += should_process_parameters()
            return CommandMetadata(name, params, default_parameter_set=default_parameter_set,
                                   supports_should_process=supports_should_process,
                                   confirm_impact=confirm_impact, output_types=output_types)
        cls.metadata = _MetadataOnFirstUse(cls, build_metadata)
        cls.command_name = name
        cls.help_uri = help_uri
        cls._declared_parameters = declared
        doc = _dedent(cls.__doc__ or "")
        if doc and not cls.__dict__.get("synopsis"):
            first, _, rest = doc.partition("\n\n")
            cls.synopsis = " ".join(first.split())
            cls.description = rest.strip()
        return cls

    return decorate


class _MetadataOnFirstUse:
    """A cmdlet class's ``metadata`` until it is first read (on the class
    or an instance), which builds the CommandMetadata and puts it in its
    place: a module declares several cmdlets and a script uses few, so
    loading the module does not build the parameter tables of the others
    (Write-Output's module declares seven)."""

    __slots__ = ("cls", "build")

    def __init__(self, cls: type, build: Callable[[], CommandMetadata]) -> None:
        self.cls = cls
        self.build = build

    def __get__(self, instance: Any, owner: Optional[type] = None) -> CommandMetadata:
        metadata = self.build()
        if self.cls.__dict__.get("metadata") is self:
            setattr(self.cls, "metadata", metadata)
        return self.cls.__dict__["metadata"]


def _check_positions(cls: type, declared: list[Parameter]) -> None:
    """Two parameters at one position of one set would make binding
    ambiguous: refused at decoration time, naming both attributes."""
    taken: dict[tuple[str, int], str] = {}
    for parameter in declared:
        for set_name, spec in parameter._sets.items():
            if spec.position is None:
                continue
            key = (set_name, spec.position)
            other = taken.get(key)
            if other is not None and other != parameter.attribute:
                raise TypeError(f"{cls.__name__}.{parameter.attribute}: position {spec.position} is already "
                                f"taken by {cls.__name__}.{other} in parameter set '{set_name}'")
            taken[key] = parameter.attribute


def _annotated(cls: type) -> bool:
    """Whether ``cls`` or a base below :class:`Cmdlet` annotates attributes
    (typed parameters, or ClassVar declarations to leave alone)."""
    return any("__annotations__" in klass.__dict__ for klass in cls.__mro__ if klass not in (Cmdlet, object))


def _dedent(doc: str) -> str:
    """A docstring without the indentation its source lines carry."""
    lines = doc.strip().split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join([lines[0]] + [line[cut:] for line in lines[1:]])
