"""Update-TypeData, Get-TypeData, Remove-TypeData and Update-FormatData:
members declared per type name, type and format files loaded on demand,
and pwsh's errors for each way they can go wrong."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("restore_type_data_and_views")


UPDATE = "Microsoft.PowerShell.Commands.UpdateTypeDataCommand"
FORMAT = "Microsoft.PowerShell.Commands.UpdateFormatDataCommand"

ITEM = "$o = [pscustomobject]@{ PSTypeName = 'Test.Item'; Name = 'alpha'; Size = 3072; Owner = 'me' }; "




def test_each_member_kind_is_found_on_objects_of_the_type(session):
    session.run("Update-TypeData -TypeName Test.Item -MemberType NoteProperty -MemberName Kind -Value item;"
                "Update-TypeData -TypeName Test.Item -MemberType AliasProperty -MemberName Bytes -Value Size "
                "-SecondValue string;"
                "Update-TypeData -TypeName Test.Item -MemberType ScriptProperty -MemberName KB "
                "-Value { $this.Size / 1KB } -SecondValue { $this.Size = $args[0] * 1KB };"
                "Update-TypeData -TypeName Test.Item -MemberType ScriptMethod -MemberName Greet "
                "-Value { param($who) \"$who, $($this.Name)\" }")
    assert session.text(ITEM + "$o.Kind; $o.Bytes; $o.Bytes.GetType().Name; $o.KB; $o.Greet('hello')") == [
        "item", "3072", "String", "3", "hello, alpha"]
    assert session.text(ITEM + "$o.KB = 5; $o.Size") == ["5120"], "the setter script runs"
    assert session.text(ITEM + "$o.PSObject.Properties.Name") == ["Name", "Size", "Owner", "Kind", "Bytes", "KB"]


def test_type_data_applies_to_strings_and_arrays(session):
    session.run("Update-TypeData -TypeName System.String -MemberType NoteProperty -MemberName TestNote -Value 2;"
                "Update-TypeData -TypeName System.Object[] -MemberType AliasProperty -MemberName TestAlias "
                "-Value Length")
    assert session.text("'text'.TestNote; (1, 3).TestAlias") == ["2", "2"]


def test_a_member_that_exists_needs_force(session):
    session.run("Update-TypeData -TypeName Test.Item -MemberType NoteProperty -MemberName Kind -Value one")
    session.run("Update-TypeData -TypeName Test.Item -MemberType NoteProperty -MemberName Kind -Value two")
    [record] = session.errors()
    assert record.fully_qualified_error_id == f"TypesDynamicUpdateException,{UPDATE}"
    assert str(record) == 'Error in TypeData "Test.Item": The member Kind is already present.'
    assert str(record.category_info.category) == "InvalidOperation"
    assert session.text(ITEM + "$o.Kind") == ["one"]
    session.run("Update-TypeData -TypeName Test.Item -MemberType NoteProperty -MemberName Kind -Value two -Force")
    assert session.text(ITEM + "$o.Kind") == ["two"]


@pytest.mark.parametrize("arguments, error_id, message", [
    ("-MemberType NoteProperty -Value 1", "MemberNameShouldBeSpecified",
     'The MemberName parameter is required for the type "NoteProperty". Please specify the MemberName parameter.'),
    ("-MemberType NoteProperty -MemberName N", "ValueShouldBeSpecified",
     'The Value parameter is required for the type "NoteProperty". Please specify the Value parameter.'),
    ("-MemberType AliasProperty -MemberName A -Value $null", "ValueShouldBeSpecified",
     'The Value parameter should not be null or an empty string for a member of type "AliasProperty". Specify a '
     'non-null value for the Value parameter when updating this member type.'),
    ("-MemberType ScriptMethod -MemberName M -Value { 1 } -SecondValue { 2 }", "SecondValueShouldNotBeSpecified",
     'The SecondValue parameter is not necessary for a member of type "ScriptMethod", and should not be specified. '
     'Do not specify the SecondValue parameter when updating this member type.'),
    ("-MemberType ScriptProperty -MemberName P -Value $null", "ValueAndSecondValueAreNotBothNull",
     'The Value and SecondValue parameters should not both be null for a member of type "ScriptProperty". Specify '
     'a non-null value for one of the two parameters.'),
    ("-MemberType CodeMethod -MemberName C -Value 1", "CannotUpdateMemberType",
     'Cannot update a member with type "CodeMethod". Specify a different type for the MemberType parameter.'),
    ("-MemberName N -Value 1", "MemberTypeIsMissing",
     "The MemberName, Value, and SecondValue parameters cannot be specified without the MemberType parameter."),
    ("", "TypeDataEmpty", 'No member is specified for the update on type "Test.Item".'),
])
def test_dynamic_update_errors(session, arguments, error_id, message):
    session.run(f"Update-TypeData -TypeName Test.Item {arguments}")
    [record] = session.errors()
    assert record.fully_qualified_error_id == f"{error_id},{UPDATE}"
    assert str(record) == message
    assert type(record.exception).__name__ == "InvalidOperationException"


def test_default_display_property_set_drives_format_table_and_list(session):
    session.run("Update-TypeData -TypeName Test.Item -DefaultDisplayPropertySet Name, Owner")
    assert session.one(ITEM + "$o | Out-String") == "\nName  Owner\n----  -----\nalpha me\n\n"
    assert session.one(ITEM + "$o | Format-List | Out-String") == "\nName  : alpha\nOwner : me\n\n"
    assert session.one(ITEM + "$o | Format-List * | Out-String") == (
        "\nName  : alpha\nSize  : 3072\nOwner : me\n\n")
    session.run("Update-TypeData -TypeName Test.Item -DefaultDisplayPropertySet Size")
    [record] = session.errors()
    assert str(record) == 'Error in TypeData "Test.Item": The member DefaultDisplayPropertySet is already present.'


def test_get_type_data_and_remove_type_data(session):
    session.run("Update-TypeData -TypeName Test.Item -MemberType NoteProperty -MemberName Kind -Value k;"
                "Update-TypeData -TypeName Test.Item -DefaultDisplayPropertySet Name, Kind")
    assert session.text("$t = Get-TypeData Test.*; $t.TypeName; $t.Members.Keys; "
                        "$t.DefaultDisplayPropertySet.ReferencedProperties") == ["Test.Item", "Kind", "Name", "Kind"]
    table = session.one("Get-TypeData Test.Item | Out-String")
    assert table.split("\n")[1:4] == ["TypeName  Members", "--------  -------", "Test.Item {Kind}"]
    session.run("Get-TypeData Test.Item | Remove-TypeData")
    assert session.run("Get-TypeData Test.Item") == []
    assert session.text(ITEM + "$null -eq $o.Kind") == ["True"]
    assert session.errors() == []


def test_what_if_changes_nothing(session):
    session.run("Update-TypeData -TypeName Test.Item -MemberType NoteProperty -MemberName Kind -Value k -WhatIf")
    assert session.host.kind("line") == [
        'What if: Performing the operation "Update TypeData" on target "Type to update: Test.Item".']
    assert session.run("Get-TypeData Test.Item") == []


TYPES = """<Types>
  <Type>
    <Name>Test.Item</Name>
    <Members>
      <ScriptProperty><Name>KB</Name><GetScriptBlock>$this.Size / 1KB</GetScriptBlock></ScriptProperty>
    </Members>
  </Type>
