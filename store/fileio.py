"""Reading and writing the store's files safely, whatever is in the folder.

Reading: only regular files are read (a FIFO named `x.yaml` would block a reader
forever, a link to `/dev/zero` would never end), never more than `MAX_STORE_FILE_BYTES`,
and a symbolic link is followed only when it stays inside the store.

Writing: atomic and durable per file. The new text goes to a temporary file
`.NAME.<pid>.<random>.tmp` beside the target (created exclusively, with the
permissions the umask gives, or the old file's), is fsynced, renamed over the target,
and the folder is fsynced so the rename itself survives a power cut. A temporary file
left by a killed process is removed by `clean_leftovers` at the next run (its pid is
in its name).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

MAX_STORE_FILE_BYTES = 64 * 1024 * 1024
"""Largest article (or aliases) YAML file that is read: 64 MiB. A long article with
its quotes and entities is well under 1 MB; a bigger file is refused with a problem."""

STALE_TEMP_SECONDS = 3600
"""A temporary file whose name carries no pid (older versions) is removed after this long."""

_TEMP = re.compile(r"^\..+?\.(?:(\d+)\.)?[A-Za-z0-9_]+\.tmp$")
_BUILD = re.compile(r"\.(?:building|old)-(\d+)$")


class UnreadableFile(OSError):
    """A store file that is not read: not a regular file, too big, or a link out of the store."""


def read_regular(path: Path, *, root: Path | None = None, limit: int = MAX_STORE_FILE_BYTES) -> bytes:
    """The bytes of a regular file, refusing special files, files over `limit` and
    symbolic links that lead outside `root` (the store folder). Raises `OSError`
    (an `UnreadableFile` for the refusals) whose `strerror` says what is wrong."""
    if root is not None and os.path.islink(path):
        target = Path(os.path.realpath(path))
        base = Path(os.path.realpath(root))
        if target != base and base not in target.parents:
            raise UnreadableFile(
                errno.EPERM, "a symbolic link to a file outside the store; not followed (copy the file in)"
            )
    # O_NONBLOCK: opening a FIFO for reading must not wait for a writer
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(
                errno.EINVAL, f"not a regular file ({_kind(info.st_mode)}); only files are read"
            )
        if info.st_size > limit:
            raise UnreadableFile(errno.EFBIG, too_big_message(info.st_size, limit))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise UnreadableFile(errno.EFBIG, too_big_message(total, limit))
        return b"".join(chunks)
    finally:
        os.close(fd)


def too_big_message(size: int, limit: int) -> str:
    return (
        f"{size / 1_048_576:.1f} MB is more than the {limit // 1_048_576} MB a store file may have; not read"
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def store_root(path: Path) -> Path:
    """The store folder of an article file (`<store>/articles/x.yaml` -> `<store>`)."""
    parent = path.parent
    return parent.parent if parent.name == "articles" else parent


# ---------------------------------------------------------------- writing


def temp_name(path: Path) -> Path:
    """`.NAME.<pid>.<random>.tmp` beside `path`."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _new_temp(path: Path) -> tuple[int, Path]:
    """A new temporary file beside `path`, opened exclusively; mode 0666 less the umask
    (as any new file), or the mode of the file it will replace."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    while True:
        tmp = temp_name(path)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        if mode is not None:
            try:
                os.fchmod(fd, mode)
            except OSError:
                pass
        return fd, tmp


def fsync_folder(folder: Path) -> None:
    """Make the renames in a folder durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, content: str | bytes, *, durable: bool = True) -> None:
    """Write a file so that a crash leaves the old file or the new one, never half.

    `durable=False` skips the fsyncs: for caches (the index manifest), where a file
    lost to a power cut is rebuilt, and 20 ms per write matter."""
    write_many([(path, content)], durable=durable)


SYNC_THREADS = 8
"""fsyncs in flight at once for a batch: the file system commits its journal once for
many files (an fsync per file one after the other took 4x the time of one `sync`)."""


def _write_temps(files: Iterable[tuple[Path, str | bytes]], durable: bool) -> list[tuple[Path, Path]]:
    """Each content in a new temporary file beside its target; with `durable`, all of
    them fsynced (several at a time) before this returns. On failure nothing is left."""
    temps: list[tuple[Path, Path]] = []
    fds: list[int] = []
    try:
        for path, content in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _new_temp(path)
            fds.append(fd)
            temps.append((tmp, path))
            data = content.encode("utf-8") if isinstance(content, str) else content
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        if durable and len(fds) > 1:
            with ThreadPoolExecutor(min(SYNC_THREADS, len(fds))) as pool:
                list(pool.map(os.fsync, fds))
        elif durable and fds:
            os.fsync(fds[0])
    except BaseException:
        _remove([tmp for tmp, _ in temps])
        raise
    finally:
        for fd in fds:
            os.close(fd)
    return temps


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass


def write_many(files: Iterable[tuple[Path, str | bytes]], *, durable: bool = True) -> None:
    """`write_atomic` for several files: each temporary file is written and fsynced,
    then all are renamed into place and each folder is fsynced once. A crash leaves
    each file old or new, never half-written."""
    temps = _write_temps(files, durable)
    renamed = 0
    try:
        for tmp, path in temps:
            os.replace(tmp, path)
            renamed += 1
    except BaseException:
        _remove(tmp for tmp, _ in temps[renamed:])
        raise
    if durable:
        for folder in dict.fromkeys(path.parent for _, path in temps):
            fsync_folder(folder)


def create_many(files: list[tuple[Path, str | bytes]]) -> list[bool]:
    """Write new files, each only if nothing has its name yet (False for a name that is
    taken; that file is not written): two processes importing at once never overwrite
    each other's new articles. Each file appears whole (a temporary file, fsynced, then
    hard-linked to its name, which fails on an existing name) and durably (the folder
    is fsynced once)."""
    temps = _write_temps(files, durable=True)
    created: list[bool] = []
    try:
        for tmp, path in temps:
            try:
                os.link(tmp, path)
                created.append(True)
            except FileExistsError:
                created.append(False)
    finally:
        _remove(tmp for tmp, _ in temps)
    for folder in dict.fromkeys(path.parent for _, path in temps):
        fsync_folder(folder)
    return created


# ---------------------------------------------------------------- leftovers


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists (ours or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed process nobody has reaped yet is a zombie: gone all the same
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[-1].split()[:1] != [b"Z"]
    except OSError:
        return True


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove what killed processes left in a store folder: temporary files
    (`.NAME.<pid>.<random>.tmp`) and index builds (`.index.building-<pid>`,
    `.index.old-<pid>`) whose process is gone. Returns what was removed; a folder
    that cannot be listed or written is left as it is."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        name = entry.name
        if not name.startswith("."):
            continue
        build = _BUILD.search(name)
        temp = _TEMP.match(name) if build is None else None
        try:
            if build is not None and entry.is_dir(follow_symlinks=False):
                if not pid_alive(int(build.group(1))):
                    shutil.rmtree(entry.path)
                    removed.append(Path(entry.path))
            elif temp is not None and entry.is_file(follow_symlinks=False):
                pid = temp.group(1)
                stale = (
                    not pid_alive(int(pid))
                    if pid
                    else now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
                )
                if stale:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
