"""``$PSNativeCommandArgumentPassing`` is a NativeArgumentPassingStyle (a
bad value is refused) and ``$OutputEncoding`` is UTF-8 without a byte
order mark, as in pwsh 7.4 on Linux."""

from __future__ import annotations

from helpers.session import Shell


def test_argument_passing_is_typed():
    shell = Shell()
    script = """
    $PSNativeCommandArgumentPassing.GetType().FullName
    try { $global:PSNativeCommandArgumentPassing = 'zzz' } catch { $_.Exception.GetType().Name }
    "$global:PSNativeCommandArgumentPassing"
    """
    assert shell.text(script) == ["System.Management.Automation.NativeArgumentPassingStyle",
                                  "ArgumentTransformationMetadataException", "Standard"]


def test_output_encoding_is_utf8_without_bom():
    shell = Shell()
    assert shell.text("$OutputEncoding.BodyName; $OutputEncoding.GetPreamble().Length") == ["utf-8", "0"]
