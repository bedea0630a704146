"""Get-FileHash: the SHA1/SHA256/SHA384/SHA512/MD5 hash of files or of a
stream, as pwsh's GetFileHashCommand computes it (hashlib here).

Output objects are FileHashInfo (Algorithm, Hash in upper-case hex, Path)
and show with pwsh's table view (Algorithm 15 wide, Hash 70, Path).  A
-Path that resolves to nothing is ``FileNotFound`` (a wildcard matching
nothing is silent), -LiteralPath is taken as is and a missing file is
.NET's "Could not find file"; a folder cannot be read ("Access to the path
... is denied.", ``UnauthorizedAccessError``).
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_set
from pwshlike.dotnet.conversions import cast_error, to_string
from pwshlike.dotnet.errors import (ErrorCategory, ErrorRecord, FileNotFoundException, ItemNotFoundException,
                                    UnauthorizedAccessException)
from pwshlike.dotnet.wildcard import contains_wildcard
from pwshlike.formatting.database import register_view

from . import fspaths
from .fserrors import dotnet_exception

_ALGORITHMS = ("SHA1", "SHA256", "SHA384", "SHA512", "MD5")
_CHUNK = 1 << 20


class FileHashInfo:
    """``Microsoft.PowerShell.Commands.FileHashInfo``."""

    __slots__ = ("Algorithm", "Hash", "Path")
    full_name = "Microsoft.PowerShell.Commands.FileHashInfo"
    PS_MEMBERS = {name: name for name in __slots__}

    def __init__(self, algorithm: str, digest: str, path: str) -> None:
        self.Algorithm = algorithm
        self.Hash = digest
        self.Path = path

    def __str__(self) -> str:
        return self.full_name


register_view(FileHashInfo.full_name, "table", columns=[
    {"property": "Algorithm", "width": 15, "alignment": "Left"},
    {"property": "Hash", "width": 70, "alignment": "Left"}, "Path"])


def _is_stream(value: Any) -> bool:
    return hasattr(value, "read") or isinstance(value, (bytes, bytearray))


def _stream(value: Any) -> Any:
    """-InputStream: anything readable as bytes (a stream object, or bytes)."""
    if _is_stream(value):
        return value
    raise cast_error(value, "System.IO.Stream")


# The binder's no-coercion test: a path array given by position goes to -Path, not here.
_stream.is_instance = _is_stream  # type: ignore[attr-defined]


def _hash_stream(algorithm: str, stream: Any) -> str:
    digest = hashlib.new(algorithm.lower())
    if isinstance(stream, (bytes, bytearray)):
        digest.update(stream)
    elif hasattr(stream, "read_all_bytes"):  # a .NET stream object ([IO.File]::OpenRead): its remaining bytes
        digest.update(stream.read_all_bytes())
    else:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            digest.update(chunk)
    return digest.hexdigest().upper()


@cmdlet("Get-FileHash", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkId=517145")
class GetFileHashCommand(Cmdlet):
    """Computes the hash of files (or of a stream) with a chosen algorithm.

    The hash is shown as upper-case hexadecimal, with the algorithm and the
    file's full path.  SHA256 is used unless -Algorithm names SHA1, SHA384,
    SHA512 or MD5.  Comparing two hashes tells whether two files have the
    same content."""

    help_examples = [
        ("Example 1: The SHA256 hash of a file", "Get-FileHash ./setup.tar.gz",
         "Shows SHA256, the hash and the file's full path."),
        ("Example 2: Check a download against a published hash",
         "(Get-FileHash ./setup.tar.gz -Algorithm SHA512).Hash -eq $published",
         "Returns True when the file's SHA512 hash equals the one in $published (the comparison ignores case)."),
        ("Example 3: Hash every file in a folder", "Get-ChildItem ./release -File | Get-FileHash -Algorithm MD5",
         "Files coming down the pipeline are hashed by their path."),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, supports_wildcards=True,
                     help="The files to hash; wildcards allowed.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"),
                             sets={"LiteralPath": {"mandatory": True, "position": 0}},
                             value_from_pipeline_by_property_name=True,
                             help="The files to hash, taken exactly as typed.")
    input_stream = Parameter("Stream", sets={"StreamParameterSet": {"mandatory": True, "position": 0}},
                             converter=_stream, help="A stream whose content is hashed instead of a file.")
    algorithm = Parameter("String", position=1, validators=(validate_set(_ALGORITHMS),), default="SHA256",
                          help="SHA1, SHA256 (the default), SHA384, SHA512 or MD5.")

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name == "StreamParameterSet":
            return
        session = self.context.session
        for raw in (self.literal_path if self.parameter_set_name == "LiteralPath" else self.path) or ():
            if self.parameter_set_name == "LiteralPath":
                paths = [fspaths.resolve(session, raw)]
            else:
                paths = self._resolved(raw)
            for path in paths:
                result = self._hash_file(path)
                if result is not None:
                    yield result

    def end_processing(self) -> Iterator[Any]:
        if self.parameter_set_name == "StreamParameterSet":
            yield FileHashInfo(self._algorithm(), _hash_stream(self._algorithm(), self.input_stream), "")

    def _algorithm(self) -> str:
        return to_string(self.algorithm).upper()

    def _resolved(self, raw: str) -> list[str]:
        """The existing files a -Path names; a plain path that does not
        exist is ``FileNotFound`` with the resolver's message."""
        paths, wildcard = fspaths.resolve_paths(self.context.session, raw, False, False)
        found = [p for p in paths if os.path.lexists(p)]
        if not found and not wildcard and not contains_wildcard(raw):
            shown = fspaths.shown_path(self.context.session, raw, paths[0]) if paths else raw
            exc = ItemNotFoundException(f"Cannot find path '{shown}' because it does not exist.")
            self.write_error(ErrorRecord(exc, "FileNotFound", ErrorCategory.ObjectNotFound, raw))
        return found

    def _hash_file(self, path: str) -> Any:
        algorithm = self._algorithm()
        try:
            with open(path, "rb") as stream:
                digest = _hash_stream(algorithm, stream)
        except OSError as exc:
            error = dotnet_exception(exc, path, missing_is_file=True)
            if isinstance(error, FileNotFoundException):
                self.write_error(ErrorRecord(error, "FileNotFound", ErrorCategory.ObjectNotFound, path))
            elif isinstance(error, UnauthorizedAccessException):
                self.write_error(ErrorRecord(error, "UnauthorizedAccessError", ErrorCategory.InvalidData, path))
            else:
                self.write_error(ErrorRecord(error, "FileReadError", ErrorCategory.ReadError, path))
            return None
        return FileHashInfo(algorithm, digest, path)
