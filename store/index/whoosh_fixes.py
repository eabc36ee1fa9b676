"""The one correction to Whoosh that has to be a patch, applied by one explicit call.

Everything else newsdesk changes in Whoosh goes through its extension points: the
codec (store.index.codec), the segment writer and its posting pool
(store.index.segment), the weighting (store.index.scoring), the collector
(store.index.collect). This module corrects a bug inside Whoosh's OR matchers,
which queries build themselves and no extension point reaches:

`UnionMatcher.skip_to_quality` and `AndMaybeMatcher.skip_to_quality` (OR, prefixes,
fuzzy words: Whoosh turns a union into an and-maybe when one side alone cannot reach
the top) loop forever when a sub-matcher cannot skip. With floating point,
`aq + bq <= m` can hold while `aq > m - bq`, so the child declines to move and
nothing changes (a hang on `seee~` at 10,000 articles). Upstream: whoosh issues #446
and #461 (github.com/mchaput/whoosh), unfixed in 2.7.4, the last release. The
corrected loops stop skipping there and let the collector score the current match.

`apply()` is called once, by the searcher (store.index.searcher.PassageSearcher).
It checks Whoosh's version and a fingerprint of each function it replaces, and
refuses with `WhooshPatchError` when either differs; it keeps the originals, so
`undo()` puts them back. tests/index/test_stock_whoosh.py runs stock Whoosh and
ours in separate processes.
"""

from __future__ import annotations

import hashlib
import inspect
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import whoosh
from whoosh.matching import ReadTooFar, binary

from store.errors import StoreError

WHOOSH_VERSION = (2, 7, 4)
"""The Whoosh release the patch was written against (pinned in pyproject.toml)."""


class WhooshPatchError(StoreError):
    """Whoosh is not the release this patch was written for."""


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


@dataclass(frozen=True)
class Patch:
    """One replaced method: where, its replacement, and the fingerprint of the original."""

    owner: type
    name: str
    replacement: Callable[..., Any]
    fingerprint: str
    """sha256 of the original's source (Whoosh 2.7.4)."""


PATCHES = (
    Patch(
        binary.UnionMatcher,
        "skip_to_quality",
        _union_skip_to_quality,
        "7d6cbb977ec47efdaa9c51ce1a50e191068db3c6d388c7c2994ddcd968ef5e7f",
    ),
    Patch(
        binary.AndMaybeMatcher,
        "skip_to_quality",
        _and_maybe_skip_to_quality,
        "26ddb1d1c103eb32b911efe4b938025bd44d4addf57368e22670d133c6915cf7",
    ),
)

_originals: dict[tuple[type, str], Callable[..., Any]] = {}
"""The replaced methods, while the patch is applied."""
_lock = threading.Lock()


def fingerprint(function: Callable[..., Any]) -> str:
    """sha256 of a function's source text."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError) as exc:
        raise WhooshPatchError(
            f"cannot read the source of {function.__qualname__} to check it before patching ({exc})"
        ) from None
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def applied() -> bool:
    return bool(_originals)


def apply() -> None:
    """Replace the two methods, once per process; refuse on another Whoosh."""
    with _lock:
        if _originals:
            return
        found = tuple(whoosh.__version__[:3])
        if found != WHOOSH_VERSION:
            raise WhooshPatchError(
                f"newsdesk corrects Whoosh {'.'.join(map(str, WHOOSH_VERSION))} (upstream issues #446, "
                f"#461), but Whoosh {'.'.join(map(str, found))} is installed: install the pinned "
                "version (pip install -r requirements.lock), or check the fix in "
                "store/index/whoosh_fixes.py against the new release and update it"
            )
        for patch in PATCHES:
            current = patch.owner.__dict__[patch.name]
            if fingerprint(current) != patch.fingerprint:
                raise WhooshPatchError(
                    f"Whoosh's {patch.owner.__name__}.{patch.name} is not the code "
                    "store/index/whoosh_fixes.py corrects (its source changed, or something else "
                    "replaced it): refusing to patch it"
                )
        for patch in PATCHES:
            _originals[(patch.owner, patch.name)] = patch.owner.__dict__[patch.name]
            setattr(patch.owner, patch.name, patch.replacement)


def undo() -> None:
    """Put Whoosh's own methods back."""
    with _lock:
        for (owner, name), original in _originals.items():
            setattr(owner, name, original)
        _originals.clear()
