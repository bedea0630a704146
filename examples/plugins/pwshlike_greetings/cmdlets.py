"""Send-Greeting: a cmdlet with a positional, pipeline-bound parameter,
validation, ShouldProcess and help."""

from pwshlike.plugin import Cmdlet, Parameter, cmdlet, validate_set


@cmdlet("Send-Greeting", supports_should_process=True, confirm_impact="Low", output_types=("System.String",))
class SendGreetingCommand(Cmdlet):
    """Greets one or more people.

    Writes one greeting per name. Names can come from the pipeline, as
    strings or as objects with a Name property."""

    help_examples = [
        ("Example 1: Greet two people", "Send-Greeting Ada, Grace", "Hello, Ada!\nHello, Grace!"),
        ("Example 2: Greet from the pipeline", "'Linus' | Send-Greeting -Greeting Welcome", "Welcome, Linus!"),
    ]

    name = Parameter("String[]", position=0, mandatory=True, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The people to greet.")
    greeting = Parameter("String", validators=[validate_set(["Hello", "Hi", "Welcome"])],
                         accepted_values=("Hello", "Hi", "Welcome"), default="Hello",
                         help="The word to greet with.")

    def process_record(self):
        for person in self.name:
            if self.should_process(person, "Send greeting"):
                yield f"{self.greeting}, {person}!"
