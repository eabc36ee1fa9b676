"""Per-passage arrays for the views, read in bulk once per index version.

Whoosh answers "which passages hold this term"; the views also need the other
way round: which entities a passage names, who is quoted in it, its date and its
publisher. Those are written at index time into columns (store.index.schema;
ids from store.index.name_ids) and read here a segment at a time, straight from
the column files into numpy arrays: about 0.1 s at 100,000 articles, then
every view is array arithmetic over the passages it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from store.index.collect import UNDATED

IntArray = npt.NDArray[np.int64]


@dataclass
class Forward:
    """Every passage of one index version, by global docnum (deleted ones included)."""

    dates: IntArray
    """Article day number (date.toordinal()), UNDATED for none."""
    starts: IntArray
    """Docnums of the live headline passages, ascending: an article's passages follow it."""
    live: IntArray
    """Docnums of the live (not deleted) passages, ascending."""
    entity_offsets: IntArray
    """entity_ids[entity_offsets[d]:entity_offsets[d + 1]] are the entities passage d names."""
    entity_ids: IntArray
    speaker_offsets: IntArray
    """speaker_ids[speaker_offsets[d]:speaker_offsets[d + 1]]: one id per quote of passage d."""
    speaker_ids: IntArray
    source_ids: IntArray
    """The publisher's id per passage (0 for none)."""

    def quoted(self) -> IntArray:
        """Docnums of the live passages holding a quote."""
        holds = np.diff(self.speaker_offsets) > 0
        return np.flatnonzero(holds)[np.isin(np.flatnonzero(holds), self.live, assume_unique=True)]

    def article_of(self, docnums: IntArray) -> IntArray:
        """The position in `starts` of each passage's article."""
        return np.searchsorted(self.starts, docnums, side="right") - 1

    def entities_of(self, docnums: IntArray) -> tuple[IntArray, IntArray]:
        """(owner docnum, entity id) for every entity the passages name."""
        return _gather(self.entity_offsets, self.entity_ids, docnums)

    def speakers_of(self, docnums: IntArray) -> tuple[IntArray, IntArray]:
        """(owner docnum, speaker id) for every quote of the passages."""
        return _gather(self.speaker_offsets, self.speaker_ids, docnums)


def distinct(values: IntArray) -> IntArray:
    """The distinct values, sorted (a sort and a mask: numpy's `unique` hashes integers,
    ten times slower here)."""
    if len(values) < 2:
        return values
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _gather(offsets: IntArray, values: IntArray, docnums: IntArray) -> tuple[IntArray, IntArray]:
    begin = offsets[docnums]
    lengths = offsets[docnums + 1] - begin
    total = int(lengths.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    ends = np.cumsum(lengths)
    index = np.arange(total, dtype=np.int64) - np.repeat(ends - lengths, lengths) + np.repeat(begin, lengths)
    return np.repeat(docnums, lengths), values[index]


def load_forward(reader: Any, dates: Any, starts: Any) -> Forward:
    """Read the view columns of every segment of `reader` (a Whoosh multi-reader or
    segment reader). `dates` and `starts` come from PassageSearcher (read already)."""
    entity_parts: list[tuple[IntArray, IntArray]] = []
    speaker_parts: list[tuple[IntArray, IntArray]] = []
    sources: list[IntArray] = []
    live: list[IntArray] = []
    for leaf, offset in reader.leaf_readers():
        count = leaf.doc_count_all()
        entity_parts.append(_var_ids(leaf, "entity_ids", count))
        speaker_parts.append(_var_ids(leaf, "speaker_ids", count))
        sources.append(_fixed_ids(leaf, "source_id", count))
        docs = np.arange(offset, offset + count, dtype=np.int64)
        if leaf.has_deletions():
            deleted = np.fromiter(leaf.segment().deleted_docs(), dtype=np.int64) + offset
            docs = np.setdiff1d(docs, deleted, assume_unique=True)
        live.append(docs)
    entity_offsets, entity_ids = _join(entity_parts)
    speaker_offsets, speaker_ids = _join(speaker_parts)
    return Forward(
        dates=np.asarray(dates, dtype=np.int64),
        starts=np.asarray(starts, dtype=np.int64),
        live=np.concatenate(live) if live else np.zeros(0, dtype=np.int64),
        entity_offsets=entity_offsets,
        entity_ids=entity_ids,
        speaker_offsets=speaker_offsets,
        speaker_ids=speaker_ids,
        source_ids=np.concatenate(sources) if sources else np.zeros(0, dtype=np.int64),
    )


def _join(parts: list[tuple[IntArray, IntArray]]) -> tuple[IntArray, IntArray]:
    """Per-segment (lengths in ids, ids) -> global (offsets, ids)."""
    lengths = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    ids = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    return offsets, ids


def _var_ids(leaf: Any, fieldname: str, count: int) -> tuple[IntArray, IntArray]:
    """A VarBytesColumn of packed ids: (ids per document, all ids in document order)."""
    if not leaf.has_column(fieldname):
        return np.zeros(count, dtype=np.int64), np.zeros(0, dtype=np.int64)
    column = leaf.column_reader(fieldname, translate=False)
    try:
        lengths = np.asarray(column._lengths, dtype=np.int64)
        data = column._dbfile.get(column._basepos, int(lengths.sum())) if lengths.sum() else b""
    except AttributeError:  # another column layout: value by value
        values = [column[docnum] for docnum in range(count)]
        lengths = np.array([len(v) for v in values], dtype=np.int64)
        data = b"".join(values)
    ids = np.frombuffer(data, dtype="<i8").astype(np.int64)
    lengths = np.concatenate([lengths, np.zeros(max(count - len(lengths), 0), dtype=np.int64)])
    return lengths[:count] // 8, ids


def _fixed_ids(leaf: Any, fieldname: str, count: int) -> IntArray:
    """A NumericColumn("q") as an array (Whoosh writes it big-endian)."""
    if not leaf.has_column(fieldname):
        return np.zeros(count, dtype=np.int64)
    column = leaf.column_reader(fieldname, translate=False)
    try:
        data = column._dbfile.get(column._basepos, column._count * column._fixedlen)
        values = np.frombuffer(data, dtype=">i8").astype(np.int64)
    except AttributeError:
        values = np.array([column[docnum] for docnum in range(count)], dtype=np.int64)
    if len(values) < count:
        values = np.concatenate([values, np.zeros(count - len(values), dtype=np.int64)])
    return values[:count]


def undated_mask(dates: IntArray) -> npt.NDArray[np.bool_]:
    return dates == UNDATED
