"""The TUI on a copy of the fixture store, opened through the one factory."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import FIXTURE_STORE

from store.corpus import Corpus, open_corpus
from tui.app import NewsdeskApp


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A private copy of the fixture store (the index is written inside it)."""
    copy = tmp_path / "store"
    shutil.copytree(FIXTURE_STORE, copy)
    return copy


@pytest.fixture
def corpus(store: Path) -> Iterator[Corpus]:
    corpus = open_corpus(store)
    yield corpus
    corpus.close()


@pytest.fixture
def app(corpus: Corpus) -> NewsdeskApp:
    return NewsdeskApp(corpus)
