"""One parameter of a Python cmdlet, as a class attribute declares it.

Its own module so that the typed-parameter declarations
(:mod:`pwshlike.commands.typed_parameters`) build the same objects without
importing the ``@cmdlet`` decorator that calls them; plugins import it as
``pwshlike.plugin.Parameter`` (or from :mod:`pwshlike.commands.cmdlet`).
"""

from __future__ import annotations

from .metadata import ALL_PARAMETER_SETS, ParameterMetadata, ParameterSetSpec
from .typeconv import converter_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Sequence


class Parameter:
    """Declares one parameter of a Python cmdlet.

    ``sets`` maps parameter-set names to per-set overrides
    (``{"ByName": {"mandatory": True, "position": 0}}``); without it the
    keyword arguments describe the parameter in all sets.  ``type_name`` is
    the name help shows; ``full_type_name`` names the type to convert to when
    the short name is not a type literal pwsh resolves (``ErrorCategory``);
    ``converter`` replaces type conversion altogether.  ``default`` is the
    attribute's value when the parameter is not bound (help shows it, or
    ``default_text``); ``supports_wildcards`` is ``[SupportsWildcards()]``.
    ``accepted_values`` default to the values of a ``validate_set``.
    """

    def __init__(self, type_name: str = "Object", *, name: Optional[str] = None,
                 aliases: Sequence[str] = (), mandatory: bool = False, position: Optional[int] = None,
                 value_from_pipeline: bool = False, value_from_pipeline_by_property_name: bool = False,
                 value_from_remaining_arguments: bool = False, help_message: Optional[str] = None,
                 sets: Optional[dict[str, dict[str, Any]]] = None,
                 validators: Sequence[Callable[[Any], None]] = (), allow_null: bool = False,
                 allow_empty_string: bool = False, allow_empty_collection: bool = False,
                 accepted_values: Sequence[str] = (), dont_show: bool = False,
                 help: str = "", default: Any = None, full_type_name: Optional[str] = None,
                 converter: Optional[Callable[[Any], Any]] = None, supports_wildcards: bool = False,
                 default_text: str = "") -> None:
        self.type_name = type_name
        self.name = name
        self.attribute = ""
        self._default = default
        shared = dict(mandatory=mandatory, position=position, value_from_pipeline=value_from_pipeline,
                      value_from_pipeline_by_property_name=value_from_pipeline_by_property_name,
                      value_from_remaining_arguments=value_from_remaining_arguments,
                      help_message=help_message)
        if sets:
            self._sets = {set_name: ParameterSetSpec(**{**shared, **overrides})
                          for set_name, overrides in sets.items()}
        else:
            self._sets = {ALL_PARAMETER_SETS: ParameterSetSpec(**shared)}
        if converter is None and full_type_name:
            converter = converter_for(full_type_name)
        self._options = dict(aliases=aliases, validators=validators, allow_null=allow_null, converter=converter,
                             allow_empty_string=allow_empty_string,
                             allow_empty_collection=allow_empty_collection,
                             accepted_values=accepted_values, dont_show=dont_show, help=help,
                             default_value=default, default_text=default_text,
                             supports_wildcards=supports_wildcards)

    @property
    def default(self) -> Any:
        """The unbound value; a fresh copy of a list or dict default, so
        that one invocation changing it leaves the next one unaffected."""
        default = self._default
        if isinstance(default, (list, dict)):
            import copy  # not at start-up: its import looks for Jython's org.python.core on every sys.path entry
            return copy.copy(default)
        return default

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute
        if self.name is None:
            self.name = "".join(part[:1].upper() + part[1:] for part in attribute.split("_"))

    def metadata(self) -> ParameterMetadata:
        assert self.name is not None
        return ParameterMetadata(self.name, self.type_name, sets=self._sets, **self._options)
