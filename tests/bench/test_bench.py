"""The benchmark's corpus and yardstick: distinct real passages, queries FTS5 answers alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench import fts5
from bench.recombine import Passage, passages, write_store
from store.yamlio.load import load_article

FIXTURE_STORE = Path(__file__).resolve().parents[1] / "fixtures" / "store"


@pytest.fixture(scope="module")
def recombined(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Passage]]:
    target = tmp_path_factory.mktemp("recombined")
    rows = [row for article in write_store(FIXTURE_STORE, 40, target) for row in passages(article)]
    return target, rows


def test_every_passage_is_distinct_and_made_of_real_text(recombined: tuple[Path, list[Passage]]) -> None:
    _, rows = recombined
    body = [row.text for row in rows if row.paragraph >= 0]
    assert len(set(body)) == len(body) > 100
    originals = " ".join(
        p.text for path in (FIXTURE_STORE / "articles").glob("*.yaml") for p in load_article(path).paragraphs
    )
    assert all(row.text.split()[0] in originals for row in rows if row.paragraph >= 0)


def test_the_recombined_files_load_and_are_newest_first_by_name(
    recombined: tuple[Path, list[Passage]],
) -> None:
    target, _ = recombined
    files = sorted((target / "articles").glob("*.yaml"))
    assert len(files) == 40
    articles = [load_article(path) for path in files]  # raises on any problem
    assert all(article.id == path.stem for article, path in zip(articles, files, strict=True))
    assert any(article.entities for article in articles)


@pytest.mark.parametrize(
    ("query", "match", "where"),
    [
        ("syria", 'text:"syria"', ""),
        ('"peace talks"', 'text:"peace talks"', ""),
        ("negot*", 'text:"negot"*', ""),
        ("title:kerry", 'title:"kerry"', ""),
        ("kerry assad", 'text:"kerry" AND text:"assad"', ""),
        ("kerry OR lavrov", '(text:"kerry" OR text:"lavrov")', ""),
        ("kerry -assad", '(text:"kerry") NOT text:"assad"', ""),
        ("kerry NOT assad", '(text:"kerry") NOT text:"assad"', ""),
        ("date:2015 kerry", 'text:"kerry"', " AND published >= ? AND published <= ?"),
    ],
)
def test_queries_fts5_answers_alike_are_translated(query: str, match: str, where: str) -> None:
    translated = fts5.translate(query)
    assert translated is not None and translated[:2] == (match, where)
    assert fts5.kind_of(query) == "comparable"


@pytest.mark.parametrize(
    ("query", "kind"),
    [("halp~", "fuzzy"), ("speaker:kerry", "newsdesk-only"), ('entity:"John Kerry"', "newsdesk-only")],
)
def test_queries_fts5_cannot_answer_alike_are_set_apart(query: str, kind: str) -> None:
    assert fts5.kind_of(query) == kind and fts5.translate(query) is None


def test_date_ranges_and_not_select_what_newsdesk_selects(
    recombined: tuple[Path, list[Passage]], tmp_path: Path
) -> None:
    _, rows = recombined
    yardstick = fts5.Yardstick(tmp_path / "fts5.db")
    yardstick.add(rows)
    yardstick.close()
    db = sqlite3.connect(tmp_path / "fts5.db")
    year = next(row.published[:4] for row in rows if row.published)
    dated = fts5.translate(f"date:[{year}-01 to {year}-12] kerry")
    assert dated is not None
    found = fts5.search(db, dated, limit=1000)
    assert found and all(
        next(r.published for r in rows if r.article_id == article_id).startswith(year)
        for article_id, _, _ in found
    )
    both = {(a, p) for a, p, _ in fts5.search(db, ("text:kerry AND text:assad", "", []), limit=1000)}
    without = fts5.translate("kerry -assad")
    assert without is not None
    kept = {(a, p) for a, p, _ in fts5.search(db, without, limit=1000)}
    assert kept and not kept & both
