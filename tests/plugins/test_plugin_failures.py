"""A Python bug in a plugin cmdlet reaches the user as pwsh shows an
exception escaping a cmdlet: named after the cmdlet, with the Python type
and message, the traceback on the record and the plugin to report it to."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from pwshlike.host.errorview import format_error

GREETINGS_PLUGIN = """
    from pwshlike.plugin import Cmdlet, Parameter, cmdlet, hookimpl


    class GreetingError(Exception):
        pass


    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Greetings", "1.2", commands={
            "Send-Greeting": "greetplugin:SendGreeting",
            "Measure-Greeting": "greetplugin:MeasureGreeting",
            "Get-Broken": "greetplugin:GetBroken",
            "Wait-Greeting": "greetplugin:WaitGreeting",
            "Find-Greeting": "greetplugin:FindGreeting",
        })


    @cmdlet("Send-Greeting")
    class SendGreeting(Cmdlet):
        '''Greets people, badly: a count of zero divides by zero.'''
        name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline=True)
        count = Parameter("Int32", default=1)

        def process_record(self):
            for name in self.name:
                share = 10 / self.count
                self.write_object(f"Hello, {name} ({share:g})")


    @cmdlet("Measure-Greeting")
    class MeasureGreeting(Cmdlet):
        '''Fails on its input: a generator body, with a custom exception.'''
        text = Parameter("String", position=0, value_from_pipeline=True)

        def process_record(self):
            if "Grace" in self.text:
                raise GreetingError("no greeting for Grace")
            yield len(self.text)


    @cmdlet("Get-Broken")
    class GetBroken(Cmdlet):
        '''Raises a .NET-like exception on purpose.'''

        def end_processing(self):
            from pwshlike.plugin import ItemNotFoundException
            raise ItemNotFoundException("Cannot find the greeting.")


    @cmdlet("Wait-Greeting")
    class WaitGreeting(Cmdlet):
        '''Raises a .NET exception that carries no error record.'''

        def end_processing(self):
            from pwshlike.plugin import TimeoutException
            raise TimeoutException("The greeting timed out.")


    @cmdlet("Find-Greeting")
    class FindGreeting(Cmdlet):
        '''Matches names with a wildcard: a bad pattern raises PowerShell's own error.'''
        pattern = Parameter("String", position=0)

        def process_record(self):
            from pwshlike.plugin import WildcardPattern
            yield WildcardPattern(self.pattern).is_match("Ada")
