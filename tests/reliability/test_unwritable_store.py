"""A store that cannot be written (read-only, or a full disk) is still searched.

Tests run as any user (root ignores permissions), so the failures are the errors the
system gives: EROFS from opening the lock, ENOSPC in the middle of a build."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from store.corpus import open_corpus
from store.errors import StoreError
from store.index import lock as lock_module
from store.index import writer as writer_module

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(FIXTURES / "store", target, ignore=shutil.ignore_patterns(".index*"))
    return target


def _read_only_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = lock_module.os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(lock_module.os, "open", refuse)


def _touch_an_article(store: Path) -> None:
    path = store / "articles" / "town-council-approves-new-library.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("long debate", "longer debate"), encoding="utf-8"
    )


def test_a_read_only_store_searches_the_index_it_has(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_corpus(store).ensure_index()
    _touch_an_article(store)  # the index is now out of date, and cannot be updated
    _read_only_lock(monkeypatch)
    corpus = open_corpus(store)
    try:
        report = corpus.ensure_index()
        assert any("could not be updated" in note and "Read-only" in note for note in report.notes)
        assert corpus.search("kerry").total > 0
    finally:
        corpus.close()


def test_a_read_only_store_without_an_index_says_what_to_do(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _read_only_lock(monkeypatch)
    with pytest.raises(StoreError, match="no usable index and it cannot be written"):
        open_corpus(store).ensure_index()


def test_a_full_disk_during_a_rebuild_keeps_the_old_index(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(store).ensure_index()

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer_module.whoosh_index, "create_in", full)
    corpus = open_corpus(store)
    try:
        report = corpus.ensure_index(rebuild=True)
        assert any("No space left" in note for note in report.notes)
        assert corpus.search("kerry").total > 0
        assert not list(store.glob(".index.building-*"))
    finally:
        corpus.close()
