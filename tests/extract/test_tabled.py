"""The tabled attribute ruler and lemmatizer give the stock components' output."""

from __future__ import annotations

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from store.extract.tabled import TabledAttributeRuler, TabledLemmatizer, _WordIndex

# written for the test: the one-token exceptions (a/the, something, I, n't, 's, been,
# 'd, got), the longer patterns (gon na, y' all, got ta, let 's, "there is"), space
# tokens, and words no pattern names, in two paragraphs
TEXT = (
    "“There is nothing we gotta hide,” she said. Y'all gonna see it, let's be honest: "
    "the minister hadn't been told and   I'd have got something else.\n\n"
    "Something's wrong, ain't it? He gets the papers; they were read by everyone \n"
    "at the Harbour Board, which does what it does."
)


def parsed(nlp: Language) -> Doc:
    """The test text through the components before the attribute ruler."""
    doc = nlp.make_doc(TEXT)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = component(doc)
    raise AssertionError("the model has no attribute ruler")


def token_annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.dep_, t.lemma_) for t in doc]


def test_the_pipeline_runs_the_tabled_components(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), TabledAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), TabledLemmatizer)


def test_tabled_components_annotate_as_the_stock_ones(nlp: Language) -> None:
    tabled_ruler = nlp.get_pipe("attribute_ruler")
    tabled_lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(tabled_ruler, TabledAttributeRuler) and isinstance(tabled_lemmatizer, TabledLemmatizer)
    stock_ruler = AttributeRuler(nlp.vocab)
    stock_ruler.add_patterns(tabled_ruler.patterns)
    plain = Lookups()  # the stock lists, not the indexed ones
    for name in tabled_lemmatizer.lookups.tables:
        table = plain.add_table(name)
        for key, value in tabled_lemmatizer.lookups.get_table(name).items():
            table[key] = list(value) if isinstance(value, list) else value
    stock_lemmatizer = EnglishLemmatizer(nlp.vocab, None, mode="rule")
    stock_lemmatizer.initialize(lookups=plain)

    before = parsed(nlp)
    stock = stock_lemmatizer(stock_ruler(before.copy()))
    tabled = tabled_lemmatizer(tabled_ruler(before.copy()))
    assert stock_ruler.match(before) == tabled_ruler.match(before)
    assert token_annotations(tabled) == token_annotations(stock)
    # the cases that make the table worth checking did occur
    lemmas = {t.text: t.lemma_ for t in tabled}
    assert lemmas["gon"] == "go" and lemmas["got"] == "get" and lemmas["'d"] == "would"
    assert {t.pos_ for t in tabled if t.is_space} == {"SPACE"}
    # the second time round every answer comes from the tables, still the same
    again = tabled_lemmatizer(tabled_ruler(before.copy()))
    assert token_annotations(again) == token_annotations(stock)


def test_word_index_answers_like_the_list() -> None:
    words = ["harbour", "board", "minister"]
    index = _WordIndex(words)
    assert index == words and bool(index) and not _WordIndex([])
    for word in ("board", "boards", "", "Minister"):
        assert (word in index) == (word in words)
