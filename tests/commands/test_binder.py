"""The binder against hand-built metadata: pwsh's binding rules and errors."""

import pytest

from pwshlike.commands.binder import bind_arguments
from pwshlike.commands.common import common_parameters
from pwshlike.commands.metadata import CommandMetadata, ParameterMetadata, ParameterSetSpec
from pwshlike.commands.validation import validate_set
from pwshlike.dotnet.errors import ParameterBindingException
from pwshlike.runtime.pipeline import CommandArgument


def named(name, value=None, has_value=True, colon=False, splatted=False):
    return CommandArgument(name=name, value=value, has_value=has_value, colon=colon, splatted=splatted)


def switch(name):
    return CommandArgument(name=name, has_value=False)


def pos(value):
    return CommandArgument(value=value)


def command(*params, default=None, advanced=True):
    extra = common_parameters() if advanced else []
    return CommandMetadata("Test-Thing", list(params) + extra, default_parameter_set=default,
                           is_advanced=advanced)


def p(name, type_name="Object", **sets):
    if not sets:
        return ParameterMetadata(name, type_name)
    return ParameterMetadata(name, type_name, sets={k: ParameterSetSpec(**v) for k, v in sets.items()})


def bind(md, *args, **kw):
    return bind_arguments(md, list(args), "Test-Thing", is_script=False, **kw)


def error_of(md, *args, **kw):
    with pytest.raises(ParameterBindingException) as info:
        bind(md, *args, **kw)
    record = info.value.error_record
    return record.error_id, record.fully_qualified_error_id, info.value.message


def test_named_prefix_alias_and_case():
    md = command(ParameterMetadata("Version", "String", aliases=("ver",)), p("Name", "String"))
    assert bind(md, named("NAME", "a")).bound == {"Name": "a"}
    assert bind(md, named("nam", "a")).bound == {"Name": "a"}
    assert bind(md, named("ver", "1")).bound == {"Version": "1"}
    # -V matches Version and the common Verbose: the lone non-common one wins.
    assert bind(md, named("V", "1")).bound == {"Version": "1"}


def test_ambiguous_parameter():
    md = command(p("Name", "String"), p("Namespace", "String"))
    error_id, fqid, message = error_of(md, named("Nam", "x"))
    assert error_id == "AmbiguousParameter"
    assert fqid == "AmbiguousParameter,Test-Thing"
    assert message == ("Parameter cannot be processed because the parameter name 'Nam' is ambiguous. "
                       "Possible matches include: -Name -Namespace.")


def test_named_parameter_not_found():
    md = command(p("Name", "String"))
    assert error_of(md, named("Foo", "x")) == (
        "NamedParameterNotFound", "NamedParameterNotFound,Test-Thing",
        "A parameter cannot be found that matches parameter name 'Foo'.")


def test_switch_forms_and_value_from_next_argument():
    md = command(p("Force", "SwitchParameter"), p("Path", "String"))
    assert bool(bind(md, switch("Force")).bound["Force"]) is True
    assert bool(bind(md, named("Force", False, colon=True)).bound["Force"]) is False
    assert bind(md, switch("Path"), pos("x")).bound == {"Path": "x"}


def test_missing_argument():
    md = command(p("Path", "String"), p("Name", "String"))
    assert error_of(md, switch("Path"), switch("Name"))[::2] == (
        "MissingArgument", "Missing an argument for parameter 'Path'. Specify a parameter of type "
                           "'System.String' and try again.")
    assert error_of(md, switch("Path"))[0] == "MissingArgument"


def test_unknown_dash_word_is_taken_as_value():
    md = command(p("Path", "String"))
    assert bind(md, switch("Path"), switch("nothere")).bound == {"Path": "-nothere"}


def test_parameter_already_bound():
    md = command(p("Path", "String"))
    error_id, _fqid, message = error_of(md, named("Path", "a"), named("Path", "b"))
    assert error_id == "ParameterAlreadyBound"
    assert message.startswith("Cannot bind parameter because parameter 'Path' is specified more than once.")


def test_positional_order_and_not_found():
    md = command(p("B", "String", __AllParameterSets=dict(position=1)),
                 p("A", "String", __AllParameterSets=dict(position=0)))
    assert bind(md, pos("x"), pos("y")).bound == {"A": "x", "B": "y"}
    assert error_of(md, pos("x"), pos("y"), pos("z"))[::2] == (
        "PositionalParameterNotFound", "A positional parameter cannot be found that accepts argument 'z'.")


