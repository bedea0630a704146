"""Start-up: what a plain script's process does before the script runs.

The cyclic garbage collector waits while the session is built (start-up
creates tens of thousands of long-lived objects and almost no garbage) and
is back on, as it was, before any script or profile code runs."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from pwshlike import cli
from pwshlike.host import session as host_session


@pytest.fixture
def seen(monkeypatch):
    """Records whether the collector was on each time the session ran text."""
    states: list[bool] = []
    run = host_session.Session.run

    def recording(self, *args, **kwargs):
        states.append(gc.isenabled())
        return run(self, *args, **kwargs)

    monkeypatch.setattr(host_session.Session, "run", recording)
    return states


def test_the_collector_is_on_when_the_script_runs_and_after(seen, capsys):
    assert gc.isenabled()
    assert cli.main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"]) == 0
    assert capsys.readouterr().out == "1\n"
    assert seen == [True]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_embedding_program_stays_off(seen, capsys):
    gc.disable()
    try:
        assert cli.main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"]) == 0
        assert seen == [False]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_on_after_an_early_exit(capsys):
    assert cli.main(["-Version"]) == 0
    assert cli.main(["-NoSuchParameter"]) == 64
    assert gc.isenabled()


PROBE = r"""
import json, sys
from pwshlike.cli import main
code = main(["-NoProfile", "-NonInteractive", "-Command", sys.argv[1]])
sys.stdout.flush()
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(tmp_path, command: str) -> tuple[str, set[str]]:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", PROBE, command], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    return result.stdout, set(report["modules"])


def test_a_plain_script_imports_neither_uuid_nor_platform(tmp_path):
    """(The first start writes the entry-point cache; importlib.metadata, which
    reads the entry points, imports threading among others.)"""
    _run(tmp_path, "Write-Output 1")
    out, modules = _run(tmp_path, "Write-Output 1; $PSVersionTable.OS.Length -gt 0")
    assert out == "1\nTrue\n"
    assert not {"uuid", "platform", "threading", "copy", "pluggy", "inspect"} & modules


def test_a_plain_script_imports_no_typing(tmp_path):
    """``typing`` costs a few milliseconds to import, a tenth of what a
    plain script's start-up may spend: the modules on that path (the plugins
    loaded at start-up too) import it under ``TYPE_CHECKING = False`` /
    ``if TYPE_CHECKING:``, for annotations only, and keep their type aliases
    there.  A function with typed parameters still runs."""
    _run(tmp_path, "Write-Output 1")
    out, modules = _run(tmp_path, "function f([int]$a, [string]$b = 'x') { \"$b$($a + 1)\" }; f 1; f -a 2 -b y")
    assert out == "x2\ny3\n"
    assert "typing" not in modules


def test_a_plain_script_loads_no_zlib_bisect_unicodedata_weakref_nor_datetime_py(tmp_path):
    """The entry-point cache's name is an FNV-1a hash (zlib's crc32 cost an
    extension module), line numbers load bisect and cell widths of
    characters from U+1100 load unicodedata when first needed; both still
    work.  The engine takes datetime's classes from _datetime, which
    datetime.py re-exports after defining a pure-Python twin of each, and
    the plugin host its weak references from _weakref/_weakrefset; the
    tables of a script's using namespaces and classes become weak when
    first filled (the test below)."""
    _run(tmp_path, "Write-Output 1")
    out, modules = _run(tmp_path, "Write-Output 1")
    assert out == "1\n"
    assert not {"zlib", "bisect", "unicodedata", "datetime", "weakref"} & modules
    assert list((tmp_path / "cache" / "pwshlike").glob("entry-points-????????.txt"))
    out, modules = _run(tmp_path, "try { throw 'x' } catch { $_.InvocationInfo.ScriptLineNumber }; "
                                  "[pscustomobject]@{ A = '\u6f22\u5b57' } | Format-Table | Out-String -Width 20")
    assert out.split() == ["1", "A", "-", "\u6f22\u5b57"]
    assert {"bisect", "unicodedata"} <= modules


