"""A dictionary's Keys and Values name the .NET collection types they
stand for, never a Python class (ConvertTo-Html and Get-Member show it)."""

from __future__ import annotations

from helpers.session import Shell


def test_keys_and_values_are_named_as_in_dotnet() -> None:
    shell = Shell()
    assert shell.text("@{a=1}.Keys.GetType().FullName; @{a=1}.Values.GetType().FullName; "
                      "([ordered]@{a=1}).Keys.GetType().FullName; "
                      "[System.Collections.Generic.Dictionary[string,int]]::new().Values.GetType().FullName") == [
        "System.Collections.Hashtable+KeyCollection", "System.Collections.Hashtable+ValueCollection",
        "System.Collections.Specialized.OrderedDictionary+OrderedDictionaryKeyValueCollection",
        "System.Collections.Generic.Dictionary`2+ValueCollection"]


def test_the_collections_are_collections() -> None:
    shell = Shell()
    assert shell.text("$k = @{a=1; b=2}.Keys; $k -is [System.Collections.ICollection]; $k.Count; "
                      "Get-Member -InputObject $k | Select-Object -First 1 -ExpandProperty TypeName") == [
        "True", "2", "System.Collections.Hashtable+KeyCollection"]
