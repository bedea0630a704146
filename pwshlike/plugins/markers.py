"""The hook markers for the project name ``pwshlike``.

Kept apart from the hook specifications so that a plugin's entry module
(``from pwshlike.plugin import hookimpl``) imports as little as possible:
the markers are pluggy's ``HookspecMarker`` and ``HookimplMarker`` written
out (they only store an options dictionary on the function, under
``pwshlike_spec`` / ``pwshlike_impl``, which pluggy's plugin manager reads),
so that marking and registering plugins at start-up does not import
pluggy (see :mod:`pwshlike.plugins.registration`).  Functions marked with
pluggy's own markers for ``pwshlike`` are the same to pwshlike.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Mapping, Optional, TypeVar
    _F = TypeVar("_F", bound=Callable[..., Any])

PROJECT_NAME = "pwshlike"
SPEC_ATTRIBUTE = PROJECT_NAME + "_spec"
IMPL_ATTRIBUTE = PROJECT_NAME + "_impl"


class HookspecMarker:
    """Marks a function as a hook specification (pluggy's ``HookspecMarker``)."""

    __slots__ = ("project_name",)

    def __init__(self, project_name: str) -> None:
        self.project_name = project_name

    def __call__(self, function: Optional[_F] = None, firstresult: bool = False, historic: bool = False,
                 warn_on_impl: Optional[Warning] = None,
                 warn_on_impl_args: Optional[Mapping[str, Warning]] = None) -> Any:
        def mark(func: _F) -> _F:
            if historic and firstresult:
                raise ValueError("cannot have a historic firstresult hook")
            setattr(func, self.project_name + "_spec", {"firstresult": firstresult, "historic": historic,
                                                        "warn_on_impl": warn_on_impl,
                                                        "warn_on_impl_args": warn_on_impl_args})
            return func
        return mark if function is None else mark(function)


class HookimplMarker:
    """Marks a function as a hook implementation (pluggy's ``HookimplMarker``):
    ``@hookimpl`` or ``@hookimpl(tryfirst=True)``, with pluggy's options
    (``hookwrapper``, ``optionalhook``, ``tryfirst``, ``trylast``,
    ``specname``, ``wrapper``)."""

    __slots__ = ("project_name",)

    def __init__(self, project_name: str) -> None:
        self.project_name = project_name

    def __call__(self, function: Optional[_F] = None, hookwrapper: bool = False, optionalhook: bool = False,
                 tryfirst: bool = False, trylast: bool = False, specname: Optional[str] = None,
                 wrapper: bool = False) -> Any:
        def mark(func: _F) -> _F:
            setattr(func, self.project_name + "_impl", {"wrapper": wrapper, "hookwrapper": hookwrapper,
                                                        "optionalhook": optionalhook, "tryfirst": tryfirst,
                                                        "trylast": trylast, "specname": specname})
            return func
        return mark if function is None else mark(function)


hookspec = HookspecMarker(PROJECT_NAME)
hookimpl = HookimplMarker(PROJECT_NAME)
