"""An example pwshlike plugin: the Greetings module.

pwshlike imports this module at start-up (it is the ``pwshlike`` entry
point of the distribution), so it only declares: the module and where its
cmdlet classes live, and how Greetings.Greeting objects look in a table.
The cmdlet classes are imported when a command is first described or run.
"""

from pwshlike.plugin import FormatView, ViewColumn, hookimpl

COMMANDS = {
    "Get-Greeting": "pwshlike_greetings.cmdlets:GetGreetingCommand",
    "Send-Greeting": "pwshlike_greetings.cmdlets:SendGreetingCommand",
    "Measure-Greeting": "pwshlike_greetings.cmdlets:MeasureGreetingCommand",
    "Get-GreetingHistory": "pwshlike_greetings.history:GetGreetingHistoryCommand",
    "Clear-GreetingHistory": "pwshlike_greetings.history:ClearGreetingHistoryCommand",
}


@hookimpl
def pwshlike_add_modules(modules):
    modules.add("Greetings", "1.1.0", commands=COMMANDS,
                description="Greets people, politely.", author="The pwshlike authors")


@hookimpl
def pwshlike_add_format_views(views):
    views.add(FormatView("Greeting", ["Greetings.Greeting"], "table", [
        ViewColumn("Name", "Name", width=12),
        ViewColumn("Language", "Language", width=10),
        ViewColumn("Formal", script="if ($_.Formal) { 'yes' } else { 'no' }", width=6),
    ]))
