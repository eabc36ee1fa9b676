"""The views on tests/fixtures/views, whose counts are worked out by hand here.

Passages (18): five headlines (no names) and
  a1 2020-01-06  p0 Ames Burr Utopia · p1 Ames Utopia · p2 quote by Ames (names Ames)
  a2 2020-01-08  p0 Ames Burr Acme · p1 Utopia · p2 quote by Burr (names Burr)
  a3 2020-02-14  p0 Utopia Acme Ames · p1 quote by Acme Corp (names Acme, Utopia) · p2 quote by Ames
  a4 2020-02-20  p0 Utopia, and an unattributed quote · p1 Burr Utopia
  a5 undated     p0 Ames Burr · p1 two quotes by Burr (names Burr)
So Ames is named in 7 passages, Burr in 6, Utopia in 7, Acme Corp in 3.
"""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.corpus import Corpus, open_corpus
from store.hits import UnknownEntity
from tui.cli import main

VIEWS_STORE = Path(__file__).parent.parent / "fixtures" / "views"


@pytest.fixture(scope="module")
def views_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("views") / "store"
    shutil.copytree(VIEWS_STORE, target, ignore=shutil.ignore_patterns(".index*"))
    return target


@pytest.fixture(scope="module")
def views(views_store: Path) -> Iterator[Corpus]:
    corpus = open_corpus(views_store)
    corpus.ensure_index()
    yield corpus
    corpus.close()


def reference_g2(both: int, first: int, second: int, universe: int) -> float:
    """Dunning's G², written out cell by cell, signed."""
    cells = [
        (both, first * second / universe),
        (first - both, first * (universe - second) / universe),
        (second - both, (universe - first) * second / universe),
        (universe - first - second + both, (universe - first) * (universe - second) / universe),
    ]
    score = 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)
    return -score if both < first * second / universe else score


def test_comentions_by_passage(views: Corpus) -> None:
    found = views.cooccur("Alice Ames")
    assert (found.total, found.universe, found.distinct) == (7, 18, 3)
    assert [(c.name, c.count, c.corpus) for c in found.cooccurring] == [
        ("Bob Burr", 3, 6),
        ("Utopia", 3, 7),
        ("Acme Corp", 2, 3),
    ]  # Burr before Utopia: the same count, a higher score
    for entry in found.cooccurring:
        assert entry.score == pytest.approx(reference_g2(entry.count, 7, entry.corpus, 18), abs=1e-3)


def test_comentions_by_association_rank_the_rarer_partner_first(views: Corpus) -> None:
    found = views.cooccur("Alice Ames", rank="association", min_count=1)
    scores = {c.name: reference_g2(c.count, 7, c.corpus, 18) for c in found.cooccurring}
    assert [c.name for c in found.cooccurring] == sorted(scores, key=lambda n: -scores[n])
    assert [c.name for c in found.cooccurring] == ["Acme Corp", "Bob Burr", "Utopia"]
    # a minimum count leaves the pairs seen fewer times out of the association ranking
    assert [c.name for c in views.cooccur("Alice Ames", rank="association", min_count=3).cooccurring] == [
        "Bob Burr",
        "Utopia",
    ]


def test_comentions_by_article_and_type(views: Corpus) -> None:
    found = views.cooccur("Alice Ames", by="article")
    assert (found.total, found.universe) == (4, 5)
    assert {c.name: c.count for c in found.cooccurring} == {"Bob Burr": 3, "Utopia": 3, "Acme Corp": 2}
    assert [c.name for c in views.cooccur("Alice Ames", partner_type="GPE").cooccurring] == ["Utopia"]


def test_pair_passages_name_both_and_mark_both(views: Corpus) -> None:
    page = views.pair_mentions("Alice Ames", "Bob Burr")
    assert (page.total, page.articles) == (3, 3)
    assert page.other is not None and page.other.name == "Bob Burr"
    assert [(p.article_id[:10], p.paragraph) for p in page.passages] == [
        ("2020-01-06", 0),
        ("2020-01-08", 0),
        ("speeches-w", 0),  # undated last, as in the entity jump
    ]
    first = page.passages[0]
    assert [first.text[s:e] for s, e in first.mentions] == ["Alice Ames", "Bob Burr"]


def test_overrepresented_in_a_search(views: Corpus) -> None:
    found = views.overrepresented("deal", min_count=1)
    assert (found.matches, found.universe) == (3, 18)  # the headline "Deal signed" too
    assert [c.name for c in found.entities][:1] == ["Acme Corp"]
    assert all(c.score > 0 for c in found.entities)


def test_speakers_of_the_corpus(views: Corpus) -> None:
    found = views.speakers()
    assert (found.total_quotes, found.unattributed, found.speaker_count) == (7, 1, 3)
    rows = [(s.name, s.type, s.quotes, s.articles, s.first, s.last) for s in found.speakers]
    assert rows == [
        ("Bob Burr", "PERSON", 3, 2, "2020-01-08", "2020-01-08"),
        ("Alice Ames", "PERSON", 2, 2, "2020-01-06", "2020-02-14"),
        ("Acme Corp", "ORG", 1, 1, "2020-02-14", "2020-02-14"),
    ]
    assert [(s.key, s.quotes) for s in found.types] == [("PERSON", 5), ("ORG", 1)]
    assert [(s.key, s.quotes) for s in found.sources] == [
        ("Gazette", 3),
        ("(no source)", 2),
        ("Daily Planet", 2),
    ]


