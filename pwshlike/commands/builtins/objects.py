"""Pipeline cmdlets: ForEach-Object, Where-Object and the Out-* sinks."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.engine.conversions import to_bool
from pwshlike.engine.values import iter_collection


def _run_script(script_block: Any, dollar_under: Any) -> Iterator[Any]:
    """Runs a script block in the caller's scope with ``$_`` set, as
    ForEach-Object and Where-Object do, yielding its (unrolled) output."""
    for value in script_block.invoke_with_input(dollar_under, new_scope=False):
        yield value


@cmdlet("ForEach-Object", default_parameter_set="ScriptBlockSet")
class ForEachObjectCommand(Cmdlet):
    """Runs a script block, or reads a member, for each input object.

    With several positional script blocks, the first is the begin block and
    (from three on) the last the end block, as in pwsh."""

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The input objects.")
    begin = Parameter("ScriptBlock", sets={"ScriptBlockSet": {}}, help="Runs before the first input.")
    process = Parameter("ScriptBlock[]", sets={"ScriptBlockSet": {"mandatory": True, "position": 0}},
                        allow_null=True, allow_empty_collection=True,
                        help="Runs once per input object; $_ is the object.")
    end = Parameter("ScriptBlock", sets={"ScriptBlockSet": {}}, help="Runs after the last input.")
    remaining_scripts = Parameter("ScriptBlock[]", sets={"ScriptBlockSet": {
        "value_from_remaining_arguments": True}}, allow_null=True, allow_empty_collection=True)
    member_name = Parameter("String", sets={"PropertyAndMethodSet": {"mandatory": True, "position": 0}},
                            help="A property to read or a method to call on each object.")
    argument_list = Parameter("Object[]", aliases=("Args",), sets={"PropertyAndMethodSet": {
        "value_from_remaining_arguments": True}}, help="Arguments for the method.")

    def begin_processing(self) -> Optional[Iterator[Any]]:
        self._blocks: list[Any] = []
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

    def process_record(self) -> Iterator[Any]:
        obj = self.input_object
        if self.parameter_set_name == "PropertyAndMethodSet":
            yield from self._member(obj)
            return
        for block in self._blocks:
            if block is not None:
                yield from _run_script(block, obj)

    def end_processing(self) -> Optional[Iterator[Any]]:
        end = getattr(self, "_end", None)
        return _run_script(end, None) if end is not None else None

    def _member(self, obj: Any) -> Iterator[Any]:
        from pwshlike.engine import members
        if self.argument_list:
            result = members.invoke_method(obj, self.member_name, list(self.argument_list))
        else:
            result = members.get_member(obj, self.member_name)
        items = iter_collection(result)
        if items is None:
            yield result
        else:
            yield from items


@cmdlet("Where-Object", default_parameter_set="ScriptBlockSet")
class WhereObjectCommand(Cmdlet):
    """Passes on the input objects for which the filter script is true."""

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The input objects.")
    filter_script = Parameter("ScriptBlock", sets={"ScriptBlockSet": {"mandatory": True, "position": 0}},
                              help="The condition; $_ is the object being tested.")

    def process_record(self) -> Iterator[Any]:
        obj = self.input_object
        result = list(_run_script(self.filter_script, obj))
        if to_bool(result if len(result) != 1 else result[0]):
            yield obj


@cmdlet("Out-Null")
class OutNullCommand(Cmdlet):
    """Discards its input."""

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to discard.")


@cmdlet("Out-String", output_types=("System.String",))
class OutStringCommand(Cmdlet):
    """Turns objects into the text the console would show.

    Without -Stream the whole input becomes one string ending in a newline;
    with -Stream each line is its own string."""

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to render.")
    width = Parameter("Int32", help="Characters per line.")
    stream = Parameter("SwitchParameter", help="Sends each line separately.")
    no_new_line = Parameter("SwitchParameter", name="NoNewline", help="Omits the final newline.")

    def begin_processing(self) -> None:
        self._objects: list[Any] = []

    def process_record(self) -> None:
        if self.input_object is not None:
            self._objects.append(self.input_object)

    def end_processing(self) -> Iterator[str]:
        lines = self.context.formatter(self._objects)
        if self.stream:
            yield from lines
        elif self.no_new_line:
            yield "".join(lines)
        else:
            yield "".join(line + "\n" for line in lines)


@cmdlet("Out-Default")
class OutDefaultCommand(Cmdlet):
    """Sends objects to the console, formatted as pwsh shows them."""

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to show.")

    def begin_processing(self) -> None:
        self._objects: list[Any] = []

    def process_record(self) -> None:
        self._objects.append(self.input_object)

    def end_processing(self) -> None:
        host = self.context.host
        for line in self.context.formatter(self._objects):
            host.write_line(line)
