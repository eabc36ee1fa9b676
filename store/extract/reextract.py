"""Re-running extraction on stored articles, keeping what people corrected by hand.

An article whose quotes or entities no longer match its `extraction_digest`
was edited by hand; it is left as it is unless `force` is given. A speaker set in
the "Check speakers" view is marked on its quote (`speaker_by: hand`): the article
is extracted again and that speaker carried over to the same quote. Articles are
written atomically, and only when extraction changed something. Extraction takes
minutes on a big store: a file that changed on disk meanwhile (a hand edit, an
import) is newer than what was extracted, so it is kept and reported, never
overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from store.aliases import load_aliases
from store.errors import ArticleFileError, Problem
from store.extract import Progress, extract_articles
from store.extract.digest import edited_by_hand, extraction_digest
from store.models import Article, Quote
from store.speaker_edit import carry_hand_speakers
from store.yamlio.load import article_from_text, iter_article_files, read_store_file
from store.yamlio.save import save_article


@dataclass
class ReextractReport:
    """What a re-extraction did, for the caller to show."""

    updated: list[str] = field(default_factory=list)
    """Ids of articles whose quotes or entities changed and were written."""
    unchanged: list[str] = field(default_factory=list)
    """Ids of articles extraction gave the same result for."""
    kept_edits: list[str] = field(default_factory=list)
    """Ids of hand-edited articles left alone (re-run with force to overwrite)."""
    changed_meanwhile: list[str] = field(default_factory=list)
    """Ids of articles whose file changed while extraction ran: the newer file was kept."""
    problems: list[Problem] = field(default_factory=list)
    """Files that could not be read, and ids that were asked for but not found."""
    hand_speakers: int = 0
    """Speakers set by hand (`speaker_by: hand`) carried over to the re-extracted quotes."""


def reextract(
    data_dir: Path,
    ids: list[str] | None = None,
    *,
    force: bool = False,
    processes: int = 1,
    progress: Progress | None = None,
) -> ReextractReport:
    """Extract quotes and entities again for the store's articles (or only `ids`)."""
    report = ReextractReport()
    articles_dir = data_dir / "articles"
    aliases, alias_problems = load_aliases(data_dir)
    report.problems.extend(alias_problems)
    wanted = set(ids or [])
    paths: dict[str, Path] = {}
    for path in iter_article_files(articles_dir):
        if wanted and path.stem not in wanted:
            continue
        paths[path.stem] = path
    for missing in sorted(wanted - paths.keys()):
        where = articles_dir / f"{missing}.yaml"
        report.problems.append(Problem(where, None, "no such article in the store"))
    todo: list[tuple[Path, Article, tuple[object, ...]]] = []
    read: dict[Path, bytes] = {}
    hand: dict[int, list[Quote]] = {}  # id(article) -> its quotes whose speaker a person set
    for path in paths.values():
        try:
            raw = read_store_file(path)
            article = article_from_text(_decoded(raw, path), path)
        except ArticleFileError as exc:
            report.problems.extend(exc.problems)
            continue
        if not force and edited_by_hand(article):
            report.kept_edits.append(article.id)
            continue
        read[path] = raw
        hand[id(article)] = [replace(q) for q in article.quotes if q.speaker_by_hand]
        todo.append((path, article, _extracted(article)))
    broken: dict[int, str] = {}
    extract_articles(
        [a for _, a, _ in todo],
        processes=processes,
        progress=progress,
        aliases=aliases,
        failed=lambda article, message: broken.__setitem__(id(article), message),
    )
    for path, article, before in todo:
        if id(article) in broken:
            report.problems.append(Problem(path, None, f"{broken[id(article)]}; the file was left as it was"))
            continue
        if hand[id(article)]:
            carry_hand_speakers(article, hand[id(article)])
            report.hand_speakers += len(hand[id(article)])
            article.extraction_digest = extraction_digest(article)
        if _extracted(article) == before:
            report.unchanged.append(article.id)
            continue
        try:
            now = read_store_file(path)
        except ArticleFileError:
            now = None
        if now != read[path]:  # edited (or removed) while extraction ran: the file is newer
            report.changed_meanwhile.append(article.id)
            continue
        save_article(path, article)
        report.updated.append(article.id)
    return report


def _decoded(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ArticleFileError([Problem(path, line, "not UTF-8 text; save the file as UTF-8")]) from None


def _extracted(article: Article) -> tuple[object, ...]:
    return (repr(article.quotes), repr(article.entities), article.extraction_digest)
