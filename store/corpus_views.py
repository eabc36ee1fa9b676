"""The views' part of the Corpus facade: co-mentions, who is quoted, timelines.

Mixed into `store.corpus.Corpus`. Each method is a thin call into
store.index.views_engine, imported on first use: numpy and the view arrays cost
start-up time that searching and the CLI's other commands do not need.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from store.hits import MentionsPage, QueryError
from store.views import CoMentions, Overrepresented, SpeakerProfile, Speakers, Timeline

if TYPE_CHECKING:
    from collections.abc import Callable

    from whoosh import query as wq

    from store.index.expand import Budget
    from store.index.registry import EntityGroup, EntityRegistry
    from store.index.searcher import PassageSearcher

    T = TypeVar("T")

MIN_COUNT = 3
"""Pairs named together fewer times are left out of the association ranking."""
UNITS = ("day", "week", "month", "year")


def _engine() -> ModuleType:
    from store.index import views_engine

    return views_engine


class CorpusViews:
    """Co-mentions, speakers and timelines (see store.corpus.Corpus for the rest)."""

    if TYPE_CHECKING:  # what the views use of store.corpus.Corpus
        _reader: PassageSearcher

        def _run(self, action: Callable[[], T]) -> T: ...
        def registry(self) -> EntityRegistry: ...
        def _searcher(self) -> Any: ...
        def _parse(self, query: str, budget: Budget) -> wq.Query: ...
        def _group(self, name: str, entity_type: str | None, *, speaker: bool = False) -> EntityGroup: ...
        def _ordered(self, fieldname: str, terms: list[str]) -> list[int]: ...

    def cooccur(
        self,
        name: str,
        *,
        type: str | None = None,
        by: str = "passage",
        rank: str = "count",
        partner_type: str | None = None,
        min_count: int = MIN_COUNT,
        limit: int | None = 20,
    ) -> CoMentions:
        """The entities named in the same passages (or articles) as `name`."""
        if by not in ("passage", "article") or rank not in ("count", "association"):
            raise ValueError("by is passage or article; rank is count or association")
        return self._run(
            lambda: _engine().cooccur(self, name, type, by, rank, partner_type, min_count, limit)
        )

    def pair_mentions(
        self,
        name: str,
        other: str,
        *,
        type: str | None = None,
        other_type: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> MentionsPage:
        """Passages naming both entities, oldest article first, both marked."""
        return self._run(lambda: _engine().pair(self, name, type, other, other_type, offset, limit))

    def overrepresented(
        self, query: str, *, limit: int | None = 20, min_count: int = MIN_COUNT
    ) -> Overrepresented:
        """Entities named in the passages matching `query` more often than corpus-wide."""
        return self._run(lambda: _engine().overrepresented(self, query, limit, min_count))

    def speakers(
        self,
        query: str | None = None,
        *,
        entity: str | None = None,
        entity_type: str | None = None,
        by: str | None = None,
        limit: int | None = 20,
    ) -> Speakers:
        """Who is quoted in the passages matching `query`, in the articles naming `entity`,
        or (neither given) in the whole corpus."""
        if by not in (None, "month", "source"):
            raise ValueError("by is month or source")
        return self._run(lambda: _engine().speakers(self, query, entity, entity_type, by, limit))

    def speaker_profile(self, name: str, *, limit: int = 15) -> SpeakerProfile:
        """The words and names most frequent inside one speaker's quotes."""
        return self._run(lambda: _engine().profile(self, name, limit))

    def timeline(
        self,
        query: str = "",
        *,
        by: str | None = None,
        entity: str | None = None,
        entity_type: str | None = None,
        speaker: str | None = None,
        other: str | None = None,
        other_type: str | None = None,
    ) -> Timeline:
        """Passages matching `query` per period; or an entity's passages (those naming
        `other` too, if given); or a speaker's quotes."""
        if by is not None and by not in UNITS:
            raise QueryError(query, f"by must be one of {', '.join(UNITS)}, not {by!r}")
        return self._run(
            lambda: _engine().timeline(self, query, by, entity, entity_type, speaker, other, other_type)
        )