def test_remaining_arguments_gather_with_positional():
    md = command(p("InputObject", "Object", __AllParameterSets=dict(position=0,
                                                                      value_from_remaining_arguments=True)))
    assert bind(md, pos(1), pos(2), pos(3)).bound == {"InputObject": [1, 2, 3]}
    assert bind(md, pos(1)).bound == {"InputObject": 1}


def test_explicit_argument_beats_splatted():
    md = command(p("Name", "String"))
    result = bind(md, named("Name", "splat", splatted=True), named("Name", "explicit"))
    assert result.bound == {"Name": "explicit"}


def test_type_conversion_errors_for_cmdlets_and_scripts():
    md = command(p("Count", "Int32"))
    assert bind(md, named("Count", "42")).bound == {"Count": 42}
    error_id, fqid, message = error_of(md, named("Count", "abc"))
    assert (error_id, fqid) == ("CannotConvertArgumentNoMessage", "CannotConvertArgumentNoMessage,Test-Thing")
    assert message == ("Cannot bind parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". "
                       "Error: \"The input string 'abc' was not in a correct format.\"")
    with pytest.raises(ParameterBindingException) as info:
        bind_arguments(md, [named("Count", "abc")], "f", is_script=True)
    assert info.value.error_record.fully_qualified_error_id == "ParameterArgumentTransformationError,f"
    assert info.value.message.startswith("Cannot process argument transformation on parameter 'Count'. ")


def test_validate_set():
    param = ParameterMetadata("Color", "String", validators=[validate_set(["Red", "Green"])])
    md = command(param)
    assert bind(md, named("Color", "red")).bound == {"Color": "red"}
    error_id, fqid, message = error_of(md, named("Color", "blue"))
    assert fqid == "ParameterArgumentValidationError,Test-Thing"
    assert message == ("Cannot validate argument on parameter 'Color'. The argument \"blue\" does not belong "
                       "to the set \"Red,Green\" specified by the ValidateSet attribute. Supply an argument "
                       "that is in the set and then try the command again.")


def _sets_command():
    return command(
        p("Name", "String", ByName=dict(mandatory=True, position=0)),
        p("Id", "Int32", ById=dict(mandatory=True)),
        p("Force", "SwitchParameter"),
        default="ByName")


def test_parameter_set_narrowing_and_default():
    md = _sets_command()
    assert bind(md, named("Id", 5)).parameter_set == "ById"
    assert bind(md, pos("x")).parameter_set == "ByName"
    assert bind(md, switch("Force")).parameter_set == "ByName"


def test_ambiguous_parameter_set_explains_candidates():
    md = _sets_command()
    error_id, fqid, message = error_of(md, named("Name", "x"), named("Id", 5))
    assert fqid == "AmbiguousParameterSet,Test-Thing"
    first, *rest = message.split("\n")
    assert first == ("Parameter set cannot be resolved using the specified named parameters. One or more "
                     "parameters issued cannot be used together or an insufficient number of parameters "
                     "were provided.")
    assert "Candidate parameter sets:" in rest
    assert "  ById: cannot be used with -Name" in rest


def test_simple_function_collects_unbound_arguments():
    md = command(p("A", __AllParameterSets={"position": 0}), advanced=False)
    result = bind_arguments(md, [switch("x"), pos(1), pos(2)], "f", is_script=True, simple_function=True)
    assert result.bound == {"A": 1}
    assert result.unbound_arguments == ["-x", 2]


def test_null_and_empty_arguments_to_mandatory_parameters():
    md = command(p("Name", "String", __AllParameterSets=dict(mandatory=True)),
                 p("Items", "String[]", __AllParameterSets=dict(mandatory=False)))
    assert error_of(md, named("Name", None))[::2] == (
        "ParameterArgumentValidationErrorNullNotAllowed",
        "Cannot bind argument to parameter 'Name' because it is null.")
    assert error_of(md, named("Name", ""))[::2] == (
        "ParameterArgumentValidationErrorEmptyStringNotAllowed",
        "Cannot bind argument to parameter 'Name' because it is an empty string.")
    md2 = command(p("Items", "String[]", __AllParameterSets=dict(mandatory=True)))
    assert error_of(md2, named("Items", []))[::2] == (
        "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
        "Cannot bind argument to parameter 'Items' because it is an empty array.")
    # Only a collection-typed parameter refuses an empty array: an [object] one takes it.
    md3 = command(p("InputObject", "Object", __AllParameterSets=dict(mandatory=True)))
    assert bind(md3, named("InputObject", [])).bound == {"InputObject": []}
