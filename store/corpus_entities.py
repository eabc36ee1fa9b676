"""The entity jump, quotes and the entity lists: the Corpus facade's reads by entity.

Mixed into `store.corpus.Corpus`, which holds the index, its lock and the entity
registry; each method runs under `Corpus._run` (a missing index is rebuilt, then the
read retried).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from store.errors import StoreError
from store.hits import EntitySummary, MentionsPage, QuotesPage, UnknownEntity
from store.index.quote_pages import quote_page, quotes_per_passage, speaker_quotes_per_passage
from store.index.registry import EntityGroup, EntityRegistry
from store.index.review import CHECK_ALL, CheckKind, QuoteToCheck, quotes_to_check
from store.models import Article
from store.speaker_edit import set_speaker

if TYPE_CHECKING:
    from store.hits import IndexReport
    from store.index.searcher import PassageSearcher

    T = TypeVar("T")


class CorpusEntities:
    """Mentions of an entity, quotes (by a speaker), the quotes to check, the entity lists
    (see store.corpus.Corpus for the rest)."""

    if TYPE_CHECKING:  # what these use of store.corpus.Corpus
        _reader: PassageSearcher

        def _run(self, action: Callable[[], T]) -> T: ...
        def _searcher(self) -> Any: ...
        def _ordered(self, fieldname: str, terms: list[str]) -> list[int]: ...
        def registry(self) -> EntityRegistry: ...
        def article_path(self, article_id: str) -> Path: ...
        def ensure_index(self) -> IndexReport: ...

    def _group(self, name: str, entity_type: str | None, *, speaker: bool = False) -> EntityGroup:
        registry = self.registry()
        groups = registry.lookup(name, entity_type)
        if speaker:
            groups = [g for g in groups if g.speaker_terms] or groups
        if not groups:
            suggestions = registry.suggestions(name)
            raise UnknownEntity(name, suggestions)
        return groups[0]

    def mentions(
        self, name: str, *, type: str | None = None, offset: int = 0, limit: int = 50
    ) -> MentionsPage:
        """Every passage mentioning an entity (any alias), oldest article first, with offsets."""
        return self._run(lambda: self._mentions(name, type, offset, limit))

    def _mentions(self, name: str, entity_type: str | None, offset: int, limit: int) -> MentionsPage:
        self._check_type(entity_type)
        group = self._group(name, entity_type)
        docnums = self._ordered("entity", group.keys)
        page = self._reader.stored(docnums[offset : offset + limit])
        return MentionsPage(
            entity=group.ref(),
            total=len(docnums),
            articles=self._articles_of(group),
            passages=[self._reader.mention_passage(fields, group.keys) for fields in page],
            offset=offset,
            others=[g.summary() for g in self.registry().lookup(name) if g is not group][:5],
        )

    def _articles_of(self, group: EntityGroup) -> int:
        """The articles naming the entity: the registry's count adds its names' counts, so an
        article with two of them ("Nobel Peace Prize", "Peace Prize") is counted here once."""
        if len(group.keys) < 2:
            return group.articles
        return len({d for key in group.keys for d in self._reader.posting_ids("article_entity", key)})

    def quotes(self, speaker: str | None = None, *, offset: int = 0, limit: int = 50) -> QuotesPage:
        """Quotes (by one speaker, any alias), oldest article first."""
        return self._run(lambda: self._quotes(speaker, offset, limit))

    def _quotes(self, speaker: str | None, offset: int, limit: int) -> QuotesPage:
        registry = self.registry()
        searcher = self._searcher()
        count_of: Callable[[int], int]
        if speaker is None:
            docnums = self._ordered("kind", ["quote"])
            count_of = quotes_per_passage(searcher)
            total = registry.quote_count
            speakers: set[str] | None = None
            ref = None
        else:
            group = self._group(speaker, None, speaker=True)
            docnums = self._ordered("speaker", group.speaker_terms)
            speakers = set(group.speaker_terms)
            per_doc = speaker_quotes_per_passage(searcher, group.speaker_terms)
            count_of = per_doc.__getitem__
            total = sum(per_doc.values())
            ref = group.ref()
        quotes = quote_page(self._reader, docnums, count_of, speakers, registry.speaker_of, offset, limit)
        return QuotesPage(speaker=ref, total=total, quotes=quotes, offset=offset)

    def quotes_to_check(
        self, *, limit: int = 200, kinds: Iterable[CheckKind] = CHECK_ALL
    ) -> list[QuoteToCheck]:
        """Quotes with no speaker, an organisation or place for one, or a speaker of low
        confidence (those of `kinds`), oldest article first (store.index.review): what the
        "Check speakers" view lists."""
        return self._run(lambda: quotes_to_check(self._quote_passages(), self.registry(), limit, kinds))

    def _quote_passages(self) -> Iterator[dict[str, Any]]:
        """The stored fields of every passage holding a quote, oldest article first."""
        return (self._searcher().stored_fields(d) for d in self._ordered("kind", ["quote"]))

    def set_speaker(self, article_id: str, paragraph: int, start: int, speaker: str | None) -> Article:
        """Correct one quote's speaker in its article file, as a hand edit that re-extraction
        keeps (store.speaker_edit); the index follows at once."""
        article = set_speaker(self.article_path(article_id), paragraph, start, speaker)
        self.ensure_index()
        return article

    def entities(self, type: str | None = None) -> list[EntitySummary]:
        """Entities across the corpus, most-mentioned first."""
        return self._run(lambda: self.registry().summaries(self._check_type(type)))

    def _check_type(self, entity_type: str | None) -> str | None:
        """The type, upper-cased; an error listing the types when no entity has it."""
        if entity_type is None:
            return None
        types = sorted({group.type for group in self.registry().groups.values()})
        if entity_type.upper() not in types:
            listed = ", ".join(types) if types else "none: the store has no entities yet"
            raise StoreError(f"no entity has the type {entity_type!r}; the types in this store are {listed}")
        return entity_type.upper()

    def find_entities(self, text: str, *, limit: int = 20) -> list[EntitySummary]:
        """Entities with a name or alias starting with `text` (or a word of one), for the palette."""
        return self._run(lambda: [g.summary() for g in self.registry().prefix(text)[:limit]])
