"""Pipeline cmdlets: ForEach-Object, Where-Object and the Out-* sinks."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Optional

from pwshlike.commands.builtins.format import ConsoleSinkCommand
from pwshlike.commands.builtins.select_window import SelectWindow
from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.conversions import to_bool
from pwshlike.dotnet.errors import PSArgumentException, RuntimeException
from pwshlike.formatting.output import SEQUENCE_ERROR_ID
from pwshlike.formatting.session import formatter_of


_NOTHING: Any = object()  # an input loop that has taken no object yet


def _run_script(script_block: Any, dollar_under: Any) -> Iterator[Any]:
    """Runs a script block in the caller's scope with ``$_`` set, as
    ForEach-Object and Where-Object do, yielding its (unrolled) output."""
    for value in script_block.invoke_with_input(dollar_under, new_scope=False):
        yield value


@cmdlet("ForEach-Object", default_parameter_set="ScriptBlockSet",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096867")
class ForEachObjectCommand(Cmdlet):
    """Runs a script block, or reads a member, for each input object.

    With several positional script blocks, the first is the begin block and
    (from three on) the last the end block, as in pwsh."""

    help_examples = [
        ('Example 1: Work on each object',
         "Get-ChildItem ./logs -File | ForEach-Object { '{0} {1:N0} KB' -f $_.Name, ($_.Length / 1KB) }",
         'Runs the block once per file; $_ is the current file.'),
        ('Example 2: Read a member of each object',
         'Get-Process | ForEach-Object ProcessName',
         'Naming a property (or a method) instead of a script block returns that member of each object.'),
        ('Example 3: Begin, process and end blocks',
         '1..5 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }',
         'The begin block runs once before the input, the end block once after it; this returns 15.'),
        ('Example 4: Run in parallel',
         '\'web01\', \'web02\', \'db01\' | ForEach-Object -Parallel { Test-Path "/srv/$_" } -ThrottleLimit 3',
         'Each block runs on its own thread; use $using: to read variables of the caller.'),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The input objects.")
    begin = Parameter("ScriptBlock", sets={"ScriptBlockSet": {}}, help="Runs before the first input.")
    process = Parameter("ScriptBlock[]", sets={"ScriptBlockSet": {"mandatory": True, "position": 0}},
                        allow_null=True, allow_empty_collection=True,
                        help="Runs once per input object; $_ is the object.")
    end = Parameter("ScriptBlock", sets={"ScriptBlockSet": {}}, help="Runs after the last input.")
    remaining_scripts = Parameter("ScriptBlock[]", sets={"ScriptBlockSet": {
        "value_from_remaining_arguments": True}}, allow_null=True, allow_empty_collection=True,
        help="Further positional script blocks: with -Process they give the begin, process and end blocks.")
    member_name = Parameter("String", sets={"PropertyAndMethodSet": {"mandatory": True, "position": 0}},
                            help="A property to read or a method to call on each object.")
    argument_list = Parameter("Object[]", aliases=("Args",), sets={"PropertyAndMethodSet": {
        "value_from_remaining_arguments": True}}, help="Arguments for the method.")
    parallel = Parameter("ScriptBlock", sets={"ParallelParameterSet": {"mandatory": True}},
                         help="Runs this block for each input object on its own thread and runspace.")
    throttle_limit = Parameter("Int32", sets={"ParallelParameterSet": {}}, default=5,
                               validators=[validate_range(1, 2147483647)],
                               help="How many -Parallel iterations may run at once (default 5).")
    use_new_runspace = Parameter("SwitchParameter", sets={"ParallelParameterSet": {}},
                                 help="A new runspace for every -Parallel iteration instead of reused ones.")

    def begin_processing(self) -> Optional[Iterator[Any]]:
        self._blocks: list[Any] = []
        # The process blocks' per-object runners, made at the first input object (not here, so a
        # block compiles only when it first runs, as before).
        self._underbar_runners: Optional[list[Any]] = None
        self._runner: Any = None
        if self.parameter_set_name == "ParallelParameterSet":
            self._start_parallel()
            return None
        if self.parameter_set_name != "ScriptBlockSet":
            return None
        scripts = list(self.process or []) + list(self.remaining_scripts or [])
        begin, end = self.begin, self.end
        if begin is None and len(scripts) > 1:
            begin = scripts.pop(0)
        if end is None and len(scripts) > 1 and self.remaining_scripts:
            end = scripts.pop()
        self._blocks = scripts
        self._end = end
        return _run_script(begin, None) if begin is not None else None

    def process_record(self) -> Optional[Iterable[Any]]:
        obj = self.input_object
        if self._runner is not None:
            return self._parallel_step(obj)
        if self.parameter_set_name == "PropertyAndMethodSet":
            return self._member(obj)
        # The block's output goes straight downstream as it is written (write_object's own path).
        emit = self._runtime.processor.output()
        for run in self._process_runners():
            run(obj, emit)
        return None

    def _process_runners(self) -> list[Any]:
        runners = self._underbar_runners
        if runners is None:
            runners = self._underbar_runners = [block.underbar_runner() for block in self._blocks
                                                if block is not None]
        return runners

    def input_loop(self) -> Optional[Callable[[Iterator[Any], Callable[[Any], None]], None]]:
        """process_record over many objects (not for -Parallel)."""
        if self._runner is not None:
            return None
        emit = self._runtime.processor.output()
        if self.parameter_set_name == "PropertyAndMethodSet":
            return self._member_loop(emit)
        if self.parameter_set_name != "ScriptBlockSet":
            return None
        blocks = [block for block in self._blocks if block is not None]
        if len(blocks) == 1:
            return blocks[0].underbar_loop(emit)
        runners = self._process_runners()

        def each(objects: Iterator[Any], settle: Callable[[Any], None]) -> None:
            obj = _NOTHING
            try:
                for obj in objects:
                    for run in runners:
                        run(obj, emit)
            finally:
                if obj is not _NOTHING:
                    settle(obj)
        return each

    def _parallel_step(self, obj: Any) -> Iterator[Any]:
        if self.invocation.expecting_input or "InputObject" in self.bound_parameters:
            self._runner.submit(obj)
        yield from self._runner.drain(self, wait=False)

    def end_processing(self) -> Optional[Iterator[Any]]:
        if self._runner is not None:
            return self._finish_parallel()
        end = getattr(self, "_end", None)
        return _run_script(end, None) if end is not None else None

    def _start_parallel(self) -> None:
        from pwshlike.dotnet.errors import PSInvalidOperationException
        from .parallel import ParallelRunner
        try:
            self._runner = ParallelRunner(self.context, self.parallel, self.throttle_limit,
                                          bool(self.use_new_runspace))
        except PSInvalidOperationException as exc:
            self.throw_terminating_error(exc.error_record)

    def _finish_parallel(self) -> Iterator[Any]:
        try:
            yield from self._runner.drain(self, wait=True)
        finally:
            self._runner.close()

    def _member(self, obj: Any) -> list[Any]:
        """-MemberName: a method is called (with -ArgumentList), a property
        read, as the .ForEach('Name') intrinsic does for one object."""
        from pwshlike.dotnet.members import magic_foreach
        return magic_foreach([obj], [self.member_name, *(self.argument_list or ())])

    def _member_loop(self, emit: Callable[[Any], None]) -> Callable[[Iterator[Any], Callable[[Any], None]], None]:
        """_member over many objects, the member and its arguments read once."""
        from pwshlike.dotnet.members import magic_foreach
        selector = [self.member_name, *(self.argument_list or ())]

        def each(objects: Iterator[Any], settle: Callable[[Any], None]) -> None:
            obj = _NOTHING
            try:
                for obj in objects:
                    for value in magic_foreach([obj], selector):
                        emit(value)
            finally:
                if obj is not _NOTHING:
                    settle(obj)
        return each


# Where-Object's comparison switches: parameter name -> (set name, operator).
# Each switch is mandatory in its own parameter set, as in pwsh, so the
# binder picks the set from the switch given; -EQ is optional in EqualSet,
# which is also what `Where-Object Name` (a truth test) binds to.
_WHERE_OPERATORS: dict[str, tuple[str, str]] = {"EQ": ("EqualSet", "-eq"), "CEQ": ("CaseSensitiveEqualSet", "-ceq")}
for _name, _op in (("NE", "-ne"), ("GT", "-gt"), ("GE", "-ge"), ("LT", "-lt"), ("LE", "-le"),
                   ("Like", "-like"), ("NotLike", "-notlike"), ("Match", "-match"),
                   ("NotMatch", "-notmatch"), ("Contains", "-contains"),
                   ("NotContains", "-notcontains"), ("In", "-in"), ("NotIn", "-notin")):
    _WHERE_OPERATORS[_name] = (f"{_name}Set", _op)
    _WHERE_OPERATORS["C" + _name] = (f"CaseSensitive{_name}Set", "-c" + _op[1:])
_WHERE_OPERATORS["Is"] = ("IsSet", "-is")
_WHERE_OPERATORS["IsNot"] = ("IsNotSet", "-isnot")
_WHERE_OPERATORS["Not"] = ("NotSet", "")
_WHERE_SETS = [set_name for set_name, _ in _WHERE_OPERATORS.values()]

# What each comparison switch keeps, for its help text ("-c..." variants add "case-sensitively").
_WHERE_TESTS = {"eq": "equals -Value", "ne": "differs from -Value", "gt": "is greater than -Value",
                "ge": "is greater than or equal to -Value", "lt": "is less than -Value",
                "le": "is less than or equal to -Value", "like": "matches the wildcard pattern -Value",
                "notlike": "does not match the wildcard pattern -Value",
                "match": "matches the regular expression -Value",
                "notmatch": "does not match the regular expression -Value",
                "contains": "(a collection) contains -Value", "notcontains": "(a collection) lacks -Value",
                "in": "is one of the -Value items", "notin": "is none of the -Value items",
                "is": "is an instance of the type -Value", "isnot": "is not an instance of the type -Value"}


def _where_help(operator: str) -> str:
    """The help of one comparison switch of Where-Object."""
    if not operator:
        return "Keeps the objects whose property is false, empty or missing."
    test = _WHERE_TESTS.get(operator[1:])
    if test is None:  # a case-sensitive variant: -ceq, -clike...
        return f"Keeps the objects whose property {_WHERE_TESTS[operator[2:]]}, case-sensitively."
    return f"Keeps the objects whose property {test}."


def _where_parameters() -> dict[str, Parameter]:
    positional = {s: {"mandatory": True, "position": 0} for s in _WHERE_SETS}
    params: dict[str, Parameter] = {
        "input_object": Parameter("PSObject", value_from_pipeline=True, help="The input objects."),
        "filter_script": Parameter("ScriptBlock", sets={"ScriptBlockSet": {"mandatory": True, "position": 0}},
                                   help="The condition; $_ is the object being tested."),
        "property": Parameter("String", sets=positional, help="The property to compare."),
        "value": Parameter("Object", sets={s: {"position": 1} for s in _WHERE_SETS if s != "NotSet"},
                           help="The value to compare the property with."),
    }
    for name, (set_name, _op) in _WHERE_OPERATORS.items():
        sets = {set_name: {"mandatory": name != "EQ"}}
        aliases = ("I" + name,) if not name.startswith(("C", "Is", "Not")) or name in ("Contains",) else ()
        params[name.lower()] = Parameter("SwitchParameter", name=name, sets=sets, aliases=aliases,
                                         help=_where_help(_op))
    return params


def _where_input_loop(self: Cmdlet) -> Optional[Callable[[Iterator[Any], Callable[[Any], None]], None]]:
    """_where_process over many objects (Cmdlet.input_loop)."""
    emit = self._runtime.processor.output()
    if self.parameter_set_name == "ScriptBlockSet":
        return self.filter_script.underbar_loop(emit, _where_test)
    condition = _where_condition(self)

    def each(objects: Iterator[Any], settle: Callable[[Any], None]) -> None:
        obj = _NOTHING
        try:
            for obj in objects:
                if condition(obj):
                    emit(obj)
        finally:
            if obj is not _NOTHING:
                settle(obj)
    return each


def _where_test(result: list[Any]) -> bool:
    """Whether a Where-Object block's output keeps the object."""
    if len(result) == 1:
        value = result[0]
        return value if value is True or value is False else to_bool(value)
    return to_bool(result)


