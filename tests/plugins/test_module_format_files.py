"""Script modules ship format and type files: a manifest's FormatsToProcess
and TypesToProcess (.ps1xml in pwsh's schema) load with the module, shape
how its objects are shown and leave with it; bad files fail the import
with pwsh's errors."""

from __future__ import annotations

import textwrap

import pytest

pytestmark = pytest.mark.usefixtures("restore_type_data_and_views")


IMPORT = "Microsoft.PowerShell.Commands.ImportModuleCommand"

FORMATS = """\
<?xml version="1.0" encoding="utf-8"?>
<Configuration>
  <ViewDefinitions>
    <View>
      <Name>Disk.Table</Name>
      <ViewSelectedBy><TypeName>Demo.Disk</TypeName></ViewSelectedBy>
      <TableControl>
        <TableHeaders>
          <TableColumnHeader><Label>Disk</Label><Width>8</Width></TableColumnHeader>
          <TableColumnHeader><Label>Size(GB)</Label><Width>8</Width><Alignment>Right</Alignment></TableColumnHeader>
          <TableColumnHeader><Width>6</Width></TableColumnHeader>
        </TableHeaders>
        <TableRowEntries>
          <TableRowEntry>
            <TableColumnItems>
              <TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem>
              <TableColumnItem><ScriptBlock>$_.Bytes / 1GB</ScriptBlock></TableColumnItem>
              <TableColumnItem><PropertyName>Kind</PropertyName></TableColumnItem>
            </TableColumnItems>
          </TableRowEntry>
        </TableRowEntries>
      </TableControl>
    </View>
    <View>
      <Name>Disk.List</Name>
      <ViewSelectedBy><TypeName>Demo.Disk</TypeName></ViewSelectedBy>
      <ListControl>
        <ListEntries>
          <ListEntry>
            <ListItems>
              <ListItem><PropertyName>Name</PropertyName></ListItem>
              <ListItem><Label>Free</Label><ScriptBlock>'{0:P0}' -f ($_.FreeBytes / $_.Bytes)</ScriptBlock></ListItem>
            </ListItems>
          </ListEntry>
        </ListEntries>
      </ListControl>
    </View>
    <View>
      <Name>Disk.Wide</Name>
      <ViewSelectedBy><TypeName>Demo.Disk</TypeName></ViewSelectedBy>
      <WideControl>
        <ColumnNumber>3</ColumnNumber>
        <WideEntries><WideEntry><WideItem><PropertyName>Name</PropertyName></WideItem></WideEntry></WideEntries>
      </WideControl>
    </View>
  </ViewDefinitions>
</Configuration>
"""

TYPES = """\
<?xml version="1.0" encoding="utf-8"?>
<Types>
  <Type>
    <Name>Demo.Volume</Name>
    <Members>
      <AliasProperty><Name>Label</Name><ReferencedMemberName>Name</ReferencedMemberName></AliasProperty>
      <ScriptProperty>
        <Name>UsedGB</Name>
        <GetScriptBlock>($this.Bytes - $this.FreeBytes) / 1GB</GetScriptBlock>
      </ScriptProperty>
      <ScriptMethod><Name>Describe</Name><Script>param($prefix) "$prefix$($this.Name)"</Script></ScriptMethod>
      <NoteProperty><Name>Kind</Name><Value>volume</Value></NoteProperty>
      <MemberSet>
        <Name>PSStandardMembers</Name>
        <Members>
          <PropertySet>
            <Name>DefaultDisplayPropertySet</Name>
            <ReferencedProperties><Name>Label</Name><Name>UsedGB</Name></ReferencedProperties>
          </PropertySet>
        </Members>
      </MemberSet>
    </Members>
  </Type>
</Types>
"""

MODULE = """\
function Get-Disk { [pscustomobject]@{ PSTypeName = 'Demo.Disk'; Name = 'sda'; Bytes = 2GB; FreeBytes = 0.5GB }
                    [pscustomobject]@{ PSTypeName = 'Demo.Disk'; Name = 'sdb'; Bytes = 4GB; FreeBytes = 3GB } }
function Get-Volume { [pscustomobject]@{ PSTypeName = 'Demo.Volume'; Name = 'root'; Bytes = 8GB; FreeBytes = 6GB
                                         Mount = '/' } }
"""




def _module(root, formats: str = FORMATS, types: str = TYPES, manifest_extra: str = "") -> None:
    folder = root / "Demo"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Demo.psm1").write_text(MODULE)
    (folder / "Demo.format.ps1xml").write_text(formats)
    (folder / "Demo.types.ps1xml").write_text(types)
    (folder / "Demo.psd1").write_text(textwrap.dedent(f"""\
        @{{
            RootModule = 'Demo.psm1'
            ModuleVersion = '1.0.0'
            FunctionsToExport = 'Get-Disk', 'Get-Volume'
            FormatsToProcess = 'Demo.format.ps1xml'
            TypesToProcess = @('Demo.types.ps1xml')
            {manifest_extra}
        }}
    """))


