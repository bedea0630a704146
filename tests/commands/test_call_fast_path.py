"""Call sites: a function called with plain arguments runs through its call
plan (commands/call_plan.py) without a processor, and a site keeps the
command it resolved until a function, alias or cmdlet table changes.

Each script runs twice, in fresh sessions: as is, and with call plans and
kept commands switched off (every call then takes the processor path).
Output, errors with their ids, positions and invocation facts, ``$?`` and
the host's other streams must be the same; the tests also pin which calls
take the plan, so the cases that must fall back keep falling back.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.session import Shell
from pwshlike.commands import call_plan, commandinfo, resolution
from pwshlike.dotnet.conversions import to_string


def _observe(script: str) -> tuple[list[str], list[tuple[str, str, str]], list[Any]]:
    shell = Shell()
    output = [to_string(o) for o in shell.run(script)]
    errors = []
    for record in reversed(shell.errors()):
        info = record.invocation_info
        where = "" if info is None else f"{getattr(info.my_command, 'name', '')}@{info.position_message}"
        errors.append((record.fully_qualified_error_id, str(record), where))
    return output, errors, list(shell.host.lines)


def _general(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every call through the processor, every lookup at each call."""
    monkeypatch.setattr(commandinfo.FunctionInfo, "call_plan", lambda self, context, shape: None)
    original = resolution.CommandResolver.at_site

    def at_site(self: Any, context: Any, name: str, extent: Any) -> Any:
        return original(self, context, name, extent)[0], False
    monkeypatch.setattr(resolution.CommandResolver, "at_site", at_site)


def _planned_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = call_plan.CallPlan.call

    def call(self: Any, ctx: Any, info: Any, *rest: Any) -> bool:
        done = original(self, ctx, info, *rest)
        if done:
            calls.append(info.name)
        return done
    monkeypatch.setattr(call_plan.CallPlan, "call", call)
    return calls


