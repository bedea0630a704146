"""The plugin manager: discovers plugins, registers them with pluggy and
keeps what they declared.

pluggy itself is imported when something needs the plugin manager
(``PluginHost.pm``): until then plugins register through
:mod:`pwshlike.plugins.registration`, which does what pluggy would for the
plain plugins every start registers and hands over to pluggy for anything
else, so a plain script's start-up does not pay for importing pluggy.

A :class:`PluginHost` exists once per process (:func:`default_host`);
every session installed by :func:`pwshlike.plugins.session.install` shares its
module catalog, type declarations, formatting views and environments.
The built-in cmdlets register first through the same hooks as any plugin,
as pytest does with its default plugins.

A plugin that cannot be imported, whose hook implementations do not match
the specifications (unknown hook names included: ``check_pending``), or
whose registration hook raises, is unregistered, everything it declared is
forgotten, and every session starts with a warning naming it.
"""

from __future__ import annotations

import os
# weakref.ref and weakref.WeakSet themselves, without running weakref.py (as the engine takes locks from _thread)
from _weakref import ref as weak_ref
from _weakrefset import WeakSet

from pwshlike.modules.catalog import ModuleCatalog

from . import hookspecs
from .discovery import PluginSource, blocked_names, plugin_sources
from .http import HttpClientFactory
from .identity import IdentityServiceHolder
from .markers import PROJECT_NAME
from .registration import Registrations
from .registries import EnvironmentRegistry, FormatViewRegistry, TypeRegistry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Mapping, Optional

BUILTINS_PLUGIN = "pwshlike.builtins"
BUILT_IN = "BuiltIn"
REGISTERED = "Registered"


