"""Static members of the classes that reach the operating system:
``[IO.Path]``, ``[IO.File]``, ``[IO.Directory]``, ``[Environment]``,
``[Console]``, ``[BitConverter]``, ``[Net.WebUtility]``/``[Web.HttpUtility]``,
``[Runtime.InteropServices.Marshal]`` (SecureString round trips) and
``[Threading.Thread]``.  Same table conventions as ``statics.py``: paths
follow .NET on Unix ('/' separators, a rooted part restarts ``Combine``).

This module and ``statics.py`` are one idea split for length and import
each other: the tables here use its helpers, and it loads them on demand."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from typing import Any, Callable, Optional

from . import conversions as conv
from .credentials import SecureString
from .errors import (
    ArgumentException, ArgumentNullException, ArgumentOutOfRangeException, DirectoryNotFoundException, DotNetException,
    FileNotFoundException, IOException, SetValueInvocationException, UnauthorizedAccessException,
)
from . import cultures
from . import environment
from .name_value import parse_query_string
from .netobjects import ManagedThread, TextEncoding, to_bytes, Version
from .streams import file_statics
from .statics import Settable, Table, bytes_array, const, make_table, string_array, string_format
from .types import resolve_type
from .values import Char, Int64, Single, TypedArray, iter_collection


def _s(value: Any) -> str:
    return conv.to_string(value)


def _i(value: Any) -> int:
    return conv.convert_to_integer(value)


def _items(value: Any) -> list:
    items = iter_collection(value)
    return list(items) if items is not None else [value]


# --- IO.Path, IO.File, IO.Directory ----------------------------------------------------------------

def _path_arg(value: Any, name: str = "path") -> str:
    if value is None:
        raise ArgumentNullException(None, param_name=name)
    return _s(value)


def path_combine(*parts: Any) -> str:
    """``Path.Combine``: a rooted part restarts the path."""
    result = ""
    for part in parts:
        p = _path_arg(part, "paths")
        if not p:
            continue
        if p.startswith("/") or not result:
            result = p
        elif result.endswith("/"):
            result += p
        else:
            result += "/" + p
    return result


def path_join(*parts: Any) -> str:
    """``Path.Join``: concatenates with one separator, rooted or not."""
    result = ""
    for part in parts:
        p = "" if part is None else _s(part)
        if not p:
            continue
        if result and not result.endswith("/") and not p.startswith("/"):
            result += "/"
        result += p
    return result


def path_get_directory_name(path: Any) -> Optional[str]:
    if path is None:
        return None
    p = _s(path)
    if not p or p == "/" or p.rstrip("/") == "":
        return None
    idx = p.rfind("/")
    if idx < 0:
        return ""
    head = p[:idx]
    return head.rstrip("/") or "/"


def path_get_extension(path: Any) -> Optional[str]:
    if path is None:
        return None
    name = _s(path).rsplit("/", 1)[-1]
    idx = name.rfind(".")
    return name[idx:] if 0 <= idx < len(name) - 1 else ""


def path_without_extension(path: Any) -> Optional[str]:
    if path is None:
        return None
    name = _s(path).rsplit("/", 1)[-1]
    idx = name.rfind(".")
    return name[:idx] if idx >= 0 else name


def path_change_extension(path: Any, ext: Any) -> Optional[str]:
    if path is None:
        return None
    p = _s(path)
    name_start = p.rfind("/") + 1
    idx = p.rfind(".")
    base = p[:idx] if idx >= name_start else p
    if ext is None:
        return base
    e = _s(ext)
    if not e:
        return base + "."
    return base + (e if e.startswith(".") else "." + e)


def path_relative(relative_to: Any, path: Any) -> str:
    return os.path.relpath(os.path.abspath(_s(path)), os.path.abspath(_s(relative_to)))


def _temp_path() -> str:
    import tempfile
    base = os.environ.get("TMPDIR") or tempfile.gettempdir()
    return base if base.endswith("/") else base + "/"


def _temp_file() -> str:
    import tempfile
    fd, name = tempfile.mkstemp(suffix=".tmp", prefix="tmp", dir=_temp_path())
    os.close(fd)
    return name


def _random_file_name() -> str:
    import secrets
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    chars = "".join(secrets.choice(alphabet) for _ in range(11))
    return chars[:8] + "." + chars[8:]


def path_table() -> Table:
    return make_table(
        {"DirectorySeparatorChar": const(Char("/")), "AltDirectorySeparatorChar": const(Char("/")),
         "PathSeparator": const(Char(":")), "VolumeSeparatorChar": const(Char("/"))},
        {"Combine": path_combine, "Join": path_join,
         "GetFileName": lambda p: None if p is None else _s(p).rsplit("/", 1)[-1],
         "GetFileNameWithoutExtension": path_without_extension,
         "GetExtension": path_get_extension, "GetDirectoryName": path_get_directory_name,
         "ChangeExtension": path_change_extension,
         "HasExtension": lambda p: bool(path_get_extension(p)),
         "IsPathRooted": lambda p: p is not None and _s(p).startswith("/"),
         "IsPathFullyQualified": lambda p: _path_arg(p).startswith("/"),
         "GetFullPath": lambda p, base=None: os.path.normpath(os.path.join(
             _s(base) if base is not None else os.getcwd(), _path_arg(p))),
         "GetPathRoot": lambda p: None if p is None else ("/" if _s(p).startswith("/") else ""),
         "GetTempPath": _temp_path, "GetTempFileName": _temp_file,
         "GetRandomFileName": _random_file_name, "GetRelativePath": path_relative,
         "GetInvalidFileNameChars": lambda: [Char("\0"), Char("/")],
         "GetInvalidPathChars": lambda: [Char("\0")],
         "EndsInDirectorySeparator": lambda p: _s(p).endswith("/"),
         "TrimEndingDirectorySeparator": lambda p: _s(p).rstrip("/") or ("/" if _s(p) else "")})


def _codec_of(enc: Any) -> tuple[str, bytes]:
    if enc is None:
        return "utf-8", b""
    if isinstance(enc, TextEncoding):
        return enc.codec, enc._bom
    raise conv.cast_error(enc, "System.Text.Encoding")


def _read_text(path: Any, enc: Any = None) -> str:
    with open(_path_arg(path), "rb") as fh:
        data = fh.read()
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    codec = _codec_of(enc)[0] if enc is not None else "utf-8"
    return data.decode(codec, errors="replace")


def _lines(text: str) -> list[str]:
    lines = text.splitlines()
    return lines


def _write_text(path: Any, text: Any, enc: Any = None, append: bool = False) -> None:
    codec, bom = _codec_of(enc)
    p = _path_arg(path)
    data = ("" if text is None else _s(text)).encode(codec, errors="replace")
    if bom and not (append and os.path.exists(p) and os.path.getsize(p) > 0):
        data = bom + data
    with open(p, "ab" if append else "wb") as fh:
        fh.write(data)


def _write_lines(path: Any, lines: Any, enc: Any = None, append: bool = False) -> None:
    text = "".join(conv.dotnet_to_string(line) + "\n" for line in _items(lines) if True)
    _write_text(path, text, enc, append)


def _copy_file(src: Any, dst: Any, overwrite: Any = False) -> None:
    import shutil
    s, d = _path_arg(src, "sourceFileName"), _path_arg(dst, "destFileName")
    if os.path.exists(d) and not conv.to_bool(overwrite):
        raise IOException(f"The file '{os.path.abspath(d)}' already exists.")
    if not os.path.exists(s):
        raise FileNotFoundException(f"Could not find file '{os.path.abspath(s)}'.")
    shutil.copyfile(s, d)


def _move_file(src: Any, dst: Any, overwrite: Any = False) -> None:
    s, d = _path_arg(src, "sourceFileName"), _path_arg(dst, "destFileName")
    if not os.path.exists(s):
        raise FileNotFoundException(f"Could not find file '{os.path.abspath(s)}'.")
    if os.path.exists(d) and not conv.to_bool(overwrite):
        raise IOException("Cannot create a file when that file already exists.")
    os.replace(s, d)


def _delete_file(path: Any) -> None:
    p = _path_arg(path)
    if os.path.isdir(p):
        raise UnauthorizedAccessException(f"Access to the path '{os.path.abspath(p)}' is denied.")
    try:
        os.remove(p)
    except FileNotFoundError:
        parent = os.path.dirname(os.path.abspath(p))
        if not os.path.isdir(parent):
            raise DirectoryNotFoundException(f"Could not find a part of the path '{os.path.abspath(p)}'.") from None


def _file_time(path: Any, utc: bool = False) -> _dt.datetime:
    p = _path_arg(path)
    if not os.path.exists(p):
        return _dt.datetime(1601, 1, 1) if utc else _dt.datetime(1601, 1, 1)
    stamp = os.path.getmtime(p)
    if utc:
        return _dt.datetime.fromtimestamp(stamp, _dt.timezone.utc)
    return _dt.datetime.fromtimestamp(stamp)


def file_table() -> Table:
    return make_table(
        {},
        {"Exists": lambda p: p is not None and os.path.isfile(_s(p)),
         "ReadAllText": _read_text,
         "ReadAllLines": lambda p, enc=None: string_array(_lines(_read_text(p, enc))),
         "ReadLines": lambda p, enc=None: string_array(_lines(_read_text(p, enc))),
         "ReadAllBytes": lambda p: bytes_array(open(_path_arg(p), "rb").read()),
         "WriteAllText": lambda p, text, enc=None: _write_text(p, text, enc),
         "AppendAllText": lambda p, text, enc=None: _write_text(p, text, enc, append=True),
         "WriteAllLines": lambda p, lines, enc=None: _write_lines(p, lines, enc),
         "AppendAllLines": lambda p, lines, enc=None: _write_lines(p, lines, enc, append=True),
         "WriteAllBytes": _write_bytes, "Delete": _delete_file, "Copy": _copy_file, "Move": _move_file,
         "GetLastWriteTime": lambda p: _file_time(p), "GetLastWriteTimeUtc": lambda p: _file_time(p, True),
         **file_statics()})


def _write_bytes(path: Any, data: Any) -> None:
    with open(_path_arg(path), "wb") as fh:
        fh.write(to_bytes(data))


def _list_dir(path: Any, pattern: Any, option: Any, want_dirs: Optional[bool]) -> TypedArray:
    import fnmatch
    root = _path_arg(path)
    if not os.path.isdir(root):
        raise DirectoryNotFoundException(f"Could not find a part of the path '{os.path.abspath(root)}'.")
    pat = _s(pattern) if pattern is not None else "*"
    recursive = option is not None and (conv.to_string(option).lower() == "alldirectories" or
                                        (isinstance(option, int) and int(option) == 1))
    results = []
    for current, dirs, files in os.walk(root):
        dirs.sort()
        names = []
        if want_dirs in (True, None):
            names.extend(dirs)
        if want_dirs in (False, None):
            names.extend(sorted(files))
        for name in names:
            if fnmatch.fnmatch(name, pat):
                results.append(os.path.join(current, name))
        if not recursive:
            break
    return string_array(results)


def _create_directory(path: Any) -> Any:
    """.NET returns the DirectoryInfo of the folder (``.FullName`` is read
    from it); that class lives with the FileSystem provider, above this
    layer, so it is found by name."""
    p = _path_arg(path)
    os.makedirs(p, exist_ok=True)
    return resolve_type("System.IO.DirectoryInfo").new([os.path.abspath(p)])


def _delete_directory(path: Any, recursive: Any = False) -> None:
    import shutil
    p = _path_arg(path)
    if conv.to_bool(recursive):
        shutil.rmtree(p)
    else:
        os.rmdir(p)


def directory_table() -> Table:
    return make_table(
        {},
        {"Exists": lambda p: p is not None and os.path.isdir(_s(p)),
         "CreateDirectory": _create_directory, "Delete": _delete_directory,
         "GetFiles": lambda p, pat=None, opt=None: _list_dir(p, pat, opt, False),
         "GetDirectories": lambda p, pat=None, opt=None: _list_dir(p, pat, opt, True),
         "GetFileSystemEntries": lambda p, pat=None, opt=None: _list_dir(p, pat, opt, None),
         "EnumerateFiles": lambda p, pat=None, opt=None: _list_dir(p, pat, opt, False),
         "EnumerateDirectories": lambda p, pat=None, opt=None: _list_dir(p, pat, opt, True),
         "GetCurrentDirectory": os.getcwd,
         "SetCurrentDirectory": lambda p: os.chdir(_path_arg(p)),
         "Move": lambda s, d: os.rename(_path_arg(s), _path_arg(d))})


# --- Environment, Console ---------------------------------------------------------------------

def _expand_env(text: Any) -> str:
    import re
    return re.sub(r"%([^%]+)%", lambda m: os.environ.get(m.group(1), m.group(0)), _s(text))


def _user_name() -> str:
    try:
        import pwd
        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return os.environ.get("USER", "")


def _environment_exit(code: Any) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_i(code) & 0xFF)


def environment_table() -> Table:
    import platform
    import socket
    import time
    return make_table(
        {"NewLine": const("\n"), "MachineName": lambda: socket.gethostname().split(".")[0],
         "UserName": _user_name, "UserDomainName": lambda: socket.gethostname().split(".")[0],
         "CurrentDirectory": Settable(os.getcwd, lambda p: os.chdir(_s(p))),
         "ProcessorCount": lambda: os.cpu_count() or 1, "Is64BitProcess": const(sys.maxsize > 2 ** 32),
         "Is64BitOperatingSystem": const(platform.machine().endswith("64")),
         "TickCount": lambda: int(time.monotonic() * 1000) & 0x7FFFFFFF,
         "TickCount64": lambda: Int64(int(time.monotonic() * 1000)),
         "ProcessId": lambda: os.getpid(), "CommandLine": lambda: " ".join(sys.argv),
         "SystemDirectory": const(""), "HasShutdownStarted": const(False),
         "CurrentManagedThreadId": const(1), "StackTrace": const(""),
         "OSVersion": environment.os_version, "Version": lambda: Version(8, 0, 11)},
        {"GetEnvironmentVariable": environment.get_variable, "SetEnvironmentVariable": environment.set_variable,
         "GetEnvironmentVariables": environment.all_variables, "ExpandEnvironmentVariables": _expand_env,
         "GetCommandLineArgs": lambda: string_array(list(sys.argv)), "Exit": _environment_exit,
         "GetFolderPath": environment.folder_path, "GetLogicalDrives": lambda: string_array(["/"])})


def culture_table() -> Table:
    """``[cultureinfo]::CurrentCulture`` and ``CurrentUICulture`` (settable,
    for the session), ``InvariantCulture``, ``GetCultureInfo(name)``,
    ``GetCultures(types)`` and ``GetCultureInfoByIetfLanguageTag(tag)``."""
    return make_table({"CurrentCulture": Settable(cultures.current, _culture_setter("CurrentCulture",
                                                                                  cultures.set_current)),
                       "CurrentUICulture": Settable(cultures.current_ui, _culture_setter("CurrentUICulture",
                                                                                        cultures.set_current_ui)),
                       "InvariantCulture": cultures.invariant,
                       "DefaultThreadCurrentCulture": lambda: None, "DefaultThreadCurrentUICulture": lambda: None},
                      {"GetCultureInfo": _culture_by_name_or_lcid,
                       "GetCultureInfoByIetfLanguageTag": lambda tag: cultures.get_culture(_s(tag)),
                       "GetCultures": lambda types: TypedArray(cultures.all_cultures(types),
                                                                  resolve_type(cultures.CultureInfo.full_name)),
                       "ReadOnly": lambda culture: cultures.get_culture(cultures.as_culture(culture).Name)})


def _culture_setter(name: str, assign: Callable[[Any], None]) -> Callable[[Any], None]:
    """Assigning a culture converts the value to CultureInfo first, as pwsh
    does for a typed property; failures are pwsh's ExceptionWhenSetting."""
    def setter(value: Any) -> None:
        try:
            assign(None if value is None else resolve_type(cultures.CultureInfo.full_name).convert(value))
        except DotNetException as exc:
            raise SetValueInvocationException(f'Exception setting "{name}": "{exc.message}"', exc,
                                              error_id="ExceptionWhenSetting") from None
    return setter


