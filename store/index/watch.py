"""Which article files changed, told by the kernel (Linux inotify) instead of a stat of each.

Finding a hand edit means comparing every article file's modification time with the
index manifest: about 0.45 s at 100,000 files here, nearly all of it system calls.
A long-running process (the app) does that once, with a watch on the folder armed
first; afterwards the watch names the files that were created, written, renamed or
deleted, and only those are looked at. Whenever the watch cannot vouch for what
happened (not Linux, the kernel's event queue overflowed, the folder was moved or
deleted, the manifest was rewritten by another process), the caller scans every file
again, as without a watch.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import sys
from pathlib import Path
from typing import Any

IN_MODIFY = 0x2
IN_ATTRIB = 0x4
IN_CLOSE_WRITE = 0x8
IN_MOVED_FROM = 0x40
IN_MOVED_TO = 0x80
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_Q_OVERFLOW = 0x4000
IN_IGNORED = 0x8000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000

WATCHED = (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE) | (
    IN_DELETE_SELF | IN_MOVE_SELF
)
LOST = IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF
"""Events after which the watch knows nothing reliable any more."""
_EVENT = struct.Struct("iIII")

_libc: Any = None


def _inotify() -> Any:
    """libc's inotify functions, or None where there are none."""
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
                libc.inotify_init1.argtypes = [ctypes.c_int]
                libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
                _libc = libc
            except (OSError, AttributeError):
                _libc = False
    return _libc or None


class ArticleWatch:
    """A watch on one articles folder. Not thread-safe (the Corpus serialises calls)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None
        self._armed = False
        self.basis: object | None = None
        """The manifest's file table the watch's news applies to (set by the caller)."""

    @property
    def armed(self) -> bool:
        return self._armed

    def arm(self) -> bool:
        """Start watching (again), forgetting earlier news; call it before a full scan,
        so that nothing changed during the scan is missed. False where not possible."""
        self.close()
        libc = _inotify()
        if libc is None:
            return False
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:  # e.g. the per-user limit of inotify instances is reached
            return False
        if libc.inotify_add_watch(fd, os.fsencode(self.folder), WATCHED) < 0:
            os.close(fd)
            return False
        self._fd, self._armed = fd, True
        return True

    def changes(self) -> set[str] | None:
        """Names of article files touched since the last call (or since `arm`), or None
        when the watch is not armed or lost track: then scan every file."""
        if not self._armed or self._fd is None:
            return None
        names: set[str] = set()
        while True:
            try:
                data = os.read(self._fd, 256 * 1024)
            except BlockingIOError:
                return names
            except OSError:
                self.close()
                return None
            position = 0
            while position + _EVENT.size <= len(data):
                _, mask, _, length = _EVENT.unpack_from(data, position)
                raw = data[position + _EVENT.size : position + _EVENT.size + length]
                position += _EVENT.size + length
                if mask & LOST:
                    self.close()
                    return None
                name = os.fsdecode(raw.rstrip(b"\0"))
                if name.endswith(".yaml") and not name.startswith("."):
                    names.add(name)

    def close(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
        self._fd, self._armed, self.basis = None, False, None
