"""Pipelines, streaming, early stop, command arguments, streams and redirection."""

from __future__ import annotations

import time

from pwshlike.dotnet.errors import ErrorRecord
from pwshlike.runtime.pipeline import CommandArgument, CommandProcessor
from pwshlike.runtime.streams import InformationRecord, WarningRecord


def _probe_resolver(session, info):
    """The session's test resolver, except that command ``Probe`` is ``info``."""
    resolver = session.ctx.command_resolver

    def resolve(ctx, target, op, extent):
        return info if target == "Probe" else resolver(ctx, target, op, extent)
    return resolve


def test_expression_feeds_pipeline_items(run):
    assert run("1, 2, 3 | ForEach-Object { $_ + 1 }") == [2, 3, 4]
    assert run("$null | ForEach-Object { 'ran' }") == ["ran"]
    assert run("@() | ForEach-Object { 'ran' }") == []
    assert run("@{a=1} | ForEach-Object { $_.a }") == [1]


def test_pipeline_streams_one_object_at_a_time(run):
    script = """
    function Source { 'a'; Write-Output 'side'; 'b' }
    function Tag { process { "<$_>" } }
    Source | Tag
    """
    assert run(script) == ["<a>", "<side>", "<b>"]


def test_begin_process_end_order_across_commands(run):
    script = """
    function A { begin { 'A-begin' } process { 'A-item' } end { 'A-end' } }
    function B { begin { 'B-begin' } process { "B($_)" } end { 'B-end' } }
    A | B
    """
    assert run(script) == ["B-begin", "B(A-begin)", "B(A-item)", "B(A-end)", "B-end"]


def test_early_stop_is_lazy(run):
    start = time.perf_counter()
    assert run("1..1000000000 | Select-First 3") == [1, 2, 3]
    assert time.perf_counter() - start < 1.0


def test_early_stop_ends_downstream_commands(run):
    assert run("1..10 | Select-First 2 | Collect-All") == ["count=2"]
    assert run("function Gen { foreach ($i in 1..100000000) { $i } }; Gen | Select-First 2") == [1, 2]


def test_pipeline_chain_operators(run):
    assert run("Write-Output 'a' && Write-Output 'b'") == ["a", "b"]
    assert run("Write-Error 'x' 2>$null && Write-Output 'no'") == []
    assert run("Write-Error 'x' 2>$null || Write-Output 'fallback'") == ["fallback"]
    assert run("1 && 2") == [1, 2]


def test_command_arguments_shape(session):
    seen: list[list[CommandArgument]] = []

    class Probe(CommandProcessor):
        pass

    class Info:
        name = "Probe"
        command_type = "Cmdlet"

        def new_processor(self, context, arguments, invocation):
            seen.append(arguments)
            return Probe(context, invocation)

    session.ctx.command_resolver = _probe_resolver(session, Info())
    session.run("$h = @{ Name = 'n'; Force = $true }; $a = 1, 2; Probe -Switch -Value:3 pos @h @a -- -notparam")
    args = seen[0]
    assert (args[0].name, args[0].has_value, args[0].text) == ("Switch", False, "-Switch")
    assert (args[1].name, args[1].value, args[1].colon) == ("Value", 3, True)
    assert (args[2].name, args[2].value) == (None, "pos")
    assert [(a.name, a.value, a.splatted) for a in args[3:5]] == [("Name", "n", True), ("Force", True, True)]
    assert [(a.name, a.value, a.splatted) for a in args[5:7]] == [(None, 1, True), (None, 2, True)]
    assert args[7].end_of_parameters
    assert args[8].value == "-notparam"


