"""Names inside longer names (store/extract/within_names.py): "Texas" in "University of
Texas" is a name the article gives, with no mention of its own. No model needed: the
rules read the article's entities, the gazetteer and the batch."""

from __future__ import annotations

from store.aliases import AliasTable
from store.extract.within_names import add_names_within, fragments, keep_model_fragments, settle_fragments
from store.models import Article, Entity, Mention, Paragraph


def article(title: str, *texts: str, names: tuple[tuple[str, str], ...] = ()) -> Article:
    """An article whose entities are `names` ((name, type)), each with a mention at every
    place its name is written, longest names first (as extraction finds them)."""
    paragraphs = [Paragraph(t) for t in texts]
    entities = []
    taken: list[tuple[int, int, int]] = []
    for name, kind in sorted(names, key=lambda n: -len(n[0])):
        entity = Entity(name, kind, [name])
        for number, text in enumerate(texts):
            at = text.find(name)
            while at >= 0:
                if not any(p == number and s < at + len(name) and at < e for p, s, e in taken):
                    entity.mentions.append(Mention(number, at, at + len(name)))
                    taken.append((number, at, at + len(name)))
                at = text.find(name, at + 1)
        entities.append(entity)
    return Article(id=title.lower().replace(" ", "-"), title=title, paragraphs=paragraphs, entities=entities)


def named(found: Article, name: str) -> Entity | None:
    return next((e for e in found.entities if e.name == name), None)


def test_a_known_place_inside_an_organisations_name_is_named_within_it() -> None:
    found = article(
        "Library opens",
        "The University of Texas opened a library.",
        names=(("University of Texas", "ORG"),),
    )
    add_names_within([found])
    texas = named(found, "Texas")
    assert texas is not None and texas.type == "GPE"
    assert texas.within == ["University of Texas"] and texas.mentions == [] and texas.only_within
    university = named(found, "University of Texas")
    assert university is not None and len(university.mentions) == 1 and not university.within


def test_a_country_variant_inside_a_name_is_the_country() -> None:
    found = article(
        "Linguists meet",
        "The Linguistic Society of America met.",
        names=(("Linguistic Society of America", "ORG"),),
    )
    add_names_within([found])
    country = named(found, "United States")
    assert country is not None and country.aliases == ["America"]
    assert country.within == ["Linguistic Society of America"]


def test_a_name_the_article_also_gives_alone_keeps_its_mentions_and_records_within() -> None:
    found = article(
        "Texas news",
        "Texas voted. The University of Texas stayed shut.",
        names=(("University of Texas", "ORG"), ("Texas", "GPE")),
    )
    add_names_within([found])
    texas = named(found, "Texas")
    assert texas is not None and len(texas.mentions) == 1 and texas.within == ["University of Texas"]
    assert not texas.only_within


def test_the_batch_knows_a_place_the_gazetteer_does_not() -> None:
    # Ellon (10,000 people) is too small for the city list of store.place_lexicon
    campus = article("Campus", "Ellon Academy opened a lab.", names=(("Ellon Academy", "ORG"),))
    add_names_within([campus])
    assert named(campus, "Ellon") is None  # no evidence: a capital letter is not enough
    town = article("Fair", "Ellon drew tourists.", names=(("Ellon", "GPE"),))
    add_names_within([campus, town])
    ellon = named(campus, "Ellon")
    assert ellon is not None and ellon.type == "GPE" and ellon.within == ["Ellon Academy"]


def test_a_name_the_batch_types_two_ways_is_not_taken() -> None:
    one = article("One", "Acme Standard grew.", names=(("Acme", "ORG"),))
    other = article("Other", "Acme was founded here.", names=(("Acme", "PERSON"),))
    shop = article("Shop", "Acme Standard Works grew.", names=(("Acme Standard Works", "ORG"),))
    add_names_within([one, other, shop])
    assert named(shop, "Acme") is None


def test_a_common_word_is_never_a_name_within() -> None:
    campus = article(
        "Campus",
        "Michigan State University and the World Bank met; the world watched.",
        names=(("Michigan State University", "ORG"), ("World Bank", "ORG")),
    )
    other = article("State", "State won.", names=(("State", "ORG"),))
    world = article("World", "World grew.", names=(("World", "ORG"),))
    add_names_within([campus, other, world])
    assert named(campus, "Michigan") is not None
    assert named(campus, "State") is None  # a head word of names
    assert named(campus, "World") is None  # the batch writes "world"


def test_a_surname_opening_a_name_is_the_person_the_article_names_in_full() -> None:
    found = article(
        "Concert",
        "Andrew Carnegie paid for it. The band played Carnegie Hall.",
        names=(("Andrew Carnegie", "PERSON"), ("Carnegie Hall", "FAC")),
    )
    add_names_within([found])
    person = named(found, "Andrew Carnegie")
    assert person is not None and "Carnegie" in person.aliases and person.within == ["Carnegie Hall"]
    assert named(found, "Carnegie") is None


def test_no_place_inside_a_places_own_words_only_after_its_of() -> None:
    found = article(
        "Weather",
        "Storms hit New Mexico and the Gulf of Mexico.",
        names=(("New Mexico", "GPE"), ("Gulf of Mexico", "LOC")),
    )
    add_names_within([found])
    mexico = named(found, "Mexico")
    assert mexico is not None and mexico.within == ["Gulf of Mexico"]
    assert list(fragments("New Mexico", "GPE")) == []


def test_a_name_the_headline_gives_alone_is_left_to_the_headline() -> None:
    found = article(
        "Texas votes", "The University of Texas stayed shut.", names=(("University of Texas", "ORG"),)
    )
    add_names_within([found])
    assert named(found, "Texas") is None


