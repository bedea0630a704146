"""The *-Variable cmdlets, over the engine's session state.

They follow pwsh's VariableCommandBase: a name is matched (wildcards
allowed) against the variables visible from the caller when no -Scope is
given, or against one scope's own variables with -Scope (Global, Script,
Local, Private or a number of levels up).  -Include/-Exclude filter the
names; a plain name they filter out is not reported as missing.  Set-Variable
and New-Variable without -Scope work on the caller's own scope, and so does
Remove-Variable.  Errors are pwsh's: VariableNotFound, VariableAlreadyExists,
VariableNotWritable, VariableNotRemovable, VariableCannotBeMadeConstant.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty, validate_set
from pwshlike.dotnet.conversions import dotnet_to_string
from pwshlike.dotnet.errors import (
    ArgumentTransformationMetadataException, ErrorCategory, ErrorDetails, ErrorRecord, InvalidOperationException,
    ItemNotFoundException, MetadataException, RuntimeException, SessionStateException,
    SessionStateUnauthorizedAccessException,
)
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match
from pwshlike.runtime.scopes import ALLSCOPE, CONSTANT, PRIVATE, READONLY, PSVariable, parse_options

_NO_VALUE: Any = object()  # pwsh's AutomationNull default of Set-Variable -Value


def _options_parameter() -> Parameter:
    return Parameter("ScopedItemOptions", converter=parse_options,
                     help="None, ReadOnly, Constant, Private, AllScope or Unspecified; several joined with commas.")


def _visibility_parameter() -> Parameter:
    """-Visibility of Set- and New-Variable."""
    return Parameter("SessionStateEntryVisibility", converter=str, validators=[validate_set(["Public", "Private"])],
                     help="Public or Private.")


def _name_filter_parameters() -> tuple[Parameter, Parameter]:
    """-Include and -Exclude, alike on every variable cmdlet that filters names."""
    return (Parameter("String[]", help="Only names that match one of these patterns.", supports_wildcards=True),
            Parameter("String[]", help="Leaves out names that match one of these patterns.",
                      supports_wildcards=True))


def _unauthorized(name: str, error_id: str, message: str) -> SessionStateUnauthorizedAccessException:
    exc = SessionStateUnauthorizedAccessException(message.format(name), error_id=error_id,
                                                  category=ErrorCategory.WriteError, target_object=name)
    return exc


def _set_options(var: PSVariable, options: int, force: bool = False) -> None:
    """pwsh's PSVariable.SetOptions: a constant (or, without force, a
    read-only) variable keeps its options, Constant can only be given at
    creation, and AllScope cannot be taken away."""
    if var.options & CONSTANT or (not force and var.options & READONLY):
        raise _unauthorized(var.name, "VariableNotWritable",
                            "Cannot overwrite variable {0} because it is read-only or constant.")
    if options & CONSTANT:
        raise _unauthorized(var.name, "VariableCannotBeMadeConstant",
                            "Existing variable {0} cannot be made constant. Variables can be made constant only at "
                            "creation time.")
    if var.options & ALLSCOPE and not options & ALLSCOPE:
        raise _unauthorized(var.name, "VariableAllScopeOptionCannotBeRemoved",
                            "The AllScope option cannot be removed from the variable '{0}'.")
    var.options = options
    var.refresh()


class _VariableCmdlet(Cmdlet):
    """Scope lookup, name matching and the errors the variable cmdlets share."""

    scope = Parameter("String", validators=[validate_not_null_or_empty()],
                      help="Global, Script, Local, Private or a number of scopes up from the current one.")
    # Not annotated: an annotation would declare -Include/-Exclude on every variable cmdlet (New-Variable has none).
    include = None
    exclude = None

    def _scope_at(self, spec: Optional[str]) -> Any:
        current = self.context.scope
        return self.context.session.resolve_scope(spec, current) if spec else current

    def _matching(self, name: str, lookup_scope: Optional[str]) -> tuple[list[PSVariable], bool]:
        """pwsh's GetMatchingVariables: the variables ``name`` matches, and
        whether a match was filtered out by -Include/-Exclude (then a
        missing plain name is no error)."""
        name = name or "*"
        include = [i for i in self.include or ()]
        exclude = [e for e in self.exclude or ()]

        def passes(text: str) -> bool:
            return (not include or any(wildcard_match(text, i) for i in include)) \
                and not any(wildcard_match(text, e) for e in exclude)

        wildcard = contains_wildcard(name)
        if not wildcard and not passes(name):
            return [], True
        if lookup_scope:
            table = list(self._scope_at(lookup_scope).vars.values())
        else:
            table = self.context.session.visible_variables(self.context.scope)
        found: list[PSVariable] = []
        filtered = False
        for var in table:
            if wildcard_match(var.name, name):
                if passes(var.name):
                    found.append(var)
                else:
                    filtered = True
            elif wildcard:
                filtered = True
        return found, filtered

    def _not_found(self, name: str) -> None:
        # pwsh writes the exception's own record, so a catch after -ErrorAction Stop sees the same id.
        exc = ItemNotFoundException(f"Cannot find a variable with the name '{name}'.")
        exc.error_record = record = ErrorRecord(exc, "VariableNotFound", ErrorCategory.ObjectNotFound, name)
        self.write_error(record)

    def _guard(self, action: Any) -> bool:
        """Runs ``action``; a session-state error (read-only variable...)
        becomes a non-terminating error of this cmdlet.  A value the
        variable's type or attributes refuse stays terminating, as pwsh's
        cmdlet catches only SessionStateException and PSArgumentException."""
        try:
            action()
        except (ArgumentTransformationMetadataException, MetadataException):
            raise
        except RuntimeException as exc:
            self.write_error(exc.error_record)
            return False
        return True


@cmdlet("Get-Variable", output_types=("System.Management.Automation.PSVariable",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096711")
class GetVariableCommand(_VariableCmdlet):
    """Gets the variables visible from the current scope, or only their values.

    Without -Name every visible variable is returned, sorted by name.  A name
    without wildcards that matches nothing is a VariableNotFound error;
    private variables of outer scopes are not visible."""

    help_examples = [
        ("Example 1: Variables whose names start with m", "Get-Variable m*",
         "Lists the variables starting with m, with their values."),
        ("Example 2: Only the value", "Get-Variable -Name PSVersionTable -ValueOnly",
         "Returns the hashtable itself rather than the PSVariable holding it."),
        ("Example 3: The variables of the global scope", "Get-Variable -Scope Global -Exclude *Preference",
         "Lists the global scope's own variables, leaving out the preference variables."),
    ]

    name = Parameter("String[]", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                     validators=[validate_not_null_or_empty()], help="The names to get; wildcards are allowed.",
                     supports_wildcards=True)
    value_only = Parameter("SwitchParameter", help="Returns only the values, not the variables.")
    include, exclude = _name_filter_parameters()

    def process_record(self) -> Iterator[Any]:
        for name in self.name or ["*"]:
            found, filtered = self._matching(name, self.scope)
            found.sort(key=lambda v: v.name.lower())
            for var in found:
                yield var.value if self.value_only else var
            if not found and not filtered:
                self._not_found(name)


@cmdlet("Set-Variable", supports_should_process=True, output_types=("System.Management.Automation.PSVariable",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096624")
class SetVariableCommand(_VariableCmdlet):
    """Sets the value of a variable, creating it when it does not exist.

    Without -Scope the variable is set in the current scope.  Existing
    variables can also get a new description or options; a read-only
    variable needs -Force and a constant one cannot change.  When -Value is
    not given, the objects piped in become the value (one object alone, more
    as an array); -Append adds the value(s) to the variable's current value."""

    help_examples = [
        ("Example 1: Set a variable", "Set-Variable -Name answer -Value 42", "Same as $answer = 42."),
        ("Example 2: Make a read-only global variable",
         "Set-Variable -Name root -Value /srv -Option ReadOnly -Scope Global",
         "Changing $root later needs Set-Variable -Force."),
        ("Example 3: Collect pipeline output", "Get-ChildItem | Set-Variable -Name items",
         "$items holds every item the command wrote."),
        ("Example 4: Append to a variable", "Set-Variable -Name list -Value 1; 2, 3 | Set-Variable list -Append",
         "$list is now 1, 2, 3."),
    ]

    name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     help="The names of the variables to set; wildcards set every matching variable.")
    value = Parameter("Object", position=1, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                      default=_NO_VALUE, default_text="None", help="The value to give the variables.")
    include, exclude = _name_filter_parameters()
    description = Parameter("String", help="A description of the variable.")
    option = _options_parameter()
    force = Parameter("SwitchParameter", help="Changes a read-only variable too.")
    visibility = _visibility_parameter()
    pass_thru = Parameter("SwitchParameter", help="Returns the variables set.")
    append = Parameter("SwitchParameter", help="Adds the value to the variable's current value, making a list.")

    def begin_processing(self) -> None:
        self._name_formal = bool(self.name)
        self._value_formal = "Value" in self.bound_parameters
        self._values: Optional[list[Any]] = None
        if not self.append:
            return
        if not self.name or len(self.name) != 1:
            record = ErrorRecord(InvalidOperationException("Operation is not valid due to the current state of "
                                                           "the object."),
                                 "SetVariableAppend", ErrorCategory.InvalidOperation, self.name)
            record.error_details = ErrorDetails("SetVariableAppend", "Use a single variable rather than a collection")
            self.throw_terminating_error(record)
        self._values = []
        current = self.context.session.lookup(self.name[0].lower(), self.context.scope)
        if current is not None:
            if isinstance(current.value, list):
                self._values.extend(current.value)
            else:
                self._values.append(current.value)

    def process_record(self) -> Iterator[Any]:
        if self._name_formal and self._value_formal:
            if self.append and self.value is not _NO_VALUE:
                self._values = self._values if self._values is not None else []
                self._values.append(self.value)
            return
        if self._name_formal:
            if self.value is not _NO_VALUE:
                self._values = self._values if self._values is not None else []
                self._values.append(self.value)
            return
        yield from self._set(self.name, self.value)

    def end_processing(self) -> Iterator[Any]:
        if not self._name_formal:
            return
        if self._value_formal:
            yield from self._set(self.name, self._values if self.append else self.value)
            return
        values = self._values
        if not values:
            yield from self._set(self.name, _NO_VALUE)
        else:
            yield from self._set(self.name, values[0] if len(values) == 1 else list(values))

    def _set(self, names: list[str], value: Any) -> Iterator[Any]:
        for name in names:
            found, filtered = self._matching(name, self.scope or "Local")
            if not found and not filtered:
                yield from self._create(name, value)
                continue
            for var in found:
                shown = None if value is _NO_VALUE else value
                if not self.should_process(f"Name: {var.name} Value: {dotnet_to_string(shown)}", "Set variable"):
                    continue
                if self._guard(lambda var=var: self._update(var, value)) and self.pass_thru:
                    yield var

    def _create(self, name: str, value: Any) -> Iterator[Any]:
        options = PRIVATE if (self.scope or "").lower() == "private" else 0
        if self.option is not None:
            options |= self.option
        value = None if value is _NO_VALUE else value
        if not self.should_process(f"Name: {name} Value: {dotnet_to_string(value)}", "Set variable"):
            return
        created: list[PSVariable] = []
        scope = self._scope_at(self.scope)
        if self._guard(lambda: created.append(self.context.session.define(
                scope, name, value, options, description=self.description or "",
                force=bool(self.force)))) and self.pass_thru:
            yield created[0]

    def _update(self, var: PSVariable, value: Any) -> None:
        was_read_only = bool(self.force and var.options & READONLY)
        if was_read_only:
            _set_options(var, var.options & ~READONLY, force=True)
        try:
            if value is not _NO_VALUE:
                var.assign(value)
            if self.description is not None:
                var.description = self.description
            if self.option is not None:
                _set_options(var, self.option)
                was_read_only = False
        finally:
            if was_read_only:
                _set_options(var, var.options | READONLY, force=True)


