"""Pipeline input a command cannot take, as pwsh's CommandProcessor reports
it: a non-terminating error naming the command, with the object as its
target, and the pipeline goes on with the next object. A value that fails
validation is reported as such (not as a missing parameter), and a
mandatory parameter the object does not fill is never prompted for."""

from __future__ import annotations

from pwshlike.host.errorview import format_error

from helpers.session import Shell

SET_ITEM = """
function Set-Item2 {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)][string]$Name,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)][ValidateRange(0, 1000)][int]$Quantity
    )
    process { "$Name=$Quantity" }
}
"""


def shell(answers=None) -> Shell:
    session = Shell(answers=answers)
    session.run(SET_ITEM)
    return session


def test_a_value_failing_validation_is_reported_and_the_next_object_binds():
    session = shell(answers=[])  # interactive: a prompt would show in the host's lines
    output = session.text("[pscustomobject]@{Name='Apple'; Quantity=5000}, "
                          "[pscustomobject]@{Name='Pear'; Quantity=5} | Set-Item2")
    assert output == ["Pear=5"]
    [record] = session.errors()
    assert record.fully_qualified_error_id == "ParameterArgumentValidationError,Set-Item2"
    assert format_error(record).splitlines()[0] == (
        "Set-Item2: Cannot validate argument on parameter 'Quantity'. The 5000 argument is greater than the "
        "maximum allowed range of 1000. Supply an argument that is less than or equal to 1000 and then try the "
        "command again.")
    assert record.target_object.get_property("Name") == "Apple"
    assert not any("Supply values" in text for _kind, text in session.host.lines)


def test_a_missing_mandatory_property_is_an_error_for_that_object_never_a_prompt():
    session = shell(answers=["7"])
    output = session.text("[pscustomobject]@{Name='Apple'}, [pscustomobject]@{Name='Pear'; Quantity=5} | Set-Item2")
    assert output == ["Pear=5"]
    [record] = session.errors()
    assert record.fully_qualified_error_id == "InputObjectMissingMandatory,Set-Item2"
    assert format_error(record) == ("Set-Item2: The input object cannot be bound because it did not contain the "
                                    "information required to bind all mandatory parameters: Quantity")
    assert session.host.answers == ["7"]  # nothing was asked


def test_a_value_that_does_not_convert_leaves_the_parameter_unbound():
    session = shell()
    output = session.text("[pscustomobject]@{Name='Apple'; Quantity='many'} | Set-Item2; 'next'")
    assert output == ["next"]
    assert session.error_ids() == ["InputObjectMissingMandatory,Set-Item2"]


def test_coercion_binds_what_the_first_state_left_unbound():
    """pwsh tries ByPropertyName with coercion even when a parameter was
    bound without it: the string '12' becomes the Int32 Quantity."""
    session = shell()
    assert session.text("[pscustomobject]@{Name='Apple'; Quantity='12'} | Set-Item2") == ["Apple=12"]
