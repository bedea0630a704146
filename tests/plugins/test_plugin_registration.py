"""Registering plugins without pluggy (pwshlike/plugins/registration.py):
the plain module plugins every start registers go through it, and what it
builds is what pluggy builds: the same calling order, each historic
registration hook called once per plugin, and a pluggy manager built on
demand (``host.pm``) that holds the same plugins without calling their
registration hooks again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types

from pwshlike.plugin import hookimpl


def _module_plugin(name: str, calls: list[str], **options: bool) -> types.ModuleType:
    """A plugin module with a start-up hook and a registration hook, both recording their calls."""
    module = types.ModuleType(f"pwshlike_test_{name}")

    def pwshlike_session_start(context):
        calls.append(f"start {name}")

    def pwshlike_add_modules(modules):
        calls.append(f"modules {name}")
        modules.add(f"Test{name.title()}", "1.0", commands={f"Get-{name.title()}": f"pwshlike_test_{name}:X"})

    for function in (pwshlike_session_start, pwshlike_add_modules):
        function.__module__ = module.__name__
        setattr(module, function.__name__, hookimpl(**options)(function))
    return module


ORDER = [("first", {}), ("last", {"trylast": True}), ("second", {}), ("eager", {"tryfirst": True})]


def _plugins(calls: list[str]) -> list[tuple[str, types.ModuleType]]:
    return [(name, _module_plugin(name, calls, **options)) for name, options in ORDER]


def _start_order(host) -> list[str]:
    return [impl.plugin_name for impl in reversed(host.pm.hook.pwshlike_session_start.get_hookimpls())
            if impl.plugin_name in dict(ORDER)]


def test_module_plugins_register_as_with_pluggy(env):
    light_calls: list[str] = []
    light = env.host(_plugins(light_calls))
    assert light.plugin_names()[-4:] == ["first", "last", "second", "eager"]
    assert light_calls == ["modules first", "modules last", "modules second", "modules eager"]

    pluggy_calls: list[str] = []
    through_pluggy = env.host()
    through_pluggy.pm  # the pluggy manager first: every later plugin registers with pluggy
    for name, plugin in _plugins(pluggy_calls):
        assert through_pluggy.register(plugin, name)
    assert pluggy_calls == light_calls
    assert through_pluggy.plugin_names() == light.plugin_names()

    for host, calls in ((light, light_calls), (through_pluggy, pluggy_calls)):
        calls.clear()
        env.session(host)
        assert calls == ["start eager", "start second", "start first", "start last"]
    assert [s.name for s in light.modules][-4:] == [s.name for s in through_pluggy.modules][-4:]

    light_calls.clear()
    assert _start_order(light) == _start_order(through_pluggy) == ["eager", "second", "first", "last"]
    assert light_calls == [], "building the pluggy manager calls no registration hook again"
    assert light.plugin_names() == through_pluggy.plugin_names()


def test_a_plugin_registered_after_the_pluggy_manager_was_built_gets_each_registration_call_once(env):
    calls: list[str] = []
    host = env.host(_plugins(calls)[:1])
    host.pm
    calls.clear()
    late = _module_plugin("late", calls)
    assert host.register(late, "late")
    assert calls == ["modules late"]
    assert [s.name for s in host.modules.find("TestLate")] == ["TestLate"]


def test_a_wrapper_hands_the_registration_over_to_pluggy(env):
    module = types.ModuleType("pwshlike_test_wrapping")

    def pwshlike_session_start(context):
        yield

    module.pwshlike_session_start = hookimpl(wrapper=True)(pwshlike_session_start)
    session = env.session(env.host([("wrapping", module)]))
    assert session.warnings() == ["The plugin 'wrapping' implements pwshlike_session_start as a wrapper, which "
                                  "this hook does not support; it was not called."]
    assert "wrapping" in session.plugins.plugin_names()


def test_a_blocked_plugin_stays_blocked_in_the_pluggy_manager(env):
    calls: list[str] = []
    host = env.host(_plugins(calls), PWSHLIKE_BLOCK_PLUGINS="second")
    assert "second" not in host.plugin_names()
    assert host.pm.is_blocked("second")
    assert not host.register(_module_plugin("second", calls), "second")


PROBE = r"""
import json, sys
from pwshlike.cli import main
code = main(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"])
sys.stdout.flush()
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def test_a_plain_script_imports_neither_pluggy_nor_importlib_metadata(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    for name in ("PWSHLIKE_PLUGIN_CACHE", "PWSHLIKE_PLUGINS", "PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD"):
        env.pop(name, None)
    runs = []
    for folder in ("one", "two"):  # the second start, from another folder, reads the entry-point cache
        (tmp_path / folder).mkdir()
        result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env,
                                cwd=tmp_path / folder, timeout=120)
        assert result.stdout == "1\n", result.stderr
        runs.append(json.loads(result.stderr.strip().splitlines()[-1]))
    assert runs[1]["code"] == 0
    loaded = set(runs[1]["modules"])
    assert {"pwshlike_partnercenter", "pwshlike_msgraph", "pwshlike_emulator"} <= loaded, "plugins loaded"
    assert not {"pluggy", "inspect", "importlib.metadata"} & loaded
