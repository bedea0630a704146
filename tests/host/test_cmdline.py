"""pwsh's command-line parameter rules (CommandLineParameterParser)."""

import pytest

from pwshlike.host.cmdline import EXIT_BAD_COMMAND_LINE, parse_command_line


def parse(*args, stdin_redirected=False):
    return parse_command_line(list(args), stdin_redirected)


@pytest.mark.parametrize("flag", ["-Command", "-c", "-command", "--command", "/c", "-COMM", "\u2013c"])
def test_command_switch_forms(flag):
    result = parse(flag, "Write-Output", "1")
    assert result.error is None
    assert result.command == "Write-Output 1"
    assert result.no_exit is False


def test_command_joins_all_remaining_arguments_even_switch_like_ones():
    result = parse("-nop", "-c", "echo", "-NoProfile", "x")
    assert result.no_profile is True
    assert result.command == "echo -NoProfile x"


@pytest.mark.parametrize("flag,attr", [("-nop", "no_profile"), ("-NoProfile", "no_profile"),
                                       ("-noni", "non_interactive"), ("-NonInteractive", "non_interactive"),
                                       ("-nol", "no_logo"), ("-NoLogo", "no_logo")])
def test_boolean_switches_and_their_shortest_forms(flag, attr):
    result = parse(flag)
    assert getattr(result, attr) is True
    assert result.error is None


def test_too_short_prefix_is_not_a_switch_but_a_file_name():
    # "-no" is shorter than every "no..." switch's minimum; pwsh treats it as a script path.
    result = parse("-no")
    assert result.exit_code == EXIT_BAD_COMMAND_LINE
    assert result.error == ("Invalid argument '-no', did you mean:\n\n  -noexit\n  -nologo\n"
                            "  -noninteractive\n  -noprofile")


def test_unknown_switch_message_and_exit_code():
    result = parse("-Foo")
    assert result.exit_code == 64
    assert result.error == ("The argument '-Foo' is not recognized as the name of a script file. Check the "
                            "spelling of the name, or if a path was included, verify that the path is "
                            "correct and try again.")
    assert result.show_help is True


def test_version_stops_parsing():
    result = parse("-v", "-Bogus")
    assert result.show_version is True
    assert result.error is None


@pytest.mark.parametrize("flag", ["-h", "-Help", "-?", "/?", "--help"])
def test_help(flag):
    result = parse(flag)
    assert result.show_help and result.show_extended_help
    assert result.error is None and result.exit_code == 0


def test_missing_command_argument():
    result = parse("-c")
    assert result.error == ("Cannot process the command because of a missing parameter. "
                            "A command must follow -Command.")
    assert result.exit_code == 64


def test_command_from_stdin_requires_redirection_and_no_more_arguments():
    assert parse("-c", "-", stdin_redirected=True).command_from_stdin is True
    result = parse("-c", "-")
    assert result.error == ("'-' was specified as the argument to -Command but standard input has not "
                            "been redirected for this process.")
    result = parse("-c", "-", "x", stdin_redirected=True)
    assert result.error == ("'-' was specified with the -Command parameter; no other arguments to "
                            "-Command are permitted.")


def test_file_arguments_are_split_as_pwsh_does(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text("param($Name)\n")
    result = parse("-File", str(script), "-Name", "x", "5", "-Flag:false", "-Opt:", "v", "plain")
    assert result.file == str(script)
    shown = [(a.name, a.value, a.has_value, a.colon) for a in result.file_args]
    assert shown == [("Name", None, False, False), (None, "x", True, False), (None, "5", True, False),
                     ("Flag", False, True, True), ("Opt", "v", True, True), (None, "plain", True, False)]


def test_first_non_switch_word_is_the_file(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text("")
    result = parse("-nop", str(script), "-c", "x")
    assert result.file == str(script)
    assert [a.text for a in result.file_args] == ["-c", "x"]
    assert result.command is None


def test_file_switch_with_missing_file():
    result = parse("-f", "/nonexistent/x.ps1")
    assert result.error.startswith("The argument '/nonexistent/x.ps1' is not recognized as the name of a script file.")
    assert parse("-File").error == ("The command cannot be run because the File parameter requires a file "
                                    "path. Supply a path for the File parameter and then try the command again.")


def test_file_dash_reads_stdin():
    assert parse("-File", "-").file_from_stdin is True


def test_execution_policy_is_accepted_and_needs_a_value():
    assert parse("-ExecutionPolicy", "Bypass", "-c", "1").command == "1"
    assert parse("-ep", "Bypass").error is None
    assert parse("-ex").error.startswith("Cannot process the execution policy because of a missing policy name.")


def test_output_format_text_accepted_xml_rejected():
    assert parse("-OutputFormat", "Text", "-c", "1").error is None
    assert parse("-of", "text").error is None
    assert parse("-o", "XML").exit_code == 64
    assert parse("-o", "Bogus").error.startswith(
        'Cannot process the command because of an incorrect parameter value. "Bogus" is not a valid format.')


def test_encoded_command_is_utf16_base64():
    import base64
    encoded = base64.b64encode("Write-Output 'é'".encode("utf-16-le")).decode()
    assert parse("-EncodedCommand", encoded).command == "Write-Output 'é'"
    assert parse("-e", "***").exit_code == 64


def test_command_already_specified():
    import base64
    encoded = base64.b64encode("1".encode("utf-16-le")).decode()
    result = parse("-e", encoded, "-c", "2")
    assert result.error == ("Cannot process command because a command is already specified with -Command "
                            "or -EncodedCommand.")


def test_noexit_is_kept_with_command():
    result = parse("-NoExit", "-c", "1")
    assert result.no_exit is True and result.command == "1"


def test_platform_specific_switches():
    assert parse("-sta").error == "Parameter -STA is not supported on this platform."
    assert parse("-WindowStyle", "Hidden").error == "Parameter -WindowStyle is not implemented on this platform."


def test_working_directory():
    assert parse("-wd", "/tmp", "-c", "1").working_directory == "/tmp"