"""


@pytest.fixture
def greetings(env):
    env.add_user_plugin("greetplugin", GREETINGS_PLUGIN)
    session = env.session()
    assert not session.plugins.problems
    return session


def test_the_error_names_the_cmdlet_and_keeps_the_python_message(greetings):
    assert greetings.text("Send-Greeting Ada -Count 0; 'next'") == ["next"]
    [record] = greetings.errors()
    assert format_error(record) == "Send-Greeting: ZeroDivisionError: division by zero"
    assert record.fully_qualified_error_id == "ZeroDivisionError,SendGreeting"
    assert str(record.category_info) == "NotSpecified: (:) [Send-Greeting], PluginException"
    assert greetings.text("$Error[0].Exception.GetType().FullName; $Error[0].Exception.PythonType; "
                          "$Error[0].Exception.Message") == [
        "Pwshlike.PluginException", "ZeroDivisionError", "ZeroDivisionError: division by zero"]


def test_the_record_keeps_the_traceback_and_names_the_plugin(greetings):
    greetings.run("Send-Greeting Ada -Count 0")
    [record] = greetings.errors()
    trace = record.exception.stack_trace
    assert trace.startswith("Traceback (most recent call last):\n")
    assert "greetplugin.py" in trace and "share = 10 / self.count" in trace
    assert trace.rstrip().endswith("ZeroDivisionError: division by zero")
    assert "processors.py" not in trace.splitlines()[1], "the plugin's frame comes first"
    assert record.error_details.recommended_action.startswith(
        "This is a bug in the plugin 'greetplugin', which provides 'Send-Greeting'")
    assert isinstance(record.exception.python_exception, ZeroDivisionError)


def test_a_custom_exception_from_a_generator_body(greetings):
    assert greetings.text("'Ada', 'Grace', 'Alan' | Measure-Greeting") == ["3"]
    [record] = greetings.errors()
    assert format_error(record) == "Measure-Greeting: greetplugin.GreetingError: no greeting for Grace"
    assert record.fully_qualified_error_id == "greetplugin.GreetingError,MeasureGreeting"


def test_try_catch_error_action_and_dollar_question(greetings):
    assert greetings.text(
        "try { Send-Greeting Ada -Count 0; 'not reached' } catch { 'caught: ' + $_.FullyQualifiedErrorId }") == [
        "caught: ZeroDivisionError,SendGreeting"]
    assert greetings.text(
        "try { Send-Greeting Ada -Count 0 } catch [Pwshlike.PluginException] { 'typed: ' + $_ }") == [
        "typed: ZeroDivisionError: division by zero"]
    assert greetings.text("Send-Greeting Ada -Count 0 -ErrorAction SilentlyContinue; $?") == ["False"]
    assert greetings.text("$Error[0].FullyQualifiedErrorId") == ["ZeroDivisionError,SendGreeting"]


def test_a_downstream_bug_is_the_downstream_commands(greetings):
    """Send-Greeting's write_object runs Measure-Greeting inside
    Send-Greeting's own process_record: the bug is still Measure-Greeting's."""
    assert greetings.text("Send-Greeting Ada, Grace | Measure-Greeting") == ["15"]
    [record] = greetings.errors()
    assert record.fully_qualified_error_id == "greetplugin.GreetingError,MeasureGreeting"
    assert format_error(record) == "Measure-Greeting: greetplugin.GreetingError: no greeting for Grace"


LOCAL_COMMANDS = """
    from pwshlike.plugin import Cmdlet, Parameter, cmdlet


    @cmdlet("Out-Local")
    class OutLocal(Cmdlet):
        '''An application's own command (no plugin declared it).'''
        value = Parameter("Object", value_from_pipeline=True)

        def process_record(self):
            return 1 // 0
"""


def test_a_python_error_from_a_later_non_plugin_command_is_not_claimed(greetings, env):
    """Out-Local runs inside Send-Greeting's write_object; its Python error
    is mapped by the engine as the built-in commands' are, and is no bug
    of Send-Greeting's plugin."""
    (env.plugin_dir / "localcommands.py").write_text(textwrap.dedent(LOCAL_COMMANDS))
    greetings.plugins.modules.add("Local", "1.0", commands={"Out-Local": "localcommands:OutLocal"})
    greetings.run("Send-Greeting Ada | Out-Local")
    [record] = greetings.errors()
    assert format_error(record) == "OperationStopped: Attempted to divide by zero."
    assert type(record.exception).__name__ == "DivideByZeroException"


def test_flow_control_passes_through_a_plugin_cmdlet(greetings):
    assert greetings.text("Send-Greeting Ada, Grace, Alan | Select-Object -First 1; 'next'") == [
        "Hello, Ada (10)", "next"]
    assert greetings.errors() == []


def test_deliberate_dotnet_exceptions_keep_their_handling(greetings):
    greetings.run("Get-Broken")
    [record] = greetings.errors()
    assert format_error(record).endswith("Cannot find the greeting.")
    assert "PluginException" not in record.fully_qualified_error_id
    assert type(record.exception).__name__ == "ItemNotFoundException"


def test_a_raised_dotnet_exception_is_named_after_its_type_and_the_cmdlet(greetings):
    """pwsh wraps an exception escaping a cmdlet in a record whose id is the
    exception's type name and whose category is NotSpecified."""
    greetings.run("Wait-Greeting")
    [record] = greetings.errors()
    assert record.fully_qualified_error_id == "System.TimeoutException,WaitGreeting"
    assert str(record.category_info.category) == "NotSpecified"
    assert format_error(record).startswith("Wait-Greeting: ")
    assert format_error(record).endswith("The greeting timed out.")
    assert greetings.text("try { Wait-Greeting } catch [TimeoutException] { 'caught' }") == ["caught"]


