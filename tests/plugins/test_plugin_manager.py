"""The plugin manager: registration order, hook calling order, isolation of
broken plugins, unknown hooks, start-up and shut-down hooks."""

from __future__ import annotations

import types

from pwshlike.plugin import hookimpl
from pwshlike.plugins.manager import BUILTINS_PLUGIN


def _plugin(name: str, calls: list[str], **options: bool) -> types.SimpleNamespace:
    def start(context):
        calls.append(name)
    start.__name__ = "pwshlike_session_start"
    return types.SimpleNamespace(pwshlike_session_start=hookimpl(**options)(start))


def test_builtins_register_first_through_the_same_hook_as_plugins(env):
    host = env.host()
    names = host.plugin_names()
    assert names[0] == BUILTINS_PLUGIN
    assert {"partnercenter", "msgraph"} <= set(names)
    by_module = {spec.name: spec for spec in host.modules}
    assert by_module["Microsoft.PowerShell.Utility"].plugin == BUILTINS_PLUGIN
    assert by_module["Microsoft.PowerShell.Utility"].builtin
    assert by_module["PartnerCenter"].plugin == "partnercenter"
    assert by_module["Microsoft.Graph.Identity.SignIns"].plugin == "msgraph"


def test_hooks_run_tryfirst_then_latest_registered_first_then_trylast(env):
    calls: list[str] = []
    plugins = [("first", _plugin("first", calls)), ("last", _plugin("last", calls, trylast=True)),
               ("second", _plugin("second", calls)), ("eager", _plugin("eager", calls, tryfirst=True))]
    session = env.session(env.host(plugins))
    assert calls == ["eager", "second", "first", "last"]
    calls.clear()
    session.plugins.pm.hook.pwshlike_session_start(context=session.context)
    assert calls == ["eager", "second", "first", "last"], "each-on-its-own calling keeps pluggy's order"


def test_a_plugin_registered_later_still_gets_the_historic_registration_hooks(env):
    host = env.host()
    late = types.SimpleNamespace()

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Late", "1.0", commands={"Get-Late": "pwshlike_greetings_absent:Nothing"})

    late.pwshlike_add_modules = pwshlike_add_modules
    assert host.register(late, "late")
    assert [s.name for s in host.modules.find("late")] == ["Late"]


def test_a_failing_start_up_hook_is_a_warning_and_the_others_still_run(env):
    calls: list[str] = []

    @hookimpl
    def pwshlike_session_start(context):
        raise ValueError("no config file")

    broken = types.SimpleNamespace(pwshlike_session_start=pwshlike_session_start)
    session = env.session(env.host([("good", _plugin("good", calls)), ("broken", broken)]))
    assert calls == ["good"]
    assert session.warnings() == ["The plugin 'broken' failed in pwshlike_session_start: ValueError: no config file"]
    assert session.text("Write-Output ok") == ["ok"]


def test_a_plugin_that_fails_to_import_is_skipped_with_a_warning(env):
    env.add_user_plugin("broken", "import pwshlike_no_such_dependency\n")
    session = env.session()
    [warning] = session.warnings()
    assert warning.startswith("The plugin 'broken' (user plugin directory ")
    assert "could not be imported and was skipped: ModuleNotFoundError: No module named " \
           "'pwshlike_no_such_dependency'" in warning
    assert session.text("Write-Output 'still working'") == ["still working"]
    assert "partnercenter" in session.plugins.plugin_names()


def test_unknown_hook_implementations_are_rejected_and_forgotten(env):
    env.add_user_plugin("typo", """
        from pwshlike.plugin import hookimpl

        @hookimpl
        def pwshlike_add_modules(modules):
            modules.add("Typo", "1.0", commands={"Get-Typo": "typo:GetTypo"})

        @hookimpl
        def pwshlike_add_modulez(modules):
            pass
    """)
    session = env.session()
    [warning] = session.warnings()
    assert warning.startswith("The plugin 'typo' ")
    assert "could not be registered and was skipped: PluginValidationError" in warning
    assert "pwshlike_add_modulez" in warning
    assert "typo" not in session.plugins.plugin_names()
    assert session.plugins.modules.find("Typo") == []


