"""Select-Object's other parameters as pwsh 7.4 has them: -SkipIndex,
-Index order and stopping, -Wait, -Unique (case-sensitive unless
-CaseInsensitive, written at the end), script block properties, and the
errors for bad property specifications."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_skip_combines_with_skip_last(s: Session) -> None:
    assert s.run("'1','2','3' | Select-Object -Skip 1 -SkipLast 1") == ["2"]
    assert s.run("@('1','2' | Select-Object -Skip 2 -SkipLast 1).Count") == [0]
    assert s.run("@('1','2' | Select-Object -Skip 1 -SkipLast 2).Count") == [0]


def test_skip_index_drops_the_positions_given(s: Session) -> None:
    assert s.run("(0..10 | Select-Object -SkipIndex 5, 6, 7, 8, 11) -join ','") == ["0,1,2,3,4,9,10"]


def test_index_writes_in_input_order_and_stops_early(s: Session) -> None:
    assert s.run("0..10 | Select-Object -Index 5, 1, 1") == [1, 5]
    assert s.run("$n = 0; 1..50 | ForEach-Object { $n++; $_ } | Select-Object -Index 2 | Out-Null; $n") == [3]


def test_wait_reads_all_input(s: Session) -> None:
    assert s.run("$n = 0; 1..10 | ForEach-Object { $n++; $_ } | Select-Object -First 2 -Wait | Out-Null; $n") \
        == [10]


def test_negative_counts_are_rejected(s: Session) -> None:
    assert s.run("try { 1 | Select-Object -First -1 } catch { $_.FullyQualifiedErrorId }") == [
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SelectObjectCommand"]


def test_unique_is_case_sensitive_unless_asked(s: Session) -> None:
    assert s.run("'abc', 'Abc', 'abc' | Select-Object -Unique") == ["abc", "Abc"]
    assert s.run("'abc', 'Abc' | Select-Object -Unique -CaseInsensitive") == ["abc"]


def test_unique_compares_selected_property_values(s: Session) -> None:
    script = ("$e = [pscustomobject]@{F='j'; L='smith'; Y=15}, [pscustomobject]@{F='p'; L='smith'; Y=15}, "
              "[pscustomobject]@{F='m'; L='soe'; Y=5}; ($e | Select-Object -Property Y, L -Unique).L -join ','")
    assert s.run(script) == ["smith,soe"]


def test_unique_objects_are_written_at_the_end(s: Session) -> None:
    script = "1, 2, 1 | Select-Object -Unique | ForEach-Object -Begin { 'begin' } -Process { $_ }"
    assert s.run(script) == ["begin", 1, 2]
    script = ("$seen = @(); 1, 2 | ForEach-Object { $seen += $_; $_ } | Select-Object -Unique | "
              "ForEach-Object { $seen.Count }")
    assert s.run(script) == [2, 2]


def test_script_block_property_is_named_by_its_text(s: Session) -> None:
    assert s.run("('bar' | Select-Object -Property { $_.Length }).' $_.Length '") == [3]


def test_empty_script_block_property_stops_the_command(s: Session) -> None:
    script = "try { 'bar' | Select-Object -Property {} } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason }"
    assert s.run(script) == ["EmptyScriptBlockAndNoName,Microsoft.PowerShell.Commands.SelectObjectCommand",
                             "PSArgumentException"]


def test_bad_calculated_property_keys_stop_the_command(s: Session) -> None:
    script = ("try { 1 | Select-Object @{ n = 'a'; x = 1 } } catch { $_.FullyQualifiedErrorId }; "
              "try { 1 | Select-Object @{ n = 'a' } } catch { $_.FullyQualifiedErrorId }")
    assert s.run(script) == ["DictionaryKeyIllegal,Microsoft.PowerShell.Commands.SelectObjectCommand",
                             "DictionaryKeyMissing,Microsoft.PowerShell.Commands.SelectObjectCommand"]


def test_custom_object_passed_whole_is_tagged_selected_once(s: Session) -> None:
    script = ("$o = [pscustomobject]@{ Name = 1 }; $o = $o | Select-Object; $o = $o | Select-Object; "
              "$o.psobject.TypeNames -join ','; $o.Name")
    assert s.run(script) == [
        "Selected.System.Management.Automation.PSCustomObject,System.Management.Automation.PSCustomObject,"
        "System.Object", 1]


def test_other_objects_pass_whole_untouched(s: Session) -> None:
    assert s.run("(5 | Select-Object).GetType().Name; (5 | Select-Object).psobject.TypeNames[0]") == [
        "Int32", "System.Int32"]
