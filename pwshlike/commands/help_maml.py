"""The help of a script command with comment-based help, shaped like pwsh's MAML.

pwsh turns a help comment into a MAML document (HelpCommentsParser.
BuildXmlFromComments) and loads it as the help object Get-Help returns;
scripts read its members (``.Synopsis``, ``.parameters.parameter[0].required``,
``.examples.example[0].code``).  :func:`maml_help` builds the same content
from a command's metadata and its :class:`~.help_comments.CommentHelp`;
:func:`maml_object` makes the object with pwsh's property names and type
names.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from .help_comments import CommentHelp
from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata, ParameterSetSpec

_DEFAULT_PROMPT = "PS > "
_EXAMPLE_TITLE = "-------------------------- EXAMPLE {0} --------------------------"
_CODE_AND_REMARKS = re.compile(r"^(?P<code>.*?)\r?\n\r?\n(?P<remarks>.*)$", re.DOTALL)


class MamlParameter:
    """A parameter as the MAML of comment help describes it (``position`` is
    1-based text or ``named``; ``value_type`` the .NET short type name)."""

    typed_header = False  # comment help shows an enum parameter's header without its type

    def __init__(self, param: ParameterMetadata, spec: Optional[ParameterSetSpec], description: str) -> None:
        self.name = param.name
        self.required = bool(spec and spec.mandatory)
        self.position = str(spec.position + 1) if spec and spec.position is not None else "named"
        by_value = bool(spec and spec.value_from_pipeline)
        by_name = bool(spec and spec.value_from_pipeline_by_property_name)
        kinds = [k for k, on in (("ByValue", by_value), ("ByPropertyName", by_name)) if on]
        self.pipeline_input = f"true ({', '.join(kinds)})" if kinds else "false"
        self.globbing = param.supports_wildcards
        self.description = description
        self.is_switch = param.is_switch
        self.value_type = param.type_name
        self.enum_values = list(param.enum_names())
        self.default = param.default_text or _type_default(param.type_name)


class ShippedParameter(MamlParameter):
    """A cmdlet parameter as pwsh 7.4's shipped help files describe it: the
    0-based position, the full .NET type name (shown for enum parameters
    too), ``True (ByPropertyName, ByValue)`` and the default value's text."""

    typed_header = True

    def __init__(self, param: ParameterMetadata, spec: Optional[ParameterSetSpec], description: str,
                 type_name: str, default: str) -> None:
        super().__init__(param, spec, description)
        self.position = str(spec.position) if spec and spec.position is not None else "named"
        kinds = [k for k, on in (("ByPropertyName", bool(spec and spec.value_from_pipeline_by_property_name)),
                                 ("ByValue", bool(spec and spec.value_from_pipeline))) if on]
        self.pipeline_input = f"True ({', '.join(kinds)})" if kinds else "False"
        self.value_type = type_name
        self.default = default
        # the syntax lists the values a ValidateSet (or an enum) allows, as platyPS's parameterValueGroup
        self.enum_values = list(param.accepted_values or param.enum_names())


_NUMERIC = {"byte", "sbyte", "int16", "uint16", "int32", "uint32", "int64", "uint64", "single", "double",
            "decimal", "bigint", "int", "long", "float"}


def _type_default(type_name: str) -> str:
    """What pwsh's help shows for a script parameter without a default: the
    value the parameter starts with (Compiler.TryGetDefaultParameterValue)."""
    lowered = type_name.lower()
    if lowered in ("switchparameter", "switch", "boolean", "bool"):
        return "False"
    return "0" if lowered in _NUMERIC else ""


class MamlExample:
    """One ``.EXAMPLE``: its title, the prompt it starts with, the code and the
    remarks.  ``trailing`` is the number of blank lines the view prints after
    the remarks (comment help's MAML carries four empty paragraphs there)."""

    trailing = 4

    def __init__(self, index: int, text: str) -> None:
        self.title = _EXAMPLE_TITLE.format(index)
        match = re.match(r"^.*?>", text)
        self.introduction = match.group(0) if match else _DEFAULT_PROMPT
        if match:
            text = text[len(self.introduction):]
        split = _CODE_AND_REMARKS.match(text)
        self.code = (split.group("code") if split else text).strip()
        self.remarks = split.group("remarks").strip() if split else ""


