"""The index manifest: which article files the index holds, and comparing them with the folder.

Start-up never parses every YAML file: the index folder keeps a manifest of
(file name -> mtime_ns, size) for the files the index holds, and only files whose
entry differs are parsed. `newsdesk.json` says which schema the index was written
with; `manifest.marshal` holds the file stamps and the files that could not be read
(marshal: 12 ms to write and 60 ms to read at 100,000 files, where JSON took 150
and 130), and `manifest-changes.marshal` what small updates changed since.
store.index.writer writes the index and calls `write_manifest` once it is committed.
"""

from __future__ import annotations

import gc
import json
import marshal
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from store.errors import Problem
from store.fileio import write_atomic
from store.index.schema import SCHEMA_VERSION
from store.index.watch import ArticleWatch

META_FILE = "newsdesk.json"
"""Which schema wrote the index (read first, from its first bytes, by `index_usable`)."""
MANIFEST_FILE = "manifest.marshal"
"""The article files the index holds, with their stamps, and the ones that failed."""
CHANGES_FILE = "manifest-changes.marshal"
"""Stamps changed since MANIFEST_FILE was written (a small update writes only these)."""
JOURNAL_LIMIT = 2000
"""Changed stamps kept in the journal before the full manifest is written again."""


@dataclass
class IndexPlan:
    """How the index stands against the article files (from stat calls only)."""

    state: str
    """`missing`, `outdated` or `ready`."""
    reason: str | None = None
    """Why a full rebuild is needed (missing, older schema, corrupt), if it is."""
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Every article file now: name -> (mtime_ns, size)."""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Creating 100,000 small objects sets off the cyclic garbage collector dozens of
    times, and each pass walks the whole heap of a long-running process (0.2 s in the
    TUI at 100,000 articles). The scan and a small update create no cycles."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def scan_articles(
    articles_dir: Path, known: dict[str, tuple[int, int]] | None = None
) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Name -> (mtime_ns, size) of every article file (hidden/temporary files skipped),
    and the names whose stamp differs from `known` (new or changed files).

    One `stat` per file, by name relative to the open folder: at 100,000 files the
    system calls alone take about 0.28 s here, so the loop around them is kept bare."""
    known = known or {}
    try:
        folder = os.open(articles_dir, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        return {}, []
    files: dict[str, tuple[int, int]] = {}
    different: list[str] = []
    stat = os.stat
    seen = known.get
    try:
        names = [name for name in os.listdir(folder) if name[-5:] == ".yaml" and name[0] != "."]
        with collector_paused():
            for name in names:
                try:
                    found = stat(name, dir_fd=folder)
                except FileNotFoundError:
                    continue
                stamp = files[name] = (found.st_mtime_ns, found.st_size)
                if seen(name) != stamp:
                    different.append(name)
    finally:
        os.close(folder)
    return files, different


_meta_cache: dict[str, Any] = {}
"""The manifest last read or written: its folder and the (device, inode, mtime_ns, size)
of its files. A long-running process parses an unchanged manifest once. Files are only
ever replaced (write_atomic), so a new manifest has a new inode."""


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return (found.st_dev, found.st_ino, found.st_mtime_ns, found.st_size)


def _stamps(index_dir: Path) -> tuple[Any, ...]:
    return tuple(_stamp(index_dir / name) for name in (META_FILE, MANIFEST_FILE, CHANGES_FILE))


def remember_manifest(
    index_dir: Path,
    files: dict[str, tuple[int, int]],
    problems: dict[str, list[list[Any]]],
    changes: dict[str, Any] | None = None,
) -> None:
    """Keep what was just written as the manifest of `index_dir` (a full build writes it
    in a folder of its own, and remembers it again once that folder is the index)."""
    _meta_cache.clear()  # one manifest is enough: it holds a stamp for every article file
    try:
        stamps = _stamps(index_dir)
    except OSError:
        return
    meta = {"schema_version": SCHEMA_VERSION, "files": files, "problems": problems}
    _meta_cache.update(dir=str(index_dir), stamps=stamps, meta=meta, changes=changes)


def _read_manifest(index_dir: Path) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
    """(the merged manifest, the journal of changes or None), or None if unreadable."""
    stamps = _stamps(index_dir)
    if _meta_cache.get("dir") == str(index_dir) and _meta_cache.get("stamps") == stamps:
        return _meta_cache["meta"], _meta_cache["changes"]
    if stamps[0] is None or stamps[1] is None:
        return None
    head = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
    base = marshal.loads((index_dir / MANIFEST_FILE).read_bytes())
    changes = marshal.loads((index_dir / CHANGES_FILE).read_bytes()) if stamps[2] is not None else None
    if (
        not isinstance(head, dict)
        or not _valid_manifest(base)
        or not (changes is None or _valid_manifest(changes))
    ):
        return None
    files = base["files"]
    if changes is not None:
        files = dict(files)
        for name, stamp in changes["files"].items():
            if stamp is None:
                files.pop(name, None)
            else:
                files[name] = stamp
    problems = (changes or base)["problems"]
    meta = {"schema_version": head.get("schema_version"), "files": files, "problems": problems}
    _meta_cache.clear()
    _meta_cache.update(dir=str(index_dir), stamps=stamps, meta=meta, changes=changes)
    return meta, changes


def _valid_manifest(manifest: Any) -> bool:
    return (
        isinstance(manifest, dict)
        and isinstance(manifest.get("files"), dict)
        and isinstance(manifest.get("problems"), dict)
    )


def read_meta(index_dir: Path) -> dict[str, Any] | None:
    """{"schema_version", "files", "problems"} of the index, or None when its side files
    are missing or unreadable. Callers must not change the dict: it is shared with the
    next call while the files are unchanged."""
    try:
        found = _read_manifest(index_dir)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return found[0] if found is not None else None


def index_usable(index_dir: Path) -> bool:
    """True when an index of the current schema is there to search, from its first bytes:
    no manifest parsing, no stat of the article files (whether it is up to date is not asked)."""
    try:
        with open(index_dir / META_FILE, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    prefix = b'{"schema_version":' + str(SCHEMA_VERSION).encode() + b","
    return head.startswith(prefix) and whoosh_index.exists_in(str(index_dir))


def plan_update(
    articles_dir: Path,
    index_dir: Path,
    meta: dict[str, Any] | None = None,
    watch: ArticleWatch | None = None,
) -> IndexPlan:
    """Compare the article files with the manifest (`meta`, read if not given); parses no
    YAML. With a `watch` that has followed the folder since the manifest's files were
    last compared, only the files it names are looked at (store.index.watch)."""
    meta = meta if meta is not None else read_meta(index_dir)
    if meta is None or not whoosh_index.exists_in(str(index_dir)):
        reason = "missing"
        if meta is None and (index_dir / META_FILE).exists():  # there, but it does not read
            reason = "the index manifest cannot be read"
        return IndexPlan("missing", reason, _scan(articles_dir, {}, watch)[0])
    if meta.get("schema_version") != SCHEMA_VERSION:
        reason = f"older schema (version {meta.get('schema_version')})"
        return IndexPlan("outdated", reason, _scan(articles_dir, {}, watch)[0])
    known: dict[str, tuple[int, int]] = meta["files"]
    files, different = _scan(articles_dir, known, watch)
    plan = IndexPlan("ready", None, files)
    for name in different:
        (plan.changed if name in known else plan.added).append(name)
    if len(files) - len(plan.added) != len(known):  # some known files are gone
        plan.removed = [name for name in known if name not in files]
    if plan.added or plan.changed or plan.removed:
        plan.state = "outdated"
    elif watch is not None and watch.armed:
        watch.basis = known  # nothing to write: the manifest stays as it is
    return plan


def _scan(
    articles_dir: Path, known: dict[str, tuple[int, int]], watch: ArticleWatch | None
) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """`scan_articles`, or only the files the watch names when it can vouch for the rest.

    The watch's news applies to the file table it was last told about (`basis`): the
    manifest this process wrote or compared. A manifest written since by another
    process is a different table, and means a full scan."""
    news = watch.changes() if watch is not None and watch.basis is known and known else None
    if news is None:
        if watch is not None:
            watch.arm()  # before the scan: what changes during it is reported next time
        files, different = scan_articles(articles_dir, known)
    elif not news:
        files, different = known, []
    else:
        files, different = dict(known), []
        for name in news:
            try:
                found = os.stat(articles_dir / name)
            except FileNotFoundError:
                files.pop(name, None)
                continue
            stamp = files[name] = (found.st_mtime_ns, found.st_size)
            if known.get(name) != stamp:
                different.append(name)
    if watch is not None and watch.armed:
        watch.basis = files  # the table the manifest will hold once the update is written
    return files, different


def write_manifest(
    index_dir: Path,
    files: dict[str, tuple[int, int]],
    problems: dict[str, list[list[Any]]],
    changed: dict[str, tuple[int, int] | None] | None = None,
) -> None:
    """Write the manifest: in full after a build, or, after a small update, only the
    journal of changes since the full one (`changed`: name -> new stamp, None when the
    file is gone). Writing 10 MB for every edited article cost more than the edit."""
    found = None
    if changed is not None:  # a journal is only written beside a full manifest that reads
        try:
            found = _read_manifest(index_dir)
        except (OSError, ValueError, EOFError, TypeError):
            found = None
    if found is not None and changed is not None:
        previous = found[1]
        journal = dict(previous["files"]) if previous is not None else {}
        journal.update(changed)
        if len(journal) <= JOURNAL_LIMIT:
            content = marshal.dumps({"files": journal, "problems": problems})
            write_atomic(index_dir / CHANGES_FILE, content, durable=False)
            remember_manifest(index_dir, files, problems, {"files": journal, "problems": problems})
            return
    # the full manifest, then the journal goes (a journal left over by a crash in
    # between only makes the next update re-read a few files: added files are
    # deleted from the index before they are added, so nothing is indexed twice)
    content = marshal.dumps({"files": files, "problems": problems})
    write_atomic(index_dir / MANIFEST_FILE, content, durable=False)
    try:
        os.unlink(index_dir / CHANGES_FILE)
    except FileNotFoundError:
        pass
    head = {"schema_version": SCHEMA_VERSION, "manifest": MANIFEST_FILE}
    text = json.dumps(head, separators=(",", ":"))
    if _read_text(index_dir / META_FILE) != text:
        write_atomic(index_dir / META_FILE, text, durable=False)
    remember_manifest(index_dir, files, problems)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


def problem_list(articles_dir: Path, problems: dict[str, list[list[Any]]]) -> list[Problem]:
    return [
        Problem(articles_dir / name, line, message)
        for name in sorted(problems)
        for line, message in problems[name]
    ]


def stored_problems(articles_dir: Path, index_dir: Path) -> list[Problem]:
    """Article files that could not be read when the index was last brought up to date."""
    meta = read_meta(index_dir) or {}
    return problem_list(articles_dir, meta.get("problems", {}))
