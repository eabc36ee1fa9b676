"""Names the article itself says are one thing, by the syntax that introduces an alias.

- **"known as"**: "Natsu Higuchi (樋口 奈津), also known as Natsuko Higuchi"; "Jenna
  Nicole Mourey (born 1986), better known by her pseudonym Jenna Marbles"; "Joshua
  Norton, known as Emperor Norton"; "Pierre L'Enfant (…), self-identified as Peter
  L'Enfant"; "a.k.a."; "(born X)", ", born X", "née X"; "A, whose real name is B", "A
  (real name B)"; "Kyiv (also spelled Kiev)"; "Myanmar (formerly Burma)".
- **"the pen name of"**: "Ichiyō Higuchi (…) was a pen name of Japanese author Natsu
  Higuchi": the pen name (stage name, birth name, pseudonym) and the person are one.
- **A name in another language in the parenthesis after a name**: "Zaha Hadid
  (Arabic: زها حديد Zahā Ḥadīd; …)", "Jerome (…; Latin: Eusebius Sophronius
  Hieronymus; …)": the segment's label is the model's language or nationality.
- **A peerage after a name**: "John FitzGibbon, 2nd Earl of Clare" (the model's "2nd Earl").

An alias list goes on with "or" / "and" ("also known as Abba Theodorus and Theodore the
Sanctified"). The first name must end right before the connector, after at most a
parenthesis, post-nominal letters ("DBE RA") or a person's territory ("of Tabennese").
Two names of different types join only when the alias is named once (an epithet the
model typed at random); a possessive alias ("known as Smith's son") is another person.
"""

from __future__ import annotations

import re

from store.extract.entity_groups import Group, find, roots, union
from store.extract.entity_spans import Reading
from store.person_names import PEERAGE

