"""Parameters declared as typed class attributes (``Annotated`` markers),
output objects with added type names, and the exceptions the plugin API
exports: what a plugin author sees through a session."""

import enum
from typing import Annotated, ClassVar, Optional

import pytest

from pwshlike.plugin import (  # Range is used by a string annotation below
    Alias, Cmdlet, Count, Length, NotNullOrEmpty, Param, Parameter, Pattern, PSType, Range,  # noqa: F401
    SupportsWildcards, ValidateSet, cmdlet, new_object, validate_range, validate_set,
)

WIDGETS_PLUGIN = """
    import enum
    from typing import Annotated, Optional

    from pwshlike.plugin import (Alias, Check, Cmdlet, FormatView, Param, PSCredential, Range, SupportsWildcards,
                                 ValidateSet, ViewColumn, WildcardPattern, cmdlet, hookimpl, new_object)

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Widgets", "1.0", commands={"Get-Widget": "widgets:GetWidget"})

    @hookimpl
    def pwshlike_add_format_views(views):
        views.add(FormatView("Widget", ["Widgets.Widget"], "table",
                             [ViewColumn("Widget", "Name"), ViewColumn("Size", "Size")]))

    class Shape(enum.Enum):
        Round = 1
        Square = 2

    @cmdlet("Get-Widget")
    class GetWidget(Cmdlet):
        '''Gets widgets.'''

        name: Annotated[list[str], Param(position=0, value_from_pipeline_by_property_name=True,
                                         help="Widget names."), SupportsWildcards()] = ["*"]
        size: Annotated[int, Range(1, 100), Alias("Top")] = 10
        color: Annotated[str, ValidateSet("Red", "Green")] = "Red"
        shape: Shape = Shape.Round
        even: Annotated[Optional[int], Check(lambda n: n % 2 == 0, "$_ % 2 -eq 0")] = None
        credential: Optional[PSCredential] = None
        force: bool = False

        def process_record(self):
            for name in ("alpha", "beta", "gamma"):
                if any(WildcardPattern(p).is_match(name) for p in self.name):
                    yield new_object({"Name": name, "Size": self.size, "Color": self.color,
                                      "Shape": self.shape.name, "Force": bool(self.force)},
                                     type_name="Widgets.Widget")
"""


@pytest.fixture
def widgets(env):
    env.add_user_plugin("widgets", WIDGETS_PLUGIN)
    return env.session()


def test_typed_parameters_bind_with_their_types_and_defaults(widgets):
    [obj] = widgets.run("Get-Widget b* -Top 5 -Color green -Shape square -Force")
    assert [(p, obj.get_property(p)) for p in obj.property_names()] == [
        ("Name", "beta"), ("Size", 5), ("Color", "green"), ("Shape", "Square"), ("Force", True)]
    [first, *_rest] = widgets.run("Get-Widget")
    assert (first.get_property("Name"), first.get_property("Size"), first.get_property("Color"),
            first.get_property("Shape"), first.get_property("Force")) == ("alpha", 10, "Red", "Round", False)
    piped = widgets.run("[pscustomobject]@{Name = 'g*'} | Get-Widget")
    assert [o.get_property("Name") for o in piped] == ["gamma"]


def test_typed_parameters_give_the_syntax_pwsh_shows(widgets):
    assert widgets.text("Get-Command Get-Widget -Syntax")[0].strip() == (
        "Get-Widget [[-Name] <string[]>] [-Size <int>] [-Color <string>] [-Shape <Shape>] [-Even <int>] "
        "[-Credential <pscredential>] [-Force] [<CommonParameters>]")


def test_validation_errors_of_typed_parameters_are_pwshs(widgets):
    widgets.run("Get-Widget -Size 500")
    widgets.run("Get-Widget -Color Blue")
    widgets.run("Get-Widget -Even 3")
    widgets.run("Get-Widget -Shape Oval")
    too_big, not_in_set, odd, no_shape = [str(e) for e in reversed(widgets.errors())]
    assert too_big == ("Cannot validate argument on parameter 'Size'. The 500 argument is greater than the maximum "
                       "allowed range of 100. Supply an argument that is less than or equal to 100 and then try "
                       "the command again.")
    assert not_in_set.startswith("Cannot validate argument on parameter 'Color'. The argument \"Blue\" does not "
                                 "belong to the set \"Red,Green\" specified by the ValidateSet attribute.")
    assert odd == ("Cannot validate argument on parameter 'Even'. The \"$_ % 2 -eq 0\" validation script for the "
                   "argument with value \"3\" did not return a result of True. Determine why the validation "
                   "script failed, and then try the command again.")
    assert no_shape == ("Cannot bind parameter 'Shape'. Cannot convert value \"Oval\" to type \"Shape\". Error: "
                        "\"Unable to match the identifier name Oval to a valid enumerator name. Specify one of the "
                        "following enumerator names and try again:\nRound, Square\"")
    assert widgets.error_ids() == ["ParameterArgumentValidationError,GetWidget"] * 3 + [
        "CannotConvertArgumentNoMessage,GetWidget"]


