"""Registering plugins as pluggy does, without importing pluggy.

Importing pluggy (and the ``inspect`` module it needs) cost a plain script
about a tenth of its start-up, yet every start only registers the built-in
plugin and the installed ones, whose registration hooks are historic: each
runs once, when its plugin registers.  So the plugin host registers through
:class:`Registrations` as long as every plugin is one this module can take
exactly as pluggy would: a module whose hook implementations are plain
functions, each naming a specified hook, asking only for arguments the
specification has, and none a wrapper.  Anything else (a plugin object, a
wrapper, an unknown hook name, an argument the specification lacks, a
duplicate name) and any use of the plugin manager itself (``host.pm``:
listing hook callers, calling the HTTP transport hook) hand over to a real
pluggy ``PluginManager`` built by :meth:`Registrations.to_plugin_manager`,
and pluggy's own checks and messages apply from then on.

What is replicated from pluggy 1.x for the plugins accepted here: the
implementations found (the module's functions carrying the
``pwshlike_impl`` options, in ``dir()`` order), their argument names
(positional parameters without defaults), the check against the
specification, the replay of historic calls on registration, and the
calling order (``tryfirst``, then the latest registered first, then
``trylast``).
"""

from __future__ import annotations

import types

from .markers import IMPL_ATTRIBUTE, PROJECT_NAME, SPEC_ATTRIBUTE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class HookImpl:
    """One hook implementation, with the attributes of pluggy's ``HookImpl``
    that the plugin host reads."""

    __slots__ = ("plugin", "plugin_name", "function", "argnames", "tryfirst", "trylast")
    hookwrapper = False
    wrapper = False

    def __init__(self, plugin: Any, plugin_name: str, function: Any, argnames: tuple[str, ...],
                 opts: dict[str, Any]) -> None:
        self.plugin = plugin
        self.plugin_name = plugin_name
        self.function = function
        self.argnames = argnames
        self.tryfirst = bool(opts["tryfirst"])
        self.trylast = bool(opts["trylast"])

    def __repr__(self) -> str:
        return f"<HookImpl plugin_name={self.plugin_name!r}, plugin={self.plugin!r}>"


def _parameters(function: types.FunctionType) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """pluggy's ``varnames`` for a plain function: the positional parameters
    without defaults, and those with defaults."""
    code = function.__code__
    names = code.co_varnames[:code.co_argcount]
    defaults = function.__defaults__
    if defaults:
        return names[:-len(defaults)], names[-len(defaults):]
    return names, ()


def _plain_function(value: Any) -> bool:
    """A function whose parameters pluggy reads straight from its code: not
    wrapped (pluggy unwraps ``__wrapped__``), not defined in a class (pluggy
    may drop a ``self``), no ``__func__`` (pluggy reads markers there too)."""
    if type(value) is not types.FunctionType or hasattr(value, "__wrapped__") or hasattr(value, "__func__"):
        return False
    return "." not in value.__qualname__.rsplit("<locals>.", 1)[-1]


