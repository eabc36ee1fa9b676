"""The TUI on a copy of the fixture store, opened through the one factory."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import FIXTURE_STORE

from store.corpus import Corpus, open_corpus
from tui.app import NewsdeskApp


@pytest.fixture(scope="session")
def indexed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture store with its index built once per session (tests copy it)."""
    template = tmp_path_factory.mktemp("template") / "store"
    shutil.copytree(FIXTURE_STORE, template)
    corpus = open_corpus(template)
    corpus.ensure_index()
    corpus.close()
    return template


@pytest.fixture
def store(indexed_store: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture store and its index (the index lives inside the store)."""
    copy = tmp_path / "store"
    shutil.copytree(indexed_store, copy)
    return copy


@pytest.fixture
def corpus(store: Path) -> Iterator[Corpus]:
    corpus = open_corpus(store)
    yield corpus
    corpus.close()


@pytest.fixture
def app(corpus: Corpus) -> NewsdeskApp:
    return NewsdeskApp(corpus)
