"""The one module that writes the index: full build, incremental update, rebuild.

Start-up never parses every YAML file: `newsdesk.json` in the index folder keeps a
manifest of (file name -> mtime_ns, size) for the files the index holds, and only
files whose entry differs are parsed. A full build goes into a fresh folder next to
the index and replaces it with two renames, so a crash leaves the old index or the
new one, never half of one. The YAML files are only ever read.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.multiproc import MpWriter

from store.errors import ArticleFileError, Problem
from store.hits import IndexReport
from store.index.documents import article_documents
from store.index.lock import IndexLock
from store.index.schema import SCHEMA_VERSION, make_schema, open_index
from store.yamlio import load_article, write_atomic

Progress = Callable[[int, int, str], None]

META_FILE = "newsdesk.json"
LIMIT_MB = 256
"""Memory for each writer process's posting pool (Whoosh `limitmb`) in a build:
fewer sorted runs to merge at commit. Two processes stay under 1 GB at 100,000."""
UPDATE_LIMIT_MB = 64
"""The same for a small incremental update."""
BATCH_SIZE = 200
"""Passages per job handed to a writer process."""
PARALLEL_FROM = 300
"""Use the two-process writer when at least this many articles are to be parsed."""


def _no_progress(done: int, total: int, label: str) -> None:
    return None


@dataclass
class IndexPlan:
    """How the index stands against the article files (from stat calls only)."""

    state: str
    """`missing`, `outdated` or `ready`."""
    reason: str | None = None
    """Why a full rebuild is needed (missing, older schema, corrupt), if it is."""
    files: dict[str, list[int]] = field(default_factory=dict)
    """Every article file now: name -> [mtime_ns, size]."""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def scan_articles(articles_dir: Path) -> dict[str, list[int]]:
    """Name -> [mtime_ns, size] of every article file (hidden/temporary files skipped)."""
    files: dict[str, list[int]] = {}
    try:
        entries = os.scandir(articles_dir)
    except FileNotFoundError:
        return files
    with entries:
        for entry in entries:
            name = entry.name
            if not name.endswith(".yaml") or name.startswith("."):
                continue
            try:
                stat = entry.stat()
            except FileNotFoundError:
                continue
            files[name] = [stat.st_mtime_ns, stat.st_size]
    return files


_meta_cache: dict[tuple[int, int], tuple[tuple[int, int], dict[str, Any]]] = {}
"""(device, inode) of a manifest -> ((mtime_ns, size), its parsed content): the last one
read or written, so a long-running process parses an unchanged manifest once. Files are
only ever replaced (write_atomic), so a new manifest has a new inode; a rename keeps it."""


def _remember_meta(path: Path, stat: os.stat_result, meta: dict[str, Any]) -> None:
    _meta_cache.clear()  # one manifest is enough: it holds a stamp for every article file
    _meta_cache[(stat.st_dev, stat.st_ino)] = ((stat.st_mtime_ns, stat.st_size), meta)


def read_meta(index_dir: Path) -> dict[str, Any] | None:
    """The index's side file, or None when it is missing or unreadable. Callers must not
    change the dict: it is shared with the next call while the file is unchanged."""
    path = index_dir / META_FILE
    try:
        stat = path.stat()
        cached = _meta_cache.get((stat.st_dev, stat.st_ino))
        if cached is not None and cached[0] == (stat.st_mtime_ns, stat.st_size):
            return cached[1]
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    _remember_meta(path, stat, meta)
    return meta


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


def plan_update(articles_dir: Path, index_dir: Path, meta: dict[str, Any] | None = None) -> IndexPlan:
    """Compare the article files with the manifest (`meta`, read if not given); parses no YAML."""
    files = scan_articles(articles_dir)
    meta = meta if meta is not None else read_meta(index_dir)
    if meta is None or not whoosh_index.exists_in(str(index_dir)):
        return IndexPlan("missing", "missing", files)
    if meta.get("schema_version") != SCHEMA_VERSION:
        return IndexPlan("outdated", f"older schema (version {meta.get('schema_version')})", files)
    known: dict[str, list[int]] = meta.get("files", {})
    plan = IndexPlan("ready", None, files)
    for name, stamp in files.items():
        seen = known.get(name)
        if seen is None:
            plan.added.append(name)
        elif seen[:2] != stamp:
            plan.changed.append(name)
    plan.removed = [name for name in known if name not in files]
    if plan.added or plan.changed or plan.removed:
        plan.state = "outdated"
    return plan


def check_readable(index_dir: Path) -> str | None:
    """None when the index opens and reads; otherwise what is wrong with it."""
    try:
        ix = open_index(index_dir)
        with ix.reader() as reader:
            reader.doc_count()
            for leaf, _ in reader.leaf_readers():  # each segment's first stored fields:
                if leaf.doc_count_all():  # not iter_docs(), which walks every deleted document first
                    leaf.stored_fields(0)
            list(reader.iter_field("kind"))
    except Exception as exc:  # any failure to read means: rebuild it
        return f"corrupt ({type(exc).__name__}: {exc})"[:200]
    return None


def update_index(
    articles_dir: Path,
    index_dir: Path,
    progress: Progress | None = None,
    *,
    rebuild: bool = False,
    reason: str | None = None,
    wait: float = 600.0,
) -> IndexReport:
    """Bring the index up to date with the article files, holding the writer lock."""
    progress = progress or _no_progress
    started = time.monotonic()
    lock_path = index_dir.with_name(index_dir.name + ".lock")
    with IndexLock(lock_path, wait=wait, on_wait=lambda message: progress(0, 0, message)) as lock:
        meta = read_meta(index_dir)
        plan = plan_update(articles_dir, index_dir, meta)
        if rebuild:
            plan.reason = reason or "asked to rebuild"
        elif plan.reason is None:
            plan.reason = check_readable(index_dir) if plan.state != "missing" else "missing"
        if plan.reason is not None:
            report = _full_build(articles_dir, index_dir, plan, progress)
        elif plan.state == "outdated":
            report = _incremental(articles_dir, index_dir, plan, progress, meta or {})
        else:
            report = IndexReport(problems=_problem_list(articles_dir, (meta or {}).get("problems", {})))
        report.notes = lock.notes + report.notes
    report.seconds = time.monotonic() - started
    return report


def _load(articles_dir: Path, name: str, problems: dict[str, list[list[Any]]]) -> list[dict[str, Any]]:
    try:
        article = load_article(articles_dir / name)
    except ArticleFileError as exc:
        problems[name] = [[p.line, p.message] for p in exc.problems]
        return []
    return article_documents(article, name[: -len(".yaml")])


def _add_article(writer: Any, documents: list[dict[str, Any]]) -> None:
    """An article's passages go in together, in order (never split between writer
    processes), so their docnums are consecutive: the entity jump relies on it."""
    with writer.group():
        for document in documents:
            writer.add_document(**document)


class _ArticleMpWriter(MpWriter):  # type: ignore[misc]
    """Whoosh's two-process writer, handing a batch to a process only between articles.

    (MpWriter itself never hands one over after a group: it would buffer the whole
    corpus and give it to a single process at commit.)"""

    def end_group(self) -> None:
        super().end_group()
        if not self._grouping and len(self.docbuffer) >= self.batchsize:
            self._enqueue()


def _writer(ix: Any, parse_count: int) -> Any:
    if parse_count >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        return _ArticleMpWriter(ix, procs=2, batchsize=BATCH_SIZE, multisegment=True, limitmb=LIMIT_MB)
    return ix.writer(limitmb=UPDATE_LIMIT_MB if parse_count < PARALLEL_FROM else LIMIT_MB)


def _full_build(articles_dir: Path, index_dir: Path, plan: IndexPlan, progress: Progress) -> IndexReport:
    building = index_dir.with_name(f"{index_dir.name}.building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    # newest first: ids start with the date, and a search cut short by its time
    # budget has then examined the newest articles (store.index.collect)
    names = sorted(plan.files, reverse=True)
    problems: dict[str, list[list[Any]]] = {}
    try:
        ix = whoosh_index.create_in(str(building), make_schema())
        writer = _writer(ix, len(names))
        try:
            for done, name in enumerate(names, 1):
                _add_article(writer, _load(articles_dir, name, problems))
                progress(done, len(names), name)
            progress(len(names), len(names), "writing the index")
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        _write_meta(building, plan.files, problems)
        _swap_in(building, index_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return IndexReport(
        added=len(names) - len(problems),
        rebuilt=True,
        reason=plan.reason,
        problems=_problem_list(articles_dir, problems),
    )


def _swap_in(building: Path, index_dir: Path) -> None:
    retired = index_dir.with_name(f"{index_dir.name}.old-{os.getpid()}")
    shutil.rmtree(retired, ignore_errors=True)
    if index_dir.exists():
        os.rename(index_dir, retired)
    os.rename(building, index_dir)
    shutil.rmtree(retired, ignore_errors=True)


def _incremental(
    articles_dir: Path, index_dir: Path, plan: IndexPlan, progress: Progress, meta: dict[str, Any]
) -> IndexReport:
    problems: dict[str, list[list[Any]]] = dict(meta.get("problems", {}))  # the cached one stays as it was
    ix = open_index(index_dir)
    to_parse = plan.added + plan.changed
    writer = _writer(ix, len(to_parse))
    try:
        for name in plan.changed + plan.removed:
            writer.delete_by_term("article_id", name[: -len(".yaml")])
            problems.pop(name, None)
        for done, name in enumerate(sorted(to_parse, reverse=True), 1):
            _add_article(writer, _load(articles_dir, name, problems))
            progress(done, len(to_parse), name)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    _write_meta(index_dir, plan.files, problems)
    failed = [name for name in to_parse if name in problems]
    return IndexReport(
        added=len([n for n in plan.added if n not in problems]),
        updated=len([n for n in plan.changed if n not in problems]),
        removed=len(plan.removed),
        problems=_problem_list(articles_dir, {n: problems[n] for n in failed}),
    )


def _write_meta(index_dir: Path, files: dict[str, list[int]], problems: dict[str, list[list[Any]]]) -> None:
    meta = {"schema_version": SCHEMA_VERSION, "files": files, "problems": problems}
    path = index_dir / META_FILE
    write_atomic(path, json.dumps(meta, separators=(",", ":")))
    try:
        _remember_meta(path, path.stat(), meta)
    except OSError:
        _meta_cache.clear()


def _problem_list(articles_dir: Path, problems: dict[str, list[list[Any]]]) -> list[Problem]:
    return [
        Problem(articles_dir / name, line, message)
        for name in sorted(problems)
        for line, message in problems[name]
    ]


def stored_problems(articles_dir: Path, index_dir: Path) -> list[Problem]:
    """Article files that could not be read when the index was last brought up to date."""
    meta = read_meta(index_dir) or {}
    return _problem_list(articles_dir, meta.get("problems", {}))
