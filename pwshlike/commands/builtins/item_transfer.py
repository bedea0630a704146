"""Copy-Item, Move-Item and Rename-Item, on every provider that supports
them (files and folders; Copy-Item and Rename-Item also on ``Env:``,
``Variable:``, ``Function:`` and ``Alias:``).

The cmdlets follow pwsh's session-state layer: the source and destination
must be on one provider, a folder is copied into an existing folder (or
becomes the new one), onto an existing file it is
``CopyContainerItemToLeafError``, and with ``-Container:$false -Recurse``
only the files are copied, flat.  Several items are moved only into a
folder.  The items the providers create are output only with -PassThru.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Parameter, cmdlet
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord, PSArgumentException

from .fsprovider import FILE_SYSTEM
from .itembase import ItemCmdlet, credential_parameter, force_parameter
from .itemproviders import provider_or_error


class _TransferCmdlet(ItemCmdlet):
    """Where the destination is, and -PassThru."""

    def destination_of(self, text: Optional[str]) -> Optional[tuple[Any, str]]:
        found = provider_or_error(self, text or ".")
        if found is None:
            return None
        provider, rest = found
        return provider, provider.full_path(self, rest)

    def same_provider(self, source: Any, destination: Any, message: str, error_id: str) -> bool:
        if source is destination:
            return True
        self.write_error(ErrorRecord(ArgumentException(message), error_id, ErrorCategory.InvalidArgument, None))
        return False

    def passed_through(self, items: Iterator[Any]) -> Iterator[Any]:
        """Runs the provider's operation; its items are output with -PassThru."""
        for item in items:
            if self.pass_thru:
                yield item