def _culture_by_name_or_lcid(name: Any, *rest: Any) -> Any:
    if isinstance(name, int) and not isinstance(name, bool):
        return cultures.culture_by_lcid(name)
    return cultures.get_culture(name if name is None else _s(name))


class _ConsoleState:
    foreground: Any = None
    background: Any = None
    title = ""


def _console_color(which: str) -> Settable:
    def getter() -> Any:
        value = getattr(_ConsoleState, which)
        return value if value is not None else resolve_type("System.ConsoleColor").convert(
            "Gray" if which == "foreground" else "Black")

    def setter(value: Any) -> None:
        setattr(_ConsoleState, which, resolve_type("System.ConsoleColor").convert(value))

    return Settable(getter, setter)


def _console_clear() -> None:
    sys.stdout.write("\x1b[2J\x1b[H")
    sys.stdout.flush()


def _console_reset_color() -> None:
    _ConsoleState.foreground = None
    _ConsoleState.background = None


def console_table() -> Table:
    import shutil

    def write(value: Any = "", *args: Any) -> None:
        text = string_format(value, *args) if args else conv.to_string(value)
        sys.stdout.write(text)
        sys.stdout.flush()

    def write_line(value: Any = "", *args: Any) -> None:
        write(value, *args)
        sys.stdout.write("\n")
        sys.stdout.flush()

    def read_line() -> Optional[str]:
        line = sys.stdin.readline()
        return line.rstrip("\r\n") if line else None

    def is_redirected(stream: Any) -> Callable[[], bool]:
        return lambda: not (hasattr(stream, "isatty") and stream.isatty())

    return make_table(
        {"WindowWidth": lambda: shutil.get_terminal_size().columns,
         "WindowHeight": lambda: shutil.get_terminal_size().lines,
         "BufferWidth": lambda: shutil.get_terminal_size().columns,
         "BufferHeight": lambda: shutil.get_terminal_size().lines,
         "ForegroundColor": _console_color("foreground"), "BackgroundColor": _console_color("background"),
         "Title": Settable(lambda: _ConsoleState.title, lambda v: setattr(_ConsoleState, "title", _s(v))),
         "IsInputRedirected": is_redirected(sys.stdin), "IsOutputRedirected": is_redirected(sys.stdout),
         "IsErrorRedirected": is_redirected(sys.stderr), "KeyAvailable": const(False),
         "CursorVisible": Settable(const(True), lambda v: None)},
        {"WriteLine": write_line, "Write": write, "ReadLine": read_line,
         "Clear": _console_clear,
         "Beep": lambda *a: None, "ResetColor": _console_reset_color})


