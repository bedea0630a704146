"""-WhatIf and -Confirm across ConfirmImpact levels, as MshCommandRuntime decides."""

import pytest

FUNCTION = '''
function Remove-Thing {{
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = "{impact}")]
    param($Name)
    if ($PSCmdlet.ShouldProcess($Name, "Remove")) {{ "removed $Name" }}
}}'''

CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): '


def define(session, impact):
    session.run(FUNCTION.format(impact=impact))


def test_whatif_prints_and_skips(session):
    define(session, "Medium")
    assert session.text("Remove-Thing a -WhatIf") == []
    assert session.host.kind("line") == ['What if: Performing the operation "Remove" on target "a".']
    session.run("$WhatIfPreference = $true")
    assert session.text("Remove-Thing b") == []
    assert session.text("Remove-Thing c -WhatIf:$false") == ["removed c"]


@pytest.mark.parametrize("impact, preference, prompts", [
    ("High", "High", True), ("Medium", "High", False), ("Low", "Medium", False),
    ("Medium", "Medium", True), ("Low", "Low", True), ("None", "Low", False), ("High", "None", False),
])
def test_confirm_impact_against_preference(interactive_session, impact, preference, prompts):
    session = interactive_session(answers=["y"])
    define(session, impact)
    session.run(f'$ConfirmPreference = "{preference}"')
    assert session.text("Remove-Thing a") == ["removed a"]
    assert (CHOICES in session.host.kind("write")) is prompts


def test_confirm_switch_forces_the_prompt_and_no_declines(interactive_session):
    session = interactive_session(answers=["n"])
    define(session, "Low")
    assert session.text("Remove-Thing a -Confirm") == []
    assert session.host.kind("line")[-4:] == [
        "", "Confirm", "Are you sure you want to perform this action?",
        'Performing the operation "Remove" on target "a".']
    assert session.text("Remove-Thing a -Confirm:$false") == ["removed a"]


def test_yes_to_all_is_remembered_for_the_invocation(interactive_session):
    session = interactive_session(answers=["a"])
    session.run('''
        function Remove-Many {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = "High")]
            param([Parameter(ValueFromPipeline)]$Name)
            process { if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" } }
        }''')
    assert session.text("'a', 'b', 'c' | Remove-Many") == ["removed a", "removed b", "removed c"]
    assert session.host.kind("write").count(CHOICES) == 1


def test_no_to_all_declines_the_rest(interactive_session):
    session = interactive_session(answers=["l"])
    session.run('''
        function Remove-Many {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = "High")]
            param([Parameter(ValueFromPipeline)]$Name)
            process { if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" } }
        }''')
    assert session.text("'a', 'b' | Remove-Many") == []
