"""Type names given as text at run time (``[type]'Foo'``, ``'Foo' -as [type]``,
``-is 'Foo'``, ``New-Object Foo``) and type constraints of parameters see
what the running script's using statements and classes give, as pwsh's
TypeResolutionState of the running scope does; two opened namespaces that
both have a name make it ambiguous.  A plain script's classes are types of
the scope its class statements ran in (and the scopes below it), not of the
whole session."""

from __future__ import annotations

import os

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


@pytest.fixture
def modules(tmp_path, s: Session) -> str:
    for name, text in (("TrA", "A"), ("TrB", "B")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.psm1").write_text(f"class Thing {{ [string] Who() {{ return '{text}' }} }}\n")
    s.run(f"$env:PSModulePath = '{tmp_path}{os.pathsep}' + $env:PSModulePath")
    return str(tmp_path)


def _script(s: Session, tmp_path, text: str) -> list[str]:
    path = tmp_path / "script.ps1"
    path.write_text(text)
    return s.text(f"& '{path}'")


def test_text_names_find_a_using_module_class(s: Session, modules: str, tmp_path) -> None:
    assert _script(s, tmp_path, "using module TrA\n"
                                "([type]'Thing').Name; ('Thing' -as [type]).Name\n"
                                "[Thing]::new() -is 'Thing'; (New-Object Thing).Who()\n") == ["Thing", "Thing",
                                                                                              "True", "A"]


def test_text_names_outside_the_script_do_not_see_its_module_classes(s: Session, modules: str, tmp_path) -> None:
    _script(s, tmp_path, "using module TrA\n[Thing]::new() | Out-Null\n")
    assert s.text("$null -eq ('Thing' -as [type])") == ["True"]


def test_a_text_name_two_using_modules_define_is_ambiguous(s: Session, modules: str) -> None:
    assert s.text("try { [scriptblock]::Create(\"using module TrA`nusing module TrB`n[type]'Thing'\").Invoke() } "
                  "catch { $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }") == \
        ["AmbiguousTypeReference"]


def test_text_names_use_the_opened_namespaces(s: Session, tmp_path) -> None:
    assert _script(s, tmp_path, "using namespace System.Text\n"
                                "('StringBuilder' -as [type]).FullName; (New-Object StringBuilder 'x').ToString()\n"
                                "[System.Text.StringBuilder]::new() -is 'StringBuilder'\n") == \
        ["System.Text.StringBuilder", "x", "True"]
    assert s.text("$null -eq ('StringBuilder' -as [type])") == ["True"]


def test_parameters_and_variables_use_the_opened_namespaces(s: Session, tmp_path) -> None:
    assert _script(s, tmp_path, "using namespace System.Threading\n"
                                "function f([Thread]$t = $null) { 'ran' }\n"
                                "function g { [CmdletBinding()] param([Thread]$t) 'advanced' }\n"
                                "f; g; [Thread]$x = $null; 'typed'\n") == ["ran", "advanced", "typed"]


def test_a_name_in_two_opened_namespaces_is_ambiguous(s: Session, tmp_path) -> None:
    assert _script(s, tmp_path, "using namespace System.Threading\nusing namespace System.Diagnostics\n"
                                "try { [ThreadState] } catch { $_.FullyQualifiedErrorId }\n"
                                "try { [type]'ThreadState' } catch { $_.FullyQualifiedErrorId }\n"
                                "$null -eq ('ThreadState' -as [type])\n") == \
        ["AmbiguousTypeReference", "AmbiguousTypeReference", "True"]
    assert _script(s, tmp_path, "using namespace System.Threading\n[ThreadState]::Background\n"
                                "[System.Diagnostics.ThreadState]::Wait.value__\n") == ["Background", "5"]


def test_a_script_class_is_a_type_of_the_scope_it_was_defined_in(s: Session, tmp_path) -> None:
    script = tmp_path / "define.ps1"
    script.write_text("class Made { [string] Hi() { return 'hi' } }\n[Made]::new()\n")
    assert s.text(f"$o = & '{script}'; $o.GetType().Name; $o -is [System.Object]; "
                  "try { [Made] } catch { $_.FullyQualifiedErrorId }; $null -eq ('Made' -as [type])") == \
        ["Made", "True", "TypeNotFound", "True"]
    assert s.text(f". '{script}' | Out-Null; [Made]::new().Hi(); ('Made' -as [type]).Name; "
                  "& { [Made]::new().Hi() }") == ["hi", "Made", "hi"]


def test_a_scope_class_types_parameters_and_variables_of_later_code(s: Session, tmp_path) -> None:
    script = tmp_path / "point.ps1"
    script.write_text("class Pt { [int]$X = 3 }\n")
    assert s.text(f". '{script}'\nfunction f([Pt]$p) {{ $p.X }}\nfunction g {{ param([Pt[]]$ps) $ps.Count }}\n"
                  "f ([Pt]::new()); g @([Pt]::new(), [Pt]::new()); [Pt[]]$a = @([Pt]::new()); "
                  "$a.GetType().Name") == ["3", "2", "Pt[]"]


def test_attributes_and_thread_types_of_opened_namespaces(s: Session, tmp_path) -> None:
    assert _script(s, tmp_path, "using namespace System.Runtime.CompilerServices\nusing namespace System.Threading\n"
                                "[CompilerGenerated()] class Marked { }\n"
                                "$a = New-Object CompilerGeneratedAttribute; \"$a\"\n"
                                "[Thread].FullName; [Marked]::new().GetType().Name\n") == \
        ["System.Runtime.CompilerServices.CompilerGeneratedAttribute", "System.Threading.Thread", "Marked"]


def test_the_current_thread(s: Session) -> None:
    assert s.text("$t = [System.Threading.Thread]::CurrentThread; $t.ManagedThreadId\n"
                  "$t -is [System.Threading.Thread]; $t.IsBackground; $t.IsAlive\n"
                  "[System.Threading.Thread]::CurrentThread.ManagedThreadId -eq $t.ManagedThreadId") == \
        ["1", "True", "False", "True", "True"]