def test_the_built_in_functions_are_parsed_when_first_used(capsys):
    """cd.., cd\\, cd~ and Clear-Host are defined in every session but
    parsed when a script first reads or runs one (a plain script does not)."""
    from pwshlike.commands import BUILTIN_FUNCTIONS, _ParsedOnFirstUse
    from pwshlike.host.console import ConsoleHost
    from pwshlike.host.session import build_session
    from pwshlike.runtime.scriptblock import ScriptBlockCode
    session = build_session(ConsoleHost(non_interactive=True))
    functions = session.context.session.global_scope.functions

    def parsed(name: str) -> bool:
        code = functions[name.lower()].code
        assert type(code) is _ParsedOnFirstUse
        return ScriptBlockCode.ast.__get__(code, ScriptBlockCode) is not None

    session.run("Write-Output 1")
    assert not any(parsed(name) for name, _ in BUILTIN_FUNCTIONS)
    session.run("(Get-Command cd~).Definition; ${function:cd..}.Ast.EndBlock.Statements.Count; "
                "(Get-Command Clear-Host).ScriptBlock.Ast.Extent.Text.Contains('.SYNOPSIS')")
    session.host.flush()
    assert capsys.readouterr().out.splitlines() == ["1", "Set-Location ~", "1", "True"]
    assert parsed("cd~") and parsed("cd..") and parsed("Clear-Host") and not parsed("cd\\")


def test_module_files_are_looked_for_when_first_needed(tmp_path):
    """The module path's search (modules.paths) and manifests load with the
    first Import-Module, Get-Module -ListAvailable or autoload from disk."""
    _run(tmp_path, "Write-Output 1")
    out, modules = _run(tmp_path, "Write-Output 1")
    on_demand = {"pwshlike.modules.paths", "pwshlike.modules.manifest", "pwshlike.modules.manifest_parts",
                 "pwshlike.modules.type_definitions"}
    assert not on_demand & modules
    folder = tmp_path / "mods" / "Tiny"
    folder.mkdir(parents=True)
    (folder / "Tiny.psm1").write_text("function Get-Tiny { 'tiny' }\n")
    out, modules = _run(tmp_path, f"$env:PSModulePath = '{tmp_path / 'mods'}'; Get-Tiny; "
                                  "(Get-Module -ListAvailable Tiny).Name")
    assert out == "tiny\nTiny\n"
    assert {"pwshlike.modules.paths", "pwshlike.modules.manifest"} <= modules


def test_validation_and_class_checks_load_when_a_script_needs_them(tmp_path):
    """The [Validate*()] checks load with the first such attribute, the
    class checks with the first class parsed and the using checks with the
    first using statement (the type and module lookups for them wait in
    the parser), the parse error texts with the first parse error."""
    _run(tmp_path, "Write-Output 1")
    out, modules = _run(tmp_path, "Write-Output 1")
    assert not {"pwshlike.commands.validation", "pwshlike.language.class_checks", "pwshlike.dotnet.wildcard",
                "pwshlike.language.using_checks", "pwshlike.language.parse_messages"} & modules
    out, modules = _run(tmp_path, "function f { param([ValidateSet('a')]$x) $x }; f a; "
                                  "try { f b } catch { $_.FullyQualifiedErrorId }; "
                                  "try { [scriptblock]::Create('class C : NoSuchBase {}') } "
                                  "catch { $_.Exception.InnerException.Errors[0].ErrorId }")
    assert out == "a\nParameterArgumentValidationError,f\nTypeNotFound\n"
    assert {"pwshlike.commands.validation", "pwshlike.language.class_checks"} <= modules
    out, modules = _run(tmp_path, "$t = $e = $null; $null = [System.Management.Automation.Language.Parser]::"
                                  "ParseInput('using module NoSuchModuleX', [ref]$t, [ref]$e); $e[0].ErrorId")
    assert out == "ModuleNotFoundDuringParse\n"
    assert "pwshlike.language.using_checks" in modules


