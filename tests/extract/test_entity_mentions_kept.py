"""What extraction writes: every entity it keeps has a mention in the body, or speaks."""

from __future__ import annotations

from collections.abc import Callable

from store.models import Article


def test_a_name_seen_only_inside_a_longer_one_is_no_entity(extract: Callable[..., Article]) -> None:
    article = extract(
        "The Northern Party (NP) gained 13 seats and Liberal Democrats lost 10.",
        "Liberal Democrats are to find a new leader after Ann Bell was defeated in Kirkby East.",
    )
    assert all(e.mentions for e in article.entities), [e.name for e in article.entities if not e.mentions]


def test_the_possessive_before_an_acronym_stays_out_of_the_name(extract: Callable[..., Article]) -> None:
    article = extract("The Republic of Freedonia's (RF) parliament met. The RF army stayed home.")
    names = {e.name for e in article.entities}
    assert "Republic of Freedonia's" not in names
    assert any("Republic of Freedonia" == e.name and "RF" in e.aliases for e in article.entities), names
