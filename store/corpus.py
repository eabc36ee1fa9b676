"""The Corpus facade: the one way the CLI, the TUI and the tests reach the store and index.

`open_corpus(data_dir)` is cheap. The first call that needs the index opens it (and
builds it when it is missing or unreadable); `ensure_index` brings it up to date.
Every method is safe from worker threads: Whoosh access is serialised by a lock.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from whoosh import query as wq

from store.aliases import ALIASES_FILE, AliasTable, load_aliases
from store.articles import ArticleStore, UnsafeId
from store.corpus_entities import CorpusEntities
from store.corpus_views import CorpusViews
from store.curation import curate_article
from store.curation_edit import CurationChange, Curator
from store.errors import ArticleFileError, Problem, StoreError
from store.hits import (
    ArticleSummary,
    CorpusStats,
    Facets,
    IndexReport,
    Passage,
    QueryError,
    SearchResult,
)
from store.index.access import IndexAccess
from store.index.corpus_queries import CorpusQueries
from store.index.curate_actions import run_action
from store.index.documents import stored_passage
from store.index.expand import Budget
from store.index.facet_counts import FACET_BUDGET_S, corpus_facets, query_facets
from store.index.manifest import index_usable, plan_update, stored_problems
from store.index.registry import EntityRegistry
from store.index.schema import index_damage
from store.index.search_page import search_page
from store.index.searcher import Highlight, IndexGone, PassageSearcher
from store.index.watch import ArticleWatch
from store.index.writer import update_index
from store.models import Article
from store.notebook_file import NotebookFile
from store.yamlio.load import load_article

T = TypeVar("T")
Progress = Callable[[int, int, str], None]

SEARCH_BUDGET_S = 0.12
"""A search stops examining matches after this long (see store.index.collect)."""


def open_corpus(data_dir: Path, index_dir: Path | None = None) -> Corpus:
    """The one factory the CLI, the TUI and the tests use. Opens nothing heavy, builds nothing."""
    return Corpus(Path(data_dir), Path(index_dir) if index_dir else None)


class Corpus(CorpusViews, CorpusEntities):
    """A store folder (articles/*.yaml, aliases.yaml) and its index; the entity jump, quotes
    and entity lists are in store.corpus_entities, the views (co-mentions, speakers,
    timelines) in store.corpus_views."""

    def __init__(self, data_dir: Path, index_dir: Path | None = None) -> None:
        self.data_dir = data_dir
        self.articles_dir = data_dir / "articles"
        self.index_dir = index_dir or data_dir / ".index"
        self.last_report: IndexReport | None = None
        """What the last automatic or explicit index update did (rebuilds say why)."""
        self._lock = threading.RLock()
        self._reader = PassageSearcher(self.index_dir)
        self._registry: EntityRegistry | None = None
        self._registry_key: object = None
        self._alias_problems: list[Problem] = []
        self._table: tuple[object, AliasTable] | None = None
        self._ordered_cache: dict[tuple[Any, ...], list[int]] = {}
        self._headlines: tuple[object, list[ArticleSummary]] | None = None
        self._watch = ArticleWatch(self.articles_dir)
        """Tells later updates in this process which files changed (store.index.watch)."""
        self._update_lock = threading.Lock()
        self.notebook = NotebookFile(data_dir)
        """The reporter's notebook, DIR/notebook.yaml (store.notebook)."""
        self._queries = CorpusQueries(self._reader, self.notebook)
        self.index_access = IndexAccess(
            self._reader, self._run, self._searcher, self._parse, self.registry, self._group, self._ordered
        )
        """The index as the views and the whole-list exports read it (store.index.access)."""
        weakref.finalize(self, self._watch.close)

    # the index ------------------------------------------------------------------

    def index_state(self) -> str:
        """ "missing", "outdated" or "ready" — from stat calls only, no YAML parsing."""
        with self._update_lock:  # the watch's news is only taken up when the table moves on
            return plan_update(self.articles_dir, self.index_dir, watch=self._watch).state

    def index_usable(self) -> bool:
        """Cheaper than index_state: an index of the current schema exists (it may be outdated).

        Reads a few bytes of the manifest, stats no article file: the TUI shows results from
        it at once and checks freshness afterwards."""
        return index_usable(self.index_dir)

    def watching(self) -> bool:
        """Whether the folder watch follows the article files (then `index_state` reads
        the kernel's news instead of a stat of every file)."""
        return self._watch.armed

    def index_version(self) -> object:
        """A stamp that changes whenever the index is written, by this process or
        another (an import elsewhere): one stat of the index folder."""
        try:
            found = os.stat(self.index_dir)
        except OSError:
            return None
        return (found.st_ino, found.st_mtime_ns)

    def ensure_index(self, progress: Progress | None = None, *, rebuild: bool = False) -> IndexReport:
        """Build, update or rebuild the index so it matches the article files."""
        with self._update_lock:
            report = update_index(
                self.articles_dir, self.index_dir, progress, rebuild=rebuild, watch=self._watch
            )
        self.last_report = report
        return report

    def _run(self, action: Callable[[], T]) -> T:
        """Run a read under the lock; a missing or unreadable index is rebuilt, then retried once."""
        with self._lock:
            try:
                return action()
            except IndexGone as exc:
                problem, rebuild = str(exc), False  # the update sees "missing" or "corrupt" itself
            except Exception as exc:
                damage = index_damage(exc, self.index_dir)
                if damage is None:
                    raise
                problem, rebuild = f"corrupt ({damage})", True
            self._forget()
            with self._update_lock:
                self.last_report = update_index(
                    self.articles_dir,
                    self.index_dir,
                    rebuild=rebuild,
                    reason=problem[:200],
                    watch=self._watch,
                )
            try:
                return action()
            except IndexGone as exc:
                raise StoreError(f"{exc}; it could not be rebuilt") from None

    def _forget(self) -> None:
        self._reader.close()
        self._registry = None
        self._ordered_cache.clear()

    def _searcher(self) -> Any:
        return self._reader.get()

    def _parse(self, query: str, budget: Budget) -> wq.Query:
        # read once per index version: on the query's clock it starved an AND's second word
        return self._queries.parse(query, budget, lambda: budget.off_the_clock(self.registry))

    def registry(self) -> EntityRegistry:
        """Every entity of the corpus, with `aliases.yaml` applied (rebuilt when either changed)."""
        searcher = self._searcher()
        key = (self._reader.generation(), self._alias_stamp())
        if self._registry is None or key != self._registry_key:
            self._registry = EntityRegistry(searcher.reader(), self.curation())
            self._registry_key = key
            self._ordered_cache.clear()
        return self._registry

    def _alias_stamp(self) -> object:
        try:
            stat = (self.data_dir / ALIASES_FILE).stat()
        except FileNotFoundError:
            return None
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    def curation(self) -> AliasTable:
        """The alias and curation table of `aliases.yaml`, re-read whenever the file changes."""
        stamp = self._alias_stamp()
        if self._table is None or self._table[0] != stamp:
            table, self._alias_problems = load_aliases(self.data_dir)
            self._table = (stamp, table)
        return self._table[1]

    def curate(
        self, action: str, name: str | None = None, value: str | None = None, *, type: str | None = None
    ) -> CurationChange:
        """Rename, retype, merge, split or drop an entity, or undo the last of these
        (store.index.curate_actions); saved in aliases.yaml, in effect at once."""
        change = self._run(
            lambda: run_action(
                self.registry(), self._searcher().reader(), Curator(self.data_dir), self.articles_dir,
                action, name, value, type,
            )
        )  # fmt: skip
        if change.articles:
            self.ensure_index()
        return change

    def load_names(self) -> None:
        """Read the entity registry and the headlines now (a long-running caller does it
        at start, so that its first `speaker:` or `entity:` query and its first palette
        do not wait for them)."""
        self._run(self.registry)
        self.articles()

    def _ordered(self, fieldname: str, terms: list[str]) -> list[int]:
        """Docnums in date order, cached per index version (the jump pages through them)."""
        key = (fieldname, tuple(terms), self._reader.generation())
        found = self._ordered_cache.get(key)
        if found is None:
            if len(self._ordered_cache) > 32:
                self._ordered_cache.clear()
            found = self._ordered_cache[key] = self._reader.ordered(fieldname, terms)
        return found

    # search ---------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Passages matching `query`, best first (or newest first); "" lists the newest articles.

        The search stops at its time budget, or as soon as `stop()` is true (the caller
        no longer wants it: the TUI's reader typed on)."""
        if sort not in ("relevance", "date"):
            raise QueryError(query, f"sort must be relevance or date, not {sort!r}")
        return self._run(lambda: self._search(query, limit, offset, sort, stop))

    def _search(
        self, query: str, limit: int, offset: int, sort: str, stop: Callable[[], bool] | None
    ) -> SearchResult:
        started = time.perf_counter()
        dated = self._reader.dated_articles() > 0  # read once per index version
        budget = Budget(SEARCH_BUDGET_S, stop=stop)  # the clock counts the query's own work
        if sort == "date" and query.strip() and not dated:
            raise QueryError(
                query, "no article in this store has a date, so there is no newest first; sort by relevance"
            )
        if not query.strip():
            q: wq.Query = wq.Term("kind", "lead")
            sort = "date"
            terms = Highlight()
        else:
            q = self._parse(query, budget)
            terms = self._reader.highlight_terms(q)
        registry = self._registry
        return search_page(
            self._reader, q, terms, query=query, sort=sort, offset=offset, limit=limit, budget=budget,
            started=started, dated=dated,
            speaker_of=registry.speaker_of if registry is not None else _plain_speaker,
        )  # fmt: skip

    def facets(self, query: str, *, limit: int = 10) -> Facets:
        """Top people, organisations, places and speakers among the passages matching `query`."""
        return self._run(lambda: self._facets(query, limit))

    def _facets(self, query: str, limit: int) -> Facets:
        registry = self.registry()
        if not query.strip():
            return corpus_facets(registry, limit)
        budget = Budget(FACET_BUDGET_S)
        q = self._parse(query, budget)
        return query_facets(registry, self._searcher(), q, budget, limit)

    # articles ---------------------------------------------------------------------

    def articles(self, *, limit: int | None = None) -> list[ArticleSummary]:
        """Articles newest first, from the index's stored fields (no YAML parsing)."""
        return self._run(lambda: self._articles(limit))

    def _articles(self, limit: int | None) -> list[ArticleSummary]:
        # read once per index version (2 s for 10,000 headlines on a busy machine): the
        # palette asks at every opening
        self._searcher()  # reopened if the index changed: the generation is current
        generation = self._reader.generation()
        if self._headlines is None or self._headlines[0] != generation:
            headlines = (stored_passage(fields, Passage) for fields in self._reader.newest_articles(None))
            every = [ArticleSummary(p.article_id, p.title, p.date, p.source) for p in headlines]
            self._headlines = (generation, every)
        every = self._headlines[1]
        return list(every if limit is None else every[:limit])

    def dated_articles(self) -> int:
        """How many articles have a date (none: there is no "newest first" to show)."""
        return self._run(self._reader.dated_articles)

    def load_article(self, article_id: str) -> Article:
        """Parse one article's YAML file, with aliases.yaml applied to its entities (as the
        index shows them). Raises ArticleFileError naming the file."""
        return curate_article(self.stored_article(article_id), self.curation())

    def stored_article(self, article_id: str) -> Article:
        """The article exactly as its file says (for hand edits), the curation not applied."""
        return load_article(self.article_path(article_id))

    def article_path(self, article_id: str) -> Path:
        """The file of an article, by the store's one id check (`ArticleStore.path_for`);
        an id that is not one is an `ArticleFileError` naming the file it would be."""
        try:
            return ArticleStore(self.data_dir).path_for(article_id)
        except UnsafeId:
            path = self.articles_dir / f"{article_id}.yaml"
            raise ArticleFileError([Problem(path, None, f"{article_id!r} is not an article id")]) from None

    def stats(self) -> CorpusStats:
        """Counts for the status line."""
        return self._run(self._stats)

    def _stats(self) -> CorpusStats:
        registry = self.registry()
        return CorpusStats(
            articles=registry.article_count,
            quotes=registry.quote_count,
            entities=len(registry.groups),
            passages=self._searcher().doc_count(),
            dated=self._reader.dated_articles(),
        )

    def problems(self) -> list[Problem]:
        """Article files (and aliases.yaml) that could not be read at the last index update."""
        _, alias_problems = load_aliases(self.data_dir)
        return stored_problems(self.articles_dir, self.index_dir) + alias_problems

    def close(self) -> None:
        """Close the searcher (the Corpus can still be used: it reopens on demand)."""
        with self._lock:
            self._forget()
        with self._update_lock:
            self._watch.close()


def _plain_speaker(name: str | None) -> str | None:
    return name
