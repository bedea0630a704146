"""New-PSDrive, Remove-PSDrive, Get-PSDrive and Get-PSProvider.

The drives live in the session's drive table (``runtime/drives.py``); a
drive belongs to the scope it was made in (``-Scope``, default the
caller's), and Get-PSDrive/Remove-PSDrive see the drives visible from the
caller's scope, or those of exactly ``-Scope``.  New drives are FileSystem
drives: the other providers here have one fixed drive each and, as in
pwsh, their NewDrive accepts any root, so New-PSDrive makes those too.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet.errors import (DriveNotFoundException, ErrorCategory, ErrorRecord, IOException,
                                    PSArgumentException, PSInvalidOperationException, ProviderNotFoundException,
                                    SessionStateException)
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match
from pwshlike.runtime.drives import PSDriveInfo, ProviderInfo

_ILLEGAL_NAME = ("Cannot process the drive name because the drive name contains one or more of the following "
                 "characters that are not valid: ; ~ / \\ . :")


def drive_not_found(name: str, error_id: str = "DriveNotFound") -> ErrorRecord:
    """pwsh's DriveNotFound record for ``name``."""
    exc = DriveNotFoundException(f"Cannot find drive. A drive with the name '{name}' does not exist.",
                                 error_id=error_id, category=ErrorCategory.ObjectNotFound, target_object=name)
    return exc.error_record


def provider_not_found(name: str) -> ErrorRecord:
    exc = ProviderNotFoundException(f"Cannot find a provider with the name '{name}'.", error_id="ProviderNotFound",
                                    category=ErrorCategory.ObjectNotFound, target_object=name)
    return exc.error_record


class _DriveCmdlet(Cmdlet):
    """What the drive cmdlets share: the scope they act on and pwsh's
    GetMatchingDrives (names and providers as wildcards)."""

    def _scope(self) -> Any:
        scope = getattr(self, "scope", None)
        return self.context.session.resolve_scope(scope, self.context.scope) if scope else None

    def _providers(self) -> Optional[list[ProviderInfo]]:
        """The providers -PSProvider names (None: any); a plain name that
        names no provider raises ProviderNotFound."""
        names = getattr(self, "ps_provider", None)
        if not names:
            return None
        table = self.context.session.drives
        found: list[ProviderInfo] = []
        for name in names:
            short = name.rsplit("\\", 1)[-1]
            if contains_wildcard(short):
                found.extend(p for p in table.providers.values() if wildcard_match(p.name, short))
                continue
            provider = table.provider(short)
            if provider is None:
                raise ProviderNotFoundException(f"Cannot find a provider with the name '{name}'.",
                                                error_id="ProviderNotFound", category=ErrorCategory.ObjectNotFound,
                                                target_object=name)
            found.append(provider)
        return found

    def matching_drives(self, name: str, literal: bool) -> list[PSDriveInfo]:
        session = self.context.session
        scope = self._scope()
        if scope is None:
            drives = session.drives.visible(self.context.scope)
        else:
            drives = [d for d in session.drives.all()
                      if d.scope is scope or (d.scope is None and scope.is_global)]
        providers = self._providers()
        pattern = name if not literal else None
        found = []
        for drive in drives:
            if providers is not None and drive.provider not in providers:
                continue
            if pattern is not None and contains_wildcard(pattern):
                if wildcard_match(drive.name, pattern):
                    found.append(drive)
            elif drive.name.lower() == name.lower():
                found.append(drive)
        return found


