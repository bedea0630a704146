"""Add-Member and Get-Member."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    s = Session()
    s.run("$o = [pscustomobject]@{a = 1}")
    return s


def test_note_property_forms(s: Session) -> None:
    s.run("$o | Add-Member -NotePropertyName b -NotePropertyValue 2\n"
          "$o | Add-Member -MemberType NoteProperty -Name c -Value 3\n"
          "$o | Add-Member NoteProperty d 4\n"
          "$o | Add-Member e 5\n"
          "$o | Add-Member -NotePropertyMembers ([ordered]@{f = 6; g = 7})")
    assert s.run("$o.psobject.Properties.Name -join ','") == ["a,b,c,d,e,f,g"]
    assert s.run("$o.g") == [7]


def test_script_property_alias_property_and_script_method(s: Session) -> None:
    s.run("$o | Add-Member -MemberType ScriptProperty -Name Double -Value { $this.a * 2 } "
          "-SecondValue { param($v) $this.a = $v / 2 }\n"
          "$o | Add-Member -MemberType AliasProperty -Name Alpha -Value a\n"
          "$o | Add-Member -MemberType ScriptMethod -Name Greet -Value { param($who) \"hi $who from $($this.a)\" }")
    assert s.run("$o.Double") == [2]
    assert s.run("$o.Alpha") == [1]
    assert s.run("$o.Greet('you')") == ["hi you from 1"]
    s.run("$o.Double = 10")
    assert s.run("$o.a") == [5]
    s.run("$o.Alpha = 7")
    assert s.run("$o.a, $o.Double") == [7, 14]
    # A method is not a property: it is left out of the object's properties.
    assert s.run("$o.psobject.Properties.Name -join ','") == ["a,Double,Alpha"]
    assert s.run("\"$o\"") == ["@{a=7; Double=14; Alpha=7}"]


def test_script_property_without_setter(s: Session) -> None:
    s.run("$o | Add-Member -MemberType ScriptProperty -Name P -Value { 1 }\n$o.P = 2")
    assert str(s.errors()[0]) == 'Set accessor for property "P" is unavailable.'


def test_existing_member_needs_force(s: Session) -> None:
    s.run("$o | Add-Member -NotePropertyName a -NotePropertyValue 9")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"
    assert str(error) == ('Cannot add a member with the name "a" because a member with that name already exists. '
                          "To overwrite the member anyway, add the Force parameter to your command.")
    assert s.run("$o.a") == [1]
    s.run("$o | Add-Member -NotePropertyName a -NotePropertyValue 9 -Force")
    assert s.run("$o.a") == [9]
    s.run("$o | Add-Member -NotePropertyName ToString -NotePropertyValue 1 -Force")
    assert s.errors()[0].fully_qualified_error_id.startswith("CannotRemoveTypeDataMember")


def test_pass_thru_and_type_name(s: Session) -> None:
    result = s.one("$o | Add-Member -NotePropertyName z -NotePropertyValue 0 -TypeName My.Thing -PassThru")
    assert result.type_names[0] == "My.Thing"
    assert s.run("$o | Add-Member -TypeName int -PassThru | % { $_.PSTypeNames[0] }") == ["System.Int32"]


def test_member_type_errors(s: Session) -> None:
    s.run("$o | Add-Member -MemberType Method -Name M -Value 1")
    assert s.errors()[0].fully_qualified_error_id.startswith("CannotAddMemberType,")
    s.run("$o | Add-Member -MemberType NoteProperty -Name N -Value 1 -SecondValue 2")
    assert str(s.errors()[0]).startswith('The SecondValue parameter is not necessary for a member of type '
                                         '"NoteProperty"')


def test_members_on_other_objects(s: Session) -> None:
    s.run("$h = @{k = 1}; $h | Add-Member -NotePropertyName extra -NotePropertyValue 5")
    assert s.run("$h.extra, $h.k") == [5, 1]
    s.run("1 | Add-Member -NotePropertyName n -NotePropertyValue 1")
    assert s.errors()[0].fully_qualified_error_id.startswith("CannotAddInstanceMember,")


def test_members_on_a_string_come_back_with_pass_thru(s: Session) -> None:
    s.run("$t = 'abc' | Add-Member -NotePropertyName n -NotePropertyValue 1 -TypeName My.Text -PassThru\n"
          "$t = $t | Add-Member -MemberType ScriptMethod -Name Twice -Value { $this + $this } -PassThru")
    assert s.run("$t.n, $t.Twice(), $t.Length, $t.ToUpper()") == [1, "abcabc", 3, "ABC"]
    assert s.run("($t -is [string]), ($t -eq 'abc'), $t.PSTypeNames[0]") == [True, True, "My.Text"]
    assert s.run("'abc'.n") == [None]
    assert s.run("(Add-Member -InputObject a -MemberType AliasProperty -Name Cnt -Value Length -SecondValue string "
                 "-PassThru).Cnt.GetType().Name") == ["String"]
    # A number that names one member type binds -MemberType; any other is a note property's name.
    assert s.run("(Add-Member -InputObject a 16 sp {1+1} -PassThru).sp") == [2]
    assert s.run("(Add-Member -InputObject a 23 v -PassThru).'23'") == ["v"]
    s.run("try { Add-Member -InputObject a -NotePropertyName 16 -NotePropertyValue 1 } catch { $e = $_ }")
    assert s.run("$e.FullyQualifiedErrorId") == [
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.AddMemberCommand"]


def test_members_on_an_array_stay_with_it(s: Session) -> None:
    s.run("$arr = 1, 2, 3\nAdd-Member -InputObject $arr -NotePropertyName Label -NotePropertyValue L")
    assert s.run("$arr.Label, $arr.Count") == ["L", 3]
    s.run("Add-Member -InputObject $arr -NotePropertyName Label -NotePropertyValue M")
    assert s.errors()[0].fully_qualified_error_id == "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"


@pytest.mark.parametrize(("command", "error_id"), [
    ("-MemberType ScriptMethod -Name N -Value x -SecondValue y", "Value2ShouldNotBeSpecified"),
    ("-MemberType MemberSet -Name N -Value x -SecondValue y", "Value2ShouldNotBeSpecified"),
    ("-MemberType CodeMethod -Name N -Value x -SecondValue y", "Value2ShouldNotBeSpecified"),
    ("-MemberType CodeProperty -Name N -Value $null -SecondValue $null", "Value1AndValue2AreNotBothNull"),
    ("-MemberType AliasProperty -Name N -Value Length -SecondValue NoSuchType", "InvalidCastFromStringToType"),
    ("-MemberType ScriptMethod -Name N -Value notascript", "ConvertToFinalInvalidCastException"),
    ("-MemberType ScriptProperty -Name N -Value notascript", "ConvertToFinalInvalidCastException"),
    ("-MemberType CodeProperty -Name N -Value x", "ConvertToFinalInvalidCastException"),
    ("-MemberType MemberSet -Name N -Value x", "ConvertToFinalInvalidCastException"),
])
def test_value_errors_in_pwsh_order(s: Session, command: str, error_id: str) -> None:
    s.run(f"try {{ Add-Member -InputObject a {command} }} catch {{ $e = $_ }}")
    assert s.run("$e.FullyQualifiedErrorId") == [error_id + ",Microsoft.PowerShell.Commands.AddMemberCommand"]
    if error_id == "InvalidCastFromStringToType":
        assert s.run("$e.Exception.Message") == [
            'Cannot convert the "NoSuchType" value of type "System.String" to type "System.Type".']


def test_get_member_lists_sorted_definitions(s: Session) -> None:
    s.run("$o | Add-Member -MemberType ScriptMethod -Name Run -Value { 1 }\n"
          "$o | Add-Member -NotePropertyName list -NotePropertyValue @(1, 2)")
    members = s.run("$o | Get-Member")
    assert [(m.Name, str(m.MemberType), m.Definition) for m in members] == [
        ("Equals", "Method", "bool Equals(System.Object obj)"),
        ("GetHashCode", "Method", "int GetHashCode()"),
        ("GetType", "Method", "type GetType()"),
        ("ToString", "Method", "string ToString()"),
        ("a", "NoteProperty", "int a=1"),
        ("list", "NoteProperty", "Object[] list=System.Object[]"),
        ("Run", "ScriptMethod", "System.Object Run();"),
    ]
    assert {m.TypeName for m in members} == {"System.Management.Automation.PSCustomObject"}
    assert str(members[0]) == "bool Equals(System.Object obj)"


def test_get_member_filters_and_types(s: Session) -> None:
    assert s.run("'x' | Get-Member -MemberType Property | % Definition") == ["int Length {get;}"]
    assert s.run("'x' | Get-Member -Name To*per* | % Name") == ["ToUpper", "ToUpperInvariant"]
    assert s.run("1, 2, 'a' | Get-Member -MemberType Property | % TypeName") == ["System.String"]
    names = s.run("1, 'a' | Get-Member -Name GetType | % TypeName")
    assert names == ["System.Int32", "System.String"]
    assert s.run("$o | Get-Member -MemberType Properties | % Name") == ["a"]


def test_get_member_without_input(s: Session) -> None:
    s.run("Get-Member")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand"
    assert str(error) == "You must specify an object for the Get-Member cmdlet."


def test_members_on_a_date_come_back_with_pass_thru(s: Session) -> None:
    s.run("$d = [datetime]::new(2024, 6, 15)\n"
          "$m = Add-Member -InputObject $d -NotePropertyName Note -NotePropertyValue n -PassThru")
    assert s.run("$m.Note, ($m -is [datetime]), $m.GetType().FullName, ($m -eq $d), $m.AddDays(1).Day") == [
        "n", True, "System.DateTime", True, 16]
    assert s.run("$d.Note") == [None]
    # ConvertTo-Json writes a date as a date, whatever was added to it.
    assert s.run("$m | ConvertTo-Json") == ['"2024-06-15T00:00:00"']


def test_member_sets(s: Session) -> None:
    s.run("$o | Add-Member -MemberType MemberSet -Name Extra "
          "-Value @([System.Management.Automation.PSNoteProperty]::new('p', 5))\n"
          "$t = Add-Member -InputObject t -MemberType MemberSet -Name Empty -Value $null -PassThru")
    assert s.run("$o.Extra.p, \"$($o.Extra)\", $o.Extra.missing") == [5, "Extra {p}", None]
    assert s.run("\"$($t.Empty)\", $t.Length") == ["Empty {}", 1]
    # A member set is a member, not a property.
    assert s.run("$o.psobject.Properties.Name -join ','") == ["a"]
    assert s.run("($o | Get-Member -MemberType MemberSet).Definition") == ["Extra {p}"]
