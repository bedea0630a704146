"""An example pwshlike plugin: the Greetings module.

pwshlike imports this module at start-up (it is the ``pwshlike`` entry
point of the distribution), so it only declares the module; the cmdlet
class is imported when Send-Greeting is first described or run.
"""

from pwshlike.plugin import hookimpl


@hookimpl
def pwshlike_add_modules(modules):
    modules.add("Greetings", "1.0.0",
                commands={"Send-Greeting": "pwshlike_greetings.cmdlets:SendGreetingCommand"},
                description="Greets people, politely.", author="The pwshlike authors")