@cmdlet("New-PSDrive", supports_should_process=True, confirm_impact="Low",
        output_types=("System.Management.Automation.PSDriveInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096815")
class NewPSDriveCommand(_DriveCmdlet):
    """Creates a drive mapped to a location of a provider (a folder for the
    FileSystem provider), in the caller's scope or in -Scope.

    -Name is the drive name without the colon, -PSProvider the provider (FileSystem for folders) and -Root the
    location the drive starts at. The drive lasts until the session ends or Remove-PSDrive removes it, and is seen
    only in the scope that made it and its child scopes unless -Scope says otherwise."""

    help_examples = [
        ('Example 1: A drive for a project folder',
         'New-PSDrive -Name Proj -PSProvider FileSystem -Root ~/src/project\nGet-ChildItem Proj:',
         'Proj: now stands for the project folder, so Proj:/docs is ~/src/project/docs.'),
        ('Example 2: A drive for the whole session',
         'New-PSDrive -Name Logs -PSProvider FileSystem -Root /var/log -Scope Global',
         'Made from inside a script or function, the drive still exists after it returns.'),
    ]

    name = Parameter("String", mandatory=True, position=0, value_from_pipeline_by_property_name=True,
                     help="The drive's name, without a colon.")
    ps_provider = Parameter("String", name="PSProvider", mandatory=True, position=1,
                            value_from_pipeline_by_property_name=True,
                            help="The provider the drive is on, such as FileSystem.")
    root = Parameter("String", mandatory=True, position=2, value_from_pipeline_by_property_name=True,
                     allow_empty_string=True, help="The provider location the drive maps to.")
    description = Parameter("String", value_from_pipeline_by_property_name=True,
                            help="A short description of the drive.")
    scope = Parameter("String", value_from_pipeline_by_property_name=True,
                      help="Global, Script, Local or a number of scopes up (default: the caller's).")
    credential = Parameter("PSCredential", value_from_pipeline_by_property_name=True,
                           help="Not used by the providers here.")

    def process_record(self) -> Iterator[Any]:
        table = self.context.session.drives
        provider = table.provider(self.ps_provider)
        if provider is None:
            self.write_error(provider_not_found(self.ps_provider))
            return
        resource = f"Name: {self.name} Provider: {provider} Root: {self.root}"
        if not self.should_process(resource, "New drive"):
            return
        if not self.name or any(c in self.name for c in ":/\\.~"):
            exc = PSArgumentException(_ILLEGAL_NAME)
            self.write_error(ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, None))
            return
        root = self._root(provider)
        if root is None:
            return
        drive = PSDriveInfo(self.name, provider, root, self.description or "")
        try:
            scope = self._scope() or self.context.scope
            table.add(drive, scope)
        except SessionStateException as exc:
            self.write_error(exc.error_record)
            return
        yield drive

    def _root(self, provider: ProviderInfo) -> Optional[str]:
        """The drive's root: for FileSystem an existing folder, as a full
        path (``DriveRootError`` otherwise)."""
        root = self.root
        if provider.name != "FileSystem":
            return root
        if not root:
            exc = PSArgumentException("Cannot process argument because the value of argument \"drive.Root\" "
                                      "is not valid. Change the value of the \"drive.Root\" argument and run the "
                                      "operation again.")
            self.write_error(ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, None))
            return None
        full = self.context.session.resolve_path(root)
        if not os.path.isdir(full):
            exc = IOException(f'The specified drive root "{root}" either does not exist, or it is not a folder.')
            self.write_error(ErrorRecord(exc, "DriveRootError", ErrorCategory.ReadError, self.name))
            return None
        return full


