"""``python -m pwshlike``: the same entry point as the ``pwshlike`` script."""

import sys

from pwshlike.cli import main

sys.exit(main())
