"""pwshlike.testing, the helper plugin authors test their cmdlets with:
what a Result holds, sessions, pipeline input, answers at prompts, strict
mode and the ``pwshlike`` pytest fixture."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from pwshlike.testing import PluginError, Result, Session, run

GREETINGS = """
    from pwshlike.plugin import Cmdlet, ErrorCategory, ErrorRecord, ItemNotFoundException, Parameter, cmdlet, hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Greetings", "1.0", commands={
            "Send-Greeting": "greetings:SendGreeting", "Remove-Friend": "greetings:RemoveFriend",
            "Get-Ratio": "greetings:GetRatio"})

    @cmdlet("Send-Greeting")
    class SendGreeting(Cmdlet):
        '''Greets people.'''
        name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline=True)

        def process_record(self):
            for person in self.name:
                self.write_verbose(f"Greeting {person}")
                self.write_debug(f"name length {len(person)}")
                if person == "Nobody":
                    self.write_error(ErrorRecord(ItemNotFoundException(f"There is no one called '{person}'."),
                                                 "PersonNotFound", ErrorCategory.ObjectNotFound, person))
                    continue
                if person.startswith(" "):
                    self.write_warning("The name starts with a space.")
                self.write_information(f"greeted {person}")
                yield f"Hello, {person.strip()}!"

    @cmdlet("Remove-Friend", supports_should_process=True, confirm_impact="High")
    class RemoveFriend(Cmdlet):
        '''Forgets a friend.'''
        name = Parameter("String", position=0, mandatory=True)

        def process_record(self):
            if self.should_process(self.name, "Forget"):
                yield f"Forgot {self.name}"

    @cmdlet("Get-Ratio")
    class GetRatio(Cmdlet):
        '''Divides, badly.'''
        count = Parameter("Int32", position=0)

        def process_record(self):
            yield 10 / self.count
