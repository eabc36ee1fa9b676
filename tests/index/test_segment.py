"""The index writer's shortcuts give the index Whoosh itself would write.

store.index.segment builds word postings in one loop and its posting pool stores
spilled runs its own way; both must leave every posting, weight,
stored field and column exactly as Whoosh 2.7.4 writes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from store.index.documents import article_documents
from store.index.schema import make_schema
from store.index.segment import PassageSegmentWriter
from store.yamlio.load import iter_article_files, load_article
from tests.index.conftest import FIXTURE_STORE


def _documents() -> list[list[dict[str, Any]]]:
    articles = [load_article(path) for path in iter_article_files(FIXTURE_STORE / "articles")]
    assert len(articles) >= 5
    return [article_documents(article, article.id) for article in articles]


def _write(folder: Path, writer_class: type, limitmb: float) -> Any:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    writer = writer_class(ix, limitmb=limitmb)
    for documents in _documents():
        with writer.group():
            for document in documents:
                writer.add_document(**document)
    writer.commit()
    return ix


def _contents(ix: Any) -> dict[str, Any]:
    with ix.reader() as reader:
        postings = []
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            while matcher.is_active():
                postings.append((fieldname, term, matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
        stored = [reader.stored_fields(docnum) for docnum in range(reader.doc_count_all())]
        columns = {
            name: list(reader.column_reader(name)) for name in ("date", "nquotes") if reader.has_column(name)
        }
    return {"postings": postings, "stored": stored, "columns": columns}


@pytest.mark.parametrize("limitmb", [64, 0.01], ids=["in memory", "spilled runs"])
def test_passage_writer_writes_what_whoosh_writes(tmp_path: Path, limitmb: float) -> None:
    """0.01 MB makes the pool spill a run every few documents, so the run format and
    the merge of runs are exercised too."""
    ours = _contents(_write(tmp_path / "ours", PassageSegmentWriter, limitmb))
    whoosh = _contents(_write(tmp_path / "whoosh", SegmentWriter, 64))
    assert len(ours["postings"]) > 1000
    assert any(weight != int(weight) for *_, weight, _ in ours["postings"])  # boosts are in
    assert ours == whoosh