def test_speakers_by_month(views: Corpus) -> None:
    found = views.speakers(by="month")
    assert [(g.key, g.quotes, [(s.name, s.quotes) for s in g.speakers]) for g in found.groups] == [
        ("2020-01", 2, [("Alice Ames", 1), ("Bob Burr", 1)]),
        ("2020-02", 2, [("Acme Corp", 1), ("Alice Ames", 1)]),
        ("undated", 2, [("Bob Burr", 2)]),
    ]


def test_speakers_of_a_query_and_of_an_entitys_articles(views: Corpus) -> None:
    assert [(s.name, s.quotes) for s in views.speakers("deal").speakers] == [("Acme Corp", 1)]
    found = views.speakers(entity="Acme Corp")  # articles a2 and a3
    assert [(s.name, s.quotes) for s in found.speakers] == [
        ("Alice Ames", 1),
        ("Acme Corp", 1),
        ("Bob Burr", 1),
    ] or sorted((s.name, s.quotes) for s in found.speakers) == [
        ("Acme Corp", 1),
        ("Alice Ames", 1),
        ("Bob Burr", 1),
    ]
    assert found.total_quotes == 3


def test_speaker_profile_reads_inside_the_quotes(views: Corpus) -> None:
    profile = views.speaker_profile("Bob Burr")
    assert (profile.quotes, profile.read) == (3, 3)
    assert {w.name: w.count for w in profile.words} == {"fine": 2, "prices": 1, "rise": 1}


def test_timeline_buckets_and_undated(views: Corpus) -> None:
    found = views.timeline("bob")  # the word: a1p0 a2p0 a2p2 a4p1 a5p0 a5p1
    assert found.by == "day"  # 2020-01-06 .. 2020-02-20 is under two months
    by_month = views.timeline("bob", by="month")
    assert [(b.start, b.count, b.clause) for b in by_month.buckets] == [
        ("2020-01-01", 3, "date:2020-01"),
        ("2020-02-01", 1, "date:2020-02"),
    ]
    assert (by_month.undated, by_month.total) == (2, 6)
    assert by_month.total == views.search("bob").total
    weeks = views.timeline("", by="week", entity="Alice Ames")
    assert [(b.start, b.count) for b in weeks.buckets] == [
        ("2020-01-06", 4), ("2020-01-13", 0), ("2020-01-20", 0), ("2020-01-27", 0), ("2020-02-03", 0),
        ("2020-02-10", 2),
    ]  # fmt: skip
    assert weeks.buckets[0].clause == "date:[2020-01-06 to 2020-01-12]"
    assert weeks.undated == 1


def test_narrowing_with_the_bucket_clause_finds_the_bucket(views: Corpus) -> None:
    for bucket in views.timeline("utopia", by="week").buckets:
        assert views.search(f"utopia {bucket.clause}").total == bucket.count


def test_timeline_totals_equal_search_totals(views: Corpus) -> None:
    for query in (
        "",
        "utopia",
        "bob OR deal",
        "utopia -bob",
        "kind:quote",
        '"said in Utopia"',
        "ut*",
        'entity:"Alice Ames"',
    ):
        found = views.timeline(query)
        assert found.total == views.search(query).total, query
        assert sum(b.count for b in found.buckets) + found.undated == found.total


def test_speaker_timeline_counts_quotes(views: Corpus) -> None:
    found = views.timeline(speaker="Bob Burr", by="month")
    assert found.counts == "quotes"
    assert [(b.start, b.count) for b in found.buckets] == [("2020-01-01", 1)]
    assert (found.undated, found.total) == (2, 3)


def test_unknown_entity_is_named(views: Corpus) -> None:
    with pytest.raises(UnknownEntity):
        views.cooccur("Zed Zimmer")


def test_a_corpus_without_dates_has_no_buckets(tmp_path: Path) -> None:
    shutil.copytree(VIEWS_STORE, tmp_path / "store")
    for path in (tmp_path / "store" / "articles").glob("2020-*.yaml"):
        path.unlink()
    corpus = open_corpus(tmp_path / "store")
    found = corpus.timeline("")
    assert (found.total, found.undated, found.buckets) == (1, 1, [])
    corpus.close()


def test_cli_json_keys(views_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cooccur", "Alice Ames", "--json", "--data", str(views_store)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {"entity", "by", "rank", "cooccurring"} <= document.keys()
    assert {"name", "type"} <= document["entity"].keys()
    assert {"name", "type", "count", "score"} <= document["cooccurring"][0].keys()
    assert main(["speakers", "--json", "--data", str(views_store)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {"query", "total_quotes", "speakers"} <= document.keys()
    assert {"name", "type", "quotes", "articles", "first", "last"} <= document["speakers"][0].keys()
    assert main(["timeline", "utopia", "--json", "--data", str(views_store)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {"query", "by", "total", "undated", "buckets"} <= document.keys()
    assert {"start", "count"} <= document["buckets"][0].keys()
    assert main(["search", "utopia", "--json", "--data", str(views_store)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == document["total"]
    assert sum(b["count"] for b in document["buckets"]) + document["undated"] == document["total"]