def _where_process(self: Cmdlet) -> None:
    """Writes the input object when it meets the condition (directly, not
    through a generator: this runs once per object)."""
    obj = self.input_object
    if self.parameter_set_name == "ScriptBlockSet":
        run = getattr(self, "_filter_runner", None)
        if run is None:  # made at the first object, when the block first runs
            run = self._filter_runner = self.filter_script.underbar_runner()
        result: list[Any] = []
        run(obj, result.append)
        if _where_test(result):
            self.write_object(obj)
        return
    if _where_condition(self)(obj):
        self.write_object(obj)


def _where_condition(self: Cmdlet) -> Callable[[Any], bool]:
    """The comparison form's test of one object (``Where-Object V -gt 5``,
    ``Where-Object V``, ``Where-Object -Not V``), made at the first object
    from the command-line arguments, which input objects never change."""
    condition = getattr(self, "_condition", None)
    if condition is not None:
        return condition
    from pwshlike.dotnet.members import get_member
    from pwshlike.dotnet.operators import BINARY_OPERATORS
    name, set_name = self.property, self.parameter_set_name

    def actual(obj: Any) -> Any:
        return get_member(obj, name) if obj is not None else None

    if set_name == "NotSet":
        def condition(obj: Any) -> bool:
            return not to_bool(actual(obj))
    elif set_name == "EqualSet" and "Value" not in self.bound_parameters:
        def condition(obj: Any) -> bool:
            return to_bool(actual(obj))
    else:
        compare = BINARY_OPERATORS[next(o for s, o in _WHERE_OPERATORS.values() if s == set_name)]
        value = self.value

        def condition(obj: Any) -> bool:
            return to_bool(compare(actual(obj), value))
    self._condition = condition
    return condition


