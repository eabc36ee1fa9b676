"""Events, works, awards and laws as entities (store.extract.named_things): kept on
general evidence, with every mention, and holding the names inside them."""

from __future__ import annotations

from collections.abc import Callable

from store.extract.named_things import thing_type
from store.mention_scan import outer_wins, text_mentions
from store.models import Article, Entity


def _things(article: Article) -> dict[str, str]:
    return {e.name: e.type for e in article.entities if e.type in ("EVENT", "WORK_OF_ART", "AWARD", "LAW")}


def _mentioned(article: Article, name: str) -> list[str]:
    entity = next(e for e in article.entities if e.name == name)
    return [article.paragraphs[m.paragraph].text[m.start : m.end] for m in entity.mentions]


def test_head_words_say_what_a_name_is() -> None:
    assert thing_type("Pritzker Architecture Prize") == "AWARD"
    assert thing_type("Presidential Medal of Freedom") == "AWARD"
    assert thing_type("Second Amendment") == "LAW"
    assert thing_type("Roe v. Wade") == "LAW"
    assert thing_type("Avignon Festival") == "EVENT"
    assert thing_type("World War II") == "EVENT"
    assert thing_type("Hurricane Dorian") == "EVENT"
    assert thing_type("Seventh Symphony") == "WORK_OF_ART"


def test_a_tag_alone_makes_no_entity() -> None:
    """The model's events and laws without a telling word are too often dates, people
    or chapters: "September 1841", "Pelosi", "Chapter 11"."""
    assert thing_type("September 1841") is None
    assert thing_type("Watergate") is None
    assert thing_type("Chapter 11") is None
    assert thing_type("Leap Year") is None
    assert thing_type("World Economic Forum") is None  # a body, not an event


def test_an_award_takes_the_name_inside_it(extract: Callable[..., Article]) -> None:
    article = extract(
        "The architect Marta Vell won the Stirling Prize in 2010. Stirling himself never saw it.",
        "Vell later received the Pritzker Architecture Prize. The Stirling Prize jury praised her.",
    )
    things = _things(article)
    assert things.get("Stirling Prize") == "AWARD"
    assert things.get("Pritzker Architecture Prize") == "AWARD"
    assert _mentioned(article, "Stirling Prize") == ["Stirling Prize", "Stirling Prize"]
    # "Stirling" inside the prize is no mention of its own; the bare "Stirling" is
    stirling = [e for e in article.entities if e.name == "Stirling"]
    assert all(len(e.mentions) == 1 for e in stirling)


def test_an_event_head_after_of_begins_the_event(extract: Callable[..., Article]) -> None:
    article = extract("Dana Holt was named the MVP of the Western League All-Star Game in July.")
    assert _things(article).get("Western League All-Star Game") == "EVENT"


def test_an_award_stops_before_the_film_it_was_given_for(extract: Callable[..., Article]) -> None:
    article = extract(
        "She won the César Award for Best Actress for The Quiet Harbour Keeper (1994) and "
        "later an honorary César Award."
    )
    things = _things(article)
    assert things.get("César Award for Best Actress") == "AWARD"
    assert things.get("César Award") == "AWARD"
    assert things.get("The Quiet Harbour Keeper") == "WORK_OF_ART"


def test_a_title_before_a_year_is_a_work(extract: Callable[..., Article]) -> None:
    """Title-case words before "(1958)" the model tagged as nothing are a film's title;
    a place or people before a year are not ("the Sorbonne in Paris (1927)")."""
    article = extract(
        "Her breakthrough came with Lift to the Scaffold (1958), directed by a newcomer.",
        "He held posts at the Sorbonne in Paris (1927), and his book by Cruse and Croft (2004) sold well.",
    )
    things = _things(article)
    assert things.get("Lift to the Scaffold") == "WORK_OF_ART"
    assert not any("Paris" in name or "Croft" in name for name in things)


def test_a_line_of_a_fact_box_is_no_title(extract: Callable[..., Article]) -> None:
    article = extract(
        "Teams",
        "Denver Rapids (2012)",
        "Holt played for the Denver Rapids in 2012 and the Denver Rapids traded him in 2013.",
    )
    assert "Denver Rapids" not in _things(article)


