"""The types that ``types.py`` registers on first lookup, so that a plain
script run does not pay for them: enums, utility classes (``[version]``,
``[Text.Encoding]``), static-only classes (``[math]``,
``[Convert]``, ``[IO.Path]``...) and the attribute types used in
``param()`` blocks."""

from __future__ import annotations

from typing import Any, Callable, Optional

from . import conversions as conv
from .delegates import register_delegate_types
from .ip_address import ADDRESS_FAMILY, IPAddress, IPEndPoint, new_ip_address, parse as parse_ip
from .mail_address import MailAddress
from .linkedlist import LinkedList, linked_list_type, LinkedListNode, node_type
from .engine_enums import (ACTION_PREFERENCE, CONFIRM_IMPACT, CONSOLE_COLOR, DAY_OF_WEEK, MIDPOINT_ROUNDING,
    STRING_SPLIT_OPTIONS, STRING_COMPARISON, DATETIME_KIND, URI_KIND, FILE_ATTRIBUTES, COMMAND_TYPES, ACE_FLAGS,
    PLATFORM_ID, THREAD_STATE, PROCESS_THREAD_STATE, SEARCH_OPTION, NATIVE_ARGUMENT_PASSING, MEMBER_TYPES,
    BINDING_FLAGS, BASE64_OPTIONS, UNIX_FILE_MODE)
from .errors import (
    DotNetException, ERROR_CATEGORY_ENUM, ErrorCategoryInfo, ErrorDetails, ErrorRecord, InvocationInfo, to_category,
)
from .experimental import EXPERIMENT_ACTION, ExperimentalAttribute
from .cultures import (
    CULTURE_TYPES, culture_by_lcid, CultureInfo, CultureNotFoundException, DateTimeFormatInfo, NumberFormatInfo,
    TextInfo,
)
from .netobjects import encoding, ManagedThread, TextEncoding, Version
from .netregex import REGEX_OPTIONS
from .physical_address import PhysicalAddress
from .primitive_dictionary import PSPrimitiveDictionary
from .psmembers import PSNoteProperty
from .semver import new_semantic_version, SemanticVersion
from .readonly_collection import ReadOnlyCollection, readonly_collection_type, type_of_instance as readonly_type_of
from .types import OBJECT, PSType, register_generic_family, register_instance_types
from .values import DBNull, DotNetTuple, EnumInfo, NullString

ENUMS = (ACTION_PREFERENCE, CONFIRM_IMPACT, CONSOLE_COLOR, DAY_OF_WEEK, MIDPOINT_ROUNDING,
         STRING_SPLIT_OPTIONS, STRING_COMPARISON, DATETIME_KIND, URI_KIND, BASE64_OPTIONS,
         FILE_ATTRIBUTES, COMMAND_TYPES, ACE_FLAGS, PLATFORM_ID, REGEX_OPTIONS, ERROR_CATEGORY_ENUM, MEMBER_TYPES,
         BINDING_FLAGS, NATIVE_ARGUMENT_PASSING, THREAD_STATE, PROCESS_THREAD_STATE, SEARCH_OPTION,
         ADDRESS_FAMILY, CULTURE_TYPES, UNIX_FILE_MODE)

# Static-only classes: their members live in statics.py.
STATIC_CLASSES = (
    ("System.Math", "math"), ("System.Convert", "convert"), ("System.Text.Encoding", ""),
    ("System.IO.Path", ""), ("System.IO.File", ""), ("System.IO.Directory", ""),
    ("System.Environment", ""), ("System.Console", ""), ("System.BitConverter", ""),
    ("System.Net.WebUtility", ""), ("System.Web.HttpUtility", ""),
    ("System.Management.Automation.LanguagePrimitives", ""),
    ("System.Management.Automation.WildcardPattern", "WildcardPattern"),
    ("System.Runtime.InteropServices.Marshal", ""),
    ("System.Management.Automation.Cmdlet", ""), ("System.Management.Automation.PSCmdlet", ""),
    ("System.Management.Automation.Internal.AutomationNull", ""),
    ("System.Management.Automation.TypeAccelerators", ""),
)