WhereObjectCommand = cmdlet("Where-Object", default_parameter_set="ScriptBlockSet",
                            help_uri="https://go.microsoft.com/fwlink/?LinkID=2096806")(type(
    "WhereObjectCommand", (Cmdlet,), {
        "__doc__": "Passes on the input objects that meet a condition.\n\n"
                   "The condition is a script block that returns true for the objects to keep ($_ is the "
                   "object being tested), or a property compared with a value (Where-Object Name -eq 'x'). "
                   "A property name alone keeps the objects where that property is true.",
        "help_examples": [
            ("Example 1: Filter with a script block", "Get-ChildItem -File | Where-Object { $_.Length -gt 1MB }",
             "Keeps the files larger than one megabyte."),
            ("Example 2: The simplified form", "Get-Process | Where-Object ProcessName -eq 'sshd'",
             "Compares each process's ProcessName with 'sshd'; no script block is needed."),
            ("Example 3: Wildcards", "Get-Command | Where-Object Name -like '*-Item*'",
             "Keeps the commands whose names match the wildcard pattern."),
        ],
        "__module__": __name__,
        "process_record": _where_process,
        "input_loop": _where_input_loop,
        **_where_parameters(),
    }))


_COUNT = [validate_range(0, 2147483647)]


@cmdlet("Select-Object", default_parameter_set="DefaultParameter",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096716")
class SelectObjectCommand(Cmdlet):
    """Selects objects from the pipeline, or properties of each object.

    -First and -Index stop the commands before them once they have what they
    asked for (unless -Wait); -Unique writes the distinct objects at the end,
    as pwsh does."""

    help_examples = [
        ('Example 1: Choose properties',
         'Get-ChildItem -File | Select-Object Name, Length',
         'Each file becomes an object with just the two properties.'),
        ('Example 2: The largest files',
         'Get-ChildItem -File | Sort-Object Length -Descending | Select-Object -First 3',
         'Keeps the first three objects; the commands before stop once they have been read.'),
        ('Example 3: A calculated property',
         "Get-ChildItem -File | Select-Object Name, @{ Name = 'KB'; Expression = { [math]::Round($_.Length / 1KB) } }",
         'A hashtable with Name and Expression adds a property computed from each object.'),
        ('Example 4: Only the values of one property',
         'Get-Command -Module Microsoft.PowerShell.Utility | Select-Object -ExpandProperty Name',
         '-ExpandProperty returns the names as strings rather than objects with a Name property.'),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The input objects.")
    property = Parameter("Object[]", sets={"DefaultParameter": {"position": 0},
                                          "SkipLastParameter": {"position": 0}},
                         help="Property names or calculated properties.")
    exclude_property = Parameter("String[]", sets={"DefaultParameter": {}, "SkipLastParameter": {}},
                                 help="Properties to leave out (wildcards allowed); alone it keeps all the others.")
    expand_property = Parameter("String", sets={"DefaultParameter": {}, "SkipLastParameter": {}},
                                help="Outputs the value of this property instead of the object (each item of a "
                                     "collection on its own).")
    unique = Parameter("SwitchParameter", help="Drops duplicates; the distinct objects are written at the end.")
    case_insensitive = Parameter("SwitchParameter", help="-Unique compares strings without regard to case.")
    last = Parameter("Int32", sets={"DefaultParameter": {}}, validators=_COUNT, help="Only the last N objects.")
    first = Parameter("Int32", sets={"DefaultParameter": {}}, validators=_COUNT, help="Only the first N objects.")
    skip = Parameter("Int32", sets={"DefaultParameter": {}, "SkipLastParameter": {}}, validators=_COUNT,
                     help="Skips the first N objects.")
    skip_last = Parameter("Int32", sets={"SkipLastParameter": {}}, validators=_COUNT,
                          help="Skips the last N objects.")
    wait = Parameter("SwitchParameter", sets={"DefaultParameter": {}, "IndexParameter": {}},
                     help="Reads all input instead of stopping the commands before once -First or -Index is met.")
    index = Parameter("Int32[]", sets={"IndexParameter": {}}, validators=_COUNT,
                      help="Only the objects at these positions.")
    skip_index = Parameter("Int32[]", sets={"SkipIndexParameter": {}}, validators=_COUNT,
                           help="All objects except those at these positions.")

    def begin_processing(self) -> None:
        from . import select
        self._select = select  # imported here: it is not on the start-up path
        self._seen = 0
        self._window = SelectWindow(self.first, self.last, self.skip, self.skip_last)
        # No counting parameter: the window would hand each object straight back.
        self._pass_through = self.first is None and self.last is None and self.skip is None \
            and self.skip_last is None
        positions = self.index if self.index is not None else self.skip_index
        self._positions = sorted(positions) if positions is not None else None
        self._next_position = 0
        self._selects = bool(self.property or self.exclude_property) and not self.expand_property
        self._unique: Optional[list[Any]] = [] if self.unique else None
        # How each object's properties are selected, made at the first object (a malformed
        # property is reported then, as before).
        self._selector: Optional[Callable[[Any], Any]] = None
        # The plain selector alone, once made, when nothing else applies (no window, index, -Unique).
        self._direct: Optional[Callable[[Any], Any]] = None

    def process_record(self) -> None:
        obj = self.input_object
        if obj is None:
            # pwsh ignores null input: `$null | Select-Object a` writes nothing.
            return
        direct = self._direct
        if direct is not None:
            try:
                selected = direct(obj)
            except PSArgumentException as exc:  # as _write reports it
                self.throw_terminating_error(exc.error_record)
                return
            self.write_object(selected)
            return
        if self._positions is not None:
            self._indexed(obj)
            return
        if self._pass_through:
            self._write(obj)
            return
        window = self._window
        selected = window.push(obj)
        if selected is not None:
            self._write(selected)
        if window.done and not self.wait:
            self._stop()

    def _indexed(self, obj: Any) -> None:
        """-Index writes the objects at the (sorted) positions and then stops
        its upstream; -SkipIndex writes all the others."""
        positions, at = self._positions, self._next_position
        position = self._seen
        self._seen += 1
        wanted = at < len(positions) and positions[at] == position
        while at < len(positions) and positions[at] == position:
            at += 1
        self._next_position = at
        if wanted == (self.index is not None):
            self._write(obj)
        if self.index is not None and at >= len(positions) and not self.wait:
            self._stop()

    def end_processing(self) -> None:
        for obj in self._window.drain():
            self._write(obj)
        if self._unique is not None:
            for obj in self._unique:
                self.write_object(obj)

    def _stop(self) -> None:
        from pwshlike.runtime.flow import StopUpstreamCommands
        raise StopUpstreamCommands(self._runtime.processor)

    def _write(self, obj: Any) -> None:
        """Writes what ``obj`` becomes (or keeps it for -Unique)."""
        select = self._select
        if self.expand_property:
            results = list(select.expand_property(obj, self.expand_property))
        elif self._selects:
            try:
                selector = self._selector
                if selector is None:
                    specs, exclude = self.property or ["*"], self.exclude_property or ()
                    plain = select.plain_selector(specs, exclude)
                    selector = self._selector = plain or (
                        lambda each: select.select_properties(each, specs, exclude))
                    if plain is not None and self._pass_through and self._positions is None \
                            and self._unique is None:
                        self._direct = plain
                results = [selector(obj)]
            except PSArgumentException as exc:  # a malformed property: the command stops, as in pwsh
                self.throw_terminating_error(exc.error_record)
                return
        else:
            select.mark_selected(obj)
            results = [obj]
        kept = self._unique
        if kept is None:
            for result in results:
                self.write_object(result)
            return
        case_sensitive = not self.case_insensitive
        for result in results:
            if not any(select.same_selection(result, seen, self._selects, case_sensitive) for seen in kept):
                kept.append(result)


@cmdlet("Out-Null", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096792")
class OutNullCommand(Cmdlet):
    """Discards its input.

    Use it to throw away output you do not need, such as the index that some methods return; nothing is written to
    the pipeline or the console."""

    help_examples = [
        ("Example 1: Discard a command's output",
         'New-Item -ItemType Directory ./build -Force | Out-Null',
         'The folder is created without the listing New-Item would print.'),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to discard.")


@cmdlet("Out-String", default_parameter_set="NoNewLineFormatting", output_types=("System.String",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097024")
class OutStringCommand(Cmdlet):
    """Turns objects into the text the console would show.

    Without -Stream the whole input becomes one string ending in a newline;
    with -Stream each line is its own string, written as soon as it is
    formatted.  Without -Width lists are not wrapped and tables fit the
    console, as in pwsh."""

    help_examples = [
        ('Example 1: Formatted output as text',
         '$text = Get-Process | Select-Object -First 3 | Out-String',
         '$text holds the table exactly as the console would show it, as one string.'),
        ('Example 2: Search formatted output line by line',
         "Get-Alias | Out-String -Stream | Select-String 'Object'",
         '-Stream writes each line separately, so Select-String can match lines of the table.'),
    ]

    stream = Parameter("SwitchParameter", sets={"StreamFormatting": {}}, help="Sends each line separately.")
    width = Parameter("Int32", validators=[validate_range(2, 2147483647)], help="Characters per line.")
    no_new_line = Parameter("SwitchParameter", name="NoNewline", sets={"NoNewLineFormatting": {}},
                            help="Omits all newlines, including the final one.")
    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to render.")

    def begin_processing(self) -> None:
        self._session = formatter_of(self.context).capture_session(self.width)
        self._lines: list[str] = []

    def process_record(self) -> Optional[Iterator[str]]:
        return self._emit(lambda: self._session.add(self.input_object))

    def end_processing(self) -> Optional[Iterator[str]]:
        result = self._emit(self._session.finish)
        if self.stream:
            return result
        lines = self._lines
        text = "".join(lines) if self.no_new_line else "".join(line + "\n" for line in lines)
        return iter([text])

    def _emit(self, produce: Any) -> Optional[Iterator[str]]:
        try:
            lines = produce()
        except RuntimeException as exc:
            if exc.error_record.error_id != SEQUENCE_ERROR_ID:
                raise
            self.throw_terminating_error(exc.error_record)
            return None
        if self.stream:
            return iter(lines)
        self._lines.extend(lines)
        return None


@cmdlet("Out-Default", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096486")
class OutDefaultCommand(ConsoleSinkCommand):
    """Sends objects to the console, formatted as pwsh shows them (the
    command pwsh runs at the end of every top-level pipeline).

    You rarely call it yourself: the host adds it to the end of each pipeline typed at the prompt or run from a
    script. It picks the view for each object (table, list, wide or custom) and writes the text to the host; errors,
    warnings and other streams are shown as the host shows them."""

    help_examples = [
        ('Example 1: Show objects explicitly',
         'Get-Date | Out-Default',
         'Shows the date the same way as running Get-Date alone at the prompt.'),
    ]