def test_using_namespaces_and_classes_in_a_fresh_process(tmp_path):
    out, modules = _run(tmp_path, "using namespace System.Text; [StringBuilder]::new('x').Append('y').ToString(); "
                                  "class K { [int] $v = 2 }; [K]::new().v; [K].Name")
    assert out == "xy\n2\nK\n"
    assert "weakref" in modules


OBJECT_MODEL_ON_DEMAND = {"pwshlike.dotnet.operators", "pwshlike.dotnet.members", "pwshlike.dotnet.member_tables",
                          "pwshlike.dotnet.script_objects", "pwshlike.dotnet.delegates"}


def test_a_plain_script_loads_no_operators_nor_member_lookup(tmp_path):
    """The operators and the member lookup (with its type tables, script
    classes and delegates) load when the first operator, switch pattern,
    member or index access, or class is compiled, or when an object's
    properties are formatted: printing plain values needs none."""
    _run(tmp_path, "Write-Output 1")
    out, modules = _run(tmp_path, "Write-Output 1; 'a'; 2.5; $true; $x = 3; $x")
    assert out == "1\na\n2.5\nTrue\n3\n"
    assert not OBJECT_MODEL_ON_DEMAND & modules


@pytest.mark.parametrize("script, expected", [
    ("1 + 2; -5; 'x' -match 'x'; $Matches[0]", "3\n-5\nTrue\nx\n"),
    ("switch -Wildcard ('ab') { 'a*' { 'wild' } }; $i = 1; $i++; $i += 2; $i", "wild\n4\n"),
    ("$o = [pscustomobject]@{ a = 1 }; $o.a = 5; $o.a += 2; $o.a; 'abc'.ToUpper(); @(1, 2)[1]", "7\nABC\n2\n"),
    ("class C { [int] $n = 3; [int] Twice() { return $this.n * 2 } }; [C]::new().Twice()", "6\n"),
    ("(Get-Item .).GetType().Name", "DirectoryInfo\n"),
])
def test_the_object_model_loads_for_the_first_script_that_needs_it(tmp_path, script, expected):
    out, modules = _run(tmp_path, script)
    assert out == expected


@pytest.mark.parametrize("script", [
    # Set-StrictMode runs before the reads are compiled (a script block compiles when first run)...
    "Set-StrictMode -Version 3; & { $o = [pscustomobject]@{ a = 1 }; try { $o.b } catch { $_.FullyQualifiedErrorId }; "
    "$a = @(1); try { $a[5] } catch { $_.FullyQualifiedErrorId } }",
    # ... or after: the checking readers take over either way.
    "$o = [pscustomobject]@{ a = 1 }; $a = @(1); Set-StrictMode -Version 3; "
    "try { $o.b } catch { $_.FullyQualifiedErrorId }; try { $a[5] } catch { $_.FullyQualifiedErrorId }",
])
def test_strict_mode_checks_member_and_index_reads_whenever_the_member_lookup_loads(tmp_path, script):
    out, modules = _run(tmp_path, script)
    assert out == "PropertyNotFoundStrict\nSystem.IndexOutOfRangeException\n"


def test_a_guid_made_outside_the_type_table_has_its_type_and_members_on_first_use(tmp_path):
    """$Host.InstanceId is made by the host (uuid imported there), before any
    [guid] lookup: GetType(), its methods and -is still find System.Guid."""
    out, modules = _run(tmp_path, "$id = $Host.InstanceId; $id.GetType().FullName; $id.ToString('N').Length; "
                                  "$id.Equals($id); $id -is [guid]; ($id | Get-Member -MemberType Method).Count")
    assert out == "System.Guid\n32\nTrue\nTrue\n6\n"
    assert "uuid" in modules


