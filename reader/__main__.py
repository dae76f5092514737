"""`python -m reader` runs the `reader` script."""

import os
import sys
from pathlib import Path


def _not_from_the_current_directory() -> None:
    """Take the current directory off the front of `sys.path`, as the `reader` script has it.

    `python -m` puts it first, so a `jieba.py`, `rjieba.py` or `textual.py` of the
    user's own in the folder `python -m reader` was run from was imported (run)
    in place of the library reader needs. Kept when reader itself was found
    there (run from a source checkout).
    """
    here = Path(__file__).resolve().parent.parent
    first = sys.path[0] if sys.path else None
    try:
        ours = first is not None and first in ("", os.getcwd())
        if ours and Path(first or ".").resolve() != here:
            del sys.path[0]
    except OSError:  # the current directory was removed: it holds nothing to import
        pass


_not_from_the_current_directory()

from reader.cli.entry import main  # noqa: E402  (after the path is made safe)

# The guard matters: the index build's worker processes re-import the main module
# (as `__mp_main__`), and must not run the command line again.
if __name__ == "__main__":
    main()