def test_a_work_noun_before_a_name_makes_a_work(extract: Callable[..., Article]) -> None:
    article = extract("He starred in the period drama Copying Mozart in 2006 and praised the cast.")
    assert _things(article).get("Copying Mozart") == "WORK_OF_ART"
    assert not any(e.name == "Mozart" and e.mentions for e in article.entities)


def test_a_quoted_style_is_no_work(extract: Callable[..., Article]) -> None:
    """Quotation marks around a person's style ("Norton I, Emperor of the United
    States") do not make a title, whatever the model says."""
    article = extract('In 1859 he proclaimed himself "Norton I, Emperor of the United States".')
    assert not any("Emperor" in name for name in _things(article))


def test_a_place_keeps_its_mention_inside_an_event() -> None:
    """ "Berlin" in "Berlin Film Festival": the festival happens there; "Stirling" in
    "Stirling Prize" loses its mention; an organisation longer than an award keeps its."""
    lost_names, lost_things = outer_wins(
        [("GPE", 0, 6), ("PERSON", 30, 38), ("ORG", 60, 90)],
        [("EVENT", 0, 20), ("AWARD", 30, 44), ("AWARD", 60, 72)],
    )
    assert lost_names == {1}
    assert lost_things == {2}


def test_headline_mentions_follow_the_same_rule() -> None:
    prize = Entity(name="Stirling Prize", type="AWARD", aliases=["Stirling Prize"])
    person = Entity(name="James Stirling", type="PERSON", aliases=["Stirling"])
    festival = Entity(name="Fan Expo Canada", type="EVENT", aliases=["Fan Expo Canada"])
    canada = Entity(name="Canada", type="GPE", aliases=["Canada"])
    found = text_mentions("Stirling Prize goes to Fan Expo Canada", [person, prize, canada, festival])
    assert (0, 0, 8) not in found  # no "Stirling" inside the prize
    assert (1, 0, 14) in found
    assert (2, 32, 38) in found and (3, 23, 38) in found


def test_people_nationalities_and_courts_are_no_works(extract: Callable[..., Article]) -> None:
    """The syntax of works.py misfires; a work entity needs more: no nationality, no
    organisation's head word, and a person's name needs a noun for a work or a year."""
    article = extract(
        "Not a single American life was lost, he said.",
        "Rafe Dunmore appeared in Westbury District Court on Monday.",
        'Senator Ruth Alder wrote, "Congratulations to Tom Vessey on running a campaign."',
    )
    things = _things(article)
    assert not {"American", "Westbury District Court", "Tom Vessey"} & set(things)


def test_a_title_cut_short_runs_to_its_last_capital(extract: Callable[..., Article]) -> None:
    article = extract(
        "He drummed on the album Ships on the Water with a friend.",
        "The cast of the sitcom Rosa's Diner had a panel in Toronto.",
    )
    things = _things(article)
    assert things.get("Ships on the Water") == "WORK_OF_ART"
    assert things.get("Rosa's Diner") == "WORK_OF_ART"


def test_a_person_named_bill_is_no_bill(extract: Callable[..., Article]) -> None:
    article = extract("Sheriff Bill Horne said the Clean Harbours Bill passed, and President Bill spoke.")
    things = _things(article)
    assert things.get("Clean Harbours Bill") == "LAW"
    assert not any("Sheriff" in name or "President" in name for name in things)


def test_an_event_word_deep_inside_a_name_makes_no_event() -> None:
    assert thing_type("Aaron Mill of The Centre for Election Science") is None
    assert thing_type("War on Drugs") == thing_type("World War Two") == "EVENT"


def test_a_storm_is_no_word_the_article_writes(extract: Callable[..., Article]) -> None:
    article = extract(
        "Hurricane Delia hit the coast. Fans planned to Storm Area 51, a remote area of the desert."
    )
    things = _things(article)
    assert things.get("Hurricane Delia") == "EVENT"
    assert "Storm Area" not in things


def test_a_treaty_on_something_is_one_law() -> None:
    assert thing_type("General Accord on Fishing and Trade") == "LAW"


def test_a_subtitle_after_a_colon_is_no_event(extract: Callable[..., Article]) -> None:
    article = extract("He appeared in Raiders: Civil War and in the Korean War drama that followed.")
    things = _things(article)
    assert "Civil War" not in things
    assert things.get("Korean War") == "EVENT"
