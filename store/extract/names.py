"""Name normalisation for entities: titles, possessives, country variants, acronyms.

Plain string functions and small tables, no spaCy: `entities.py` uses them to clean
what the model finds, `resolve_name` to map a speaker's surface form to an entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from store.person_fit import SURNAME_PARTICLES

# Words that are an office or honorific rather than part of a person's name
# ("US Secretary of State John Kerry", "Mr. Tedeschi", "Sen. Ted Cruz").
TITLE_WORDS = frozenset(
    """
mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. professor sir dame lord lady
president vice prime minister secretary chancellor premier senator sen sen. rep rep.
representative congressman congresswoman governor gov gov. mayor ambassador envoy
general gen gen. colonel col col. lieutenant lt lt. major maj maj. captain capt capt.
admiral adm adm. sergeant sgt sgt. commander corporal private marshal brigadier
judge justice king queen prince princess emir sheikh sultan pope cardinal archbishop
bishop reverend rev rev. father imam rabbi ayatollah chief executive ceo chairman
chairwoman chairperson chair leader spokesman spokeswoman spokesperson commissioner
attorney deputy foreign home shadow interior defence defense finance state junior
assistant acting former late detective inspector superintendent constable officer
coach manager director head founder editor correspondent reporter dean speaker comrade cde
sheriff councillor councilman councilwoman alderman member mp mep lawmaker legislator
emeritus elect designate emperor empress tsar czar tsarina czarina kaiser prosecutor
assemblyman assemblywoman assemblymember councilmember solicitor barrister
rector provost chaplain mlle mlle. mme mme.
""".split()
)
# Office words after "of" ("Secretary of State", "Minister of Foreign Affairs").
OFFICE_WORDS = frozenset(
    """
state defense defence foreign affairs justice health finance interior home commerce
labor labour energy education transportation transport agriculture treasury culture
trade industry economy environment information war police staff parliament congress
assembly house commons lords representatives
""".split()
)
# Lower-case words allowed inside a long proper name ("Islamic State of Iraq and the Levant").
NAME_JOINERS = frozenset("of and the for on in de del da di du van von der la le al el y & to at".split())

NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:an|ish|ese|i|ch)$")
"""A nationality adjective ("British", "Syrian", "Chinese", "Iraqi", "French")."""
POSSESSIVE = re.compile(r"""(?:['’"]s|(?<=s)['’])$""")
"""A possessive ending; newswire copy may write the apostrophe as a double quote: Ecuador"s."""
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
SPACES = re.compile(r"\s+")


def strip_possessive(name: str) -> str:
    """ "Russia’s" -> "Russia", "Thomas'" -> "Thomas"."""
    return POSSESSIVE.sub("", name)


def strip_the(name: str) -> str:
    """ "the United States" -> "United States"."""
    return LEADING_THE.sub("", name)


def is_title_word(word: str) -> bool:
    """True for an office or honorific word ("Secretary", "Mr.", "Sen.", "Bishop-Emeritus")."""
    return all(part in TITLE_WORDS for part in word.casefold().split("-"))


def split_title(name: str) -> tuple[str, str]:
    """Split a leading title off a person's name: (title, name).

    "US Secretary of State John Kerry" -> ("US Secretary of State", "John Kerry");
    "Mr. Tedeschi" -> ("Mr.", "Tedeschi"); a name with no title -> ("", name).
    A place or country before the title ("US", "British") belongs to the title.
    """
    words = name.split()
    cut = 0
    for i, word in enumerate(words):
        low = word.casefold()
        if is_title_word(word):
            cut = i + 1
        elif low == "of" and cut == i and i + 1 < len(words):
            cut = i + 1
        elif low == "the" and cut == i and i > 0 and words[i - 1].casefold() == "of":
            cut = i + 1
        elif cut == i and i > 0 and words[i - 1].casefold() in ("of", "the") and low in OFFICE_WORDS:
            cut = i + 1
        elif cut == i and low in ("and", "&") and i + 1 < len(words) and is_title_word(words[i + 1]):
            cut = i + 1
    if cut == 0:
        # a country or nationality before a title ("US Secretary ...") is found by the loop
        return "", name
    rest = words[cut:]
    if not rest or not any(w[:1].isupper() for w in rest):
        lead = words[0]
        if is_title_word(lead) or known_type(lead) or NATIONALITY.match(lead):
            return name, ""  # a bare title: "Secretary of State", "US Secretary of Defense"
        return "", name  # the title word is the surname: "Michel Mayor", "Larry King"
    return " ".join(words[:cut]), " ".join(rest)


