"""Per-article work on every core, for big books only (issue 11: conversion at disk speed).

Articles are independent while they are read, mined for facts and rendered, so a big
copy's articles are split in two (or more) contiguous runs: forked children take all
runs but the first, the parent takes the first, and the results come back in order. A
fork shares the parent's memory, so the work needs no pickling on the way in; only
results travel back. Small books (the bundled copy) stay in one process: a fork and
the pickling of results cost more than they save there, and results are identical
either way (the work is pure).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

#: below this much work (total weight: source lines) one process is faster
MIN_WEIGHT = 4_000
#: articles per result message from a child
PIECE = 24

_JOB: tuple[Callable[[int], Any], list[range]] | None = None  # what forked children run


def cores() -> int:
    """CPUs this process may use; ``NEWSBOOK_JOBS=N`` caps them (1: never fork)."""
    cap = os.environ.get("NEWSBOOK_JOBS", "")
    if cap.isdigit() and int(cap) > 0:
        return min(int(cap), _cpus())
    return _cpus()


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not Linux)
        return os.cpu_count() or 1


def runs(weights: Sequence[int], parts: int) -> list[range]:
    """``parts`` contiguous index ranges of about equal total weight (none empty)."""
    total = sum(weights) or 1
    out, start, acc = [], 0, 0
    for i, w in enumerate(weights):
        acc += w
        if len(out) < parts - 1 and acc * parts >= total * (len(out) + 1) and i + 1 < len(weights):
            out.append(range(start, i + 1))
            start = i + 1
    out.append(range(start, len(weights)))
    return [r for r in out if len(r)]


def _child(k: int) -> list:
    fn, parts = _JOB  # type: ignore[misc]
    return [fn(i) for i in parts[k]]


def _track(items, progress: str):
    if not progress:
        return items
    from rich.progress import track
    return track(items, description=progress, transient=True)


def fan_out(fn: Callable[[int], Any], weights: Sequence[int], progress: str = "") -> list:
    """``[fn(i) for i in range(len(weights))]``, split over the cores when the total weight
    makes it pay. ``fn`` reads its inputs from the caller's memory (inherited by the fork)
    and must be pure; what it returns must pickle. ``progress``: a bar's label (the bar
    follows the parent's share)."""
    n = len(weights)
    workers = min(cores(), n)
    if workers < 2 or sum(weights) < MIN_WEIGHT:
        return [fn(i) for i in _track(range(n), progress)]
    import multiprocessing  # (only here: a small book never forks, nor pays this import)
    if "fork" not in multiprocessing.get_all_start_methods():
        return [fn(i) for i in _track(range(n), progress)]
    global _JOB
    first, *others = runs(weights, workers)
    # the children's runs go back in small pieces: each result message stays small (peak
    # memory), and the parent unpickles early pieces while it still works on its own run
    pieces = [r[k:k + PIECE] for r in others for k in range(0, len(r), PIECE)]
    _JOB = (fn, pieces)
    try:
        with multiprocessing.get_context("fork").Pool(len(others)) as pool:
            pending = pool.map_async(_child, range(len(pieces)), chunksize=1)
            mine = [fn(i) for i in _track(first, progress)]
            rest = pending.get()
    finally:
        _JOB = None
    return mine + [r for chunk in rest for r in chunk]
