"""Entities across the corpus, the palette lookup, stats, and aliases.yaml."""

from __future__ import annotations

import os
from pathlib import Path

from store.corpus import Corpus


def test_entities_most_mentioned_first_with_counts(corpus: Corpus) -> None:
    entities = corpus.entities()
    mentions = [e.mentions for e in entities]
    assert mentions == sorted(mentions, reverse=True)
    kerry = next(e for e in entities if e.name == "John Kerry")
    # 12 mentions in the bodies, 2 in headlines
    assert (kerry.type, kerry.articles, kerry.mentions, kerry.quotes) == ("PERSON", 3, 14, 6)
    assert "Kerry" in kerry.aliases


def test_entities_by_type(corpus: Corpus) -> None:
    places = corpus.entities("GPE")
    assert places and all(e.type == "GPE" for e in places)
    assert "Syria" in {e.name for e in places}


def test_find_entities_by_prefix_of_name_or_word(corpus: Corpus) -> None:
    assert [e.name for e in corpus.find_entities("lav")] == ["Sergei Lavrov"]
    assert "John Kerry" in {e.name for e in corpus.find_entities("ker")}
    assert "Islamic State of Iraq and the Levant" in {e.name for e in corpus.find_entities("isi")}
    assert corpus.find_entities("") == []


def test_stats(corpus: Corpus) -> None:
    stats = corpus.stats()
    assert (stats.articles, stats.quotes) == (5, 14)
    assert stats.passages > stats.articles and stats.entities >= 20


def test_counts_stay_right_after_an_edit(corpus: Corpus, store: Path) -> None:
    path = next((store / "articles").glob("2016-02-12*.yaml"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert corpus.ensure_index().updated == 1
    kerry = next(e for e in corpus.entities() if e.name == "John Kerry")
    assert (kerry.articles, kerry.mentions, kerry.quotes) == (3, 14, 6)
    assert corpus.stats().articles == 5 and corpus.stats().quotes == 14


def test_aliases_yaml_merges_entities_without_reindexing(corpus: Corpus, store: Path) -> None:
    before = {e.name for e in corpus.entities()}
    assert {"State Department", "John Kerry"} <= before
    (store / "aliases.yaml").write_text("John Forbes Kerry: [John Kerry]\n", encoding="utf-8")
    names = {e.name for e in corpus.entities()}
    assert "John Forbes Kerry" in names and "John Kerry" not in names
    merged = next(e for e in corpus.entities() if e.name == "John Forbes Kerry")
    assert merged.mentions == 14 and merged.quotes == 6
    page = corpus.mentions("Kerry")
    assert page.entity.name == "John Forbes Kerry" and page.total == 13
    assert corpus.search("speaker:kerry").hits[0].speaker == "John Forbes Kerry"
    assert corpus.index_state() == "ready"


def test_bad_aliases_yaml_is_a_problem_not_a_crash(corpus: Corpus, store: Path) -> None:
    (store / "aliases.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    assert corpus.entities()
    assert any(p.path.name == "aliases.yaml" for p in corpus.problems())
