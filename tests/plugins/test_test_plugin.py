"""Test-PwshlikePlugin: imports every class a plugin declares, reports each
problem as its own non-terminating error record and writes one summary
object per plugin."""

from __future__ import annotations

import textwrap

GOOD = """
    from pwshlike.plugin import Cmdlet, FormatView, Parameter, ViewColumn, cmdlet, hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Good", "1.0", commands={"Get-Thing": "goodplugin:GetThing"})

    @hookimpl
    def pwshlike_add_types(types):
        types.add_class("Good.Thing", "goodplugin:Thing", module="Good")

    @hookimpl
    def pwshlike_add_format_views(views):
        views.add(FormatView("Thing", ["Good.Thing"], "table", [ViewColumn("Name", script="$_.Name.ToUpper()")]))

    class Thing:
        def __init__(self, name):
            self.Name = name

    @cmdlet("Get-Thing", output_types=("Good.Thing",))
    class GetThing(Cmdlet):
        '''Gets things.'''
        name = Parameter("String", position=0, value_from_pipeline=True)

        def process_record(self):
            yield Thing(self.name)
"""

# One problem of each kind; each class the commands name is in a module of its
# own (SUPPORT), so that one failing import does not hide the others.
BROKEN = """
    from pwshlike.plugin import FormatView, ViewColumn, hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Broken", "1.0", commands={
            "Get-Missing": "broken_absent:GetMissing",
            "Get-Plain": "broken_plain:NotACmdlet",
            "Get-Undecorated": "broken_undecorated:Undecorated",
            "Get-Renamed": "broken_renamed:Renamed",
            "Get-Clash": "broken_clash:Clash",
            "Frobnicate-Thing": "broken_verb:Frobnicate",
            "Get-Declared": "broken_declared:GetDeclared",
        })

    @hookimpl
    def pwshlike_add_types(types):
        types.add_class("Broken.Gone", "broken_plain:Gone", module="Broken")

    @hookimpl
    def pwshlike_add_format_views(views):
        views.add(FormatView("Odd", ["Nobody.Declares.This"], "table", [ViewColumn("A", "A")]))
        views.add(FormatView("Bad", ["System.String"], "table", [ViewColumn("B", script="$_.Length +")]))
"""

_HEADER = "from pwshlike.plugin import Cmdlet, Parameter, cmdlet\n\n"
SUPPORT = {
    "broken_plain": "class NotACmdlet:\n    pass\n",
    "broken_undecorated": _HEADER + "class Undecorated(Cmdlet):\n    pass\n",
    "broken_renamed": _HEADER + "@cmdlet('Get-Other')\nclass Renamed(Cmdlet):\n    pass\n",
    "broken_clash": _HEADER + textwrap.dedent("""\
        @cmdlet("Get-Clash")
        class Clash(Cmdlet):
            first = Parameter("String", name="Name")
            second = Parameter("String", name="Name")
            path = Parameter("String", position=0)
            third = Parameter("String", sets={"ByThird": {"position": 0}}, aliases=("Path",))
            verbose = Parameter("SwitchParameter")
        """),
    "broken_verb": _HEADER + "@cmdlet('Frobnicate-Thing')\nclass Frobnicate(Cmdlet):\n    pass\n",
    # pwshlike rejects this declaration while the module runs (an unknown
    # per-set option), so the import raises inside @cmdlet's machinery.
    "broken_declared": _HEADER + textwrap.dedent("""\
        @cmdlet("Get-Declared")
        class GetDeclared(Cmdlet):
            name = Parameter("String", sets={"ByName": {"mandatry": True}})
        """),
}


def _write(env, name: str, source: str) -> None:
    env.add_user_plugin(name, source)


