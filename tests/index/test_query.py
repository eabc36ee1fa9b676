"""The query language: words, stemming, phrases, operators, fields, names, bad queries."""

from __future__ import annotations

import pytest

from store.corpus import Corpus
from store.hits import QueryError
from tests.index.conftest import HAMMOND, KERRY, LAVROV, LIBRARY, MARKUP


def ids(corpus: Corpus, query: str) -> set[str]:
    return {hit.article_id for hit in corpus.search(query, limit=200).hits}


def passages(corpus: Corpus, query: str) -> set[tuple[str, int]]:
    return {(hit.article_id, hit.paragraph) for hit in corpus.search(query, limit=200).hits}


def test_stemming_finds_other_forms(corpus: Corpus) -> None:
    negotiating = passages(corpus, "negotiating")
    assert negotiating == passages(corpus, "negotiate")
    assert (KERRY, 4) in negotiating  # "prepared to negotiate"


def test_phrase_must_be_in_order(corpus: Corpus) -> None:
    assert passages(corpus, '"prepared to negotiate"') >= {(KERRY, 4)}
    assert passages(corpus, '"negotiate prepared"') == set()


def test_and_or_not_minus(corpus: Corpus) -> None:
    assert ids(corpus, "Kerry AND Lavrov") == {LAVROV}
    assert ids(corpus, "Lavrov OR library") == {LAVROV, LIBRARY}
    both = passages(corpus, "Kerry")
    without = passages(corpus, "Kerry -Assad")
    assert without and without < both
    assert passages(corpus, "Kerry NOT Assad") == without
    assert ids(corpus, "(Lavrov OR library) AND Munich") == {LAVROV}


def test_prefix_and_fuzzy(corpus: Corpus) -> None:
    assert (KERRY, 4) in passages(corpus, "negot*")
    assert LAVROV in ids(corpus, "Lavrv~")


def test_speaker_field_matches_any_alias(corpus: Corpus) -> None:
    by_surname = passages(corpus, "speaker:kerry")
    assert by_surname == passages(corpus, 'speaker:"John Kerry"')
    assert (KERRY, 3) in by_surname and (LAVROV, 1) in by_surname
    assert all(hit.speaker == "John Kerry" for hit in corpus.search("speaker:Kerry").hits)


def test_entity_field_matches_any_alias_and_marks_mentions(corpus: Corpus) -> None:
    result = corpus.search('entity:"John Kerry"', limit=100)
    assert {h.article_id for h in result.hits} == {KERRY, HAMMOND, LAVROV}
    assert passages(corpus, "entity:Kerry") == {(h.article_id, h.paragraph) for h in result.hits}
    for hit in result.hits:
        assert hit.highlights
        assert all(hit.text[s:e] in ("Kerry", "John Kerry") for s, e in hit.highlights)


def test_unknown_name_matches_nothing(corpus: Corpus) -> None:
    assert corpus.search("entity:Nobody").total == 0


def test_title_source_date_kind(corpus: Corpus) -> None:
    assert ids(corpus, "title:ceasefire") == {LAVROV}
    assert corpus.search("title:ceasefire").hits[0].paragraph == -1  # the headline first
    assert ids(corpus, "source:jazeera") == {KERRY}
    assert ids(corpus, "date:2016") == {LAVROV}
    assert ids(corpus, "date:2015-09") == {KERRY, HAMMOND}
    assert ids(corpus, "date:[2015-09-20 to 2016-12]") == {HAMMOND, LAVROV}
    assert ids(corpus, "date:[2019-01 to 2019-06]") == {MARKUP}
    assert ids(corpus, "date:2015-09-21") == {HAMMOND}  # not "date:2015 NOT 09 NOT 21"
    assert ids(corpus, "date:[2015-09-19 to 2015-09-20]") == {KERRY}
    assert ids(corpus, "date:[2016 to]") == {LAVROV, MARKUP}
    assert ids(corpus, "date:[to 2015-12-31]") == {KERRY, HAMMOND}
    assert ids(corpus, "date:[2015-12-30 TO 2016-02-12] Kerry") == {LAVROV}
    quotes = corpus.search("kind:quote", limit=200).hits
    assert quotes and all(hit.speaker or hit.article_id == KERRY for hit in quotes)
    assert (LIBRARY, 1) in {(h.article_id, h.paragraph) for h in quotes}
    assert passages(corpus, "kind:quote speaker:hammond") == {(KERRY, 14), (HAMMOND, 1)}