</Types>
"""


def test_type_files_load_and_reload(session, tmp_path):
    path = tmp_path / "test.types.ps1xml"
    path.write_text(TYPES)
    session.run(f"Update-TypeData -AppendPath '{path}'")
    assert session.text(ITEM + "$o.KB") == ["3"]
    path.write_text(TYPES.replace("1KB", "1MB"))
    session.run("Update-TypeData")
    assert session.text(ITEM + "$o.KB") == ["0.0029296875"], "reloading a file replaces its members"
    session.run(f"Remove-TypeData -Path '{path}'")
    assert session.text(ITEM + "$null -eq $o.KB") == ["True"]
    assert session.errors() == []


def test_type_file_errors(session, tmp_path):
    bad = tmp_path / "bad.types.ps1xml"
    bad.write_text(TYPES.replace("<Members>", "<MembersTypo>").replace("</Members>", "</MembersTypo>"))
    other = tmp_path / "notps1xml.txt"
    other.write_text("<Types/>")
    session.run(f"Update-TypeData -PrependPath '{bad}'; Update-TypeData -AppendPath '{other}';"
                f"Update-TypeData -AppendPath '{tmp_path / 'missing.ps1xml'}'")
    records = list(reversed(session.errors()))
    assert [r.fully_qualified_error_id for r in records] == [
        f"TypesXmlUpdateException,{UPDATE}", f"WrongExtension,{UPDATE}", f"TypesAppendPathException,{UPDATE}"]
    assert [str(r) for r in records] == [
        f"{bad}, {bad}(4) : Error: The node MembersTypo is not allowed. The following nodes are allowed: Name, "
        f"Members, TypeConverter, TypeAdapter.",
        f'Cannot read the file "{other}"  because it does not have the file name extension "ps1xml".',
        f"Cannot find path '{tmp_path / 'missing.ps1xml'}' because it does not exist."]
    assert session.run("Get-TypeData Test.Item") == []


FORMATS = """<Configuration><ViewDefinitions>
  <View>
    <Name>{name}</Name>
    <ViewSelectedBy><TypeName>Test.Item</TypeName></ViewSelectedBy>
    <TableControl>
      <TableHeaders>
        <TableColumnHeader><Label>{label}</Label><Width>7</Width></TableColumnHeader>
      </TableHeaders>
      <TableRowEntries><TableRowEntry><TableColumnItems>
        <TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem>
      </TableColumnItems></TableRowEntry></TableRowEntries>
    </TableControl>
  </View>
