"""The .NET exception hierarchy, ErrorRecord and friends.

Scripts catch errors by .NET type (``catch [System.IO.IOException]``), read
``$_.Exception.Message``, ``$_.FullyQualifiedErrorId`` and
``$_.CategoryInfo``; this module gives the engine Python exceptions with
PowerShell's names and inheritance so those all work.  Each class carries its
.NET ``full_name``; ``exception_type`` finds a class by full or short name.

.NET members of these objects (``Message``, ``InnerException``...) are
exposed to scripts by ``members.py`` through each class's ``PS_MEMBERS``
table (.NET name -> Python attribute).
"""

from __future__ import annotations

from .values import EnumInfo, EnumValue, GenericDictionary, Hashtable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

# --- ErrorCategory -----------------------------------------------------------------

_CATEGORY_NAMES = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
    "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
    "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped",
    "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy",
    "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
    "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled",
)

ERROR_CATEGORY_ENUM = EnumInfo("System.Management.Automation.ErrorCategory",
                               ((n, i) for i, n in enumerate(_CATEGORY_NAMES)))


class ErrorCategory:
    """``System.Management.Automation.ErrorCategory`` values as attributes
    (``ErrorCategory.InvalidArgument``), each an enum value that prints as
    its name."""

    NotSpecified = ERROR_CATEGORY_ENUM["NotSpecified"]
    OpenError = ERROR_CATEGORY_ENUM["OpenError"]
    CloseError = ERROR_CATEGORY_ENUM["CloseError"]
    DeviceError = ERROR_CATEGORY_ENUM["DeviceError"]
    DeadlockDetected = ERROR_CATEGORY_ENUM["DeadlockDetected"]
    InvalidArgument = ERROR_CATEGORY_ENUM["InvalidArgument"]
    InvalidData = ERROR_CATEGORY_ENUM["InvalidData"]
    InvalidOperation = ERROR_CATEGORY_ENUM["InvalidOperation"]
    InvalidResult = ERROR_CATEGORY_ENUM["InvalidResult"]
    InvalidType = ERROR_CATEGORY_ENUM["InvalidType"]
    MetadataError = ERROR_CATEGORY_ENUM["MetadataError"]
    NotImplemented = ERROR_CATEGORY_ENUM["NotImplemented"]
    NotInstalled = ERROR_CATEGORY_ENUM["NotInstalled"]
    ObjectNotFound = ERROR_CATEGORY_ENUM["ObjectNotFound"]
    OperationStopped = ERROR_CATEGORY_ENUM["OperationStopped"]
    OperationTimeout = ERROR_CATEGORY_ENUM["OperationTimeout"]
    SyntaxError = ERROR_CATEGORY_ENUM["SyntaxError"]
    ParserError = ERROR_CATEGORY_ENUM["ParserError"]
    PermissionDenied = ERROR_CATEGORY_ENUM["PermissionDenied"]
    ResourceBusy = ERROR_CATEGORY_ENUM["ResourceBusy"]
    ResourceExists = ERROR_CATEGORY_ENUM["ResourceExists"]
    ResourceUnavailable = ERROR_CATEGORY_ENUM["ResourceUnavailable"]
    ReadError = ERROR_CATEGORY_ENUM["ReadError"]
    WriteError = ERROR_CATEGORY_ENUM["WriteError"]
    FromStdErr = ERROR_CATEGORY_ENUM["FromStdErr"]
    SecurityError = ERROR_CATEGORY_ENUM["SecurityError"]
    ProtocolError = ERROR_CATEGORY_ENUM["ProtocolError"]
    ConnectionError = ERROR_CATEGORY_ENUM["ConnectionError"]
    AuthenticationError = ERROR_CATEGORY_ENUM["AuthenticationError"]
    LimitsExceeded = ERROR_CATEGORY_ENUM["LimitsExceeded"]
    QuotaExceeded = ERROR_CATEGORY_ENUM["QuotaExceeded"]
    NotEnabled = ERROR_CATEGORY_ENUM["NotEnabled"]


def to_category(value: Any) -> EnumValue:
    """An ErrorCategory from an enum value, a name or a number."""
    if isinstance(value, EnumValue) and value.enum is ERROR_CATEGORY_ENUM:
        return value
    if value is None:
        return ErrorCategory.NotSpecified
    if isinstance(value, str):
        found = ERROR_CATEGORY_ENUM.lookup(value)
        if found is not None:
            return found
        raise PSArgumentException(
            f'Cannot convert value "{value}" to type "System.Management.Automation.ErrorCategory". '
            f'Error: "Unable to match the identifier name {value} to a valid enumerator name. '
            f'Specify one of the following enumerator names and try again:\n{", ".join(_CATEGORY_NAMES)}"')
    return ERROR_CATEGORY_ENUM.value(int(value))


# --- System.Exception and the .NET hierarchy ------------------------------------------