def test_a_sound_plugin_passes_quietly(env):
    _write(env, "goodplugin", GOOD)
    session = env.session()
    [result] = session.run("Test-PwshlikePlugin goodplugin")
    assert session.errors() == [] and session.warnings() == []
    assert session.text("$r = Test-PwshlikePlugin goodplugin; $r.Name; $r.Commands; $r.Types; $r.Views; "
                        "$r.Problems; $r.Passed; $?") == ["goodplugin", "1", "1", "1", "0", "True", "True"]
    text = session.text("Test-PwshlikePlugin goodplugin | Out-String")[0].strip("\n").split("\n")
    assert text[0].split() == ["Name", "Commands", "Types", "Views", "Problems", "Passed"]
    assert text[2].split() == ["goodplugin", "1", "1", "1", "0", "True"]


def test_every_problem_of_a_broken_plugin_is_its_own_error_record(env, monkeypatch):
    support = env.root / "support"
    support.mkdir()
    for name, source in SUPPORT.items():
        (support / f"{name}.py").write_text(source)
    monkeypatch.syspath_prepend(str(support))
    _write(env, "brokenplugin", BROKEN)
    session = env.session()
    assert session.text("$r = Test-PwshlikePlugin brokenplugin; $r.Commands; $r.Types; $r.Views; $r.Passed; "
                        "'went on'") == ["7", "1", "2", "False", "went on"]
    records = list(reversed(session.errors()))
    by_id: dict[str, list[str]] = {}
    for record in records:
        assert record.fully_qualified_error_id.endswith(",Microsoft.PowerShell.Commands.TestPwshlikePluginCommand")
        by_id.setdefault(record.error_id, []).append(str(record))
    assert session.text("(Test-PwshlikePlugin brokenplugin 2>$null).Problems") == [str(len(records))]
    targets = {record.error_id: record.target_object for record in records}
    assert targets["CmdletClassImportFailed"] == "brokenplugin\\Get-Missing"
    assert by_id["CmdletClassImportFailed"] == [
        "The command 'Get-Missing' of module 'Broken' could not be imported from 'broken_absent:GetMissing': "
        "ModuleNotFoundError: No module named 'broken_absent'"]
    assert by_id["NotACmdletClass"] == [
        "The command 'Get-Plain' of module 'Broken' names 'broken_plain:NotACmdlet', which is not a subclass of "
        "pwshlike.plugin.Cmdlet."]
    assert "has no @cmdlet decorator" in by_id["CmdletDecoratorMissing"][0]
    assert by_id["CommandNameMismatch"] == [
        "The command 'Get-Renamed' of module 'Broken' is implemented by 'broken_renamed:Renamed', whose @cmdlet "
        "names it 'Get-Other'; the two names must be the same."]
    assert sorted(by_id["DuplicateParameterName"]) == [
        "A parameter with the name 'Name' was defined multiple times for the command 'Get-Clash'.",
        "The parameter 'Verbose' of the command 'Get-Clash' has the name of a common parameter."]
    assert by_id["DuplicateParameterAlias"] == [
        "The alias 'Path' of the parameter 'Third' of the command 'Get-Clash' is already the name or an alias of "
        "the parameter 'Path'."]
    assert by_id["DuplicatePosition"] == [
        "The parameters 'Path' and 'Third' of the command 'Get-Clash' both have position 0 in the parameter set "
        "'ByThird'."]
    [declared] = by_id["CmdletDeclarationInvalid"]
    assert declared.startswith("The command 'Get-Declared' of module 'Broken' has an invalid declaration (")
    assert "broken_declared.py:5): TypeError: " in declared and "mandatry" in declared, declared
    assert by_id["TypeClassImportFailed"] == [
        "The type 'Broken.Gone' could not be imported from 'broken_plain:Gone': AttributeError: module "
        "'broken_plain' has no attribute 'Gone'"]
    assert by_id["ViewTypeUnknown"] == [
        "The view 'Odd' is for 'Nobody.Declares.This', which no command of the plugin declares as an output type "
        "and no plugin declares as a type."]
    assert by_id["ViewScriptInvalid"][0].startswith("The column 'B' of the view 'Bad' has a script that does not "
                                                    "parse: ")
    categories = {record.error_id: str(record.category_info.category) for record in records}
    assert categories["CmdletClassImportFailed"] == "ResourceUnavailable"
    assert categories["NotACmdletClass"] == "InvalidType"
    assert categories["DuplicatePosition"] == "MetadataError"
    assert categories["ViewScriptInvalid"] == "ParserError"
    assert session.warnings() == [
        "The command 'Frobnicate-Thing' of module 'Broken' (plugin 'brokenplugin') uses the unapproved verb "
        "'Frobnicate', which might make it difficult to find. For a list of approved verbs, type Get-Verb."] * 2


