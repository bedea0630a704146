"""Get-Greeting, Send-Greeting and Measure-Greeting: parameters declared
with Python type annotations, wildcards, validation, pipeline input by
property name, ShouldProcess and objects with a view."""

from typing import Annotated

from pwshlike.plugin import (Cmdlet, NotNullOrEmpty, Param, Range, SupportsWildcards, ValidateSet, WildcardPattern,
                             cmdlet, new_object)

from . import history
from .catalogue import GREETINGS, LANGUAGES, NAMES


@cmdlet("Get-Greeting", output_types=("Greetings.Greeting",))
class GetGreetingCommand(Cmdlet):
    """Gets the greetings the module knows.

    Writes one Greetings.Greeting object (Name, Language, Formal) per
    greeting whose name matches -Name, in the languages -Language names."""

    help_examples = [
        ("Example 1: Greetings starting with H", "Get-Greeting H*",
         "Name         Language   Formal\n----         --------   ------\nHello        English    yes\n"
         "Hi           English    no\nHallo        German     no\nHola         Spanish    no"),
        ("Example 2: The first French greeting", "Get-Greeting -Language French -First 1", ""),
    ]

    name: Annotated[list[str], Param(position=0, help="Names of the greetings to get. Wildcards are permitted."),
                    SupportsWildcards(), NotNullOrEmpty()] = ["*"]
    language: Annotated[list[str], ValidateSet(*LANGUAGES), Param(help="Only greetings in these languages.")] = []
    first: Annotated[int, Range(1, 100), Param(help="At most this many greetings.")] = 100

    def process_record(self):
        patterns = [WildcardPattern(name) for name in self.name]
        languages = {language.lower() for language in self.language}
        found = 0
        for entry in GREETINGS:
            if found == self.first:
                return
            if languages and entry.language.lower() not in languages:
                continue
            if any(pattern.is_match(entry.name) for pattern in patterns):
                found += 1
                yield new_object({"Name": entry.name, "Language": entry.language, "Formal": entry.formal},
                                 type_name="Greetings.Greeting")


@cmdlet("Send-Greeting", supports_should_process=True, confirm_impact="Low", output_types=("System.String",))
class SendGreetingCommand(Cmdlet):
    """Greets one or more people.

    Writes one greeting per name and adds it to the greeting history
    (Get-GreetingHistory). Names can come from the pipeline, as strings or
    as objects with a Name property (and, optionally, a Greeting property)."""

    help_examples = [
        ("Example 1: Greet two people", "Send-Greeting Ada, Grace", "Hello, Ada!\nHello, Grace!"),
        ("Example 2: Greet from the pipeline", "'Linus' | Send-Greeting -Greeting Welcome", "Welcome, Linus!"),
        ("Example 3: Objects with Name and Greeting properties",
         "[pscustomobject]@{ Name = 'Ada'; Greeting = 'Bonjour' } | Send-Greeting", "Bonjour, Ada!"),
    ]

    name: Annotated[list[str], Param(position=0, mandatory=True, value_from_pipeline=True,
                                     value_from_pipeline_by_property_name=True, help="The people to greet.")]
    greeting: Annotated[str, ValidateSet(*NAMES), Param(value_from_pipeline_by_property_name=True,
                                                        help="The word to greet with.")] = "Hello"

    def process_record(self):
        for person in self.name:
            if self.should_process(person, "Send greeting"):
                text = f"{self.greeting}, {person}!"
                history.append(text)
                yield text


@cmdlet("Measure-Greeting", output_types=("System.Double",))
class MeasureGreetingCommand(Cmdlet):
    """Measures the average length of the greetings piped to it.

    It keeps a deliberate bug for the debugging chapter of docs/plugins.md:
    with no input it divides by zero."""

    input_object: Annotated[str, Param(value_from_pipeline=True, mandatory=True,
                                       help="A greeting, usually from Send-Greeting.")]

    def begin_processing(self):
        self.lengths = []

    def process_record(self):
        self.lengths.append(len(self.input_object))

    def end_processing(self):
        yield sum(self.lengths) / len(self.lengths)  # the bug: no input means len() == 0
