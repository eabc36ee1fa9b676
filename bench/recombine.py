"""Scale a corpus of real articles up by recombining their paragraphs.

A benchmark made of copies flatters a search engine: 100,000 articles made of 202
originals hold about 495 identical copies of each passage, the 20th best score
equals the best almost at once, and top-k skipping looks better than it will on
real news. Here every passage is distinct and made of real text:

- source articles come from a JSON Lines file (read as `newsdesk import` reads it,
  store.ingest.jsonl; `.gz` is fine) or from a store's `articles/` folder;
- article n takes its shape (paragraph count and kinds, date, source) from source
  article n mod S, its date moved back one year per round over the sources;
- its paragraph i is the first half (by sentences) of that source's paragraph i,
  followed by the second half of a paragraph drawn from another source article; no
  (first, second) pair is used twice, so no two passages are the same text and
  scores rarely tie; the headline is recombined the same way, by words;
- quotes are the quotation marks found in the new paragraphs (store.extract.quotes),
  credited by a "Name said" rule; entities are runs of capitalised words (types from
  the source's own entities where it has them, else ORG). No spaCy: 100,000
  articles would take hours. Entities serve the entity-jump timing, not quality.

Everything is seeded: the same source and count give the same corpus.
"""

from __future__ import annotations

import gzip
import multiprocessing
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from store.errors import ImportFailed
from store.extract.quotes import is_quotation, paragraph_regions
from store.ingest.jsonl import parse_record
from store.models import Article, Entity, Mention, Paragraph, Quote
from store.yamlio.dump import dump_article
from store.yamlio.load import iter_article_files, load_article

SEED = 14
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")
_NAME = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.|of|de|von))*\s+[A-Z][a-z]+\b")
_NOT_A_NAME_START = {"The", "A", "An", "In", "On", "At", "But", "And", "For", "If", "It", "He", "She", "They"}
_SAID = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)+),? (?:said|told|added)\b|\bsaid ([A-Z][a-z]+(?: [A-Z][a-z]+)+)"
)


@dataclass
class Source:
    """A real article to recombine from."""

    article: Article
    halves: list[tuple[str, str]]
    """Each paragraph's first and second half, split between sentences."""


@dataclass
class Passage:
    """One passage as the FTS5 yardstick stores it (bench.fts5)."""

    article_id: str
    paragraph: int
    kind: str
    text: str
    title: str
    published: str


