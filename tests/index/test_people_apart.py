"""Two people one article keeps apart though one name fits the other ("the second son of
Pierre L'Enfant" beside Pierre Charles L'Enfant; tests/fixtures/apart): the corpus never
joins them, in the index's registry and in `extract`'s keys alike (store.person_fit)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.articles import ArticleStore
from store.corpus import Corpus, open_corpus
from store.identity import group_corpus, records_of
from store.models import Entity
from store.person_fit import apart_pairs

APART_STORE = Path(__file__).resolve().parent.parent / "fixtures" / "apart"
SON, FATHER = "Pierre Charles L'Enfant", "Pierre L'Enfant"


@pytest.fixture
def apart_corpus(tmp_path: Path) -> Iterator[Corpus]:
    target = tmp_path / "store"
    shutil.copytree(APART_STORE, target)
    corpus = open_corpus(target)
    corpus.ensure_index()
    yield corpus
    corpus.close()


def _articles() -> list[list[Entity]]:
    articles, problems = ArticleStore(APART_STORE).load_all()
    assert problems == []
    return [a.entities for a in sorted(articles, key=lambda a: a.id)]


def test_the_article_keeps_the_father_apart_from_the_son() -> None:
    first, second = _articles()
    assert apart_pairs(first) == [(FATHER, SON)]
    assert apart_pairs(second) == []


def test_extract_keys_never_join_them_and_the_short_name_says_whom_it_could_be() -> None:
    grouping = group_corpus(records_of(_articles()))
    father, son = grouping.entity("PERSON", FATHER), grouping.entity("PERSON", SON)
    assert father is not None and son is not None and father is not son
    assert father.also == [(SON, 1)]


def test_without_the_apart_pair_the_names_would_join() -> None:
    first, second = _articles()
    alone = [[e for e in first if e.name == SON], second]  # no article names both
    grouping = group_corpus(records_of(alone))
    assert grouping.entity("PERSON", FATHER) is grouping.entity("PERSON", SON)


def test_the_registry_keeps_them_apart_and_the_jump_lists_only_the_father(apart_corpus: Corpus) -> None:
    names = {e.name for e in apart_corpus.entities("PERSON")}
    assert {SON, FATHER} <= names
    page = apart_corpus.mentions(FATHER)
    assert page.entity.name == FATHER
    assert page.total == 2  # the museum article and "second son of Pierre L'Enfant", not the son
    assert apart_corpus.mentions(SON).total == 2
