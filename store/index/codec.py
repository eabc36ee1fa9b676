"""The passage index's codec: Whoosh's own `W3Codec`, with faster readers.

A Whoosh segment remembers the codec that wrote it (the table of contents pickles it)
and reads itself back through that codec's readers: the codec is Whoosh's extension
point for how postings and columns are read. `PassageCodec` writes exactly what
`W3Codec` writes (the same writers, byte for byte; tests/index/test_stock_whoosh.py
compares the files) and reads it through the subclasses below, which give the same
postings and columns for less work:

- `PassagePerDocReader` remembers that a column is not there. Whoosh remembered a
  column it opened but asked the file system again, on every call, about a column
  that is missing; every field of our schema is unscored (store.index.schema), so
  writing a segment asked about the length of every posting and spent more than half
  its commit time in `os.stat` (10.6 s -> 4.8 s for 2,000 articles). A segment's
  files never change once written, so remembering "no such column" is as correct as
  remembering the column.
- `PassageLeafMatcher` reads a posting block's header in one read and unpickles it
  from memory (Whoosh makes a seek and a read per pickle opcode, the index being
  read through plain files: store.index.schema.open_index); skipping blocks that
  cannot reach the top 20 reads little else ("said" skipped 1,330 blocks at 100,000
  articles). Its `skip_to` bisects a block's ids where Whoosh stepped through them a
  Python call per posting ("states seek" at 100,000 articles: 160,000 steps), and
  it undoes the delta coding of a block's ids with `itertools.accumulate` (in C)
  instead of a Python generator, and `all_ids` hands out a block's ids at a time.
"""

from __future__ import annotations

import pickle
from bisect import bisect_left
from collections.abc import Iterator
from io import BytesIO
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, W3PerDocReader
from whoosh.matching import ReadTooFar
from whoosh.system import _INT_SIZE, unpack_int
from whoosh.util.numeric import byte_to_length

HEADER_READ = 96
"""Bytes read for a block header: its length (4) and a pickled 6-tuple (about 30)."""


class PassagePerDocReader(W3PerDocReader):  # type: ignore[misc]
    """Whoosh's per-document reader that also remembers a missing column."""

    def _cached_reader(self, fieldname: str, column: Any) -> Any:
        try:
            return self._readers[fieldname]
        except KeyError:
            pass
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


class PassageLeafMatcher(W3LeafMatcher):  # type: ignore[misc]
    """Whoosh's on-disk posting matcher, reading block headers in one go and
    bisecting within a block."""

    # the block state Whoosh keeps (set by `_goto`, read by Whoosh's own methods)
    _data: Any
    _ids: Any
    _weights: Any
    _values: Any
    _i: int
    _maxid: int
    _blocklength: int

    def skip_to(self, targetid: int) -> None:
        if not self.is_active():
            raise ReadTooFar
        if targetid <= self.id():
            return
        if targetid > self._maxid:  # skip whole blocks first, by their highest id
            while self.is_active() and targetid > self._maxid:
                self._next_block()
            if not self.is_active():
                return
        if self._ids is None:
            self._read_ids()
        self._i = bisect_left(self._ids, targetid, self._i)
        if self._i >= self._blocklength:  # not when _maxid is right, but stay safe
            self._next_block()

    def _goto(self, position: int) -> None:
        self._data = None
        self._ids = None
        self._weights = None
        self._values = None
        self._i = 0
        head = self._postfile.get(position, HEADER_READ)
        length = unpack_int(head[:_INT_SIZE])[0]
        if length < 0:  # the last block
            self._lastblock = True
            length = -length
        self._nextoffset = position + _INT_SIZE + length
        packed = BytesIO(head)
        packed.seek(_INT_SIZE)
        try:
            info = pickle.load(packed)
        except (EOFError, pickle.UnpicklingError, ValueError):  # a longer header: the slow way
            self._postfile.seek(position + _INT_SIZE)
            info = self._postfile.read_pickle()
            self._dataoffset = self._postfile.tell()
        else:
            self._dataoffset = position + packed.tell()
        (self._blocklength, self._maxid, self._maxweight, self._compression, shortest, longest) = info
        self._minlength = byte_to_length(shortest)
        self._maxlength = byte_to_length(longest)

    def all_ids(self) -> Iterator[int]:
        # a block at a time (Whoosh's Matcher.all_ids makes a generator step and three
        # method calls per posting: most of the time of counting a common word's matches)
        while self.is_active():
            if self._ids is None:
                self._read_ids()
            yield from self._ids[self._i :]
            self._next_block()

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        ids = self._data[0]
        self._ids = ids if self._byteids else tuple(accumulate(ids))


class PassageCodec(W3Codec):  # type: ignore[misc]
    """`W3Codec` (same files) reading through `PassagePerDocReader` and `PassageLeafMatcher`."""

    def per_document_reader(self, storage: Any, segment: Any) -> PassagePerDocReader:
        return PassagePerDocReader(storage, segment)

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():  # a posting or two kept in the term index: Whoosh's list matcher
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return PassageLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