class DotNetException(Exception):
    """``System.Exception``.  ``message`` None means the type's default
    message, as .NET's parameterless constructors give."""

    full_name = "System.Exception"
    default_message: Optional[str] = None
    hresult = -2146233088
    PS_MEMBERS = {
        "Message": "message", "InnerException": "inner_exception", "HResult": "hresult",
        "Source": "source", "StackTrace": "stack_trace", "Data": "data",
        "HelpLink": "help_link", "TargetSite": "target_site",
        "GetBaseException": "get_base_exception", "ToString": "to_string",
    }

    def __init__(self, message: Optional[str] = None, inner: Optional[BaseException] = None) -> None:
        super().__init__(message)
        self._message = message
        self.inner_exception = inner
        self.source: Optional[str] = None
        self.stack_trace: Optional[str] = None
        self.help_link: Optional[str] = None
        self.target_site = None
        self._data: Any = None
        if inner is not None:
            self.__cause__ = inner

    @property
    def message(self) -> str:
        if self._message is not None:
            return self._message
        if self.default_message is not None:
            return self.default_message
        return f"Exception of type '{self.full_name}' was thrown."

    @property
    def data(self) -> Any:
        """``Exception.Data``: a dictionary scripts may stash values in."""
        if self._data is None:
            self._data = Hashtable()
        return self._data

    def get_base_exception(self) -> BaseException:
        inner: BaseException = self
        while isinstance(inner, DotNetException) and inner.inner_exception is not None:
            inner = inner.inner_exception
        return inner

    def to_string(self) -> str:
        """.NET's ``Exception.ToString()``: type, message, inner chain."""
        text = f"{self.full_name}: {self.message}"
        if self.inner_exception is not None:
            inner = self.inner_exception
            inner_text = inner.to_string() if isinstance(inner, DotNetException) else str(inner)
            text += f"\n ---> {inner_text}"
        return text

    @classmethod
    def short_name(cls) -> str:
        return cls.full_name.rsplit(".", 1)[-1]

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class SystemException(DotNetException):
    full_name = "System.SystemException"
    default_message = "System error."


class ArgumentException(SystemException):
    """``System.ArgumentException``; ``param_name`` appends .NET's
    `` (Parameter 'x')`` suffix to the message."""

    full_name = "System.ArgumentException"
    default_message = "Value does not fall within the expected range."
    PS_MEMBERS = dict(DotNetException.PS_MEMBERS, ParamName="param_name")

    def __init__(self, message: Optional[str] = None, inner: Optional[BaseException] = None,
                 param_name: Optional[str] = None) -> None:
        super().__init__(message, inner)
        self.param_name = param_name

    @property
    def message(self) -> str:
        text = DotNetException.message.fget(self)  # type: ignore[attr-defined]
        if self.param_name:
            return f"{text} (Parameter '{self.param_name}')"
        return text


class ArgumentNullException(ArgumentException):
    full_name = "System.ArgumentNullException"
    default_message = "Value cannot be null."


class ArgumentOutOfRangeException(ArgumentException):
    full_name = "System.ArgumentOutOfRangeException"
    default_message = "Specified argument was out of the range of valid values."


class EncoderFallbackException(ArgumentException):
    """A character an encoding cannot write (a lone surrogate in UTF-8)."""

    full_name = "System.Text.EncoderFallbackException"


class DecoderFallbackException(ArgumentException):
    """Bytes an encoding cannot read."""

    full_name = "System.Text.DecoderFallbackException"


class ArithmeticException(SystemException):
    full_name = "System.ArithmeticException"
    default_message = "Overflow or underflow in the arithmetic operation."


class DivideByZeroException(ArithmeticException):
    full_name = "System.DivideByZeroException"
    default_message = "Attempted to divide by zero."


class OverflowException(ArithmeticException):
    full_name = "System.OverflowException"
    default_message = "Arithmetic operation resulted in an overflow."


class FormatException(SystemException):
    full_name = "System.FormatException"
    default_message = "One of the identified items was in an invalid format."


class UriFormatException(FormatException):
    full_name = "System.UriFormatException"
    default_message = "Invalid URI: The format of the URI could not be determined."


class InvalidCastException(SystemException):
    full_name = "System.InvalidCastException"
    default_message = "Specified cast is not valid."


class InvalidOperationException(SystemException):
    full_name = "System.InvalidOperationException"
    default_message = "Operation is not valid due to the current state of the object."


class ObjectDisposedException(InvalidOperationException):
    full_name = "System.ObjectDisposedException"
    default_message = "Cannot access a disposed object."


class NotSupportedException(SystemException):
    full_name = "System.NotSupportedException"
    default_message = "Specified method is not supported."


class NotImplementedException(SystemException):
    full_name = "System.NotImplementedException"
    default_message = "The method or operation is not implemented."


class NullReferenceException(SystemException):
    full_name = "System.NullReferenceException"
    default_message = "Object reference not set to an instance of an object."


class IndexOutOfRangeException(SystemException):
    full_name = "System.IndexOutOfRangeException"
    default_message = "Index was outside the bounds of the array."


class KeyNotFoundException(SystemException):
    full_name = "System.Collections.Generic.KeyNotFoundException"
    default_message = "The given key was not present in the dictionary."


