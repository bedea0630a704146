"""A class whose base type does not exist is a parse error from a fresh
shell's first script, before anything has run: the parser's class checks
need the runtime's type lookup installed at start-up, not when the first
class is compiled.  (In-process tests cannot see this: an earlier test has
always loaded the class machinery.)"""

from __future__ import annotations

import subprocess
import sys


def test_unknown_base_type_stops_the_script_before_it_runs():
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command",
                             "'before'; class A : NoSuchBase { }; 'after'"],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout == ""
    assert "ParserError" in result.stderr
    assert "Unable to find type [NoSuchBase]." in result.stderr