def test_invocation_info_for_commands(session):
    infos = []

    class Info:
        name = "Probe"
        command_type = "Cmdlet"

        def new_processor(self, context, arguments, invocation):
            infos.append(invocation)
            return CommandProcessor(context, invocation)

    session.ctx.command_resolver = _probe_resolver(session, Info())
    session.run("1 | Probe | Probe")
    assert [(i.pipeline_position, i.pipeline_length, i.expecting_input) for i in infos] == \
        [(2, 3, True), (3, 3, True)]
    assert infos[0].invocation_name == "Probe"
    assert infos[0].position_message.startswith("At line:1 char:5")


def test_streams_display_on_host(session):
    session.run("Write-Warning 'careful'; Write-Verbose 'hidden'; Write-Debug 'hidden'; Write-Host 'shown'")
    assert session.host.kind("warning") == ["careful"]
    assert session.host.kind("verbose") == []
    assert session.host.kind("information") == ["shown"]


def test_preferences_control_streams(session):
    session.run("$VerbosePreference = 'Continue'; $WarningPreference = 'SilentlyContinue'; "
                "Write-Verbose 'v'; Write-Warning 'w'; Write-Information 'i'")
    assert session.host.kind("verbose") == ["v"]
    assert session.host.kind("warning") == []
    assert session.host.kind("information") == []


def test_merge_error_into_output(session):
    out = session.run("Write-Error 'e1' 2>&1")
    assert len(out) == 1 and isinstance(out[0], ErrorRecord) and str(out[0]) == "e1"
    assert session.errors() == []


def test_merge_all_streams(session):
    out = session.run("function f { 'o'; Write-Warning 'w'; Write-Host 'h'; Write-Error 'e' }; f *>&1")
    assert [type(o).__name__ for o in out] == ["str", "WarningRecord", "InformationRecord", "ErrorRecord"]
    assert isinstance(out[1], WarningRecord) and str(out[1]) == "w"
    assert isinstance(out[2], InformationRecord) and str(out[2]) == "h"


def test_redirection_applies_only_to_its_command(session):
    script = """
    function Emit { 'x' }
    function Fail { process { Write-Error "fail $_" } }
    Emit 2>&1 | Fail
    """
    assert session.run(script) == []
    assert session.errors() == ["fail x"]


def test_error_to_null_still_recorded(session):
    assert session.run("Write-Error 'quiet' 2>$null; $Error.Count") == [1]
    assert session.errors() == []


def test_file_redirection(session, tmp_path):
    target = tmp_path / "out.txt"
    session.run(f"Write-Output 'line1' 'line2' > '{target}'; 'x' >> '{target}'")
    assert target.read_bytes() == b"line1\nline2\nx\n"
    errors = tmp_path / "err.txt"
    session.run(f"Write-Error 'bad' 2> '{errors}'; 'after'")
    assert errors.read_text() == "bad\n"
    assert session.errors() == []


def test_redirect_expression_output_to_file(session, tmp_path):
    target = tmp_path / "e.txt"
    assert session.run(f"$v = 'content'; $v > '{target}'") == []
    assert target.read_text() == "content\n"


def test_redirect_output_to_null(run):
    assert run("Write-Output 1 > $null; 'visible'") == ["visible"]


def test_streams_in_nested_function_redirected(session):
    out = session.run("function inner { Write-Warning 'deep' }; function outer { inner }; outer 3>&1")
    assert [str(o) for o in out] == ["deep"]
    assert session.host.kind("warning") == []


def test_warning_preference_stop(session):
    session.run("$WarningPreference = 'Stop'; Write-Warning 'w'; 'after'")
    assert session.host.kind("warning") == ["w"]
    assert 'The running command stopped because the preference variable "WarningPreference" or common ' \
           'parameter is set to Stop: w' in session.errors()[0]


def test_function_output_can_be_captured(run):
    assert run("function f { 1; 2 }; $r = f; $r.Count; $s = f | ForEach-Object { $_ * 10 }; $s") == [2, 10, 20]


def test_variable_assignment_inside_foreach_object_is_visible(run):
    assert run("1..3 | ForEach-Object { $last = $_ }; $last") == [3]
