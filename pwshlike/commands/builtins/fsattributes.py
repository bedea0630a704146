"""-Attributes of Get-ChildItem: pwsh's ``FlagsExpression<FileAttributes>``.

The expression names FileAttributes flags joined by ``+`` (and), ``,``
(or, weaker) and prefixed by ``!`` (not): ``Directory+!Hidden``,
``ReadOnly,Hidden``.  Names are matched without regard to case and must be
FileAttributes names.  The switches -File, -Directory, -Hidden, -ReadOnly
and -System are pwsh's shorthand for the same kind of expression
(``+Directory``, ``+!Directory``...), evaluated besides -Attributes.
"""

from __future__ import annotations

from typing import Any, Callable

from pwshlike.dotnet.errors import RuntimeException


class AttributeExpression:
    """A parsed expression: OR of ANDs of (negated?, lower-case name)."""

    __slots__ = ("text", "terms")

    def __init__(self, text: str) -> None:
        self.text = text
        if not text.strip():
            raise RuntimeException("Cannot convert an empty string or null to an enumeration expression.")
        self.terms = [[_factor(f) for f in term.split("+")] for term in text.split(",")]

    def evaluate(self, has: Callable[[str], bool]) -> bool:
        """Whether an item with the flags ``has`` answers for matches."""
        return any(all(has(name) != negated for negated, name in term) for term in self.terms)

    def mentions(self, name: str) -> bool:
        return any(n == name for term in self.terms for _, n in term)

    def __str__(self) -> str:
        return self.text


def _factor(text: str) -> tuple[bool, str]:
    """``(negated, name)`` of one ``[!]Name``; an unknown name is the enum's own conversion error."""
    text = text.strip()
    negated = text.startswith("!")
    name = text[1:].strip() if negated else text
    if not name or "!" in name:
        raise RuntimeException("Identifier expected; an empty token or misplaced '!' was found in the "
                               "enumeration expression.")
    from pwshlike.dotnet.types import find_type
    value = find_type("System.IO.FileAttributes").convert(name)
    return negated, str(value).lower()


def attribute_expression(value: Any) -> AttributeExpression:
    """The parameter's converter: an expression from its text."""
    if isinstance(value, AttributeExpression):
        return value
    from pwshlike.dotnet.conversions import dotnet_to_string
    if isinstance(value, (list, tuple)):  # -Attributes Directory,Hidden: the values ORed
        return AttributeExpression(",".join(dotnet_to_string(v) for v in value))
    return AttributeExpression(dotnet_to_string(value))


def switch_expression(directory: bool, file: bool, system: bool, read_only: bool,
                      hidden: bool) -> AttributeExpression | None:
    """pwsh's FormatAttributeSwitchParameters: the switches given, ANDed."""
    names = [n for n, on in (("Directory", directory), ("!Directory", file), ("System", system),
                             ("ReadOnly", read_only), ("Hidden", hidden)) if on]
    return AttributeExpression("+".join(names)) if names else None
