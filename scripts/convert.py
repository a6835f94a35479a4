#!/usr/bin/env python3
"""Convert FreshRSS text copies into the book: see ``--help`` and the README."""
import gc
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
# Keep this package's compiled bytecode (src/**/__pycache__, git-ignored) even where the
# environment says not to (PYTHONDONTWRITEBYTECODE, as in many containers): compiling
# every module from source again costs a quarter of the bundled conversion (0.91 -> 0.65 s,
# median of 5 each, measured on the 2-core machine).
sys.dont_write_bytecode = False

# Compiled regular expressions come from the last run (newsbook.recache: about a fifth
# of the bundled conversion went to compiling the same 180 patterns again)
from newsbook import recache  # noqa: E402

recache.install()

from newsbook.cli import main  # noqa: E402

if __name__ == "__main__":
    # The converter makes many small objects and few reference cycles. Every object of
    # the imports is set aside from the cyclic garbage collector (gc.freeze), which also
    # keeps forked workers from touching, and so copying, those pages, and the youngest
    # generation is collected every 20,000 allocations instead of 700: 10-15% of the
    # bundled conversion, peak memory unchanged at 30 MB (measured; see the README).
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
    sys.exit(main(cache=True))
