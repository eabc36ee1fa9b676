"""Facets: the top people, organisations, places and speakers for a query."""

from __future__ import annotations

from store.corpus import Corpus


def test_facets_count_matching_passages(corpus: Corpus) -> None:
    facets = corpus.facets("Lavrov")
    people = {f.name: f.count for f in facets.people}
    assert people["Sergei Lavrov"] == 4  # three paragraphs and a headline
    assert "John Kerry" in people
    assert {f.name for f in facets.places} >= {"Geneva", "Munich"}
    assert {f.name for f in facets.speakers} == {"Sergei Lavrov"}
    counts = [f.count for f in facets.people]
    assert counts == sorted(counts, reverse=True)


def test_facets_of_empty_query_cover_the_corpus_and_respect_limit(corpus: Corpus) -> None:
    facets = corpus.facets("", limit=2)
    assert len(facets.places) == 2 and facets.places[0].name == "Syria"
    assert facets.speakers[0].name == "John Kerry"
    assert {f.name for f in facets.organisations} <= {
        "Al Jazeera",
        "Islamic State of Iraq and the Levant",
        "State Department",
    }


def test_speaker_facets_carry_the_entity_type(corpus: Corpus) -> None:
    facets = corpus.facets("secretary")
    types = {f.name: f.type for f in facets.speakers}
    assert types.get("State Department", "ORG") == "ORG"