class OutOfMemoryException(SystemException):
    full_name = "System.OutOfMemoryException"
    default_message = "Insufficient memory to continue the execution of the program."


class IOException(SystemException):
    full_name = "System.IO.IOException"
    default_message = "I/O error occurred."


class FileNotFoundException(IOException):
    full_name = "System.IO.FileNotFoundException"
    default_message = "Unable to find the specified file."


class DirectoryNotFoundException(IOException):
    full_name = "System.IO.DirectoryNotFoundException"
    default_message = "Attempted to access a path that is not on the disk."


class PathTooLongException(IOException):
    full_name = "System.IO.PathTooLongException"
    default_message = "The specified file name or path is too long, or a component of the specified path is too long."


class EndOfStreamException(IOException):
    full_name = "System.IO.EndOfStreamException"
    default_message = "Attempted to read past the end of the stream."


class InvalidDataException(SystemException):
    full_name = "System.IO.InvalidDataException"
    default_message = "Found invalid data while decoding."


class UnauthorizedAccessException(SystemException):
    full_name = "System.UnauthorizedAccessException"
    default_message = "Attempted to perform an unauthorized operation."


class TimeoutException(SystemException):
    full_name = "System.TimeoutException"
    default_message = "The operation has timed out."


class OperationCanceledException(SystemException):
    full_name = "System.OperationCanceledException"
    default_message = "The operation was canceled."


class ApplicationException(DotNetException):
    full_name = "System.ApplicationException"
    default_message = "Error in the application."


class HttpRequestException(DotNetException):
    full_name = "System.Net.Http.HttpRequestException"


class WebException(InvalidOperationException):
    full_name = "System.Net.WebException"


class RegexMatchTimeoutException(TimeoutException):
    full_name = "System.Text.RegularExpressions.RegexMatchTimeoutException"


# --- PowerShell's exceptions -----------------------------------------------------------

class RuntimeException(SystemException):
    """``System.Management.Automation.RuntimeException``: a script-level
    error that carries an ErrorRecord (created on first use from
    ``error_id``, ``category`` and ``target_object``)."""

    full_name = "System.Management.Automation.RuntimeException"
    default_error_id = "RuntimeException"
    default_category = ErrorCategory.NotSpecified
    PS_MEMBERS = dict(DotNetException.PS_MEMBERS, ErrorRecord="error_record",
                      WasThrownFromThrowStatement="was_thrown_from_throw_statement")

    def __init__(self, message: Optional[str] = None, inner: Optional[BaseException] = None,
                 error_id: Optional[str] = None, category: Any = None,
                 target_object: Any = None, error_record: Optional["ErrorRecord"] = None) -> None:
        super().__init__(message, inner)
        self.error_id = error_id or self.default_error_id
        self.category = to_category(category) if category is not None else self.default_category
        self.target_object = target_object
        self._error_record = error_record
        self.was_thrown_from_throw_statement = False

    @property
    def error_record(self) -> "ErrorRecord":
        if self._error_record is None:
            self._error_record = ErrorRecord(self, self.error_id, self.category, self.target_object)
        return self._error_record

    @error_record.setter
    def error_record(self, record: "ErrorRecord") -> None:
        self._error_record = record


class ParseException(RuntimeException):
    """Raised at run time for text that does not parse (script blocks made
    from strings, ``Invoke-Expression``); ``errors`` are the ParseErrors."""

    full_name = "System.Management.Automation.ParseException"
    PS_MEMBERS = dict(RuntimeException.PS_MEMBERS, Errors="errors")
    default_error_id = "Parse"
    default_category = ErrorCategory.ParserError
    default_message = "The parse of the specified text failed."

    def __init__(self, message: Optional[str] = None, inner: Optional[BaseException] = None,
                 errors: Any = (), **kwargs: Any) -> None:
        self.errors = list(errors)
        if message is None and self.errors:
            message = "\n".join(getattr(e, "message", str(e)) for e in self.errors)
        if self.errors and "error_id" not in kwargs:
            kwargs["error_id"] = getattr(self.errors[0], "error_id", None)
        super().__init__(message, inner, **kwargs)


class IncompleteParseException(ParseException):
    full_name = "System.Management.Automation.IncompleteParseException"
    default_error_id = "IncompleteParse"


class ScriptRequiresException(RuntimeException):
    """A script's ``#requires`` asks for what this session lacks."""

    full_name = "System.Management.Automation.ScriptRequiresException"
    default_error_id = "ScriptRequiresException"
    default_category = ErrorCategory.ResourceUnavailable


class CommandNotFoundException(RuntimeException):
    full_name = "System.Management.Automation.CommandNotFoundException"
    default_error_id = "CommandNotFoundException"
    default_category = ErrorCategory.ObjectNotFound


class ParameterBindingException(RuntimeException):
    full_name = "System.Management.Automation.ParameterBindingException"
    default_error_id = "ParameterBindingException"
    default_category = ErrorCategory.InvalidArgument
    # Where the offending argument was written (pwsh's errorPosition), when the binder knows it.
    error_extent: Any = None


