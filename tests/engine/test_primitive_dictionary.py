"""``[psprimitivedictionary]``: a case-insensitive hashtable that takes
only string keys and remoting-friendly values (arrays of them too),
refusing others with pwsh's ArgumentException messages."""

from __future__ import annotations

from helpers.session import Shell


def test_accepts_primitive_values():
    script = """
    $d = [psprimitivedictionary]::new(@{ A = 1 })
    $d.a; $d.GetType().FullName; $d -is [hashtable]
    $d.Add('C', (1, 'two')); $d['D'] = [version]'1.2'; $d.Count; $d.ContainsKey('c')
    """
    assert Shell().text(script) == ["1", "System.Management.Automation.PSPrimitiveDictionary", "True", "3", "True"]


def test_refuses_other_values_and_keys():
    script = """
    $d = [psprimitivedictionary]::new()
    try { $d.Add('E', [pscustomobject]@{ x = 1 }) } catch { $_.Exception.InnerException.Message }
    try { $d.Add(5, 1) } catch { $_.Exception.InnerException.Message }
    try { [psprimitivedictionary]::new(@{ k = [object]::new() }) } catch { $_.Exception.InnerException.Message }
    $d.Count
    """
    assert Shell().text(script) == [
        "The type of the value System.Management.Automation.PSCustomObject is not valid. The PSPrimitiveDictionary "
        "class accepts only values of types that are fully serializable over PowerShell remoting. See the Help topic "
        "about_Remoting for a list of fully-serializable types.",
        "The key type System.Int32 is not valid. The PSPrimitiveDictionary class accepts only keys of the type "
        "System.String.",
        "The type of the value System.Object is not valid. The PSPrimitiveDictionary class accepts only values of "
        "types that are fully serializable over PowerShell remoting. See the Help topic about_Remoting for a list of "
        "fully-serializable types.",
        "0"]
