"""The passage index's codec: Whoosh's `W3Codec` with a posting block that keeps
document ids and weights apart from positions.

A Whoosh segment remembers the codec that wrote it (the table of contents pickles it)
and reads itself back through that codec's writers and readers: the codec is Whoosh's
extension point for how postings and columns are stored. `PassageCodec` writes every
file as `W3Codec` does (tests/index/test_stock_whoosh.py compares them) except the
postings file, whose blocks it lays out so that ranking never touches positions:

    block := length (int32, negative for a term's last block)
             head   (BLOCK_HEAD: postings, compression, min/max length bytes,
                     weights stored?, highest id, highest weight, values' size)
             ids    (uint32 little-endian, delta coded: count * 4 bytes)
             weights(float32 little-endian, count * 4 bytes; absent when all are 1.0)
             values (zlib: the values' lengths as uint32, then the values: positions)

Whoosh's W3 block is one zlib-compressed pickle of (ids, weights, values): reading a
block's ids meant inflating and unpickling its 128 position lists too, about 110 µs
a block (most of a common word's query time at 100,000 articles). Here the head,
ids and weights come in one read and decode with `array.frombytes` (a few µs);
positions are inflated only when a phrase or a highlight asks for them. A posting
list starts with MAGIC instead of Whoosh's "W3Bl", so a W3 reader refuses it
("Block tag error") rather than misreading it.

The readers:
- `PassagePerDocReader` remembers that a column is not there. Whoosh remembered a
  column it opened but asked the file system again, on every call, about a column
  that is missing; every field of our schema is unscored (store.index.schema), so
  writing a segment asked about the length of every posting and spent more than half
  its commit time in `os.stat` (10.6 s -> 4.8 s for 2,000 articles).
- `PassageLeafMatcher` reads the block layout above; its `skip_to` bisects a
  block's ids where Whoosh stepped through them a Python call per posting, and
  `all_ids` hands out a block's ids at a time.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate
from struct import Struct
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, W3PerDocReader, W3PostingsWriter
from whoosh.matching import ReadTooFar
from whoosh.util.numeric import byte_to_length, length_to_byte

MAGIC = b"NDp1"
"""Starts every posting list written by PassageCodec (Whoosh's W3 lists start "W3Bl")."""
BLOCK_HEAD = Struct("<iHBBBBIdI")
"""length after this int (negative: the last block), postings, zlib level of the
values (0: none), min and max length bytes, 1 if weights are stored, highest id,
highest weight, size of the values section."""
MAX_BLOCK = 128
"""Postings per block (W3Codec's default block limit)."""
_READ_AHEAD = BLOCK_HEAD.size + 8 * MAX_BLOCK
"""Bytes read at a block's start: its head, ids and weights in one read."""
_BIG_ENDIAN = sys.byteorder == "big"
_ONE = array("f", [1.0])
_ONE_LITTLE = _ONE.tobytes() if not _BIG_ENDIAN else bytes(reversed(_ONE.tobytes()))


class PostingsFormatError(ValueError):
    """A posting list that is not in PassageCodec's layout (an index of another version)."""


def _little(values: array[Any]) -> bytes:
    if _BIG_ENDIAN:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_little(typecode: str, data: bytes) -> array[Any]:
    values: array[Any] = array(typecode)
    values.frombytes(data)
    if _BIG_ENDIAN:
        values.byteswap()
    return values


class PassagePostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Whoosh's postings writer (same blocks, same term statistics), writing each
    block in the layout of the module doc."""

    _ids: Any
    _weights: Any
    _values: list[bytes]
    _maxweight: float
    _minlength: int | None
    _maxlength: int

    def _write_block(self, last: bool = False) -> None:
        postfile = self._postfile
        if not self._blockcount:
            postfile.write(MAGIC)
        self._terminfo.add_block(self)  # the term's statistics, as Whoosh keeps them
        ids = self._ids
        deltas = array("I", [ids[0]])
        deltas.extend([b - a for a, b in zip(ids, ids[1:], strict=False)])
        weights = self._weights
        weighted = any(w != 1.0 for w in weights)
        values = self._values_bytes()
        level = self._compression if values else 0
        if level:
            values = zlib.compress(values, level)
        body = _little(deltas) + (_little(weights) if weighted else b"")
        length = BLOCK_HEAD.size - 4 + len(body) + len(values)
        postfile.write(
            BLOCK_HEAD.pack(
                -length if last else length,
                len(ids),
                level,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
                int(weighted),
                ids[-1],
                self._maxweight,
                len(values),
            )
        )
        postfile.write(body)
        postfile.write(values)
        self._blockcount += 1
        self._new_block()

    def _values_bytes(self) -> bytes:
        fixed = self._format.fixed_value_size()
        values = self._values
        if fixed == 0 or not values:
            return b""
        if fixed is not None and fixed > 0:
            return b"".join(values)
        return (
            _little(array("I", [len(v) for v in values]))
            + b"".join(values)
            + _little(array("I", [len(values)]))
        )


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
    """Reads a posting list written by PassagePostingsWriter, block by block."""

    # the block state Whoosh's methods read (set by `_goto`)
    _ids: Any
    _weights: Any
    _values: Any
    _i: int
    _maxid: int
    _blocklength: int
    _head: bytes
    """The bytes read at the block's start (head, and ids and weights when they fit)."""
    _weighted: bool
    _valuesize: int
    _blockoffset: int
    _startoffset: int
    _length: int

    def _read_header(self) -> None:
        magic = self._postfile.get(self._startoffset, len(MAGIC))
        if magic != MAGIC:
            raise PostingsFormatError(
                f"a posting list starts with {magic!r}, not {MAGIC!r}: the index was written by "
                "another version; rebuild it"
            )
        self._baseoffset = self._startoffset + len(MAGIC)

    def _goto(self, position: int) -> None:
        self._ids = None
        self._weights = None
        self._values = None
        self._i = 0
        self._blockoffset = position
        head = self._head = self._postfile.get(position, _READ_AHEAD)
        (length, count, level, shortest, longest, weighted, maxid, maxweight, valuesize) = (
            BLOCK_HEAD.unpack_from(head)
        )
        if length < 0:
            self._lastblock = True
            length = -length
        self._nextoffset = position + 4 + length
        self._dataoffset = position + BLOCK_HEAD.size
        self._blocklength = count
        self._maxid = maxid
        self._maxweight = maxweight
        self._compression = level
        self._minlength = byte_to_length(shortest)
        self._maxlength = byte_to_length(longest)
        self._weighted = bool(weighted)
        self._valuesize = valuesize

    def _section(self, start: int, size: int) -> bytes:
        """`size` bytes from `start` bytes after the block's head."""
        begin = BLOCK_HEAD.size + start
        if begin + size <= len(self._head):
            return self._head[begin : begin + size]
        return bytes(self._postfile.get(self._dataoffset + start, size))

    def raw_ids(self) -> bytes:
        """The block's ids as stored: uint32 little-endian, delta coded (the first is the
        id itself). For readers that decode them in bulk (store.index.docset)."""
        return self._section(0, 4 * self._blocklength)

    def all_arrays(self) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """The ids and weights of every posting from the current one on, in one read of
        the rest of the list (positions are skipped over, not decoded). For ranking a
        whole list at once (store.index.evaluate); the matcher is not moved."""
        if not self.is_active():
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        start = self._blockoffset
        data = self._postfile.get(start, self._startoffset + self._length - start)
        unpack, size = BLOCK_HEAD.unpack_from, BLOCK_HEAD.size
        ids: list[bytes] = []
        weights: list[bytes] = []
        firsts: list[int] = []  # where each block starts among all the postings
        before: list[int] = []  # the highest id of the block before it
        at = total = previous = 0
        while True:
            length, count, _, _, _, weighted, maxid, _, _ = unpack(data, at)
            body = at + size
            ids.append(data[body : body + 4 * count])
            weights.append(data[body + 4 * count : body + 8 * count] if weighted else _ONE_LITTLE * count)
            firsts.append(total)
            before.append(previous)
            total += count
            previous = maxid
            if length < 0:
                break
            at += 4 + length
        deltas = np.frombuffer(b"".join(ids), dtype="<u4").astype(np.int64)
        # a block's first delta is its first id: make it relative to the block before
        deltas[firsts] -= before
        found = np.cumsum(deltas)
        weighed = np.frombuffer(b"".join(weights), dtype="<f4").astype(np.float64)
        return found[self._i :], weighed[self._i :]

    def block_arrays(self) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """The current block's ids and weights from the current posting on."""
        count = self._blocklength
        ids = np.cumsum(np.frombuffer(self.raw_ids(), dtype="<u4").astype(np.int64))
        if self._weighted:
            weights = np.frombuffer(self._section(4 * count, 4 * count), dtype="<f4").astype(np.float64)
        else:
            weights = np.ones(count)
        return ids[self._i :], weights[self._i :]

    def _read_ids(self) -> None:
        self._ids = list(accumulate(_from_little("I", self.raw_ids())))

    def _read_weights(self) -> None:
        count = self._blocklength
        if self._weighted:
            self._weights = _from_little("f", self._section(4 * count, 4 * count))
        else:
            self._weights = array("f", [1.0]) * count

    def _read_values(self) -> None:
        count = self._blocklength
        fixed = self._fixedsize
        if fixed == 0:
            self._values = (None,) * count
            return
        start = 4 * count * (2 if self._weighted else 1)
        data = bytes(self._postfile.get(self._dataoffset + start, self._valuesize))
        if self._compression:
            data = zlib.decompress(data)
        if fixed is not None and fixed > 0:
            self._values = tuple(data[i : i + fixed] for i in range(0, len(data), fixed))
            return
        stored = _from_little("I", data[-4:])[0]
        lengths = _from_little("I", data[: 4 * stored])
        values, at = [], 4 * stored
        for size in lengths:
            values.append(data[at : at + size])
            at += size
        self._values = tuple(values)

    def _read_data(self) -> None:  # Whoosh's whole-block read: everything is read apart here
        raise NotImplementedError("PassageLeafMatcher reads ids, weights and values apart")

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

    def all_ids(self) -> Iterator[int]:
        # a block at a time (Whoosh's Matcher.all_ids makes a generator step and three
        # method calls per posting: most of the time of counting a common word's matches)
        while self.is_active():
            if self._ids is None:
                self._read_ids()
            yield from self._ids[self._i :]
            self._next_block()


class PassageCodec(W3Codec):  # type: ignore[misc]
    """`W3Codec` writing and reading postings in the block layout of the module doc."""

    def __init__(self, blocklimit: int = MAX_BLOCK, compression: int = 3, inlinelimit: int = 1) -> None:
        if blocklimit > MAX_BLOCK:
            raise ValueError(f"PassageCodec blocks hold at most {MAX_BLOCK} postings")
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids:  # term vectors (not in our schema): Whoosh's own blocks
            return super().postings_writer(dbfile, byteids=True)
        return PassagePostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def per_document_reader(self, storage: Any, segment: Any) -> PassagePerDocReader:
        return PassagePerDocReader(storage, segment)

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():  # a posting or two kept in the term index: Whoosh's list matcher
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        if isinstance(length, tuple):  # W3TermInfo reads its length back as a 1-tuple
            (length,) = length
        return PassageLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
