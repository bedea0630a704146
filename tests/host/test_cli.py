"""The pwshlike program end to end: flags, exit codes, error layouts, stdin,
scripts, profiles and native commands (run as ``python -m pwshlike``)."""

import json
import os
import shutil
import subprocess
import sys

import pytest

ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")}


def pwsh(*args, stdin=None, env=None, cwd=None):
    result = subprocess.run([sys.executable, "-m", "pwshlike", *args], input=stdin, capture_output=True,
                            text=True, env={**ENV, **(env or {})}, cwd=cwd, timeout=60)
    assert "Traceback" not in result.stderr
    return result


def test_version():
    result = pwsh("-Version")
    assert (result.returncode, result.stdout) == (0, "pwshlike 0.1.0 (PowerShell 7.4 compatible)\n")


def test_help_lists_the_parameters():
    result = pwsh("-?")
    assert result.returncode == 0
    assert result.stdout.startswith("\nUsage: pwshlike [[-File] <filePath> [args]]")
    for flag in ("-Command | -c", "-File | -f", "-NoProfile | -nop", "-NonInteractive | -noni", "-NoLogo | -nol"):
        assert flag in result.stdout


def test_unknown_flag_is_pwshs_error_with_exit_code_64():
    result = pwsh("-Foo")
    assert result.returncode == 64
    assert result.stderr == ("The argument '-Foo' is not recognized as the name of a script file. Check the "
                             "spelling of the name, or if a path was included, verify that the path is correct "
                             "and try again.\n")
    assert "Usage: pwshlike" in result.stdout


def test_command_output_and_success():
    result = pwsh("-NoProfile", "-NonInteractive", "-Command", "Write-Output", "1")
    assert (result.returncode, result.stdout, result.stderr) == (0, "1\n", "")


@pytest.mark.parametrize("command,code", [
    ("exit 7", 7),
    ("throw 'boom'", 1),
    ("Get-Foo", 1),
    ("Get-Foo; 'recovered'", 0),
    ("$null = 1", 0),
    ("exit 300", 300 & 0xFF),
])
def test_command_exit_codes(command, code):
    assert pwsh("-nop", "-c", command).returncode == code


def test_command_not_found_in_concise_view():
    result = pwsh("-nop", "-c", "Get-Foo")
    assert result.stderr == (
        "Get-Foo: The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or executable "
        "program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct "
        "and try again.\n")


def test_parse_error_layout_and_exit_code():
    result = pwsh("-nop", "-c", "$x = (1 +")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:3] == ["ParserError: ", "Line |", "   1 |  $x = (1 +"]
    assert lines[3].startswith("     |") and lines[3].endswith("~")
    assert lines[4].startswith("     | ")
    assert "\x1b[" not in result.stderr  # not a terminal: no colours


def test_script_file_binds_parameters_as_pwsh_does(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text('param([string]$Name = "def", [int]$Count = 1, [switch]$Loud)\n'
                      '"Name=$Name Count=$Count Loud=$Loud"\n')
    assert pwsh("-nop", "-File", str(script), "-Name", "x", "5").stdout == "Name=x Count=5 Loud=False\n"
    assert pwsh("-nop", str(script), "-Loud", "-Count:7", "zz").stdout == "Name=zz Count=7 Loud=True\n"
    assert pwsh("-nop", str(script), "-Loud:$false").stdout == "Name=def Count=1 Loud=False\n"


def test_script_file_exit_codes(tmp_path):
    exits = tmp_path / "exits.ps1"
    exits.write_text("'before'\nexit 5\n'after'\n")
    result = pwsh("-nop", "-f", str(exits))
    assert (result.returncode, result.stdout) == (5, "before\n")
    throws = tmp_path / "throws.ps1"
    throws.write_text("throw 'bad'\n")
    assert pwsh("-nop", "-f", str(throws)).returncode == 1
    soft = tmp_path / "soft.ps1"
    soft.write_text("Write-Error 'soft'\n'done'\n")
    result = pwsh("-nop", "-f", str(soft))
    assert (result.returncode, result.stdout) == (0, "done\n")
    assert result.stderr.splitlines()[:4] == [f"Write-Error: {soft}:1", "Line |", "   1 |  Write-Error 'soft'",
                                              "     |  ~~~~~~~~~~~~~~~~~~"]


def test_script_file_parse_error_names_the_file(tmp_path):
    script = tmp_path / "broken.ps1"
    script.write_text("'ok'\n$a = @{ x = }\n")
    result = pwsh("-nop", "-File", str(script))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"ParserError: {script}:2\nLine |\n   2 |  $a = @{{ x = }}\n")


