"""New-Item and Remove-Item, on every provider (files and folders,
``Env:``, ``Variable:``, ``Function:``, ``Alias:``).

The cmdlets resolve paths and decide what is asked; the providers
(``fsprovider``, ``sessionproviders``) do the work and report failures in
pwsh's words.  Remove-Item follows pwsh's RemoveItemCommand: a folder that
has children and no -Recurse is removed only after the user agrees (pwsh
asks with ShouldContinue, so neither -Confirm:$false nor -Force skips the
question; at the end of input the answer is No), and the current location
or a folder above it is never removed.
"""

from __future__ import annotations

import os
from typing import Any, Iterator

from pwshlike.commands.cmdlet import Parameter, cmdlet
from pwshlike.dotnet.wildcard import contains_wildcard

from . import fspaths
from .fsprovider import FILE_SYSTEM
from .itembase import ItemCmdlet, credential_parameter, force_parameter, options_parameter
from .itemproviders import provider_or_error

_WITH_CHILDREN = ("The item at {0} has children and the Recurse parameter was not specified. If you continue, all "
                  "children will be removed with the item. Are you sure you want to continue?")


@cmdlet("New-Item", default_parameter_set="pathSet", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096592")
class NewItemCommand(ItemCmdlet):
    """Creates a file, folder, link, variable, function, alias or
    environment variable.

    -ItemType chooses what to create: File (the default in a folder), Directory, SymbolicLink or HardLink (with
    -Value as the target). On the Env:, Variable:, Function: and Alias: drives the item is a variable, function or
    alias named by -Name with -Value as its value. An existing item is an error unless -Force, which replaces a file
    (emptying it) and keeps an existing folder; -Force also creates missing parent folders."""

    help_examples = [
        ('Example 1: Create an empty file',
         'New-Item -Path ./notes.txt -ItemType File',
         'Creates notes.txt and returns its FileInfo.'),
        ('Example 2: Create a folder and its parents',
         'New-Item -Path ./build/output/logs -ItemType Directory -Force',
         'Creates the whole chain of folders; an existing folder is not an error.'),
        ('Example 3: A file with content',
         "New-Item -Path . -Name hello.txt -ItemType File -Value 'Hello'",
         'Creates hello.txt holding the text Hello.'),
        ('Example 4: A symbolic link',
         'New-Item -ItemType SymbolicLink -Path ./current -Value ./releases/v2',
         'current now points at releases/v2.'),
    ]

    path = Parameter("String[]", sets={"pathSet": {"mandatory": True, "position": 0},
                                       "nameSet": {"position": 0}},
                     value_from_pipeline_by_property_name=True,
                     help="Where to create the item (with -Name: the folder to create it in).")
    name = Parameter("String", sets={"nameSet": {"mandatory": True}}, value_from_pipeline_by_property_name=True,
                     allow_null=True, allow_empty_string=True, help="The new item's name, inside -Path.")
    item_type = Parameter("String", aliases=("Type",), value_from_pipeline_by_property_name=True,
                          help="File (default), Directory, SymbolicLink or HardLink; any unambiguous prefix.")
    value = Parameter("Object", aliases=("Target",), value_from_pipeline=True,
                      value_from_pipeline_by_property_name=True,
                      help="A new file's content, a link's target, or a new variable's (alias's...) value.")
    force = force_parameter("Overwrites an existing file, returns an existing folder, creates missing parent "
                            "folders, replaces an existing variable (alias...).")
    credential = credential_parameter()
    options = options_parameter()

    def process_record(self) -> Iterator[Any]:
        with_name = self.parameter_set_name == "nameSet"
        for raw in self.path or [""]:
            for target in self._containers(raw) if with_name else [raw]:
                found = provider_or_error(self, _child_of(target, self.name) if with_name else target)
                if found is None:
                    continue
                provider, rest = found
                self.options_refused(provider)
                if self.credential_refused(provider):
                    continue
                yield from provider.new_item(self, provider.full_path(self, rest), self.item_type, self.value)

    def _containers(self, raw: str) -> list[str]:
        """With -Name, pwsh resolves a wildcard -Path to the folders it
        matches (each gets the new item; none, nothing happens); any other
        -Path is taken as is."""
        if not contains_wildcard(raw):
            return [raw]
        found = provider_or_error(self, raw)
        if found is None:
            return []
        provider, rest = found
        paths, _ = provider.resolve(self, rest, False, bool(self.force))
        return [p for p in paths if provider.is_container(p)] if provider is FILE_SYSTEM else []


def _child_of(container: str, name: str) -> str:
    """-Path and -Name as one path (``Variable:`` + ``x`` is ``Variable:x``)."""
    if not container:
        return name or ""
    if not name:
        return container
    if container.endswith((":", "/", "\\")):
        return container + name
    return container + "/" + name


@cmdlet("Remove-Item", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097103")
class RemoveItemCommand(ItemCmdlet):
    """Deletes files and folders, variables, functions, aliases and
    environment variables.

    Paths may use wildcards, and -Filter, -Include and -Exclude narrow what goes. A folder that is not empty is
    removed only with -Recurse; hidden and read-only items only with -Force. Use -WhatIf to see what would be
    deleted and -Confirm to be asked for each item. Deleted files do not go to a recycle bin."""

    help_examples = [
        ('Example 1: Delete a file',
         'Remove-Item -Path ./old.log',
         'The file is deleted.'),
        ('Example 2: Check before deleting',
         'Remove-Item ./tmp/* -Recurse -WhatIf',
         'Lists what would be removed, and removes nothing.'),
        ('Example 3: Delete a folder tree',
         'Remove-Item -Path ./build -Recurse -Force',
         'Removes the folder with everything in it, hidden files included.'),
        ('Example 4: Remove an environment variable',
         'Remove-Item Env:HTTP_PROXY',
         'Works on the other drives too: variables, functions and aliases.'),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The items to remove; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The items to remove, taken exactly as typed.")
    filter = Parameter("String", help="Only item names matching this wildcard.", supports_wildcards=True)
    include = Parameter("String[]", help="Only item names matching these wildcards.", supports_wildcards=True)
    exclude = Parameter("String[]", help="Leaves out item names matching these wildcards.",
                        supports_wildcards=True)
    recurse = Parameter("SwitchParameter", help="Also removes everything inside the folders, without asking.")
    force = force_parameter("Also removes hidden and read-only items (and read-only variables...).")
    credential = credential_parameter()

    def process_record(self) -> None:
        literal = self.parameter_set_name == "LiteralPath"
        recurse = bool(self.recurse)
        for raw in (self.literal_path if literal else self.path) or ():
            # pwsh drops the filters while resolving under -Recurse (PowerShell issue 20651).
            for provider, path in self.items(raw, literal, filtered=not recurse):
                if self.in_use(provider, path, "Cannot remove the item at '{0}' because it is in use."):
                    continue
                deep = recurse
                if not recurse and not os.path.islink(path) and provider.has_children(path):
                    if not self.should_continue(_WITH_CHILDREN.format(path)):
                        continue
                    deep = True
                if provider is FILE_SYSTEM and (self.include or self.exclude):
                    self._remove_matching(path, deep)
                else:
                    provider.remove_item(self, path, deep)

    def _remove_matching(self, path: str, recurse: bool) -> int:
        """-Include/-Exclude: removes the matching items at and under
        ``path`` (subfolders only with -Recurse); a folder goes when its name
        matches and nothing unmatched is left in it.  Returns how many items
        stay."""
        if not os.path.isdir(path) or os.path.islink(path):
            if self.name_matches(path):
                FILE_SYSTEM.remove_item(self, path, False)
                return 0
            return 1
        left = 0
        for name in fspaths.list_directory(path, bool(self.force)):
            child = os.path.join(path, name)
            if os.path.isdir(child) and not os.path.islink(child) and not recurse:
                left += 1
            else:
                left += self._remove_matching(child, recurse)
        if left == 0 and self.name_matches(path):
            FILE_SYSTEM.remove_item(self, path, False)
            return 0
        return left + 1
