"""Get-Error: the newest errors (or piped records and exceptions) with all
their details, laid out as pwsh's GetErrorInstance view."""

from __future__ import annotations


def lines(session, script: str) -> list[str]:
    return "\n".join(session.text(f"{script} | Out-String -Width 200")).splitlines()


def test_the_newest_error_in_detail(session):
    session.run("try { 1/0 } catch {}")
    text = lines(session, "Get-Error")
    assert text[:3] == ["", "Exception             : ",
                        "    Type                        : System.Management.Automation.RuntimeException"]
    assert "    Message                     : Attempted to divide by zero." in text
    inner = text.index("    InnerException              : ")
    assert text[inner + 1:inner + 3] == ["        Type    : System.DivideByZeroException",
                                         "        Message : Attempted to divide by zero."]
    nested = text.index("    ErrorRecord                 : ")
    assert text[nested + 1:nested + 3] == [
        "        Exception             : ",
        "            Type    : System.Management.Automation.ParentContainsErrorRecordException"]
    assert "FullyQualifiedErrorId : RuntimeException" in text
    position = text.index("    PositionMessage  : At line:1 char:7")
    assert text[position + 1:position + 3] == ["                       + try { 1/0 } catch {}",
                                               "                       +       ~~~"]
    assert not any(line.startswith("PipelineIterationInfo") or line.startswith("TargetObject") for line in text)


def test_newest_numbers_the_errors(session):
    session.run("try { 1/0 } catch {}; Get-Item ./no-such-item -ErrorAction SilentlyContinue")
    assert session.text("(Get-Error -Newest 5).PSErrorIndex") == ["0", "1"]
    text = lines(session, "Get-Error -Last 2")
    assert text.count("   ErrorIndex: 0") == 1 and text.count("   ErrorIndex: 1") == 1
    assert text.index("   ErrorIndex: 0") < text.index("FullyQualifiedErrorId : PathNotFound,"
                                                        "Microsoft.PowerShell.Commands.GetItemCommand")
    assert session.text("$null -eq (Get-Error).PSErrorIndex") == ["True"]


def test_the_objects_keep_the_members_and_leave_error_alone(session):
    session.run("try { 1/0 } catch {}")
    assert session.text("$e = Get-Error; $e.PSTypeNames[0]; $e.FullyQualifiedErrorId; $e.Exception.Message") == [
        "System.Management.Automation.ErrorRecord#PSExtendedError", "RuntimeException",
        "Attempted to divide by zero."]
    assert session.text("$Error[0].PSTypeNames[0]") == ["System.Management.Automation.ErrorRecord"]


def test_piped_records_and_exceptions(session):
    session.run("try { 1/0 } catch {}")
    assert "FullyQualifiedErrorId : RuntimeException" in lines(session, "$Error[0] | Get-Error")
    text = lines(session, "[Exception]::new('myexception') | Get-Error")
    assert text[1:3] == ["Type    : System.Exception", "Message : myexception"]
    assert session.text("'not an error', 42 | Get-Error") == []


def test_no_errors_no_output(session):
    assert session.text("Get-Error") == []


def test_newest_must_be_positive(session):
    session.run("Get-Error -Newest 0")
    assert session.error_ids() == ["ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetErrorCommand"]


def test_the_record_itself_with_the_extended_type_name_until_shown(session):
    session.run("try { 1/0 } catch {}; $e = Get-Error")
    assert session.text("$e.GetType().FullName") == ["System.Management.Automation.ErrorRecord"]
    assert session.text("$e.PSObject.TypeNames") == ["System.Management.Automation.ErrorRecord#PSExtendedError",
                                                     "System.Object"]
    assert session.text("$Error[0].PSObject.TypeNames[0]") == ["System.Management.Automation.ErrorRecord"]
    session.run("$null = $e | Out-String")
    assert session.text("$e.PSObject.TypeNames") == ["System.Management.Automation.ErrorRecord", "System.Object"]
    session.run("$Error.Insert(0, [Exception]::new('mine')); $x = Get-Error")
    assert session.text("$x -is [Exception]; $x.PSObject.TypeNames[0]") == ["True", "System.Exception#PSExtendedError"]
    assert "Message : mine" in lines(session, "$x")


def test_a_bad_parameter_keeps_the_named_arguments_bound_before_it(session):
    session.run("Get-ChildItem -Path . -NoSuchSwitch 1 -Name 2>$null")
    assert session.text("$Error[0].FullyQualifiedErrorId") == [
        "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"]
    assert session.text("$Error[0].InvocationInfo.BoundParameters.Keys") == ["Path"]
    text = lines(session, "Get-Error")
    bound = text.index("    BoundParameters  : ")
    assert text[bound + 1] == "        Path : ."
