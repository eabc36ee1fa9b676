"""Reading long posting lists through our codec (store.index.codec), collector
(store.index.collect) and the fast paths of store.index.searcher gives what Whoosh's
own search gives. (tests/index/test_stock_whoosh.py compares with stock Whoosh in a
separate process, and covers the OR loop fix of store.index.whoosh_fixes.)

The fixture store's posting lists fit in one block of 128; here terms span dozens of
blocks, some documents are deleted, and weights tie at the top (the case where
Whoosh's own collector never skipped a block)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq

from store.index.collect import top_by_score
from store.index.expand import Budget
from store.index.schema import make_schema
from store.index.scoring import PassageWeighting
from store.index.searcher import PassageSearcher
from store.index.segment import PassageSegmentWriter

DOCUMENTS = 3000


def _text(number: int) -> str:
    words = ["common"]
    if number % 3 == 0:
        words.append("mid")
    if number % 7 == 0:
        words.append("rare rare")
    if number % 11 == 0:
        words.append("common")  # a higher weight
    if number % 3 == 1:
        words.append("level")  # only with boost 1.3: every match has the same score
    return " ".join(words)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("blocks")
    ix = whoosh_index.create_in(str(folder), make_schema())
    for start in (0, DOCUMENTS // 2):  # two segments
        writer = PassageSegmentWriter(ix)
        for number in range(start, start + DOCUMENTS // 2):
            boost = {0: 1.0, 1: 1.3, 2: 2.0}[number % 3]  # 1.3 and 2.6 are not exact in float32
            writer.add_document(
                article_id=f"a{number}", paragraph=0, kind="text", text=_text(number), _text_boost=boost
            )
        writer.commit()
    writer = PassageSegmentWriter(ix)
    for number in range(0, DOCUMENTS, 5):  # deletions in both segments
        writer.delete_by_term("article_id", f"a{number}")
    writer.commit(merge=False)
    return folder


@pytest.fixture(scope="module")
def searcher(index_dir: Path) -> PassageSearcher:
    return PassageSearcher(index_dir)


def _alive() -> set[int]:
    return {number for number in range(DOCUMENTS) if number % 5}


def _article_numbers(reader: PassageSearcher, docnums: list[int]) -> list[int]:
    return [int(fields["article_id"][1:]) for fields in reader.stored(docnums)]


def test_the_index_has_long_posting_lists_and_deletions(searcher: PassageSearcher) -> None:
    reader = searcher.get().reader()
    assert reader.doc_frequency("text", "common") > 20 * 128
    assert len(list(reader.leaf_readers())) == 2 and reader.has_deletions()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["common", "rare"], {n for n in _alive() if n % 7 == 0}),
        (["mid", "rare"], {n for n in _alive() if n % 21 == 0}),
        (["common", "mid"], {n for n in _alive() if n % 3 == 0}),
    ],
)
def test_and_of_long_lists_finds_every_match(
    searcher: PassageSearcher, words: list[str], expected: set[int]
) -> None:
    q = wq.And([wq.Term("text", word) for word in words])
    docnums = sorted(searcher.get().docs_for_query(q))
    assert set(_article_numbers(searcher, docnums)) == expected


@pytest.mark.parametrize("word", ["common", "mid", "rare"])
def test_posting_ids_are_all_ids(searcher: PassageSearcher, word: str) -> None:
    whoosh = list(searcher.get().postings("text", word).all_ids())
    assert searcher.posting_ids("text", word) == whoosh
    assert len(whoosh) > 100


@pytest.mark.parametrize("query", ["common", "mid", "rare", "level", "common mid"])
def test_top_twenty_with_block_skipping_is_the_true_top_twenty(searcher: PassageSearcher, query: str) -> None:
    words = query.split()
    q = wq.And([wq.Term("text", w) for w in words]) if len(words) > 1 else wq.Term("text", words[0])
    plain = searcher.get().search(q, limit=None)  # scores every match
    best = sorted(((round(hit.score, 9), -hit.docnum) for hit in plain), reverse=True)[:20]
    collected = top_by_score(searcher.get(), q, 20, budget=Budget(60.0))
    assert collected.complete
    assert [round(score, 9) for score in collected.scores] == [score for score, _ in best]
    assert collected.docnums == [-negated for _, negated in best]


def test_blocks_of_tied_best_scores_are_skipped(
    searcher: PassageSearcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every match of "level" has the same score (weight 1.3, not exact in float32): once
    the first 20 are in, every further block is skipped rather than read and scored."""
    from store.index.codec import PassageLeafMatcher

    read: list[int] = []
    original = PassageLeafMatcher.block_arrays

    def block_arrays(self: PassageLeafMatcher) -> Any:
        read.append(self._blocklength)
        return original(self)

    monkeypatch.setattr(PassageLeafMatcher, "block_arrays", block_arrays)
    top_by_score(searcher.get(), wq.Term("text", "level"), 20, budget=Budget(60.0))
    matches = searcher.get().reader().doc_frequency("text", "level")
    assert matches > 5 * 128
    assert read and sum(read) <= 2 * 128
    assert isinstance(searcher.get().weighting, PassageWeighting)
