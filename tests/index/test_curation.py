"""Curation from aliases.yaml: rename, retype, merge, split, drop and undo, applied at
once to the jump, the entity list and the article, and problems in the file reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.aliases import load_aliases
from store.corpus import Corpus
from store.curation_edit import CurationError
from store.hits import UnknownEntity
from store.models import Article, Entity, Mention, Paragraph
from store.yamlio.load import load_article
from store.yamlio.save import save_article
from tests.index.conftest import KERRY


def names(corpus: Corpus) -> dict[str, str]:
    return {e.name: e.type for e in corpus.entities()}


def test_rename_applies_at_once_and_undo_puts_it_back(corpus: Corpus, store: Path) -> None:
    before = corpus.mentions("John Kerry")
    change = corpus.curate("rename", "kerry", "John Forbes Kerry")
    assert change.name == "John Forbes Kerry"
    page = corpus.mentions("John Forbes Kerry")
    assert page.entity.name == "John Forbes Kerry"
    assert page.total == before.total
    assert "John Kerry" in page.entity.aliases
    assert corpus.load_article(KERRY).entities[0].name in {
        e.name for e in corpus.load_article(KERRY).entities
    }
    assert any(e.name == "John Forbes Kerry" for e in corpus.load_article(KERRY).entities)
    assert any(q.speaker == "John Forbes Kerry" for q in corpus.load_article(KERRY).quotes)
    assert "John Forbes Kerry: [John Kerry]" in (store / "aliases.yaml").read_text(encoding="utf-8")
    corpus.curate("undo")
    assert corpus.mentions("Kerry").entity.name == "John Kerry"
    assert not (store / "aliases.yaml").exists()


def test_retype_and_drop(corpus: Corpus) -> None:
    assert names(corpus)["Syria"] == "GPE"
    corpus.curate("retype", "Syria", "org")
    assert names(corpus)["Syria"] == "ORG"
    assert corpus.mentions("Syria").entity.type == "ORG"
    assert all(e.type == "ORG" for e in corpus.load_article(KERRY).entities if e.name == "Syria")
    corpus.curate("drop", "Syria")
    assert "Syria" not in names(corpus)
    with pytest.raises(UnknownEntity):
        corpus.mentions("Syria")
    assert not any(e.name == "Syria" for e in corpus.load_article(KERRY).entities)
    corpus.curate("undo")
    corpus.curate("undo")
    assert names(corpus)["Syria"] == "GPE"


def test_merge_joins_two_entities_and_their_passages(corpus: Corpus) -> None:
    lavrov = corpus.mentions("Sergei Lavrov").total
    kerry = corpus.mentions("John Kerry").total
    change = corpus.curate("merge", "Lavrov", "John Kerry")
    assert change.summary == "merged Sergei Lavrov into John Kerry"
    page = corpus.mentions("Sergei Lavrov")
    assert page.entity.name == "John Kerry"
    assert kerry <= page.total <= kerry + lavrov
    assert "Sergei Lavrov" not in names(corpus)


def test_split_an_alias_off_into_its_own_entity(corpus: Corpus, store: Path) -> None:
    whole = corpus.mentions("John Kerry").total
    change = corpus.curate("split", "John Kerry", "kerry")
    assert change.name == "Kerry" and change.articles  # the articles where "Kerry" was a form of him
    kerry = corpus.mentions("Kerry")
    assert kerry.entity.name == "Kerry"
    assert "Kerry" not in corpus.mentions("John Kerry").entity.aliases
    assert corpus.mentions("John Kerry").total < whole
    stored = load_article(store / "articles" / f"{KERRY}.yaml")
    assert {"John Kerry", "Kerry"} <= {e.name for e in stored.entities}
    corpus.curate("undo")
    assert corpus.mentions("John Kerry").total == whole
    assert "Kerry" in corpus.mentions("John Kerry").entity.aliases


def test_bad_actions_say_why(corpus: Corpus) -> None:
    with pytest.raises(CurationError, match="not a name of John Kerry"):
        corpus.curate("split", "John Kerry", "Lavrov")
    with pytest.raises(CurationError, match="not a type"):
        corpus.curate("retype", "Syria", "COUNTRY")
    with pytest.raises(UnknownEntity, match="did you mean"):
        corpus.curate("drop", "Kery")
    with pytest.raises(CurationError, match="nothing to undo"):
        corpus.curate("undo")


def test_hand_written_comments_and_entries_survive_an_action(corpus: Corpus, store: Path) -> None:
    text = "# my notes\nUnited States: [USA]   # keep\n\nSyria: {type: GPE}\n"
    (store / "aliases.yaml").write_text(text, encoding="utf-8")
    corpus.curate("retype", "Syria", "LOC")
    saved = (store / "aliases.yaml").read_text(encoding="utf-8")
    assert saved.startswith("# my notes\nUnited States: [USA]   # keep\n")
    assert "Syria:\n  type: LOC\n" in saved
    corpus.curate("undo")
    assert (store / "aliases.yaml").read_text(encoding="utf-8") == text


def test_a_cycle_is_a_problem_and_merges_nobody(corpus: Corpus, store: Path) -> None:
    (store / "aliases.yaml").write_text("John Kerry: [Sergei Lavrov]\nSergei Lavrov: [John Kerry]\n")
    table, problems = load_aliases(store)
    assert any("cycle" in p.message and p.line == 1 for p in problems)
    assert table.canonical("John Kerry") == "John Kerry"
    assert {"John Kerry", "Sergei Lavrov"} <= set(names(corpus))
    assert any("cycle" in p.message for p in corpus.problems())


def test_a_variant_claimed_twice_is_a_problem(store: Path) -> None:
    (store / "aliases.yaml").write_text("Andy Roddick: [Andy]\nAndy Robinson: [Andy]\n")
    table, problems = load_aliases(store)
    assert table.canonical("Andy") == "Andy"
    assert any(
        "'andy' is listed as a variant of Andy Roddick and of Andy Robinson" in p.message for p in problems
    )


def test_the_old_list_form_still_reads(store: Path) -> None:
    (store / "aliases.yaml").write_text(
        "Sarah Huckabee Sanders: [Sarah Sanders, Huckabee Sanders]\nUnited States: USA\n"
    )
    table, problems = load_aliases(store)
    assert not problems
    assert table.canonical("sarah sanders") == "Sarah Huckabee Sanders"
    assert table.canonical("usa") == "United States"


def test_an_ambiguous_name_says_what_else_it_stands_for(corpus: Corpus, store: Path) -> None:
    text = "Kate Kerry sang on Sunday. Kerry said the tour would go on."
    article = Article(
        id="2016-03-01-a-singer-called-kerry",
        title="A singer called Kerry",
        published="2016-03-01",
        paragraphs=[Paragraph(text)],
        entities=[
            Entity("Kate Kerry", "PERSON", ["Kate Kerry", "Kerry"], [Mention(0, 0, 10), Mention(0, 27, 32)])
        ],
    )
    save_article(store / "articles" / f"{article.id}.yaml", article)
    corpus.ensure_index()
    page = corpus.mentions("Kerry")
    assert page.entity.name == "John Kerry"  # the most mentioned
    assert [(e.name, e.mentions) for e in page.others] == [("Kate Kerry", 3)]
    assert page.could_be() == [("Kate Kerry", 1)]
    assert corpus.mentions("John Kerry").others == []


@pytest.mark.parametrize("article_id", ["../articles/x", "a/b", ".hidden", "My Notes", "con"])
def test_an_article_id_the_store_would_not_write_is_refused_by_name(corpus: Corpus, article_id: str) -> None:
    """Reading and correcting an article check its id by the store's one rule (`is_safe_id`)."""
    from store.errors import ArticleFileError

    with pytest.raises(ArticleFileError, match="is not an article id"):
        corpus.load_article(article_id)
    with pytest.raises(ArticleFileError, match="is not an article id"):
        corpus.set_speaker(article_id, 0, 0, "Someone")
