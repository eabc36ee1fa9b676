"""Worker processes that live and die with the process that started them.

A forked worker (an index writer, an extraction worker) waits on its job queue; if its
parent is killed (kill -9, the OOM killer) it would wait forever, holding memory and
whatever it inherited. `bind_to_parent`, run first in the worker, asks Linux to kill it
when its parent dies (`PR_SET_PDEATHSIG`), exits at once if the parent is gone already,
and leaves Ctrl-C to the parent, which stops its workers itself: one "interrupted",
not a traceback from every worker.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_PR_SET_PDEATHSIG = 1


def bind_to_parent(parent: int) -> None:
    """In a worker process: die with `parent`, and ignore SIGINT (the parent handles it)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread (a fork makes the forking thread the main one)
        pass


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C while worker processes are being forked is raised after the fork.

    A SIGINT that lands during `os.fork()` would otherwise raise KeyboardInterrupt inside
    an at-fork handler (logging registers one), where Python prints "Exception ignored"
    and drops it: the build went on to the end as if never interrupted. Outside the main
    thread, signal handlers cannot be set, and nothing is deferred."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