def surname_matches(word: str, surname: str) -> bool:
    """ "Assad" names "al-Assad"; "Kerry" names "Kerry"."""
    if word == surname:
        return True
    low = surname.casefold()
    return any(low.startswith(p) and surname[len(p) :] == word for p in SURNAME_PARTICLES)


def given_names_within(words: list[str], longer: list[str]) -> bool:
    """The shorter name's words are the longer one's, in order, with the same surname: the
    person without some given names ("Otto Jespersen", "Jens Otto Harry Jespersen")."""
    if len(words) != 2 or words[-1] != longer[-1] or len(words) >= len(longer):
        return False  # "George W Bush" is not "George H W Bush"
    rest = iter(longer)
    return all(word in rest for word in words)


def leading_given_names(words: list[str], longer: list[str]) -> bool:
    """The given names of the longer name without its surname ("Pierre Charles" of "Pierre
    Charles L'Enfant"); not a father's name before "Jr" ("John Smith" of "John Smith Jr")."""
    if len(words) >= len(longer) or longer[: len(words)] != words:
        return False
    return not any(word.rstrip(".,") in GENERATIONS for word in longer[len(words) :])


GENERATIONS = frozenset({"Jr", "Sr", "Junior", "Senior", "II", "III", "IV"})


def normal_spaces(name: str) -> str:
    """Collapse runs of white space (line breaks inside a name) to one space."""
    return SPACES.sub(" ", name).strip()


# --- countries and major places ------------------------------------------------------

