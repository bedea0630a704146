"""The greetings the module knows: a name, its language, and whether it
suits a formal letter."""

from typing import NamedTuple


class Entry(NamedTuple):
    name: str
    language: str
    formal: bool


LANGUAGES = ("English", "French", "German", "Spanish", "Japanese")

GREETINGS = (
    Entry("Hello", "English", True),
    Entry("Hi", "English", False),
    Entry("Welcome", "English", True),
    Entry("Bonjour", "French", True),
    Entry("Salut", "French", False),
    Entry("Guten Tag", "German", True),
    Entry("Hallo", "German", False),
    Entry("Hola", "Spanish", False),
    Entry("Buenos dias", "Spanish", True),
    Entry("Konnichiwa", "Japanese", True),
)

NAMES = tuple(entry.name for entry in GREETINGS)
