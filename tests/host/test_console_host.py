"""The console host, the interactive loop and stream display."""

import io

from pwshlike.host.console import ConsoleHost
from pwshlike.host.interactive import run_interactive
from pwshlike.host.session import build_session


class TtyStream(io.StringIO):
    def isatty(self):
        return True


def make_session(stdin_text="", stdout=None, stderr=None):
    host = ConsoleHost(io.StringIO(stdin_text), stdout or io.StringIO(), stderr or io.StringIO())
    return build_session(host, interactive=True)


def test_interactive_loop_prompts_continues_incomplete_input_and_survives_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = make_session('"one"\nif ($true) {\n"two"\n}\nGet-Foo\nthrow "x"\n"three"\nexit 6\n"never"\n')
    assert run_interactive(session) == 6
    out = session.host.stdout.getvalue()
    prompt = f"PS {tmp_path}> "
    assert out == (f"{prompt}one\n{prompt}>> >> two\n{prompt}{prompt}{prompt}three\n{prompt}")
    err = session.host.stderr.getvalue()
    assert "Get-Foo" in err and "x" in err


def test_empty_line_ends_an_unfinished_entry():
    session = make_session("if ($true) {\n\n'after'\n")
    assert run_interactive(session) == 0
    assert "ParserError" in session.host.stderr.getvalue()
    assert "after\n" in session.host.stdout.getvalue()


def test_user_prompt_function_replaces_the_default():
    session = make_session('function prompt { "my> " }\n"x"\n')
    run_interactive(session)
    assert session.host.stdout.getvalue().count("my> ") == 2


def test_end_of_input_leaves_the_loop_with_zero():
    session = make_session("")
    assert run_interactive(session) == 0


def test_warning_verbose_debug_go_to_stdout_with_labels():
    session = make_session()
    session.run("Write-Warning 'w'; Write-Verbose 'v' -Verbose; Write-Debug 'd' -Debug; 'out'")
    assert session.host.stdout.getvalue() == "WARNING: w\nVERBOSE: v\nDEBUG: d\nout\n"


def test_error_view_variable_switches_the_layout():
    session = make_session()
    session.run("$ErrorView = 'NormalView'; Get-Foo")
    err = session.host.stderr.getvalue()
    assert "+ FullyQualifiedErrorId : CommandNotFoundException" in err
    assert "+ CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException" in err


def test_colours_only_on_a_terminal_and_not_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stdout, stderr = TtyStream(), TtyStream()
    session = make_session(stdout=stdout, stderr=stderr)
    session.run("Write-Warning 'w'; Get-Foo")
    assert stdout.getvalue() == "\x1b[33;1mWARNING: w\x1b[0m\n"
    assert stderr.getvalue().startswith("\x1b[31;1m")
    monkeypatch.setenv("NO_COLOR", "1")
    stdout, stderr = TtyStream(), TtyStream()
    session = make_session(stdout=stdout, stderr=stderr)
    session.run("Write-Warning 'w'")
    assert stdout.getvalue() == "WARNING: w\n"


def test_write_host_colours_and_no_newline(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stdout = TtyStream()
    session = make_session(stdout=stdout)
    session.run("Write-Host 'a' -NoNewline -ForegroundColor Red; Write-Host 'b' -BackgroundColor DarkBlue")
    assert stdout.getvalue() == "\x1b[91ma\x1b[0m\x1b[44mb\x1b[0m\n"


def test_read_host_fails_in_non_interactive_mode():
    host = ConsoleHost(io.StringIO("typed\n"), io.StringIO(), io.StringIO(), non_interactive=True)
    try:
        host.read_line()
    except Exception as exc:  # the engine's PSInvalidOperationException
        assert str(exc) == "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    else:
        raise AssertionError("read_line should fail in NonInteractive mode")
    assert ConsoleHost(io.StringIO("typed\n"), io.StringIO(), io.StringIO()).read_line() == "typed"


def test_table_output_goes_through_one_formatting_session():
    session = make_session()
    session.run("[pscustomobject]@{Name='a'; N=1}; [pscustomobject]@{Name='bbb'; N=22}")
    assert session.host.stdout.getvalue() == "\nName  N\n----  -\na     1\nbbb  22\n\n"


def test_the_front_end_the_cli_passes_runs_and_the_plain_loop_takes_over_when_it_cannot(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = make_session('"plain"\n')
    assert run_interactive(session, lambda s: 4) == 4
    assert session.host.stdout.getvalue() == ""
    session = make_session('"plain"\n')
    assert run_interactive(session, lambda s: None) == 0
    assert session.host.stdout.getvalue() == f"PS {tmp_path}> plain\nPS {tmp_path}> \n"
