"""The import run: read inputs, find the stored article each one updates,
extract quotes and entities where the text is new, save atomically.

Re-import semantics:
- An incoming article is the *same* as a stored one (or as one earlier in the same
  run) by what identifies it: the id its record gives (`meta.id`); else its URL;
  else, for a .txt/.html file, the file it comes from; else its content (every
  field the import sets). Two records with the same headline and different text
  are two articles. It then keeps its id and file. Each time an input is taken as
  an article that came from elsewhere (another file, or earlier in this run), the
  report names it and why (`ImportReport.merges`).
- It is *unchanged* when the digest of its imported content (title,
  standfirst, source, date, URL, paragraphs) equals the stored one: the file
  is not rewritten, so hand edits stay. An article that was imported without
  extraction is extracted by a later import that has extraction on.
- It is *updated* when that content changed; quotes and entities are kept
  when the paragraphs' text is the same, and re-extracted when it is not.
- A different article whose id is taken gets `-2`, `-3`, … appended. A new
  file is created exclusively, so two imports at once never overwrite each
  other's articles: the second takes the next free id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from store.aliases import AliasTable, load_aliases
from store.articles import ArticleStore
from store.errors import ArticleFileError, ImportFailed, Problem
from store.fileio import clean_leftovers
from store.ingest.dates import DAY_FIRST
from store.ingest.files import (
    JSONL_SUFFIXES,
    Manifests,
    find_inputs,
)
from store.ingest.jsonl import count_records
from store.ingest.layout import Block
from store.ingest.matching import Match, Matcher, given_id
from store.ingest.read import read_all
from store.ingest.text import ParsedArticle
from store.models import Article

Progress = Callable[[int, int, str], None]
Extractor = Callable[..., list[Article]]
BATCH = 256
"""Articles handed to extraction at a time (the NLP model is loaded once per batch)."""


@dataclass
class ImportReport:
    """What an import did, for the CLI to print."""

    imported: int = 0
    """New articles written."""
    updated: int = 0
    """Stored articles rewritten because their content (or extraction) changed."""
    unchanged: int = 0
    """Articles already stored exactly so: not rewritten."""
    failed: int = 0
    """Files or JSON Lines records that could not be imported."""
    problems: list[Problem] = field(default_factory=list)
    """Why each failure failed."""
    warnings: list[Problem] = field(default_factory=list)
    """Things imported with a caveat (a manifest line ignored, extraction unavailable)."""
    dropped: list[tuple[str, Block]] = field(default_factory=list)
    """(where, line) for each piece of page furniture left out."""
    ids: list[str] = field(default_factory=list)
    """Ids of the articles imported, updated or unchanged, in input order."""
    extracted: int = 0
    """Articles whose quotes and entities were (re-)extracted."""
    merges: list[Problem] = field(default_factory=list)
    """Each input taken as an article that came from elsewhere, and why ("the same
    id", "the same URL", "the same content")."""


def import_paths(
    paths: list[Path],
    data_dir: Path,
    *,
    extract: bool = True,
    processes: int = 1,
    progress: Progress | None = None,
    date_order: str = DAY_FIRST,
) -> ImportReport:
    """Import files and folders into the store at `data_dir`. Numeric dates
    (`03/04/2005`) are read in `date_order` (store.ingest.dates)."""
    report = ImportReport()
    store = ArticleStore(data_dir)
    clean_leftovers(store.articles_dir)  # temporary files of a killed run
    inputs = find_inputs(paths)
    report.problems.extend(inputs.problems)
    report.failed += len(inputs.problems)
    extractor, aliases = _extraction(data_dir, report) if extract else (None, None)
    total = sum(count_records(p) if p.suffix.lower() in JSONL_SUFFIXES else 1 for p in inputs.files)
    matcher = Matcher(store)
    manifests = Manifests(date_order)
    batch: list[_Pending] = []
    done = 0

    def tick(label: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(min(done, total), total, label)

    def flush() -> None:
        nonlocal extractor
        extractor = _extract_batch(batch, extractor, aliases, processes, report, progress, done, total)
        written = _save_batch(store, batch, matcher, report)
        for pending, wrote in zip(batch, written, strict=True):
            _count(pending, wrote, report)
            tick(pending.article.title)
        batch.clear()

    for item in read_all(inputs.files, manifests, date_order):
        if isinstance(item, ImportFailed):
            report.failed += 1
            report.problems.append(item.problem)
            tick(str(item.problem.path))
            continue
        report.dropped.extend((item.where, block) for block in item.dropped)
        report.warnings.extend(Problem(item.origin, item.line, warning) for warning in item.warnings)
        match = matcher.find(item)
        note = matcher.merge_note(item, match) if match is not None else None
        if note is not None:
            report.merges.append(note)
        if batch and match is not None and match.article_id in {p.article.id for p in batch}:
            flush()  # it updates an article of this run not saved yet: save that first
        pending = _plan(item, match, store, matcher, extractor is not None, report)
        matcher.seen_in_run(item, pending.article.id if pending else match.article_id if match else None)
        if pending is not None:
            matcher.digests.pop(pending.article.id, None)  # the file is about to change
            batch.append(pending)
        else:
            tick(item.article.title)
        if len(batch) >= BATCH:
            flush()
    flush()
    if progress:
        progress(total, total, "")  # blank JSON Lines lines were counted too
    report.warnings.extend(manifests.problems)
    return report


# ---------------------------------------------------------------- planning


@dataclass
class _Pending:
    article: Article
    """What will be saved (after extraction, when `extract` is set)."""
    is_new: bool
    extract: bool
    where: str


def _plan(
    parsed: ParsedArticle,
    match: Match | None,
    store: ArticleStore,
    matcher: Matcher,
    can_extract: bool,
    report: ImportReport,
) -> _Pending | None:
    """Decide what to do with one incoming article; None when it needs nothing (or failed)."""
    article = parsed.article
    if match is None:
        article.id = matcher.new_id(article)
        matcher.add(article.id, given_id(article), article.url, article.imported_from, article.source_digest)
        report.ids.append(article.id)
        return _Pending(article, True, can_extract, parsed.where)
    article_id = match.article_id
    source_digest, extraction_digest = matcher.digests.get(article_id, (None, None))
    if source_digest == article.source_digest and (extraction_digest or not can_extract):
        report.ids.append(article_id)
        report.unchanged += 1  # the file says so: no need to parse it
        return None
    try:
        stored = store.load(article_id)
    except ArticleFileError as exc:
        report.failed += 1
        report.problems.append(
            Problem(
                parsed.origin,
                parsed.line,
                f"would update {store.path_for(article_id)}, which cannot be "
                f"read ({exc.problems[0].message}); fix or delete that file, then import again",
            )
        )
        return None
    report.ids.append(article_id)
    never_extracted = can_extract and stored.extraction_digest is None
    if stored.source_digest == article.source_digest:
        if never_extracted:
            return _Pending(stored, False, True, parsed.where)
        report.unchanged += 1
        return None
    article.id = article_id
    matcher.add(article_id, given_id(article), article.url, article.imported_from, article.source_digest)
    if [(p.kind, p.text) for p in article.paragraphs] == [(p.kind, p.text) for p in stored.paragraphs]:
        article.quotes, article.entities = stored.quotes, stored.entities
        article.extraction_digest = stored.extraction_digest
        return _Pending(article, False, never_extracted, parsed.where)
    if (stored.quotes or stored.entities) and _edited_by_hand(stored):
        report.warnings.append(
            Problem(
                store.path_for(article_id),
                None,
                "its text changed, so the quotes and entities "
                "corrected by hand could not be kept (their offsets no longer fit); check them again",
            )
        )
    return _Pending(article, False, can_extract, parsed.where)


def _edited_by_hand(article: Article) -> bool:
    try:
        from store.extract.digest import edited_by_hand  # loads the NLP stack: only when needed
    except ImportError:
        return False
    return edited_by_hand(article)


# ---------------------------------------------------------------- extraction and saving


def _extraction(data_dir: Path, report: ImportReport) -> tuple[Extractor | None, AliasTable | None]:
    try:
        from store.extract import extract_articles
    except ImportError as exc:
        report.warnings.append(
            Problem(
                data_dir, None, f"extraction is not available ({exc}); articles saved without quotes/entities"
            )
        )
        return None, None
    aliases, problems = load_aliases(data_dir)
    report.warnings.extend(problems)
    return extract_articles, aliases


def _extract_batch(
    batch: list[_Pending],
    extractor: Extractor | None,
    aliases: AliasTable | None,
    processes: int,
    report: ImportReport,
    progress: Progress | None,
    done: int,
    total: int,
) -> Extractor | None:
    """Fill quotes and entities in place; returns None (no more tries) if extraction broke."""
    todo = [p for p in batch if p.extract]
    if extractor is None or not todo:
        return extractor

    def step(finished: int, _count: int, label: str) -> None:
        if progress:
            progress(done + finished, total, label)

    try:
        extracted = extractor([p.article for p in todo], processes=processes, progress=step, aliases=aliases)
    except Exception as exc:  # noqa: BLE001 - a broken extractor must not lose the import
        report.warnings.append(
            Problem(
                Path(todo[0].where),
                None,
                f"extraction failed ({type(exc).__name__}: {exc}); "
                "articles saved without quotes/entities — import again once it is fixed",
            )
        )
        return None
    if len(extracted) != len(todo):
        report.warnings.append(
            Problem(
                Path(todo[0].where),
                None,
                f"extraction returned {len(extracted)} articles for "
                f"{len(todo)}; these were saved without quotes/entities",
            )
        )
        return extractor
    for pending, article in zip(todo, extracted, strict=True):
        pending.article = article
    report.extracted += len(todo)
    return extractor


CREATE_TRIES = 50
"""New ids tried for one new article whose names other processes keep taking."""


def _save_batch(
    store: ArticleStore, batch: list[_Pending], matcher: Matcher, report: ImportReport
) -> list[bool | None]:
    """Save a batch: updates replace their files, new articles are created exclusively
    (a name another process took meanwhile gets the next free id). True written, False
    unchanged, None failed (counted and named)."""
    written: list[bool | None] = [None] * len(batch)
    updates = [i for i, pending in enumerate(batch) if not pending.is_new]
    new = [i for i, pending in enumerate(batch) if pending.is_new]
    try:
        for i, wrote in zip(updates, store.save_many([batch[i].article for i in updates]), strict=True):
            written[i] = wrote
    except OSError:
        for i in updates:
            written[i] = _save_one(store, batch[i], report)  # name each failure
    for _ in range(CREATE_TRIES):
        if not new:
            break
        try:
            created = store.create_many([batch[i].article for i in new])
        except OSError:
            for i in new:
                written[i] = _save_one(store, batch[i], report, create=True)
            return written
        retry = []
        for i, ok in zip(new, created, strict=True):
            if ok:
                written[i] = True
                continue
            article = batch[i].article  # another process took this name: the next one
            old_id = article.id
            article.id = matcher.new_id(article)
            matcher.rename(old_id, article.id)
            report.ids = [article.id if known == old_id else known for known in report.ids]
            retry.append(i)
        new = retry
    for i in new:
        report.failed += 1
        report.problems.append(Problem(Path(batch[i].where), None, "could not save: no free file name"))
    return written


def _save_one(
    store: ArticleStore, pending: _Pending, report: ImportReport, *, create: bool = False
) -> bool | None:
    try:
        if create:
            return store.create_many([pending.article])[0] or None
        return store.save(pending.article)
    except OSError as exc:
        report.failed += 1
        report.problems.append(Problem(Path(pending.where), None, f"could not save: {exc.strerror or exc}"))
        return None


def _count(pending: _Pending, written: bool | None, report: ImportReport) -> None:
    if written is None:
        return  # failed, already counted
    if pending.is_new:
        report.imported += 1
    elif written:
        report.updated += 1
    else:
        report.unchanged += 1
