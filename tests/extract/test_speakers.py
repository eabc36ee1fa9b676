"""Attribution patterns, each on a small sentence written for the test."""

from __future__ import annotations

from collections.abc import Callable

from store.models import Article
from tests.extract.conftest import speakers

Extract = Callable[..., Article]


def test_x_said(extract: Extract) -> None:
    article = extract("“The bridge will be finished next year,” Maria Lopez said on Monday.")
    assert speakers(article) == ["Maria Lopez"]
    assert article.quotes[0].cue == "said"


def test_said_x_inverted(extract: Extract) -> None:
    article = extract("“We will appeal the decision,” said Thomas Becker, the company's lawyer.")
    assert speakers(article) == ["Thomas Becker"]


def test_lead_in_with_colon(extract: Extract) -> None:
    article = extract("Thomas Becker told reporters: “We will appeal the decision as soon as we can.”")
    assert speakers(article) == ["Thomas Becker"]
    assert article.quotes[0].cue == "told"


def test_x_who_said(extract: Extract) -> None:
    article = extract(
        "Governor Anna Keller, who on Friday met the union leaders, said the strike "
        "“has gone on far too long for everyone involved”."
    )
    assert speakers(article) == ["Anna Keller"]


def test_according_to(extract: Extract) -> None:
    article = extract(
        "“The budget is balanced for the first time in a decade,” according to Finance Minister Paul Dubois."
    )
    assert speakers(article) == ["Paul Dubois"]
    assert article.quotes[0].cue == "according to"


def test_x_told_y_gives_the_teller(extract: Extract) -> None:
    article = extract("“Nobody expected the river to rise so fast,” Peter Novak told Maria Lopez.")
    assert speakers(article) == ["Peter Novak"]


def test_added_and_tweeted(extract: Extract) -> None:
    article = extract(
        "Senator Laura Chen spoke to the committee on Tuesday.",
        "“The data is clear and the risks are growing every year,” Chen added.",
        "“Thank you to everyone who voted today in our state,” Michael Grant tweeted.",
    )
    assert speakers(article) == ["Laura Chen", "Michael Grant"]


def test_short_name_maps_to_the_canonical_name(extract: Extract) -> None:
    article = extract(
        "Foreign Secretary Philip Hammond met his counterparts in Paris.",
        "“We have made real progress on the terms of the agreement,” Hammond said.",
    )
    assert speakers(article) == ["Philip Hammond"]


def test_interrupted_quote_has_one_speaker(extract: Extract) -> None:
    article = extract("“We are ready,” Maria Lopez said, “and we will not wait any longer for the council.”")
    assert speakers(article) == ["Maria Lopez", "Maria Lopez"]


def test_pronoun_resolved_by_gender(extract: Extract) -> None:
    article = extract(
        "Mayor John Harris met the chief executive, Susan Clark, at the town hall on Monday.",
        "“We are going to keep the factory open for at least five more years,” she said.",
        "“That is the best news this town has had in a long time,” he said.",
    )
    assert speakers(article) == ["Susan Clark", "John Harris"]


def test_pronoun_resolved_to_previous_sentence_subject(extract: Extract) -> None:
    article = extract(
        "Robert Mills, a farmer from the valley, lost most of his harvest in the flood.",
        "“It will take us years to recover from what happened this spring,” he said.",
    )
    assert speakers(article) == ["Robert Mills"]


def test_unattributed_quote_paragraph_continues_the_previous_speaker(extract: Extract) -> None:
    article = extract(
        "“We need more teachers in every school of the district,” said Maria Lopez.",
        "“Without them the classes will only grow larger every year.”",
    )
    assert speakers(article) == ["Maria Lopez", "Maria Lopez"]


def test_speaker_named_in_previous_paragraph(extract: Extract) -> None:
    article = extract(
        "“We need more teachers in every school of the district,” said Maria Lopez.",
        "Peter Novak said that the plan would cost too much money.",
        "“There is simply no money left in the budget for any of this.”",
    )
    assert speakers(article) == ["Maria Lopez", "Peter Novak"]


