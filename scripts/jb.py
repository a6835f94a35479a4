#!/usr/bin/env python3
"""``jupyter-book`` without its slowest import: ``python scripts/jb.py build . -W -n``.

Every ``jupyter-book`` command imports ``jupyter_book.config``, which imports jsonschema,
whose format checkers import ``rfc3987_syntax`` when it is installed (JupyterLab pulls it
in); that package builds its lark grammars on import, about 1.2 s of each build (a no-op
rebuild of the bundled book: ~3.3 s -> ~1.5 s without it). Neither jupyter-book's config
schema nor the notebook schema uses the ``iri`` formats it checks, so this wrapper makes
that one optional import fail (jsonschema expects that and skips the checker) and then runs
jupyter-book's own command line, unchanged, with the same arguments and exit code.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    sys.modules.setdefault("rfc3987_syntax", None)  # an ImportError for jsonschema
    sys.dont_write_bytecode = False  # keep newsbook's bytecode (as scripts/convert.py does)
    from jupyter_book.cli.main import main as jb_main
    sys.argv = ["jupyter-book", *(sys.argv[1:] if argv is None else argv)]
    try:
        jb_main()
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
