"""``#requires`` lines are read at parse time: malformed ones are parse
errors with pwsh's ids and extents, valid ones give the requirements."""

from __future__ import annotations

import pytest

from pwshlike.language import parse_input


@pytest.mark.parametrize("version", ["A", "2b", "1.", "''", "1.0.", "1.A"])
def test_invalid_version_is_a_parse_error(version):
    _, _, errors = parse_input(f"#requires -version {version} \r\n$foo = 1; $foo")
    assert [(e.error_id, e.extent.text) for e in errors] == [("RequiresVersionInvalid", version)]
    assert errors[0].message.startswith("The argument for the Version parameter is not valid.")


def test_words_run_into_requires_are_an_invalid_format():
    _, _, errors = parse_input("#requiresappID\r\n$foo = 1")
    assert [(e.error_id, e.extent.text) for e in errors] == [("ScriptRequiresInvalidFormat", "requiresappID")]
    assert "#requires -version <major.minor>" in errors[0].message


def test_variable_argument_must_be_constant():
    _, _, errors = parse_input("#requires -Version $v")
    assert [(e.error_id, e.extent.text) for e in errors] == [("RequiresArgumentMustBeConstant", "$v")]


@pytest.mark.parametrize("text, version", [("5.1", (5, 1)), ("7.0", (7, 0)), ("7", (7, 0)),
                                           ("'7.5'", (7, 5))])
def test_valid_versions_are_recorded(text, version):
    ast, _, errors = parse_input(f"'before'\n#Requires -Version {text}\n10")
    assert errors == []
    assert ast.script_requirements.required_version == version


def test_plain_comments_and_bare_requires_need_nothing():
    assert parse_input("# requires -version A\n1").ast.script_requirements is None
    ast, _, errors = parse_input("#requires")
    assert errors == [] and ast.script_requirements.required_version is None


def test_parameter_checks_follow_pwsh_order():
    def ids(text):
        return [(e.error_id, e.extent.text) for e in parse_input(text).errors]
    assert ids("#requires -Version") == [("ParameterRequiresArgument", "-Version")]
    assert ids("#requires -Foo bar") == [("ScriptRequiresInvalidFormat", "-Foo")]
    assert ids("#requires -RunAsAdministrator 1") == [("ParameterCannotHaveArgument", "-RunAsAdministrator")]
    ast, _, errors = parse_input("#requires -v 7.0\n#requires -RunAs")
    assert errors == []
    assert ast.script_requirements.required_version == (7, 0)
    assert ast.script_requirements.requires_elevation is True
