"""The only code-cell templates a chapter can contain.

Their one variable is a chart key, checked against ``^[a-z0-9_]+$`` here (and
against the registry by the caller), so no feed text can reach executed code.
"""
from __future__ import annotations

import re

KEY = re.compile(r"^[a-z0-9_]+$")
NAME = re.compile(r"^[a-z0-9_]+\.(?:csv|json|py)$")
HEX = re.compile(r"^[0-9a-f]{12}$")


def _key(key: str) -> str:
    if not KEY.match(key):
        raise ValueError(f"refusing chart key {key!r} in a code cell")
    return key


def setup_cell(data_hashes: dict[str, str]) -> str:
    """Hidden first cell. The dataset hashes are there so jupyter-cache, which keys on
    code, re-executes exactly the chapters whose data changed."""
    lines = ["```{code-cell} ipython3", ":tags: [remove-cell]", "",
             "from newsbook.charts import explore, show"]
    if data_hashes:
        lines.append("# data versions (sha256 prefix), so cached runs refresh when data changes:")
        for name, digest in sorted(data_hashes.items()):
            if not (NAME.match(name) and HEX.match(digest)):
                raise ValueError(f"bad data hash entry {name!r}: {digest!r}")
            lines.append(f"# {name} {digest}")
    return "\n".join(lines + ["```"]) + "\n"


def chart_cell(key: str) -> str:
    """A chart: input hidden online; analysts see and edit the one-line call live.

    The ``newsbook-chart`` cell metadata names the chart, so the book build draws it
    without a kernel (:mod:`newsbook.charts.static`); the code is what runs live."""
    key = _key(key)
    return ("```{code-cell} ipython3\n:tags: [remove-input]\n"
            f":newsbook-chart: {key}\n\n"
            f'show("{key}")\n```\n')


def widget_cell(key: str) -> str:
    """ipywidgets controls: removed from the static book (no kernel there), live only."""
    return ("```{code-cell} ipython3\n:tags: [remove-cell]\n\n"
            "# Run this chapter live to use these controls.\n"
            f'explore("{_key(key)}")\n```\n')