def test_output_objects_keep_pscustomobjects_type_names_after_the_added_one(widgets):
    assert widgets.text("(Get-Widget alpha).PSTypeNames") == [
        "Widgets.Widget", "System.Management.Automation.PSCustomObject", "System.Object"]
    assert widgets.text("Get-Widget alpha | ForEach-Object { $_ -is [pscustomobject] }") == ["True"]
    table = widgets.text("Get-Widget a* | Out-String")[0]
    assert table.split("\n")[1:4] == ["Widget Size", "------ ----", "alpha  10"]


def test_new_object_takes_several_type_names_most_specific_first():
    obj = new_object([("A", 1)], type_name=["X.Special", "X.Base"])
    assert obj.type_names == ["X.Special", "X.Base", "System.Management.Automation.PSCustomObject",
                              "System.Object"]
    assert new_object({"A": 1}).type_names == ["System.Management.Automation.PSCustomObject", "System.Object"]


def test_select_object_still_replaces_type_names(widgets):
    assert widgets.text("(Get-Widget alpha | Select-Object Name).PSTypeNames") == [
        "Selected.System.Management.Automation.PSCustomObject", "System.Management.Automation.PSCustomObject",
        "System.Object"]


# --- the same metadata as the string form ------------------------------------------------------------

@cmdlet("Get-Typed")
class GetTyped(Cmdlet):
    """Typed."""

    path: Annotated[list[str], Param(mandatory=True, position=0, value_from_pipeline=True, help="Paths."),
                    Alias("PSPath"), NotNullOrEmpty()]
    label: Annotated[str, Length(1, 5), Pattern("^[a-z]+$")] = "abc"
    tags: Annotated[list[str], Count(1, 3)] = ["a"]
    mode: Annotated[str, ValidateSet("Fast", "Slow")] = "Fast"
    flag: Annotated[bool, PSType("Boolean")] = True
    recurse: bool = False


@cmdlet("Get-Typed")
class GetTypedAsStrings(Cmdlet):
    """Typed."""

    path = Parameter("String[]", mandatory=True, position=0, value_from_pipeline=True, help="Paths.",
                     aliases=("PSPath",))
    label = Parameter("String", default="abc")
    tags = Parameter("String[]", default=["a"])
    mode = Parameter("String", validators=[validate_set(["Fast", "Slow"])], default="Fast")
    flag = Parameter("Boolean", default=True)
    recurse = Parameter("SwitchParameter", default=False)


def _describe(cls: type) -> list[tuple]:
    rows = []
    for p in cls.metadata.parameters.values():
        rows.append((p.name, p.type_name, p.aliases, p.accepted_values, p.default_value, p.is_switch,
                     [(name, s.mandatory, s.position, s.value_from_pipeline) for name, s in p.sets.items()]))
    return rows


def test_typed_and_string_declarations_give_the_same_metadata():
    assert _describe(GetTyped) == _describe(GetTypedAsStrings)
    assert [p.attribute for p in GetTyped._declared_parameters] == ["path", "label", "tags", "mode", "flag",
                                                                     "recurse"]


def test_typed_and_parameter_attributes_mix_in_declaration_order():
    @cmdlet("Get-Mixed")
    class GetMixed(Cmdlet):
        first = Parameter("String")
        second: int = 1
        third = Parameter("String")
        fourth: Annotated[str, Param(mandatory=True)]
        kind: ClassVar[str] = "not a parameter"
        help_notes = "not a parameter either"

        def helper(self) -> str:
            return "a method"

    names = [p.name for p in GetMixed.metadata.parameters.values() if not p.is_common]
    assert names == ["First", "Second", "Third", "Fourth"]
    assert GetMixed.kind == "not a parameter"


def test_an_unbound_list_default_is_a_fresh_copy_each_time():
    [path, label, tags, *_] = GetTyped._declared_parameters
    first = tags.default
    first.append("changed")
    assert tags.default == ["a"]


# --- mistakes are caught when the class is decorated ----------------------------------------------------

def test_an_unmappable_type_names_the_class_and_attribute():
    with pytest.raises(TypeError, match=r"^GetBad\.when: <class 'complex'> has no PowerShell parameter type"):
        @cmdlet("Get-Bad")
        class GetBad(Cmdlet):
            when: complex = 0j


def test_two_parameters_at_one_position_are_refused():
    with pytest.raises(TypeError, match=r"^GetBad\.second: position 0 is already taken by GetBad\.first in "
                                        r"parameter set '__AllParameterSets'"):
        @cmdlet("Get-Bad")
        class GetBad(Cmdlet):
            first: Annotated[str, Param(position=0)] = ""
            second: Annotated[str, Param(position=0)] = ""


@pytest.mark.parametrize("annotation, message", [
    (Annotated[str, "text"], r"'text' is not a parameter marker"),
    (Annotated[str, SupportsWildcards], r"write SupportsWildcards\(\) with parentheses"),
    (Optional[int | str], r"a union of several types"),
    (list[list[str]], r"nested collections"),
])
def test_wrong_declarations_are_type_errors(annotation, message):
    namespace = {"__annotations__": {"value": annotation}, "value": None}
    with pytest.raises(TypeError, match=r"^GetBad\.value: " + message):
        cmdlet("Get-Bad")(type("GetBad", (Cmdlet,), namespace))


