"""``[System.Management.Automation.PSDataCollection[T]]`` made by a
script: a list (Add, Count, indexing, enumeration) that Complete() closes
to writers and ReadAll() empties, usable as BeginInvoke's input and output."""

from __future__ import annotations

from helpers.session import Shell


def test_new_collection_is_an_open_list():
    script = """
    $c = [System.Management.Automation.PSDataCollection[object]]::new()
    $c.IsOpen; $c.Count
    $c.Add(1); $c.Add('two')
    $c.Count; $c[1]
    $c | ForEach-Object { "item $_" }
    """
    assert Shell().text(script) == ["True", "0", "2", "two", "item 1", "item two"]


def test_complete_closes_it_and_read_all_takes_the_items():
    script = """
    $c = [System.Management.Automation.PSDataCollection[object]]::new()
    $c.Add('a'); $c.Complete(); $c.IsOpen
    try { $c.Add('b') } catch { $_.Exception.InnerException.Message }
    $all = $c.ReadAll()
    $all.Count; $all[0]; $c.Count
    """
    assert Shell().text(script) == [
        "False",
        "Objects cannot be added to a closed buffer. Make sure the buffer is open for Add and Insert "
        "operations to succeed.",
        "1", "a", "0"]


def test_typed_collection_converts_its_items():
    script = """
    $i = [System.Management.Automation.PSDataCollection[int]]::new(@('1', '2'))
    $i[0] + $i[1]
    $i.Add('40'); $i[2] + 2
    $i.GetType().Name
    """
    assert Shell().text(script) == ["3", "42", "PSDataCollection`1"]


def test_begin_invoke_writes_into_a_given_output_collection():
    script = """
    $ps = [powershell]::Create().AddScript('1..3')
    $in = [System.Management.Automation.PSDataCollection[object]]::new(); $in.Complete()
    $out = [System.Management.Automation.PSDataCollection[object]]::new()
    $null = $ps.EndInvoke($ps.BeginInvoke($in, $out))
    $out -join ','
    """
    assert Shell().text(script) == ["1,2,3"]
