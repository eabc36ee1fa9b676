"""Corrections to Whoosh 2.7.4 (pinned), applied once when the index package is imported.

Each one keeps what Whoosh writes and reads byte for byte; they only make a build
cheaper. Measured on 5,000 articles in one process: add 30 s + commit 24 s before.

1. `W3PerDocReader._cached_reader` remembers a column it opened, but not a column that
is not there: for a field without field lengths (every field of our schema is
unscored, store.index.schema) it asked the file system again on every call. Writing
a segment asks for the length of every posting, so a build spent more than half its
commit time in `os.stat` (10.6 s -> 4.8 s for 2,000 articles). A segment's files
never change once written, so remembering "no such column" is as correct as
remembering the column.

2. The posting pool spills sorted runs to temporary files when it passes `limitmb`,
and Whoosh writes and reads them one `pickle.dump`/`pickle.load` per posting: 17 s of
a 5,000-article build. Runs are written here as marshalled lists of a few thousand
postings (the same tuples), so a run costs a few C calls per chunk. Runs live only
in the writer's temporary folder for the length of one commit.

3. `PostingPool.add` without its type assertions (our own analyzers produce the
bytes it checks for), with the same size estimate.

4. `W3LeafMatcher.skip_to` stepped through a block one posting at a time, a Python
call per posting: an AND of a common and a rarer word spent most of its time there
("states seek" at 100,000 articles: 160,000 steps). It bisects the block's ids.

5. `W3LeafMatcher._goto` read each posting block's header with several small reads
(a seek and a read per pickle opcode, the index being read through plain files).
Skipping blocks that cannot reach the top 20 reads little else: "said" skipped 1,330
blocks at 100,000 articles. The header is read in one go and unpickled from memory.

6. `W3LeafMatcher._read_ids` undid the delta coding of a block's ids with a Python
generator; `itertools.accumulate` gives the same ids in C.

7. `UnionMatcher.skip_to_quality` and `AndMaybeMatcher.skip_to_quality` (OR,
prefixes, fuzzy words: Whoosh turns a union into an and-maybe when one side alone
cannot reach the top) looped forever when a sub-matcher could not skip: with floating
point, `aq + bq <= m` can hold while `aq > m - bq`, so the child declines to move and
nothing changes. They now stop skipping there and let the collector score the
current match.
"""

from __future__ import annotations

import marshal
import pickle
import struct
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from io import BytesIO
from itertools import accumulate, islice
from typing import Any

from whoosh import writing
from whoosh.codec import whoosh3
from whoosh.matching import ReadTooFar, binary
from whoosh.system import _INT_SIZE, unpack_int
from whoosh.util.numeric import byte_to_length

RUN_CHUNK = 4096
"""Postings per marshalled list in a spilled run: while runs are merged, each open
run holds one list in memory (a few hundred KB)."""
_LENGTH = struct.Struct("<I")
"""Each list is written as its length, then its marshalled bytes (`marshal.load` on a
file reads it a few bytes at a time, which costs more than pickling did)."""


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    try:
        return self._readers[fieldname]
    except KeyError:
        pass
    reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    self._readers[fieldname] = reader
    return reader


def _write_run(self: Any, f: Any, items: Iterable[Any]) -> None:
    iterator = iter(items)
    try:
        while chunk := list(islice(iterator, RUN_CHUNK)):
            data = marshal.dumps(chunk)
            f.write(_LENGTH.pack(len(data)))
            f.write(data)
    finally:
        f.close()


def _read_run(self: Any, path: str) -> Iterator[Any]:
    f = self._open_run(path)
    try:
        while header := f.read(_LENGTH.size):
            yield from marshal.loads(f.read(_LENGTH.unpack(header)[0]))
    finally:
        f.close()
        self._remove_run(path)


def _add(self: Any, item: Any) -> None:
    # item = (fieldname, term bytes, docnum, weight, value bytes or None); the size is
    # Whoosh's own estimate of the tuple in memory
    self.fieldnames.add(item[0])
    self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
    if self.currentsize > self.limit:
        self.save()
    self.current.append(item)


def _skip_to(self: Any, targetid: int) -> None:
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


_HEADER_READ = 96
"""Bytes read for a block header: its length (4) and a pickled 6-tuple (about 30)."""


def _goto(self: Any, position: int) -> None:
    self._data = None
    self._ids = None
    self._weights = None
    self._values = None
    self._i = 0
    head = self._postfile.get(position, _HEADER_READ)
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


def _read_ids(self: Any) -> None:
    if self._data is None:
        self._read_data()
    ids = self._data[0]
    self._ids = ids if self._byteids else tuple(accumulate(ids))


def _skip_both(a: Any, b: Any, minquality: float) -> int:
    """Skip blocks of two added-up sub-matchers while together they cannot reach
    `minquality`; stop as soon as the one asked cannot move."""
    skipped = 0
    aq, bq = a.block_quality(), b.block_quality()
    while a.is_active() and b.is_active() and aq + bq <= minquality:
        if aq < bq:
            moved = a.skip_to_quality(minquality - bq)
            aq = a.block_quality()
        else:
            moved = b.skip_to_quality(minquality - aq)
            bq = b.block_quality()
        if not moved:  # no progress: score from here rather than loop
            break
        skipped += moved
    return skipped


def _union_skip_to_quality(self: Any, minquality: float) -> int:
    self._id = None
    a, b = self.a, self.b
    if not (a.is_active() or b.is_active()):
        raise ReadTooFar
    if not a.is_active():
        return int(b.skip_to_quality(minquality))
    if not b.is_active():
        return int(a.skip_to_quality(minquality))
    return _skip_both(a, b, minquality)


def _and_maybe_skip_to_quality(self: Any, minquality: float) -> int:
    a, b = self.a, self.b
    if not a.is_active():
        raise ReadTooFar
    if not b.is_active():
        return int(a.skip_to_quality(minquality))
    return _skip_both(a, b, minquality)


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    writing.PostingPool._write_run = _write_run
    writing.PostingPool._read_run = _read_run
    writing.PostingPool.add = _add
    whoosh3.W3LeafMatcher.skip_to = _skip_to
    whoosh3.W3LeafMatcher._goto = _goto
    whoosh3.W3LeafMatcher._read_ids = _read_ids
    binary.UnionMatcher.skip_to_quality = _union_skip_to_quality
    binary.AndMaybeMatcher.skip_to_quality = _and_maybe_skip_to_quality


apply()
