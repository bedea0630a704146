"""PowerShell's formatting system: objects to the text pwsh shows.

Layering: this package uses only the engine; the commands layer (Format-*,
Out-String, Out-Default) and the host use it.  The pieces, in the order
an object goes through them:

* :mod:`.views` — the view registry (pwsh's format database) and
  :func:`register_view`, the API plugins use to give their types a
  default view; :mod:`.builtin_views` holds pwsh's own;
* :mod:`.shape` — objects to format-instruction packets (:mod:`.packets`):
  Format-Default and the inner part of Format-Table/List/Wide;
* :mod:`.output` — packets to lines (tables, lists, wide, custom views),
  with :mod:`.table`, :mod:`.listing` and :mod:`.text`;
* :mod:`.session` — :class:`Formatter`, the ``formatter`` hook of an
  ExecutionContext, and streaming :class:`FormatSession`\\ s;
* :mod:`.style` — ``$PSStyle``.
"""

from __future__ import annotations

from .session import DEFAULT_WIDTH, Formatter, FormatSession
from .style import PSStyle
from .database import REGISTRY, register_default_properties, register_view
from .views import (CustomView, Field, Frame, GroupBy, ListItem, ListView, NewLine, TableColumn, TableView, Text,
                    ViewRegistry, WideView)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def install(context: Any) -> None:
    """Makes ``$PSStyle`` available in a session: a constant visible in
    every scope, as in pwsh (its properties are what scripts change)."""
    from ..runtime.scopes import ALLSCOPE, CONSTANT, PSVariable
    session = context.session
    session.global_scope.vars["psstyle"] = PSVariable("PSStyle", PSStyle.instance, CONSTANT | ALLSCOPE)
    session.allscope_names.add("psstyle")


__all__ = [
    "DEFAULT_WIDTH", "Formatter", "FormatSession", "PSStyle", "REGISTRY", "ViewRegistry", "register_view",
    "register_default_properties", "install", "TableView", "TableColumn", "ListView", "ListItem", "WideView",
    "CustomView", "GroupBy", "Text", "Field", "NewLine", "Frame",
]