COUNTRY_VARIANTS = {
    "United States": "US, U.S., U.S, USA, U.S.A., United States of America, America, the States",
    "United Kingdom": "UK, U.K., Britain, Great Britain",
    "United Arab Emirates": "UAE, U.A.E., Emirates",
    "Russia": "Russian Federation",
    "China": "People's Republic of China, PRC, Mainland China",
    "North Korea": "DPRK, Democratic People's Republic of Korea",
    "South Korea": "Republic of Korea, ROK",
    "Czech Republic": "Czechia",
    "Netherlands": "Holland, The Netherlands",
    "Myanmar": "Burma",
    "Ivory Coast": "Côte d'Ivoire, Cote d'Ivoire",
    "Democratic Republic of the Congo": "DRC, DR Congo, Congo-Kinshasa",
    "Vatican City": "Vatican, Holy See",
    "Iran": "Islamic Republic of Iran",
    "Syria": "Syrian Arab Republic",
    "European Union": "EU, E.U.",
    "United Nations": "UN, U.N.",
}
COUNTRIES = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Botswana
Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chile China Colombia Comoros
Congo Croatia Cuba Cyprus Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini
Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala
Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon
Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives
Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco
Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman
Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain
Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga
Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela
Vietnam Yemen Zambia Zimbabwe Scotland Wales England Tibet Greenland Chechnya Crimea
Gaza Kashmir Kurdistan Catalonia Quebec Ontario Texas California Florida Alaska Hawaii
Alabama Arizona Arkansas Colorado Connecticut Delaware Idaho Illinois Indiana Iowa Kansas
Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Utah Vermont Virginia
Wisconsin Wyoming Alberta Manitoba Saskatchewan Tasmania Queensland
|Antigua and Barbuda|Bosnia and Herzegovina|Burkina Faso|Cape Verde|Central African Republic
|Costa Rica|Czech Republic|Dominican Republic|East Timor|El Salvador|Equatorial Guinea
|Guinea-Bissau|Ivory Coast|Marshall Islands|New Zealand|North Korea|North Macedonia
|Papua New Guinea|Saint Lucia|San Marino|Saudi Arabia|Sierra Leone|Solomon Islands
|South Africa|South Korea|South Sudan|Sri Lanka|Trinidad and Tobago|United Arab Emirates
|United Kingdom|United States|Vatican City|West Bank|Northern Ireland|Hong Kong|Puerto Rico
|New York|New Jersey|North Carolina|South Carolina|Democratic Republic of the Congo
|New Hampshire|New Mexico|North Dakota|South Dakota|Rhode Island|West Virginia|British Columbia
|New South Wales|Nova Scotia|Soviet Union
"""
CITIES = """
London Paris Berlin Madrid Rome Moscow Kiev Kyiv Beijing Shanghai Tokyo Seoul Pyongyang
Delhi Mumbai Karachi Islamabad Kabul Tehran Baghdad Damascus Aleppo Beirut Amman Jerusalem
Riyadh Mecca Medina Jeddah Dubai Doha Cairo Istanbul Ankara Athens Geneva Brussels Vienna
Warsaw Prague Budapest Stockholm Oslo Copenhagen Helsinki Dublin Edinburgh Lisbon Sydney
Melbourne Toronto Montreal Vancouver Ottawa Chicago Boston Houston Atlanta Miami Dallas
Seattle Nairobi Lagos Johannesburg Manila Jakarta Bangkok Hanoi Singapore Mosul Homs
Latakia Raqqa Tripoli Benghazi Sanaa Aden Gaza Kandahar Lahore Dhaka Caracas Havana
Brasilia Bogota Lima Santiago Frankfurt Munich Hamburg Milan Naples Barcelona Marseille
Strasbourg Luxembourg Zurich Bern Minsk Tbilisi Yerevan Baku Tashkent Kathmandu Taipei
Osaka Manchester Liverpool Birmingham Glasgow Cardiff Belfast Brisbane Perth Auckland
Washington
|New York|Los Angeles|San Francisco|Hong Kong|New Delhi|Tel Aviv|Abu Dhabi|Mexico City
|Rio de Janeiro|Sao Paulo|São Paulo|Buenos Aires|Cape Town|Kuala Lumpur|Washington DC
"""
REGIONS = """
Europe Asia Africa Antarctica Oceania Arctic Levant Balkans Caucasus Scandinavia Sahara
Caribbean Mediterranean Siberia Sinai Patagonia Pacific Atlantic
|North America|South America|Latin America|Central America|Middle East|Far East
|East Asia|South Asia|Southeast Asia|Central Asia|West Africa|East Africa|North Africa
|Sub-Saharan Africa|Western Europe|Eastern Europe|Persian Gulf|Gulf of Mexico|Indian Ocean
|Pacific Ocean|Atlantic Ocean|Red Sea|Black Sea|Mediterranean Sea|South China Sea
"""
ORGS = """
NATO Hamas Hezbollah Taliban ISIS ISIL FBI CIA NSA BBC CNN Reuters Pentagon Kremlin Congress
Senate Parliament Interpol UNESCO UNICEF OPEC Twitter Facebook Google YouTube Instagram Microsoft
Netflix TikTok WhatsApp AFP UPI
|European Union|United Nations|World Health Organization|Red Cross|White House
|Associated Press|Al Jazeera|Al Qaeda|al-Qaeda|Islamic State|Muslim Brotherhood
|Security Council|World Bank|International Monetary Fund|Supreme Court|Home Office
|Foreign Office|State Department|Labour Party|Conservative Party|Democratic Party
|Republican Party
"""

NOT_ENTITIES = """
Islam Christianity Judaism Hinduism Buddhism Sikhism Catholicism Protestantism Shia Sunni
Wicca Paganism Shinto Taoism Jainism Zoroastrianism Hellenism Rastafari Scientology
"""
"""Religions: the model tags them ORG or PERSON; they are beliefs, typed NORP here."""
FESTIVALS = """
Hajj Ramadan Eid Christmas Easter Passover Hanukkah Diwali Thanksgiving Halloween Lent
Brexit |Eid al-Fitr|Eid al-Adha|New Year|Lunar New Year|Black Friday|Yom Kippur|Rosh Hashanah
"""
"""Festivals, holidays and processes the model takes for names: events."""


def _phrases(block: str) -> list[str]:
    """Words of the first part, then `|`-separated multi-word phrases."""
    words, _, phrases = block.partition("|")
    return words.split() + [normal_spaces(p) for p in phrases.split("|") if p.strip()]


PLACE_TYPES: dict[str, str] = {}
"""Case-folded well-known name -> the entity type it always has (places, organisations,
religions as NORP, festivals as EVENT)."""
for _name in _phrases(COUNTRIES) + _phrases(CITIES):
    PLACE_TYPES[_name.casefold()] = "GPE"
COUNTRY_NAMES = frozenset(_name.casefold() for _name in _phrases(COUNTRIES))
"""Case-folded countries, states and provinces (the gazetteer without its cities)."""
for _name in _phrases(REGIONS):
    PLACE_TYPES[_name.casefold()] = "LOC"
for _name in _phrases(ORGS):
    PLACE_TYPES[_name.casefold()] = "ORG"
for _name in _phrases(NOT_ENTITIES):
    PLACE_TYPES[_name.casefold()] = "NORP"
for _name in _phrases(FESTIVALS):
    PLACE_TYPES[_name.casefold()] = "EVENT"
CANONICAL_COUNTRY: dict[str, str] = {}
"""Case-folded variant ("u.s.", "britain") -> canonical name ("United States")."""
for _canonical, _variants in COUNTRY_VARIANTS.items():
    CANONICAL_COUNTRY[_canonical.casefold()] = _canonical
    for _variant in _variants.split(","):
        CANONICAL_COUNTRY[normal_spaces(_variant).casefold()] = _canonical
for _name in ("European Union", "United Nations"):
    PLACE_TYPES[_name.casefold()] = "ORG"
CASE_SENSITIVE_VARIANTS = frozenset({"US", "UN", "EU"})
"""Variants that are ordinary words in lower case ("us", "un")."""


@lru_cache(maxsize=1 << 16)
def country_name(name: str) -> str | None:
    """The canonical name of a country variant ("U.S." -> "United States"), else None."""
    found = CANONICAL_COUNTRY.get(strip_the(name).casefold())
    if found and name.upper() in CASE_SENSITIVE_VARIANTS and name != name.upper():
        return None
    return found


CITY_NAMES = {_name.casefold(): _name for _name in _phrases(CITIES)}
"""Case-folded city of the gazetteer -> its name."""


def city_name(name: str) -> str | None:
    """A gazetteer city written with "City" after it ("New York City" -> "New York",
    "Washington City" -> "Washington"); not "Mexico City" or "Kansas City", whose first
    words name no city of the gazetteer."""
    if not name.endswith(" City"):
        return None
    return CITY_NAMES.get(strip_the(name[: -len(" City")]).casefold())


def is_country(name: str) -> bool:
    """A country, state or province ("Australia", "U.S.", "Ontario"), not a city."""
    canonical = country_name(name) or strip_the(name)
    return canonical.casefold() in COUNTRY_NAMES


@lru_cache(maxsize=1 << 16)
def known_type(name: str) -> str | None:
    """The type of a well-known country, place or organisation, else None."""
    canonical = country_name(name) or strip_the(name)
    return PLACE_TYPES.get(canonical.casefold())


# --- acronyms defined in the text ------------------------------------------------------

ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
"""An acronym as a name: "KPA", "AT&T"."""
ACRONYM_DEFINITION = re.compile(r"\(([A-Z][A-Za-z&]{1,8})\)")
WORD_BEFORE = re.compile(r"([\w'’.&-]+)\s*$")


@dataclass(frozen=True)
class AcronymDefinition:
    """ "the Islamic State of Iraq and the Levant (ISIL)": a long name and its acronym."""

    name: str
    """The long name as written ("Islamic State of Iraq and the Levant")."""
    start: int
    """Offset of the long name in the text."""
    end: int
    """Offset one past the long name."""
    acronym: str
    """The acronym ("ISIL")."""
    acronym_start: int
    """Offset of the acronym (inside the brackets)."""


def initials(name: str) -> str:
    """Upper-case initials of the capitalised words ("Korean People's Army" -> "KPA")."""
    letters = []
    for word in re.split(r"[\s-]+", name):
        if word[:1].isupper():
            letters.append(word[0])
    return "".join(letters)


def find_acronym_definitions(text: str) -> list[AcronymDefinition]:
    """Every "Long Name (LN)" in `text` whose capitalised initials spell the acronym."""
    found = []
    for match in ACRONYM_DEFINITION.finditer(text):
        acronym = match.group(1)
        capitals = "".join(ch for ch in acronym if ch.isupper())
        if len(capitals) < 2:
            continue
        definition = _long_name_before(text, match.start(), capitals)
        if definition is not None:
            start, end = definition
            found.append(AcronymDefinition(text[start:end], start, end, acronym, match.start(1)))
    return found


def _long_name_before(text: str, limit: int, capitals: str) -> tuple[int, int] | None:
    """Walk back word by word from `limit` until the capitalised initials spell `capitals`."""
    end = limit
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    # "the United Kingdom's (UK) party": the name is "United Kingdom", not its possessive
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    elif end > 1 and text[end - 1] in "'’" and text[end - 2] == "s":
        end -= 1
    position, letters = end, ""
    words = 0
    while position > 0 and words < 2 * len(capitals) + 4:
        match = WORD_BEFORE.search(text, max(0, position - 60), position)
        if match is None or "\n" in text[match.start() : position]:
            return None
        word = match.group(1)
        words += 1
        if word[:1].isupper():
            letters = "".join(p[0] for p in re.split(r"-", word) if p[:1].isupper()) + letters
            if letters == capitals:
                return match.start(1), end
            if not capitals.endswith(letters):
                return None
        elif word.casefold() not in NAME_JOINERS:
            return None
        position = match.start(1)
    return None
