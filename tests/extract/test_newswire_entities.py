"""Newswire copy: companies' suffixes, tickers in angle brackets, tables of figures and
lists of places (fixtures written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from store.aliases import AliasTable
from store.company_names import company_stem, has_unit_word, is_bare_suffix
from store.extract.entities import extract_entities
from store.extract.pipeline import body_of, parse_bodies
from store.extract.wire_copy import figure_lines, without_brackets
from store.identity import NameRecord, group_corpus
from store.models import Entity, Paragraph


def extract(nlp: Language, texts: list[str]) -> list[Entity]:
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    return extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable())


def owner(entities: list[Entity], alias: str) -> Entity | None:
    return next((e for e in entities if alias in e.aliases), None)


def test_two_companies_sharing_co_stay_apart(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Halvorsen Freight Co rejected the bid on the advice of Brandt, Keller and Co, its adviser.",
            "Shares of Halvorsen Freight Co rose two points, said Marta Quist of Pell and Co.",
        ],
    )
    halvorsen = owner(entities, "Halvorsen Freight Co")
    assert halvorsen is not None and halvorsen.type == "ORG"
    assert not any(a.endswith("and Co") for a in halvorsen.aliases)
    assert not any(a in ("Co", "Inc") for e in entities for a in e.aliases)


def test_a_company_name_holding_and_is_one_company(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Shares rose, said Joe Plocek of Dunleavy, Marsh and Pollard Inc, who expects growth.",
            "Its stake in Copper and Glassworks Plc was cut, while Orvane and General Electric Co "
            "signed a deal. Orvane said it was pleased.",
            "Brisco Corp and Dunmore Metals Corp of America settled. Brisco said it was pleased.",
        ],
    )
    names = {e.name: e.type for e in entities}
    assert names["Dunleavy, Marsh and Pollard Inc"] == "ORG"
    assert "Marsh" not in names and "Dunleavy" not in names
    assert names["Orvane"] == "ORG" and names["General Electric Co"] == "ORG"
    assert names["Brisco Corp"] == "ORG" and names["Dunmore Metals Corp of America"] == "ORG"


def test_a_company_and_its_name_without_the_suffix_are_one(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Orvane Aircraft Co said it won an order for 30 jets from a Danish airline.",
            "Orvane said the jets would be delivered next year.",
        ],
    )
    orvane = owner(entities, "Orvane Aircraft Co")
    assert orvane is not None and orvane.type == "ORG"
    assert owner(entities, "Orvane") is orvane


def test_a_ticker_after_a_company_is_its_short_form(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Trellis Mining Corp <TMC> said its quarterly output rose.",
            "TMC said it would raise its dividend, and <Dunmore Metals Inc> said it agreed.",
        ],
    )
    trellis = owner(entities, "Trellis Mining Corp")
    assert trellis is not None and owner(entities, "TMC") is trellis
    dunmore = owner(entities, "Dunmore Metals Inc")
    assert dunmore is not None and dunmore.type == "ORG"
    assert not any("<" in a or ">" in a for e in entities for a in e.aliases)


def test_an_earnings_table_gives_no_person(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Shr 1.20 dlrs vs 1.00 dlrs",
            "Net 4,100,000 vs 3,900,000",
            "Revs 82.0 mln vs 70.1 mln",
            "Brisk Tools Inc sold its Petroleum 184.9 unit for 12.5 mln dlrs.",
            "Hollis Parker, the chief executive, said sales of Brisk Tools Inc rose.",
        ],
    )
    people = [e.name for e in entities if e.type == "PERSON"]
    assert people == ["Hollis Parker"]
    assert not any(ch.isdigit() for e in entities for a in e.aliases for ch in a)


def test_a_list_of_cities_is_no_city_and_region(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Dock workers in Tokyo, Yokohama, Nagoya, Osaka and Kobe will strike on Monday.",
            "Exporters such as West Germany, Japan, Australia and Canada failed to agree.",
            "Delegates from Zaire, Uganda, Sierra Leone, Congo and Algeria will attend the talks.",
            "The plant is in Austin, Texas, the company said.",
        ],
    )
    places = [e for e in entities if e.type == "GPE" and e.name != "Austin"]
    assert {"Tokyo", "Yokohama", "West Germany", "Zaire"} <= {e.name for e in places}
    assert [a for e in places for a in e.aliases if "," in a] == []
    austin = owner(entities, "Austin")
    assert austin is not None and "Austin, Texas" in austin.aliases


def test_suffixes_and_table_lines() -> None:
    assert company_stem("Brandt, Keller and Co") == "Brandt, Keller"
    assert company_stem("Nippon Lace Co Ltd") == "Nippon Lace"
    assert company_stem("Co") is None and company_stem("Boeing") is None
    assert is_bare_suffix("Co") and is_bare_suffix("Co Inc") and not is_bare_suffix("SA")
    assert has_unit_word("U.S. Dlrs") and has_unit_word("Revs") and not has_unit_word("CTS")
    body = "Shr 1.20 dlrs vs 1.00 dlrs\nHe said 3 of the 4 offers were made in 1986 and 1987 by rivals."
    assert figure_lines(body) == [(0, 26)]
    assert without_brackets("ETA Systems Inc>", 10) == ("ETA Systems Inc", 10)
    assert without_brackets("TEX> Continental Airlines", 10) == ("Continental Airlines", 15)


def test_the_corpus_joins_no_companies_on_a_shared_suffix() -> None:
    records = [
        NameRecord("Orvane Aircraft Co", "ORG", articles=5, aliases={"Orvane Aircraft Co"}),
        NameRecord("Brandt, Keller and Co", "ORG", articles=3, aliases={"Brandt, Keller and Co"}),
        NameRecord("Co", "ORG", articles=2, aliases={"Co"}),
        NameRecord("Orvane Aircraft", "ORG", articles=4, aliases={"Orvane Aircraft"}),
        NameRecord("Brandt Keller", "ORG", articles=1, aliases={"Brandt Keller"}),
    ]
    grouping = group_corpus(records)
    orvane = grouping.entity("ORG", "Orvane Aircraft Co")
    assert orvane is not None and grouping.entity("ORG", "Orvane Aircraft") is orvane
    assert grouping.entity("ORG", "Brandt Keller") is grouping.entity("ORG", "Brandt, Keller and Co")
    assert grouping.entity("ORG", "Brandt, Keller and Co") is not orvane
    assert grouping.entity("ORG", "Co") not in (orvane, grouping.entity("ORG", "Brandt, Keller and Co"))


def test_initials_of_a_company_without_its_suffix_join_it(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Halford Motor Engines Inc said on Monday it had won a contract worth 650 mln dlrs "
            "to supply engines to an airline.",
            "The order would lift HME's profits, analyst Maria Lund said. HME shares rose 1-1/4 to 96.",
        ],
    )
    halford = owner(entities, "Halford Motor Engines Inc")
    assert halford is not None and "HME" in halford.aliases


def test_a_bodys_short_forms_do_not_make_it_a_person(nlp: Language) -> None:
    """ "Biffe Chief Executive Tor Lund said", "Biffe saw": the short forms may be typed as a
    person, but the full name's head word ("Exchange") says what the group is."""
    entities = extract(
        nlp,
        [
            "The records in turnover set by the Bergen International Financial Futures Exchange (BIFFE) in "
            "March could be surpassed in the coming months, Biffe Chief Executive Tor Lund said.",
            "Last month, Biffe saw record monthly futures volume at 1.15 mln lots. Total Biffe volume in "
            "first quarter 1987 rose to 2.8 mln contracts.",
            "Lund said Biffe had designed the widest possible variety of contracts.",
        ],
    )
    exchange = owner(entities, "BIFFE")
    assert exchange is not None and exchange.type == "ORG"
    assert exchange.name == "Bergen International Financial Futures Exchange"


