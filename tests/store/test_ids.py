"""Ids: readable slugs, safe as file names whatever the headline holds, unique."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.articles import ArticleStore, UnsafeId
from store.ingest.ids import MAX_ID_CHARS, is_safe_id, make_id, slugify, with_suffix


def test_date_and_headline() -> None:
    assert (
        make_id("Kerry says Syria’s Assad must go but timing negotiable", "2015-09-19")
        == "2015-09-19-kerry-says-syria-s-assad-must-go-but-timing-negotiable"
    )
    assert make_id("Town council approves new library", None) == "town-council-approves-new-library"


@pytest.mark.parametrize(
    "headline",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "a/b\\c",
        "..",
        ".hidden",
        "con",
        "NUL",
        "C:\\Windows",
        "~/x",
        "a\x00b",
    ],
)
def test_no_headline_escapes_the_articles_folder(tmp_path: Path, headline: str) -> None:
    for date in (None, "2020-01-01"):
        article_id = make_id(headline, date)
        assert is_safe_id(article_id), article_id
        store = ArticleStore(tmp_path)
        path = store.path_for(article_id)
        assert path.parent == tmp_path / "articles"
        assert path.resolve().parent == (tmp_path / "articles").resolve()
        assert "/" not in article_id and "\\" not in article_id and ".." not in article_id


def test_accents_fold_and_other_scripts_still_get_an_id() -> None:
    assert slugify("Gdańsk mayor stabbed on stage") == "gdansk-mayor-stabbed-on-stage"
    assert slugify("Straße") == "strasse"
    chinese = make_id("北京发布新规定", None)
    assert chinese.startswith("article-") and is_safe_id(chinese)
    assert make_id("北京发布新规定", None) == chinese  # stable
    assert make_id("北京发布", None) != chinese


def test_ids_are_capped_at_a_word_boundary() -> None:
    headline = "A very long headline " * 20
    article_id = make_id(headline, "2020-01-01")
    assert len(article_id) <= MAX_ID_CHARS
    assert not article_id.endswith("-")
    assert article_id.split("-")[-1] in {"a", "very", "long", "headline"}


def test_suffixes() -> None:
    assert with_suffix("2020-01-01-fire", 2) == "2020-01-01-fire-2"


@pytest.mark.parametrize("bad", ["../x", "a/b", ".x", "", "x" * 300, "a..b", "a b", "con"])
def test_unsafe_ids_are_refused_by_the_store(tmp_path: Path, bad: str) -> None:
    assert not is_safe_id(bad)
    with pytest.raises(UnsafeId):
        ArticleStore(tmp_path).path_for(bad)


@pytest.mark.parametrize("good", ["town-council", "My_Article", "2015-09-19-x", "v1.2-notes"])
def test_hand_written_ids_that_are_safe(good: str) -> None:
    assert is_safe_id(good)
