"""Speakers from data/ copy patterns (written for the test): a place closing a person's
"of ORG, Place", a title before a name, a body named earlier as "the army", and a whole
quote after "told X"."""

from __future__ import annotations

from collections.abc import Callable

from store.models import Article
from tests.extract.conftest import speakers

Extract = Callable[..., Article]


def test_place_in_a_persons_postmodifier_is_not_the_speaker(extract: Extract) -> None:
    article = extract(
        "Marta Okonkwo of the University of Toronto, Scarborough objected to the survey: "
        '"The sample was far too small to tell us anything about the river. '
        'We asked for more time and were refused."'
    )
    assert speakers(article) == ["Marta Okonkwo"]


def test_title_before_a_name_is_not_the_speakers_name(extract: Extract) -> None:
    article = extract(
        'Judge Morley Grant QC said they "appear to have shown no respect for the victims at all." '
        'Prosecutor Ines Dalgety QC said the children were "easy targets for the men" and had '
        'been used "to satisfy the men\'s own ends".'
    )
    assert speakers(article) == ["Morley Grant", "Ines Dalgety", "Ines Dalgety"]


def test_the_army_is_the_army_the_article_named(extract: Extract) -> None:
    article = extract(
        "Soldiers of the Kenyan Army were sent to the border on Friday. "
        'The army said the troops were there "to keep the crossings open for traders."'
    )
    assert speakers(article) == ["Kenyan Army"]


def test_an_unnamed_army_stays_unattributed(extract: Extract) -> None:
    article = extract('The army said the troops were there "to keep the crossings open for traders."')
    assert speakers(article) == [None]


def test_whole_quote_after_told_x(extract: Extract) -> None:
    article = extract(
        "Ruth Omondi, a Leeds solicitor acting for Nora Vance, told the Gazette after the ruling "
        '"My client is of course very relieved with the ruling and is glad that it is over. '
        'She is glad that she spoke."'
    )
    assert speakers(article) == ["Ruth Omondi"]
    assert not article.quotes[0].partial


def test_assemblywoman_is_a_title(extract: Extract) -> None:
    article = extract(
        'Assemblywoman Rosa Ibarra said: "It is a proud day for the state and for every woman in it."'
    )
    assert speakers(article) == ["Rosa Ibarra"]


def test_a_bare_title_with_a_named_apposition_is_the_named_person(extract: Extract) -> None:
    article = extract(
        'The Senate Majority Leader, Dana Whitlock, said on Monday "We asked the governor to wait. '
        'She refused."'
    )
    assert speakers(article) == ["Dana Whitlock"]


def test_a_lower_case_role_with_a_named_apposition_is_the_named_person(extract: Extract) -> None:
    # the model may tag a lower-case role noun before a name as a proper noun
    article = extract(
        "Bishop Emeritus Tobias Renwick of the Kellan diocese died on Sunday, aged 81. "
        'In a statement, the new bishop, Teodoro Ramil, said, "It is with great sadness that '
        'I announce the death of our brother. He passed away peacefully in the night."'
    )
    assert speakers(article) == ["Teodoro Ramil"]