@cmdlet("New-Variable", supports_should_process=True, confirm_impact="Low",
        output_types=("System.Management.Automation.PSVariable",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097121")
class NewVariableCommand(_VariableCmdlet):
    """Creates a new variable.

    The variable is made in the current scope unless -Scope says otherwise.
    A variable of that name already in that scope is a VariableAlreadyExists
    error unless -Force is given (a constant one cannot be replaced even
    then).  Unlike an assignment, New-Variable can set options such as
    ReadOnly or Constant and a description."""

    help_examples = [
        ("Example 1: Create a variable", "New-Variable -Name days -Value 7", "Same as $days = 7."),
        ("Example 2: A constant", "New-Variable -Name pi2 -Value 6.2832 -Option Constant",
         "$pi2 can never be changed or removed in this session."),
        ("Example 3: Replace an existing variable", "New-Variable -Name days -Value 14 -Force -PassThru",
         "Replaces $days and returns the new PSVariable."),
    ]

    name = Parameter("String", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     help="The name of the new variable.")
    value = Parameter("Object", position=1, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                      help="The initial value.")
    description = Parameter("String", help="A description of the variable.")
    option = _options_parameter()
    visibility = _visibility_parameter()
    force = Parameter("SwitchParameter", help="Replaces a variable of the same name in the target scope.")
    pass_thru = Parameter("SwitchParameter", help="Returns the new variable.")

    def process_record(self) -> Iterator[Any]:
        scope = self._scope_at(self.scope)
        if not self.force and scope.vars.get(self.name.lower()) is not None:
            exc = SessionStateException(f"A variable with name '{self.name}' already exists.")
            exc.error_record = record = ErrorRecord(exc, "VariableAlreadyExists", ErrorCategory.ResourceExists,
                                                    self.name)
            self.write_error(record)
            return
        if not self.should_process(f"Name: {self.name} Value: {dotnet_to_string(self.value)}", "New variable"):
            return
        options = self.option or 0
        created: list[PSVariable] = []
        if self._guard(lambda: created.append(self.context.session.define(
                scope, self.name, self.value, options, description=self.description or "",
                force=bool(self.force)))) and self.pass_thru:
            yield created[0]


@cmdlet("Remove-Variable", supports_should_process=True, help_uri="https://go.microsoft.com/fwlink/?LinkID=2097123")
class RemoveVariableCommand(_VariableCmdlet):
    """Deletes variables.

    Without -Scope only the current scope's own variables are removed, as in
    pwsh: a variable of an outer scope needs -Scope.  Read-only variables
    need -Force; constant ones cannot be removed."""

    help_examples = [
        ("Example 1: Remove a variable", "Remove-Variable -Name days", "$days no longer exists afterwards."),
        ("Example 2: Remove several", "Remove-Variable -Name tmp* -Exclude tmpKeep",
         "Removes the current scope's variables starting with tmp, except $tmpKeep."),
    ]

    name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     help="The names of the variables to remove; wildcards are allowed.", supports_wildcards=True)
    include, exclude = _name_filter_parameters()
    force = Parameter("SwitchParameter", help="Removes read-only variables too.")

    def process_record(self) -> None:
        session = self.context.session
        lookup = self.scope or "Local"
        holder = self._scope_at(lookup)
        for name in self.name:
            found, filtered = self._matching(name, lookup)
            if not found and not filtered:
                self._not_found(name)
                continue
            for var in found:
                if self.should_process(f"Name: {var.name}", "Remove variable"):
                    self._guard(lambda var=var: session.remove(var.name, holder, bool(self.force)))


@cmdlet("Clear-Variable", supports_should_process=True, output_types=("System.Management.Automation.PSVariable",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096923")
class ClearVariableCommand(_VariableCmdlet):
    """Sets variables to $null, keeping the variables themselves.

    Their options, description and type constraint stay.  A read-only
    variable is cleared only with -Force; a constant one never.  Without
    -Scope the value is set as an assignment would set it: a variable of an
    outer scope is hidden by a new $null variable in the current scope, as
    in pwsh; name the scope to clear the outer variable itself."""

    help_examples = [
        ("Example 1: Empty a variable", "Clear-Variable -Name results", "$results is $null but still exists."),
        ("Example 2: Clear global variables", "Clear-Variable -Name cache* -Scope Global -PassThru",
         "Clears the global variables starting with cache and returns them."),
    ]

    name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     help="The names of the variables to clear; wildcards are allowed.", supports_wildcards=True)
    include, exclude = _name_filter_parameters()
    force = Parameter("SwitchParameter", help="Clears read-only variables too.")
    pass_thru = Parameter("SwitchParameter", help="Returns the cleared variables.")

    def process_record(self) -> Iterator[Any]:
        for name in self.name:
            found, filtered = self._matching(name, self.scope)
            if not found and not filtered:
                self._not_found(name)
                continue
            for var in found:
                if not self.should_process(f"Name: {var.name}", "Clear variable"):
                    continue
                cleared: list[PSVariable] = []
                if self._guard(lambda var=var: cleared.append(self._clear(var))) and self.pass_thru:
                    yield cleared[0]

    def _clear(self, var: PSVariable) -> PSVariable:
        if self.force and var.options & READONLY:
            _set_options(var, var.options & ~READONLY, force=True)
            try:
                return self._clear_value(var)
            finally:
                _set_options(var, var.options | READONLY, force=True)
        return self._clear_value(var)

    def _clear_value(self, var: PSVariable) -> PSVariable:
        """pwsh clears through ``SessionState.PSVariable.Set`` when no scope
        was named: that assigns as ``$name = $null`` does, so a variable of
        an outer scope gets a $null local copy instead of being changed."""
        if self.scope:
            var.assign(None)
            return var
        session, scope = self.context.session, self.context.scope
        key = var.name.lower()
        session.set_plain(key, var.name, None, scope)
        return session.lookup(key, scope) or var