class MethodException(RuntimeException):
    full_name = "System.Management.Automation.MethodException"
    default_error_id = "MethodException"


class MethodInvocationException(MethodException):
    full_name = "System.Management.Automation.MethodInvocationException"
    default_error_id = "MethodInvocationException"


class GetValueException(RuntimeException):
    full_name = "System.Management.Automation.GetValueException"


class GetValueInvocationException(GetValueException):
    full_name = "System.Management.Automation.GetValueInvocationException"
    default_error_id = "ExceptionWhenGetting"


class SetValueException(RuntimeException):
    full_name = "System.Management.Automation.SetValueException"


class SetValueInvocationException(SetValueException):
    full_name = "System.Management.Automation.SetValueInvocationException"
    default_error_id = "ExceptionWhenSetting"


class PropertyNotFoundException(RuntimeException):
    full_name = "System.Management.Automation.PropertyNotFoundException"
    default_error_id = "PropertyNotFound"
    default_category = ErrorCategory.InvalidOperation


class ExtendedTypeSystemException(RuntimeException):
    full_name = "System.Management.Automation.ExtendedTypeSystemException"


class PSInvalidCastException(RuntimeException, InvalidCastException):
    """PowerShell's cast failure.  pwsh's class derives from
    InvalidCastException, and the engine wraps it in a RuntimeException
    whose inner exception it is, so both ``catch [InvalidCastException]``
    and ``catch [Management.Automation.RuntimeException]`` (and traps for
    either) see it: here it is both."""

    full_name = "System.Management.Automation.PSInvalidCastException"
    default_error_id = "InvalidCast"
    default_category = ErrorCategory.InvalidArgument


class ArgumentTransformationMetadataException(RuntimeException):
    full_name = "System.Management.Automation.ArgumentTransformationMetadataException"
    default_category = ErrorCategory.MetadataError


class MetadataException(RuntimeException):
    full_name = "System.Management.Automation.MetadataException"
    default_category = ErrorCategory.MetadataError


class ValidationMetadataException(MetadataException):
    full_name = "System.Management.Automation.ValidationMetadataException"


class ParsingMetadataException(MetadataException):
    full_name = "System.Management.Automation.ParsingMetadataException"


class ActionPreferenceStopException(RuntimeException):
    full_name = "System.Management.Automation.ActionPreferenceStopException"
    default_error_id = "ActionPreferenceStop"
    default_category = ErrorCategory.OperationStopped


class PipelineStoppedException(RuntimeException):
    full_name = "System.Management.Automation.PipelineStoppedException"
    default_error_id = "PipelineStopped"
    default_category = ErrorCategory.OperationStopped
    default_message = "The pipeline has been stopped."


class ScriptCallDepthException(RuntimeException):
    full_name = "System.Management.Automation.ScriptCallDepthException"
    default_error_id = "CallDepthOverflow"
    default_category = ErrorCategory.InvalidOperation
    default_message = "The script failed due to call depth overflow."


class SessionStateException(RuntimeException):
    full_name = "System.Management.Automation.SessionStateException"


class SessionStateUnauthorizedAccessException(SessionStateException):
    full_name = "System.Management.Automation.SessionStateUnauthorizedAccessException"
    default_category = ErrorCategory.WriteError


class ProviderNotFoundException(SessionStateException):
    full_name = "System.Management.Automation.ProviderNotFoundException"
    default_error_id = "ProviderNotFound"
    default_category = ErrorCategory.ObjectNotFound


class DriveNotFoundException(SessionStateException):
    full_name = "System.Management.Automation.DriveNotFoundException"
    default_error_id = "DriveNotFound"
    default_category = ErrorCategory.ObjectNotFound


class ItemNotFoundException(SessionStateException):
    full_name = "System.Management.Automation.ItemNotFoundException"
    default_error_id = "PathNotFound"
    default_category = ErrorCategory.ObjectNotFound


class WildcardPatternException(RuntimeException):
    full_name = "System.Management.Automation.WildcardPatternException"
    default_category = ErrorCategory.InvalidArgument


class PSSecurityException(RuntimeException):
    full_name = "System.Management.Automation.PSSecurityException"
    default_category = ErrorCategory.SecurityError


class _ArgumentErrorRecord:
    """What PowerShell's argument exceptions add to .NET's: an ErrorRecord
    (``IContainsErrorRecord``) and a message without the parameter suffix."""

    default_error_id = "Argument"
    default_category = ErrorCategory.InvalidArgument
    PS_MEMBERS = dict(ArgumentException.PS_MEMBERS, ErrorRecord="error_record")

    def __init__(self, message: Optional[str] = None, inner: Optional[BaseException] = None,
                 param_name: Optional[str] = None, error_id: Optional[str] = None) -> None:
        ArgumentException.__init__(self, message, inner, param_name)  # type: ignore[arg-type]
        self.error_id = error_id or self.default_error_id
        self.category = self.default_category
        self.target_object = None
        self._error_record: Optional[ErrorRecord] = None

    @property
    def message(self) -> str:
        # PowerShell's argument exceptions do not append the parameter name.
        return DotNetException.message.fget(self)  # type: ignore[attr-defined]

    error_record = RuntimeException.error_record