class ShippedExample(MamlExample):
    """An example of a cmdlet's own help, shaped as pwsh 7.4's shipped help
    files have it: the title centred in dashes, the code without a prompt,
    the remarks, then one blank line."""

    trailing = 1

    def __init__(self, index: int, title: str, code: str, remarks: str) -> None:
        if not title.lower().startswith("example"):
            title = f"Example {index}: {title}" if title else f"Example {index}"
        dashes = "-" * max(1, (_TITLE_WIDTH - len(title)) // 2)
        self.title = f"{dashes} {title} {dashes}"
        self.introduction = ""
        self.code = code.strip()
        self.remarks = remarks.strip()


_TITLE_WIDTH = 64  # the shipped help files centre example titles in this many columns of dashes


class MamlHelp:
    """Everything comment help shows about one command."""

    def __init__(self, name: str, category: str, module_name: str = "") -> None:
        self.name = name
        self.category = category
        self.module_name = module_name
        self.synopsis = ""
        self.description = ""
        self.notes = ""
        self.component = ""
        self.role = ""
        self.functionality = ""
        self.syntax: list[list[MamlParameter]] = []
        self.parameters: list[MamlParameter] = []
        self.inputs: list[str] = []
        self.outputs: list[str] = []
        self.examples: list[MamlExample] = []
        self.links: list[str] = []


def _text(section: Optional[str]) -> str:
    return section.strip() if section else ""


def _first_spec(param: ParameterMetadata) -> Optional[ParameterSetSpec]:
    spec = param.sets.get(ALL_PARAMETER_SETS)
    return spec if spec is not None else next(iter(param.sets.values()), None)


def maml_help(name: str, category: str, metadata: CommandMetadata, comments: CommentHelp,
              module_name: str = "") -> MamlHelp:
    """The help pwsh builds from a help comment and the command's parameters
    (common parameters left out, as pwsh does)."""
    help_info = MamlHelp(name, category, module_name)
    help_info.synopsis = _text(comments.synopsis)
    help_info.description = _text(comments.description)
    help_info.notes = _text(comments.notes)
    help_info.component = comments.component or ""
    help_info.role = comments.role or ""
    help_info.functionality = comments.functionality or ""
    shown = [p for p in metadata.parameters.values() if not p.is_common]
    descriptions = {p.name: _text(comments.parameter(p.name)) for p in shown}
    for set_name in metadata.parameter_sets:
        help_info.syntax.append([MamlParameter(p, p.spec_for(set_name), descriptions[p.name])
                                 for p in shown if p.spec_for(set_name) is not None])
    help_info.parameters = [MamlParameter(p, _first_spec(p), descriptions[p.name]) for p in shown]
    help_info.inputs = [_text(i) for i in comments.inputs]
    help_info.outputs = [_text(o) for o in comments.outputs] or list(metadata.output_types)
    help_info.examples = [MamlExample(i, text) for i, text in enumerate(comments.examples, 1)]
    help_info.links = list(comments.links)
    return help_info


# --- the object Get-Help returns ------------------------------------------------------------------

def _obj(type_names: Optional[list[str]] = None, **properties: Any) -> Any:
    from pwshlike.dotnet.values import PSCustomObject
    return PSCustomObject(properties, type_names=type_names)


def _para(text: str) -> Any:
    return _obj(["MamlParaTextItem", "MamlTextItem"], Text=text)


def _described(text: str) -> Optional[list[Any]]:
    return [_para(text)] if text else None


def parameter_object(p: MamlParameter, for_syntax: bool) -> Any:
    """A parameter as a MAML ``parameter`` element loads (syntax items omit a
    switch's value, its type and its default)."""
    props: dict[str, Any] = {"description": _described(p.description), "name": p.name,
                             "required": "true" if p.required else "false",
                             "globbing": "true" if p.globbing else "false",
                             "pipelineInput": p.pipeline_input, "position": p.position}
    if p.enum_values:
        props["parameterValueGroup"] = _obj(parameterValue=[_value(v, False) for v in p.enum_values])
    elif not (for_syntax and p.is_switch):
        props["parameterValue"] = _value(p.value_type, not p.is_switch)
    if not for_syntax:
        props["type"] = _obj(name=p.value_type)
        props["defaultValue"] = p.default
    return _obj(["MamlCommandHelpInfo#parameter"], **props)


def _value(text: str, required: bool) -> Any:
    """A parameterValue: its text, with the ``required`` attribute as a note
    property (as pwsh's MAML loader makes it)."""
    from pwshlike.dotnet.members import instance_members
    value = _MamlText(text)
    members = instance_members(value, create=True)
    assert members is not None
    members.names["required"] = "required"
    members.values["required"] = "true" if required else "false"
    return value


class _MamlText(str):
    """A MAML element's text that also carries the element's attributes as
    note properties (a plain str cannot hold instance members)."""


def _list_or_one(items: list[Any]) -> Any:
    return items[0] if len(items) == 1 else items


def maml_object(help_info: MamlHelp) -> Any:
    """The help object (pwsh's MamlCommandHelpInfo full help): ``details``,
    ``syntax``, ``parameters``, ``description``, ``alertSet``, ``examples``,
    ``inputTypes``, ``returnValues``, ``relatedLinks`` and the common
    Name/Category/Synopsis/Component/Role/Functionality/ModuleName."""
    props: dict[str, Any] = {
        "details": _obj(["MamlCommandHelpInfo#details"], name=help_info.name,
                        description=_described(help_info.synopsis)),
        "syntax": _obj(["MamlCommandHelpInfo#syntax"], syntaxItem=_list_or_one([
            _obj(["MamlCommandHelpInfo#syntaxItem"], name=help_info.name,
                 parameter=_list_or_one([parameter_object(p, True) for p in item]) if item else None)
            for item in help_info.syntax])),
        "parameters": _obj(["MamlCommandHelpInfo#parameters"], parameter=_list_or_one(
            [parameter_object(p, False) for p in help_info.parameters])) if help_info.parameters else None,
        "description": _described(help_info.description),
        "alertSet": _obj(["MamlCommandHelpInfo#alertSet"], alert=[_para(help_info.notes)])
        if help_info.notes else None,
        "examples": _obj(["MamlCommandHelpInfo#examples"], example=_list_or_one([
            _obj(["MamlCommandHelpInfo#example"], title=e.title, introduction=[_para(e.introduction)],
                 code=e.code, remarks=[_para(e.remarks)] + [_para("") for _ in range(4)])
            for e in help_info.examples])) if help_info.examples else None,
        "inputTypes": _obj(["MamlCommandHelpInfo#inputTypes"], inputType=_list_or_one([
            _obj(["MamlCommandHelpInfo#inputType"], type=_obj(name=i)) for i in help_info.inputs]))
        if help_info.inputs else None,
        "returnValues": _obj(["MamlCommandHelpInfo#returnValues"], returnValue=_list_or_one([
            _obj(["MamlCommandHelpInfo#returnValue"], type=_obj(name=o)) for o in help_info.outputs]))
        if help_info.outputs else None,
        "relatedLinks": _obj(["MamlCommandHelpInfo#relatedLinks"], navigationLink=_list_or_one([
            _obj(uri=link) if _is_uri(link) else _obj(linkText=link) for link in help_info.links]))
        if help_info.links else None,
        "Name": help_info.name, "Category": help_info.category, "Synopsis": help_info.synopsis,
        "Component": help_info.component, "Role": help_info.role, "Functionality": help_info.functionality,
        "ModuleName": help_info.module_name,
    }
    return _obj(["MamlCommandHelpInfo", "HelpInfo"], **props)


def _is_uri(text: str) -> bool:
    """``Uri.IsWellFormedUriString(text, Absolute)``: a scheme and no spaces."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", text) is not None
