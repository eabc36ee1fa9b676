"""One index writer at a time, across threads and processes.

The lock is an `flock` on `<index dir>.lock` next to the index (outside it, so a
rebuild that replaces the index folder keeps the lock). The kernel drops an
`flock` when its process dies, so a killed `newsdesk index` can never wedge the
next one; the pid written into the file only tells a waiting process who holds
it, and a pid left behind by a killed process is reported as a stale lock.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

from store.errors import StoreError
from store.fileio import pid_alive

_HELD: set[int] = set()
"""Descriptors of the locks this process holds: a child process (a Whoosh writer)
closes its inherited copies, so that it never holds the lock after its parent dies."""


def close_inherited_locks() -> None:
    """In a forked child: close the lock descriptors inherited from the parent (the
    parent keeps its lock: an `flock` is released when its last descriptor closes)."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


class IndexBusy(StoreError):
    """Another process kept the index lock longer than we were willing to wait."""


def _holder(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


class IndexLock:
    """`with IndexLock(path, wait=600, on_wait=...) as lock:` — `lock.notes` says what happened."""

    def __init__(
        self, path: Path, *, wait: float = 600.0, on_wait: Callable[[str], None] | None = None
    ) -> None:
        self.path = path
        self.wait = wait
        self.on_wait = on_wait
        self.notes: list[str] = []
        self._fd: int | None = None

    def __enter__(self) -> IndexLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(self.path)
                if not told:
                    who = f"process {holder}" if holder else "another process"
                    message = f"waiting for {who} to finish updating the index"
                    self.notes.append(message)
                    if self.on_wait:
                        self.on_wait(message)
                    told = True
                if time.monotonic() > deadline:
                    os.close(fd)
                    who = f"process {holder}" if holder else "another process"
                    if holder and not pid_alive(holder):
                        raise IndexBusy(
                            f"the index lock ({self.path}) is held by processes left over from process "
                            f"{holder}, which is gone; stop them (`fuser -k {self.path}`) and try again"
                        ) from None
                    raise IndexBusy(
                        f"the index is being updated by {who} ({self.path}); try again when it has finished"
                    ) from None
                time.sleep(0.2)
        stale = _holder(self.path)
        if stale and stale != os.getpid() and not told:
            state = "killed" if not pid_alive(stale) else "interrupted"
            self.notes.append(f"recovered a stale index lock left by process {stale} ({state})")
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        self._fd = fd
        _HELD.add(fd)
        return self

    def __exit__(self, *exc: object) -> None:
        fd = self._fd
        if fd is None:
            return
        self._fd = None
        _HELD.discard(fd)
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
