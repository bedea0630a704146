"""prompt_toolkit's view of :class:`~pwshlike.repl.completion.CompletionEngine`."""

from __future__ import annotations

from typing import Iterable

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from .completion import CompletionEngine


class PwshCompleter(Completer):
    """Yields the engine's items as Completions whose meta column (the
    description) is computed only when the menu draws it.  A failure in the
    engine yields nothing: completion never disturbs the prompt."""

    def __init__(self, engine: CompletionEngine) -> None:
        self.engine = engine

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        try:
            result = self.engine.complete(document.text, document.cursor_position)
        except Exception:
            return
        offset = result.start - result.end
        for item in result.items:
            yield Completion(item.text, start_position=offset, display=item.display, display_meta=item.describe)
