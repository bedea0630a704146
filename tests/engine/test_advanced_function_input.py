"""``$input`` in an advanced function (CmdletBinding), as pwsh's script
cmdlets give it: an ArrayList in begin and process (holding the current
input object in process), an object[] in end; a simple function keeps the
enumerator."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_input_types_per_block(s: Session) -> None:
    script = ("function b { [CmdletBinding()] param() begin { Write-Output -NoEnumerate $input } }; "
              "function p { [CmdletBinding()] param() process { Write-Output -NoEnumerate $input } }; "
              "function e { [CmdletBinding()] param() end { Write-Output -NoEnumerate $input } }; "
              "(b).GetType().FullName; (p).GetType().FullName; (e).GetType().FullName")
    assert s.run(script) == ["System.Collections.ArrayList", "System.Collections.ArrayList", "System.Object[]"]


def test_empty_input_is_empty_in_every_block(s: Session) -> None:
    assert s.run("& { [CmdletBinding()] param() begin { @($input).Count } process { @($input).Count } "
                 "end { @($input).Count } }") == [0, 0, 0]


def test_process_sees_only_the_current_object_and_end_none(s: Session) -> None:
    script = ("1, 2 | & { [CmdletBinding()] param([Parameter(ValueFromPipeline)] $x) "
              "process { @($input) -join ',' } end { $input.Count } }")
    assert s.run(script) == ["1", "2", 0]


def test_simple_function_input_is_still_an_enumerator(s: Session) -> None:
    assert s.run("function f { $input.GetType().FullName }; 1 | f") == [
        "System.Collections.ArrayList+ArrayListEnumeratorSimple"]