def test_highlights_are_offsets_of_matched_words(corpus: Corpus) -> None:
    for hit in corpus.search("negotiating Assad", limit=50).hits:
        assert hit.highlights
        for start, end in hit.highlights:
            assert hit.text[start:end].lower().startswith(("negoti", "assad"))


def test_headline_and_quotes_weigh_more(corpus: Corpus) -> None:
    first = corpus.search("ceasefire").hits[0]
    assert (first.article_id, first.paragraph) == (LAVROV, -1)


def test_date_sort_is_newest_first_and_empty_query_lists_newest(corpus: Corpus) -> None:
    dates = [h.date for h in corpus.search("Kerry OR library", sort="date", limit=100).hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    newest = corpus.search("")
    dated = [h.article_id for h in newest.hits if h.date]
    assert dated == [MARKUP, LAVROV, HAMMOND, KERRY]
    assert newest.total == 5 and len({h.article_id for h in newest.hits}) == 5
    assert all(h.paragraph == 0 for h in newest.hits)


def test_paging(corpus: Corpus) -> None:
    everything = [(h.article_id, h.paragraph) for h in corpus.search("Syria", limit=100).hits]
    page = corpus.search("Syria", limit=3, offset=2)
    assert [(h.article_id, h.paragraph) for h in page.hits] == everything[2:5]
    assert page.total == len(everything) and page.total_exact


def test_markup_is_just_text(corpus: Corpus) -> None:
    hit = corpus.search("bold").hits[0]
    assert "[bold]" in hit.text or "[bold]" in hit.title


BAD_QUERIES = [
    ('Kerry "must go', "never closed", 6),
    ("(Kerry OR Assad", "never closed", 0),
    ("Kerry)", "closes nothing", 5),
    ("*", "lone *", 0),
    ("Kerry AND *", "lone *", 10),
    ("speaker:", "nothing after it", 0),
    ("Kerry entity: ", "nothing after it", 6),
    ("x" * 10_000, "10,000 characters", None),
    ("Kerry\x1b[31m", "control character U+001B", 5),
    ("Kerry\x00", "control character U+0000", 5),
    ("author:kerry", "unknown field 'author'", 0),
    ("date:yesterday", "is not a date", 5),
    ("date:2019-13", "is not a date", 5),
    ("date:[2019 to June]", "is not a date", 14),
    ("date:[2019]", "written [2019-01 to 2019-06]", 5),
    ("*erry", "cannot start with", 0),
    ("k*", "two letters", 0),
    ("kind:banana", "not a passage kind", None),
    ("date:[2019-01 to 2019-06", "never closed", 5),
]


@pytest.mark.parametrize(("query", "message", "position"), BAD_QUERIES)
def test_bad_queries_say_what_and_where(
    corpus: Corpus, query: str, message: str, position: int | None
) -> None:
    with pytest.raises(QueryError) as caught:
        corpus.search(query)
    assert message in caught.value.message
    if position is not None:
        assert caught.value.position == position
    assert caught.value.query == query


def test_quoted_text_is_not_checked_as_syntax(corpus: Corpus) -> None:
    assert corpus.search('"speaker: said"').total >= 0
    assert corpus.search('"(Kerry"').total > 0


def test_words_are_highlighted_next_to_a_name_field(corpus: Corpus) -> None:
    """Whoosh's existing_terms drops terms after a leaf of another field; ours does not."""
    hit = corpus.search("speaker:kerry negotiate").hits[0]
    assert [hit.text[s:e] for s, e in hit.highlights] == ["negotiate"] * 3
    alone = corpus.search("speaker:kerry").hits[0]
    assert alone.highlights and all(alone.text[s - 1] == "“" for s, _ in alone.highlights)
