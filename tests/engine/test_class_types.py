"""Where script classes are visible and what their definition must meet,
as in pwsh 7.4: ``using namespace`` shortens type names, ``using module``
imports a module's classes (which plain Import-Module callers do not see),
a name two imported modules define is ambiguous, Get-Member lists a class's
members, and a class that cannot be built reports pwsh's error when it runs."""

from __future__ import annotations

import os

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


@pytest.fixture
def modules(tmp_path, s: Session) -> str:
    for name, text in (("ModA", "A"), ("ModB", "B")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.psm1").write_text(f"class Thing {{ [string] Who() {{ return '{text}' }} }}\n"
                                            f"class Only{name} {{ }}\n")
    s.run(f"$env:PSModulePath = '{tmp_path}{os.pathsep}' + $env:PSModulePath")
    return str(tmp_path)


def test_using_namespace_shortens_type_names(s: Session) -> None:
    assert s.text("$b = [scriptblock]::Create(\"using namespace System.Text`n[StringBuilder]::new('x').ToString()\")"
                  "; $b.Invoke()") == ["x"]


def test_using_module_imports_the_module_classes(s: Session, modules: str) -> None:
    assert s.text("[scriptblock]::Create(\"using module ModA`nclass Sub : Thing { }`n"
                  "[Sub]::new().Who(); [ModA.Thing]::new().Who()\").Invoke()") == ["A", "A"]


def test_a_module_class_is_not_seen_without_using(s: Session, modules: str) -> None:
    assert s.text("Import-Module ModA; try { [OnlyModA] } catch { $_.FullyQualifiedErrorId }") == ["TypeNotFound"]


def test_a_name_two_using_modules_define_is_ambiguous(s: Session, modules: str) -> None:
    assert s.text("try { [scriptblock]::Create(\"using module ModA`nusing module ModB`n[Thing]\").Invoke() } "
                  "catch { $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }; "
                  "[scriptblock]::Create(\"using module ModA`nusing module ModB`n[ModB.Thing]::new().Who()\")"
                  ".Invoke()") == ["AmbiguousTypeReference", "B"]


def test_a_module_that_does_not_exist(s: Session) -> None:
    assert s.text("try { [scriptblock]::Create(\"using module NoSuchModule`n1\").Invoke() } catch { "
                  "$_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }") == ["ModuleNotFoundDuringParse"]


def test_get_member_lists_class_members(s: Session) -> None:
    script = ("class P { [int]$X; hidden [int]$H; [int] Add([int]$a) { return $a } static [string] Hi() { return 'hi' } }\n"
              "$p = [P]::new()\n")
    assert s.text(script + "($p | Get-Member -MemberType Property,Method | "
                  "Where-Object Name -in 'X','H','Add').Definition") == ["int Add(int a)", "int X {get;set;}"]
    assert s.text(script + "($p | Get-Member -Force -Name H).Definition; ([P] | Get-Member -Static -Name Hi).Definition"
                  ) == ["int H {get;set;}", "static string Hi()"]


@pytest.mark.parametrize("definition, error_id", [
    ("class S : string { }", "SealedBaseClass"),
    ("class A { }; class B { }; class C : A, B { }", "InterfaceNameExpected"),
    ("class A { }; class B : A[] { }", "SubtypeArray"),
    ("class C : System.IComparable { }", "TypeCreationError"),
    ("class C : System.IComparable { [void] CompareTo([object]$o) { } }", "TypeCreationError"),
    ("class A { A([int]$a) { } }; class B : A { }", "BaseClassNoDefaultCtor"),
    ("class A : B { }; class B { }", "TypeNotFound"),
])
def test_a_class_that_cannot_be_built(s: Session, definition: str, error_id: str) -> None:
    assert s.text(f"try {{ [scriptblock]::Create('{definition}').Invoke() }} catch {{ "
                  "$_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }") == [error_id]


def test_a_class_deriving_from_file_system_info_implements_its_abstract_members(s: Session) -> None:
    # Fresh session: [System.IO.FileSystemInfo] resolves before any file system listing.
    assert s.text("try { & ([scriptblock]::Create('class W : System.IO.FileSystemInfo { [string] $Name }')) } "
                  "catch { $_.FullyQualifiedErrorId; $_.Exception.Message }") == [
        "TypeCreationError", 'Error during creation of type "W". Error message:\n'
        "Method 'get_Exists' in type 'W' from assembly 'PowerShell Class Assembly, Version=1.0.0.1, "
        "Culture=neutral, PublicKeyToken=null' does not have an implementation."]
    assert s.text("class F : System.IO.FileSystemInfo {\n[string]$Name\n[bool]$Exists\n"
                  "F([string]$p) { $this.Name = $p; $this.Exists = $true }\n[void] Delete() { }\n}\n"
                  "$f = [F]::new('x'); $f.Name; $f.Exists") == ["x", "True"]


