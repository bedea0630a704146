"""The session-state providers: Environment, Variable, Function and Alias.

They share pwsh's SessionStateProviderBase: a flat table of named items,
New-Item refusing an existing name without -Force ("The item at path 'x'
already exists."), Remove-Item removing the nearest visible item, Copy-Item
and Rename-Item writing the item under another name, and the ShouldProcess
texts ("New Item", "Item: x Type: y Value: z").  Each provider only says how
to list, write and delete its items (:class:`SessionStateItems` subclasses);
Move-Item is not something these providers do.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from typing import Any, Iterator, Optional

from pwshlike.commands.commandinfo import AliasInfo, FunctionInfo
from pwshlike.dotnet.conversions import dotnet_to_string, to_string
from pwshlike.dotnet.errors import (ArgumentNullException, ErrorCategory, ErrorRecord, PSArgumentException,
                                    ParameterBindingException, RuntimeException, SessionStateUnauthorizedAccessException)
from pwshlike.dotnet.values import DictionaryEntry
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match
from pwshlike.runtime.scopes import CONSTANT, READONLY, PSVariable, QualifiedName, parse_options, set_env


class SessionStateItems(ABC):
    """What the four session-state providers share; subclasses give the
    table (name -> item object as pwsh outputs it), writing and removing."""

    name = ""
    case_sensitive = False

    # --- what a provider defines --------------------------------------------------------

    @abstractmethod
    def table(self, cmd: Any) -> dict[str, Any]:
        """Every item the caller sees: its name -> the object pwsh outputs."""

    @abstractmethod
    def write(self, cmd: Any, name: str, value: Any) -> Any:
        """Sets item ``name`` to ``value``; returns the item."""

    @abstractmethod
    def delete(self, cmd: Any, name: str, force: bool) -> None:
        """Removes item ``name`` (``force``: even a read-only one)."""

    def value_of(self, item: Any) -> Any:
        return item.Value

    def clear(self, cmd: Any, name: str) -> None:
        """Clear-Item (and Set-Item without a value): an item whose value
        cannot be $null goes away (a variable overrides this to keep the name)."""
        self.delete(cmd, name, bool(cmd.force))

    def check_rename(self, cmd: Any, item: Any) -> None:
        """Raises when pwsh's provider refuses to rename ``item``."""

    def rename_value(self, item: Any) -> Any:
        """What Rename-Item writes under the new name."""
        return self.value_of(item)

    # --- paths --------------------------------------------------------------------------

    def find(self, cmd: Any, name: str) -> Optional[tuple[str, Any]]:
        """``(stored name, item)`` for ``name``, or None."""
        table = self.table(cmd)
        if name in table:
            return name, table[name]
        if not self.case_sensitive:
            low = name.lower()
            for key, item in table.items():
                if key.lower() == low:
                    return key, item
        return None

    def resolve(self, cmd: Any, name: str, literal: bool, force: bool = False) -> tuple[list[str], bool]:
        """``(names, was_wildcard)``: the matching names of a wildcard, or
        the one name when it exists (none when it does not)."""
        if not literal and contains_wildcard(name):
            found = [key for key in self.table(cmd) if wildcard_match(key, name, self.case_sensitive)]
            return sorted(found, key=str.lower), True
        hit = self.find(cmd, name)
        return ([hit[0]] if hit is not None else []), False

    def full_path(self, cmd: Any, path: str) -> str:
        return path

    def is_container(self, path: str) -> bool:
        return not path

    def has_children(self, path: str) -> bool:
        return False

    # --- the item operations ---------------------------------------------------------------

    def new_item(self, cmd: Any, name: str, item_type: Optional[str], value: Any) -> Iterator[Any]:
        if not name:
            exc = PSArgumentException('Cannot process argument because the value of argument "path" is not valid. '
                                      'Change the value of the "path" argument and run the operation again.')
            cmd.write_error(ErrorRecord(exc, "NewItemNullPath", ErrorCategory.InvalidArgument, name))
            return
        if value is None:
            exc = ArgumentNullException(None, None, "value")
            cmd.write_error(ErrorRecord(exc, "NewItemValueNotSpecified", ErrorCategory.InvalidArgument, name))
            return
        if self.find(cmd, name) is not None and not cmd.force:
            cmd.write_error(_already_exists(name))
            return
        resource = f"Item: {name} Type: {item_type or ''} Value: {dotnet_to_string(value)}"
        if cmd.should_process(resource, "New Item"):
            item = self._guarded(cmd, lambda: self.write(cmd, name, value))
            if item is not None:
                yield item

    def remove_item(self, cmd: Any, name: str, recurse: bool) -> None:
        if cmd.should_process(f"Item: {name}", "Remove Item"):
            self._guarded(cmd, lambda: self.delete(cmd, name, bool(cmd.force)))

    def copy_item(self, cmd: Any, name: str, destination: str, recurse: bool) -> Iterator[Any]:
        hit = self.find(cmd, name)
        if hit is None:
            exc = PSArgumentException(f"Cannot copy item. Item at the path '{name}' does not exist.")
            cmd.write_error(ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, None))
            return
        if not destination:
            yield hit[1]
            return
        if cmd.should_process(f"Item: {name} Destination: {destination}", "Copy Item"):
            item = self._guarded(cmd, lambda: self.write(cmd, destination, self.value_of(hit[1])))
            if item is not None:
                yield item

    def rename_item(self, cmd: Any, name: str, new_name: str) -> Iterator[Any]:
        hit = self.find(cmd, name)
        if hit is None:
            exc = PSArgumentException(f"The item at the path '{name}' does not exist.")
            cmd.write_error(ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, None))
            return
        if self.find(cmd, new_name) is not None and not cmd.force and new_name.lower() != name.lower():
            cmd.write_error(_already_exists(new_name))
            return
        if not cmd.should_process(f"Item: {name} NewName: {new_name}", "Rename Item"):
            return

        def rename() -> Any:
            self.check_rename(cmd, hit[1])
            if new_name.lower() == name.lower():
                return hit[1]
            item = self.write(cmd, new_name, self.rename_value(hit[1]))
            self.delete(cmd, hit[0], True)
            return item
        item = self._guarded(cmd, rename)
        if item is not None:
            yield item

    def move_item(self, cmd: Any, name: str, destination: str) -> Iterator[Any]:
        """Not a navigation provider: pwsh fails already while asking the
        provider for Move-Item's dynamic parameters, a terminating
        binding error."""
        exc = ParameterBindingException("Cannot retrieve the dynamic parameters for the cmdlet. Provider operation "
                                        "stopped because the provider does not support this operation.",
                                        error_id="GetDynamicParametersException",
                                        category=ErrorCategory.InvalidArgument)
        cmd.throw_terminating_error(exc.error_record)
        return iter(())

    @staticmethod
    def _guarded(cmd: Any, action: Any) -> Any:
        """Runs ``action``; a session-state error (a read-only variable, a
        script that does not parse) becomes the cmdlet's non-terminating error."""
        try:
            return action()
        except (RuntimeException, PSArgumentException) as exc:
            cmd.write_error(exc.error_record)
            return None