# Attribute types for param() blocks and [CmdletBinding()], with their
# accelerators (PowerShell resolves both `Parameter` and `ParameterAttribute`).
ATTRIBUTES = (
    ("System.Management.Automation.CmdletBindingAttribute", "CmdletBinding"),
    ("System.Management.Automation.ParameterAttribute", "Parameter"),
    ("System.Management.Automation.AliasAttribute", "Alias"),
    ("System.Management.Automation.AllowNullAttribute", "AllowNull"),
    ("System.Management.Automation.AllowEmptyStringAttribute", "AllowEmptyString"),
    ("System.Management.Automation.AllowEmptyCollectionAttribute", "AllowEmptyCollection"),
    ("System.Management.Automation.ValidateSetAttribute", "ValidateSet"),
    ("System.Management.Automation.ValidateNotNullAttribute", "ValidateNotNull"),
    ("System.Management.Automation.ValidateNotNullOrEmptyAttribute", "ValidateNotNullOrEmpty"),
    ("System.Management.Automation.ValidateNotNullOrWhiteSpaceAttribute", "ValidateNotNullOrWhiteSpace"),
    ("System.Management.Automation.ValidateRangeAttribute", "ValidateRange"),
    ("System.Management.Automation.ValidatePatternAttribute", "ValidatePattern"),
    ("System.Management.Automation.ValidateLengthAttribute", "ValidateLength"),
    ("System.Management.Automation.ValidateCountAttribute", "ValidateCount"),
    ("System.Management.Automation.ValidateScriptAttribute", "ValidateScript"),
    ("System.Management.Automation.ValidateDriveAttribute", "ValidateDrive"),
    ("System.Management.Automation.ValidateUserDriveAttribute", "ValidateUserDrive"),
    ("System.Management.Automation.ValidateTrustedDataAttribute", "ValidateTrustedData"),
    ("System.Management.Automation.ArgumentCompleterAttribute", "ArgumentCompleter"),
    ("System.Management.Automation.ArgumentCompletionsAttribute", "ArgumentCompletions"),
    ("System.Management.Automation.OutputTypeAttribute", "OutputType"),
    ("System.Management.Automation.SupportsWildcardsAttribute", "SupportsWildcards"),
    ("System.Management.Automation.PSDefaultValueAttribute", "PSDefaultValue"),
    ("System.Management.Automation.PSTypeNameAttribute", "PSTypeName"),
    ("System.Management.Automation.CredentialAttribute", "Credential"),
    ("System.Management.Automation.DscResourceAttribute", "DscResource"),
    ("System.Management.Automation.DscPropertyAttribute", "DscProperty"),
    ("System.Management.Automation.DscLocalConfigurationManagerAttribute", "DscLocalConfigurationManager"),
    # pwsh's class attribute that lets instances run in any runspace; classes here have no runspace affinity.
    ("System.Management.Automation.Language.NoRunspaceAffinityAttribute", "NoRunspaceAffinity"),
    ("System.Management.Automation.HiddenAttribute", "Hidden"),
    ("System.Diagnostics.CodeAnalysis.SuppressMessageAttribute", "SuppressMessage"),
    ("System.ObsoleteAttribute", "Obsolete"),
)


class CompilerGeneratedAttribute:
    """An attribute with nothing to set, which scripts may create (``New-Object
    CompilerGeneratedAttribute``); like any .NET object without its own
    ToString, it reads as its type's name."""

    full_name = "System.Runtime.CompilerServices.CompilerGeneratedAttribute"

    def __str__(self) -> str:
        return self.full_name


def _text_converter(cls: type, type_name: str, parse: Callable[[Any], Any], text_error_id: Optional[str] = None,
                    inputs: tuple[type, ...] = (str,)) -> Callable[[Any], Any]:
    """A cast to ``cls``: itself and $null as they are, ``inputs`` through
    ``parse``, and pwsh's cast error otherwise; a failed parse carries its
    message, and for text ``text_error_id`` (the id of the conversion path
    pwsh takes: a Parse method, a constructor)."""

    def convert(value: Any) -> Any:
        if isinstance(value, cls) or value is None:
            return value
        if isinstance(value, inputs):
            try:
                return parse(value)
            except Exception as exc:
                raise conv.cast_error(value, type_name, getattr(exc, "message", str(exc)),
                                      text_error_id if isinstance(value, str) else None) from None
        raise conv.cast_error(value, type_name)

    return convert


