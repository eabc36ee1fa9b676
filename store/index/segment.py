"""Whoosh's segment writer with a leaner `add_document` for the passage schema.

Whoosh adds a document field by field through a chain of generators and one
method call per posting (analyzer -> format -> field -> writer -> posting pool).
For a word field (`WordPositions`, store.index.schema) this writer builds the
postings in one loop from `WordAnalyzer.positions`, and hands the pool one list
per document: the same postings, weights and stored values as
`SegmentWriter.add_document` (tests/index/test_segment.py compares the two),
in about half the time. Everything else (other fields, the per-document values,
commit, merging) is Whoosh's own.

The writer writes with `PassageCodec` (store.index.codec: Whoosh's files, read
faster) and sorts its postings in a `PassagePostingPool`, Whoosh's pool with cheaper
spilled runs. `install_passage_pool` puts the same pool into Whoosh's two-process
writer (store.index.writer).
"""

from __future__ import annotations

import marshal
import struct
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from whoosh.multiproc import SubWriterTask
from whoosh.writing import PostingPool, SegmentWriter

from store.index.analysis import WordAnalyzer
from store.index.codec import PassageCodec
from store.index.schema import WordPositions

POSTING_SIZE = 150
"""Whoosh's estimate of a posting tuple's memory before its strings (writing.PostingPool.add)."""

_ONCE: dict[int, bytes] = {}
"""Position -> the encoded value of a word seen once, at that position (a few
hundred distinct values: pickling each posting's one-item list was a tenth of the time).
Each posting gets a copy (a fifth of the cost of encoding): Whoosh pickles a block's
values together, and a value object shared by several postings would be written once
per block, making the posting file differ from Whoosh's (smaller, and dependent on
when the pool spilled a run)."""


RUN_CHUNK = 4096
"""Postings per marshalled list in a spilled run: while runs are merged, each open
run holds one list in memory (a few hundred KB)."""
_LENGTH = struct.Struct("<I")
"""Each list is written as its length, then its marshalled bytes (`marshal.load` on a
file reads it a few bytes at a time, which costs more than pickling did)."""


class PassagePostingPool(PostingPool):  # type: ignore[misc]
    """Whoosh's posting pool with cheaper spilled runs.

    The pool sorts postings in memory and spills sorted runs to temporary files when
    it passes `limitmb`; Whoosh writes and reads a run one `pickle.dump`/`pickle.load`
    per posting (17 s of a 5,000-article build). Here a run is a sequence of
    marshalled lists of a few thousand postings (the same tuples), a few C calls per
    chunk. Runs live only in the writer's temporary folder for one commit, and are
    written and read by the same pool class (a worker's runs are read by the parent
    writer only when its segments are merged into one, which store.index.writer does
    not ask for; `install_passage_pool` gives the parent the same pool anyway).

    `add` (Whoosh's merging path; our `add_document` fills `current` itself) keeps
    Whoosh's size estimate without its type assertions: our analyzers produce the
    bytes it checks for."""

    @classmethod
    def like(cls, pool: PostingPool) -> PassagePostingPool:
        """An empty pool with `pool`'s temporary storage, segment and memory limit."""
        ours = cls(pool.tempstore, pool.segment)
        ours.limit = pool.limit
        return ours

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        # item = (fieldname, term bytes, docnum, weight, value bytes or None)
        self.fieldnames.add(item[0])
        self.currentsize += POSTING_SIZE + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        iterator = iter(items)
        try:
            while chunk := list(islice(iterator, RUN_CHUNK)):
                data = marshal.dumps(chunk)
                f.write(_LENGTH.pack(len(data)))
                f.write(data)
        finally:
            f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while header := f.read(_LENGTH.size):
                yield from marshal.loads(f.read(_LENGTH.unpack(header)[0]))
        finally:
            f.close()
            self._remove_run(path)


def install_passage_pool(writer: SegmentWriter) -> None:
    """Give a fresh Whoosh writer a `PassagePostingPool` in place of its own (empty) pool."""
    if writer.pool.current or writer.pool.runs:
        raise ValueError("install_passage_pool needs a writer that has not added anything yet")
    writer.pool = PassagePostingPool.like(writer.pool)


class PassageSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """`SegmentWriter` whose `add_document` builds word postings in one loop, writing
    with `PassageCodec` into a `PassagePostingPool`."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", PassageCodec())
        super().__init__(ix, **kwargs)
        install_passage_pool(self)
        # the fused path covers what our schema uses; a schema with term vectors or a
        # separate spelling field (not ours) is written by Whoosh's own method
        self._plain_schema = not any(
            field.vector or field.separate_spelling() for _, field in self.schema.items()
        )

    def add_document(self, **fields: Any) -> None:
        if not self._plain_schema:
            super().add_document(**fields)
            return
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        perdocwriter = self.perdocwriter
        pool = self.pool
        seen_fields = pool.fieldnames

        docboost = float(fields["_boost"]) if "_boost" in fields else 1.0
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        self._check_fields(schema, fieldnames)

        postings: list[tuple[str, bytes, int, float, bytes | None]] = []
        size = 0
        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                boostkw = f"_{fieldname}_boost"
                fieldboost = float(fields[boostkw]) if boostkw in fields else docboost
                seen_fields.add(fieldname)
                fmt = field.format
                analyzer = field.analyzer
                if type(fmt) is WordPositions and type(value) is str and isinstance(analyzer, WordAnalyzer):
                    encode = fmt.encode
                    once = _ONCE
                    format_boost = fmt.field_boost
                    namesize = POSTING_SIZE + len(fieldname)
                    for word, positions in analyzer.positions(value).items():
                        count = len(positions)
                        tbytes = word.encode("utf-8")
                        if count == 1:  # most words occur once in a passage
                            shared = once.get(positions[0]) or once.setdefault(
                                positions[0], encode(positions)
                            )
                            vbytes = bytes(bytearray(shared))
                        else:
                            vbytes = encode(positions)
                        # the weight as Whoosh computes it: count * 1.0 * field boost * boost
                        postings.append(
                            (fieldname, tbytes, docnum, count * format_boost * fieldboost, vbytes)
                        )
                        size += namesize + 2 * len(tbytes) + len(vbytes)
                        if field.scorable:
                            length += count
                else:
                    for tbytes, freq, weight, vbytes in field.index(value):
                        postings.append((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
                        size += POSTING_SIZE + len(fieldname) + 2 * len(tbytes) + len(vbytes or b"")
                        if field.scorable:
                            length += freq

            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            column = field.column_type
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        perdocwriter.finish_doc()

        if postings:
            if pool.currentsize + size > pool.limit and pool.current:
                pool.save()  # sorts and spills the postings so far as a run (resets currentsize)
            pool.current.extend(postings)
            pool.currentsize += size
        self._added = True
        self.docnum += 1


class PassageSubWriterTask(SubWriterTask):  # type: ignore[misc]
    """Whoosh's writer process, writing its segment with `PassageSegmentWriter`."""

    def run(self) -> None:
        # SubWriterTask.run, with the writer class swapped
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = PassageSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            jobinfo = self.jobqueue.get()
            if jobinfo is None:
                break
            self._process_file(*jobinfo)
        if not self.running:
            writer.cancel()
            return
        if self.multisegment:
            fieldnames = writer.pool.fieldnames
            segment = writer._finalize_segment()
            self.resultqueue.put((None, fieldnames, segment), timeout=5)
        else:
            from whoosh.multiproc import finish_subsegment

            runname, fieldnames, segment = finish_subsegment(writer, self.kwargs.get("k", 64))
            self.resultqueue.put((runname, fieldnames, segment), timeout=5)