# --- BitConverter, WebUtility, Marshal, Thread -------------------------------------------------------

def _bit_get_bytes(value: Any) -> TypedArray:
    import struct
    if isinstance(value, bool):
        return bytes_array(b"\x01" if value else b"\x00")
    if isinstance(value, float):
        return bytes_array(struct.pack("<f" if isinstance(value, Single) else "<d", value))
    if isinstance(value, Char):
        return bytes_array(struct.pack("<H", ord(value)))
    from .formatting_net import _integer_width_bits
    bits = _integer_width_bits(value)
    return bytes_array(int(value).to_bytes(bits // 8, "little", signed=int(value) < 0 or bits in (32, 64)
                                            and type(value).__name__ not in ("UInt32", "UInt64")))


def _bit_to_int(size: int, signed: bool) -> Callable[[Any, Any], int]:
    def method(data: Any, start: Any = 0) -> int:
        raw = to_bytes(data)
        index = _i(start)
        if index + size > len(raw):
            raise ArgumentException("Destination array is not long enough to copy all the items in the "
                                    "collection. Check array index and length.")
        number = int.from_bytes(raw[index:index + size], "little", signed=signed)
        return Int64(number) if size == 8 and signed else number
    return method


def _bit_to_string(data: Any, start: Any = 0, length: Any = None) -> str:
    raw = to_bytes(data)[_i(start):]
    if length is not None:
        raw = raw[:_i(length)]
    return "-".join(f"{b:02X}" for b in raw)


