"""``[semver]``: SemVer 2.0 versions parsed and printed as pwsh's
SemanticVersion, ordered with prereleases first and the build label
ignored, built by its constructors, and refused with pwsh's errors."""

from __future__ import annotations

from helpers.session import Shell


def test_parse_and_print():
    script = """
    $v = [semver]'1.2.3-alpha.1+build.5'
    $v.Major; $v.Minor; $v.Patch; $v.PreReleaseLabel; $v.BuildLabel; "$v"
    "$([semver]'4')"; "$([semver]'1.0')"
    [System.Management.Automation.SemanticVersion]'2.0.0' -is [semver]
    """
    assert Shell().text(script) == ["1", "2", "3", "alpha.1", "build.5", "1.2.3-alpha.1+build.5", "4.0.0", "1.0.0",
                                    "True"]


def test_ordering_and_equality():
    script = """
    [semver]'1.0.0-alpha' -lt [semver]'1.0.0'
    [semver]'1.0.0-alpha.2' -lt '1.0.0-alpha.10'
    [semver]'1.0.0-2' -lt '1.0.0-a'
    [semver]'1.0.0-a.b' -gt '1.0.0-a'
    [semver]'1.0.0+a' -eq [semver]'1.0.0+b'
    ('2.0.0', '1.0.0-beta', '1.0.0', '1.0.0-alpha' | ForEach-Object { [semver]$_ } | Sort-Object) -join ' '
    """
    assert Shell().text(script) == ["True", "True", "True", "True", "True", "1.0.0-alpha 1.0.0-beta 1.0.0 2.0.0"]


def test_constructors():
    script = """
    [semver]::new(1, 2, 3, 'rc.1+b7').ToString()
    [semver]::new(1, 2, 3, 'rc', 'b').ToString()
    [semver]::new(1, 2).ToString()
    [semver]::new([version]'2.3').ToString()
    [semver]::new('5.6.7-x').PreReleaseLabel
    """
    assert Shell().text(script) == ["1.2.3-rc.1+b7", "1.2.3-rc+b", "1.2.0", "2.3.0", "x"]


def test_errors():
    script = """
    try { [semver]'1.x' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    try { [semver]'1.0.0-' } catch { $_.FullyQualifiedErrorId }
    try { [semver]::new(-1, 0) } catch { $_.Exception.InnerException.Message }
    try { [semver]::new(1, 0, 0, '+') } catch { $_.Exception.InnerException.GetType().Name }
    """
    assert Shell().text(script) == [
        "InvalidCastParseTargetInvocation",
        'Cannot convert value "1.x" to type "System.Management.Automation.SemanticVersion". Error: "The input '
        "string '' was not in a correct format.\"",
        "InvalidCastParseTargetInvocation",
        'Cannot process argument because the value of argument "major" is not valid. Change the value of the '
        '"major" argument and run the operation again.',
        "FormatException"]


def test_static_parse_try_parse_and_compare():
    script = """
    [semver]::Parse('1.2.3-rc').PreReleaseLabel
    $r = $null; [semver]::TryParse('1.2', [ref]$r); "$r"
    [semver]::TryParse('x', [ref]$r); $null -eq $r
    [semver]::Compare('1.0.0', '2.0.0'); [semver]::Compare($null, '1.0.0'); [semver]::Compare('1.0.0+a', '1.0.0')
    """
    assert Shell().text(script) == ["rc", "True", "1.2.0", "False", "True", "-1", "-1", "0"]
