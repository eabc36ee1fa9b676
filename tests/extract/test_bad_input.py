"""Bad input: no crash, no hang, a sensible result."""

from __future__ import annotations

import time
from collections.abc import Callable

from store.extract.pipeline import MAX_PIECE, body_of, pieces_of, split_long
from store.extract.quotes import find_regions
from store.models import Article
from tests.extract.conftest import speakers

Extract = Callable[..., Article]

SENTENCE = "The committee discussed the budget for the coming year in great detail. "


def check_offsets(article: Article) -> None:
    for quote in article.quotes:
        assert article.paragraphs[quote.paragraph].text[quote.start : quote.end] == quote.text
    for entity in article.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(article.paragraphs[mention.paragraph].text)


def test_no_quotation_marks(extract: Extract) -> None:
    article = extract("The council met on Tuesday in Springfield.", "Mayor John Harris chaired the meeting.")
    assert article.quotes == []
    assert "John Harris" in {e.name for e in article.entities}
    assert article.extraction_digest


def test_unbalanced_marks(extract: Extract) -> None:
    article = extract(
        "“This quote never closes, said the mayor on Tuesday",
        "The next paragraph has a stray” closing mark and nothing else.",
    )
    check_offsets(article)
    assert [q.paragraph for q in article.quotes] == [0]


def test_a_five_thousand_word_quote(extract: Extract) -> None:
    words = " ".join(["the council will decide"] * 1250)
    article = extract(f"“{words}.” Maria Lopez said.")
    check_offsets(article)
    assert len(article.quotes) == 1
    assert len(article.quotes[0].text.split()) == 5000


def test_other_languages_marks(extract: Extract) -> None:
    article = extract(
        "„Wir werden die Brücke bis zum Sommer fertig bauen“, sagte Anna Keller.",
        "« Nous allons reconstruire le pont avant l'été », a dit Paul Dubois.",
    )
    check_offsets(article)
    assert [q.text for q in article.quotes] == [
        "Wir werden die Brücke bis zum Sommer fertig bauen",
        "Nous allons reconstruire le pont avant l'été",
    ]


def test_headline_only_article(extract: Extract) -> None:
    article = extract()
    assert article.quotes == [] and article.entities == []
    assert article.extraction_digest


def test_long_paragraph_without_blank_line_is_parsed_in_pieces(extract: Extract) -> None:
    text = SENTENCE * 200 + "“This is the end of the long text,” Maria Lopez said."
    article = extract(text)
    check_offsets(article)
    assert speakers(article) == ["Maria Lopez"]


def test_one_megabyte_without_a_blank_line_is_cut_in_linear_time() -> None:
    text = SENTENCE * (1_048_576 // len(SENTENCE))
    started = time.perf_counter()
    pieces = pieces_of([text])
    regions = find_regions([text])
    assert time.perf_counter() - started < 20.0  # ~0.2 s; quadratic would take hours
    assert "".join(pieces) == text
    assert max(len(p) for p in pieces) <= MAX_PIECE
    assert regions == []


def test_text_without_any_space_is_still_cut() -> None:
    text = "x" * (3 * MAX_PIECE + 7)
    pieces = split_long(text)
    assert "".join(pieces) == text and max(len(p) for p in pieces) <= MAX_PIECE


def test_pieces_join_into_the_body() -> None:
    paragraphs = ["First paragraph.", SENTENCE * 150, "Last one."]
    body, starts = body_of(paragraphs)
    assert "".join(pieces_of(paragraphs)) == body
    assert [body[s : s + 5] for s in starts] == [p[:5] for p in paragraphs]


def test_batches_are_bounded_by_characters_as_well_as_pieces() -> None:
    from store.extract.pipeline import BATCH_CHARS, _batches

    pieces = [("x" * MAX_PIECE, i) for i in range(40)]
    batches = list(_batches(iter(pieces)))
    assert sum(len(b) for b in batches) == 40
    assert all(sum(len(p) for p, _ in b) <= BATCH_CHARS + MAX_PIECE for b in batches)
    assert len(batches) > 1


def test_many_quotes_in_one_paragraph(extract: Extract) -> None:
    article = extract("Maria Lopez spoke first. " + "“Yes, we will do it,” she said. " * 200)
    check_offsets(article)
    assert len(article.quotes) == 200
    assert set(speakers(article)) == {"Maria Lopez"}
