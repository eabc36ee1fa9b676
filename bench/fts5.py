"""The same passages in SQLite FTS5 (standard library), as a yardstick.

Only queries FTS5 can answer the way newsdesk does are translated (`translate`
returns None for the others, which the bench reports apart):

- words, phrases, prefixes (`negot*`), `title:`, AND (implicit), OR, NOT and `-word`;
- `date:2019` and `date:[2019-01 to 2019-06]` become a range on the passage's date
  (an ISO text column), not a pattern;
- not `word~` (FTS5 has no fuzzy matching), nor `speaker:`, `entity:`, `kind:`
  (newsdesk's own fields: an entity or a speaker is a name term, not words).

Both sides rank every passage matching the words: the text column holds the headline
for a headline passage and the paragraph for the others, as newsdesk's `text` field
does. FTS5 ranks with BM25 (`ORDER BY rank`), newsdesk with its own saturated term
weight (store.index.scoring), so the two top 20s are not the same list; the work is.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from bench.recombine import Passage

SCHEMA = """
CREATE VIRTUAL TABLE passages USING fts5(
    text, title,
    article_id UNINDEXED, paragraph UNINDEXED, published UNINDEXED, kind UNINDEXED,
    tokenize = 'porter unicode61'
)
"""

NEWSDESK_ONLY = ("speaker", "entity", "kind", "source", "quote")
_TOKEN = re.compile(r'\w+:"[^"]*"|\w+:\[[^\]]*\]|"[^"]*"|\(|\)|\S+')
_FIELD = re.compile(r'(\w+):("[^"]*"|\[[^\]]*\]|\S+)')


class Yardstick:
    """An FTS5 database filled passage by passage."""

    def __init__(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.execute(SCHEMA)
        self.seconds = 0.0

    def add(self, rows: Iterable[Passage]) -> None:
        started = time.perf_counter()
        self.db.executemany(
            "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)",
            [(p.text, p.title, p.article_id, p.paragraph, p.published, p.kind) for p in rows],
        )
        self.seconds += time.perf_counter() - started

    def close(self) -> None:
        started = time.perf_counter()
        self.db.commit()
        self.db.execute("INSERT INTO passages(passages) VALUES ('optimize')")
        self.db.commit()
        self.db.close()
        self.seconds += time.perf_counter() - started


def kind_of(query: str) -> str:
    """`comparable`, `fuzzy` or `newsdesk-only` (for the report)."""
    if any(token.endswith("~") for token in query.split()):
        return "fuzzy"
    fields = {match.group(1) for match in _FIELD.finditer(query)}
    if fields & set(NEWSDESK_ONLY):
        return "newsdesk-only"
    return "comparable"


def _date_range(value: str) -> tuple[str, str]:
    """`2019` or `[2019-01 to 2019-06]` -> (lowest, highest) ISO text, inclusive."""
    value = value.strip('"')
    if value.startswith("["):
        low, _, high = value[1:-1].partition(" to ")
    else:
        low = high = value
    return low.strip(), high.strip() + "~"  # '~' sorts after every digit and '-'


def translate(query: str) -> tuple[str, str, list[str]] | None:
    """Our query language -> (FTS5 MATCH expression, extra WHERE, its parameters), or
    None when FTS5 cannot answer it the same way (kind_of says why)."""
    if kind_of(query) != "comparable":
        return None
    where, params = "", []
    groups: list[list[str]] = []
    """ORed terms, the groups ANDed (Whoosh's OR binds tighter than AND; FTS5's does not)."""
    negative: list[str] = []
    negate = either = False
    for token in _TOKEN.findall(query):
        field = _FIELD.fullmatch(token)
        if field and field.group(1) == "date":
            low, high = _date_range(field.group(2))
            where += " AND published >= ? AND published <= ?"
            params += [low, high]
        elif token in ("(", ")"):
            return None  # not in the bench's query mix
        elif token == "OR":
            either = True
        elif token == "NOT":
            negate = True
        elif token != "AND":
            if token.startswith("-") and len(token) > 1:
                token, negate = token[1:], True
            column, value = (
                ("title", field.group(2)) if field and field.group(1) == "title" else ("text", token)
            )
            term = f"{column}:{_term(value)}"
            if negate:
                negative.append(term)
            elif either and groups:
                groups[-1].append(term)
            else:
                groups.append([term])
            negate = either = False
    if not groups:
        return None
    match = " AND ".join(group[0] if len(group) == 1 else f"({' OR '.join(group)})" for group in groups)
    if negative:
        match = f"({match}) NOT " + " NOT ".join(negative)
    return match, where, params


def _term(value: str) -> str:
    if value.startswith('"'):
        return value
    if value.endswith("*"):
        return f'"{value[:-1]}"*'
    return f'"{value}"'


def search(
    db: sqlite3.Connection, translated: tuple[str, str, list[str]], limit: int = 20
) -> list[tuple[object, ...]]:
    """The `limit` best passages, with their headline-marked text (as newsdesk returns hits)."""
    match, where, params = translated
    sql = (
        "SELECT article_id, paragraph, highlight(passages, 0, '\x02', '\x03') FROM passages "
        f"WHERE passages MATCH ?{where} ORDER BY rank LIMIT ?"
    )
    return db.execute(sql, [match, *params, limit]).fetchall()
