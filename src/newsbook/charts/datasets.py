"""Locate and load the book's curated datasets (``data/<name>.csv``).

Nothing here touches the network: datasets are files committed to the repo.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (pandas only where a dataset is loaded: the chart cache reads names)
    import pandas as pd

NAME_RE = re.compile(r"^[a-z0-9_]+$")
GENERATED_PREFIX = ("book_", "auto_")
ENV_VAR = "NEWSBOOK_DATA"


class DatasetError(LookupError):
    """A dataset name is invalid or its CSV file is missing/unreadable."""


def data_dir() -> Path:
    """Return the book's ``data/`` folder.

    Order: ``$NEWSBOOK_DATA``; the nearest directory at or above the cwd
    holding both ``_config.yml`` and ``data/`` (so notebooks executed from
    ``chapters/`` find it). Data belongs to a book, never to the installed package.
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    try:
        here = Path.cwd().resolve()
    except OSError:  # cwd deleted
        here = None
    if here is not None:
        for d in (here, *here.parents):
            if (d / "_config.yml").is_file() and (d / "data").is_dir():
                return d / "data"
    raise DatasetError("no book found: run from a book folder (one holding _config.yml and "
                       f"data/) or its chapters/, or set ${ENV_VAR} to the book's data/ folder")


def dataset_path(name: str, data: Path | None = None) -> Path:
    """Path of ``data/<name>.csv`` after validating ``name``; ``data``: the book's data
    folder (default :func:`data_dir`)."""
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise DatasetError(f"invalid dataset name {name!r} (want ^[a-z0-9_]+$)")
    folder = data_dir() if data is None else data
    if name.startswith(GENERATED_PREFIX):  # datasets written by the converter
        return folder / "generated" / f"{name}.csv"
    return folder / f"{name}.csv"


def load(name: str) -> pd.DataFrame:
    """Read ``data/<name>.csv`` into a DataFrame.

    :raises DatasetError: bad name, missing or unparsable file (message names the path).
    """
    path = dataset_path(name)
    if not path.is_file():
        raise DatasetError(
            f"dataset {name!r} not found: expected {path} "
            f"(data dir from ${ENV_VAR}, a parent folder with _config.yml + data/, "
            f"or the package's repo)")
    import pandas as pd
    try:
        return pd.read_csv(path, encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - re-raise with the path
        raise DatasetError(f"cannot read dataset {name!r} at {path}: {exc}") from exc


def read_text(name: str) -> str:
    """Raw text of ``data/<name>.csv`` (for the lossless CSV download link)."""
    path = dataset_path(name)
    if not path.is_file():
        raise DatasetError(f"dataset {name!r} not found: expected {path}")
    return path.read_text(encoding="utf-8")