def _bit_to_bool(data: Any, start: Any = 0) -> bool:
    return to_bytes(data)[_i(start)] != 0


def bitconverter_table() -> Table:
    return make_table({"IsLittleEndian": const(True)},
                  {"GetBytes": _bit_get_bytes, "ToString": _bit_to_string,
                   "ToInt32": _bit_to_int(4, True), "ToInt64": _bit_to_int(8, True),
                   "ToInt16": _bit_to_int(2, True), "ToUInt32": _bit_to_int(4, False),
                   "ToUInt16": _bit_to_int(2, False),
                   "ToBoolean": _bit_to_bool})


def web_table(http_utility: bool) -> Table:
    import html
    from urllib.parse import quote, quote_plus, unquote_plus

    def url_encode(value: Any) -> Optional[str]:
        """WebUtility escapes with upper-case hex, HttpUtility with lower-case."""
        if value is None:
            return None
        text = quote_plus(_s(value), safe="-_.!*()")
        if http_utility:
            import re
            text = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), text)
        return text

    return make_table({}, {
        "UrlEncode": url_encode,
        "UrlDecode": lambda v: None if v is None else unquote_plus(_s(v)),
        "HtmlEncode": lambda v: None if v is None else html.escape(_s(v), quote=True).replace("&#x27;", "&#39;"),
        "HtmlDecode": lambda v: None if v is None else html.unescape(_s(v)),
        "UrlPathEncode": lambda v: None if v is None else quote(_s(v), safe="/:?&=#"),
        **({"ParseQueryString": parse_query_string,
            "HtmlAttributeEncode": lambda v: None if v is None else _s(v).replace("&", "&amp;").replace(
                '"', "&quot;").replace("'", "&#39;").replace("<", "&lt;")} if http_utility else {}),
    })


