"""The views' part of the Corpus facade: co-mentions, who is quoted, timelines.

Mixed into `store.corpus.Corpus`. Each method is a thin call into
store.index.views_engine, imported on first use: numpy and the view arrays cost
start-up time that searching and the CLI's other commands do not need.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from store.hits import MentionsPage, QueryError
from store.views import CoMentions, Overrepresented, SpeakerProfile, Speakers, Timeline

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.index.access import IndexAccess

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
        index_access: IndexAccess

        def _run(self, action: Callable[[], T]) -> T: ...

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
            lambda: _engine().cooccur(self.index_access, name, type, by, rank, partner_type, min_count, limit)
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
        return self._run(
            lambda: _engine().pair(self.index_access, name, type, other, other_type, offset, limit)
        )

    def overrepresented(
        self, query: str, *, limit: int | None = 20, min_count: int = MIN_COUNT
    ) -> Overrepresented:
        """Entities named in the passages matching `query` more often than corpus-wide."""
        return self._run(lambda: _engine().overrepresented(self.index_access, query, limit, min_count))

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
        return self._run(lambda: _engine().speakers(self.index_access, query, entity, entity_type, by, limit))

    def speaker_profile(self, name: str, *, limit: int = 15) -> SpeakerProfile:
        """The words and names most frequent inside one speaker's quotes."""
        return self._run(lambda: _engine().profile(self.index_access, name, limit))

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
            lambda: _engine().timeline(
                self.index_access, query, by, entity, entity_type, speaker, other, other_type
            )
        )
