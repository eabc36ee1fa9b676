"""The one module that reads the index: one long-lived Whoosh searcher, plain hits.

The searcher is reopened only when the index folder changed (one `stat` per call):
a commit or a rebuild changes the folder's mtime or inode. Hits are built from
stored fields of the page shown only, inside the searcher's lifetime.
"""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from store.errors import StoreError
from store.hits import MentionPassage, PassageHit, QuoteHit, Span
from store.index import whoosh_fixes
from store.index.collect import UNDATED
from store.index.documents import stored_passage, stored_quotes
from store.index.expand import ExpandedTerms
from store.index.schema import index_damage, open_index, word_analyzer
from store.index.scoring import PassageWeighting

TEXT_FIELDS = ("text", "title", "quote")


class IndexGone(StoreError):
    """The index folder is missing or cannot be opened."""


@dataclass
class Highlight:
    """What a query marks in the passages it finds."""

    words: set[str] = field(default_factory=set)
    """Indexed (stemmed) word forms from the text, title and quote fields."""
    entities: set[str] = field(default_factory=set)
    """Entity terms: their mentions are marked."""
    speakers: set[str] = field(default_factory=set)
    """Speaker terms: their quotes are marked."""


def _merge(spans: list[Span]) -> list[Span]:
    """Sorted, with overlapping spans joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _column_values(column: Any, doccount: int) -> array[int]:
    """A numeric column as an array, read in one go (Whoosh reads it value by value)."""
    values: array[int] = array("i")
    try:
        data = column._dbfile.get(column._basepos, column._count * column._fixedlen)
        values.frombytes(data)
        if sys.byteorder == "little":
            values.byteswap()  # Whoosh writes columns big-endian
        values.extend([column._default] * (doccount - len(values)))
    except AttributeError:  # an empty or differently stored column: the slow way
        values = array("i", (column[docnum] for docnum in range(doccount)))
    return values


class PassageSearcher:
    """Holds the open index and its searcher; not thread-safe (the Corpus serialises calls)."""

    def __init__(self, index_dir: Path) -> None:
        whoosh_fixes.apply()  # the OR matchers' loop fix, checked against Whoosh's version
        self.index_dir = index_dir
        self._ix: Any = None
        self._searcher: Any = None
        self._stamp: tuple[int, int] | None = None
        self._analyzer = word_analyzer()
        self._per_version: dict[str, array[int]] = {}
        """Arrays read once per index version (`dates`, `article_starts`)."""
        self._per_version_stamp: tuple[int, int] | None = None

    def _current_stamp(self) -> tuple[int, int]:
        try:
            stat = os.stat(self.index_dir)
        except FileNotFoundError:
            raise IndexGone(f"the index at {self.index_dir} is missing") from None
        return (stat.st_ino, stat.st_mtime_ns)

    def get(self) -> Any:
        """The Whoosh searcher, reopened when the index changed since the last call."""
        stamp = self._current_stamp()
        if self._searcher is not None and stamp == self._stamp:
            return self._searcher
        old = self._searcher
        try:
            if old is not None and self._stamp is not None and stamp[0] == self._stamp[0]:
                # reuses the unchanged segments' readers and closes the others itself
                self._searcher = old.refresh()
            else:
                if old is not None:
                    old.close()
                self._ix = open_index(self.index_dir)
                self._searcher = self._ix.searcher(weighting=PassageWeighting())
        except Exception as exc:
            self._searcher = None
            if index_damage(exc, self.index_dir) is None:
                raise
            raise IndexGone(
                f"the index at {self.index_dir} cannot be read ({type(exc).__name__}: {exc})"
            ) from exc
        self._stamp = stamp
        return self._searcher

    def generation(self) -> tuple[int, int] | None:
        return self._stamp

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._ix = None
        self._stamp = None

    # highlights ----------------------------------------------------------------

    def highlight_terms(self, q: wq.Query) -> Highlight:
        """What to mark in a hit: the indexed word forms the query matches in the text
        fields (prefixes and fuzzy terms expanded), and the entities and speakers it names."""
        reader = self.get().reader()
        found: set[tuple[str, Any]] = set()
        # (Whoosh's own Query.existing_terms filters every leaf by the previous leaf's field)
        for leaf in q.leaves() if not q.is_leaf() else [q]:
            if isinstance(leaf, ExpandedTerms):  # words from the lexicon: there, no lookup needed
                found.update(leaf.expanded_terms(reader))
                continue
            try:
                terms = list(leaf.expanded_terms(reader))
            except Exception:
                terms = list(leaf.terms())
            found.update(term for term in terms if term[0] in ("entity", "speaker") or term in reader)
        highlight = Highlight()
        for fieldname, value in found:
            text = value.decode("utf-8") if isinstance(value, bytes) else str(value)
            if fieldname in TEXT_FIELDS:
                highlight.words.add(text)
            elif fieldname == "entity":
                highlight.entities.add(text)
            elif fieldname == "speaker":
                highlight.speakers.add(text)
        return highlight

    def spans(self, text: str, terms: set[str]) -> list[Span]:
        """Character offsets of the words of `text` whose indexed form is in `terms`."""
        return self._analyzer.spans(text, terms)

    # hits -------------------------------------------------------------------------

    def passage_hit(
        self, fields: dict[str, Any], highlight: Highlight, score: float, speaker_of: Any
    ) -> PassageHit:
        text = fields.get("text") or ""
        quotes = stored_quotes(fields)
        spans = self.spans(text, highlight.words)
        for key in highlight.entities:
            flat = (fields.get("mentions") or {}).get(key, [])
            spans += [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
        if not spans:  # `speaker:` alone marks the quotes; with words, the words
            spans = [(q.start, q.end) for q in quotes if q.speaker in highlight.speakers]
        # the speaker a `speaker:` query asked for, else the passage's first speaker
        asked = [q for q in quotes if q.speaker and q.speaker in highlight.speakers]
        named = asked or [q for q in quotes if q.speaker]
        return stored_passage(
            fields,
            PassageHit,
            text=text,
            kind=fields.get("pkind") or "text",
            speaker=speaker_of(named[0].speaker) if named else None,
            highlights=_merge(spans),
            score=score,
            confidence=named[0].confidence if named else None,
        )

    def stored(self, docnums: Iterable[int]) -> list[dict[str, Any]]:
        searcher = self.get()
        return [searcher.stored_fields(docnum) for docnum in docnums]

    def _once_per_version(self, name: str, read: Callable[[], array[int]]) -> array[int]:
        self.get()
        if self._per_version_stamp != self._stamp:
            self._per_version, self._per_version_stamp = {}, self._stamp
        values = self._per_version.get(name)
        if values is None:
            values = self._per_version[name] = read()
        return values

    def dates(self) -> array[int]:
        """Every document's article day number, an undated article counting as the
        newest (store.index.collect.UNDATED): the key that orders passages by date."""
        return self._once_per_version("dates", self._read_dates)

    def _read_dates(self) -> array[int]:
        values: array[int] = array("i")
        for leaf, _ in self.get().reader().leaf_readers():
            if not leaf.doc_count_all():
                continue  # an empty index's reader has no columns at all
            values.extend(_column_values(leaf.column_reader("date", translate=False), leaf.doc_count_all()))
        if 0 in values:  # the column's 0 is "no date"
            found = -1
            try:
                while True:
                    found = values.index(0, found + 1)
                    values[found] = UNDATED
            except ValueError:
                pass
        return values

    def article_starts(self) -> array[int]:
        """Docnums of the articles' headline passages, ascending, read once per index
        version (10 ms per 10,000 articles): each article's passages follow its headline
        (store.index.collect.count_matches)."""
        return self._once_per_version("starts", lambda: array("i", self.posting_ids("kind", "title")))

    def dated_articles(self) -> int:
        """How many articles have a date (0: "newest first" and `date:` mean nothing);
        asked by every search, counted once per index version."""
        return self._once_per_version("dated", self._count_dated)[0]

    def _count_dated(self) -> array[int]:
        dates = np.frombuffer(self.dates(), dtype=np.intc)
        starts = np.frombuffer(self.article_starts(), dtype=np.intc)
        return array("i", [int(np.count_nonzero(dates[starts] != UNDATED))])

    def newest_articles(self, limit: int | None) -> list[dict[str, Any]]:
        """The articles' headline passages' stored fields, newest article first (undated
        ones first, in index order): from the date column, so a corpus without a
        single date lists its articles too (Whoosh's `sortedby="date"` raises there)."""
        dates = self.dates()
        order = sorted(self.article_starts(), key=dates.__getitem__, reverse=True)  # stable
        return self.stored(order[:limit] if limit is not None else order)

    def posting_ids(self, fieldname: str, term: str) -> list[int]:
        """Docnums of the documents holding a term, ascending, deleted ones left out.

        Read a block of postings at a time: Whoosh's `all_ids()` makes a generator step
        and three method calls per posting (0.4 s for 130,000 passages)."""
        searcher = self.get()
        found: list[int] = []
        for leaf, offset in searcher.reader().leaf_readers():
            if (fieldname, term) not in leaf:
                continue
            matcher = leaf.postings(fieldname, term)
            deleted: frozenset[int] = frozenset()
            if isinstance(matcher, FilterMatcher) and matcher._exclude:
                matcher, deleted = matcher.child, matcher._ids
            if isinstance(matcher, W3LeafMatcher):
                ids: list[int] = []
                while matcher.is_active():
                    if matcher._ids is None:
                        matcher._read_ids()
                    ids.extend(matcher._ids[matcher._i :])
                    matcher._next_block()
            else:  # another codec: the slow, general way
                ids = list(matcher.all_ids())
            if deleted:
                ids = [docnum for docnum in ids if docnum not in deleted]
            found.extend([docnum + offset for docnum in ids] if offset else ids)
        return found

    def ordered(self, fieldname: str, terms: list[str]) -> list[int]:
        """Every document holding one of the terms, in article date order. An article's
        passages are indexed together in paragraph order, so (date, docnum) orders by
        date, then article, then paragraph: docnums go in ascending and the sort by
        date is stable. Newest articles are indexed first, so the input is mostly in
        reverse date order already, which the sort is quick to see."""
        if len(terms) == 1:
            found = self.posting_ids(fieldname, terms[0])
        else:
            found = sorted({docnum for term in terms for docnum in self.posting_ids(fieldname, term)})
        return sorted(found, key=self.dates().__getitem__)

    def mention_passage(self, fields: dict[str, Any], keys: list[str]) -> MentionPassage:
        spans: list[Span] = []
        mentions = fields.get("mentions") or {}
        for key in keys:
            flat = mentions.get(key, [])
            spans += [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
        spans.sort()
        return stored_passage(fields, MentionPassage, mentions=spans)

    def quote_hits(
        self, fields: dict[str, Any], speakers: set[str] | None, speaker_of: Any
    ) -> list[QuoteHit]:
        text = fields.get("text") or ""
        hits = []
        for quote in stored_quotes(fields):
            if speakers is not None and quote.speaker not in speakers:
                continue
            hits.append(
                stored_passage(
                    fields,
                    QuoteHit,
                    text=text[quote.start : quote.end],
                    speaker=speaker_of(quote.speaker),
                    cue=quote.cue,
                    start=quote.start,
                    end=quote.end,
                    partial=quote.partial,
                    confidence=quote.confidence,
                    speaker_from=quote.speaker_from,
                )
            )
        return hits
