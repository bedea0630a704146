"""The Greetings module as its users meet it, through pwshlike.testing."""

import pytest

from pwshlike.testing import Session, run


def test_get_greeting_matches_wildcards_and_shows_the_table_view(pwshlike):
    result = pwshlike.run("Get-Greeting H*, Bon*")
    assert [greeting.get_property("Name") for greeting in result.output] == ["Hello", "Hi", "Bonjour", "Hallo", "Hola"]
    assert result.text.splitlines()[1:4] == [
        "Name         Language   Formal",
        "----         --------   ------",
        "Hello        English    yes",
    ]


def test_greetings_are_greetings_objects_first(pwshlike):
    assert pwshlike.run("(Get-Greeting Hola).PSTypeNames").output == [
        "Greetings.Greeting", "System.Management.Automation.PSCustomObject", "System.Object"]


def test_language_and_first_are_validated(pwshlike):
    french = pwshlike.run("Get-Greeting -Language French -First 1").output
    assert [greeting.get_property("Name") for greeting in french] == ["Bonjour"]
    result = pwshlike.run("Get-Greeting -First 0")
    assert result.error_ids == ["ParameterArgumentValidationError,GetGreetingCommand"]
    assert "The 0 argument is less than the minimum allowed range of 1." in result.text
    result = pwshlike.run("Get-Greeting -Language Klingon")
    assert 'The argument "Klingon" does not belong to the set' in result.text


def test_send_greeting_binds_names_and_greetings_by_property_name(pwshlike):
    result = pwshlike.run("[pscustomobject]@{ Name = 'Ada'; Greeting = 'Bonjour' }, "
                          "[pscustomobject]@{ Name = 'Grace' } | Send-Greeting")
    assert result.output == ["Bonjour, Ada!", "Hello, Grace!"]
    assert pwshlike.run("Get-GreetingHistory").output == ["Bonjour, Ada!", "Hello, Grace!"]


def test_clearing_the_history_asks_first(data_home):
    run("Send-Greeting Ada")
    history = data_home / "pwshlike-greetings" / "history.txt"
    with Session(answers=["N"]) as session:
        result = session.run("Clear-GreetingHistory")
    assert "Are you sure you want to perform this action?" in result.text
    assert history.exists()
    with Session(answers=["Y"]) as session:
        session.run("Clear-GreetingHistory")
    assert not history.exists()


def test_clearing_the_history_at_end_of_input_changes_nothing(data_home):
    run("Send-Greeting Ada")
    with Session(answers=[]) as session:
        session.run("Clear-GreetingHistory")
    assert (data_home / "pwshlike-greetings" / "history.txt").read_text() == "Hello, Ada!\n"


def test_measuring_nothing_is_a_known_bug(pwshlike):
    """Measure-Greeting divides by zero without input (kept for docs/plugins.md's debugging chapter)."""
    result = pwshlike.run("@() | Measure-Greeting")
    assert result.error_ids == ["ZeroDivisionError,MeasureGreetingCommand"]
    assert result.text.startswith("Measure-Greeting: ZeroDivisionError: division by zero")
    with pytest.raises(ZeroDivisionError):
        run("@() | Measure-Greeting", strict=True)


def test_a_null_name_is_refused_before_the_cmdlet_runs(pwshlike):
    result = pwshlike.run("Get-Greeting -Name $null")
    assert result.error_ids == ["ParameterArgumentValidationError,GetGreetingCommand"]
    assert result.text.startswith("Get-Greeting: Cannot validate argument on parameter 'Name'. The argument is "
                                  "null or empty.")
