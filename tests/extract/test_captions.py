"""A photo's caption (`kind: caption`): its names are the article's, its credit label is
no name, and it holds no quote."""

from __future__ import annotations

from collections.abc import Callable

from store.models import Article

LEDE = (
    "The harbour board met on Tuesday to decide the future of the old pier, which storms damaged last winter."
)


def _mentioned(article: Article, paragraph: int) -> dict[str, str]:
    text = article.paragraphs[paragraph].text
    return {
        text[m.start : m.end]: e.name
        for e in article.entities
        for m in e.mentions
        if m.paragraph == paragraph
    }


def test_names_in_a_caption_are_mentions(extract: Callable[..., Article]) -> None:
    article = extract(
        LEDE,
        "Harbour master Olivia Brandt (left) with Mayor Tom Keller. Image: Lars Petersen.",
        "Brandt said the board would vote again next month.",
        captions=(1,),
    )
    found = _mentioned(article, 1)
    assert {"Olivia Brandt", "Tom Keller", "Lars Petersen"} <= set(found.values()), found
    assert {"Olivia Brandt", "Lars Petersen"} <= {e.name for e in article.entities if e.type == "PERSON"}


def test_the_credit_label_is_no_part_of_a_name(extract: Callable[..., Article]) -> None:
    article = extract(
        LEDE,
        "Captain Nemo Image: Clara Voss.",
        "Black Widow and Captain America Image: Clara Voss.",
        captions=(1, 2),
    )
    names = [alias for e in article.entities for alias in e.aliases]
    assert not [a for a in names if "Image" in a.split()], names


def test_a_caption_holds_no_quote(extract: Callable[..., Article]) -> None:
    article = extract(
        LEDE,
        "“We will rebuild it,” said Olivia Brandt at the pier. Image: Lars Petersen.",
        "“The pier stays,” said Tom Keller.",
        captions=(1,),
    )
    assert [q.text for q in article.quotes] == ["The pier stays,"]
