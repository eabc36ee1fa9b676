"""Building the index, incremental updates, schema versions, unreadable files."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from store.corpus import open_corpus
from store.index import manifest, writer
from store.index.schema import SCHEMA_VERSION
from store.models import Article, Paragraph
from store.yamlio.save import save_article
from tests.index.conftest import HAMMOND, KERRY, LIBRARY


def _digests(store: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (store / "articles").iterdir()}


def test_first_build_indexes_every_article_and_leaves_yaml_alone(store: Path) -> None:
    before = _digests(store)
    corpus = open_corpus(store)
    assert corpus.index_state() == "missing"
    report = corpus.ensure_index()
    assert report.rebuilt and report.reason == "missing"
    assert report.added == len(before)
    assert corpus.index_state() == "ready"
    assert corpus.stats().articles == len(before)
    assert (store / ".index" / manifest.META_FILE).exists()
    assert _digests(store) == before


def test_search_builds_a_missing_index_on_first_use(store: Path) -> None:
    corpus = open_corpus(store)
    assert corpus.search("Lavrov").total > 0
    assert corpus.last_report is not None and corpus.last_report.rebuilt


def test_nothing_changed_parses_nothing(store: Path, monkeypatch) -> None:
    corpus = open_corpus(store)
    corpus.ensure_index()

    def no_parsing(path: Path) -> Article:
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(writer, "load_article", no_parsing)
    report = corpus.ensure_index()
    assert (report.added, report.updated, report.removed, report.rebuilt) == (0, 0, 0, False)


def test_hand_edit_is_searchable_after_update_and_only_that_file_is_parsed(store: Path, monkeypatch) -> None:
    corpus = open_corpus(store)
    corpus.ensure_index()
    assert corpus.search("zeppelin").total == 0
    passages = corpus.stats().passages
    path = store / "articles" / f"{LIBRARY}.yaml"
    text = path.read_text(encoding="utf-8").replace("after a long debate", "after a zeppelin debate")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert corpus.index_state() == "outdated"
    parsed: list[str] = []
    real = writer.load_article

    def load_article(path: Path) -> Any:
        parsed.append(path.name)
        return real(path)

    monkeypatch.setattr(writer, "load_article", load_article)
    report = corpus.ensure_index()
    assert report.updated == 1 and not report.rebuilt
    assert parsed == [f"{LIBRARY}.yaml"]
    hits = corpus.search("zeppelin").hits
    assert [hit.article_id for hit in hits] == [LIBRARY]
    # the old version is gone: one document per passage, not two
    assert corpus.stats().passages == passages
    assert corpus.search('"long debate"').total == 0
    assert corpus.stats().articles == 5


def test_added_and_removed_files(store: Path) -> None:
    corpus = open_corpus(store)
    corpus.ensure_index()
    save_article(
        store / "articles" / "new-bridge.yaml",
        Article(
            id="new-bridge", title="A new bridge opens", paragraphs=[Paragraph("The bridge opened today.")]
        ),
    )
    (store / "articles" / f"{HAMMOND}.yaml").unlink()
    report = corpus.ensure_index()
    assert (report.added, report.removed) == (1, 1)
    assert [hit.article_id for hit in corpus.search("bridge").hits][:1] == ["new-bridge"]
    assert HAMMOND not in {hit.article_id for hit in corpus.search("Hammond", limit=100).hits}
    assert corpus.stats().articles == 5


def test_older_schema_is_rebuilt(store: Path) -> None:
    corpus = open_corpus(store)
    corpus.ensure_index()
    meta_path = store / ".index" / manifest.META_FILE
    meta = json.loads(meta_path.read_text())
    meta["schema_version"] = SCHEMA_VERSION - 1
    meta_path.write_text(json.dumps(meta))
    assert corpus.index_state() == "outdated"
    report = corpus.ensure_index()
    assert report.rebuilt and "older schema" in (report.reason or "")
    assert corpus.index_state() == "ready"


def test_unreadable_yaml_is_reported_and_the_rest_indexed(store: Path) -> None:
    bad = store / "articles" / "broken.yaml"
    bad.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    corpus = open_corpus(store)
    report = corpus.ensure_index()
    assert [p.path.name for p in report.problems] == ["broken.yaml"]
    assert report.problems[0].line is not None
    assert corpus.stats().articles == 5
    assert [p.path.name for p in corpus.problems()] == ["broken.yaml"]
    # an unchanged broken file is not re-read, but still reported
    again = corpus.ensure_index()
    assert again.added == 0 and corpus.problems()
    # fixing it brings it in
    bad.write_text("id: broken\ntitle: Fixed headline about zebras\n", encoding="utf-8")
    os.utime(bad, ns=(bad.stat().st_atime_ns, bad.stat().st_mtime_ns + 1_000_000_000))
    fixed = corpus.ensure_index()
    assert fixed.updated == 1 and not fixed.problems
    assert corpus.problems() == []
    assert corpus.search("zebras").hits[0].article_id == "broken"


def test_rebuild_on_request(corpus) -> None:
    report = corpus.ensure_index(rebuild=True)
    assert report.rebuilt and report.reason == "asked to rebuild"
    assert corpus.search("Kerry").total > 0


def test_index_dir_can_live_elsewhere(store: Path, tmp_path: Path) -> None:
    corpus = open_corpus(store, tmp_path / "elsewhere")
    corpus.ensure_index()
    assert (tmp_path / "elsewhere" / manifest.META_FILE).exists()
    assert not (store / ".index").exists()
    assert corpus.load_article(KERRY).title.startswith("Kerry says")


def test_parallel_writer_builds_the_same_index(store: Path, monkeypatch) -> None:
    serial = open_corpus(store)
    serial.ensure_index()
    expected = {(h.article_id, h.paragraph) for h in serial.search("Syria", limit=200).hits}
    monkeypatch.setattr(writer, "PARALLEL_FROM", 1)
    monkeypatch.setattr(writer, "BATCH_SIZE", 5)
    parallel = open_corpus(store, store / "parallel-index")
    report = parallel.ensure_index()
    assert report.rebuilt
    assert len(list((store / "parallel-index").glob("*.seg"))) == 2  # both processes wrote
    assert {(h.article_id, h.paragraph) for h in parallel.search("Syria", limit=200).hits} == expected
    # an article is never split between the processes: the jump stays in paragraph order
    assert parallel.mentions("Syria").passages == serial.mentions("Syria").passages