"""


@pytest.fixture
def greetings(env):
    """A Session with the Greetings user plugin (closed after the test)."""
    env.add_user_plugin("greetings", GREETINGS)
    with Session(plugins=env.host()) as session:
        yield session


def test_output_is_the_objects_as_python_values():
    result = run("1; 'two'; [pscustomobject]@{Name='Ada'; Age=36}")
    assert result.output[:2] == [1, "two"]
    assert result.output[2].get_property("Name") == "Ada"
    assert result.errors == [] and result.succeeded


def test_errors_keep_their_records_in_order_and_the_run_goes_on(greetings):
    result = greetings.run("Send-Greeting Ada, Nobody; Get-Item /no/such/path; 'after'")
    assert result.output == ["Hello, Ada!", "after"]
    assert result.error_ids == ["PersonNotFound,SendGreeting",
                                "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"]
    assert str(result.errors[0].category_info.category) == "ObjectNotFound"
    assert result.errors[0].exception.message == "There is no one called 'Nobody'."
    assert not result.succeeded


def test_a_terminating_error_is_the_last_error():
    result = run("'before'; throw 'Stopped here'; 'never'")
    assert result.output == ["before"]
    assert [e.exception.message for e in result.errors] == ["Stopped here"]
    assert result.text == "before\nException: Stopped here\n"


def test_handled_and_silenced_errors_are_not_errors_of_the_run():
    result = run("try { throw 'caught' } catch { 'handled' }; Get-Item /no/such -ErrorAction SilentlyContinue; "
                 "$Error.Count")
    assert result.output == ["handled", 2]
    assert result.succeeded


def test_each_stream_without_its_prefix(greetings):
    result = greetings.run("Send-Greeting ' Ada' -Verbose -Debug -InformationAction Continue; "
                           "Write-Host 'on the host'")
    assert result.warnings == ["The name starts with a space."]
    assert result.verbose == ["Greeting  Ada"]
    assert result.debug == ["name length 4"]
    assert result.information == ["greeted  Ada", "on the host"]
    assert result.output == ["Hello, Ada!"]


def test_text_is_what_a_console_shows_in_order(greetings):
    result = greetings.run("Send-Greeting Ada, Nobody -Verbose; Write-Warning 'careful'; "
                           "[pscustomobject]@{Name='Ada'; Age=36}")
    assert result.text == (
        "VERBOSE: Greeting Ada\n"
        "Hello, Ada!\n"
        "VERBOSE: Greeting Nobody\n"
        "Send-Greeting: There is no one called 'Nobody'.\n"
        "WARNING: careful\n"
        "\n"
        "Name Age\n"
        "---- ---\n"
        "Ada   36\n"
        "\n")
    assert "\x1b" not in result.text


def test_a_script_that_does_not_parse_shows_the_parser_error():
    result = run("1 +")
    assert result.error_ids == ["ExpectedValueExpression"]
    assert result.text.startswith("ParserError: \nLine |\n   1 |  1 +\n")
    assert "You must provide a value expression following the '+' operator." in result.text


def test_input_is_the_scripts_pipeline_input(greetings):
    assert greetings.run("$input | Send-Greeting", input=["Ada", "Grace"]).output == \
        ["Hello, Ada!", "Hello, Grace!"]
    assert greetings.run("@($input).Count", input=iter(range(3))).output == [3]
    # As in "Ada" | & { Send-Greeting }: a command the script does not pipe
    # $input to does not receive it (and cannot prompt for its -Name here).
    result = greetings.run("Send-Greeting", input=["Ada"])
    assert result.output == []
    assert result.error_ids == ["MissingMandatoryParameter,SendGreeting"]


def test_a_session_keeps_its_state_between_runs():
    with Session(location=os.path.realpath(os.sep)) as session:
        session.run("function Double($x) { $x * 2 }; $seed = 21")
        assert session.run("Double $seed").output == [42]
        assert str(session.run("(Get-Location).Path").output[0]) == os.path.realpath(os.sep)


def test_without_answers_a_prompt_is_an_error():
    result = run("Read-Host 'Name'")
    assert result.error_ids[0].startswith("InvalidOperation")
    assert "PowerShell is in NonInteractive mode." in result.text


def test_answers_are_typed_at_the_prompts(greetings):
    session = Session(answers=["Ada", "y"], plugins=greetings.plugins)
    with session:
        result = session.run("$name = Read-Host 'Name'; Remove-Friend $name")
    assert result.output == ["Forgot Ada"]
    assert result.text.startswith("Name: Ada\n\nConfirm\nAre you sure you want to perform this action?\n"
                                  'Performing the operation "Forget" on target "Ada".\n')
    assert result.text.endswith("y\nForgot Ada\n")


def test_a_missing_mandatory_parameter_is_asked_for(greetings):
    with Session(answers=["Ada", ""], plugins=greetings.plugins) as session:
        result = session.run("Send-Greeting")
    assert result.output == ["Hello, Ada!"]
    assert "Supply values for the following parameters:\nName[0]: Ada\nName[1]: \n" in result.text


def test_when_answers_run_out_input_is_at_its_end(greetings):
    with Session(answers=[], plugins=greetings.plugins) as session:
        result = session.run("$line = Read-Host 'Name'; \"[$line]\"")
    assert result.output == ["[]"]
    assert result.succeeded


def test_when_answers_run_out_a_confirmation_is_no_and_a_mandatory_value_is_missing(greetings):
    with Session(answers=[], plugins=greetings.plugins) as session:
        confirm = session.run("Remove-Friend Ada")
        prompt = session.run("Send-Greeting")
    assert confirm.output == [] and confirm.succeeded
    assert confirm.text.endswith('[?] Help (default is "Y"): \nThe input ended before an answer was given: '
                                 'the answer is "No" and the operation was not performed.\n')
    assert prompt.output == [] and prompt.error_ids == ["MissingMandatoryParameter,SendGreeting"]


def test_strict_mode_reraises_a_plugins_python_exception(greetings):
    result = greetings.run("Get-Ratio 0")
    assert result.error_ids == ["ZeroDivisionError,GetRatio"]
    with Session(strict=True, plugins=greetings.plugins) as session:
        assert session.run("Get-Ratio 4").output == [2.5]
        with pytest.raises(ZeroDivisionError, match="division by zero") as raised:
            session.run("Get-Ratio 0")
    assert raised.traceback[-1].name == "process_record"


def test_strict_mode_leaves_errors_a_cmdlet_writes_to_the_result(greetings):
    with Session(strict=True, plugins=greetings.plugins) as session:
        result = session.run("Send-Greeting Nobody")
    assert result.error_ids == ["PersonNotFound,SendGreeting"]


def test_a_strict_session_refuses_a_plugin_that_does_not_load(env):
    env.add_user_plugin("broken", "import no_such_module_here\n")
    with pytest.raises(PluginError, match="broken") as raised:
        Session(strict=True, plugins=env.host())
    assert "No module named 'no_such_module_here'" in raised.value.problems[0]
    with Session(plugins=env.host()) as lenient:
        [warning] = lenient.startup.warnings
        assert warning.startswith("The plugin 'broken' (user plugin directory ") and "could not be imported" in warning
        assert lenient.startup.text == f"WARNING: {warning}\n"
        assert lenient.run("1").text == "1\n"


def test_close_runs_the_session_end_hooks(env):
    from pwshlike.plugin import hookimpl

    class Plugin:
        ended: list = []

        @hookimpl
        def pwshlike_session_end(self, context):
            self.ended.append(context)

    plugin = Plugin()
    with Session(plugins=env.host([("ender", plugin)])) as session:
        session.run("1")
    assert plugin.ended == [session.context]
    with pytest.raises(RuntimeError, match="closed"):
        session.run("1")


def test_environ_builds_a_plugin_host_of_the_sessions_own(env):
    env.add_user_plugin("greetings", GREETINGS)
    with Session(environ=env.values) as session:
        assert session.run("Send-Greeting Ada").output == ["Hello, Ada!"]
    with Session(environ={**env.values, "PWSHLIKE_BLOCK_PLUGINS": "greetings"}) as session:
        assert session.run("Send-Greeting Ada").error_ids == ["CommandNotFoundException"]


def test_result_repr_names_the_errors():
    assert "errors=['CommandNotFoundException']" in repr(run("No-SuchCommand"))
    assert isinstance(run("1"), Result)


FIXTURE_TEST = """
    def test_uses_the_fixture(pwshlike):
        pwshlike.run("$x = 6")
        assert pwshlike.run("$x * 7").output == [42]

    def test_each_test_has_its_own_session(pwshlike):
        assert pwshlike.run("$x").output == [None]
"""


def _pytest(tmp_path, *arguments):
    (tmp_path / "test_fixture.py").write_text(textwrap.dedent(FIXTURE_TEST))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *arguments,
                           "test_fixture.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)


def test_the_pwshlike_fixture_comes_from_the_entry_point(tmp_path):
    finished = _pytest(tmp_path)
    assert "2 passed" in finished.stdout, finished.stdout + finished.stderr


def test_the_fixture_can_be_named_twice_or_turned_off(tmp_path):
    assert "2 passed" in _pytest(tmp_path, "-p", "pwshlike.testing_pytest").stdout
    turned_off = _pytest(tmp_path, "-p", "no:pwshlike")
    assert "fixture 'pwshlike' not found" in turned_off.stdout