def test_a_class_implementing_an_interface(s: Session) -> None:
    assert s.text("class C : System.IComparable { [int]$V; [int] CompareTo([object]$o) { return $this.V - $o.V } }\n"
                  "$c = [C]::new(); $c -is [System.IComparable]; "
                  "[C].GetInterface('System.IComparable').FullName") == ["True", "System.IComparable"]


def test_invoke_reports_a_script_error_as_the_method_failure(s: Session) -> None:
    assert s.text("try { { throw 'bad' }.Invoke() } catch { $_.Exception.GetType().Name; $_.Exception.Message; "
                  "$_.Exception.InnerException.Message }") == [
        "MethodInvocationException", 'Exception calling "Invoke" with "0" argument(s): "bad"', "bad"]


def test_a_module_class_runs_in_the_module(s: Session, tmp_path) -> None:
    module = tmp_path / "Counter.psm1"
    module.write_text("$start = $args[0]\nclass Counter { $Value = $start; [int] Next() { return ++$this.Value } }\n"
                      "function New-Counter { [Counter]::new() }\n")
    assert s.text(f"Import-Module '{module}' -ArgumentList 41; (New-Counter).Next(); "
                  "(& (Get-Module Counter) { [Counter]::new() }).Value") == ["42", "41"]


def test_new_object_finds_the_script_classes(s: Session, modules: str) -> None:
    assert s.text("[scriptblock]::Create(\"using module ModB`n(New-Object Thing).Who(); (New-Object ModB.Thing).Who()\")"
                  ".Invoke(); try { New-Object NoSuchType } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }"
                  ) == ["B", "B", "TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand",
                        "Cannot find type [NoSuchType]: verify that the assembly containing this type is loaded."]


def test_a_module_lists_its_type_definitions(s: Session, modules: str) -> None:
    assert s.text("$m = Import-Module ModA -PassThru; $d = $m.GetExportedTypeDefinitions(); $d.Count; "
                  "$d['OnlyModA'].GetType().Name; $d['Thing'].Name; ($m.ImplementingAssembly.GetTypes().Name | "
                  "Sort-Object) -join ','; $null -eq (Get-Module Microsoft.PowerShell.Utility).ImplementingAssembly"
                  ) == ["2", "TypeDefinitionAst", "Thing", "OnlyModA,Thing", "True"]


def test_a_type_name_finds_the_class_of_the_nearest_block(s: Session) -> None:
    assert s.text("& { class C { [string] W() { return 'one' } }; [C]::new().W() }\n"
                  "& { class C { [string] W() { return 'two' } }; [C]::new().W() }\n"
                  "try { & { [C]::new().W() } } catch { $_.FullyQualifiedErrorId }") == ["one", "two", "TypeNotFound"]


def test_a_script_file_run_again_keeps_its_classes(s: Session, tmp_path) -> None:
    script = tmp_path / "counter.ps1"
    script.write_text("class K { static [int]$N }\n[K]::N++\n[K]::N\n")
    assert s.text(f"& '{script}'; & '{script}'") == ["1", "2"]


def test_the_parser_reports_a_using_module_that_does_not_exist(s: Session, modules: str) -> None:
    assert s.text("$e = $null; $null = [System.Management.Automation.Language.Parser]::ParseInput("
                  "'using module NoSuchModule', [ref]$null, [ref]$e); $e.ErrorId; "
                  "$null = [System.Management.Automation.Language.Parser]::ParseInput('using module ModA', [ref]$null, "
                  "[ref]$e); $e.Count") == ["ModuleNotFoundDuringParse", "0"]


def test_nested_modules_classes(s: Session, tmp_path) -> None:
    root = tmp_path / "Outer"
    (root / "Inner").mkdir(parents=True)
    (root / "Inner" / "Inner.psm1").write_text("class A { [string] Who() { return 'inner' } }\n"
                                                "class B { [string] Who() { return 'b' } }\n")
    (root / "Outer.psm1").write_text("class A { [string] Who() { return 'outer' } }\n")
    (root / "Outer.psd1").write_text("@{ RootModule = 'Outer.psm1'; ModuleVersion = '1.0'; NestedModules = @('Inner') }\n")
    s.run(f"$env:PSModulePath = '{tmp_path}{os.pathsep}' + $env:PSModulePath")
    assert s.text("(Get-Module Outer -ListAvailable).GetExportedTypeDefinitions().Count; "
                  "(Import-Module Outer -PassThru).GetExportedTypeDefinitions().Count; "
                  "[scriptblock]::Create(\"using module Outer`n[A]::new().Who(); [B]::new().Who()\").Invoke(); "
                  "& (Get-Module Outer) { (New-Object B).Who() }") == ["2", "2", "outer", "b", "b"]
