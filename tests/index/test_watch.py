"""Updates in a long-running process learn which files changed from the folder watch
(store.index.watch), and fall back to a full scan whenever it cannot vouch for them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from store.corpus import Corpus, open_corpus
from store.index import manifest
from store.index import watch as watch_module
from tests.index.conftest import HAMMOND, LAVROV

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux-only")


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full scan of an articles folder, in order."""
    seen: list[Path] = []
    original = manifest.scan_articles

    def counting(articles_dir: Path, known: dict | None = None):  # type: ignore[no-untyped-def]
        seen.append(articles_dir)
        return original(articles_dir, known)

    monkeypatch.setattr(manifest, "scan_articles", counting)
    return seen


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")  # in place


def test_an_edit_is_found_without_a_full_scan(store: Path, corpus: Corpus, scans: list[Path]) -> None:
    corpus.ensure_index()  # the fixture's build armed the watch
    assert corpus._watch.armed and scans == []
    _edit(store / "articles" / f"{HAMMOND}.yaml", "softens", "soft-pedals")
    report = corpus.ensure_index()
    assert report.updated == 1 and not report.rebuilt
    assert corpus.search("pedals").total == 1
    assert corpus.ensure_index().updated == 0
    assert scans == []


def test_new_renamed_and_deleted_files_are_found(store: Path, corpus: Corpus, scans: list[Path]) -> None:
    corpus.ensure_index()
    articles = store / "articles"
    (articles / f"{LAVROV}.yaml").rename(articles / "renamed-ceasefire.yaml")
    (articles / f"{HAMMOND}.yaml").unlink()
    (articles / ".hidden.yaml").write_text("title: [\n", encoding="utf-8")  # ignored, as in a scan
    report = corpus.ensure_index()
    assert (report.added, report.removed) == (1, 2)
    assert scans == []
    assert {hit.article_id for hit in corpus.search("Lavrov", limit=50).hits} == {"renamed-ceasefire"}
    assert corpus.index_state() == "ready"


def test_a_manifest_written_by_someone_else_means_a_full_scan(
    store: Path, corpus: Corpus, scans: list[Path]
) -> None:
    corpus.ensure_index()
    other = open_corpus(store)  # another process, as far as the manifest goes
    _edit(store / "articles" / f"{HAMMOND}.yaml", "softens", "soft-pedals")
    assert other.ensure_index().updated == 1
    manifest._meta_cache.clear()  # the other process's manifest is read from disk
    before = len(scans)
    assert corpus.ensure_index().updated == 0  # the other one indexed it already
    assert len(scans) == before + 1
    other.close()


def test_a_watch_that_lost_track_means_a_full_scan(store: Path, corpus: Corpus, scans: list[Path]) -> None:
    corpus.ensure_index()
    corpus._watch.close()  # as after a queue overflow or the folder being moved
    _edit(store / "articles" / f"{HAMMOND}.yaml", "softens", "soft-pedals")
    assert corpus.ensure_index().updated == 1
    assert len(scans) == 1


def test_without_inotify_every_update_scans(
    store: Path, monkeypatch: pytest.MonkeyPatch, scans: list[Path]
) -> None:
    monkeypatch.setattr(watch_module, "_libc", False)  # as on macOS
    corpus = open_corpus(store)
    corpus.ensure_index()
    _edit(store / "articles" / f"{HAMMOND}.yaml", "softens", "soft-pedals")
    assert corpus.ensure_index().updated == 1
    assert len(scans) == 2
    corpus.close()


def test_close_releases_the_watch(store: Path, corpus: Corpus) -> None:
    corpus.ensure_index()
    assert corpus._watch.armed
    corpus.close()
    assert not corpus._watch.armed
    _edit(store / "articles" / f"{HAMMOND}.yaml", "softens", "soft-pedals")
    assert corpus.ensure_index().updated == 1  # usable again: a full scan re-arms it
    assert corpus._watch.armed