class Registrations:
    """The plugins registered so far and their hook implementations, per
    hook in pluggy's order, with the historic calls made."""

    def __init__(self, specifications: types.ModuleType) -> None:
        self.specifications = specifications
        # hook name -> (every parameter name of the specification, historic); None: pluggy only
        self._specs: dict[str, Optional[tuple[frozenset[str], bool]]] = {}
        for name, value in vars(specifications).items():
            opts = getattr(value, SPEC_ATTRIBUTE, None) if isinstance(value, types.FunctionType) else None
            if isinstance(opts, dict):
                simple = _plain_function(value) and not opts.get("warn_on_impl") \
                    and not opts.get("warn_on_impl_args")
                self._specs[name] = (frozenset(sum(_parameters(value), ())), bool(opts.get("historic"))) \
                    if simple else None
        self.plugins: dict[str, Any] = {}
        self.blocked: set[str] = set()
        self._impls: dict[str, list[HookImpl]] = {}
        self._history: dict[str, list[dict[str, Any]]] = {}

    def implementations(self, plugin: Any, name: str) -> Optional[list[tuple[str, HookImpl]]]:
        """``plugin``'s hook implementations, when it can be registered here
        exactly as pluggy would register it; None when only pluggy can."""
        if type(plugin) is not types.ModuleType or name in self.plugins or name in self.blocked \
                or any(p is plugin for p in self.plugins.values()):
            return None
        namespace = vars(plugin)
        if "__getattr__" in namespace or "__dir__" in namespace:
            return None
        found = []
        for attribute in dir(plugin):
            value = namespace.get(attribute)
            if isinstance(value, (staticmethod, classmethod, types.MethodType)):
                if getattr(value, IMPL_ATTRIBUTE, None) is not None \
                        or getattr(getattr(value, "__func__", None), IMPL_ATTRIBUTE, None) is not None:
                    return None
                continue
            if not isinstance(value, types.FunctionType):
                continue
            opts = getattr(value, IMPL_ATTRIBUTE, None)
            if opts is None and getattr(value, "__func__", None) is not None:
                return None
            if not isinstance(opts, dict):
                continue
            for option in ("tryfirst", "trylast", "wrapper", "hookwrapper", "optionalhook"):
                opts.setdefault(option, False)  # as pluggy's normalize_hookimpl_opts
            opts.setdefault("specname", None)
            hook_name = opts["specname"] or attribute
            spec = self._specs.get(hook_name)
            if spec is None or opts["wrapper"] or opts["hookwrapper"] or not _plain_function(value):
                return None
            argnames = _parameters(value)[0]
            if not set(argnames) <= spec[0]:
                return None
            found.append((hook_name, HookImpl(plugin, name, value, argnames, opts)))
        return found

    def register(self, plugin: Any, name: str, implementations: list[tuple[str, HookImpl]]) -> None:
        """Registers a plugin :meth:`implementations` accepted: each
        implementation in turn gets the historic calls made so far, then
        joins its hook.  An exception from one leaves the plugin registered
        with the implementations before it, as pluggy does."""
        self.plugins[name] = plugin
        for hook_name, impl in implementations:
            for kwargs in self._history.get(hook_name, ()):
                impl.function(*[kwargs[arg] for arg in impl.argnames])
            self._add(self._impls.setdefault(hook_name, []), impl)

    @staticmethod
    def _add(impls: list[HookImpl], impl: HookImpl) -> None:
        """pluggy's ``HookCaller._add_hookimpl`` for implementations that are
        not wrappers: ``trylast`` ones first, ``tryfirst`` ones last, the
        others before the ``tryfirst`` ones; hooks run from the end."""
        if impl.trylast:
            impls.insert(0, impl)
        elif impl.tryfirst:
            impls.append(impl)
        else:
            i = len(impls) - 1
            while i >= 0 and impls[i].tryfirst:
                i -= 1
            impls.insert(i + 1, impl)

    def unregister(self, name: str) -> None:
        plugin = self.plugins.pop(name, None)
        for impls in self._impls.values():
            impls[:] = [impl for impl in impls if impl.plugin is not plugin]

    def call_historic(self, hook_name: str, kwargs: dict[str, Any]) -> None:
        """Remembers the call for later plugins and makes it now, in calling order."""
        self._history.setdefault(hook_name, []).append(kwargs)
        for impl in reversed(list(self._impls.get(hook_name, ()))):
            impl.function(*[kwargs[arg] for arg in impl.argnames])

    def hookimpls(self, hook_name: str) -> list[HookImpl]:
        """A hook's implementations, in pluggy's ``get_hookimpls()`` order."""
        return list(self._impls.get(hook_name, ()))

    def to_plugin_manager(self) -> Any:
        """A pluggy ``PluginManager`` holding what was registered here, as if
        it had been registered there: same plugins in the same order, the
        blocked names, and the historic calls remembered for later plugins
        but not made again (a subset caller without any plugin records them)."""
        import pluggy
        pm = pluggy.PluginManager(PROJECT_NAME)
        pm.add_hookspecs(self.specifications)
        for name in sorted(self.blocked):
            pm.set_blocked(name)
        for name, plugin in self.plugins.items():
            pm.register(plugin, name)
        everyone = list(self.plugins.values())
        for hook_name, calls in self._history.items():
            for kwargs in calls:
                pm.subset_hook_caller(hook_name, everyone).call_historic(kwargs=kwargs)
        pm.check_pending()
        return pm
