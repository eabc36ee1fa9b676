"""The manifest is parsed once while it is unchanged, and again as soon as it changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from store.corpus import Corpus
from store.index import writer


def test_an_unchanged_manifest_is_parsed_once(corpus: Corpus) -> None:
    first = writer.read_meta(corpus.index_dir)
    assert first is not None and first["schema_version"] == writer.SCHEMA_VERSION
    assert writer.read_meta(corpus.index_dir) is first


def test_a_manifest_changed_by_someone_else_is_read_again(store: Path, corpus: Corpus) -> None:
    path = corpus.index_dir / writer.META_FILE
    meta = writer.read_meta(corpus.index_dir)
    assert meta is not None
    changed = dict(meta, problems={"x.yaml": [[3, "bad"]]})
    stat = path.stat()
    path.write_text(json.dumps(changed), encoding="utf-8")  # in place: same inode
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    again = writer.read_meta(corpus.index_dir)
    assert again is not None and again["problems"] == {"x.yaml": [[3, "bad"]]}


def test_an_update_leaves_the_remembered_manifest_matching_the_file(store: Path, corpus: Corpus) -> None:
    (store / "articles" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    report = corpus.ensure_index()
    assert [p.path.name for p in report.problems] == ["broken.yaml"]
    remembered = writer.read_meta(corpus.index_dir)
    on_disk = json.loads((corpus.index_dir / writer.META_FILE).read_text(encoding="utf-8"))
    assert remembered == on_disk
    assert "broken.yaml" in on_disk["problems"] and "broken.yaml" in on_disk["files"]
    assert corpus.index_state() == "ready"
    assert [p.path.name for p in corpus.problems()] == ["broken.yaml"]