def test_the_format_file_s_table_view_is_the_default(env, tmp_path):
    _module(tmp_path / "modules")
    session = env.session()
    assert session.one("Get-Disk | Out-String") == (
        "\n"
        "Disk     Size(GB) Kind\n"
        "----     -------- ----\n"
        "sda             2 \n"
        "sdb             4 \n"
        "\n")


def test_format_list_and_format_wide_use_the_file_s_views(env, tmp_path):
    _module(tmp_path / "modules")
    session = env.session()
    assert session.one("Get-Disk | Format-List | Out-String") == (
        "\nName : sda\nFree : 25%\n\nName : sdb\nFree : 75%\n\n")
    wide = session.one("Get-Disk | Format-Wide | Out-String")
    assert wide.split() == ["sda", "sdb"]


def test_type_file_members_and_default_display_property_set(env, tmp_path):
    _module(tmp_path / "modules")
    session = env.session()
    assert session.text("$v = Get-Volume; $v.Label; $v.UsedGB; $v.Describe('vol: '); $v.Kind") == [
        "root", "2", "vol: root", "volume"]
    assert session.one("Get-Volume | Out-String") == "\nLabel UsedGB\n----- ------\nroot       2\n\n"
    assert session.one("Get-Volume | Format-List | Out-String") == "\nLabel  : root\nUsedGB : 2\n\n"
    everything = session.one("Get-Volume | Format-List * | Out-String")
    assert everything.split("\n")[1:9] == ["Name      : root", "Bytes     : 8589934592", "FreeBytes : 6442450944",
                                           "Mount     : /", "Label     : root", "UsedGB    : 2",
                                           "Kind      : volume", ""]


def test_the_module_lists_its_files_and_removing_it_unloads_them(env, tmp_path):
    _module(tmp_path / "modules")
    session = env.session()
    session.run("Import-Module Demo")
    folder = tmp_path / "modules" / "Demo"
    assert session.text("(Get-Module Demo).ExportedFormatFiles; (Get-Module Demo).ExportedTypeFiles") == [
        str(folder / "Demo.format.ps1xml"), str(folder / "Demo.types.ps1xml")]
    session.run("$d = Get-Disk; $v = Get-Volume; Remove-Module Demo")
    assert session.one("$d | Out-String") == ("\nName      Bytes    FreeBytes\n----      -----    ---------\n"
                                              "sda  2147483648 536870912.00\nsdb  4294967296   3221225472\n\n")
    assert session.text("$null -eq $v.Label; $null -eq $v.Kind") == ["True", "True"]


def test_a_missing_file_fails_the_import(env, tmp_path):
    _module(tmp_path / "modules")
    manifest = tmp_path / "modules" / "Demo" / "Demo.psd1"
    manifest.write_text(manifest.read_text().replace("'Demo.format.ps1xml'", "'Missing.format.ps1xml'"))
    session = env.session()
    session.run("Import-Module Demo")
    [record] = session.errors()
    assert record.fully_qualified_error_id == f"Modules_InvalidManifest,{IMPORT}"
    missing = tmp_path / "modules" / "Demo" / "Missing.format.ps1xml"
    assert str(record) == (f"The member 'FormatsToProcess' in the module manifest is not valid: Cannot find path "
                           f"'{missing}' because it does not exist.. Verify that a valid value is specified for "
                           f"this field in the '{manifest}' file.")
    assert session.run("Get-Module Demo") == []


def test_malformed_xml_fails_the_import_naming_file_and_line(env, tmp_path):
    _module(tmp_path / "modules", formats=FORMATS.replace("<Name>Disk.List</Name>", "<Name>Disk.List</Nme>"))
    session = env.session()
    session.run("Import-Module Demo")
    [record] = session.errors()
    path = tmp_path / "modules" / "Demo" / "Demo.format.ps1xml"
    assert record.fully_qualified_error_id == f"FormatXmlUpdateException,{IMPORT}"
    assert str(record.category_info.category) == "InvalidOperation"
    assert str(record) == (f"Errors occurred while loading the format data file: \n{path}, Error in file {path}: "
                           f"Mismatched tag. Line 25, position 24.\n")
    assert session.run("Get-Module Demo") == []
    assert session.text("$null -eq ([pscustomobject]@{PSTypeName = 'Demo.Volume'}).Kind") == ["True"], \
        "the type file loaded first was unloaded again"


def test_a_view_pwsh_rejects_names_its_xpath(env, tmp_path):
    bad = FORMATS.replace("<TableColumnHeader><Width>6</Width></TableColumnHeader>", "")
    _module(tmp_path / "modules", formats=bad)
    session = env.session()
    session.run("Import-Module Demo")
    path = tmp_path / "modules" / "Demo" / "Demo.format.ps1xml"
    assert str(session.errors()[0]) == (
        f"Errors occurred while loading the format data file: \n{path}, Error at XPath "
        f"/Configuration/ViewDefinitions/View[1]/TableControl/TableHeaders in file {path}: "
        f"The header item count = 2 does not match default row item count = 3.\n")


