"""Two more .NET flags enums scripts (and PowerShell's own tests) use:
System.Management.Automation.CommandTypes and
System.Security.AccessControl.AceFlags, combining with -bor/-band/-bxor and
printing as pwsh prints flags."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


CT = "[System.Management.Automation.CommandTypes]"
ACE = "[System.Security.AccessControl.AceFlags]"


def test_command_types_combine_and_print_as_flags(s: Session) -> None:
    assert s.run(f"({CT}::Alias -bor {CT}::Application).ToString(); ({CT}::Alias -band {CT}::All).ToString(); "
                 f"[int]{CT}::All; [string]{CT}'Function, Cmdlet'") == [
        "Alias, Application", "Alias", 383, "Function, Cmdlet"]


def test_ace_flags_combine_and_print_as_flags(s: Session) -> None:
    assert s.run(f"({ACE}::ObjectInherit -bxor {ACE}::ContainerInherit).ToString(); "
                 f"({ACE}::ObjectInherit -band {ACE}::ContainerInherit).ToString()") == [
        "ObjectInherit, ContainerInherit", "None"]
