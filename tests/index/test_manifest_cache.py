"""The manifest is parsed once while it is unchanged, and again as soon as it changes."""

from __future__ import annotations

import json
import marshal
import os
from pathlib import Path

import pytest

from store.corpus import Corpus
from store.index import manifest


def test_an_unchanged_manifest_is_parsed_once(corpus: Corpus) -> None:
    first = manifest.read_meta(corpus.index_dir)
    assert first is not None and first["schema_version"] == manifest.SCHEMA_VERSION
    assert len(first["files"]) == 5
    assert manifest.read_meta(corpus.index_dir) is first


def test_a_manifest_changed_by_someone_else_is_read_again(store: Path, corpus: Corpus) -> None:
    path = corpus.index_dir / manifest.MANIFEST_FILE
    meta = manifest.read_meta(corpus.index_dir)
    assert meta is not None
    stat = path.stat()
    path.write_bytes(
        marshal.dumps({"files": meta["files"], "problems": {"x.yaml": [[3, "bad"]]}})
    )  # in place
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    again = manifest.read_meta(corpus.index_dir)
    assert again is not None and again["problems"] == {"x.yaml": [[3, "bad"]]}


def test_an_update_leaves_the_remembered_manifest_matching_the_files(store: Path, corpus: Corpus) -> None:
    (store / "articles" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    report = corpus.ensure_index()
    assert [p.path.name for p in report.problems] == ["broken.yaml"]
    remembered = manifest.read_meta(corpus.index_dir)
    manifest._meta_cache.clear()
    on_disk = manifest.read_meta(corpus.index_dir)
    assert remembered == on_disk and on_disk is not None
    assert "broken.yaml" in on_disk["problems"] and "broken.yaml" in on_disk["files"]
    head = json.loads((corpus.index_dir / manifest.META_FILE).read_text(encoding="utf-8"))
    assert head["schema_version"] == manifest.SCHEMA_VERSION
    assert corpus.index_state() == "ready"
    assert [p.path.name for p in corpus.problems()] == ["broken.yaml"]


def test_a_garbled_manifest_means_a_rebuild(store: Path, corpus: Corpus) -> None:
    (corpus.index_dir / manifest.MANIFEST_FILE).write_bytes(b"\x00garbage")
    manifest._meta_cache.clear()
    assert corpus.index_state() == "missing"
    report = corpus.ensure_index()
    assert report.rebuilt and "cannot be read" in (report.reason or "")
    assert corpus.index_state() == "ready"
    assert corpus.search("Lavrov").total > 0


def test_a_small_update_writes_only_the_journal(store: Path, corpus: Corpus) -> None:
    full = corpus.index_dir / manifest.MANIFEST_FILE
    before = full.stat().st_ino
    (store / "articles" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    corpus.ensure_index()
    assert full.stat().st_ino == before  # the full manifest was not rewritten
    journal = marshal.loads((corpus.index_dir / manifest.CHANGES_FILE).read_bytes())
    assert list(journal["files"]) == ["broken.yaml"]
    (store / "articles" / "broken.yaml").unlink()
    corpus.ensure_index()
    journal = marshal.loads((corpus.index_dir / manifest.CHANGES_FILE).read_bytes())
    assert journal["files"] == {"broken.yaml": None} and journal["problems"] == {}
    manifest._meta_cache.clear()
    meta = manifest.read_meta(corpus.index_dir)
    assert meta is not None and "broken.yaml" not in meta["files"] and len(meta["files"]) == 5
    assert corpus.index_state() == "ready"


def test_a_long_journal_is_folded_into_the_full_manifest(
    store: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manifest, "JOURNAL_LIMIT", 1)
    for number in range(2):
        (store / "articles" / f"broken-{number}.yaml").write_text("title: [\n", encoding="utf-8")
        corpus.ensure_index()
    assert not (corpus.index_dir / manifest.CHANGES_FILE).exists()
    manifest._meta_cache.clear()
    meta = manifest.read_meta(corpus.index_dir)
    assert meta is not None and {"broken-0.yaml", "broken-1.yaml"} <= set(meta["problems"])
    assert len(meta["files"]) == 7


def test_an_article_the_manifest_forgot_is_not_indexed_twice(store: Path, corpus: Corpus) -> None:
    """A crash between the index commit and the manifest leaves an indexed article the
    manifest does not know: the next update sees it as new, and must replace it."""
    before = corpus.search("Lavrov").total
    meta = manifest.read_meta(corpus.index_dir)
    assert meta is not None
    files = {name: stamp for name, stamp in meta["files"].items() if "lavrov" not in name}
    (corpus.index_dir / manifest.MANIFEST_FILE).write_bytes(marshal.dumps({"files": files, "problems": {}}))
    manifest._meta_cache.clear()
    assert corpus.ensure_index().added == 1
    assert corpus.search("Lavrov").total == before