class _BStr:
    """What ``Marshal.SecureStringToBSTR`` returns: an opaque handle."""

    __slots__ = ("text",)
    full_name = "System.IntPtr"

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return str(id(self))


def marshal_table() -> Table:
    def to_bstr(value: Any) -> _BStr:
        if not isinstance(value, SecureString):
            raise conv.cast_error(value, "System.Security.SecureString")
        return _BStr(value.reveal())

    def from_ptr(ptr: Any, *rest: Any) -> Optional[str]:
        return ptr.text if isinstance(ptr, _BStr) else None

    return make_table({}, {"SecureStringToBSTR": to_bstr, "SecureStringToGlobalAllocUnicode": to_bstr,
                       "SecureStringToCoTaskMemUnicode": to_bstr,
                       "PtrToStringAuto": from_ptr, "PtrToStringBSTR": from_ptr, "PtrToStringUni": from_ptr,
                       "ZeroFreeBSTR": lambda ptr: None, "ZeroFreeGlobalAllocUnicode": lambda ptr: None,
                       "ZeroFreeCoTaskMemUnicode": lambda ptr: None, "FreeBSTR": lambda ptr: None})


def _thread_sleep(timeout: Any) -> None:
    """Thread.Sleep(int milliseconds) and Sleep(TimeSpan): -1 is .NET's
    Infinite, anything below it its ArgumentOutOfRangeException."""
    import time
    if isinstance(timeout, _dt.timedelta):
        ms: float = timeout / _dt.timedelta(milliseconds=1)
        name = "timeout"
    else:
        ms, name = _i(timeout), "millisecondsTimeout"
    if ms < -1 or ms > 2147483647:
        raise ArgumentOutOfRangeException("Number must be either non-negative and less than or equal to "
                                          "Int32.MaxValue or -1.", param_name=name)
    if ms == -1:
        while True:
            time.sleep(3600)
    time.sleep(ms / 1000)


def thread_table() -> Table:
    import threading
    return make_table({"CurrentThread": lambda: ManagedThread(threading.current_thread())},
                      {"Sleep": _thread_sleep})
