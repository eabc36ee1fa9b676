"""notebook.yaml: round trips, hand edits, broken files, finding passages again."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.corpus import Corpus
from store.errors import StoreError
from store.notebook import NotebookError, NotebookItem, move, remove, reorder, save_search
from store.notebook_file import NotebookFile, notebook_from_text, notebook_to_text
from store.passage_ref import fingerprint, locate
from store.yamlio.save import save_article
from tests.index.conftest import HAMMOND, KERRY, LAVROV

KERRY_QUOTE = "We’re prepared to negotiate. Is Assad prepared to negotiate, really negotiate?"


def item(
    article: str = KERRY, text: str = "Some passage.", kind: str = "passage", paragraph: int = 2
) -> NotebookItem:
    return NotebookItem(article, kind, text, paragraph, title="A headline")


def test_the_notebook_round_trips(tmp_path: Path) -> None:
    book = NotebookFile(tmp_path)
    assert book.toggle_star(item(text="First [bold] passage: with a colon, # and a hash"))
    book.set_note(item(text="First [bold] passage: with a colon, # and a hash"), "Lede?\nSecond line")
    assert book.add_to("Syria ceasefire piece", item(HAMMOND, KERRY_QUOTE, "quote", 4))
    assert not book.add_to("syria ceasefire piece", item(HAMMOND, KERRY_QUOTE, "quote", 4))  # already there
    book.change(lambda nb: save_search(nb, "Kerry on talks", 'speaker:kerry "Geneva process"'))
    text = book.path.read_text(encoding="utf-8")
    assert text.startswith("# newsdesk notebook")
    again = notebook_from_text(text, book.path)
    assert again == book.load()
    assert notebook_to_text(again) == text  # stable: writing it again changes nothing
    assert again.starred[0].note == "Lede?\nSecond line"
    assert again.collections[0].name == "Syria ceasefire piece"
    assert again.collections[0].items[0].note == ""  # the starred note belongs to the other passage
    book.set_note(
        item(HAMMOND, KERRY_QUOTE, "quote", 4), "Check the date"
    )  # a note on the passage: everywhere
    assert [i.note for i in book.load().collections[0].items] == ["Check the date"]
    assert book.load().starred[-1].note == "Check the date"
    book.set_note(item(HAMMOND, KERRY_QUOTE, "quote", 4), "Only here", "Syria ceasefire piece")
    assert (book.load().collections[0].items[0].note, book.load().starred[-1].note) == (
        "Only here",
        "Check the date",
    )
    book.change(lambda nb: nb.starred.pop())
    assert again.searches[0].query == 'speaker:kerry "Geneva process"'
    assert book.toggle_star(item(text="First [bold] passage: with a colon, # and a hash")) is False


def test_hand_edits_are_read_and_unknown_keys_kept(tmp_path: Path) -> None:
    (tmp_path / "notebook.yaml").write_text(
        "starred:\n"
        f"- article: {KERRY}\n"
        "  text: Kerry said so.\n"  # no kind, paragraph or fingerprint: defaults, computed
        "  my_tag: keep me\n"
        "collections:\n- name: Later\n  items: []\n",
        encoding="utf-8",
    )
    book = NotebookFile(tmp_path)
    starred = book.load().starred[0]
    assert (starred.kind, starred.paragraph, starred.fingerprint) == (
        "passage",
        -1,
        fingerprint("Kerry said so."),
    )
    book.add_to("Later", item())
    assert "my_tag: keep me" in book.path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("starred:\n- article: x\n  text: [unclosed\n", 4, "starts at line 3"),
        ("starred:\n- article: x\n  kind: paragraph\n  text: t\n", 3, "kind: must be one of"),
        ("starred:\n- article: x\n  text: t\n  paragraph: two\n", 4, "paragraph: must be a whole number"),
        ("collections:\n- items: []\n", None, "a collection needs a name"),
        ("- just a list\n", 1, "must be a mapping"),
    ],
)
def test_a_broken_notebook_says_where_and_loses_nothing(
    tmp_path: Path, text: str, line: int | None, words: str
) -> None:
    path = tmp_path / "notebook.yaml"
    path.write_text(text, encoding="utf-8")
    book = NotebookFile(tmp_path)
    with pytest.raises(NotebookError) as caught:
        book.load()
    assert caught.value.problem.path == path and words in caught.value.problem.message
    if line is not None:
        assert caught.value.problem.line == line
    assert str(path) in str(caught.value)
    with pytest.raises(NotebookError):
        book.toggle_star(item())
    with pytest.raises(NotebookError):
        book.add_to("Anything", item())
    assert path.read_text(encoding="utf-8") == text  # never overwritten
    assert not book.is_starred(KERRY, "Some passage.")
    path.write_text("starred: []\n", encoding="utf-8")  # fixed by hand: read again, writable again
    assert book.toggle_star(item())


def test_reorder_move_and_remove(tmp_path: Path) -> None:
    book = NotebookFile(tmp_path)
    for number in range(3):
        book.add_to("Piece", item(text=f"Passage {number}."))
    assert book.change(lambda nb: reorder(nb, "Piece", 2, -1)) == 1
    assert [i.text for i in book.load().collection("Piece").items] == [
        "Passage 0.",
        "Passage 2.",
        "Passage 1.",
    ]
    assert book.change(lambda nb: move(nb, "Piece", 0, "Other piece"))
    assert [i.text for i in book.load().collection("Other piece").items] == ["Passage 0."]
    book.change(lambda nb: remove(nb, "Piece", 0))
    assert [i.text for i in book.load().collection("Piece").items] == ["Passage 1."]
    with pytest.raises(StoreError, match="no collection called 'Nope'"):
        book.change(lambda nb: remove(nb, "Nope", 0))


def test_a_passage_is_found_again_after_its_article_is_edited(corpus: Corpus) -> None:
    article = corpus.load_article(KERRY)
    kept_passage = article.paragraphs[2].text
    quote = article.quotes[1]
    assert locate(article, kept_passage, 2).status == "found"
    # a paragraph inserted above, a typo fixed in the passage, spacing and quote marks changed
    article.paragraphs.insert(0, type(article.paragraphs[0])("An editor's note added at the top."))
    article.paragraphs[3].text = article.paragraphs[3].text.replace("Kerry", "Kerry ").replace("’", "'")
    assert locate(article, kept_passage, 2) == locate(article, kept_passage, 2)
    found = locate(article, kept_passage, 2)
    assert (found.status, found.paragraph) == ("moved", 3)  # same words, another place
    article.paragraphs[3].text = article.paragraphs[3].text.replace("welcomed", "praised")
    found = locate(article, kept_passage, 2)
    assert (found.status, found.paragraph) == ("edited", 3)
    assert locate(article, quote.text, quote.paragraph, "quote").paragraph == quote.paragraph + 1
    article.paragraphs[3].text = "Something else entirely."
    assert locate(article, kept_passage, 2).status == "gone"


def test_is_starred_and_collection_in_queries_survive_an_edit(corpus: Corpus) -> None:
    lavrov = corpus.search("Lavrov agreement step", limit=1).hits[0]
    corpus.notebook.toggle_star(NotebookItem(lavrov.article_id, "passage", lavrov.text, lavrov.paragraph))
    quote = corpus.quotes("Kerry", limit=1).quotes[0]
    corpus.notebook.add_to(
        "Syria ceasefire piece", NotebookItem(quote.article_id, "quote", quote.text, quote.paragraph)
    )
    assert [(h.article_id, h.paragraph) for h in corpus.search("is:starred").hits] == [
        (LAVROV, lavrov.paragraph)
    ]
    assert [(h.article_id, h.paragraph) for h in corpus.search("collection:syria").hits] == [
        (KERRY, quote.paragraph)
    ]
    assert corpus.search('collection:"Syria ceasefire piece" negotiation').total == 1
    assert corpus.search("is:starred Kerry").total == 0
    for bad, words in (("is:liked", "write is:starred"), ("collection:Nope", "no collection called 'Nope'")):
        with pytest.raises(StoreError, match=words):
            corpus.search(bad)
    # the article is edited (a paragraph added above): the starred passage is still found
    article = corpus.load_article(LAVROV)
    article.paragraphs.insert(0, type(article.paragraphs[0])("Updated with reaction from Moscow."))
    for moved in article.quotes:
        moved.paragraph += 1
    for mention in (m for entity in article.entities for m in entity.mentions):
        mention.paragraph += 1
    save_article(corpus.articles_dir / f"{LAVROV}.yaml", article)
    corpus.ensure_index()
    assert [(h.article_id, h.paragraph) for h in corpus.search("is:starred").hits] == [
        (LAVROV, lavrov.paragraph + 1)
    ]