def test_shebang_script(tmp_path):
    bin_dir = os.path.dirname(sys.executable)
    if shutil.which("pwshlike", path=bin_dir) is None:
        pytest.skip("the pwshlike console script is not installed next to this Python")
    script = tmp_path / "hello.ps1"
    script.write_text("#!/usr/bin/env pwshlike\nparam($Who)\n\"hello $Who\"\nexit 3\n")
    script.chmod(0o755)
    result = subprocess.run([str(script), "world"], capture_output=True, text=True, timeout=60,
                            env={**ENV, "PATH": bin_dir + os.pathsep + ENV.get("PATH", "")})
    assert (result.returncode, result.stdout) == (3, "hello world\n")


def test_command_from_stdin_runs_chunk_by_chunk():
    text = 'function f { "in f" }\nf\nif ($true) {\n  "multi"\n}\nGet-Foo\n"last"\n'
    result = pwsh("-nop", "-c", "-", stdin=text)
    assert result.stdout == "in f\nmulti\nlast\n"
    assert result.returncode == 0
    assert "Get-Foo" in result.stderr


def test_redirected_stdin_without_a_command_is_a_script():
    result = pwsh("-nop", stdin="'a'\nGet-Foo\n")
    assert (result.stdout, result.returncode) == ("a\n", 1)
    assert pwsh("-nop", stdin="'a'\nexit 9\n'b'\n").returncode == 9


def test_profiles_load_in_order_into_the_global_scope(tmp_path):
    directory = tmp_path / "powershell"
    directory.mkdir()
    (directory / "profile.ps1").write_text('$order = @("all")\n')
    (directory / "Microsoft.PowerShell_profile.ps1").write_text(
        '$order += "host"\nfunction Get-Greeting { "hi from profile" }\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    result = pwsh("-c", '$order -join ","; Get-Greeting; $PROFILE', env=env)
    assert result.stdout.splitlines() == ["all,host", "hi from profile",
                                          str(directory / "Microsoft.PowerShell_profile.ps1")]
    result = pwsh("-NoProfile", "-c", '"[$order]"; $PROFILE', env=env)
    assert result.stdout.splitlines() == ["[]", str(directory / "Microsoft.PowerShell_profile.ps1")]


def test_native_arguments_reach_the_program_as_argv(tmp_path):
    script = tmp_path / "argv.py"
    script.write_text("import json, sys\nprint(json.dumps(sys.argv[1:]))\n")
    command = (f"& '{sys.executable}' '{script}' a 'b c' '' @(1, 2) -flag:value $true 'say \"hi\"' --% x  %HOME% y")
    result = pwsh("-nop", "-c", command)
    assert json.loads(result.stdout) == ["a", "b c", "", "1", "2", "-flag:value", "True", 'say "hi"',
                                         "x", os.environ["HOME"], "y"]


def test_native_output_exit_code_and_last_exit_code():
    result = pwsh("-nop", "-c", '$lines = printf "a\\nb\\n"; $lines.Count; sh -c "exit 3"; "$LASTEXITCODE $?"')
    assert result.stdout == "2\n3 False\n"
    assert pwsh("-nop", "-c", 'sh -c "exit 4"').returncode == 1


def test_native_stderr_redirected_becomes_error_records():
    # stdout and stderr are read concurrently, so only the kinds are checked, not the order.
    result = pwsh("-nop", "-c", '$r = sh -c "echo out; echo err >&2" 2>&1; $r.Count; '
                  '($r | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).ToString(); '
                  '$r | Where-Object { $_ -is [string] }')
    assert result.stdout == "2\nerr\nout\n"


def test_internal_errors_are_shown_as_powershell_errors(monkeypatch, capsys):
    from pwshlike import cli
    from pwshlike.host import session

    def broken(*_args, **_kwargs):
        raise ValueError("engine bug")

    monkeypatch.setattr(session, "build_session", broken)
    monkeypatch.delenv("PWSHLIKE_DEBUG", raising=False)
    assert cli.main(["-nop", "-c", "1"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip() == "FormatException: engine bug"


def test_script_with_syntax_errors_run_by_path_reports_its_own_position(tmp_path):
    bad = tmp_path / "bad.ps1"
    bad.write_text("$a = (1 +\n")
    result = pwsh("-nop", "-c", f"'start'; & '{bad}'; \"after: $?\"")
    assert result.stdout == "start\nafter: False\n"
    assert result.stderr.startswith(f"ParserError: {bad}:1\nLine |\n   1 |  $a = (1 +\n")