def register_extra_types(register: Callable[..., Any], enum_type: Callable[[EnumInfo], Any]) -> None:
    for info in ENUMS:
        enum_type(info)

    def new_version(*parts: Any) -> Version:
        if len(parts) == 1 and isinstance(parts[0], str):
            return Version.parse(parts[0])
        return Version(*[conv.convert_to_integer(p) for p in parts])

    convert_version = _text_converter(Version, "System.Version", Version.parse)
    # A string goes through SemanticVersion.Parse, as pwsh's LanguagePrimitives picks.
    convert_semver = _text_converter(SemanticVersion, SemanticVersion.full_name, new_semantic_version,
                                     "InvalidCastParseTargetInvocation", (str, Version))
    convert_ip = _text_converter(IPAddress, IPAddress.full_name, parse_ip, "InvalidCastParseTargetInvocation")

    register(PSType(IPAddress.full_name, OBJECT, converter=convert_ip, check=lambda v: isinstance(v, IPAddress),
                    constructor=new_ip_address, pyclass=IPAddress), "ipaddress")
    # No Parse method: pwsh converts through the constructor.
    convert_mail = _text_converter(MailAddress, MailAddress.full_name, MailAddress, "InvalidCastConstructorException")

    register(PSType(MailAddress.full_name, OBJECT, converter=convert_mail, check=lambda v: isinstance(v, MailAddress),
                    constructor=MailAddress, pyclass=MailAddress), "mailaddress")
    register(PSType(PSPrimitiveDictionary.full_name, OBJECT, check=lambda v: isinstance(v, PSPrimitiveDictionary),
                    constructor=PSPrimitiveDictionary, pyclass=PSPrimitiveDictionary), "psprimitivedictionary")
    register(PSType(PhysicalAddress.full_name, OBJECT, check=lambda v: isinstance(v, PhysicalAddress),
                    constructor=PhysicalAddress, pyclass=PhysicalAddress), "PhysicalAddress")
    register(PSType(IPEndPoint.full_name, OBJECT, check=lambda v: isinstance(v, IPEndPoint),
                    constructor=lambda address, port: IPEndPoint(convert_ip(address) if isinstance(address, str)
                                                                 else address, conv.convert_to_integer(port)),
                    pyclass=IPEndPoint), "IPEndpoint")
    register(PSType(SemanticVersion.full_name, OBJECT, converter=convert_semver,
                    check=lambda v: isinstance(v, SemanticVersion), constructor=new_semantic_version,
                    pyclass=SemanticVersion), "semver")
    register(PSType("System.Version", OBJECT, converter=convert_version,
                    check=lambda v: isinstance(v, Version), constructor=new_version, pyclass=Version),
             "version")
    def convert_culture(value: Any) -> Any:
        if isinstance(value, CultureInfo) or value is None:
            return value
        try:
            if isinstance(value, int) and not isinstance(value, bool):
                return culture_by_lcid(value)
            return CultureInfo(conv.to_string(value))
        except CultureNotFoundException as exc:
            # pwsh casts through the CultureInfo(string) / (int) constructor.
            raise conv.cast_error(value, CultureInfo.full_name, exc.message, "InvalidCastConstructorException") from None

    def new_culture(name: Any, use_user_override: Any = True) -> CultureInfo:
        if isinstance(name, int) and not isinstance(name, bool):
            return CultureInfo(culture_by_lcid(name).Name, conv.to_bool(use_user_override))
        return CultureInfo(None if name is None else conv.to_string(name), conv.to_bool(use_user_override))

    register(PSType(CultureInfo.full_name, OBJECT, converter=convert_culture,
                    check=lambda v: isinstance(v, CultureInfo),
                    constructor=new_culture, pyclass=CultureInfo), "cultureinfo")
    for culture_class in (TextInfo, NumberFormatInfo, DateTimeFormatInfo, CultureNotFoundException):
        register(PSType(culture_class.full_name, OBJECT, check=lambda v, c=culture_class: isinstance(v, c),
                        pyclass=culture_class))
    register(PSType("System.Text.UTF8Encoding", OBJECT, check=lambda v: isinstance(v, TextEncoding),
                    constructor=_new_utf8, pyclass=TextEncoding))

    register(PSType("System.Management.Automation.PSNoteProperty", OBJECT,
                    check=lambda v: isinstance(v, PSNoteProperty),
                    constructor=lambda name, value=None: PSNoteProperty(conv.to_string(name), value),
                    pyclass=PSNoteProperty), "psnoteproperty")

    def new_error_record(exception: Any, error_id: Any, category: Any, target: Any) -> ErrorRecord:
        if not isinstance(exception, DotNetException):
            raise conv.cast_error(exception, "System.Exception")
        return ErrorRecord(exception, None if error_id is None else conv.to_string(error_id),
                           to_category(enum_type(ERROR_CATEGORY_ENUM).convert(category)), target)

    register(PSType("System.Management.Automation.ErrorRecord", OBJECT, check=lambda v: isinstance(v, ErrorRecord),
                    constructor=new_error_record, pyclass=ErrorRecord))
    register(PSType("System.Management.Automation.ErrorDetails", OBJECT, check=lambda v: isinstance(v, ErrorDetails),
                    constructor=lambda message: ErrorDetails(conv.to_string(message)), pyclass=ErrorDetails))
    register(PSType("System.Management.Automation.ErrorCategoryInfo", OBJECT,
                    check=lambda v: isinstance(v, ErrorCategoryInfo), pyclass=ErrorCategoryInfo))
    register(PSType("System.Management.Automation.InvocationInfo", OBJECT,
                    check=lambda v: isinstance(v, InvocationInfo), pyclass=InvocationInfo))

    register_delegate_types(register, register_generic_family)
    register_generic_family("collections.generic.linkedlist", linked_list_type)
    register_instance_types(LinkedList, lambda v: linked_list_type((v.element_type,)))
    register_instance_types(LinkedListNode, node_type)
    register_generic_family("collections.objectmodel.readonlycollection", readonly_collection_type)
    register_instance_types(ReadOnlyCollection, readonly_type_of)
    register(PSType("System.Tuple", OBJECT, check=lambda v: False, abstract=True))
    tuple_types: dict[int, PSType] = {}

    def tuple_type(value: DotNetTuple) -> PSType:
        arity = len(value.items)
        if arity not in tuple_types:
            tuple_types[arity] = PSType(f"System.Tuple`{arity}", OBJECT, check=lambda v: isinstance(v, DotNetTuple)
                                        and len(v.items) == arity, interfaces=("System.Runtime.CompilerServices.ITuple",))
        return tuple_types[arity]
    register_instance_types(DotNetTuple, tuple_type)
    register(PSType("System.DBNull", OBJECT, check=lambda v: isinstance(v, DBNull), pyclass=DBNull))
    register(PSType(NullString.full_name, OBJECT, check=lambda v: isinstance(v, NullString), pyclass=NullString),
             "NullString")

    for full_name, accelerator in STATIC_CLASSES:
        register(PSType(full_name, OBJECT, check=lambda v: False, abstract=True),
                 *([accelerator] if accelerator else []))

    register(PSType(ManagedThread.full_name, OBJECT, check=lambda v: isinstance(v, ManagedThread),
                    pyclass=ManagedThread))
    register(enum_type(EXPERIMENT_ACTION), "ExperimentAction")
    register(PSType(ExperimentalAttribute.full_name, OBJECT, check=lambda v: isinstance(v, ExperimentalAttribute),
                    constructor=ExperimentalAttribute, pyclass=ExperimentalAttribute, attribute=True), "Experimental")
    # Features are listed by Get-ExperimentalFeature, which this engine (having none) does not have.
    register(PSType("System.Management.Automation.ExperimentalFeature", OBJECT, check=lambda v: False,
                    abstract=True), "ExperimentalFeature")
    register(PSType(CompilerGeneratedAttribute.full_name, OBJECT,
                    check=lambda v: isinstance(v, CompilerGeneratedAttribute),
                    constructor=CompilerGeneratedAttribute, pyclass=CompilerGeneratedAttribute, attribute=True))
    for full_name, short in ATTRIBUTES:
        register(PSType(full_name, OBJECT, check=lambda v: False, attribute=True), short)


def _new_utf8(emit_bom: Any = False) -> TextEncoding:
    return encoding("utf8" if conv.to_bool(emit_bom) else "utf8nobom")