def test_a_dropped_name_stays_dropped() -> None:
    found = article(
        "Library", "The University of Texas opened a library.", names=(("University of Texas", "ORG"),)
    )
    table = AliasTable(dropped={"texas"})
    add_names_within([found], table)
    assert named(found, "Texas") is None


def test_the_models_name_that_lost_its_mentions_to_a_longer_one_is_kept_within() -> None:
    found = article(
        "Campus",
        "The University of Pisa hired a dean.",
        names=(("University of Pisa", "ORG"), ("Pisa", "GPE")),
    )
    pisa = named(found, "Pisa")
    assert pisa is not None and pisa.mentions == []
    keep_model_fragments(found, [pisa])
    assert pisa.within == ["University of Pisa"]


def test_fragments_are_first_words_and_names_after_of() -> None:
    assert list(fragments("Tampa Bay Rays", "ORG")) == ["Tampa", "Tampa Bay"]
    assert list(fragments("University of California at Berkeley", "ORG")) == [
        "University",
        "California",
        "Berkeley",
    ]
    assert "NATO" in list(fragments("Euro-NATO Joint Jet Pilot Training", "ORG"))
    # a pair may be one name ("Bosnia and Herzegovina"): no half of it is named within
    assert "Iraq" not in list(fragments("Islamic State of Iraq and the Levant", "ORG"))


def test_a_surname_other_articles_give_is_nobody_in_particular() -> None:
    politics = article("Vote", "Boris Johnson spoke. Johnson left.", names=(("Boris Johnson", "PERSON"),))
    politics.entities[0].aliases.append("Johnson")
    space = article("Launch", "The Johnson Space Center waited.", names=(("Johnson Space Center", "FAC"),))
    more = article("More", "Boris Johnson spoke again. Johnson smiled.", names=(("Boris Johnson", "PERSON"),))
    more.entities[0].aliases.append("Johnson")
    add_names_within([politics, space, more])
    assert [e.name for e in space.entities] == ["Johnson Space Center"]


def test_extraction_names_texas_within_and_leaves_the_jump_alone(nlp: object) -> None:
    from store.extract import extract_articles
    from store.extract.locate import entity_spans

    texts = ["The University of Texas opened a new library on Monday.", "Students queued for hours."]
    found = Article(id="campus", title="A library opens", paragraphs=[Paragraph(t) for t in texts])
    extract_articles([found])
    texas = named(found, "Texas")
    assert texas is not None and texas.type == "GPE" and texas.within == ["University of Texas"]
    text = "\n\n".join([found.title, *texts])
    spans = dict(zip([e.name for e in found.entities], entity_spans(text, found), strict=True))
    assert spans["Texas"] == [] and [text[s:e] for s, e in spans["University of Texas"]] == [
        "University of Texas"
    ]


def test_an_organisations_own_forms_are_no_names_within_it() -> None:
    bank = article(
        "Rates",
        "The Federal Reserve Board met. Shearson Lehman Brothers Inc and the Texas Air Corp rose.",
        names=(
            ("Federal Reserve Board", "ORG"),
            ("Shearson Lehman Brothers Inc", "ORG"),
            ("Texas Air Corp", "ORG"),
        ),
    )
    fed = article("Fed", "The Federal Reserve acted.", names=(("Federal Reserve", "ORG"),))
    firm = article("Firm", "Shearson Lehman hired.", names=(("Shearson Lehman", "ORG"),))
    add_names_within([bank, fed, firm])
    assert named(bank, "Federal Reserve") is None  # the Fed's own board
    assert named(bank, "Shearson Lehman") is None  # a company's short form
    texas = named(bank, "Texas")
    assert texas is not None and texas.within == ["Texas Air Corp"]  # a place in a company's name


def test_a_person_in_a_companys_name_is_not_named_within_it() -> None:
    found = article(
        "Deal",
        "Robert Fox agreed. Fox Properties Inc sold it.",
        names=(("Robert Fox", "PERSON"), ("Fox Properties Inc", "ORG")),
    )
    add_names_within([found])
    person = named(found, "Robert Fox")
    assert person is not None and person.within == [] and "Fox" not in person.aliases


def test_a_place_run_together_with_a_persons_name_is_not_named_within_it() -> None:
    found = article(
        "Primary",
        "Vermont Bernie Sanders won. The Virginia Mason Hospital opened.",
        names=(("Vermont Bernie Sanders", "ORG"), ("Virginia Mason Hospital", "FAC")),
    )
    add_names_within([found])
    virginia = named(found, "Virginia")
    assert named(found, "Vermont") is None
    assert virginia is not None and virginia.within == ["Virginia Mason Hospital"]


def test_a_name_only_inside_a_longer_headline_name_is_no_headline_name() -> None:
    found = article(
        "Judge rules American Samoans are citizens",
        "American Samoans sued in Utah.",
        names=(("American Samoans", "NORP"), ("Utah", "GPE")),
    )
    found.entities.append(Entity("American", "NORP", ["American"]))  # the model's, in the headline
    found.entities.append(Entity("Samoans", "NORP", ["Samoans"]))
    found.title = "Judge rules American Samoans are citizens; Samoans cheer"
    settle_fragments(found)
    assert [e.name for e in found.entities] == ["American Samoans", "Utah", "Samoans"]


def test_an_acronym_is_a_name_though_the_article_writes_the_word_in_lower_case() -> None:
    found = article("Magazine", "Readers of US Weekly told us so.", names=(("US Weekly", "ORG"),))
    add_names_within([found])
    country = named(found, "United States")
    assert country is not None and country.aliases == ["US"] and country.within == ["US Weekly"]