</ViewDefinitions></Configuration>
"""


def test_update_format_data_prepends_and_appends(session, tmp_path):
    first = tmp_path / "first.format.ps1xml"
    first.write_text(FORMATS.format(name="First", label="First"))
    second = tmp_path / "second.format.ps1xml"
    second.write_text(FORMATS.format(name="Second", label="Second"))
    session.run(f"Update-FormatData '{first}'")
    assert session.one(ITEM + "$o | Out-String") == "\nFirst\n-----\nalpha\n\n"
    session.run(f"Update-FormatData -AppendPath '{second}'")
    assert session.one(ITEM + "$o | Out-String") == "\nFirst\n-----\nalpha\n\n", "appended views come after"
    assert session.one(ITEM + "$o | Format-Table -View Second | Out-String") == "\nSecond\n------\nalpha\n\n"
    session.run(f"Update-FormatData -PrependPath '{second}'")
    assert session.one(ITEM + "$o | Out-String") == "\nSecond\n------\nalpha\n\n", "prepended views come first"
    assert session.errors() == []


def test_update_format_data_errors(session, tmp_path):
    bad = tmp_path / "bad.format.ps1xml"
    bad.write_text(FORMATS.format(name="Bad", label="Bad").replace("<Width>7</Width>", "<Width>wide</Width>"))
    session.run(f"Update-FormatData -AppendPath '{bad}'; Update-FormatData -PrependPath '{tmp_path / 'no.ps1xml'}'")
    records = list(reversed(session.errors()))
    assert [r.fully_qualified_error_id for r in records] == [
        f"FormatXmlUpdateException,{FORMAT}", f"FormatPrependPathException,{FORMAT}"]
    assert str(records[0]) == (
        f"Errors occurred while loading the format data file: \n{bad}, Error at XPath /Configuration/"
        f"ViewDefinitions/View/TableControl/TableHeaders/TableColumnHeader/Width in file {bad}: "
        f"A positive integer is expected.\n")
    assert session.one(ITEM + "$o | Out-String") == "\nName  Size Owner\n----  ---- -----\nalpha 3072 me\n\n"


def test_get_format_data_lists_the_views_of_a_type(session, tmp_path):
    path = tmp_path / "first.format.ps1xml"
    path.write_text(FORMATS.format(name="First", label="First"))
    session.run(f"Update-FormatData '{path}'")
    assert session.one("Get-FormatData Test.* | Out-String") == (
        "\nTypeNames   FormatViewDefinition\n---------   --------------------\n{Test.Item} {First}\n\n")
    assert session.text("(Get-FormatData Test.Item).FormatViewDefinition | ForEach-Object { $_.Name + ' ' + "
                        "$_.Control }") == ["First TableControl"]
    assert session.run("Get-FormatData No.Such.Type") == []


def test_ps_standard_members_reads_the_standard_members(session):
    session.run("Update-TypeData -TypeName Test.Item -DefaultDisplayPropertySet Name, Size "
                "-DefaultKeyPropertySet Name -DefaultDisplayProperty Name")
    assert session.text(ITEM + "$s = $o.PSStandardMembers; $s.DefaultDisplayPropertySet.ReferencedPropertyNames;"
                               "$s.DefaultKeyPropertySet.ReferencedPropertyNames; $s.DefaultDisplayProperty") == [
        "Name", "Size", "Name", "Name"]
    assert session.text(ITEM + "$o.PSObject.Properties.Name") == ["Name", "Size", "Owner"]


def test_a_property_set_names_columns_for_format_table_and_list(session, tmp_path):
    path = tmp_path / "sets.types.ps1xml"
    path.write_text("<Types><Type><Name>Test.Item</Name><Members><PropertySet><Name>Brief</Name>"
                    "<ReferencedProperties><Name>Name</Name><Name>Owner</Name></ReferencedProperties>"
                    "</PropertySet></Members></Type></Types>")
    session.run(f"Update-TypeData -AppendPath '{path}'")
    assert session.one(ITEM + "$o | Format-Table Brief | Out-String") == "\nName  Owner\n----  -----\nalpha me\n\n"
    assert session.one(ITEM + "$o | Format-List Size, Brief | Out-String") == (
        "\nSize  : 3072\nName  : alpha\nOwner : me\n\n")
    assert session.text("(Get-TypeData Test.Item).Members.Brief.ReferencedProperties") == ["Name", "Owner"]


def test_removing_a_type_without_data_is_an_error(session):
    session.run("Remove-TypeData -TypeName No.Such.Type")
    [record] = session.errors()
    assert record.fully_qualified_error_id == ("TypesDynamicRemoveException,"
                                               "Microsoft.PowerShell.Commands.RemoveTypeDataCommand")
    assert str(record) == ('Error in TypeData "No.Such.Type": The type "No.Such.Type" was not found. The type name '
                           'value must be the full name of the type. Verify the type name and run the command again.')