def _already_exists(name: str) -> ErrorRecord:
    exc = PSArgumentException(f"The item at path '{name}' already exists.")
    return ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, None)


def _owning_scope(cmd: Any, table_name: str, key: str) -> Any:
    """The nearest scope whose ``table_name`` (vars, functions, aliases)
    holds ``key``: pwsh removes the item the caller sees."""
    scope = cmd.context.scope
    while scope is not None:
        table = getattr(scope, table_name)
        if table is not None and key in table:
            return scope
        scope = scope.parent
    return None


class EnvironmentItems(SessionStateItems):
    """``Env:``: the process environment, case-sensitive as on Linux; items
    are DictionaryEntry objects (Name/Key and Value)."""

    name = "Environment"
    case_sensitive = True

    def table(self, cmd: Any) -> dict[str, Any]:
        return {key: DictionaryEntry(key, value) for key, value in os.environ.items()}

    def write(self, cmd: Any, name: str, value: Any) -> Any:
        if "=" in name or "\0" in name:
            raise PSArgumentException("Environment variable name cannot contain equal character.")
        set_env(name, to_string(value))
        return DictionaryEntry(name, os.environ.get(name, ""))

    def delete(self, cmd: Any, name: str, force: bool) -> None:
        os.environ.pop(name, None)


