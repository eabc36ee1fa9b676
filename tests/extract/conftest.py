"""Extraction tests share one spaCy model, loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from store.extract.pipeline import load_model


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The pinned English model (NEWSDESK_SPACY_MODEL to use another)."""
    return load_model()
