"""The index as a disposable cache: corruption, deletion, stale and held locks, crashes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from store.corpus import open_corpus
from store.index import manifest, writer
from store.index.lock import IndexBusy, IndexLock


def _lock_path(store: Path) -> Path:
    return store / ".index.lock"


def test_truncated_segment_is_rebuilt_at_next_use(store: Path) -> None:
    open_corpus(store).ensure_index()
    segments = list((store / ".index").glob("*.seg"))
    assert segments
    for segment in segments:
        with open(segment, "r+b") as handle:
            handle.truncate(segment.stat().st_size // 2)
    corpus = open_corpus(store)
    result = corpus.search("Kerry")
    assert result.total > 0
    assert corpus.last_report is not None and corpus.last_report.rebuilt
    assert "corrupt" in (corpus.last_report.reason or "") or "cannot be read" in (
        corpus.last_report.reason or ""
    )


def test_ensure_index_notices_a_truncated_segment(store: Path) -> None:
    open_corpus(store).ensure_index()
    for segment in (store / ".index").glob("*.seg"):
        with open(segment, "r+b") as handle:
            handle.truncate(10)
    report = open_corpus(store).ensure_index()
    assert report.rebuilt and "corrupt" in (report.reason or "")


def test_index_deleted_while_open_is_rebuilt(corpus, store: Path) -> None:
    assert corpus.search("Lavrov").total > 0
    import shutil

    shutil.rmtree(store / ".index")
    assert corpus.search("Lavrov").total > 0
    assert corpus.last_report is not None and corpus.last_report.rebuilt
    assert corpus.index_state() == "ready"
    assert corpus.mentions("Kerry").total == 13


def test_garbage_side_file_means_rebuild(store: Path) -> None:
    corpus = open_corpus(store)
    corpus.ensure_index()
    (store / ".index" / manifest.META_FILE).write_text("{not json", encoding="utf-8")
    assert corpus.index_state() == "missing"
    report = corpus.ensure_index()
    assert (
        report.rebuilt and "manifest" in (report.reason or "") and "cannot be read" in (report.reason or "")
    )


def test_stale_lock_of_a_killed_process_is_recovered(store: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    _lock_path(store).write_text(str(dead.pid))
    report = open_corpus(store).ensure_index()
    assert report.rebuilt
    assert any(f"stale index lock left by process {dead.pid}" in note for note in report.notes)
    assert _lock_path(store).read_text() == ""


def test_a_held_lock_makes_a_second_writer_wait_then_run(store: Path) -> None:
    released = threading.Event()

    def hold() -> None:
        with IndexLock(_lock_path(store)):
            released.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    messages: list[str] = []
    timer = threading.Timer(0.6, released.set)
    timer.start()
    report = open_corpus(store).ensure_index(lambda done, total, label: messages.append(label))
    holder.join()
    assert report.rebuilt
    assert any("waiting for process" in m for m in messages)
    assert any("waiting for process" in n for n in report.notes)


def test_giving_up_waiting_says_who_holds_the_lock(store: Path) -> None:
    with IndexLock(_lock_path(store)):
        with pytest.raises(IndexBusy, match=f"process {os.getpid()}"):
            writer.update_index(store / "articles", store / ".index", wait=0.3)


def _has_open(pid: int, path: Path) -> bool:
    """Whether a process has `path` open (it then waits on the lock its holder keeps)."""
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


def test_two_index_commands_at_once(store: Path) -> None:
    """A second `newsdesk index` waits for the first and says so; both succeed."""
    release = store / "release"
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time, pathlib; from store.index.lock import IndexLock\n"
            f"with IndexLock(pathlib.Path({str(_lock_path(store))!r})):\n"
            "    print('held', flush=True)\n"
            f"    while not pathlib.Path({str(release)!r}).exists(): time.sleep(0.05)\n"
        )],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    second = subprocess.Popen(
        [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))",
         "index", "--data", str(store)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60  # a busy machine may take seconds to start it
    while not _has_open(second.pid, _lock_path(store)) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert second.poll() is None  # still waiting
    release.touch()
    out, err = second.communicate(timeout=60)
    holder.wait(timeout=10)
    assert second.returncode == 0, err
    assert f"waiting for process {holder.pid}" in err
    assert "index built" in err


def test_a_failed_rebuild_keeps_the_old_index(store: Path, monkeypatch) -> None:
    corpus = open_corpus(store)
    corpus.ensure_index()

    def boom(article, article_id):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer, "article_documents", boom)
    with pytest.raises(RuntimeError):
        corpus.ensure_index(rebuild=True)
    assert corpus.search("Lavrov").total > 0
    assert not list(store.glob(".index.building-*"))
    manifest._meta_cache.clear()
    meta = manifest.read_meta(store / ".index")
    assert meta is not None and len(meta["files"]) == 5