def test_type_file_errors_name_the_file_and_line(env, tmp_path):
    _module(tmp_path / "modules", types=TYPES.replace("<Members>\n      <Alias", "<Memberz>\n      <Alias")
            .replace("</MemberSet>\n    </Members>", "</MemberSet>\n    </Memberz>"))
    session = env.session()
    session.run("Import-Module Demo")
    [record] = session.errors()
    path = tmp_path / "modules" / "Demo" / "Demo.types.ps1xml"
    assert record.fully_qualified_error_id == f"FormatXmlUpdateException,{IMPORT}"
    assert str(record) == (
        "The following error occurred while loading the extended type data file: \n"
        f", {path}(5) : Error: The node Memberz is not allowed. The following nodes are allowed: "
        "Name, Members, TypeConverter, TypeAdapter.\n")


PETS = """<Configuration>
  <SelectionSets>
    <SelectionSet><Name>Pets</Name><Types><TypeName>Demo.Cat</TypeName><TypeName>Demo.Dog</TypeName></Types>
    </SelectionSet>
  </SelectionSets>
  <ViewDefinitions>
    <View>
      <Name>Pets.Table</Name>
      <ViewSelectedBy><SelectionSetName>Pets</SelectionSetName></ViewSelectedBy>
      <GroupBy><PropertyName>Owner</PropertyName><Label>Owner</Label></GroupBy>
      <TableControl>
        <TableHeaders><TableColumnHeader><Width>6</Width></TableColumnHeader></TableHeaders>
        <TableRowEntries><TableRowEntry><TableColumnItems>
          <TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem>
        </TableColumnItems></TableRowEntry></TableRowEntries>
      </TableControl>
    </View>
    <View>
      <Name>Pets.Custom</Name>
      <ViewSelectedBy><SelectionSetName>Pets</SelectionSetName></ViewSelectedBy>
      <CustomControl><CustomEntries><CustomEntry><CustomItem>
        <Text>Pet: </Text><ExpressionBinding><PropertyName>Name</PropertyName></ExpressionBinding><NewLine/>
        <Frame><LeftIndent>4</LeftIndent><CustomItem>
          <Text>owned by </Text><ExpressionBinding><ScriptBlock>$_.Owner.ToUpper()</ScriptBlock></ExpressionBinding>
          <NewLine/>
        </CustomItem></Frame>
      </CustomItem></CustomEntry></CustomEntries></CustomControl>
    </View>
  </ViewDefinitions>
</Configuration>
"""

PET_OBJECTS = ("$p = [pscustomobject]@{PSTypeName='Demo.Cat'; Name='Tom'; Owner='ann'}, "
               "[pscustomobject]@{PSTypeName='Demo.Dog'; Name='Rex'; Owner='ann'}, "
               "[pscustomobject]@{PSTypeName='Demo.Dog'; Name='Fido'; Owner='bob'}; ")


def test_selection_sets_group_by_and_custom_views(env, tmp_path):
    path = tmp_path / "pets.format.ps1xml"
    path.write_text(PETS)
    session = env.session()
    session.run(f"Update-FormatData -AppendPath '{path}'")
    assert session.one(PET_OBJECTS + "$p | Out-String") == (
        "\n   Owner: ann\n\nName\n----\nTom\nRex\n   Owner: bob\n\nName\n----\nFido\n\n")
    path.write_text(PETS.replace("<Name>Pets.Table</Name>", "<Name>Pets.Hidden</Name>")
                    .replace("<SelectionSetName>Pets</SelectionSetName></ViewSelectedBy>\n      <GroupBy>",
                             "<TypeName>Demo.None</TypeName></ViewSelectedBy>\n      <GroupBy>"))
    session.run("Update-FormatData")
    # The NewLine ending the frame leaves an empty line, as pwsh's ComplexWriter writes one.
    assert session.one(PET_OBJECTS + "$p | Out-String") == (
        "\nPet: Tom\n    owned by ANN\n\nPet: Rex\n    owned by ANN\n\nPet: Fido\n    owned by BOB\n\n\n")
    assert session.errors() == []


def test_a_utf16_format_file_with_a_byte_order_mark_loads(env, tmp_path):
    path = tmp_path / "pets.format.ps1xml"
    path.write_bytes(PETS.replace("<Configuration>", '<?xml version="1.0" encoding="utf-16"?>\n<Configuration>', 1)
                     .encode("utf-16"))
    session = env.session()
    session.run(f"Update-FormatData -AppendPath '{path}'")
    assert session.errors() == []
    assert session.text("(Get-FormatData Demo.Cat).FormatViewDefinition.Name") == ["Pets.Table", "Pets.Custom"]
