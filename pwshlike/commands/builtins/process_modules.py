"""A process's modules (``System.Diagnostics.ProcessModule``) and their
``System.Diagnostics.FileVersionInfo``, as .NET reads them on Linux.

The modules come from /proc/<pid>/maps: each named mapping, adjacent
mappings of one file merged into one module, kept when some part of it is
readable and executable (so the program, its shared libraries and
``[vdso]``).  Native files carry no version resource on Linux, so a
FileVersionInfo names its file and has no versions, as .NET's has.
"""

from __future__ import annotations

import os
from typing import Any, Optional

_VERSION_TEXTS = ("Comments", "CompanyName", "FileDescription", "FileVersion", "InternalName", "Language",
                  "LegalCopyright", "LegalTrademarks", "OriginalFilename", "PrivateBuild", "ProductName",
                  "ProductVersion", "SpecialBuild")
_VERSION_PARTS = ("FileMajorPart", "FileMinorPart", "FileBuildPart", "FilePrivatePart", "ProductMajorPart",
                  "ProductMinorPart", "ProductBuildPart", "ProductPrivatePart")
_VERSION_FLAGS = ("IsDebug", "IsPatched", "IsPreRelease", "IsPrivateBuild", "IsSpecialBuild")


class FileVersionInfo:
    """``System.Diagnostics.FileVersionInfo`` of a file without a version
    resource: its name, empty texts, zero version parts, false flags."""

    __slots__ = ("FileName",)
    full_name = "System.Diagnostics.FileVersionInfo"
    PS_MEMBERS = {"FileName": "FileName", "OriginalFileName": "no_text", "ToString": "__str__",
                  **{n: "no_text" for n in _VERSION_TEXTS}, **{n: "no_part" for n in _VERSION_PARTS},
                  **{n: "no_flag" for n in _VERSION_FLAGS}}

    def __init__(self, file_name: str) -> None:
        self.FileName = file_name

    @property
    def no_text(self) -> None:
        return None

    @property
    def no_part(self) -> int:
        return 0

    @property
    def no_flag(self) -> bool:
        return False

    def __str__(self) -> str:
        """.NET's ToString: the labelled lines, each value blank here."""
        labels = ("File", "InternalName", "OriginalFilename", "FileVersion", "FileDescription", "Product",
                  "ProductVersion", "Debug", "Patched", "PreRelease", "PrivateBuild", "SpecialBuild", "Language")
        values = {"File": self.FileName, **{n: "False" for n in ("Debug", "Patched", "PreRelease",
                                                                   "PrivateBuild", "SpecialBuild")}}
        return "".join(f"{label + ':':<18}{values.get(label, '')}\n" for label in labels)


class ProcessModule:
    """``System.Diagnostics.ProcessModule``: one file mapped into a process."""

    __slots__ = ("FileName", "BaseAddress", "ModuleMemorySize")
    full_name = "System.Diagnostics.ProcessModule"
    PS_MEMBERS = {"ModuleName": "module_name", "FileName": "FileName", "BaseAddress": "BaseAddress",
                  "ModuleMemorySize": "ModuleMemorySize", "EntryPointAddress": "entry_point", "Size": "size",
                  "FileVersionInfo": "version_info", "Company": "no_text", "FileVersion": "no_text",
                  "ProductVersion": "no_text", "Description": "no_text", "Product": "no_text",
                  "ToString": "__str__"}

    def __init__(self, file_name: str, base: int, size: int) -> None:
        self.FileName = file_name
        self.BaseAddress = base
        self.ModuleMemorySize = size

    @property
    def module_name(self) -> str:
        return os.path.basename(self.FileName)

    @property
    def entry_point(self) -> int:
        return 0

    @property
    def size(self) -> Any:
        """pwsh's Size script property, ``ModuleMemorySize / 1024``: whole
        when it divides evenly, as PowerShell's division gives."""
        kib, rest = divmod(self.ModuleMemorySize, 1024)
        return kib if rest == 0 else self.ModuleMemorySize / 1024

    @property
    def version_info(self) -> FileVersionInfo:
        return FileVersionInfo(self.FileName)

    @property
    def no_text(self) -> None:
        return None

    def __str__(self) -> str:
        return f"System.Diagnostics.ProcessModule ({self.module_name})"


def modules_of(pid: int) -> Optional[list[ProcessModule]]:
    """The modules of process ``pid``, in address order; None when its
    maps cannot be read (gone, or not ours to read)."""
    try:
        with open(f"/proc/{pid}/maps", encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    modules: list[ProcessModule] = []
    current: Optional[ProcessModule] = None
    executable = False
    for line in lines:
        fields = line.split(None, 5)
        if len(fields) < 6 or "-" not in fields[0]:
            if current is not None and executable:
                modules.append(current)
            current, executable = None, False
            continue
        low, high = (int(part, 16) for part in fields[0].split("-", 1))
        path, runnable = fields[5].strip(), "r" in fields[1] and "x" in fields[1]
        if current is not None and current.FileName == path and \
                current.BaseAddress + current.ModuleMemorySize == low:
            current.ModuleMemorySize += high - low
            executable = executable or runnable
            continue
        if current is not None and executable:
            modules.append(current)
        current, executable = ProcessModule(path, low, high - low), runnable
    if current is not None and executable:
        modules.append(current)
    return modules


def register_module_types() -> None:
    """Makes ``[System.Diagnostics.ProcessModule]`` and ``FileVersionInfo`` known."""
    from pwshlike.dotnet import types
    types.register_class(ProcessModule, ProcessModule.full_name)
    types.register_class(FileVersionInfo, FileVersionInfo.full_name)

