"""Finding quotation regions in paragraph text (no model needed)."""

from __future__ import annotations

import time

from store.extract.quotes import QuoteRegion, find_regions, is_quotation, paragraph_regions


def texts(paragraph: str) -> list[str]:
    regions, _ = paragraph_regions(paragraph, 0, False)
    return [r.text for r in regions]


def quotations(*paragraphs: str) -> list[QuoteRegion]:
    return [r for r in find_regions(list(paragraphs)) if is_quotation(r, paragraphs[r.paragraph])]


def test_curly_quote_text_and_offsets_are_exact() -> None:
    paragraph = "“We need to get to the negotiation,” said the minister."
    (region,) = quotations(paragraph)
    assert region.text == "We need to get to the negotiation,"
    assert paragraph[region.start : region.end] == region.text


def test_straight_quotes_pair_up() -> None:
    assert texts('He said "this is the end of it" and left, then "another one here".') == [
        "this is the end of it",
        "another one here",
    ]


def test_quote_interrupted_by_attribution_gives_two_regions() -> None:
    assert texts("“We are ready,” she said, “and we will not wait any longer.”") == [
        "We are ready,",
        "and we will not wait any longer.",
    ]


def test_other_languages_marks() -> None:
    assert texts("„Wir schaffen das“, sagte sie.") == ["Wir schaffen das"]
    assert texts("« Nous sommes prêts », a-t-il dit.") == ["Nous sommes prêts"]
    assert texts("»Vi er klar«, sagde hun.") == ["Vi er klar"]


def test_no_quotation_marks_no_regions() -> None:
    assert find_regions(["The council met on Tuesday.", "It adjourned at noon."]) == []


def test_unclosed_quote_runs_to_paragraph_end_and_continues() -> None:
    regions = find_regions(
        [
            "“The first paragraph of a long statement goes on",
            "“and the second paragraph ends it,” he said.",
            "Then the report moved on.",
        ]
    )
    assert [(r.paragraph, r.closed, r.continues) for r in regions] == [(0, False, False), (1, True, True)]
    assert regions[0].text == "The first paragraph of a long statement goes on"


def test_stray_closing_mark_and_inch_sign_are_ignored() -> None:
    assert texts("He is 5'11\" tall” and that is all.") == []


def test_unclosed_quote_does_not_leak_into_next_paragraph_without_a_mark() -> None:
    regions = find_regions(["She said “this never closes", "A new paragraph with no marks at all."])
    assert [r.paragraph for r in regions] == [0]


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    assert quotations("The senator opposes “green shoots” in all forms.") == []
    assert quotations("He appeared on “Morning Report,” on Sunday.") == []
    assert quotations("She read “The Long Road to Reform” last year.") == []


def test_short_speech_is_a_quotation() -> None:
    assert [r.text for r in quotations("“Indeed,” she added.")] == ["Indeed,"]
    assert [r.text for r in quotations("The crowd chanted “Stop!” again.")] == ["Stop!"]


def test_five_thousand_word_quote_is_found_in_linear_time() -> None:
    words = " ".join(f"word{i}" for i in range(5000))
    started = time.perf_counter()
    (region,) = quotations(f"“{words}.” he said.")
    assert region.words == 5000
    assert time.perf_counter() - started < 10.0  # milliseconds; quadratic would take minutes


def test_many_marks_in_one_huge_paragraph_stay_fast() -> None:
    paragraph = "“Yes,” he said. " * 20_000
    started = time.perf_counter()
    regions, _ = paragraph_regions(paragraph, 0, False)
    assert len(regions) == 20_000
    assert time.perf_counter() - started < 20.0  # ~0.1 s; quadratic would take hours


def test_american_style_scare_quotes_are_not_quotations() -> None:
    assert quotations("Critics called the plan a “political stunt.” The mayor disagreed.") == []
    assert quotations("The word “grumbling,” he noted, was not in the report.") == []


def test_capitalised_short_utterance_is_a_quotation() -> None:
    assert [r.text for r in quotations("Asked which ones, she said, “All of them.”")] == ["All of them."]


def test_markup_links_and_numbers_are_not_quotations() -> None:
    assert quotations('<tweet author="someone" id="1234567">Text of the tweet here</tweet>') == []
    assert quotations("Watch it at “http://video.example.com/clip” today.") == []