def test_a_bare_head_word_is_the_one_organisation_ending_in_it(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "The Marrow Valley Water Commission approved the rate rise on Tuesday.",
            "The Commission said the rise would take effect in July, and the Commission will review it.",
        ],
    )
    commission = owner(entities, "Marrow Valley Water Commission")
    assert commission is not None and "Commission" in commission.aliases
    two = extract(
        nlp,
        [
            "The Marrow Valley Water Commission and the Hollin State Gaming Commission met.",
            "The Commission said the rise would take effect in July, and the Commission will review it.",
        ],
    )
    assert not any("Commission" in e.aliases and len(e.aliases) > 1 for e in two)  # which one: no one


def test_a_rate_table_in_capitals_gives_no_organisation(nlp: Language) -> None:
    """Units in a table of rates ("10 PCT - 10.1/2 PCT") are no names, though the model
    tags them in capitals and the lines hold words ("ONE MONTH") besides the figures."""
    entities = extract(
        nlp,
        [
            "DEPOSIT RATES",
            "INTERBANK MONEY ONE MONTH    10     PCT - 10.1/2 PCT TWO MONTHS    9.7/8 PCT - 10.3/8 PCT "
            "THREE MONTHS 10.1/8 PCT - 10.5/8 PCT",
            "82 DAYS  9.10 PCT 174 DAYS  8.90 PCT 356 DAYS  8.95 PCT",
            "Dealers at Banca Ferrante said rates would stay firm this week.",
        ],
    )
    assert not any(a.upper() == "PCT" for e in entities for a in e.aliases)
    assert owner(entities, "Banca Ferrante") is not None


def test_a_short_name_two_organisations_end_in_joins_only_the_place_prefixed_one(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "The U.S. House issued a subpoena on Friday. Last week the White House released a summary.",
            "The House wants the documents by October 4, and the White House has refused.",
        ],
    )
    white = owner(entities, "White House")
    assert white is not None and white.aliases == ["White House"]
    house = owner(entities, "U.S. House")
    assert house is not None and "House" in house.aliases
