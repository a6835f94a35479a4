#!/usr/bin/env python3
"""Convert FreshRSS text copies into the book: see ``--help`` and the README."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsbook.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
