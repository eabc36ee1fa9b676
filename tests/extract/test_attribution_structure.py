"""Who said it in real copy: roles and epithets, speakers carried over, statements, groups.

Every paragraph is written for these tests (none is taken from a corpus).
"""

from __future__ import annotations

from collections.abc import Callable

from store.models import Article
from tests.extract.conftest import speakers

Extract = Callable[..., Article]


def test_epithet_with_a_club_is_the_player_not_the_club(extract: Extract) -> None:
    article = extract(
        "Rovers striker Tomas Hollander scored twice as Rovers beat Dunmore Athletic 3-1 on Saturday.",
        "“I just wanted to repay the fans for sticking with us all season,” said the Rovers striker.",
    )
    assert speakers(article) == ["Tomas Hollander"]


def test_role_introduced_two_sentences_earlier(extract: Extract) -> None:
    article = extract(
        "Health minister Carla Jensen visited the new ward in Aldbury on Monday. The hospital has "
        "waited nine years for it. Staff gave her a tour of the children's wing. The minister said: "
        "“This is what patients have been asking for. We will open two more by the spring.”"
    )
    assert speakers(article) == ["Carla Jensen"]


def test_age_epithet_is_the_person_of_that_age(extract: Extract) -> None:
    article = extract(
        "Marta Oliveira, 28, won the women's race in a course record. Her coach, Dan Pryce, watched "
        "from the finish line.",
        "“I did not expect to go that fast on this hill,” said the 28-year-old.",
    )
    assert speakers(article) == ["Marta Oliveira"]


def test_indefinite_description_is_someone_new(extract: Extract) -> None:
    article = extract(
        "Labour MP Joan Pelling said the scheme was too expensive. Another Labour MP said: "
        "“The party has not changed its position on this matter.”"
    )
    assert speakers(article) == [None]


def test_nested_he_declared_keeps_the_leader(extract: Extract) -> None:
    article = extract(
        "Prime Minister Alan Brooke used his new year message to defend the budget. Opposition leader "
        "Keith Marlow mocked the plans in a speech in Leeds. The opposition leader countered that the "
        "budget would cost families dearly. He declared: “This government has run out of ideas.” "
        "“It is time for a change,” he added."
    )
    assert speakers(article) == ["Keith Marlow", "Keith Marlow"]


def test_statement_by_a_body_is_the_bodys(extract: Extract) -> None:
    article = extract(
        "The Green Party said on Friday that its candidate Mary Ellison had withdrawn from the race.",
        "In a statement, the party said: “We thank Mary for her hard work and wish her well.”",
    )
    assert speakers(article) == ["Green Party"]


def test_the_company_added_is_the_company(extract: Extract) -> None:
    article = extract(
        "Brightwave said its profits would fall by a fifth this year.",
        "“Sales in January were lower than we had hoped,” the company added.",
    )
    assert speakers(article) == ["Brightwave"]


def test_it_said_is_the_body_named_before(extract: Extract) -> None:
    article = extract(
        "The Norland government rejected the claims on Tuesday. In a statement, it said: "
        "“The prisoners have always been treated properly.”"
    )
    assert speakers(article) == ["Norland government"]


def test_joint_speakers_are_both(extract: Extract) -> None:
    article = extract(
        "“We are delighted to welcome our daughter,” said Emma Clarke and Tom Reid in a joint message."
    )
    assert speakers(article) == ["Emma Clarke and Tom Reid"]
    # each of them is a person of the article; the pair is not a person of its own
    assert sorted(e.name for e in article.entities if e.type == "PERSON") == ["Emma Clarke", "Tom Reid"]


def test_a_named_speaker_with_an_unnamed_partner_is_not_one_of_them(extract: Extract) -> None:
    article = extract(
        "Emma Clarke and her husband said: “We never expected so many people to watch.”",
        "Tom Reid of Bath University and contributor to the Herald wrote, “the season was a great success.”",
    )
    assert speakers(article) == [None, "Tom Reid"]  # a second role of one person is no partner


