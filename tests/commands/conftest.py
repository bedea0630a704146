"""Sessions with the command layer installed and a host that records."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.fixture
def session() -> Shell:
    return Shell()


@pytest.fixture
def interactive_session():
    """Makes sessions whose host answers prompts: ``interactive_session(answers=[...])``."""
    return Shell
