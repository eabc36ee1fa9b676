"""Events, works, awards and laws in the index (tests/fixtures/things): the jump,
`entity:` queries, the facets and the entity list reach them like any entity."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.corpus import Corpus, open_corpus

THINGS_STORE = Path(__file__).resolve().parent.parent / "fixtures" / "things"


@pytest.fixture
def things_corpus(tmp_path: Path) -> Iterator[Corpus]:
    shutil.copytree(THINGS_STORE, tmp_path / "store")
    corpus = open_corpus(tmp_path / "store")
    corpus.ensure_index()
    yield corpus
    corpus.close()


def test_the_jump_and_entity_queries_reach_an_award(things_corpus: Corpus) -> None:
    page = things_corpus.mentions("Harbour Prize")
    assert page.total == 3  # both paragraphs and the headline
    hits = things_corpus.search('entity:"Harbour Prize"', limit=10).hits
    assert {h.paragraph for h in hits} >= {0, 1}


def test_facets_and_the_entity_list_have_events_and_works(things_corpus: Corpus) -> None:
    facets = things_corpus.facets("jury")
    assert [f.name for f in facets.things] == ["Harbour Prize"]
    everything = things_corpus.facets("")
    assert {f.name for f in everything.things} == {"Harbour Prize", "Lisbon Design Festival"}
    assert {f.name for f in everything.places} == {"Lisbon"}  # the festival's place keeps it
    assert [e.name for e in things_corpus.entities(type="AWARD")] == ["Harbour Prize"]
