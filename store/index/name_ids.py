"""Stable 64-bit ids for names (entity keys, speaker names, publishers).

The views (co-mentions, speakers, timelines) read per-passage lists of ids from
columns written at index time (store.index.schema). An id is the first 8 bytes of
the name's BLAKE2b digest: the same in every process and every segment, so
segments written at different times and merged later agree without a shared
table. With 64 bits, two of even a million names collide with odds of about 1 in
36 million; `EntityRegistry` readers check the names they know for a clash.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from functools import lru_cache

NO_ID = 0
"""The column value of a passage without a publisher."""


@lru_cache(maxsize=200_000)
def name_id(name: str) -> int:
    """The signed 64-bit id of a name (never 0)."""
    value = int.from_bytes(
        hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little", signed=True
    )
    return value or 1


def pack_ids(names: Iterable[str]) -> bytes:
    """The ids of `names`, in order, as little-endian 64-bit integers."""
    ids = [name_id(name) for name in names]
    return struct.pack(f"<{len(ids)}q", *ids)