@cmdlet("Copy-Item", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096990")
class CopyItemCommand(_TransferCmdlet):
    """Copies files and folders (and variables, functions, aliases,
    environment variables) to another place or name.

    -Path (wildcards allowed) names what to copy and -Destination where. A folder is copied with its content only
    with -Recurse; copying into an existing folder puts the item inside it, otherwise the copy takes the
    destination's name. An existing file is overwritten; -Force also replaces read-only files. -Filter, -Include and
    -Exclude narrow what is copied, and -PassThru returns the new items."""

    help_examples = [
        ('Example 1: Copy a file into a folder',
         'Copy-Item -Path ./report.csv -Destination ./archive/',
         'archive/report.csv is created (or replaced).'),
        ('Example 2: Copy a folder tree',
         'Copy-Item -Path ./site -Destination /srv/www/site -Recurse',
         'Copies the folder with all its files and subfolders.'),
        ('Example 3: Copy some files only',
         'Copy-Item -Path ./logs/* -Destination ./backup -Include *.log -PassThru',
         'Copies the .log files and returns the copies.'),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The items to copy; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The items to copy, taken exactly as typed.")
    destination = Parameter("String", position=1, value_from_pipeline_by_property_name=True,
                            help="Where to copy to (default: the current location).")
    container = Parameter("SwitchParameter", help="Keeps the folder structure (default); -Container:$false with "
                                                  "-Recurse copies only the files, flat.")
    force = force_parameter("Also copies hidden items and overwrites read-only files.")
    filter = Parameter("String", help="Only item names matching this wildcard.", supports_wildcards=True)
    include = Parameter("String[]", help="Only item names matching these wildcards.", supports_wildcards=True)
    exclude = Parameter("String[]", help="Leaves out item names matching these wildcards.",
                        supports_wildcards=True)
    recurse = Parameter("SwitchParameter", help="Copies folders with everything in them.")
    pass_thru = Parameter("SwitchParameter", help="Outputs the new items.")
    credential = credential_parameter()

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralPath"
        target = self.destination_of(self.destination)
        if target is None:
            return
        to_provider, destination = target
        recurse = bool(self.recurse)
        keep_folders = True if self.container is None else bool(self.container)
        for raw in (self.literal_path if literal else self.path) or ():
            for provider, path in self.items(raw, literal):
                if not self.same_provider(provider, to_provider, "Source and destination path did not resolve to "
                                          "the same provider.", "CopyItemSourceAndDestinationNotSameProvider"):
                    continue
                if provider is FILE_SYSTEM and os.path.isdir(path):
                    yield from self.passed_through(self._copy_folder(path, destination, recurse, keep_folders))
                else:
                    yield from self.passed_through(provider.copy_item(self, path, destination, recurse))

    def _copy_folder(self, path: str, destination: str, recurse: bool, keep_folders: bool) -> Iterator[Any]:
        if os.path.isdir(destination):
            if not keep_folders and not recurse:
                self._refuse(PSArgumentException("Container cannot be copied to another container. The -Recurse or "
                                                 "-Container parameter is not specified."),
                             "CopyContainerToContainerWithoutRecurseOrContainer", path)
            elif not keep_folders:
                yield from FILE_SYSTEM.copy_children_flat(self, path, destination)
            else:
                yield from FILE_SYSTEM.copy_item(self, path, destination, recurse)
        elif os.path.lexists(destination):
            self._refuse(PSArgumentException("Container cannot be copied onto existing leaf item."),
                         "CopyContainerItemToLeafError", path)
        else:
            yield from FILE_SYSTEM.copy_item(self, path, destination, recurse)

    def _refuse(self, exc: Any, error_id: str, path: str) -> None:
        self.write_error(ErrorRecord(exc, error_id, ErrorCategory.InvalidArgument, path))


@cmdlet("Move-Item", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096591")
class MoveItemCommand(_TransferCmdlet):
    """Moves files and folders to another folder or name.

    The item keeps its name when -Destination is an existing folder, and takes the destination's name otherwise, so
    Move-Item also renames. Folders move with their content. An existing file at the destination is an error unless
    -Force."""

    help_examples = [
        ('Example 1: Move files into a folder',
         'Move-Item -Path ./*.log -Destination ./old-logs/',
         'Every .log file of the current folder moves into old-logs.'),
        ('Example 2: Move and rename',
         'Move-Item ./draft.txt ./published/final.txt',
         'The file ends up in published under the name final.txt.'),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The items to move; wildcards allowed.",
                     supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The items to move, taken exactly as typed.")
    destination = Parameter("String", position=1, value_from_pipeline_by_property_name=True,
                            help="The folder to move into, or the new path (default: the current location).")
    force = force_parameter("Replaces an existing file at the destination; also moves hidden items.")
    filter = Parameter("String", help="Only item names matching this wildcard.", supports_wildcards=True)
    include = Parameter("String[]", help="Only item names matching these wildcards.", supports_wildcards=True)
    exclude = Parameter("String[]", help="Leaves out item names matching these wildcards.",
                        supports_wildcards=True)
    pass_thru = Parameter("SwitchParameter", help="Outputs the moved items.")
    credential = credential_parameter()

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralPath"
        target = self.destination_of(self.destination)
        if target is None:
            return
        to_provider, destination = target
        for raw in (self.literal_path if literal else self.path) or ():
            found = list(self.items(raw, literal, missing="Cannot move item because the item at '{0}' does not "
                                                          "exist."))
            if len(found) > 1 and not to_provider.is_container(destination):
                exc = PSArgumentException("Cannot move the item because the source path points to one or more items "
                                          "and the destination path is not a container. Validate that the "
                                          "destination path is a container and try again.")
                self.write_error(ErrorRecord(exc, "MoveItemPathMultipleDestinationNotContainer",
                                             ErrorCategory.InvalidArgument, raw))
                continue
            for provider, path in found:
                if self.in_use(provider, path, "Cannot move item because the item at '{0}' is in use."):
                    continue
                if self.same_provider(provider, to_provider, "Cannot move the item because the source and "
                                      "destination paths did not resolve to the same provider.",
                                      "MoveItemSourceAndDestinationNotSameProvider"):
                    yield from self.passed_through(provider.move_item(self, path, destination))


@cmdlet("Rename-Item", default_parameter_set="ByPath", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097153")
class RenameItemCommand(_TransferCmdlet):
    """Gives an item a new name in the same place (Move-Item moves it).

    -NewName is a name, not a path: the item stays in its folder. An item with that name already there is an error.
    -NewName may be a script block when items are piped in, to compute each new name."""

    help_examples = [
        ('Example 1: Rename a file',
         'Rename-Item -Path ./notes.txt -NewName notes-2024.txt',
         'The file is renamed in place.'),
        ('Example 2: Rename many files',
         "Get-ChildItem *.jpeg | Rename-Item -NewName { $_.Name -replace '\\.jpeg$', '.jpg' }",
         'Each .jpeg file gets the .jpg extension.'),
    ]

    path = Parameter("String", sets={"ByPath": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The item to rename.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"ByLiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The item to rename, taken exactly as typed.")
    new_name = Parameter("String", mandatory=True, position=1, value_from_pipeline_by_property_name=True,
                         help="The new name (a name, not a path).")
    force = force_parameter("Also renames hidden items, read-only variables...")
    pass_thru = Parameter("SwitchParameter", help="Outputs the renamed item.")
    credential = credential_parameter()

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "ByLiteralPath"
        raw = self.literal_path if literal else self.path
        found = list(self.items(raw, literal, filtered=False,
                                missing="Cannot rename because item at '{0}' does not exist."))
        if len(found) > 1:
            exc = PSArgumentException("Cannot rename item because the path resolved to multiple items. Only one "
                                      "item can be renamed at a time.")
            self.write_error(ErrorRecord(exc, "RenameMultipleItemError", ErrorCategory.InvalidArgument, raw))
            return
        for provider, path in found:
            if not self.in_use(provider, path, "Cannot rename the item at '{0}' because it is in use."):
                yield from self.passed_through(provider.rename_item(self, path, self.new_name))
