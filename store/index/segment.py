"""Whoosh's segment writer with a leaner `add_document` for the passage schema.

Whoosh adds a document field by field through a chain of generators and one
method call per posting (analyzer -> format -> field -> writer -> posting pool).
For a word field (`WordPositions`, store.index.schema) this writer builds the
postings in one loop from `WordAnalyzer.positions`, and hands the pool one list
per document: the same postings, weights and stored values as
`SegmentWriter.add_document` (tests/index/test_segment.py compares the two),
in about half the time. Everything else (other fields, the per-document values,
commit, merging) is Whoosh's own.
"""

from __future__ import annotations

from typing import Any

from whoosh.multiproc import SubWriterTask
from whoosh.writing import SegmentWriter

from store.index.analysis import WordAnalyzer
from store.index.schema import WordPositions

POSTING_SIZE = 150
"""Whoosh's estimate of a posting tuple's memory before its strings (writing.PostingPool.add)."""

_ONCE: dict[int, bytes] = {}
"""Position -> the encoded value of a word seen once, at that position (a few
hundred distinct values: pickling each posting's one-item list was a tenth of the time)."""


class PassageSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """`SegmentWriter` whose `add_document` builds word postings in one loop."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
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
                            vbytes = once.get(positions[0]) or once.setdefault(
                                positions[0], encode(positions)
                            )
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
