"""The pluggy markers for the project name ``pwshlike``.

Kept apart from the hook specifications so that a plugin's entry module
(``from pwshlike.plugin import hookimpl``) imports as little as possible.
"""

from __future__ import annotations

import pluggy

PROJECT_NAME = "pwshlike"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