def test_a_registration_hook_that_raises_leaves_nothing_behind(env):
    env.add_user_plugin("halfway", """
        from pwshlike.plugin import hookimpl

        @hookimpl
        def pwshlike_add_modules(modules):
            modules.add("Halfway", "1.0", commands={"Get-Halfway": "halfway:X"})
            raise RuntimeError("second module is broken")
    """)
    session = env.session()
    assert session.warnings() == ["The plugin 'halfway' (user plugin directory "
                                  f"{env.plugin_dir}) could not be registered and was skipped: "
                                  "RuntimeError: second module is broken"]
    assert session.plugins.modules.find("Halfway") == []
    session.run("Get-Halfway")
    assert session.error_ids() == ["CommandNotFoundException"]


def test_implementation_arguments_must_come_from_the_specification(env):
    env.add_user_plugin("badargs", """
        from pwshlike.plugin import hookimpl

        @hookimpl
        def pwshlike_session_start(context, config):
            pass
    """)
    session = env.session()
    [warning] = session.warnings()
    assert "'badargs'" in warning and "config" in warning


def test_user_directory_plugins_provide_modules(env):
    env.add_user_plugin("hello", """
        from pwshlike.plugin import Cmdlet, Parameter, cmdlet, hookimpl

        @hookimpl
        def pwshlike_add_modules(modules):
            modules.add("Hello", "0.3", commands={"Get-Hello": "hello:GetHello"})

        @cmdlet("Get-Hello")
        class GetHello(Cmdlet):
            '''Says hello.'''
            name = Parameter("String", position=0)

            def process_record(self):
                yield f"hello {self.name}"
    """)
    session = env.session()
    assert session.text("Get-Hello you; (Get-Module Hello).Version.ToString()") == ["hello you", "0.3"]


def test_autoload_off_keeps_entry_points_and_user_plugins_out(env):
    env.add_user_plugin("hello", "")
    host = env.host(PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD="1")
    assert host.plugin_names() == [BUILTINS_PLUGIN]
    session = env.session(host)
    session.run("New-PartnerAccessToken -ApplicationId a -Scopes b")
    assert session.error_ids() == ["CommandNotFoundException"]
    assert session.text("Write-Output builtins") == ["builtins"]


def test_explicit_plugins_load_even_with_autoload_off(env):
    host = env.host(PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD="1", PWSHLIKE_PLUGINS="pwshlike_partnercenter")
    assert host.plugin_names() == [BUILTINS_PLUGIN, "pwshlike_partnercenter"]
    assert [m.name for m in host.modules.find("PartnerCenter")] == ["PartnerCenter"]


def test_blocking_one_plugin_by_name(env):
    session = env.session(PWSHLIKE_BLOCK_PLUGINS="msgraph")
    assert "msgraph" not in session.plugins.plugin_names()
    result = session.result("New-MgOauth2PermissionGrant -ClientId x -WhatIf")
    assert result.error_ids == session.error_ids() == ["CommandNotFoundException"]
    assert "What if" not in result.text
    session.run("New-PartnerAccessToken -AccessToken not.a.token -ApplicationId a -Scopes b")
    assert session.error_ids()[-1].startswith("InvalidToken,")


def test_the_builtins_cannot_be_blocked(env):
    session = env.session(PWSHLIKE_BLOCK_PLUGINS=f"{BUILTINS_PLUGIN}, partnercenter")
    assert session.plugins.plugin_names()[0] == BUILTINS_PLUGIN
    assert "partnercenter" not in session.plugins.plugin_names()
    assert session.text("Write-Output ok") == ["ok"]


def test_shut_down_hooks_run_once_per_live_session(env):
    ended: list[object] = []

    @hookimpl
    def pwshlike_session_end(context):
        ended.append(context)

    host = env.host([("ender", types.SimpleNamespace(pwshlike_session_end=pwshlike_session_end))])
    first, second = env.session(host), env.session(host)
    host.end_session(first.context)
    host.end_session(first.context)
    host.shutdown()
    assert ended == [first.context, second.context]