def test_multi_paragraph_quote_keeps_its_speaker(extract: Extract) -> None:
    article = extract(
        "“The first part of the statement explains what went wrong with the contract,” said Maria Lopez.",
        "“The second part explains how the city will fix it and when the work will start again.",
        "“And the third part is about who will pay for all of it in the end.”",
    )
    assert speakers(article) == ["Maria Lopez"] * 3
    assert article.quotes[2].text.startswith("And the third part")


def test_person_only_inside_the_quote_is_never_the_speaker(extract: Extract) -> None:
    article = extract("“Peter Novak must resign before the end of the week, and everyone knows it.”")
    assert speakers(article) == [None]


def test_organisation_can_speak(extract: Extract) -> None:
    article = extract("“The company will review all of its safety procedures,” Siemens said in a statement.")
    assert speakers(article) == ["Siemens"]


def test_unknown_speaker_stays_null(extract: Extract) -> None:
    article = extract("“The water is not safe to drink until further notice,” a spokesman said.")
    assert speakers(article) == [None]


def test_every_speaker_is_an_entity(extract: Extract) -> None:
    article = extract("“We will appeal the decision,” said Zorblat Quennick, the company's lawyer.")
    names = {entity.name for entity in article.entities}
    assert all(quote.speaker in names for quote in article.quotes if quote.speaker)


def test_short_spoken_phrase_is_kept_by_its_speech_verb(extract: Extract) -> None:
    article = extract("Asked whether it included every member, Maria Lopez said, “any.”")
    assert [q.text for q in article.quotes] == ["any."]
    assert speakers(article) == ["Maria Lopez"]


def test_phrase_a_person_called_something_is_a_quote(extract: Extract) -> None:
    article = extract("Peter Novak called the new rules “a real disgrace.”")
    assert [q.text for q in article.quotes] == ["a real disgrace."]


def test_show_title_next_to_a_verb_is_not_a_quote(extract: Extract) -> None:
    article = extract("Maria Lopez said on “Morning Report,” that the harbour would reopen.")
    assert article.quotes == []


def test_participle_cue_after_a_noun_takes_the_main_subject(extract: Extract) -> None:
    article = extract(
        "Maria Lopez took to social media, posting on Friday, “The harbour will open again next week.”"
    )
    assert speakers(article) == ["Maria Lopez"]


def test_a_spokesperson_speaks_for_an_organisation_not_a_person(extract: Extract) -> None:
    article = extract(
        "“We are reviewing the footage from the station,” a spokesman for Siemens said.",
        "“She will not comment on the matter until next week,” a spokesman for Maria Lopez said.",
    )
    assert speakers(article) == ["Siemens", None]


def test_lead_in_sentence_ending_in_a_colon(extract: Extract) -> None:
    article = extract(
        "On Tuesday, Maria Lopez made the following comment:",
        "“The harbour will open again next week, and the ferries will run as before.”",
        "Peter Novak's letter makes a different case: “The harbour should stay closed all year.”",
    )
    assert speakers(article) == ["Maria Lopez", "Peter Novak"]


def test_present_tense_cue_after_the_quote(extract: Extract) -> None:
    article = extract(
        "Peter Novak runs the harbour office. “Look at the figures the board put out after the storm,” "
        "Novak notes. “They were very different from last year.”"
    )
    assert speakers(article) == ["Peter Novak", "Peter Novak"]


def test_name_glued_to_the_cue_as_a_compound_is_the_subject(nlp: object) -> None:
    from spacy.tokens import Doc

    from store.extract.speakers import Attributor

    words = ["Novak", "notes", "."]
    doc = Doc(
        nlp.vocab,  # type: ignore[attr-defined]
        words=words,
        spaces=[True, False, False],
        heads=[1, 1, 1],
        deps=["compound", "ROOT", "punct"],
        pos=["PROPN", "VERB", "PUNCT"],
    )
    attributor = Attributor(doc, ["Novak notes."], [0], [], [], lambda surface, entities: None)
    subject = attributor.subject_of(doc[1])
    assert subject is not None and subject.text == "Novak"
