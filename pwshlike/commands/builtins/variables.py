"""The *-Variable cmdlets, over the engine's session state.

Without -Scope they act on the caller's scope (Get-Variable sees every
variable visible from it); -Scope takes Global, Script, Local or a number
of levels up, as pwsh does.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_set
from pwshlike.dotnet.errors import (
    ArgumentTransformationMetadataException, ErrorCategory, ErrorRecord, MetadataException, RuntimeException,
    SessionStateException,
)
from pwshlike.runtime.scopes import PSVariable, parse_options
from pwshlike.dotnet.wildcard import wildcard_match


_VISIBILITY = validate_set(["Public", "Private"])


def _has_wildcard(text: str) -> bool:
    return any(c in text for c in "*?[")


class _VariableCmdlet(Cmdlet):
    """Scope lookup and the not-found error the variable cmdlets share."""

    scope = Parameter("String", help="Global, Script, Local or a number of scopes up.")

    def _target_scope(self) -> Any:
        current = self.context.scope
        return self.context.session.resolve_scope(self.scope, current) if self.scope else current

    def _variables(self) -> list[PSVariable]:
        if self.scope:
            return list(self._target_scope().vars.values())
        return self.context.session.visible_variables(self.context.scope)

    def _matching(self, names: list[str], include: Any, exclude: Any) -> Iterator[tuple[str, list[PSVariable]]]:
        variables = self._variables()
        for name in names:
            found = [v for v in variables if wildcard_match(v.name, name)
                     and (not include or any(wildcard_match(v.name, i) for i in include))
                     and not any(wildcard_match(v.name, e) for e in exclude or ())]
            yield name, sorted(found, key=lambda v: v.name.lower())

    def _not_found(self, name: str) -> None:
        exc = SessionStateException(f"Cannot find a variable with the name '{name}'.")
        self.write_error(ErrorRecord(exc, "VariableNotFound", ErrorCategory.ObjectNotFound, name))

    def _guard(self, action: Any) -> bool:
        """Runs ``action``; a session-state error (read-only variable...)
        becomes a non-terminating error of this cmdlet.  A value the
        variable's type or attributes refuse stays terminating, as pwsh's
        cmdlet catches only SessionStateException."""
        try:
            action()
        except (ArgumentTransformationMetadataException, MetadataException):
            raise
        except RuntimeException as exc:
            self.write_error(exc.error_record)
            return False
        return True


@cmdlet("Get-Variable")
class GetVariableCommand(_VariableCmdlet):
    """Gets variables (or only their values with -ValueOnly)."""

    name = Parameter("String[]", position=0, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="Names, wildcards allowed.",
                     supports_wildcards=True)
    value_only = Parameter("SwitchParameter", help="Outputs only the values.")
    include = Parameter("String[]", help="Only these names.")
    exclude = Parameter("String[]", help="Not these names.")

    def process_record(self) -> Iterator[Any]:
        for name, found in self._matching(self.name or ["*"], self.include, self.exclude):
            if not found and not _has_wildcard(name):
                self._not_found(name)
            for var in found:
                yield var.value if self.value_only else var


@cmdlet("Set-Variable")
class SetVariableCommand(_VariableCmdlet):
    """Sets a variable's value, creating it if needed."""

    name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     help="The variable names.")
    value = Parameter("Object", position=1, value_from_pipeline=True,
                      value_from_pipeline_by_property_name=True, help="The value.")
    include = Parameter("String[]")
    exclude = Parameter("String[]")
    description = Parameter("String", help="A description of the variable.")
    option = Parameter("ScopedItemOptions", converter=parse_options,
                       help="None, ReadOnly, Constant, Private, AllScope.")
    force = Parameter("SwitchParameter", help="Overwrites a read-only variable.")
    visibility = Parameter("SessionStateEntryVisibility", converter=str, validators=[_VISIBILITY])
    pass_thru = Parameter("SwitchParameter", help="Outputs the variable.")

    def process_record(self) -> Iterator[Any]:
        scope = self._target_scope()
        session = self.context.session
        for name in self.name:
            existing = scope.vars.get(name.lower())
            options = self.option

            def assign(name: str = name, existing: Optional[PSVariable] = existing) -> None:
                if existing is None:
                    session.define(scope, name, self.value, options or 0, description=self.description or "")
                    return
                if options is not None or self.force:
                    existing.assign(self.value, force=bool(self.force))
                    if options is not None:
                        existing.options = options
                        existing.refresh()
                else:
                    existing.assign(self.value)
                if self.description is not None:
                    existing.description = self.description

            if self._guard(assign) and self.pass_thru:
                yield scope.vars[name.lower()]


@cmdlet("New-Variable")
class NewVariableCommand(_VariableCmdlet):
    """Creates a variable; an existing one is an error unless -Force."""

    name = Parameter("String", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    value = Parameter("Object", position=1, value_from_pipeline=True, value_from_pipeline_by_property_name=True)
    description = Parameter("String")
    option = Parameter("ScopedItemOptions", converter=parse_options)
    visibility = Parameter("SessionStateEntryVisibility", converter=str, validators=[_VISIBILITY])
    force = Parameter("SwitchParameter")
    pass_thru = Parameter("SwitchParameter")

    def process_record(self) -> Iterator[Any]:
        scope = self._target_scope()
        existing = scope.vars.get(self.name.lower())
        if existing is not None and not self.force:
            exc = SessionStateException(f"A variable with name '{self.name}' already exists.")
            self.write_error(ErrorRecord(exc, "VariableAlreadyExists", ErrorCategory.ResourceExists, self.name))
            return
        options = self.option or 0
        created: list[PSVariable] = []
        if self._guard(lambda: created.append(self.context.session.define(
                scope, self.name, self.value, options, description=self.description or "",
                force=bool(self.force)))) and self.pass_thru:
            yield created[0]


@cmdlet("Remove-Variable")
class RemoveVariableCommand(_VariableCmdlet):
    """Deletes variables."""

    name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    include = Parameter("String[]")
    exclude = Parameter("String[]")
    force = Parameter("SwitchParameter", help="Removes read-only variables too.")

    def process_record(self) -> None:
        session = self.context.session
        for name, found in self._matching(self.name, self.include, self.exclude):
            if not found and not _has_wildcard(name):
                self._not_found(name)
            for var in found:
                holder = self._holder(var)
                self._guard(lambda var=var, holder=holder: session.remove(var.name, holder, bool(self.force)))

    def _holder(self, var: PSVariable) -> Any:
        """The scope that owns ``var`` (the nearest one, as pwsh removes)."""
        scope = self._target_scope() if self.scope else self.context.scope
        while scope is not None and scope.vars.get(var.name.lower()) is not var:
            scope = scope.parent
        return scope if scope is not None else self.context.scope


@cmdlet("Clear-Variable")
class ClearVariableCommand(_VariableCmdlet):
    """Sets variables to $null, keeping them."""

    name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    include = Parameter("String[]")
    exclude = Parameter("String[]")
    force = Parameter("SwitchParameter")
    pass_thru = Parameter("SwitchParameter")

    def process_record(self) -> Iterator[Any]:
        for name, found in self._matching(self.name, self.include, self.exclude):
            if not found and not _has_wildcard(name):
                self._not_found(name)
            for var in found:
                if self._guard(lambda var=var: var.assign(None, force=bool(self.force))) and self.pass_thru:
                    yield var


