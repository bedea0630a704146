"""The pytest plugin of :mod:`pwshlike.testing`: the ``pwshlike`` fixture.

Installed with pwshlike and registered through a ``pytest11`` entry point
named ``pwshlike``, so any project's tests can ask for it::

    def test_greeting(pwshlike):
        pwshlike.run("Import-Module Greetings")
        assert pwshlike.run("Send-Greeting Ada").output == ["Hello, Ada!"]

Each test gets a :class:`~pwshlike.testing.Session` of its own (the
process's plugins, non-interactive), closed when the test ends.  A test
that needs other settings builds a Session itself.  ``pytest -p
no:pwshlike`` turns the plugin off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from pwshlike.testing import Session


@pytest.fixture
def pwshlike() -> Iterator["Session"]:
    """A fresh pwshlike session for this test, closed after it."""
    from pwshlike.testing import Session
    with Session() as session:
        yield session


class plugin:  # noqa: N801 - named as the entry point's target reads best
    """What the ``pytest11`` entry point registers: the fixture on an object
    other than this module, so that a project which also names the module
    (``-p pwshlike.testing_pytest``, ``pytest_plugins``) does not register
    one plugin object twice, which pytest refuses."""

    pwshlike = pwshlike