def test_they_carries_on_the_joint_speaker_before(extract: Extract) -> None:
    article = extract(
        "Emma Clarke and Tom Reid married in Bath in June.",
        "“We never expected so many people to watch,” the couple said.",
        "“It was a lovely day for everyone,” they added.",
    )
    assert speakers(article) == ["Emma Clarke and Tom Reid", "Emma Clarke and Tom Reid"]


def test_the_couple_are_the_two_named_together(extract: Extract) -> None:
    article = extract(
        "Emma Clarke and Tom Reid married in Bath in June. Their wedding was filmed for television.",
        "“We never expected so many people to watch,” the couple said.",
    )
    assert speakers(article) == ["Emma Clarke and Tom Reid"]


def test_next_sentence_attributes_only_through_a_cue_governing_the_quote(extract: Extract) -> None:
    article = extract(
        "“We will not give up,” Paula Grant said. “The fight goes on.” Councillor Ian Doyle said the "
        "vote would be held in March."
    )
    assert speakers(article) == ["Paula Grant", "Paula Grant"]


def test_speaker_introduced_since_the_last_quote_takes_over(extract: Extract) -> None:
    article = extract(
        "“The roads are a disgrace,” said Pat Mills, a driver. Council leader Ruth Kane said repairs "
        "would begin in May. “We have set aside two million pounds for the work.”"
    )
    assert speakers(article) == ["Pat Mills", "Ruth Kane"]


def test_multi_speaker_paragraph(extract: Extract) -> None:
    article = extract(
        "Coach Rob Lyle said: “We were poor in the first half. We have to be better.” Captain Sam "
        "Eze disagreed. “I thought we played well,” he said. “The result was unfair.” Club chairman "
        "Neil Foster added: “Both of them care about this team.”"
    )
    assert speakers(article) == ["Rob Lyle", "Sam Eze", "Sam Eze", "Neil Foster"]


def test_narration_left_inside_an_unclosed_quote_is_not_quoted(extract: Extract) -> None:
    article = extract(
        "Ben Harlow said: “I spent two years waiting for a trial. He added: “Nobody told me why I was held.”"
    )
    assert [q.text for q in article.quotes] == [
        "I spent two years waiting for a trial.",
        "Nobody told me why I was held.",
    ]
    assert speakers(article) == ["Ben Harlow", "Ben Harlow"]


def test_scare_quote_in_narration_is_not_a_quote(extract: Extract) -> None:
    article = extract(
        "The minister was accused of having “leant on” officials before the report was published. "
        "Ann Gale said: “The inquiry must look at every email.”"
    )
    assert [q.text for q in article.quotes] == ["The inquiry must look at every email."]


def test_her_in_a_reported_clause_does_not_make_the_speaker_a_woman(extract: Extract) -> None:
    article = extract(
        "Senator Mira Vance unveiled her housing plan on Monday. Kip Ardent told the panel that her "
        "plan would fail. “We will see who is right by the spring,” he said."
    )
    assert speakers(article) == ["Kip Ardent"]


def test_a_title_before_the_name_is_a_role(extract: Extract) -> None:
    article = extract(
        "Sen. Paul Brandt spoke to farmers in Elton. Gov. Lena Ortiz met the strikers on Friday. "
        "The senator said: “We need a fair deal for every farm.”"
    )
    assert speakers(article) == ["Paul Brandt"]


def test_a_paragraph_with_its_own_speech_verb_does_not_inherit_the_speaker_before(extract: Extract) -> None:
    article = extract(
        "Tom Reid of Bath University wrote, “the harbour plan would cost the town far more than it says.”",
        "And he would not back down. “We will see who is right by the summer.”",
        "The council released a note which read, in part, “The costs have been checked twice.”",
    )
    assert speakers(article) == ["Tom Reid", "Tom Reid", None]
