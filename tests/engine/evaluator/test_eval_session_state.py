"""SessionState: scopes by name or number, define/remove with options,
functions and aliases tables."""

from __future__ import annotations

import pytest

from pwshlike.dotnet.errors import ItemNotFoundException, SessionStateUnauthorizedAccessException
from pwshlike.runtime.scopes import (ALLSCOPE, CONSTANT, PRIVATE, READONLY, QualifiedName, Scope,
                                    SessionState, options_text, parse_options)


def test_resolve_scope_by_name_and_number():
    state = SessionState()
    script = Scope(state.global_scope, is_script=True)
    local = Scope(script)
    assert state.resolve_scope("Global", local) is state.global_scope
    assert state.resolve_scope("script", local) is script
    assert state.resolve_scope("Local", local) is local
    assert state.resolve_scope(1, local) is script
    assert state.resolve_scope("2", local) is state.global_scope
    with pytest.raises(Exception):
        state.resolve_scope(5, local)


def test_define_readonly_and_constant():
    state = SessionState()
    scope = state.global_scope
    state.define(scope, "ro", 1, READONLY)
    with pytest.raises(SessionStateUnauthorizedAccessException) as info:
        state.set_value(QualifiedName("ro"), 2, scope)
    assert info.value.error_id == "VariableNotWritable"
    scope.vars["ro"].assign(3, force=True)
    assert scope.vars["ro"].value == 3
    state.define(scope, "c", 1, CONSTANT)
    with pytest.raises(SessionStateUnauthorizedAccessException):
        scope.vars["c"].assign(2, force=True)
    with pytest.raises(SessionStateUnauthorizedAccessException) as info:
        state.remove("c", scope, force=True)
    assert info.value.error_id == "VariableNotRemovable"
    state.remove("ro", scope, force=True)
    with pytest.raises(ItemNotFoundException):
        state.remove("ro", scope)


def test_allscope_variable_is_shared_by_child_scopes():
    state = SessionState()
    state.define(state.global_scope, "shared", 1, ALLSCOPE)
    child = Scope(state.global_scope)
    state.set_value(QualifiedName("shared"), 2, child)
    assert "shared" not in child.vars
    assert state.global_scope.vars["shared"].value == 2


def test_private_hidden_from_children_listing():
    state = SessionState()
    state.define(state.global_scope, "p", 1, PRIVATE)
    state.define(state.global_scope, "v", 2)
    child = Scope(state.global_scope)
    names = {v.name for v in state.visible_variables(child)}
    assert "v" in names and "p" not in names
    assert state.lookup("p", child) is None


def test_options_parsing_and_text():
    assert parse_options("ReadOnly, AllScope") == READONLY | ALLSCOPE
    assert options_text(READONLY | ALLSCOPE) == "ReadOnly, AllScope"
    assert options_text(0) == "None"


def test_functions_and_aliases_are_scoped():
    state = SessionState()
    child = Scope(state.global_scope)
    state.set_function("global:g", "G", child)
    state.set_function("l", "L", child)
    assert state.get_function("G", state.global_scope) == "G"
    assert state.get_function("l", state.global_scope) is None
    assert state.get_function("L", child) == "L"
    state.set_alias("gg", "Get-Something", state.global_scope)
    assert state.get_alias("GG", child) == "Get-Something"
    assert set(state.visible_functions(child)) == {"g", "l"}


def test_qualified_names():
    q = QualifiedName("script:Foo")
    assert (q.kind, q.name, q.key) == ("script", "Foo", "foo")
    assert QualifiedName("env:PATH").kind == "env"
    assert QualifiedName("PSItem").key == "_"
    assert QualifiedName("c:\\x").kind == "drive"


def test_unknown_drive_is_an_error(session):
    assert session.run("${nosuchdrive:x}; 'after'") == ["after"]
    assert session.errors() == ["Cannot find drive. A drive with the name 'nosuchdrive' does not exist."]


def test_resolve_path_against_location(tmp_path):
    state = SessionState()
    state.location = str(tmp_path)
    assert state.resolve_path("a.txt") == str(tmp_path / "a.txt")
    assert state.resolve_path("/abs/x") == "/abs/x"
