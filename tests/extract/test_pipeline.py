"""The model pipeline: a clear error for a missing model, two processes give the same
result as one, and the model's matrix products run where they are fast."""

from __future__ import annotations

import pytest
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

import store.extract.pipeline as pipeline
from store.extract import PARALLEL_FROM, extract_articles
from store.models import Article, Paragraph


def test_missing_model_names_it_and_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_nlp", None)
    monkeypatch.setenv(pipeline.MODEL_ENV, "no_such_model_xyz")
    with pytest.raises(pipeline.ModelMissing) as caught:
        pipeline.load_model()
    assert "no_such_model_xyz" in str(caught.value)
    assert pipeline.MODEL_ENV in str(caught.value)


def articles(count: int) -> list[Article]:
    names = ["Maria Lopez", "Peter Novak", "Anna Keller", "Thomas Becker"]
    return [
        Article(
            id=f"a{i}",
            title=f"Story {i}",
            paragraphs=[Paragraph(f"“Story number {i} is about the harbour,” said {names[i % 4]}.")],
        )
        for i in range(count)
    ]


def test_two_processes_match_one(nlp: object) -> None:
    count = PARALLEL_FROM + 3
    single = extract_articles(articles(count), processes=1)
    seen: list[int] = []
    double = extract_articles(articles(count), processes=2, progress=lambda done, total, _: seen.append(done))
    assert [a.quotes for a in double] == [a.quotes for a in single]
    assert [a.extraction_digest for a in double] == [a.extraction_digest for a in single]
    assert double[6].quotes[0].speaker == "Anna Keller"
    assert seen[-1] == count


def test_the_model_multiplies_with_numpy_on_one_blas_thread(nlp: Language) -> None:
    """BLIS as bundled picks its slow generic kernels on CPUs its build does not know;
    OpenBLAS's idle threads spin on a busy machine."""
    tok2vec = next(model for _, p in nlp.pipeline if (model := getattr(p, "model", None)) is not None)
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in tok2vec.walk())
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == pipeline.BLAS_THREADS == 1 for pool in blas)
