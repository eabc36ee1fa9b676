"""Fixtures for the index tests: a private copy of the fixture store per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.replicate import load_templates, write_store
from store.corpus import Corpus, open_corpus

FIXTURE_STORE = Path(__file__).parent.parent / "fixtures" / "store"
KERRY = "2015-09-19-kerry-says-syria-s-assad-must-go-but-timing-negotiable"
HAMMOND = "2015-09-21-hammond-says-britain-could-accept-assad-during-transition"
LAVROV = "2016-02-12-kerry-and-lavrov-agree-plan-for-syria-ceasefire"
MARKUP = "2019-03-01-editors-warn-about-markup-in-copy"
LIBRARY = "town-council-approves-new-library"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/store (the index is written into it)."""
    target = tmp_path / "store"
    shutil.copytree(FIXTURE_STORE, target, ignore=shutil.ignore_patterns(".index*"))
    return target


@pytest.fixture
def corpus(store: Path) -> Iterator[Corpus]:
    """A Corpus on the store copy with its index built."""
    corpus = open_corpus(store)
    corpus.ensure_index()
    yield corpus
    corpus.close()


def replicated_corpus(tmp_path_factory: pytest.TempPathFactory, articles: int, name: str) -> Corpus:
    """The fixture store replicated to `articles` articles (fresh ids, dates shifted back
    per round, as `make bench` does), with its index built."""
    store = tmp_path_factory.mktemp(name)
    write_store(load_templates(FIXTURE_STORE), articles, store)
    corpus = open_corpus(store)
    corpus.ensure_index()
    return corpus
