"""The .NET enums the engine itself reads, as plain data.

Preference variables hold ActionPreference values and
$PSNativeCommandArgumentPassing a NativeArgumentPassingStyle from the moment a
session starts; the type table (``typetable``) registers these enums with the
rest of its types, but loads only when a script first names a type.  Keeping
the definitions here, depending on nothing but ``EnumInfo``, lets a session
start without loading the type table.
"""

from __future__ import annotations

from .values import EnumInfo

ACTION_PREFERENCE = EnumInfo("System.Management.Automation.ActionPreference", (
    ("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4),
    ("Suspend", 5), ("Break", 6)))
CONFIRM_IMPACT = EnumInfo("System.Management.Automation.ConfirmImpact", (
    ("None", 0), ("Low", 1), ("Medium", 2), ("High", 3)))
CONSOLE_COLOR = EnumInfo("System.ConsoleColor", tuple((n, i) for i, n in enumerate((
    "Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
    "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"))))
DAY_OF_WEEK = EnumInfo("System.DayOfWeek", tuple((n, i) for i, n in enumerate((
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"))))
MIDPOINT_ROUNDING = EnumInfo("System.MidpointRounding", (
    ("ToEven", 0), ("AwayFromZero", 1), ("ToZero", 2), ("ToNegativeInfinity", 3), ("ToPositiveInfinity", 4)))
STRING_SPLIT_OPTIONS = EnumInfo("System.StringSplitOptions", (
    ("None", 0), ("RemoveEmptyEntries", 1), ("TrimEntries", 2)), flags=True)
STRING_COMPARISON = EnumInfo("System.StringComparison", (
    ("CurrentCulture", 0), ("CurrentCultureIgnoreCase", 1), ("InvariantCulture", 2),
    ("InvariantCultureIgnoreCase", 3), ("Ordinal", 4), ("OrdinalIgnoreCase", 5)))
DATETIME_KIND = EnumInfo("System.DateTimeKind", (("Unspecified", 0), ("Utc", 1), ("Local", 2)))
URI_KIND = EnumInfo("System.UriKind", (("RelativeOrAbsolute", 0), ("Absolute", 1), ("Relative", 2)))
BASE64_OPTIONS = EnumInfo("System.Base64FormattingOptions", (("None", 0), ("InsertLineBreaks", 1)))
FILE_ATTRIBUTES = EnumInfo("System.IO.FileAttributes", (
    ("ReadOnly", 1), ("Hidden", 2), ("System", 4), ("Directory", 16), ("Archive", 32), ("Device", 64),
    ("Normal", 128), ("Temporary", 256), ("SparseFile", 512), ("ReparsePoint", 1024),
    ("Compressed", 2048), ("Offline", 4096), ("NotContentIndexed", 8192), ("Encrypted", 16384)), flags=True)
COMMAND_TYPES = EnumInfo("System.Management.Automation.CommandTypes", (
    ("Alias", 1), ("Function", 2), ("Filter", 4), ("Cmdlet", 8), ("ExternalScript", 16), ("Application", 32),
    ("Script", 64), ("Configuration", 256), ("All", 383)), flags=True)
ACE_FLAGS = EnumInfo("System.Security.AccessControl.AceFlags", (
    ("None", 0), ("ObjectInherit", 1), ("ContainerInherit", 2), ("NoPropagateInherit", 4), ("InheritOnly", 8),
    ("InheritanceFlags", 15), ("Inherited", 16), ("SuccessfulAccess", 64), ("FailedAccess", 128),
    ("AuditFlags", 192)), flags=True)
PLATFORM_ID = EnumInfo("System.PlatformID", (
    ("Win32S", 0), ("Win32Windows", 1), ("Win32NT", 2), ("WinCE", 3), ("Unix", 4), ("Xbox", 5),
    ("MacOSX", 6), ("Other", 7)))

# Two enums of one name in two namespaces: with both opened by using
# namespace, [ThreadState] is ambiguous in pwsh.
THREAD_STATE = EnumInfo("System.Threading.ThreadState", (
    ("Running", 0), ("StopRequested", 1), ("SuspendRequested", 2), ("Background", 4), ("Unstarted", 8),
    ("Stopped", 16), ("WaitSleepJoin", 32), ("Suspended", 64), ("AbortRequested", 128), ("Aborted", 256)),
    flags=True)
PROCESS_THREAD_STATE = EnumInfo("System.Diagnostics.ThreadState", (
    ("Initialized", 0), ("Ready", 1), ("Running", 2), ("Standby", 3), ("Terminated", 4), ("Wait", 5),
    ("Transition", 6), ("Unknown", 7)))

SEARCH_OPTION = EnumInfo("System.IO.SearchOption", (("TopDirectoryOnly", 0), ("AllDirectories", 1)))
UNIX_FILE_MODE = EnumInfo("System.IO.UnixFileMode", (
    ("None", 0), ("OtherExecute", 1), ("OtherWrite", 2), ("OtherRead", 4), ("GroupExecute", 8), ("GroupWrite", 16),
    ("GroupRead", 32), ("UserExecute", 64), ("UserWrite", 128), ("UserRead", 256), ("StickyBit", 512),
    ("SetGroup", 1024), ("SetUser", 2048)), flags=True)
NATIVE_ARGUMENT_PASSING = EnumInfo("System.Management.Automation.NativeArgumentPassingStyle", (
    ("Legacy", 0), ("Standard", 1), ("Windows", 2)))
MEMBER_TYPES = EnumInfo("System.Reflection.MemberTypes", (
    ("Constructor", 1), ("Event", 2), ("Field", 4), ("Method", 8), ("Property", 16), ("TypeInfo", 32),
    ("Custom", 64), ("NestedType", 128), ("All", 191)), flags=True)
BINDING_FLAGS = EnumInfo("System.Reflection.BindingFlags", (
    ("Default", 0), ("IgnoreCase", 1), ("DeclaredOnly", 2), ("Instance", 4), ("Static", 8), ("Public", 16),
    ("NonPublic", 32), ("FlattenHierarchy", 64), ("InvokeMethod", 256), ("CreateInstance", 512),
    ("GetField", 1024), ("SetField", 2048), ("GetProperty", 4096), ("SetProperty", 8192),
    ("PutDispProperty", 16384), ("PutRefDispProperty", 32768), ("ExactBinding", 65536),
    ("SuppressChangeType", 131072), ("OptionalParamBinding", 262144), ("IgnoreReturn", 16777216),
    ("DoNotWrapExceptions", 33554432)), flags=True)