class PSArgumentException(_ArgumentErrorRecord, ArgumentException):
    """PowerShell's ArgumentException."""

    full_name = "System.Management.Automation.PSArgumentException"


class PSArgumentNullException(_ArgumentErrorRecord, ArgumentNullException):
    """Derives from ArgumentNullException, not PSArgumentException, as in pwsh."""

    full_name = "System.Management.Automation.PSArgumentNullException"
    default_error_id = "ArgumentNull"


class PSArgumentOutOfRangeException(_ArgumentErrorRecord, ArgumentOutOfRangeException):
    """Derives from ArgumentOutOfRangeException, as in pwsh."""

    full_name = "System.Management.Automation.PSArgumentOutOfRangeException"
    default_error_id = "ArgumentOutOfRange"


class PSInvalidOperationException(InvalidOperationException):
    full_name = "System.Management.Automation.PSInvalidOperationException"
    default_error_id = "InvalidOperation"
    default_category = ErrorCategory.InvalidOperation
    PS_MEMBERS = dict(DotNetException.PS_MEMBERS, ErrorRecord="error_record")

    def __init__(self, message: Optional[str] = None, inner: Optional[BaseException] = None,
                 error_id: Optional[str] = None, category: Any = None, target_object: Any = None) -> None:
        super().__init__(message, inner)
        self.error_id = error_id or self.default_error_id
        self.category = to_category(category) if category is not None else self.default_category
        self.target_object = target_object
        self._error_record: Optional[ErrorRecord] = None

    error_record = RuntimeException.error_record


class HostException(RuntimeException):
    """``System.Management.Automation.Host.HostException``: what a host
    without a user interface (a runspace's Default Host) raises when a
    command reads from it or prompts."""

    full_name = "System.Management.Automation.Host.HostException"
    default_error_id = "HostFunctionNotImplemented"
    default_category = ErrorCategory.NotImplemented


def host_not_interactive() -> PSInvalidOperationException:
    """What a non-interactive host (``-NonInteractive``) raises when asked
    to read or prompt, before it shows anything."""
    return PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                                       "available.")


class PSNotSupportedException(NotSupportedException):
    full_name = "System.Management.Automation.PSNotSupportedException"
    default_error_id = "NotSupported"
    default_category = ErrorCategory.NotImplemented
    PS_MEMBERS = dict(DotNetException.PS_MEMBERS, ErrorRecord="error_record")

    def __init__(self, message: Optional[str] = None, inner: Optional[BaseException] = None) -> None:
        super().__init__(message, inner)
        self.error_id = self.default_error_id
        self.category = self.default_category
        self.target_object = None
        self._error_record: Optional[ErrorRecord] = None

    error_record = RuntimeException.error_record


class WriteErrorException(SystemException):
    """The exception behind ``Write-Error 'text'``."""

    full_name = "Microsoft.PowerShell.Commands.WriteErrorException"
    default_message = "The Write-Error cmdlet reported an error."


# --- lookup ---------------------------------------------------------------------------

def _all_subclasses(cls: type) -> list[type]:
    out = [cls]
    for sub in cls.__subclasses__():
        out.extend(_all_subclasses(sub))
    return out


_BY_NAME: dict[str, type] = {}


def exception_type(name: str) -> Optional[type]:
    """The exception class for a .NET type name, full (``System.IO.IOException``)
    or short as PowerShell resolves it (``IOException``, ``IO.IOException``,
    ``Exception``); case-insensitive."""
    if not _BY_NAME:
        for cls in _all_subclasses(DotNetException):
            full = cls.full_name.lower()  # type: ignore[attr-defined]
            _BY_NAME[full] = cls
            if full.startswith("system."):
                _BY_NAME.setdefault(full[7:], cls)
            _BY_NAME.setdefault(full.rsplit(".", 1)[-1], cls)
    return _BY_NAME.get(name.lower())


def dotnet_exception_from(exc: BaseException) -> DotNetException:
    """The .NET exception PowerShell would see for a Python error raised by
    the standard library (file access, arithmetic, recursion...)."""
    if isinstance(exc, DotNetException):
        return exc
    message = _python_error_message(exc)
    if isinstance(exc, ZeroDivisionError):
        return DivideByZeroException(None)
    if isinstance(exc, OverflowError):
        return OverflowException(None)
    if isinstance(exc, RecursionError):
        return ScriptCallDepthException(None)
    if isinstance(exc, MemoryError):
        return OutOfMemoryException(None)
    if isinstance(exc, FileNotFoundError):
        return FileNotFoundException(message)
    if isinstance(exc, (PermissionError, IsADirectoryError)):
        return UnauthorizedAccessException(message)
    if isinstance(exc, NotADirectoryError):
        return DirectoryNotFoundException(message)
    if isinstance(exc, TimeoutError):
        return TimeoutException(message or None)
    if isinstance(exc, OSError):
        return IOException(message)
    if isinstance(exc, UnicodeEncodeError) and isinstance(exc.object, str):
        # .NET's strict encoders' words (a lone surrogate in a path or in text written to a file)
        return EncoderFallbackException(f"Unable to translate Unicode character \\u{ord(exc.object[exc.start]):04X} "
                                        f"at index {exc.start} to specified code page.")
    if isinstance(exc, UnicodeDecodeError):
        shown = "".join(f"[{b:02X}]" for b in exc.object[exc.start:exc.end])
        return DecoderFallbackException(f"Unable to translate bytes {shown} at index {exc.start} from specified "
                                        f"code page to Unicode.")
    if isinstance(exc, UnicodeError):
        return ArgumentException(message)
    if isinstance(exc, IndexError):
        return IndexOutOfRangeException(None)
    if isinstance(exc, KeyError):
        return KeyNotFoundException(None)
    if isinstance(exc, ValueError):
        return FormatException(message or None)
    if isinstance(exc, TypeError):
        return InvalidCastException(message or None)
    return DotNetException(message or None)