class VariableItems(SessionStateItems):
    """``Variable:``: the variables visible from the caller's scope; new
    ones are made in that scope, removal takes the one the caller sees."""

    name = "Variable"

    def table(self, cmd: Any) -> dict[str, Any]:
        return {var.name: var for var in cmd.context.session.visible_variables(cmd.context.scope)}

    def write(self, cmd: Any, name: str, value: Any) -> Any:
        """A PSVariable value (Copy-Item, Rename-Item) makes a variable with
        its options and description, as pwsh's VariableProvider does."""
        context = cmd.context
        if isinstance(value, PSVariable):
            return context.session.define(context.scope, name, value.value, value.options,
                                          description=value.description, force=bool(getattr(cmd, "force", False)))
        existing = context.session.lookup(name.lower(), context.scope)
        if existing is not None and getattr(cmd, "force", False) and existing.options & READONLY \
                and not existing.options & CONSTANT:
            # pwsh's SetVariable with force: a read-only variable takes the value and stays read-only.
            existing.value = existing.coerce(value)
            return existing
        context.session.set_value(QualifiedName(name), value, context.scope)
        return context.session.lookup(name.lower(), context.scope)

    def delete(self, cmd: Any, name: str, force: bool) -> None:
        scope = _owning_scope(cmd, "vars", name.lower())
        if scope is not None:
            cmd.context.session.remove(name, scope, force)

    def value_of(self, item: Any) -> Any:
        return item.value

    def check_rename(self, cmd: Any, item: Any) -> None:
        """pwsh's VariableProvider.CanRenameItem: never a constant variable,
        a read-only one only with -Force."""
        if item.options & CONSTANT or (item.options & READONLY and not cmd.force):
            raise SessionStateUnauthorizedAccessException(
                f"Cannot rename variable because variable {item.name} is read-only or constant.",
                error_id="CannotRenameVariable", category=ErrorCategory.WriteError, target_object=item.name)

    def rename_value(self, item: Any) -> Any:
        return item  # the PSVariable: the new name keeps its options and description

    def clear(self, cmd: Any, name: str) -> None:
        """Clear-Item keeps the variable with a $null value; -Force also
        clears a read-only one (never a constant)."""
        hit = self.find(cmd, name)
        if hit is not None and cmd.force and hit[1].options & READONLY and not hit[1].options & CONSTANT:
            hit[1].value = None
            return
        self.write(cmd, name, None)


class FunctionItems(SessionStateItems):
    """``Function:``: the visible functions as FunctionInfo; a value may be
    a script block, a FunctionInfo or the text of a script."""

    name = "Function"

    def table(self, cmd: Any) -> dict[str, Any]:
        found = {}
        session, scope = cmd.context.session, cmd.context.scope
        for key, block in session.visible_functions(scope).items():
            name = session.function_name(key, scope) or getattr(block, "name", "") or key
            found[name] = FunctionInfo(name, block, "Filter" if getattr(block, "is_filter", False) else "Function")
        return found

    def write(self, cmd: Any, name: str, value: Any) -> Any:
        """Defines the function with -Options when given (a FunctionInfo
        value brings its own options otherwise); a read-only one is
        replaced only with -Force."""
        from pwshlike.runtime.scriptblock import ScriptBlock
        options = getattr(cmd, "options", None)
        if isinstance(value, FunctionInfo):
            if options is None:
                options = parse_options(value.options)
            value = value.script_block
        elif isinstance(value, str):
            value = ScriptBlock.create(value, cmd.context)
        if not isinstance(value, ScriptBlock):
            raise PSArgumentException('Cannot process argument because the value of argument "value" is not valid. '
                                      'Change the value of the "value" argument and run the operation again.')
        cmd.context.session.set_function(name, value, cmd.context.scope, options, bool(getattr(cmd, "force", False)))
        return FunctionInfo(name, value)

    def delete(self, cmd: Any, name: str, force: bool) -> None:
        scope = _owning_scope(cmd, "functions", name.lower())
        if scope is not None:
            cmd.context.session.set_function(name, None, scope, force=force)

    def value_of(self, item: Any) -> Any:
        return item.script_block

    def check_rename(self, cmd: Any, item: Any) -> None:
        """pwsh's FunctionProvider.CanRenameItem: never a constant
        function, a read-only one only with -Force."""
        options = parse_options(item.options)
        if options & CONSTANT or (options & READONLY and not cmd.force):
            raise SessionStateUnauthorizedAccessException(
                f"Cannot rename function because function {item.name} is read-only or constant.",
                error_id="CannotRenameFunction", category=ErrorCategory.WriteError, target_object=item.name)

    def rename_value(self, item: Any) -> Any:
        return item  # the FunctionInfo: the new name keeps the options


class AliasItems(SessionStateItems):
    """``Alias:``: the visible aliases as AliasInfo; the value is the
    command name the alias stands for."""

    name = "Alias"

    def table(self, cmd: Any) -> dict[str, Any]:
        return {key: AliasInfo(key, str(target))
                for key, target in cmd.context.session.visible_aliases(cmd.context.scope).items()}

    def write(self, cmd: Any, name: str, value: Any) -> Any:
        target = value.target if isinstance(value, AliasInfo) else to_string(value)
        cmd.context.session.set_alias(name, target, cmd.context.scope)
        return AliasInfo(name, target)

    def delete(self, cmd: Any, name: str, force: bool) -> None:
        scope = _owning_scope(cmd, "aliases", name.lower())
        if scope is not None:
            cmd.context.session.set_alias(name, None, scope)

    def value_of(self, item: Any) -> Any:
        return item.target


ENVIRONMENT = EnvironmentItems()
VARIABLE = VariableItems()
FUNCTION = FunctionItems()
ALIAS = AliasItems()
