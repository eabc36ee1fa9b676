"""One side of the stock-Whoosh comparison, run in its own process (tests/index/test_stock_whoosh.py).

    python -m tests.index.stock_vs_ours ours FOLDER           builds and reads an index, prints JSON
    python -m tests.index.stock_vs_ours stock FOLDER OURS     the same, and reads OURS too
    python -m tests.index.stock_vs_ours version|tampered|undo  checks the patch's guard

`stock` writes with Whoosh's `SegmentWriter` (codec `W3Codec`, Whoosh's posting pool)
and reads with Whoosh's matchers, collector and OR loops, nothing of newsdesk but the
schema and the weighting; it also reads the index `ours` wrote, through the codec its
segments name (`PassageCodec`: our posting blocks), with Whoosh's searcher and
collector, and checks that `W3Codec` refuses those postings rather than misread them.
`ours` writes with `PassageSegmentWriter` (`PassageCodec`,
`PassagePostingPool`), applies store.index.whoosh_fixes and reads through
`PassageSearcher`, `top_by_score` and `matching_docnums`. Both print what they wrote and what they found.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import threading
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC
from whoosh.matching import binary
from whoosh.reading import MultiReader, SegmentReader
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from store.index.schema import make_schema
from store.index.scoring import PassageWeighting

DOCUMENTS = 3000
POOL_MB = 0.05
"""Small enough for the posting pool to spill several sorted runs per segment."""
LOOP_WAIT = 1.5
"""Seconds a skip_to_quality may take before it counts as looping (it takes microseconds)."""
TERMS = ["common", "mid", "rare", "level", "odd", "seventh"]


def _text(number: int) -> str:
    words = ["common"]
    if number % 3 == 0:
        words.append("mid")
    if number % 7 == 0:
        words.append("rare rare seventh")
    if number % 11 == 0:
        words.append("common")  # a higher weight
    if number % 3 == 1:
        words.append("level")  # only with boost 1.3: many matches tie at the best score
    if number % 2:
        words.append("odd")
    words.append(f"w{number % 97}")  # a few hundred distinct words, short posting lists
    return " ".join(words)


def build(folder: Path, writer_class: type) -> list[int]:
    """Two segments and deletions in both; returns the runs each segment's pool spilled."""
    ix = whoosh_index.create_in(str(folder), make_schema())
    spilled = []
    for seed, start in enumerate((0, DOCUMENTS // 2)):  # two segments
        random.seed(seed)  # the segment's name: the same on both sides
        writer = writer_class(ix, limitmb=POOL_MB)
        for number in range(start, start + DOCUMENTS // 2):
            boost = {0: 1.0, 1: 1.3, 2: 2.0}[number % 3]  # 1.3 and 2.6 are not exact in float32
            writer.add_document(
                article_id=f"a{number}",
                paragraph=number % 9,
                kind="text",
                text=_text(number),
                date=730_000 + number // 10,
                entity="PERSON\x1fAda\x1ePLACE\x1fOslo" if number % 5 == 1 else None,
                _text_boost=boost,
            )
        spilled.append(len(writer.pool.runs))
        writer.commit()
    random.seed(2)
    writer = writer_class(ix)
    for number in range(0, DOCUMENTS, 5):  # deletions in both segments
        writer.delete_by_term("article_id", f"a{number}")
    writer.commit(merge=False)
    return spilled


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def files(folder: Path) -> dict[str, Any]:
    """sha256 of every file, and of every file inside a segment's compound file, whose
    directory is compared without the times it records; what the table of contents says."""
    storage = FileStorage(str(folder))
    written: dict[str, Any] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".seg":
            compound = CompoundStorage(storage.open_file(path.name), use_mmap=False)
            # the postings file (.pst) is the one PassageCodec lays out its own way, and
            # the term index (.trm) records where each list lies in it: both are compared
            # by what they read back ("postings", "terms"); the compound file's directory
            # (offsets, lengths) follows from their sizes
            written[path.name] = {
                "files": sorted(compound.list()),
                "options": compound._options,
                **{
                    name: _sha(compound.open_file(name).read())
                    for name in sorted(compound.list())
                    if not name.endswith((".pst", ".trm"))
                },
            }
        elif path.suffix != ".toc":
            written[path.name] = _sha(path.read_bytes())
    toc = TOC.read(storage, "MAIN")
    segments = [
        {
            "id": segment.segment_id(),
            "documents": segment.doc_count_all(),
            "deleted": sorted(segment.deleted_docs()),
            "codec": type(segment.codec()).__name__,
        }
        for segment in toc.segments
    ]
    return {"files": written, "segments": segments, "schema": sorted(toc.schema.names())}


QUERIES: dict[str, wq.Query] = {
    "and": wq.And([wq.Term("text", "common"), wq.Term("text", "rare")]),
    "and3": wq.And([wq.Term("text", "odd"), wq.Term("text", "mid"), wq.Term("text", "seventh")]),
    "or": wq.Or([wq.Term("text", "rare"), wq.Term("text", "level")]),
    "or_common": wq.Or([wq.Term("text", "w5"), wq.Term("text", "common")]),
    "not": wq.And([wq.Term("text", "mid"), wq.Not(wq.Term("text", "odd"))]),
    "and_not": wq.AndNot(wq.Term("text", "level"), wq.Term("text", "rare")),
    "and_maybe": wq.AndMaybe(wq.Term("text", "seventh"), wq.Term("text", "odd")),
    "prefix": wq.Prefix("text", "w1"),
    "fuzzy": wq.FuzzyTerm("text", "levek"),
    "phrase": wq.Phrase("text", ["rare", "rare"]),
    "entity": wq.Term("entity", "PERSON\x1fAda"),
    "common": wq.Term("text", "common"),
    "level": wq.Term("text", "level"),
}


def read(reader: Any, top20: Any, docs: Any) -> dict[str, Any]:
    def article(docnum: int) -> str:
        return str(reader.stored_fields(docnum)["article_id"])

    leaf = reader.leaf_readers()[0][0].postings("text", "common")
    postings = {}
    for term in TERMS:
        matcher = reader.postings("text", term)
        found = []
        while matcher.is_active():
            found.append([matcher.id(), matcher.weight(), matcher.value().hex()])
            matcher.next()
        postings[term] = found
    skipped = {}
    for term in ("common", "odd"):  # skip_to across blocks and within them
        matcher = reader.postings("text", term)
        landed = []
        for target in range(1, DOCUMENTS, 173):
            if not matcher.is_active():
                break
            matcher.skip_to(target)
            if matcher.is_active():
                landed.append(matcher.id())
        skipped[term] = landed
    terms = []  # every term of each segment with its statistics (the .trm beside offsets)
    for segment, _ in reader.leaf_readers():
        for field, text in segment.all_terms():
            info = segment.term_info(field, text)
            terms.append(
                [field, text.hex(), info.doc_frequency(), info.weight(), info.max_weight()]
                + [info.min_id(), info.max_id(), info.min_length(), info.max_length()]
            )
    return {
        "terms": terms,
        "postings": postings,
        "skip_to": skipped,
        "matcher": type(getattr(leaf, "child", leaf)).__name__,  # inside the deletions filter
        "lengths": [reader.doc_field_length(docnum, "text") for docnum in range(0, DOCUMENTS, 97)],
        "dates": list(reader.column_reader("date"))[::97],
        "documents": {name: sorted(article(d) for d in docs(q)) for name, q in QUERIES.items()},
        "top20": {name: [[article(d), round(s, 6)] for d, s in top20(q)] for name, q in QUERIES.items()},
    }


class StuckMatcher:
    """A sub-matcher that declines to skip while its block could still reach the bar."""

    def __init__(self, quality: float) -> None:
        self.quality = quality
        self.active = True

    def is_active(self) -> bool:
        return self.active

    def block_quality(self) -> float:
        return self.quality

    def id(self) -> int:
        return 0

    def skip_to(self, docnum: int) -> None:
        return None

    def skip_to_quality(self, minquality: float) -> int:
        if self.quality > minquality:
            return 0
        self.active = False  # skipped to its end
        return 1


def loops() -> dict[str, bool]:
    """Whether each OR matcher's skip_to_quality still runs after LOOP_WAIT on parts that
    cannot skip: a + b <= m while a > m - b, in floating point (`seee~` at 10,000)."""
    a, b = 0.6718212205620061, 8.576834622439739
    found = {}
    for kind in ("UnionMatcher", "AndMaybeMatcher"):
        matcher = getattr(binary, kind)(StuckMatcher(a), StuckMatcher(b))
        worker = threading.Thread(target=matcher.skip_to_quality, args=(a + b,), daemon=True)
        worker.start()
        worker.join(LOOP_WAIT)
        found[kind] = worker.is_alive()
    return found


def stock_read(reader: Any) -> dict[str, Any]:
    with Searcher(reader, weighting=PassageWeighting()) as searcher:

        def top20(q: wq.Query) -> list[tuple[int, float]]:
            return [(hit.docnum, hit.score) for hit in searcher.search(q, limit=20)]

        return read(searcher.reader(), top20, searcher.docs_for_query)


def stock(folder: Path, ours_folder: Path) -> dict[str, Any]:
    spilled = build(folder, SegmentWriter)
    found = stock_read(whoosh_index.open_dir(str(folder)).reader())
    # our index, its postings read through the codec its segments name (PassageCodec:
    # our block layout), by Whoosh's own searcher, collector and OR loops
    found_in_ours = stock_read(whoosh_index.open_dir(str(ours_folder)).reader())
    # Whoosh's own codec refuses our postings instead of misreading them
    ix = whoosh_index.open_dir(str(ours_folder))
    toc = ix._read_toc()
    w3 = MultiReader([SegmentReader(ix.storage, toc.schema, s, codec=W3Codec()) for s in toc.segments])
    try:
        w3.postings("text", "common")
        refused = ""
    except Exception as exc:  # Whoosh raises a bare Exception("Block tag error ...")
        refused = str(exc)
    return {
        **files(folder),
        **found,
        "stock_reads_ours": found_in_ours,
        "w3_refuses_ours": refused,
        "spilled": spilled,
        "loops": loops(),
    }


def ours(folder: Path) -> dict[str, Any]:
    from store.index.collect import matching_docnums, top_by_score
    from store.index.expand import Budget
    from store.index.searcher import PassageSearcher
    from store.index.segment import PassageSegmentWriter

    spilled = build(folder, PassageSegmentWriter)
    searcher = PassageSearcher(folder)  # applies store.index.whoosh_fixes

    def top20(q: wq.Query) -> list[tuple[int, float]]:
        collected = top_by_score(searcher.get(), q, 20, budget=Budget(600.0))
        assert collected.complete
        return list(zip(collected.docnums, collected.scores, strict=True))

    def docs(q: wq.Query) -> list[int]:
        return list(matching_docnums(searcher.get(), q))

    found = read(searcher.get().reader(), top20, docs)
    searcher.close()
    return {**files(folder), **found, "spilled": spilled, "loops": loops()}


def guard(case: str) -> dict[str, Any]:
    """What store.index.whoosh_fixes.apply does when Whoosh is not what it expects."""
    import whoosh

    from store.index import whoosh_fixes

    kinds = ("UnionMatcher", "AndMaybeMatcher")

    def method(kind: str) -> Any:
        return getattr(binary, kind).__dict__["skip_to_quality"]

    originals = {kind: method(kind) for kind in kinds}
    if case == "version":
        whoosh.__version__ = (2, 7, 5)
    elif case == "tampered":
        source = originals["AndMaybeMatcher"]
        binary.AndMaybeMatcher.skip_to_quality = lambda self, minquality: source(self, minquality)
    try:
        whoosh_fixes.apply()
    except whoosh_fixes.WhooshPatchError as exc:
        kept = method("UnionMatcher") is originals["UnionMatcher"]
        return {"refused": str(exc), "applied": whoosh_fixes.applied(), "UnionMatcher_kept": kept}
    replaced = {kind: method(kind) is not originals[kind] for kind in kinds}
    looped = loops()
    whoosh_fixes.undo()
    restored = {kind: method(kind) is originals[kind] for kind in kinds}
    return {"replaced": replaced, "loops": looped, "restored": restored, "applied": whoosh_fixes.applied()}


def main() -> None:
    mode = sys.argv[1]
    if mode == "stock":
        result = stock(Path(sys.argv[2]), Path(sys.argv[3]))
    elif mode == "ours":
        result = ours(Path(sys.argv[2]))
    else:
        result = guard(mode)
    print(json.dumps(result), flush=True)
    os._exit(0)  # without waiting for a looping daemon thread of `loops()`


if __name__ == "__main__":
    main()
