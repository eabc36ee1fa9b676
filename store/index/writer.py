"""The one module that writes the index: full build, incremental update, rebuild.

What needs doing comes from the manifest (store.index.manifest). A full build goes
into a fresh folder next to the index and replaces it with two renames, so a crash
leaves the old index or the new one, never half of one. The YAML files are only
ever read.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.multiproc import MpWriter

from store.errors import ArticleFileError, StoreError
from store.fileio import clean_leftovers
from store.hits import IndexReport
from store.index.codec import PassageCodec
from store.index.documents import article_documents
from store.index.lock import IndexLock, close_inherited_locks
from store.index.manifest import (
    IndexPlan,
    collector_paused,
    index_usable,
    plan_update,
    problem_list,
    read_meta,
    remember_manifest,
    stored_problems,
    write_manifest,
)
from store.index.schema import index_damage, make_schema, open_index
from store.index.segment import PassageSegmentWriter, PassageSubWriterTask, install_passage_pool
from store.index.watch import ArticleWatch
from store.processes import bind_to_parent, interrupts_deferred
from store.yamlio.load import load_article

Progress = Callable[[int, int, str], None]

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
    except Exception as exc:
        damage = index_damage(exc, index_dir)
        if damage is None:
            raise  # not damage: a bug or an unreadable folder, which a rebuild would not cure
        return f"corrupt ({damage})"[:200]
    return None


def update_index(
    articles_dir: Path,
    index_dir: Path,
    progress: Progress | None = None,
    *,
    rebuild: bool = False,
    reason: str | None = None,
    wait: float = 600.0,
    watch: ArticleWatch | None = None,
) -> IndexReport:
    """Bring the index up to date with the article files, holding the writer lock."""
    progress = progress or _no_progress
    started = time.monotonic()
    lock_path = index_dir.with_name(index_dir.name + ".lock")
    try:
        with IndexLock(lock_path, wait=wait, on_wait=lambda message: progress(0, 0, message)) as lock:
            # what killed processes left: half-built indexes, temporary files
            clean_leftovers(index_dir.parent)
            clean_leftovers(articles_dir)
            report = _update_locked(articles_dir, index_dir, progress, rebuild, reason, watch)
            report.notes = lock.notes + report.notes
    except OSError as exc:
        if exc.errno not in _CANNOT_WRITE:
            raise
        report = _unwritable(articles_dir, index_dir, exc)
    report.seconds = time.monotonic() - started
    return report


_CANNOT_WRITE = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT}
"""Errors that mean the store cannot be written (read-only, no permission, disk full)."""


def _unwritable(articles_dir: Path, index_dir: Path, exc: OSError) -> IndexReport:
    """The index cannot be written: search the one that is there, and say so."""
    why = exc.strerror or str(exc)
    where = f" ({exc.filename})" if exc.filename else ""
    if not index_usable(index_dir):
        raise StoreError(
            f"there is no usable index and it cannot be written: {why}{where}; "
            "make the store writable (or free some space) and run `newsdesk index`"
        ) from None
    return IndexReport(
        problems=stored_problems(articles_dir, index_dir),
        notes=[f"the index could not be updated: {why}{where}; searching the index as it is"],
    )


def _update_locked(
    articles_dir: Path,
    index_dir: Path,
    progress: Progress,
    rebuild: bool,
    reason: str | None,
    watch: ArticleWatch | None,
) -> IndexReport:
    meta = read_meta(index_dir)
    plan = plan_update(articles_dir, index_dir, meta, watch)
    if rebuild:
        plan.reason = reason or "asked to rebuild"
    elif plan.reason is None:
        plan.reason = check_readable(index_dir) if plan.state != "missing" else "missing"
    if plan.reason is not None:
        return _full_build(articles_dir, index_dir, plan, progress)
    if plan.state == "outdated":
        small = len(plan.added) + len(plan.changed) < PARALLEL_FROM
        with collector_paused() if small else nullcontext():
            return _incremental(articles_dir, index_dir, plan, progress, meta or {})
    return IndexReport(problems=problem_list(articles_dir, (meta or {}).get("problems", {})))


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


def _die_with(parent: int) -> None:
    """In a writer process: die with the parent (store.processes), and close the
    inherited index lock, which only the parent holds."""
    bind_to_parent(parent)
    close_inherited_locks()


class _BoundSubWriterTask(PassageSubWriterTask):  # type: ignore[misc]
    """A writer process that lives only as long as the process that started it: an
    orphan would otherwise wait on its job queue forever."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.parent_pid = os.getpid()
        self.daemon = True  # the interpreter's exit does not wait for it

    def run(self) -> None:
        _die_with(self.parent_pid)
        super().run()


class _ArticleMpWriter(MpWriter):  # type: ignore[misc]
    """Whoosh's two-process writer, handing a batch to a process only between articles.

    (MpWriter itself never hands one over after a group: it would buffer the whole
    corpus and give it to a single process at commit.) It writes with our codec and
    pool, as its worker processes do (store.index.segment)."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", PassageCodec())
        super().__init__(ix, **kwargs)
        install_passage_pool(self)

    def end_group(self) -> None:
        super().end_group()
        if not self._grouping and len(self.docbuffer) >= self.batchsize:
            self._enqueue()

    def _new_task(self) -> Any:
        # MpWriter._new_task, with our writer process (store.index.segment)
        task = _BoundSubWriterTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        with interrupts_deferred():
            task.start()
        return task

    def cancel(self) -> None:
        # MpWriter.cancel only sets a flag in its own copy of each task: the processes
        # would wait for jobs forever, and the interpreter's exit for them. Batches still
        # buffered for the job queue are dropped: its feeder thread would otherwise block
        # the exit, writing to a pipe no process reads any more.
        try:
            self.jobqueue.cancel_join_thread()
            for task in self.tasks:
                if task.is_alive():
                    task.terminate()
            for task in self.tasks:
                if task.pid is not None:  # a Ctrl-C can land between `append` and `start`
                    task.join(timeout=5)
        finally:
            super().cancel()


def _writer(ix: Any, parse_count: int) -> Any:
    if parse_count >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        return _ArticleMpWriter(ix, procs=2, batchsize=BATCH_SIZE, multisegment=True, limitmb=LIMIT_MB)
    return PassageSegmentWriter(ix, limitmb=UPDATE_LIMIT_MB if parse_count < PARALLEL_FROM else LIMIT_MB)


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
        write_manifest(building, plan.files, problems)
        _swap_in(building, index_dir)
        remember_manifest(index_dir, plan.files, problems)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return IndexReport(
        added=len(names) - len(problems),
        rebuilt=True,
        reason=plan.reason,
        problems=problem_list(articles_dir, problems),
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
        # added files too: after a crash between the commit and the manifest they may be
        # in the index already, and must not be there twice
        for name in plan.added + plan.changed + plan.removed:
            writer.delete_by_term("article_id", name[: -len(".yaml")])
            problems.pop(name, None)
        for done, name in enumerate(sorted(to_parse, reverse=True), 1):
            _add_article(writer, _load(articles_dir, name, problems))
            progress(done, len(to_parse), name)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    changed: dict[str, tuple[int, int] | None] = {name: plan.files[name] for name in to_parse}
    changed.update(dict.fromkeys(plan.removed))
    write_manifest(index_dir, plan.files, problems, changed)
    failed = [name for name in to_parse if name in problems]
    return IndexReport(
        added=len([n for n in plan.added if n not in problems]),
        updated=len([n for n in plan.changed if n not in problems]),
        removed=len(plan.removed),
        problems=problem_list(articles_dir, {n: problems[n] for n in failed}),
    )