def test_a_switch_default_must_be_false():
    with pytest.raises(TypeError, match=r"^GetBad\.force: a switch \(bool\) parameter's default must be False"):
        @cmdlet("Get-Bad")
        class GetBad(Cmdlet):
            force: bool = True


def test_validator_functions_can_be_written_in_annotated():
    @cmdlet("Get-Legacy")
    class GetLegacy(Cmdlet):
        size: Annotated[int, validate_range(1, 3)] = 1

    [size] = [p for p in GetLegacy.metadata.parameters.values() if p.name == "Size"]
    assert size.type_name == "Int32" and len(size.validators) == 1


def test_enums_and_literals_offer_their_values():
    from typing import Literal

    class Speed(enum.Enum):
        Slow = "s"
        Fast = "f"

    @cmdlet("Get-Choice")
    class GetChoice(Cmdlet):
        speed: Speed = Speed.Slow
        speeds: list[Speed] = []
        unit: Literal["kB", "MB"] = "kB"

    params = GetChoice.metadata.parameters
    assert (params["speed"].type_name, params["speed"].accepted_values) == ("Speed", ("Slow", "Fast"))
    assert (params["speeds"].type_name, params["speeds"].accepted_values) == ("Speed[]", ("Slow", "Fast"))
    assert (params["unit"].type_name, params["unit"].accepted_values) == ("String", ("kB", "MB"))
    assert params["speeds"].converter(["fast", "s"]) == [Speed.Fast, Speed.Slow]


# --- exceptions --------------------------------------------------------------------------------------

def test_exported_exceptions_have_pwshs_names_and_catch_in_scripts(env):
    env.add_user_plugin("finder", """
        from pwshlike.plugin import (Cmdlet, ErrorCategory, ErrorRecord, ItemNotFoundException, cmdlet, hookimpl)

        @hookimpl
        def pwshlike_add_modules(modules):
            modules.add("Finder", "1.0", commands={"Find-Thing": "finder:FindThing"})

        @cmdlet("Find-Thing")
        class FindThing(Cmdlet):
            def process_record(self):
                self.throw_terminating_error(ErrorRecord(ItemNotFoundException("No thing named 'x'."),
                                                         "ThingNotFound", ErrorCategory.ObjectNotFound, "x"))
    """)
    session = env.session()
    assert session.text("try { Find-Thing } catch [System.Management.Automation.ItemNotFoundException] "
                        "{ 'caught: ' + $_.Exception.Message + ' ' + $_.CategoryInfo.Category }") == [
        "caught: No thing named 'x'. ObjectNotFound"]


def test_argument_exceptions_follow_pwshs_hierarchy():
    from pwshlike import plugin
    assert issubclass(plugin.PSArgumentNullException, plugin.ArgumentNullException)
    assert not issubclass(plugin.PSArgumentNullException, plugin.PSArgumentException)
    assert issubclass(plugin.PSArgumentOutOfRangeException, plugin.ArgumentOutOfRangeException)
    assert issubclass(plugin.FileNotFoundException, plugin.IOException)
    assert issubclass(plugin.PSNotSupportedException, plugin.NotSupportedException)
    names = {cls.full_name for cls in (plugin.ItemNotFoundException, plugin.PSArgumentException,
                                       plugin.UnauthorizedAccessException, plugin.TimeoutException,
                                       plugin.PSInvalidOperationException, plugin.KeyNotFoundException,
                                       plugin.PSSecurityException, plugin.OperationCanceledException)}
    assert names == {"System.Management.Automation.ItemNotFoundException",
                     "System.Management.Automation.PSArgumentException", "System.UnauthorizedAccessException",
                     "System.TimeoutException", "System.Management.Automation.PSInvalidOperationException",
                     "System.Collections.Generic.KeyNotFoundException",
                     "System.Management.Automation.PSSecurityException", "System.OperationCanceledException"}
    record = plugin.PSArgumentNullException("Value cannot be null.", param_name="Name").error_record
    assert (record.fully_qualified_error_id, str(record.category_info.category)) == ("ArgumentNull",
                                                                                     "InvalidArgument")


def test_string_annotations_resolve_in_the_module_and_classvar_strings_are_not_evaluated():
    namespace = {"__annotations__": {"client": "ClassVar[OnlyForTypeCheckers]", "size": "Annotated[int, Range(1, 2)]"},
                 "size": 1, "__module__": __name__}
    cls = cmdlet("Get-Strings")(type("GetStrings", (Cmdlet,), namespace))
    assert [(p.name, p.type_name) for p in cls.metadata.parameters.values() if not p.is_common] == [("Size", "Int32")]
    namespace = {"__annotations__": {"size": "Undefined"}, "size": 1, "__module__": __name__}
    with pytest.raises(TypeError, match=r"^GetStrings\.size: cannot resolve the annotation 'Undefined': "
                                        r"name 'Undefined' is not defined"):
        cmdlet("Get-Strings")(type("GetStrings", (Cmdlet,), namespace))