def _halves(text: str) -> tuple[str, str]:
    sentences = _SENTENCE_END.split(text)
    if len(sentences) < 2:
        words = text.split()
        middle = max(1, len(words) // 2)
        return " ".join(words[:middle]), " ".join(words[middle:])
    middle = (len(sentences) + 1) // 2
    return " ".join(sentences[:middle]), " ".join(sentences[middle:])


def _open_lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        yield from handle


def load_sources(path: Path) -> tuple[list[Source], dict[str, str]]:
    """The articles of a JSON Lines file or a store folder (its `articles/`), and the
    entity types the store's own extraction found (name -> type; empty for JSONL)."""
    articles: list[Article] = []
    if path.is_dir():
        folder = path / "articles" if (path / "articles").is_dir() else path
        articles = [load_article(file) for file in iter_article_files(folder)]
    else:
        for number, line in enumerate(_open_lines(path), 1):
            if line.strip():
                try:
                    articles.append(parse_record(line.strip(), path, number).article)
                except ImportFailed:
                    continue  # a headline-only brief or a bad line: nothing to recombine
    types = {entity.name: entity.type for article in articles for entity in article.entities}
    sources = [
        Source(article, [_halves(p.text) for p in article.paragraphs])
        for article in articles
        if article.paragraphs
    ]
    if len(sources) < 2:
        raise SystemExit(f"bench: {path} has fewer than two articles with paragraphs to recombine")
    return sources, types


def _shifted(published: str | None, years: int) -> str | None:
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    year, month, day = parts[0] - years, parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    if (month, day) == (2, 29):
        day = 28
    return date(year, month, day).isoformat()[: len(published)]


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "article"


def _entities_and_quotes(
    paragraphs: list[Paragraph], types: dict[str, str]
) -> tuple[list[Entity], list[Quote]]:
    found: dict[str, Entity] = {}
    quotes: list[Quote] = []
    for number, paragraph in enumerate(paragraphs):
        text = paragraph.text
        for match in _NAME.finditer(text):
            name, start = match.group(), match.start()
            first, _, rest = name.partition(" ")
            if first in _NOT_A_NAME_START:
                name, start = rest, start + len(first) + 1
                if " " not in name:
                    continue
            entity = found.get(name)
            if entity is None:
                entity = found[name] = Entity(name, types.get(name, "ORG"), [name])
            entity.mentions.append(Mention(number, start, start + len(name)))
        said = _SAID.search(text)
        speaker = (said.group(1) or said.group(2)) if said else None
        if speaker and speaker not in found:
            found[speaker] = Entity(speaker, "PERSON", [speaker])  # named in the cue only
        regions, _ = paragraph_regions(text, number, False)
        for region in regions:
            if region.closed and is_quotation(region, text):
                quotes.append(
                    Quote(region.text, number, region.start, region.end, speaker, "said" if speaker else None)
                )
    return list(found.values()), quotes


class Recombiner:
    """Makes article n of the scaled corpus (deterministic in the sources and n)."""

    def __init__(self, sources: list[Source], types: dict[str, str]) -> None:
        self.sources = sources
        self.types = types
        self.rng = random.Random(SEED)
        self.used: set[tuple[int, int, int, int]] = set()
        self.title_words = [s.article.title.split() for s in sources]

    def _other(self, this: int) -> tuple[int, int]:
        while True:
            other = self.rng.randrange(len(self.sources))
            if other != this:
                return other, self.rng.randrange(len(self.sources[other].halves))

    def article(self, number: int) -> Article:
        index = number % len(self.sources)
        source = self.sources[index]
        paragraphs = []
        for i, (first, _) in enumerate(source.halves):
            while True:
                other, j = self._other(index)
                if (index, i, other, j) not in self.used:
                    self.used.add((index, i, other, j))
                    break
            second = self.sources[other].halves[j][1]
            text = f"{first} {second}".strip() if second else f"{first} {self.sources[other].halves[j][0]}"
            paragraphs.append(Paragraph(text, source.article.paragraphs[i].kind))
        if not any(p.kind == "text" for p in paragraphs):
            paragraphs[0].kind = "text"
        words = self.title_words[index]
        other_words = self.title_words[self._other(index)[0]]
        title = " ".join(words[: max(1, (len(words) + 1) // 2)] + other_words[len(other_words) // 2 :])
        published = _shifted(source.article.published, number // len(self.sources))
        entities, quotes = _entities_and_quotes(paragraphs, self.types)
        article_id = f"{published + '-' if published else ''}{_slug(title)}-r{number:06d}"
        return Article(
            id=article_id,
            title=title,
            paragraphs=paragraphs,
            source=source.article.source,
            published=published,
            quotes=quotes,
            entities=entities,
        )


def passages(article: Article) -> list[Passage]:
    """The article's passages as the yardstick indexes them: headline, then paragraphs."""
    published = article.published or ""
    rows = [Passage(article.id, -1, "title", article.title, article.title, published)]
    quoted = {quote.paragraph for quote in article.quotes}
    for number, paragraph in enumerate(article.paragraphs):
        kind = "quote" if number in quoted else paragraph.kind
        rows.append(Passage(article.id, number, kind, paragraph.text, "", published))
    return rows


def write_store(source: Path, count: int, target: Path) -> Iterator[Article]:
    """Write `count` recombined articles into target/articles (emptied first),
    yielding each one after it is written. Two processes turn articles into YAML
    (the representer is Python, 3 ms an article); the recombining stays in this one,
    so the corpus does not depend on their timing."""
    sources, types = load_sources(source)
    articles_dir = target / "articles"
    shutil.rmtree(target, ignore_errors=True)
    articles_dir.mkdir(parents=True)
    recombiner = Recombiner(sources, types)
    made = (recombiner.article(number) for number in range(count))
    with multiprocessing.get_context("fork").Pool(2) as pool:
        for article, text in pool.imap(_dumped, made, chunksize=64):
            (articles_dir / f"{article.id}.yaml").write_text(text, encoding="utf-8")
            yield article


def _dumped(article: Article) -> tuple[Article, str]:
    return article, dump_article(article)
