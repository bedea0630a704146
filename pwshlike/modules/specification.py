"""``ModuleSpecification``: a module named by name (or path) with an
optional GUID and version bounds, as Get-Module -FullyQualifiedName takes it.

A string is a bare name; a hashtable has ModuleName and any of GUID,
ModuleVersion (the lowest version), RequiredVersion and MaximumVersion
(``1.*`` allowed), as pwsh's ModuleSpecification(Hashtable) reads it.
"""

from __future__ import annotations

import os
from typing import Any, Optional

from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import ErrorCategory, RuntimeException

_KEYS = {"modulename": "name", "guid": "guid", "moduleversion": "version", "requiredversion": "required_version",
         "maximumversion": "maximum_version"}


class ModuleSpecification:
    """One module specification; ``matches(info)`` tells whether a module fits it."""

    __slots__ = ("name", "guid", "version", "required_version", "maximum_version")
    full_name = "Microsoft.PowerShell.Commands.ModuleSpecification"
    PS_MEMBERS = {"Name": "name", "Guid": "guid", "Version": "version", "RequiredVersion": "required_version",
                  "MaximumVersion": "maximum_version", "ToString": "__str__"}

    def __init__(self, name: str, guid: Any = None, version: Any = None, required_version: Any = None,
                 maximum_version: Optional[str] = None) -> None:
        self.name = name
        self.guid = guid
        self.version = version
        self.required_version = required_version
        self.maximum_version = maximum_version

    @classmethod
    def from_value(cls, value: Any) -> "ModuleSpecification":
        """A specification from a string or a hashtable (pwsh's conversions)."""
        if isinstance(value, ModuleSpecification):
            return value
        if not hasattr(value, "items") or isinstance(value, str):
            return cls(to_string(value))
        from .model import parse_version
        fields: dict[str, Any] = {}
        for key, item in value.items():
            field = _KEYS.get(to_string(key).lower())
            if field is None:
                raise _bad_spec(f"The hashtable contains the key '{to_string(key)}', which is not valid in a "
                                "module specification.")
            fields[field] = item
        if not fields.get("name"):
            raise _bad_spec("The ModuleName key is required in a module specification.")
        spec = cls(to_string(fields["name"]))
        if fields.get("guid") is not None:
            import uuid
            spec.guid = uuid.UUID(to_string(fields["guid"]))
        for field in ("version", "required_version"):
            if fields.get(field) is not None:
                setattr(spec, field, parse_version(to_string(fields[field])))
        if fields.get("maximum_version") is not None:
            spec.maximum_version = to_string(fields["maximum_version"])
        return spec

    def matches(self, info: Any, location: str) -> bool:
        """Whether module ``info`` is the one named (paths are taken
        relative to ``location``) and its GUID and version fit."""
        if not self._names(info, location):
            return False
        if self.guid is not None and info.guid != self.guid:
            return False
        version = info.version
        if self.required_version is not None and version != self.required_version:
            return False
        if self.version is not None and version < self.version:
            return False
        if self.maximum_version is not None:
            from .model import parse_version
            if parse_version(self.maximum_version.replace("*", "2147483647")) < version:
                return False
        return True

    def _names(self, info: Any, location: str) -> bool:
        name = self.name.replace("\\", "/")
        if "/" not in name:
            return info.name.lower() == name.lower()
        wanted = os.path.normpath(os.path.join(location, os.path.expanduser(name)))
        places = {os.path.normpath(p) for p in (info.path, info.source, info.module_base) if p}
        module_folder = os.path.dirname(info.module_base) if info.module_base else ""
        if module_folder and os.path.basename(module_folder).lower() == info.name.lower():
            places.add(os.path.normpath(module_folder))  # the module folder above a version folder
        return wanted in places

    def not_found_message(self) -> str:
        """pwsh's GetRequiredModuleNotFoundVersionMessage."""
        if self.required_version is not None:
            return f"The module '{self.name}' cannot be found with RequiredVersion '{self.required_version}'."
        if self.version is not None and self.maximum_version is not None:
            return (f"The module '{self.name}' cannot be found with ModuleVersion '{self.version}' and "
                    f"MaximumVersion '{self.maximum_version}'.")
        if self.version is not None:
            return f"The module '{self.name}' cannot be found with ModuleVersion '{self.version}'."
        if self.maximum_version is not None:
            return f"The module '{self.name}' cannot be found with MaximumVersion '{self.maximum_version}'."
        return f"The module '{self.name}' cannot be found."

    def __str__(self) -> str:
        return self.name


def _bad_spec(message: str) -> RuntimeException:
    return RuntimeException(message, error_id="ModuleSpecificationInvalid", category=ErrorCategory.InvalidArgument)


def module_specifications(value: Any) -> list[ModuleSpecification]:
    """``ModuleSpecification[]`` from one value or an array of them (a parameter converter)."""
    from pwshlike.dotnet.values import iter_collection
    items = iter_collection(value) if not hasattr(value, "items") else None
    return [ModuleSpecification.from_value(v) for v in (list(items) if items is not None else [value])]


def _register_type() -> None:
    from pwshlike.dotnet import types
    types.register_class(ModuleSpecification, ModuleSpecification.full_name, "ModuleSpecification")


_register_type()
