"""Head words: the last word of a name (or the word before "of") tells its type.

"Saudi Interior Ministry" is an organisation, "Grand Mosque" a building, "Fan Expo
Canada" an event, "Cello Concerto" a work and "East Asian Studies" a field of study:
the model often types them wrongly, and works and fields are no entities at all.
"""

from __future__ import annotations

from functools import lru_cache

from store.extract.names import known_type

ORG_HEADS = frozenset(
    """
Ministry Department Office Council Committee Commission Agency Authority Party Church Foundation
Society Association Institute University College School Corps Group Company Corporation Corp Inc
Ltd Bank Army Navy Force Forces Police Court Parliament Assembly Congress Senate Union League
Federation Club Team Gazette Herald Times Post News Journal Tribune Telegraph Guardian Press
Network Organisation Organization Service Services Board Bureau Trust Fund Legion Brigade
Movement Front Coalition Alliance Government Administration Cabinet Embassy Airlines Airways
Brotherhood Tribunal Secretariat Directorate Guard Academy Conservatory Conservatoire Orchestra
Laboratory Seminary Exchange Institution Holdings Industries Securities
""".split()
)
FACILITY_HEADS = frozenset(
    """
Mosque Cathedral Temple Synagogue Bridge Centre Center Hotel Airport Station Square Street Road
Avenue Park Stadium Arena Hall Palace Tower Castle Cave Prison Camp Airbase Building Crossing
Museum Gallery Cemetery Hospital Library Tunnel Tube Pier Wharf Dam Lighthouse Monument Zoo Mall
Plaza Highway Motorway Freeway Boulevard
""".split()
)
NATURAL_HEADS = frozenset(
    """
Plains Valley River Lake Mountain Mountains Mount Island Islands Bay Sea Ocean Desert Canal
Harbour Harbor Strait Gulf Peninsula Coast Falls
""".split()
)
REGION_HEADS = frozenset(
    """
Province County District Region Prefecture Governorate Municipality Oblast Empire Kingdom Caliphate
Sultanate Emirate Khanate Duchy Principality
""".split()
)
LAW_HEADS = frozenset("Act Acts Bill Treaty Accord Accords Agreement Constitution Amendment Charter".split())
LEADING_FACILITY_HEADS = frozenset(
    """
Hôpital Hôtel Musée Palais Château Gare Aéroport Église Cathédrale Basilique Museo Palazzo
Castello Castillo Schloss Stazione Estación Aeropuerto Aeroporto Iglesia Chiesa Catedral Duomo
Basílica Basilica Ospedale Piazza Plaza
""".split()
)
"""Head words that open a building's or a square's name in French, Italian, Spanish and
German ("Hôpital Cochin", "Palazzo Vecchio", "Gare du Nord", "Museo del Prado"). Not a
theatre's: "Théâtre National Populaire" is a company as much as a house."""
LINKS = frozenset("de du des del della dei di la le am zu".split())
"""Words that join such a head to its name ("Gare du Nord", "Museo del Prado")."""
HEAD_TYPES = {
    **dict.fromkeys(ORG_HEADS, "ORG"),
    **dict.fromkeys(FACILITY_HEADS, "FAC"),
    **dict.fromkeys(NATURAL_HEADS, "LOC"),
    **dict.fromkeys(REGION_HEADS, "GPE"),
    **dict.fromkeys(LAW_HEADS, "LAW"),
}
"""Head word -> the type of the name it ends ("Saudi Interior Ministry", "Grand Mosque")."""
SURNAME_HEADS = frozenset("Church Post Press Guard Hall Park Lake Mount Castle Camp Bank Court".split())
"""Head words that are also surnames ("Tom Hall"): they do not retype a person."""
EVENT_HEADS = frozenset(
    """
Championship Championships Expo Festival Summit Games Olympics Cup Tournament Awards
Marathon Fair Forum Week Election Elections Referendum War Wars Battle Siege Game Draft Convention
Carnival Jubilee Paralympics Series Month Lectures
""".split()
)
"""Head words of events ("Fan Expo Canada", "Northern Arena Esports Championship")."""
GAMES = frozenset("Olympics Paralympics Olympiad Paralympiad".split())
"""Events named by their head word alone ("the 2012 Summer Paralympics", "the Olympics")."""
STORM_WORDS = frozenset("Cyclone Hurricane Typhoon Storm".split())
"""Words before a storm's name ("Cyclone Phailin", "Tropical Storm Ana"): an event, no person."""
WORK_HEADS = frozenset(
    """
Symphony Symphonies Concerto Concertos Sonata Sonatas Trio Quartet Quintet Overture Requiem
Serenade Rhapsody Manifesto Award Prize Medal Trophy Scholarship
Bible Gospel Gospels Psalm Psalms Vulgate Septuagint Torah Talmud Quran Koran Scriptures Testament
""".split()
)
"""Head words of works, scriptures and awards ("Seventh Symphony", "the Gospel of the
Hebrews", "the Psalms", "Pritzker Architecture Prize"): no person, organisation or place."""
FIELD_WORDS = frozenset(
    """
Studies Linguistics Semantics Grammar Syntax Phonology Phonetics Morphology Lexicography
Languages Sciences Psychology Philosophy Mathematics Physics Chemistry Biology Economics
Sociology Anthropology Theology Humanities Counseling
""".split()
)
"""Words of a field of study ("Professor of East Asian Studies", "Frame Semantics"): a name
with one and no organisation head ("Institute of Mathematics") is a subject, no entity."""


def _linked(word: str) -> bool:
    """A word joining a leading head to its name: "du", or elided: "d'Orsay"."""
    return word in LINKS or word.startswith(("d'", "d’"))


def head_word(text: str) -> str:
    """The word a name is about: before "of"/"for" ("Ministry of Culture"), else the last."""
    words = text.split()
    for i, word in enumerate(words[1:], start=1):
        if word in ("of", "for"):
            return words[i - 1]
    return words[-1]


@lru_cache(maxsize=1 << 16)
def retype(text: str, label: str) -> str:
    """Fix the model's type: a known place or organisation, or a telling head word."""
    known = known_type(text)
    if label == "NORP":
        return label
    if known:
        return known
    words = text.split()
    head = head_word(text)
    if text in GAMES:
        return "EVENT"  # "the Paralympics": the Games, no organisation
    if len(words) > 1 and (words[0] in STORM_WORDS or words[:2] == ["Tropical", "Storm"]):
        return "EVENT"  # "Cyclone Phailin", "Tropical Storm Alberto": a storm
    if head in WORK_HEADS:
        return "WORK_OF_ART"  # "his Seventh Symphony" typed as a person
    if head not in HEAD_TYPES and FIELD_WORDS.intersection(words):
        return "FIELD"
    if len(words) > 1:
        if head in EVENT_HEADS or (len(words) > 2 and known_type(words[-1]) and words[-2] in EVENT_HEADS):
            return "EVENT"  # "Fan Expo Canada" is an event, not an organisation
        if head in ("Centre", "Center") and " for " in text:
            return "ORG"  # "Centre for Aviation" is a body, "Rogers Centre" a building
        if head in HEAD_TYPES and (label != "PERSON" or head not in SURNAME_HEADS):
            return HEAD_TYPES[head]
        if words[0] in LEADING_FACILITY_HEADS and (words[1][:1].isupper() or _linked(words[1])):
            return "FAC"  # "Hôpital Cochin", "Gare du Nord", "Musée d'Orsay"
    return label