def _python_error_message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        if exc.filename is not None:
            if isinstance(exc, FileNotFoundError):
                return f"Could not find file '{exc.filename}'."
            if isinstance(exc, (PermissionError, IsADirectoryError)):
                return f"Access to the path '{exc.filename}' is denied."
            if isinstance(exc, NotADirectoryError):
                return f"Could not find a part of the path '{exc.filename}'."
            return f"{exc.strerror} : '{exc.filename}'"
        return exc.strerror
    return str(exc)


# --- ErrorRecord -------------------------------------------------------------------------

def _ellipsize(text: str) -> str:
    """ErrorCategoryInfo keeps each field to 40 characters: 19 + '…' + 19."""
    if len(text) <= 40:
        return text
    return text[:19] + "\u2026" + text[-19:]


# How ErrorCategoryInfo names its target: the object's text and its type's
# short name.  Both are the object model's rules, which live above this module
# (conversions and types raise these exceptions); conversions installs them
# when it loads, and the package loads it first (its __init__ imports types),
# so these placeholders are replaced before anything can read them.
_target_text: Callable[[Any], str] = str
_target_type_name: Callable[[Any], str] = lambda value: type(value).__name__


def describe_targets_with(text: Callable[[Any], str], type_name: Callable[[Any], str]) -> None:
    """Installs how ``CategoryInfo.TargetName`` and ``TargetType`` render a
    target object (conversions calls this with ``to_string`` and the
    object's .NET type name)."""
    global _target_text, _target_type_name
    _target_text, _target_type_name = text, type_name


class ErrorCategoryInfo:
    """``$_.CategoryInfo``: derived from its ErrorRecord unless overridden.
    ``str()`` is the category view: ``InvalidArgument: (x:String) [Cmd], Reason``."""

    __slots__ = ("_record",)
    full_name = "System.Management.Automation.ErrorCategoryInfo"
    PS_MEMBERS = {"Category": "category", "Activity": "activity", "Reason": "reason",
                  "TargetName": "target_name", "TargetType": "target_type",
                  "GetMessage": "get_message", "ToString": "get_message"}

    def __init__(self, record: "ErrorRecord") -> None:
        self._record = record

    @property
    def category(self) -> EnumValue:
        return self._record._category

    @property
    def activity(self) -> str:
        rec = self._record
        if rec.activity_override:
            return rec.activity_override
        info = rec.invocation_info
        if info is not None and info.my_command is not None:
            name = getattr(info.my_command, "name", None)
            if name and getattr(info.my_command, "command_type", "Cmdlet") in (
                    "Cmdlet", "Function", "Filter", "ExternalScript", "Script"):
                return name
        return ""

    @activity.setter
    def activity(self, value: str) -> None:
        self._record.activity_override = value

    @property
    def reason(self) -> str:
        rec = self._record
        if rec.reason_override:
            return rec.reason_override
        exc = rec.exception
        if exc is None:
            return ""
        if isinstance(exc, DotNetException):
            return exc.short_name()
        return type(exc).__name__

    @reason.setter
    def reason(self, value: str) -> None:
        self._record.reason_override = value

    @property
    def target_name(self) -> str:
        rec = self._record
        if rec.target_name_override:
            return rec.target_name_override
        if rec.target_object is None:
            return ""
        try:
            return _target_text(rec.target_object)
        except Exception:
            return ""

    @target_name.setter
    def target_name(self, value: str) -> None:
        self._record.target_name_override = value

    @property
    def target_type(self) -> str:
        rec = self._record
        if rec.target_type_override:
            return rec.target_type_override
        if rec.target_object is None:
            return ""
        return _target_type_name(rec.target_object)

    @target_type.setter
    def target_type(self, value: str) -> None:
        self._record.target_type_override = value

    def get_message(self) -> str:
        category = str(self.category)
        reason = self.reason
        # An exception type name is shown whole; other reasons are shortened.
        if self._record.reason_override or self._record.exception is None:
            reason = _ellipsize(reason)
        template = "Deadlock detected" if category == "DeadlockDetected" else category
        return (f"{template}: ({_ellipsize(self.target_name)}:{_ellipsize(self.target_type)}) "
                f"[{_ellipsize(self.activity)}], {reason}")

    def __str__(self) -> str:
        return self.get_message()

    def __repr__(self) -> str:
        return f"ErrorCategoryInfo({self.get_message()!r})"


