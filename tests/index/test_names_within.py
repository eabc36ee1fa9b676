"""A name the article gives only inside a longer one ("Texas" in "University of Texas";
tests/fixtures/within): stored with `within` and no mentions, checked, never a mention
for the index, the facets, the jump or `extract`'s spans."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.articles import ArticleStore
from store.corpus import Corpus, open_corpus
from store.identity import group_corpus, records_of
from store.yamlio.dump import dump_article
from tui.cli.extract import article_json

WITHIN_STORE = Path(__file__).resolve().parent.parent / "fixtures" / "within"
CAMPUS = "2024-05-01-university-of-texas-opens-its-library"
STORMS = "2024-05-02-storms-cross-texas"


@pytest.fixture
def within_store(tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(WITHIN_STORE, target)
    return target


@pytest.fixture
def within_corpus(within_store: Path) -> Iterator[Corpus]:
    corpus = open_corpus(within_store)
    corpus.ensure_index()
    yield corpus
    corpus.close()


def test_the_name_within_is_stored_and_read_back(within_store: Path) -> None:
    store = ArticleStore(within_store)
    article = store.load(CAMPUS)
    texas = next(e for e in article.entities if e.name == "Texas")
    assert texas.within == ["University of Texas"] and texas.mentions == [] and texas.only_within
    assert "  within: [University of Texas]\n" in dump_article(article)
    assert store.check() == []


def test_check_names_a_within_that_is_not_a_longer_name_of_the_article(within_store: Path) -> None:
    path = within_store / "articles" / f"{CAMPUS}.yaml"
    text = path.read_text(encoding="utf-8")
    for wrong, says in (
        ("within: [Texas State Library]", "is not written in the article"),
        ("within: [Students]", "does not hold its name or any of its aliases"),
        ("within: University of Texas", "within must be a list"),
    ):
        path.write_text(text.replace("within: [University of Texas]", wrong), encoding="utf-8")
        problems = ArticleStore(within_store).check()
        assert len(problems) == 1 and says in problems[0].message, problems
        assert problems[0].line == 24  # the entity's `within` line


def test_the_jump_lists_only_the_articles_that_name_it_alone(within_corpus: Corpus) -> None:
    page = within_corpus.mentions("Texas", type="GPE")
    assert {p.article_id for p in page.passages} == {STORMS}
    assert page.total == 3 and page.articles == 1  # the headline and two paragraphs
    campus = within_corpus.mentions("University of Texas")
    assert {p.article_id for p in campus.passages} == {CAMPUS} and campus.total == 3


def test_facets_do_not_count_an_article_for_a_name_it_gives_only_within(within_corpus: Corpus) -> None:
    facets = within_corpus.facets("library")
    assert {f.name for f in facets.organisations} == {"University of Texas"}
    assert facets.places == []
    entities = {e.name: e for e in within_corpus.entities()}
    assert entities["Texas"].articles == 1 and entities["Texas"].mentions == 3


def test_extract_lists_it_with_no_spans_and_the_longer_name_unchanged(within_store: Path) -> None:
    store = ArticleStore(within_store)
    articles = [store.load(CAMPUS), store.load(STORMS)]
    grouping = group_corpus(records_of(a.entities for a in articles))
    text = "\n\n".join([articles[0].title] + [p.text for p in articles[0].paragraphs])
    line = article_json(Path("campus.txt"), articles[0], grouping, text)
    by_name = {e["name"]: e for e in line["entities"]}
    assert by_name["Texas"]["spans"] == [] and by_name["Texas"]["within"] == ["University of Texas"]
    assert by_name["Texas"]["key"] == grouping.entity("GPE", "Texas").key  # the corpus's Texas
    assert by_name["Texas"]["mentions"] == 0 and by_name["Texas"]["aliases"] == ["Texas"]
    university = by_name["University of Texas"]["spans"]
    assert [text[s:e] for s, e in university] == ["University of Texas"] * 3  # headline and body
    assert "within" not in by_name["University of Texas"]


def test_curation_renames_merges_and_drops_a_name_within(within_store: Path) -> None:
    from store.aliases import AliasTable
    from store.curation import curate_article

    store = ArticleStore(within_store)
    renamed = curate_article(store.load(CAMPUS), AliasTable(canonical_of={"texas": "State of Texas"}))
    texas = next(e for e in renamed.entities if e.name == "State of Texas")
    assert texas.within == ["University of Texas"] and texas.only_within and "Texas" in texas.aliases
    merged = curate_article(store.load(STORMS), AliasTable(canonical_of={"texas": "State of Texas"}))
    assert next(e for e in merged.entities if e.name == "State of Texas").mentions  # named alone there
    dropped = curate_article(store.load(CAMPUS), AliasTable(dropped={"texas"}))
    assert [e.name for e in dropped.entities] == ["Maria Lopez", "University of Texas"]
