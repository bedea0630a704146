"""Generic method calls run where the method is modelled as generic
(``[Array]::Empty[T]()``); elsewhere pwsh's errors."""

from __future__ import annotations

from helpers.session import Shell


def test_array_empty_of_a_type():
    shell = Shell()
    assert shell.text("[Array]::Empty[int]().Count; [Array]::Empty[string]().GetType().FullName") == [
        "0", "System.String[]"]


def test_wrong_type_argument_count_finds_no_overload():
    shell = Shell()
    assert shell.text("try { [Array]::Empty[int, string]() } catch { $_.FullyQualifiedErrorId; "
                      "$_.Exception.Message }") == [
        "MethodCountCouldNotFindBest", 'Cannot find an overload for "Empty" and the argument count: "0".']


def test_non_generic_method_with_type_arguments_finds_no_overload():
    shell = Shell()
    assert shell.text("try { 'abc'.ToUpper[int]() } catch { $_.FullyQualifiedErrorId }") == [
        "MethodCountCouldNotFindBest"]


def test_unknown_type_argument():
    shell = Shell()
    assert shell.text("try { [Array]::Empty[NoSuchType]() } catch { $_.FullyQualifiedErrorId }") == [
        "TypeNotFound"]


def test_property_index_after_member_still_works():
    shell = Shell()
    assert shell.text("$o = [pscustomobject]@{ Items = 'a', 'b' }; $o.Items[1]") == ["b"]