def test_the_bundled_plugins_pass(bundled):
    results = bundled.run("Test-PwshlikePlugin partnercenter, msgraph, emulator")
    assert [(r.name, r.passed) for r in results] == [("emulator", True), ("msgraph", True),
                                                     ("partnercenter", True)]
    assert all(r.commands > 0 for r in results)
    assert bundled.errors() == []


def test_the_built_in_commands_pass_without_advice(bundled):
    [result] = bundled.run("Test-PwshlikePlugin pwshlike.builtins")
    assert result.passed and result.commands > 70
    assert bundled.errors() == [] and bundled.warnings() == []


def test_an_unknown_plugin_is_a_not_found_error(bundled):
    assert bundled.run("Test-PwshlikePlugin nosuch") == []
    assert bundled.error_ids() == ["PluginNotFound,Microsoft.PowerShell.Commands.TestPwshlikePluginCommand"]


ADVICE = """
    from pwshlike.plugin import Cmdlet, Parameter, cmdlet, hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Advice", "1.0", commands={"Get-Advice": "adviceplugin:GetAdvice"})

    @cmdlet("Get-Advice", default_parameter_set="ByNmae")
    class GetAdvice(Cmdlet):
        name = Parameter("String", sets={"ByName": {"value_from_pipeline": True}})
        id = Parameter("Int32", sets={"ByName": {"value_from_pipeline": True}, "ById": {}})
"""


def test_what_pwsh_accepts_but_looks_wrong_is_a_warning_and_still_passes(env):
    _write(env, "adviceplugin", ADVICE)
    session = env.session()
    assert session.text("(Test-PwshlikePlugin adviceplugin).Passed") == ["True"]
    assert session.errors() == []
    assert session.warnings() == [
        "The parameters 'Name', 'Id' of the command 'Get-Advice' all take ValueFromPipeline in the parameter set "
        "'ByName'; an object that converts to more than one of their types binds to the first.",
        "The default parameter set 'ByNmae' of the command 'Get-Advice' is not a set any of its parameters names; "
        "it holds only the parameters of all sets."]


def test_plugins_from_get_pwshlikeplugin_bind_by_name(bundled):
    assert bundled.text("Get-PwshlikePlugin part*, emu* | Test-PwshlikePlugin | ForEach-Object Name") == [
        "emulator", "partnercenter"]


SINGLE_FILE_MISTAKE = """
    from pwshlike.plugin import Cmdlet, Parameter, cmdlet, hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Oops", "1.0", commands={"Get-Oops": "oopsplugin:GetOops"})

    @cmdlet("Get-Oops")
    class GetOops(Cmdlet):
        first = Parameter("String", position=0)
        second = Parameter("String", position=0)
"""


def test_a_plugin_that_failed_to_load_fails_its_test_with_the_reason(env):
    _write(env, "oopsplugin", SINGLE_FILE_MISTAKE)
    session = env.session()
    assert session.text("$r = Test-PwshlikePlugin oops*; $r.Name; $r.Problems; $r.Passed") == [
        "oopsplugin", "1", "False"]
    [record] = session.errors()
    assert record.fully_qualified_error_id == "PluginLoadFailed,Microsoft.PowerShell.Commands.TestPwshlikePluginCommand"
    assert str(record.category_info.category) == "ResourceUnavailable"
    assert str(record).startswith("The plugin 'oopsplugin' (user plugin directory ")
    assert str(record).endswith("could not be imported and was skipped: TypeError: GetOops.second: position 0 is "
                                "already taken by GetOops.first in parameter set '__AllParameterSets'")
    assert session.text("Get-PwshlikePlugin oops*") == [], "only registered plugins are listed"