class ErrorDetails:
    """``$_.ErrorDetails``: a replacement message and a recommended action."""

    __slots__ = ("message", "recommended_action")
    full_name = "System.Management.Automation.ErrorDetails"
    PS_MEMBERS = {"Message": "message", "RecommendedAction": "recommended_action"}

    def __init__(self, message: str, recommended_action: str = "") -> None:
        self.message = message
        self.recommended_action = recommended_action

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ErrorDetails({self.message!r})"


class ErrorRecord:
    """``System.Management.Automation.ErrorRecord``.  ``str()`` is the
    message a host shows: ErrorDetails' message when set, else the
    exception's."""

    __slots__ = ("exception", "error_id", "_category", "target_object", "invocation_info",
                 "error_details", "script_stack_trace", "fully_qualified_error_id",
                 "activity_override", "reason_override", "target_name_override",
                 "target_type_override", "pipeline_iteration_info", "_category_info",
                 "preserve_invocation_info_once", "command_origin", "__weakref__")
    full_name = "System.Management.Automation.ErrorRecord"
    PS_MEMBERS = {"Exception": "exception", "TargetObject": "target_object",
                  "CategoryInfo": "category_info", "FullyQualifiedErrorId": "fully_qualified_error_id",
                  "ErrorDetails": "error_details", "InvocationInfo": "invocation_info",
                  "ScriptStackTrace": "script_stack_trace",
                  "PipelineIterationInfo": "pipeline_iteration_info", "ToString": "__str__"}

    def __init__(self, exception: BaseException, error_id: Optional[str], category: Any,
                 target_object: Any, invocation_info: Optional["InvocationInfo"] = None) -> None:
        self.exception = exception
        self.error_id = error_id or ""
        self._category = to_category(category)
        self.target_object = target_object
        self.invocation_info = invocation_info
        self.error_details: Optional[ErrorDetails] = None
        self.script_stack_trace: Optional[str] = None
        self.fully_qualified_error_id = self.error_id
        self.activity_override: Optional[str] = None
        self.reason_override: Optional[str] = None
        self.target_name_override: Optional[str] = None
        self.target_type_override: Optional[str] = None
        self.pipeline_iteration_info: list[int] = []
        self._category_info: Optional[ErrorCategoryInfo] = None
        self.preserve_invocation_info_once = False
        # The command type name to qualify the error id with, when it is not
        # the writing command's (the Graph SDK's errors name the generated
        # cmdlet behind a proxy, "NewMgOauth2PermissionGrant_CreateExpanded").
        self.command_origin: Optional[str] = None

    @property
    def category_info(self) -> ErrorCategoryInfo:
        if self._category_info is None:
            self._category_info = ErrorCategoryInfo(self)
        return self._category_info

    @property
    def category(self) -> EnumValue:
        return self._category

    @category.setter
    def category(self, value: Any) -> None:
        self._category = to_category(value)

    def set_command_origin(self, command_name: str) -> None:
        """Appends ``,<command>`` to the FullyQualifiedErrorId as pwsh does
        for errors written by a command."""
        command_name = self.command_origin or command_name
        if not self.error_id:  # pwsh: a record without an error id is known by the command alone
            self.fully_qualified_error_id = command_name or self.fully_qualified_error_id
        elif command_name and not self.fully_qualified_error_id.endswith("," + command_name):
            self.fully_qualified_error_id = f"{self.error_id},{command_name}"

    @property
    def message(self) -> str:
        if self.error_details is not None and self.error_details.message:
            return self.error_details.message
        exc = self.exception
        if isinstance(exc, DotNetException):
            return exc.message
        return str(exc)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ErrorRecord({self.fully_qualified_error_id!r}, {self.message!r})"


def to_error_record(exc: BaseException) -> ErrorRecord:
    """The ErrorRecord PowerShell shows for any exception: the one a
    RuntimeException carries, else a new record named after the type."""
    record = getattr(exc, "error_record", None)
    if isinstance(record, ErrorRecord):
        return record
    dotnet = dotnet_exception_from(exc)
    error_id = dotnet.short_name()
    if isinstance(dotnet, RuntimeException):
        return dotnet.error_record
    return ErrorRecord(dotnet, error_id, ErrorCategory.NotSpecified, None)


# --- InvocationInfo ----------------------------------------------------------------------

# The history id of the line now running (``$MyInvocation.HistoryId``): 1
# until a line that adds to history runs (runtime/history.py sets it).
_RUNNING_HISTORY_ID = [1]


def set_running_history_id(history_id: int) -> None:
    _RUNNING_HISTORY_ID[0] = history_id


