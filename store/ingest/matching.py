"""Which stored article an incoming one is, and the ids new ones get.

An incoming article is the same as a stored one (or as one earlier in the same run)
by what identifies it: the id its record gives (`meta.id`); else its URL; else, for
a .txt/.html file, the file it comes from; else its content (see
store.ingest.pipeline for what an import then does).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.articles import ArticleStore
from store.errors import Problem
from store.ingest.files import HTML_SUFFIXES, TEXT_SUFFIXES
from store.ingest.ids import make_id, with_suffix
from store.ingest.text import ParsedArticle
from store.models import Article


def _origin_key(imported_from: str | None) -> str | None:
    """A whole-file origin (.txt/.html) as an absolute path; JSON Lines records have none."""
    if not imported_from or not imported_from.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        return None
    return str(Path(imported_from).resolve())


def _origin_file(imported_from: str | None) -> str | None:
    """The file part of an origin (`feed.jsonl:12` -> the absolute path of feed.jsonl)."""
    if not imported_from:
        return None
    path, _, line = imported_from.rpartition(":")
    return str(Path(path if path and line.isdigit() else imported_from).resolve())


def given_id(article: Article) -> str | None:
    given = article.meta.get("id")
    return given if isinstance(given, str) and given else None


@dataclass
class Match:
    article_id: str
    """The article (stored, or earlier in this run) an input is the same as."""
    reason: str
    """Why: "the same id 'x'", "the same URL", "the same file", "the same content"."""


class Matcher:
    """Finds the article an incoming one is (by its id, URL, file or content), and hands out free ids."""

    def __init__(self, store: ArticleStore) -> None:
        self.by_given: dict[str, str] = {}
        self.by_url: dict[str, str] = {}
        self.by_origin: dict[str, str] = {}
        self.by_digest: dict[str, str] = {}
        self.origin_of: dict[str, str | None] = {}
        self.taken: set[str] = set()
        self.in_run: dict[str, str] = {}
        """id -> where in this run's inputs it first came from."""
        self.digests: dict[str, tuple[str | None, str | None]] = {}
        """id -> (source_digest, extraction_digest) as the file says: spares loading unchanged files."""
        for entry in store.catalog():
            self.add(entry.id, entry.given_id, entry.url, entry.imported_from, entry.source_digest)
            self.digests[entry.id] = (entry.source_digest, entry.extraction_digest)

    def add(
        self,
        article_id: str,
        given_id: str | None,
        url: str | None,
        imported_from: str | None,
        digest: str | None,
    ) -> None:
        self.taken.add(article_id)
        self.origin_of.setdefault(article_id, imported_from)
        if given_id:
            self.by_given.setdefault(given_id, article_id)
        if url:
            self.by_url.setdefault(url, article_id)
        origin = _origin_key(imported_from)
        if origin:
            self.by_origin.setdefault(origin, article_id)
        if digest:
            self.by_digest.setdefault(digest, article_id)

    def find(self, parsed: ParsedArticle) -> Match | None:
        article = parsed.article
        given = given_id(article)
        if given:  # the record says which article it is: nothing else decides
            found = self.by_given.get(given)
            return Match(found, f"the same id {given!r}") if found else None
        if article.url and article.url in self.by_url:
            return Match(self.by_url[article.url], "the same URL")
        if parsed.whole_file:  # a .txt or .html file is the article it holds
            origin = _origin_key(article.imported_from)
            if origin and origin in self.by_origin:
                return Match(self.by_origin[origin], "the same file")
        if article.url:
            return None  # a URL no stored article has: a new article
        found = self.by_digest.get(article.source_digest or "")
        return Match(found, "the same content") if found else None

    def merge_note(self, parsed: ParsedArticle, match: Match) -> Problem | None:
        """What to say of a match to an article that came from elsewhere: earlier in this
        run, or another file (a re-import of the same file is not news; None)."""
        earlier = self.in_run.get(match.article_id)
        if earlier is not None:
            message = f"merged into {match.article_id}: {match.reason} as {earlier}"
        elif _origin_file(self.origin_of.get(match.article_id)) != _origin_file(parsed.article.imported_from):
            came = self.origin_of.get(match.article_id) or "by hand"
            message = f"taken as the stored article {match.article_id} ({match.reason}; it came from {came})"
        else:
            return None
        return Problem(parsed.origin, parsed.line, message)

    def seen_in_run(self, parsed: ParsedArticle, article_id: str | None) -> None:
        if article_id is not None:
            self.in_run.setdefault(article_id, parsed.where)

    def rename(self, old: str, new: str) -> None:
        """An article of this run saved under another id (its name was taken meanwhile)."""
        self.taken.add(new)  # `old` stays taken: another process has it
        for table in (self.by_given, self.by_url, self.by_origin, self.by_digest):
            for key, article_id in table.items():
                if article_id == old:
                    table[key] = new
        self.origin_of[new] = self.origin_of.get(old)
        if old in self.in_run:
            self.in_run[new] = self.in_run.pop(old)

    def new_id(self, article: Article) -> str:
        base = make_id(article.title, article.published)
        article_id, number = base, 1
        while article_id in self.taken:
            number += 1
            article_id = with_suffix(base, number)
        return article_id
