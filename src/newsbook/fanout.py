"""Per-article work on every core, for big books only (issue 11: conversion at disk speed).

Articles are independent while they are read, mined for facts and rendered, so a big
copy's articles are cut into pieces of :data:`PIECE` articles that the parent and forked
children claim one at a time from a shared counter, so all finish together (fixed halves
left the parent idle for 0.7 s of each stage of a 30 MB copy: pickling makes a child's
half slower). A fork shares the parent's memory, so the work needs no pickling on the
way in; only results travel back, and the parent takes them in between its own pieces.
Small books (the bundled copy) stay in one process: a fork and the pickling of results
cost more than they save there, and results are identical either way (the work is pure).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

#: below this much work (total weight: source lines) one process is faster
MIN_WEIGHT = 4_000
#: articles per result message from a child
PIECE = 24


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


def _worker(fn, pieces, claim, out) -> None:
    """A child's loop: claim the next piece, send back its results (or the error)."""
    try:
        while (k := claim()) < len(pieces):
            out.put((k, [fn(i) for i in pieces[k]]))
    except BaseException as exc:  # reported by the parent, which raises it
        import traceback
        out.put((-1, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    out.put(None)


def fan_out(fn: Callable[[int], Any], weights: Sequence[int], progress: str = "") -> list:
    """``[fn(i) for i in range(len(weights))]``, split over the cores when the total weight
    makes it pay. ``fn`` reads its inputs from the caller's memory (inherited by the fork)
    and must be pure; what it returns must pickle. ``progress``: a bar's label."""
    n = len(weights)
    workers = min(cores(), n)
    if workers < 2 or sum(weights) < MIN_WEIGHT:
        return _serial(fn, n, progress)
    import multiprocessing  # (only here: a small book never forks, nor pays this import)
    if "fork" not in multiprocessing.get_all_start_methods():
        return _serial(fn, n, progress)
    import queue as queues
    ctx = multiprocessing.get_context("fork")
    pieces = [range(k, min(k + PIECE, n)) for k in range(0, n, PIECE)]
    counter, lock = ctx.RawValue("i", 0), ctx.Lock()

    def claim() -> int:
        with lock:
            k = counter.value
            counter.value = k + 1
        return k
    out = ctx.Queue()  # (a feeder thread: a child never waits for the parent to read)
    children = [ctx.Process(target=_worker, args=(fn, pieces, claim, out), daemon=True)
                for _ in range(workers - 1)]
    for child in children:
        child.start()
    results: dict[int, list] = {}
    running = len(children)
    bar = _bar(progress, n)

    def take(block: bool) -> None:
        nonlocal running
        while running:
            try:
                msg = out.get(timeout=0.5) if block else out.get_nowait()
            except queues.Empty:
                if not block:
                    return
                if not any(c.is_alive() for c in children) and out.empty():
                    raise RuntimeError("a worker process died before it sent its results")
                continue
            if msg is None:
                running -= 1
            elif msg[0] < 0:
                raise RuntimeError(f"in a worker process: {msg[1]}")
            else:
                results[msg[0]] = msg[1]
                bar(len(msg[1]))
    try:
        while (k := claim()) < len(pieces):
            results[k] = [fn(i) for i in pieces[k]]
            bar(len(pieces[k]))
            take(block=False)
        take(block=True)
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
            child.join()
        bar(None)
    return [r for k in range(len(pieces)) for r in results[k]]


def _serial(fn: Callable[[int], Any], n: int, progress: str) -> list:
    bar = _bar(progress, n)
    try:
        out = []
        for i in range(n):
            out.append(fn(i))
            bar(1)
        return out
    finally:
        bar(None)


def _bar(label: str, total: int):
    """``advance(count)`` for a progress bar (``advance(None)`` ends it); no bar without
    a label."""
    if not label:
        return lambda count: None
    from rich.progress import Progress
    bar = Progress(transient=True)
    task = bar.add_task(label, total=total)
    bar.start()

    def advance(count):
        if count is None:
            bar.stop()
        else:
            bar.advance(task, count)
    return advance