class InvocationInfo:
    """``$MyInvocation`` / ``$_.InvocationInfo``: what command ran, from
    where.  ``extent`` (a language Extent) supplies the line/column facts
    when they were not given explicitly."""

    __slots__ = ("my_command", "invocation_name", "bound_parameters", "unbound_arguments",
                 "extent", "pipeline_position", "pipeline_length", "expecting_input",
                 "command_origin", "_history_id")
    full_name = "System.Management.Automation.InvocationInfo"
    PS_MEMBERS = {"MyCommand": "my_command", "InvocationName": "invocation_name",
                  "BoundParameters": "bound_parameters", "UnboundArguments": "unbound_arguments",
                  "ScriptName": "script_name", "ScriptLineNumber": "script_line_number",
                  "OffsetInLine": "offset_in_line", "Line": "line",
                  "PositionMessage": "position_message", "PipelineLength": "pipeline_length",
                  "PipelinePosition": "pipeline_position", "ExpectingInput": "expecting_input",
                  "CommandOrigin": "command_origin", "PSScriptRoot": "ps_script_root",
                  "PSCommandPath": "ps_command_path", "HistoryId": "history_id",
                  "Statement": "statement"}

    def __init__(self, my_command: Any = None, invocation_name: str = "", extent: Any = None,
                 bound_parameters: Any = None, unbound_arguments: Optional[list] = None,
                 pipeline_position: int = 0, pipeline_length: int = 0,
                 expecting_input: bool = False) -> None:
        self.my_command = my_command
        self.invocation_name = invocation_name
        self.extent = extent
        if bound_parameters is None:
            bound_parameters = GenericDictionary()
        self.bound_parameters = bound_parameters
        self.unbound_arguments = unbound_arguments if unbound_arguments is not None else []
        self.pipeline_position = pipeline_position
        self.pipeline_length = pipeline_length
        self.expecting_input = expecting_input
        self.command_origin = "Runspace"
        self._history_id = _RUNNING_HISTORY_ID[0]

    @property
    def history_id(self) -> int:
        return self._history_id

    @property
    def script_name(self) -> str:
        return (self.extent.file if self.extent is not None else None) or ""

    @property
    def ps_command_path(self) -> str:
        """The script the command was called from (empty at the prompt)."""
        return self.script_name

    @property
    def ps_script_root(self) -> str:
        """The folder of the script the command was called from."""
        path = self.script_name
        if not path:
            return ""
        import os
        return os.path.dirname(path)

    @property
    def script_line_number(self) -> int:
        return self.extent.start_line if self.extent is not None else 0

    @property
    def offset_in_line(self) -> int:
        return self.extent.start_column if self.extent is not None else 0

    @property
    def line(self) -> str:
        if self.extent is None:
            return ""
        return self.extent.start_line_text + "\n"

    @property
    def statement(self) -> str:
        return self.extent.text if self.extent is not None else ""

    @property
    def position_message(self) -> str:
        return position_message(self.extent)

    def __repr__(self) -> str:
        return f"InvocationInfo({self.invocation_name!r})"


def position_message(extent: Any) -> str:
    """pwsh's ``PositionMessage``::

        At C:\\x.ps1:3 char:5
        +     $x + @y
        +          ~~
    """
    if extent is None:
        return ""
    file_name = extent.file or "line"
    start_line, start_col = extent.start_line, extent.start_column
    source_line = extent.start_line_text.rstrip()
    body = ""
    if source_line:
        spaces = start_col - 1
        end_line, end_col = extent.end_line, extent.end_column
        if start_line == end_line and end_col <= len(source_line) + 1:
            length = end_col - start_col
        else:
            length = len(source_line) - start_col + 1
        if "\t" in source_line:
            before = source_line[:spaces].replace("\t", "    ")
            error_part = source_line[spaces:spaces + length].replace("\t", "    ")
            after = source_line[spaces + length:].replace("\t", "    ")
            source_line = before + error_part + after
            spaces, length = len(before), len(error_part)
        max_len = 69
        prefix_dots = suffix_dots = False
        if len(source_line) > max_len:
            total_prefix = spaces
            prefix = min(total_prefix, 12)
            total_suffix = len(source_line) - length - spaces
            suffix = min(total_suffix, 8)
            candidate = prefix + length + suffix
            if candidate >= max_len:
                if prefix + length >= max_len:
                    length = max_len - prefix
                suffix_dots = True
            else:
                available = total_prefix - prefix
                if available > 0:
                    prefix += min(available, max_len - candidate)
                    candidate = prefix + length + suffix
                if candidate < max_len and total_suffix > 0:
                    suffix += min(total_suffix, max_len - candidate)
                suffix_dots = suffix < total_suffix
            prefix_dots = prefix < total_prefix
            start = max(spaces - prefix, 0)
            source_line = source_line[start:start + max_len]
            spaces = min(spaces, prefix)
            length = min(length, max_len - spaces)
        text = ("\u2026 " if prefix_dots else "") + source_line + (" \u2026" if suffix_dots else "")
        body = text + "\n+ " + " " * (spaces + (2 if prefix_dots else 0)) + "~" * (length if length > 0 else 1)
    return f"At {file_name}:{start_line} char:{start_col}\n+ {body}"