ADVERB = (
    r"(?:(?:also|better|more|most|commonly|popularly|widely|sometimes|often|usually|affectionately|simply"
    r"|formerly|originally|later|now|locally|professionally|officially|informally)\s+)?"
)
NAME_NOUN = r"(?:\w+\s+)?(?:name|names|pseudonym|nickname|alias|moniker|sobriquet)"
CONNECTORS = re.compile(
    r"(?:"
    # "A (…), also known as B", "A also known as B", "A, known by her pseudonym B"
    rf"(?:,|\)|\s)\s*{ADVERB}{ADVERB}known\s+(?:as|(?:by|under)\s+(?:his|her|their|its|the|a)\s+{NAME_NOUN}(?:\s+of)?)"
    # "A, called B", "A, self-identified as B": after a comma only ("Obama called Putin")
    rf"|(?:,|\))\s*{ADVERB}(?:called|nicknamed|dubbed|styled|self-identified\s+as|referred\s+to\s+as)"
    r"|(?:,|\(|\s)\s*(?:a\.k\.a\.?|aka|AKA)"
    r"|\s\(\s*(?:born|née|né|nee|formerly|previously)"
    r"|,\s*(?:née|né|nee|born)"
    # "A, whose real name is B", "A (real name B)", "Kyiv (also spelled Kiev)"
    r"|,\s*(?:whose|his|her|their|its)\s+(?:real|birth|given|full|original|legal)\s+name\s+(?:is|was)"
    r"|\s\(\s*(?:real|birth|full|original)\s+name:?"
    r"|(?:,|\s\()\s*(?:also\s+)?(?:spelled|spelt|written|transliterated|romani[sz]ed)(?:\s+as)?"
    # "A (…) was a pen name of Japanese author B"
    r"|\s(?:is|was|are|were)\s+(?:the|a|an|his|her|their)\s+(?:\w+\s+)?"
    r"(?:(?:pen|stage|ring|birth|real|maiden|given|professional|religious|regnal|assumed|screen)\s+name"
    r"|pseudonym|nom\s+de\s+plume)\s+(?:used\s+)?(?:of|for|by)"
    r")\s+(?:the\s+)?[\"'‘“]?(?=[A-Z])"
)
"""The text between a name and the alias it introduces."""
LANGUAGE_SEGMENT = re.compile(
    r"[(;]\s*([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?:\s*(?:[^\sA-Za-z;:,()]+\s+)*(?=[A-Z])"
)
"""A segment "Language: <other script> " of a parenthesis, before the alias."""
DESCRIPTION = re.compile(r"(?:[a-z][\w-]*|[A-Z][a-z]+(?:an|ese|ish|ch|i))\s+")
"""A word that describes the person an alias names: "the pen name of Japanese author …"."""
PEERAGE_AFTER = re.compile(
    r",\s+(?=(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+"
    rf"(?:{PEERAGE})\b)"
)
"""A peerage after a person's name: "John FitzGibbon, 2nd Earl of Clare" is one person."""
LIST_GOES_ON = re.compile(r"\s*,?\s*(?:or|and)\s+(?:the\s+)?[\"'‘“]?(?=[A-Z])")
BEFORE_FIRST = [
    re.compile(r"\s*\([^()]*\)\s*,?\s*$"),  # "(born 1986), "
    re.compile(r"(?:\s+[A-Z]{2,5}\.?){1,3}\s*$"),  # post-nominal letters: "DBE RA"
    re.compile(r"\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*$"),  # "Theodorus of Tabennese"
]
PREPOSITION_BEFORE = re.compile(r"\b(?:of|to|in|into|near|from|at|on|by|beyond|outside)\s+(?:the\s+)?$")
PLACES = frozenset({"GPE", "LOC", "FAC"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
CUES = (
    *("known ", "called", "dubbed", "styled", "aka", "a.k.a", "née", "born", "name", "pseudonym", "("),
    *("spel", "written", "formerly", "previously", "romani", "translit"),
    *(" Earl", "Duke", "Baron", "Viscount", "Marquess"),
)
"""Words without which the article states no alias (most articles: nothing to scan)."""


def join_stated_aliases(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """Join each alias the syntax introduces to the name it follows (module docstring)."""
    body = reading.body
    if not any(word in body for word in CUES):
        return
    names: dict[str, str] = {}
    for key in roots(groups, parent):
        group = groups[key]
        if group.forms and group.type() in NAMED:
            for text in group.texts():
                if any(c.isascii() and c.isalpha() for c in text):  # not "زها حديد": the alias of a name
                    names.setdefault(text, key)
    if not names:
        return
    found = list(CONNECTORS.finditer(body))
    found += [m for m in LANGUAGE_SEGMENT.finditer(body) if _a_language(reading, m.start(1))]
    found += PEERAGE_AFTER.finditer(body)
    for match in sorted(found, key=lambda m: m.start()):
        at = match.end()
        alias = _name_at(body, at, names)
        for _ in range(3):  # "the pen name of Japanese author Natsu Higuchi"
            word = DESCRIPTION.match(body, at) if alias is None and match.re is CONNECTORS else None
            if word is None:
                break
            at = word.end()
            alias = _name_at(body, at, names)
        if alias is None or body.startswith(("'s", "’s"), at + len(alias)):
            continue  # "known as Smith's son": another person
        end = at + len(alias)
        if match.re is LANGUAGE_SEGMENT and not _closes(body, end, ";,)"):
            continue  # "(Arabic: … Zahā Ḥadīd; born …)": the segment is the name
        head = body[max(0, match.start() - 200) : _open_paren(body, match)]
        for first in _names_ending(head, names):
            after_comma = match.group().lstrip().startswith(",")  # a parenthesis attaches to the name
            if first == alias or (
                after_comma and _inside_phrase(head, first, groups[find(parent, names[first])])
            ):
                continue
            if _join(groups, parent, names[first], names[alias]):
                for more in _listed_after(body, end, names):  # "… and Theodore the Sanctified"
                    _join(groups, parent, names[first], names[more])
                break


def _open_paren(body: str, match: re.Match[str]) -> int:
    """Where the text before the first name ends: a language segment's parenthesis opens."""
    if match.re is LANGUAGE_SEGMENT and body[match.start()] == ";":
        opened = body.rfind("(", max(0, match.start() - 200), match.start())
        if opened >= 0 and ")" not in body[opened : match.start()]:
            return opened
        return max(0, match.start() - 200)  # no parenthesis: no name before it (an empty head)
    return match.start()


def _name_at(body: str, at: int, names: dict[str, str]) -> str | None:
    """The longest of the article's names that begins at `at` as whole words."""
    best = None
    for text in names:
        if body.startswith(text, at) and not body[at + len(text) : at + len(text) + 1].isalnum():
            if best is None or len(text) > len(best):
                best = text
    return best


def _names_ending(head: str, names: dict[str, str]) -> list[str]:
    """The article's names that end `head`, after at most a parenthesis, post-nominal letters
    and a person's territory, nearest first."""
    found: list[str] = []
    head = head.rstrip()
    ends = [head]
    for pattern in BEFORE_FIRST:
        cut = pattern.search(head)
        if cut is not None:
            head = head[: cut.start()].rstrip()
            ends.append(head)
    for text in ends:
        fits = [n for n in names if text.endswith(n) and not text[-len(n) - 1 : -len(n)].isalnum()]
        found += sorted(fits, key=len, reverse=True)
    return found


def _inside_phrase(head: str, name: str, group: Group) -> bool:
    """A place after a preposition ends a longer phrase the alias may name: "the desert
    of Chalcis, southeast of Antioch, known as the Syrian Thebaid"."""
    if group.type() not in PLACES:
        return False
    at = head.rfind(name)
    return bool(PREPOSITION_BEFORE.search(head[:at]))


def _listed_after(body: str, end: int, names: dict[str, str]) -> list[str]:
    listed = []
    while (more := LIST_GOES_ON.match(body, end)) is not None:
        name = _name_at(body, more.end(), names)
        if name is None:
            break
        listed.append(name)
        end = more.end() + len(name)
    return listed


def _join(groups: dict[str, Group], parent: dict[str, str], first: str, alias: str) -> bool:
    """Fold the alias's group into the first name's, which keeps its name and type."""
    one, other = find(parent, first), find(parent, alias)
    if one == other:
        return True
    if not _compatible(groups[one], groups[other]):
        return False
    label = groups[one].type()
    groups[one].long_name = groups[one].long_name or groups[one].longest()
    for moved in groups[other].forms:
        moved.label = label
    union(groups, parent, one, other)
    return True


def _closes(body: str, end: int, closers: str) -> bool:
    rest = body[end : end + 3].lstrip()
    return bool(rest) and rest[0] in closers


def _a_language(reading: Reading, at: int) -> bool:
    """The word at `at` is a language or nationality to the model ("Arabic:", "Latin:")."""
    span = reading.doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and span[0].ent_type_ in ("LANGUAGE", "NORP")


def _compatible(one: Group, other: Group) -> bool:
    """One type (places count as one), or an alias named once whose type the model guessed."""
    kinds = {one.type(), other.type()}
    if len(kinds) == 1 or kinds <= PLACES:
        return True
    return len({f.text for f in other.forms}) == 1 and len(other.forms) <= 2
