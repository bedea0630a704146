"""What a plugin's declarations show to users: Get-Help's Accepted values,
Default value and Accept wildcard characters lines, tab completion of
ValidateSet and enum values, and the public WildcardPattern."""

from typing import Annotated

import pytest

from pwshlike.plugin import Cmdlet, Parameter, ValidateSet, WildcardPattern, cmdlet, validate_set
from pwshlike.repl.completion import CompletionEngine

GREETINGS_PLUGIN = """
    from __future__ import annotations  # string annotations resolve in the plugin's module

    import enum
    from typing import Annotated

    from pwshlike.plugin import Cmdlet, Param, Parameter, SupportsWildcards, ValidateSet, cmdlet, hookimpl, \\
        validate_set

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Greetings", "1.0", commands={"Send-Greeting": "greetplugin:SendGreeting",
                                                  "Get-Greeter": "greetplugin:GetGreeter"})

    @hookimpl
    def pwshlike_add_types(types):
        types.add_enum("Greetings.Mood", ["Calm", "Busy"])

    class Tone(enum.Enum):
        Warm = 1
        Formal = 2

    @cmdlet("Send-Greeting")
    class SendGreeting(Cmdlet):
        '''Greets people.'''

        name = Parameter("String[]", position=0, mandatory=True, supports_wildcards=True, help="The people.")
        greeting = Parameter("String", validators=[validate_set(["Hello", "Hi", "Welcome"])], default="Hello",
                             help="The word to greet with.")
        since = Parameter("DateTime", default_text="Today")
        mood = Parameter("Mood", full_type_name="Greetings.Mood")

        def process_record(self):
            for person in self.name:
                yield f"{self.greeting}, {person}!"

    @cmdlet("Get-Greeter")
    class GetGreeter(Cmdlet):
        '''Gets greeters.'''

        name: Annotated[list[str], Param(position=0), SupportsWildcards()] = ["*"]
        language: Annotated[str, ValidateSet("English", "French", "German")] = "English"
        tone: Tone = Tone.Warm
        count: int = 3
        loud: bool = False
        tags: list[str] = []
"""


@pytest.fixture
def greetings(env):
    env.add_user_plugin("greetplugin", GREETINGS_PLUGIN)
    return env.session()


def _parameter_block(session, command: str, parameter: str) -> list[str]:
    lines = session.text(f"Get-Help {command} -Parameter {parameter} | Out-String")[0].split("\n")
    return [line.strip() for line in lines if line.strip()]


def test_help_lists_validate_set_values_without_accepted_values(greetings):
    # As pwsh 7.4 shows a shipped help file: the values in the syntax, not in the parameter's entry.
    assert _parameter_block(greetings, "Send-Greeting", "Greeting") == [
        "-Greeting <System.String>", "The word to greet with.",
        "Required?                    false", "Position?                    named",
        "Default value                Hello", "Accept pipeline input?       False",
        "Accept wildcard characters?  false"]
    syntax = greetings.text("Get-Help Send-Greeting | Out-String")[0]
    assert "[-Greeting {Hello | Hi | Welcome}]" in syntax


def test_help_shows_wildcard_support_and_defaults(greetings):
    name = _parameter_block(greetings, "Send-Greeting", "Name")
    assert "Accept wildcard characters?  true" in name
    assert "Default value                None" in name
    assert "Default value                Today" in _parameter_block(greetings, "Send-Greeting", "Since")
    full = [line.strip() for line in greetings.text("Get-Help Get-Greeter -Full | Out-String")[0].split("\n")]
    defaults = [line.split(None, 2)[2] for line in full if line.startswith("Default value")]
    wildcards = [line.split()[-1] for line in full if line.startswith("Accept wildcard characters?")]
    assert defaults == ["*", "English", "Warm", "3", "False", "None"]  # an empty list shows as None
    assert wildcards == ["true", "false", "false", "false", "false", "false"]
    assert any("{English | French | German}" in line for line in full)
    assert any("{Warm | Formal}" in line for line in full)


def test_script_functions_show_their_default_expression_and_wildcards(greetings):
    greetings.run("function Get-Thing { <# .SYNOPSIS\nA thing. #> [CmdletBinding()] "
                  "param([SupportsWildcards()][string]$Name = 'a*', [ValidateSet('x', 'y')]$Kind = 'x', [switch]$All) }")
    lines = [line.strip() for line in greetings.text("Get-Help Get-Thing -Full | Out-String")[0].split("\n")]
    assert [line.split(None, 2)[2] for line in lines if line.startswith("Default value")] == ["'a*'", "'x'", "False"]
    assert [line.split()[-1] for line in lines if line.startswith("Accept wildcard")] == ["true", "false", "false"]


def test_completion_offers_validate_set_and_enum_values(greetings):
    engine = CompletionEngine(greetings.context)
    assert engine.complete("Send-Greeting -Greeting ").texts == ["Hello", "Hi", "Welcome"]
    assert engine.complete("Send-Greeting -Greeting w").texts == ["Welcome"]
    assert engine.complete("Get-Greeter -Language f").texts == ["French"]
    assert engine.complete("Get-Greeter -Tone ").texts == ["Warm", "Formal"]
    assert engine.complete("Send-Greeting -Mood ").texts == ["Busy", "Calm"]  # a .NET enum: alphabetical


def test_help_lists_a_registered_enums_names(greetings):
    assert "[-Mood {Calm | Busy}]" in greetings.text("Get-Help Send-Greeting | Out-String")[0]


def test_accepted_values_given_explicitly_still_win():
    @cmdlet("Get-Explicit")
    class GetExplicit(Cmdlet):
        mode = Parameter("String", validators=[validate_set(["a", "b"])], accepted_values=("b",))
        typed: Annotated[str, ValidateSet("x", "y")] = "x"

    params = GetExplicit.metadata.parameters
    assert params["mode"].accepted_values == ("b",)
    assert params["typed"].accepted_values == ("x", "y")


@pytest.mark.parametrize("pattern, text, matches", [
    ("Get-*", "get-item", True),
    ("Get-?tem", "Get-Item", True),
    ("[a-c]*", "beta", True),
    ("[a-c]*", "delta", False),
    ("a`*", "a*", True),
    ("a`*", "ab", False),
    ("*.txt", "notes.TXT", True),
])
def test_wildcard_pattern_follows_powershells_rules(pattern, text, matches):
    assert WildcardPattern(pattern).is_match(text) is matches


def test_wildcard_pattern_case_and_helpers():
    assert not WildcardPattern("Get-*", ignore_case=False).is_match("get-item")
    assert WildcardPattern.contains_wildcard("a*") and not WildcardPattern.contains_wildcard("a`*")
    assert WildcardPattern.escape("a*[b]") == "a`*`[b`]"
    assert WildcardPattern.unescape("a`*") == "a*"
    from pwshlike.dotnet.errors import WildcardPatternException
    with pytest.raises(WildcardPatternException, match="The specified wildcard character pattern is not valid: a\\["):
        WildcardPattern("a[")