def test_a_dot_sourced_command_is_what_copy_copy_gives():
    """FunctionInfo.dot_sourced clones without the copy module (every
    -Command text is dot-sourced); the clone is copy.copy's, dot-sourced."""
    import copy
    from pwshlike.commands.commandinfo import FunctionInfo
    info = FunctionInfo("f", None)
    clone, expected = info.dot_sourced(), copy.copy(info)
    expected.dot_source = True
    assert type(clone) is FunctionInfo and clone is not info
    assert clone.__dict__ == expected.__dict__
    assert info.dot_source is False


def test_a_plain_script_imports_no_error_layout_nor_view_and_an_error_still_shows(tmp_path):
    """host.errorview (``$ErrorView``'s layouts) is imported by the first
    error written, pwsh's own views (builtin_views) by the first object that
    could have one, modules.using_module by the first ``using module``,
    runtime.script_classes by the first class, not at start-up."""
    _run(tmp_path, "Write-Output 1")
    out, modules = _run(tmp_path, "Write-Output 1; 'a'; 2.5; $true")
    assert out == "1\na\n2.5\nTrue\n"
    assert not {"pwshlike.host.errorview", "pwshlike.formatting.builtin_views", "pwshlike.modules.using_module",
                "pwshlike.formatting.table", "pwshlike.formatting.listing", "pwshlike.host.interactive",
                "pwshlike.runtime.script_classes", "pwshlike.runtime.class_rules"} & modules
    out, modules = _run(tmp_path, "[timespan]::FromSeconds(1) | Format-List Days, Seconds")
    assert "Seconds : 1" in out and "pwshlike.formatting.builtin_views" in modules
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command",
                             "Write-Error boom; Write-Output after"], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    assert result.stdout == "after\n"
    assert "Write-Error: boom" in result.stderr


COMPILE_PROBE = r"""
import builtins, sys
compiled = []
real = builtins.compile
def counting(*args, **kwargs):
    if isinstance(args[0], str):  # not the import system's (bytes) for a module without bytecode
        compiled.append(args[0][:60])
    return real(*args, **kwargs)
builtins.compile = counting
from pwshlike.cli import main
code = main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"])
sys.stdout.flush()
print(repr(compiled), file=sys.stderr)
"""


def test_a_plain_script_calls_no_compile(tmp_path):
    """The first compile() of a process costs about a millisecond (a
    typing.NamedTuple class or a subscript with a string forward reference
    compiles its annotations): a plain script's start-up calls none."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    for _ in range(2):  # the first start writes the entry-point cache
        result = subprocess.run([sys.executable, "-c", COMPILE_PROBE], capture_output=True, text=True, env=env,
                                cwd=tmp_path, timeout=120)
    assert result.stdout == "1\n"
    assert result.stderr.strip().splitlines()[-1] == "[]"


METADATA_PROBE = r"""
import sys
from pwshlike.cli import main
main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"])
sys.stdout.flush()
from pwshlike.commands.builtins import output
from pwshlike.commands.metadata import CommandMetadata
built = sorted(name for name, cls in vars(output).items()
               if isinstance(cls, type) and isinstance(vars(cls).get("metadata"), CommandMetadata))
write_host = output.WriteHostCommand.metadata
same = write_host is object.__new__(output.WriteHostCommand).metadata
print(built, type(write_host).__name__, same, "object" in write_host.parameters, file=sys.stderr)
"""


def test_a_cmdlet_class_builds_its_metadata_when_first_read(tmp_path):
    """Write-Output's module declares seven cmdlets; running Write-Output
    builds its metadata only, and another's is built (once) when read."""
    result = subprocess.run([sys.executable, "-c", METADATA_PROBE], capture_output=True, text=True, cwd=tmp_path,
                            timeout=120)
    assert result.stdout == "1\n"
    assert result.stderr.strip().splitlines()[-1] == "['WriteOutputCommand'] CommandMetadata True True"