def test_a_powershell_error_raised_in_a_cmdlet_names_the_cmdlet(greetings):
    """A RuntimeException carries its own record; escaping a cmdlet it gets
    that cmdlet's invocation, as pwsh's CmdletInvocationException gives it."""
    greetings.run("Find-Greeting '[a'")
    [record] = greetings.errors()
    assert format_error(record) == "Find-Greeting: The specified wildcard character pattern is not valid: [a"
    assert record.fully_qualified_error_id.endswith(",FindGreeting")
    assert str(record.invocation_info.my_command.name) == "Find-Greeting"


def test_builtin_cmdlets_are_not_plugin_failures(greetings):
    greetings.run("Get-Content -LiteralPath ./no-such-file.txt")
    [record] = greetings.errors()
    assert record.fully_qualified_error_id.startswith("PathNotFound")


def _cli(tmp_path, script, **env):
    plugins = tmp_path / "data" / "pwshlike" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    (plugins / "greetplugin.py").write_text(textwrap.dedent(GREETINGS_PLUGIN))
    environ = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
               "PWSHLIKE_PLUGIN_CACHE": "0", "NO_COLOR": "1", **env}
    return subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", script],
                          capture_output=True, text=True, env=environ, stdin=subprocess.DEVNULL, cwd=tmp_path,
                          timeout=120)


def test_the_console_shows_the_cmdlet_and_debug_shows_the_traceback(tmp_path):
    plain = _cli(tmp_path, "Send-Greeting Ada -Count 0", PWSHLIKE_DEBUG="")
    assert plain.stderr.strip() == "Send-Greeting: ZeroDivisionError: division by zero"
    debug = _cli(tmp_path, "Send-Greeting Ada -Count 0", PWSHLIKE_DEBUG="1")
    assert "Traceback (most recent call last):" in debug.stderr
    assert "share = 10 / self.count" in debug.stderr
    assert "plugin 'greetplugin'" in debug.stderr
    assert debug.stderr.rstrip().endswith("Send-Greeting: ZeroDivisionError: division by zero")


def test_get_error_shows_the_traceback_and_the_plugin(greetings):
    greetings.run("Send-Greeting Ada -Count 0")
    text = "\n".join(greetings.text("Get-Error | Out-String -Width 200")).splitlines()
    assert "    Type       : Pwshlike.PluginException" in text
    assert "    Message    : ZeroDivisionError: division by zero" in text
    assert "    Source     : greetplugin" in text
    assert "    Plugin     : greetplugin" in text
    assert "    PythonType : ZeroDivisionError" in text
    at = text.index("    StackTrace : ")
    assert text[at + 1] == "Traceback (most recent call last):"
    assert "    share = 10 / self.count" in text
    assert "ZeroDivisionError: division by zero" in text[at + 2:]
    assert "FullyQualifiedErrorId : ZeroDivisionError,SendGreeting" in text


def test_an_installed_plugin_is_named_with_its_distribution(env):
    """A plugin installed from a distribution is named with its version,
    so the report reaches the right release."""
    package = env.plugin_dir / "greetdist"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(GREETINGS_PLUGIN).replace("greetplugin:", "greetdist:"))
    info = env.plugin_dir / "greetdist-2.5.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: greetdist\nVersion: 2.5.1\n")
    (info / "top_level.txt").write_text("greetdist\n")
    session = env.session()
    session.run("Send-Greeting Ada -Count 0")
    [record] = session.errors()
    assert record.error_details.recommended_action.startswith(
        "This is a bug in the plugin 'greetdist' (greetdist 2.5.1), which provides 'Send-Greeting'")
