"""The import run: read inputs, find the stored article each one updates,
extract quotes and entities where the text is new, save atomically.

Re-import semantics:
- An incoming article is the *same* as a stored one when they have the same
  URL, or come from the same .txt/.html file, or (with no conflicting URLs)
  have the same headline and date. It then keeps its id and file.
- It is *unchanged* when the digest of its imported content (title,
  standfirst, source, date, URL, paragraphs) equals the stored one: the file
  is not rewritten, so hand edits stay. An article that was imported without
  extraction is extracted by a later import that has extraction on.
- It is *updated* when that content changed; quotes and entities are kept
  when the paragraphs' text is the same, and re-extracted when it is not.
- A different article whose id is taken gets `-2`, `-3`, … appended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from store.aliases import AliasTable, load_aliases
from store.articles import ArticleStore
from store.errors import ArticleFileError, ImportFailed, Problem
from store.ingest.files import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, Manifests, find_inputs, read_text
from store.ingest.html import parse_html
from store.ingest.ids import make_id, with_suffix
from store.ingest.jsonl import count_records, read_jsonl
from store.ingest.layout import Block
from store.ingest.text import ParsedArticle, parse_text
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


def import_paths(
    paths: list[Path],
    data_dir: Path,
    *,
    extract: bool = True,
    processes: int = 1,
    progress: Progress | None = None,
) -> ImportReport:
    """Import files and folders into the store at `data_dir`."""
    report = ImportReport()
    store = ArticleStore(data_dir)
    inputs = find_inputs(paths)
    report.problems.extend(inputs.problems)
    report.failed += len(inputs.problems)
    extractor, aliases = _extraction(data_dir, report) if extract else (None, None)
    total = sum(count_records(p) if p.suffix.lower() in JSONL_SUFFIXES else 1 for p in inputs.files)
    matcher = _Matcher(store)
    manifests = Manifests()
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
        written: list[bool | None]
        try:
            written = list(store.save_many([pending.article for pending in batch]))
        except OSError:
            written = [_save_one(store, pending, report) for pending in batch]  # name each failure
        for pending, wrote in zip(batch, written, strict=True):
            _count(pending, wrote, report)
            tick(pending.article.title)
        batch.clear()

    for item in _parse_all(inputs.files, manifests):
        if isinstance(item, ImportFailed):
            report.failed += 1
            report.problems.append(item.problem)
            tick(str(item.problem.path))
            continue
        report.dropped.extend((item.where, block) for block in item.dropped)
        if batch and matcher.find(item) in {p.article.id for p in batch}:
            flush()  # it updates an article of this run not saved yet: save that first
        pending = _plan(item, store, matcher, extractor is not None, report)
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


def _parse_all(files: list[Path], manifests: Manifests) -> Iterator[ParsedArticle | ImportFailed]:
    for path in files:
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl(path)
            elif suffix in HTML_SUFFIXES:
                yield parse_html(path)
            elif suffix in TEXT_SUFFIXES:
                yield parse_text(read_text(path), path, manifests.meta_for(path))
        except ImportFailed as exc:
            yield exc
        except (
            ValueError,
            LookupError,
            RecursionError,
            OSError,
        ) as exc:  # a reader's bug must not stop the run
            yield ImportFailed(
                path, f"could not be read ({type(exc).__name__}: {exc}); please report this file"
            )


# ---------------------------------------------------------------- matching


def _title_key(title: str | None, published: str | None) -> tuple[str, str | None]:
    return (" ".join((title or "").casefold().split()), published)


def _origin_key(imported_from: str | None) -> str | None:
    """A whole-file origin (.txt/.html) as an absolute path; JSON Lines records have none."""
    if not imported_from or not imported_from.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        return None
    return str(Path(imported_from).resolve())


class _Matcher:
    """Finds the stored article an incoming one updates, and hands out free ids."""

    def __init__(self, store: ArticleStore) -> None:
        self.by_url: dict[str, str] = {}
        self.by_origin: dict[str, str] = {}
        self.by_title: dict[tuple[str, str | None], str] = {}
        self.url_of: dict[str, str | None] = {}
        self.taken: set[str] = set()
        self.digests: dict[str, tuple[str | None, str | None]] = {}
        """id -> (source_digest, extraction_digest) as the file says: spares loading unchanged files."""
        for entry in store.catalog():
            self.add(entry.id, entry.title, entry.published, entry.url, entry.imported_from)
            self.digests[entry.id] = (entry.source_digest, entry.extraction_digest)

    def add(
        self,
        article_id: str,
        title: str | None,
        published: str | None,
        url: str | None,
        imported_from: str | None,
    ) -> None:
        self.taken.add(article_id)
        self.url_of[article_id] = url
        if url:
            self.by_url.setdefault(url, article_id)
        origin = _origin_key(imported_from)
        if origin:
            self.by_origin.setdefault(origin, article_id)
        if title:
            self.by_title.setdefault(_title_key(title, published), article_id)

    def find(self, parsed: ParsedArticle) -> str | None:
        article = parsed.article
        if article.url and article.url in self.by_url:
            return self.by_url[article.url]
        if parsed.whole_file:
            origin = _origin_key(article.imported_from)
            if origin and origin in self.by_origin:
                return self.by_origin[origin]
        found = self.by_title.get(_title_key(article.title, article.published))
        if found is not None and article.url and self.url_of.get(found) not in (None, article.url):
            return None  # same headline and date, different URLs: two articles
        return found

    def new_id(self, article: Article) -> str:
        base = make_id(article.title, article.published)
        article_id, number = base, 1
        while article_id in self.taken:
            number += 1
            article_id = with_suffix(base, number)
        return article_id


# ---------------------------------------------------------------- planning


@dataclass
class _Pending:
    article: Article
    """What will be saved (after extraction, when `extract` is set)."""
    is_new: bool
    extract: bool
    where: str


def _plan(
    parsed: ParsedArticle, store: ArticleStore, matcher: _Matcher, can_extract: bool, report: ImportReport
) -> _Pending | None:
    """Decide what to do with one incoming article; None when it needs nothing (or failed)."""
    article = parsed.article
    article_id = matcher.find(parsed)
    if article_id is None:
        article.id = matcher.new_id(article)
        matcher.add(article.id, article.title, article.published, article.url, article.imported_from)
        report.ids.append(article.id)
        return _Pending(article, True, can_extract, parsed.where)
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
    matcher.add(article_id, article.title, article.published, article.url, article.imported_from)
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


def _save_one(store: ArticleStore, pending: _Pending, report: ImportReport) -> bool | None:
    try:
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