@cmdlet("Remove-PSDrive", default_parameter_set="Name", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097050")
class RemovePSDriveCommand(_DriveCmdlet):
    """Removes drives made with New-PSDrive (or any other, with care).

    Drives are named without the colon; -PSProvider removes every drive of a provider and -Scope chooses the scope
    to look in. The location the drive pointed to is not touched. A drive that is the current location is removed
    only with -Force."""

    help_examples = [
        ('Example 1: Remove a drive',
         'Remove-PSDrive -Name Proj',
         'Proj: is gone; the folder it mapped is unchanged.'),
    ]

    name = Parameter("String[]", sets={"Name": {"mandatory": True, "position": 0}},
                     value_from_pipeline_by_property_name=True, allow_null=True, allow_empty_collection=True,
                     help="The drives to remove; wildcards allowed.", supports_wildcards=True)
    literal_name = Parameter("String[]", sets={"LiteralName": {"mandatory": True, "position": 0}},
                             value_from_pipeline_by_property_name=True, help="The drives to remove, as typed.")
    ps_provider = Parameter("String[]", name="PSProvider", value_from_pipeline_by_property_name=True,
                            help="Only drives of these providers.")
    scope = Parameter("String", value_from_pipeline_by_property_name=True,
                      help="Only the drives of this scope (default: the nearest visible one).")
    force = Parameter("SwitchParameter", help="Removes the drive even when it is the current drive.")

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralName"
        names = self.literal_name if literal else self.name
        verify = names is not None
        table = self.context.session.drives
        for name in names if names is not None else [""]:
            try:
                drives = self.matching_drives(name, literal)
            except (DriveNotFoundException, ProviderNotFoundException):
                drives = []
            for drive in drives:
                resource = f"Name: {drive.name} Provider: {drive.provider} Root: {drive.root}"
                if not self.should_process(resource, "Remove Drive"):
                    continue
                if not self.force and drive is table.current:
                    exc = PSInvalidOperationException(f"Cannot remove drive '{drive.name}' because it is in use.")
                    self.write_error(ErrorRecord(exc, "InvalidOperation", ErrorCategory.InvalidOperation, None))
                    continue
                table.remove(drive)
            if verify and not drives:
                self.write_error(drive_not_found(name))
        return iter(())


@cmdlet("Get-PSDrive", default_parameter_set="Name", output_types=("System.Management.Automation.PSDriveInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096494")
class GetPSDriveCommand(_DriveCmdlet):
    """Gets the drives of the session: the built-in ones (``/``, Temp, Env,
    Variable, Function, Alias) and those New-PSDrive made.

    Each PSDriveInfo shows the drive's name, provider, root and current location; for FileSystem drives also the
    space used and free. -Name takes wildcards, -PSProvider keeps the drives of some providers."""

    help_examples = [
        ('Example 1: All drives',
         'Get-PSDrive',
         'Lists every drive with its provider and root.'),
        ('Example 2: Only file system drives',
         'Get-PSDrive -PSProvider FileSystem',
         'Lists the drives that map folders, with their used and free space.'),
    ]

    name = Parameter("String[]", sets={"Name": {"position": 0}}, value_from_pipeline_by_property_name=True,
                     validators=[validate_not_null_or_empty()], help="The drives to get; wildcards allowed.",
                     supports_wildcards=True)
    literal_name = Parameter("String[]", sets={"LiteralName": {"mandatory": True, "position": 0}},
                             value_from_pipeline_by_property_name=True, help="The drives to get, as typed.")
    scope = Parameter("String", value_from_pipeline_by_property_name=True,
                      help="Only the drives of this scope.")
    ps_provider = Parameter("String[]", name="PSProvider", value_from_pipeline_by_property_name=True,
                            help="Only drives of these providers.")

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralName"
        for name in (self.literal_name if literal else self.name) or ["*"]:
            try:
                drives = self.matching_drives(name, literal)
            except ProviderNotFoundException as exc:
                self.write_error(ErrorRecord(exc, "GetLocationNoMatchingDrive", ErrorCategory.ObjectNotFound,
                                             self.ps_provider))
                continue
            except SessionStateException as exc:
                self.write_error(exc.error_record)
                continue
            if drives:
                yield from drives
            elif literal or not contains_wildcard(name):
                self.write_error(drive_not_found(name, "GetDriveNoMatchingDrive"))


@cmdlet("Get-PSProvider", output_types=("System.Management.Automation.ProviderInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096816")
class GetPSProviderCommand(Cmdlet):
    """Gets the providers (FileSystem, Environment, Variable, Function and
    Alias) and the drives on each.

    A provider gives the item cmdlets (Get-ChildItem, New-Item, Remove-Item...) access to one kind of store; each
    result lists the provider's capabilities and its drives."""

    help_examples = [
        ('Example 1: The providers and their drives',
         'Get-PSProvider',
         'Shows FileSystem, Environment, Variable, Function and Alias with their drives.'),
        ('Example 2: One provider',
         'Get-PSProvider -PSProvider Environment | Select-Object -ExpandProperty Drives',
         'Shows the Env: drive the Environment provider serves.'),
    ]

    ps_provider = Parameter("String[]", name="PSProvider", position=0, value_from_pipeline_by_property_name=True,
                            validators=[validate_not_null_or_empty()], help="The providers to get; wildcards allowed.",
                            supports_wildcards=True)

    def process_record(self) -> Iterator[Any]:
        providers = list(self.context.session.drives.providers.values())
        if not self.ps_provider:
            yield from providers
            return
        for name in self.ps_provider:
            short = name.rsplit("\\", 1)[-1]
            if contains_wildcard(short):
                yield from (p for p in providers if wildcard_match(p.name, short))
                continue
            found = [p for p in providers if p.name.lower() == short.lower()]
            if not found:
                self.write_error(provider_not_found(name))
            yield from found