SCRIPTS = {
    "invocation": r'''
        function f($a, $b) {
            $m = $MyInvocation
            "$($m.InvocationName) $($m.MyCommand.Name) $($m.PipelinePosition)/$($m.PipelineLength) $($m.ExpectingInput)"
            "$($m.ScriptLineNumber) $($m.OffsetInLine) [$($m.Line.Trim())]"
            ($PSBoundParameters.Keys -join ',') + ' ' + ($PSBoundParameters.Values -join ',')
            ($m.BoundParameters.Keys -join ',') + ' / ' + ($m.UnboundArguments -join ',')
            "args=$($args -join '|') n=$($args.Count) a=$a b=$b"
        }
        f 1
        f 1 2 3 4
        f -b x 7 8
        & f -a:5
        f -B 2 -A 1''',
    "variables": r'''
        function fi { "$($input.GetType().Name) $(@($input).Count)" }
        fi 1
        function ai { [CmdletBinding()] param($A) "$($input.GetType().Name) $(@($input).Count)" }
        ai 1
        function scopevars($a, $b = 'dflt') { (Get-Variable -Scope 0 | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ';' }
        scopevars 1
        scopevars -b 2 3 4
        function up { (Get-Variable -Name MyInvocation -Scope 1).Value.MyCommand.Name; (Get-Variable a -Scope 1).Value }
        function caller2($a) { up }
        caller2 'seen from up'
        function cmdlet_var { [CmdletBinding()] param($A) $PSCmdlet -eq $null; Get-Variable PSCmdlet -Scope 0 -ErrorAction Ignore | Measure-Object | ForEach-Object Count }
        cmdlet_var 1''',
    "advanced": r'''
        function g { [CmdletBinding()] param($A, $B, $C) "$A $B $C"; $PSBoundParameters.Keys -join ','; $input.Count }
        g -A 1 -B 2 -C 3
        g 1 2 3
        g -C 3 1 2
        g -Verbose -A 1
        g -ErrorAction Stop 1
        g 1 2 3 4
        g -D 4
        g -A 1 -A 2
        $PSDefaultParameterValues['g:B'] = 'dflt'
        g -A 1
        $PSDefaultParameterValues.Clear()
        g -A 1''',
    "fallbacks": r'''
        function t([int]$n) { $n * 2 }
        t 3
        t abc
        function s([switch]$on, $v) { "$on $v" }
        s -on 5
        s 5
        function m { param([Parameter(Mandatory)]$x) $x }
        m 4
        function p { param([Parameter(ValueFromPipeline)]$x) process { "p $x" } }
        p 5
        p { 1 }
        function v([ValidateRange(1, 3)]$x) { $x }
        v 2
        v 9
        function cl { param($x) end { "cl $x" } clean { 'clean output is discarded' } }
        cl 1
        function w { [CmdletBinding()] param($x) $PSCmdlet.MyInvocation.InvocationName }
        w 1
        f(1, 2)
        function f($a) { "f $a" }
        f(1, 2)''',
    "status": r'''
        function e { Write-Error 'bad' }
        function ok { 1 }
        e; "after e: $?"
        ok; "after ok: $?"
        function throws { throw 'boom' }
        try { throws } catch { "caught $($_.FullyQualifiedErrorId) $($_.InvocationInfo.MyCommand)" }
        throws; "after throws: $?"
        e 2>&1 | ForEach-Object { "redirected $_" }''',
    "flow": r'''
        function ret { return 5; 6 }
        ret
        function brk { break }
        for ($i = 0; $i -lt 3; $i++) { "i $i"; brk }
        function cont { continue }
        foreach ($i in 1..3) { cont; "never" }
        "after the loops"
        function deep($n) { deep ($n + 1) }
        deep 0
        $Error[0].FullyQualifiedErrorId''',
    "traps": r'''
        function thrower { throw 'inner' }
        function caller { trap { "trapped $_"; continue }; thrower; 'after' }
        caller
        function own { trap { "own trap $_"; continue }; throw 'x'; 'own after' }
        own''',
    "redefinition": r'''
        function f { 'one' }
        for ($i = 0; $i -lt 4; $i++) {
            f
            if ($i -eq 0) { function f { 'two' } }
            if ($i -eq 1) { Set-Alias f Write-Output; }
            if ($i -eq 2) { Remove-Item Alias:f; Remove-Item Function:f }
        }
        function Write-Output { 'shadowed' }
        for ($i = 0; $i -lt 2; $i++) { Write-Output real; if ($i -eq 0) { Remove-Item Function:Write-Output } }''',
    "scopes": r'''
        function f { 'global f' }
        function caller($local) {
            if ($local) { function f { 'local f' } }
            f
        }
        foreach ($l in $false, $true, $false) { caller $l }
        & { function f { 'block f' }; f }
        f
        function self { function self { 'redefined' }; 'first' }
        self; self''',
    "modules": r'''
        New-Module -Name Mfast -ScriptBlock { function mf { 'mf ' + (priv) }; function priv { 'private' }; Export-ModuleMember -Function mf } | Import-Module
        for ($i = 0; $i -lt 2; $i++) { mf }
        priv
        Remove-Module Mfast
        mf''',
    "stack": r'''
        function inner { (Get-PSCallStack | Select-Object -First 2 | ForEach-Object Command) -join ',' }
        function outer { inner }
        outer
        function failing { Write-Error 'oops' -ErrorAction Stop }
        try { failing } catch { $_.ScriptStackTrace -replace '\d+', 'N' }''',
    "strict": r'''
        Set-StrictMode -Version Latest
        function u($a) { $a; $undefined }
        u 1
        Set-StrictMode -Off
        u 2''',
    "blocks": r'''
        $sb = { param($a) "sb $a $($args -join ',') $($MyInvocation.InvocationName) [$($MyInvocation.MyCommand)]" }
        & $sb 1 2
        $sb2 = { "no params $args" }
        & $sb2 x y
        $closure = & { $v = 'captured'; { "closure $v" }.GetNewClosure() }
        & $closure
        foreach ($b in { "first $args" }, { param($p) "second $p" }, { [CmdletBinding()] param($q) "third $q" }) { & $b 9 }
        $m = New-Module -ScriptBlock { $secret = 's'; function inner($x) { "inner $secret $x" } }
        & $m inner 1
        & $m { "in module $secret $args" } 2
        function f2($x) { "f2 $x" }
        & 'f2' 3
        $name = 'f2'; & $name 4
        & (Get-Command f2) 5
        & $sb -a:6''',
    "pipelines": r'''
        function pf { process { "f $_" } }
        for ($i = 0; $i -lt 3; $i++) { $i | pf; if ($i -eq 1) { function pf { process { "g $_" } } } }
        1, 2 | Write-Output | pf
        for ($i = 0; $i -lt 2; $i++) { 1 | Write-Output; if ($i -eq 0) { function Write-Output { process { "mine $_" } } } }''',
    "defaults": r'''
        $x = 'caller'
        function d($a = $x, $b = (Get-Variable x -Scope 0 -ErrorAction SilentlyContinue).Value) { "$a [$b]" }
        d
        d 1''',
    "lean": r'''
        function d2($a, $b = $a * 2, $c) { "$a $b [$c]" }
        d2 3; d2 3 4 5
        function argsdistinct { $args[0] = 'changed'; "$args / $($MyInvocation.UnboundArguments)" }
        argsdistinct 1 2
        function en { $input.MoveNext(); $input.GetType().Name }
        en
        function frames { (Get-PSCallStack)[0].GetFrameVariables().Keys -join ',' }
        function outerframes($q) { frames }
        outerframes 1
        function vars($p) { (Get-PSCallStack)[1].GetFrameVariables()['p'].Value }
        function callvars($p) { vars 2 }
        callvars 'outer p'
        function nested { function nested2 { throw 'deep' }; nested2 }
        try { nested } catch { $_.ScriptStackTrace -replace '\d+', 'N' }
        function withbegin($a) { begin { "begin $a" } end { "end $a $($args.Count)" } }
        withbegin 1 2
        function counter { $script:n++; if ($script:n -lt 3) { counter } ; "depth $script:n" }
        counter''',
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_planned_calls_behave_as_the_processor_path(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _observe(SCRIPTS[name])
    _general(monkeypatch)
    assert fast == _observe(SCRIPTS[name])


def test_plain_calls_take_the_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _planned_calls(monkeypatch)
    shell = Shell()
    shell.run("function f($a) { $a + 1 }; function g { [CmdletBinding()] param($A, $B) }; f 1; f -a 2; & f 3; "
              "g -A 1 -B 2; g 1 2; $sb = { param($x) }; & $sb 1; & { } 1 2")
    assert calls == ["f", "f", "f", "g", "g", "", ""]


def test_end_only_functions_with_untyped_parameters_run_lean(monkeypatch: pytest.MonkeyPatch) -> None:
    lean: list[str] = []
    original = call_plan.CallPlan._run_lean

    def run_lean(self: Any, ctx: Any, sb: Any, *rest: Any) -> None:
        lean.append(rest[3].my_command.name)  # rest: lean, values, bound, invocation, ...
        original(self, ctx, sb, *rest)
    monkeypatch.setattr(call_plan.CallPlan, "_run_lean", run_lean)
    shell = Shell()
    assert shell.text("function f($a, $b = 2) { $a + $b }; function g { [CmdletBinding()] param($A) $A }; "
                      "function hb($a) { begin { 'b' } end { $a } }; function k($args) { 'k' }; "
                      "f 1; g 5; hb 3; k 4") == ["3", "5", "b", "3", "k"]
    assert lean == ["f", "g"]


@pytest.mark.parametrize("call", [
    "t 1",              # typed parameter: the binder converts
    "s -on",            # switch
    "m 1",              # a mandatory parameter in the function
    "p 1",              # a pipeline parameter bound from the command line
    "v 1",              # validation
    "c 1",              # clean block
    "w 1",              # $PSCmdlet
    "g -Verbose",       # common parameter
    "g 1 2 3",          # more positional values than an advanced function takes
    "g -Q 1",           # unknown parameter
    "g -A 1 -A 2",      # bound twice
    "f -zz 1",          # a simple function's unknown -name goes to $args as a token
    "f @h",             # splatting
    "f 1 > $null",      # redirection
    ". f 1",            # dot-sourced
    "f(1, 2)",          # method-call syntax (checked under StrictMode)
])
def test_unusual_calls_take_the_processor_path(call: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shell = Shell()
    shell.run(r'''
        function t([int]$n) { } ; function s([switch]$on) { } ; function m { param([Parameter(Mandatory)]$x) }
        function p { param([Parameter(ValueFromPipeline)]$x) } ; function v([ValidateRange(1, 3)]$x) { }
        function c { param($x) clean { } } ; function w { [CmdletBinding()] param($x) $PSCmdlet }
        function g { [CmdletBinding()] param($A) } ; function f($a) { } ; $h = @{ a = 1 }''')
    calls = _planned_calls(monkeypatch)
    shell.run(call)
    assert calls == []


def test_psdefaultparametervalues_sends_advanced_calls_through_the_binder(monkeypatch: pytest.MonkeyPatch) -> None:
    shell = Shell()
    calls = _planned_calls(monkeypatch)
    assert shell.text("function g { [CmdletBinding()] param($A, $B) \"$A $B\" }; "
                      "$PSDefaultParameterValues['g:B'] = 2; g -A 1") == ["1 2"]
    assert calls == []


def test_site_follows_every_change_of_the_command_tables() -> None:
    shell = Shell()
    script = r'''
        function probe { f }
        function f { 'function' }
        probe
        Set-Alias f Get-Location -Scope Global; (probe).GetType().Name
        Remove-Item Alias:f; probe
        Remove-Item Function:f
        try { probe } catch { $_.FullyQualifiedErrorId }
        New-Module -ScriptBlock { function f { 'module' } } | Import-Module
        probe'''
    assert shell.text(script) == ["function", "PathInfo", "function", "CommandNotFoundException", "module"]


def test_site_follows_module_autoloading_and_removal(tmp_path: Any) -> None:
    module = tmp_path / "AFast"
    module.mkdir()
    (module / "AFast.psm1").write_text('function Get-AFast { "afast $args" }\n')
    shell = Shell()
    shell.run(f"$env:PSModulePath = '{tmp_path}' + [IO.Path]::PathSeparator + $env:PSModulePath")
    script = r'''
        for ($i = 0; $i -lt 4; $i++) {
            try { Get-AFast $i } catch { $_.FullyQualifiedErrorId }
            if ($i -eq 0) { Remove-Module AFast; $PSModuleAutoLoadingPreference = 'None' }
            if ($i -eq 2) { $PSModuleAutoLoadingPreference = 'All' }
        }'''
    assert shell.text(script) == ["afast 0", "CommandNotFoundException", "CommandNotFoundException", "afast 3"]


def test_a_site_inside_a_function_sees_each_call_s_scopes() -> None:
    shell = Shell()
    script = r'''
        function Get-Random { 'global' }
        function inner { Get-Random }
        function outer { function Get-Random { 'nested' }; inner }
        inner; outer; inner
        Remove-Item Function:Get-Random
        (inner).GetType().Name'''
    assert shell.text(script) == ["global", "nested", "global", "Int32"]
