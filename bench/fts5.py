"""The same passages in SQLite FTS5 (standard library), as a yardstick."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

from bench.replicate import Replica

SCHEMA = """
CREATE VIRTUAL TABLE passages USING fts5(
    text, title, speakers, entities,
    article_id UNINDEXED, paragraph UNINDEXED, date UNINDEXED, kind UNINDEXED,
    tokenize = 'porter unicode61'
)
"""


def build(replicas: list[Replica], path: Path) -> float:
    """Index every passage of every replica; returns seconds."""
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute(SCHEMA)
    rows_of: dict[int, list[tuple[object, ...]]] = {}
    for replica in replicas:
        template = replica.template
        rows = rows_of.get(id(template))
        if rows is None:
            rows = rows_of[id(template)] = _template_rows(template.article)
        db.executemany(
            "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*row[:4], replica.article_id, row[4], replica.published or "", row[5]) for row in rows],
        )
    db.commit()
    db.close()
    return time.perf_counter() - started


def _template_rows(article) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [(article.title, article.title, "", "", -1, "title")]
    if article.standfirst:
        rows.append((article.standfirst, "", "", "", -2, "standfirst"))
    for number, paragraph in enumerate(article.paragraphs):
        speakers = " ; ".join(q.speaker or "" for q in article.quotes if q.paragraph == number)
        names = " ; ".join(
            alias
            for entity in article.entities
            if any(m.paragraph == number for m in entity.mentions)
            for alias in {entity.name, *entity.aliases}
        )
        kind = "quote" if speakers else paragraph.kind
        rows.append((paragraph.text, "", speakers, names, number, kind))
    return rows


_FIELD = re.compile(r'(\w+):("[^"]*"|\[[^\]]*\]|\S+)')


def translate(query: str) -> tuple[str, str, list[str]]:
    """Our query language -> (FTS5 MATCH expression, extra WHERE, its parameters)."""
    where, params, parts = "", [], []
    for token in re.findall(r'\w+:"[^"]*"|\w+:\[[^\]]*\]|"[^"]*"|\S+', query):
        field = _FIELD.fullmatch(token)
        if field:
            name, value = field.groups()
            if name == "date":
                where += " AND date LIKE ?"
                params.append(value.strip('"') + "%")
                continue
            if name == "kind":
                where += " AND kind = ?"
                params.append(value)
                continue
            column = {"speaker": "speakers", "entity": "entities", "title": "title"}.get(name, "text")
            parts.append(f"{column}:{_term(value)}")
        elif token.upper() in ("AND", "OR", "NOT"):
            parts.append(token.upper())
        else:
            parts.append(_term(token))
    return " ".join(parts) or '""', where, params


def _term(value: str) -> str:
    if value.startswith('"'):
        return value
    fuzzy = value.endswith("~")
    value = value.rstrip("~")
    if value.endswith("*"):
        return f'"{value[:-1]}"*'
    return f'"{value}"' if not fuzzy else f'"{value}"'


def search(db: sqlite3.Connection, query: str, limit: int = 20) -> list[tuple[object, ...]]:
    match, where, params = translate(query)
    sql = (
        "SELECT article_id, paragraph, highlight(passages, 0, '\x02', '\x03') FROM passages "
        f"WHERE passages MATCH ?{where} ORDER BY rank LIMIT ?"
    )
    return db.execute(sql, [match, *params, limit]).fetchall()
