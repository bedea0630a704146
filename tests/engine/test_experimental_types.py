"""``[ExperimentAction]`` (None, Hide, Show), ``[Experimental]`` built with
pwsh's argument checks, and ``[ExperimentalFeature]`` resolving, each
under its type accelerator."""

from __future__ import annotations

from helpers.session import Shell


def test_experiment_action_enum():
    script = """
    [System.Management.Automation.ExperimentAction]::Show
    [ExperimentAction]'Hide' -as [int]
    [enum]::GetNames([ExperimentAction]) -join ','
    """
    assert Shell().text(script) == ["Show", "1", "None,Hide,Show"]


def test_experimental_attribute_properties_and_checks():
    script = """
    $a = [Experimental]::new('MyFeature', 'Hide')
    $a.ExperimentName; $a.ExperimentAction; $a.GetType().FullName
    try { [Experimental]::new('', 'Hide') } catch { $_.Exception.InnerException.Message }
    try { [Experimental]::new('x', 'None') } catch { $_.Exception.InnerException.Message }
    """
    assert Shell().text(script) == [
        "MyFeature", "Hide", "System.Management.Automation.ExperimentalAttribute",
        "The argument value for the parameter 'experimentName' cannot be null or an empty string.",
        "The Enum member 'None' is not a valid value for the parameter 'experimentAction'. Specify one of the "
        "following members and try again: Hide, Show."]


def test_accelerators_name_the_types():
    script = """
    $get = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Get
    $get['ExperimentAction'].FullName; $get['Experimental'].FullName; $get['ExperimentalFeature'].FullName
    """
    assert Shell().text(script) == ["System.Management.Automation.ExperimentAction",
                                    "System.Management.Automation.ExperimentalAttribute",
                                    "System.Management.Automation.ExperimentalFeature"]


def test_class_attributes_resolve():
    script = """
    [NoRunspaceAffinity()]
    class Foo { [int] $x = 3 }
    [Foo]::new().x
    $get = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Get
    $get['NoRunspaceAffinity'].FullName; $get['DscLocalConfigurationManager'].FullName
    """
    assert Shell().text(script) == ["3", "System.Management.Automation.Language.NoRunspaceAffinityAttribute",
                                    "System.Management.Automation.DscLocalConfigurationManagerAttribute"]
