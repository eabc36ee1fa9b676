"""The notebook tests share the index tests' fixture store (a private copy per test)."""

from tests.index.conftest import corpus, store  # noqa: F401 - fixtures