class PluginHost:
    """The process's plugins and what they registered.

    ``environ`` (default ``os.environ``) supplies the discovery settings;
    ``plugins`` are extra ``(name, plugin object)`` pairs registered after
    the discovered ones (tests, embedding applications).
    """

    def __init__(self, environ: Optional[Mapping[str, str]] = None,
                 plugins: Iterable[tuple[str, Any]] = ()) -> None:
        self._pm: Any = None
        self._registrations: Optional[Registrations] = Registrations(hookspecs)
        self.types = TypeRegistry()
        self.modules = ModuleCatalog(before_load=lambda spec: self.types.register_module_types(spec.name))
        self.views = FormatViewRegistry()
        self.environments = EnvironmentRegistry()
        self.http = HttpClientFactory(_Hooks(self))
        self.identity = IdentityServiceHolder(lambda: self.pm.hook.pwshlike_http_transport())
        self.problems: list[str] = []
        # Where each registered plugin came from, for Get-PwshlikePlugin; why each
        # plugin that failed to load was skipped, for Test-PwshlikePlugin.
        self.sources: dict[str, PluginSource] = {}
        self.failures: dict[str, str] = {}
        self._sessions: "WeakSet[Any]" = WeakSet()
        self._owned = (self.modules, self.types, self.views, self.environments)
        env = os.environ if environ is None else environ
        assert self._registrations is not None
        for name in blocked_names(env):
            if name != BUILTINS_PLUGIN:
                self._registrations.blocked.add(name)
        for hook_name, kwargs in (("pwshlike_add_modules", {"modules": self.modules}),
                                  ("pwshlike_add_types", {"types": self.types}),
                                  ("pwshlike_add_format_views", {"views": self.views}),
                                  ("pwshlike_add_environments", {"environments": self.environments})):
            self._registrations.call_historic(hook_name, kwargs)
        from pwshlike import __version__
        from . import builtins
        self.register(builtins, BUILTINS_PLUGIN, "the built-in commands",
                      PluginSource(BUILTINS_PLUGIN, builtins.__name__, "the built-in commands", kind=BUILT_IN,
                                   distribution=PROJECT_NAME, version=__version__))
        for source in plugin_sources(env):
            self.load(source)
        for name, plugin in plugins:
            self.register(plugin, name, "an explicit registration")
        import atexit
        atexit.register(_shutdown, weak_ref(self))

    @property
    def pm(self) -> Any:
        """The pluggy ``PluginManager`` of these plugins, built (pluggy
        imported) on first use from what was registered until then."""
        if self._pm is None:
            assert self._registrations is not None
            self._pm = self._registrations.to_plugin_manager()
            self._registrations = None
        return self._pm

    def _is_blocked(self, name: str) -> bool:
        if self._registrations is not None:
            return name in self._registrations.blocked
        return self.pm.is_blocked(name)

    def _has_plugin(self, name: str) -> bool:
        if self._registrations is not None:
            return name in self._registrations.plugins
        return self.pm.has_plugin(name)

    def plugin_declaring(self, command: Any) -> Optional[str]:
        """The plugin that declared the module of ``command`` (a CmdletInfo);
        None for the built-in commands and for cmdlets no plugin declared.
        The command layer asks this when a cmdlet's Python code fails."""
        module_name = getattr(command, "module_name", "")
        if not module_name:
            return None
        for spec in self.modules.find(module_name):
            if spec.command(command.name) is not None or any(c.implementing_type == command.implementing_type
                                                             for c in spec.commands):
                return None if spec.plugin in ("", BUILTINS_PLUGIN) else spec.plugin
        return None

    # --- registration ------------------------------------------------------------------

    def load(self, source: PluginSource) -> bool:
        """Imports and registers one discovered plugin; False (and a
        recorded problem) when it is blocked, a duplicate, or fails."""
        if self._is_blocked(source.name):
            return False
        if self._has_plugin(source.name):
            self.problems.append(f"The plugin '{source.name}' ({source.origin}) was skipped: a plugin with "
                                 f"that name is already loaded.")
            return False
        try:
            plugin = source.load()
        except Exception as exc:
            self._failed(source.name, f"The plugin '{source.name}' ({source.origin}) could not be imported and "
                                      f"was skipped: {_describe(exc)}")
            return False
        return self.register(plugin, source.name, source.origin, source)

    def register(self, plugin: Any, name: str, origin: str = "", source: Optional[PluginSource] = None) -> bool:
        """Registers ``plugin`` under ``name``; its historic registration
        hooks run now.  On failure it is removed again and the problem kept.
        ``source`` says where it came from (default: an explicit registration)."""
        if self._is_blocked(name):
            return False
        self._set_current(name)
        try:
            registrations = self._registrations
            implementations = registrations.implementations(plugin, name) if registrations is not None else None
            if registrations is not None and implementations is not None:
                registrations.register(plugin, name, implementations)
            else:
                self.pm.register(plugin, name)
                self.pm.check_pending()
            self.types.register_unowned(name)
            self.sources[name] = source or PluginSource(name, "", origin, kind=REGISTERED)
            self.failures.pop(name, None)
        except Exception as exc:
            self._forget(plugin, name)
            where = f" ({origin})" if origin else ""
            self._failed(name, f"The plugin '{name}'{where} could not be registered and was skipped: "
                               f"{_describe(exc)}")
            return False
        finally:
            self._set_current("")
        return True

    def _failed(self, name: str, problem: str) -> None:
        self.problems.append(problem)
        self.failures[name] = problem

    def _set_current(self, name: str) -> None:
        for registry in self._owned:
            registry.current_plugin = name

    def _forget(self, plugin: Any, name: str) -> None:
        for registry in self._owned:
            registry.discard_plugin(name)
        self.sources.pop(name, None)
        if self._registrations is not None:
            self._registrations.unregister(name)
            return
        registered = self.pm.get_plugin(name)
        if registered is not None:
            self.pm.unregister(registered, name)

    def plugin_names(self) -> list[str]:
        """Registered plugins in registration order (blocked names aside)."""
        if self._registrations is not None:
            return list(self._registrations.plugins)
        return [name for name, plugin in self.pm.list_name_plugin() if plugin is not None]

    # --- sessions ----------------------------------------------------------------------

    def start_session(self, context: Any) -> None:
        """Reports plugin problems as warnings, then runs the start-up hooks."""
        for problem in self.problems:
            context.write_warning(problem)
        self._sessions.add(context)
        self.call_each("pwshlike_session_start", {"context": context}, context.write_warning)

    def end_session(self, context: Any) -> None:
        """Runs the shut-down hooks for ``context`` (once)."""
        if context not in self._sessions:
            return
        self._sessions.discard(context)
        self.call_each("pwshlike_session_end", {"context": context}, context.write_warning)

    def call_each(self, hook_name: str, kwargs: dict[str, Any], warn: Callable[[str], None]) -> None:
        """Calls every implementation in pluggy's order, each on its own, so
        that one plugin's exception does not keep the others from running."""
        if self._registrations is not None:
            impls = self._registrations.hookimpls(hook_name)
        else:
            impls = getattr(self.pm.hook, hook_name).get_hookimpls()
        for impl in reversed(impls):
            if impl.hookwrapper or impl.wrapper:
                warn(f"The plugin '{impl.plugin_name}' implements {hook_name} as a wrapper, which this hook "
                     f"does not support; it was not called.")
                continue
            try:
                impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
            except Exception as exc:
                warn(f"The plugin '{impl.plugin_name}' failed in {hook_name}: {_describe(exc)}")

    def shutdown(self) -> None:
        """Ends the sessions still alive and closes the identity service and the
        shared HTTP client."""
        for context in list(self._sessions):
            self.end_session(context)
        self.identity.close()
        self.http.close()


class _Hooks:
    """``host.pm.hook`` for the HTTP client factory, looked up when a hook is
    called: the plugin manager (and pluggy) is built only then."""

    __slots__ = ("_host",)

    def __init__(self, host: PluginHost) -> None:
        self._host = host

    def __getattr__(self, name: str) -> Any:
        return getattr(self._host.pm.hook, name)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _shutdown(ref: "weak_ref[PluginHost]") -> None:
    host = ref()
    if host is not None:
        host.shutdown()


_default: Optional[PluginHost] = None


def default_host() -> PluginHost:
    """The process's plugin host, created (plugins discovered) on first use."""
    global _default
    if _default is None:
        _default = PluginHost()
    return _default
