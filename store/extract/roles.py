"""Who "the minister", "the Tory leader" or "the 28-year-old" is: roles and epithets.

An article introduces a person with a role: a title before the name ("Tory leader
Michael Howard", "Usdaw general secretary John Hannett"), an apposition ("Gavin
Henson, the Wales centre,"; "Alan Schwartz, vice president of SpeechWorks"), a
predicate ("Novak is the harbour master") or an age ("Henson, 22,"). Those are
read off the parse: the role noun's lemma and the names and nouns modifying it.

A later definite description ("said the Wales centre", "The minister said:")
resolves to the person whose role shares its head noun, else the modifiers of it
("the Chelsea star" for a player introduced as "Chelsea striker"), the most
recently mentioned first. "The 28-year-old" takes the person given that age, or,
when the article gives no ages, the person most recently quoted or speaking.
Nothing matching stays unresolved: the caller keeps None rather than guess.

A club, party or country modifying a person's role ("the Tottenham striker") is
never the speaker: it describes the person. Organisation nouns ("the company",
"the party", "the government") and groups ("the couple") are told apart by
`is_org_noun` and `is_group_noun`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.extract.context import SUBJECTS, QuoteContext

if TYPE_CHECKING:
    from spacy.tokens import Token

ORG_NOUNS = frozenset(
    """
    company firm group party government administration ministry department club team union council
    committee agency bank board association organisation organization body authority charity court
    police army network channel broadcaster newspaper magazine studio label airline university school
    hospital regulator watchdog commission institute foundation federation league corporation business
    retailer manufacturer maker operator publisher embassy parliament senate congress assembly cabinet
    consortium coalition movement campaign society trust service office industry association side
    """.split()
)
"""Nouns naming a body that speaks as one ("the company said", "the party said")."""
STATE_NOUNS = frozenset(
    """
    government administration ministry department army police embassy parliament senate congress
    cabinet military
    """.split()
)
"""Bodies of a state: "the US government" speaks, not the United States."""
TITLES = {
    "sen": "senator",
    "senator": "senator",
    "rep": "representative",
    "gov": "governor",
    "governor": "governor",
    "president": "president",
    "pres": "president",
    "gen": "general",
    "general": "general",
    "minister": "minister",
    "secretary": "secretary",
    "mayor": "mayor",
    "judge": "judge",
    "chancellor": "chancellor",
    "premier": "premier",
    "speaker": "speaker",
    "coach": "coach",
    "captain": "captain",
    "prof": "professor",
    "professor": "professor",
}
"""Titles written before a name, capitalised or abbreviated, and the role noun they stand for."""
GROUP_NOUNS = frozenset({"couple", "pair", "duo", "trio", "both", "family", "parents"})
"""Nouns naming several people who speak together ("the couple said")."""


@dataclass
class Role:
    """One way the article described a person."""

    person: str
    """The person's canonical name."""
    at: int
    """Token index of the mention the role is attached to."""
    head: str
    """The role noun's lemma ("striker", "minister"), or "" for an age alone."""
    modifiers: frozenset[str]
    """Lower-cased names and nouns modifying it ("tottenham", "tory", "prime")."""
    age: str = ""
    """The age given ("28"), if any."""


def is_org_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in ORG_NOUNS


def is_group_noun(token: Token) -> bool:
    return token.lemma_.lower() in GROUP_NOUNS


def age_of(token: Token) -> str:
    """ "28" for the "old" of "28-year-old", else ""."""
    if token.lower_ != "old":
        return ""
    for child in token.children:
        if child.lower_ in ("year", "years"):
            for grandchild in child.children:
                if grandchild.like_num:
                    return grandchild.text
    return ""


def _modifiers(noun: Token, ctx: QuoteContext, skip: range) -> tuple[frozenset[str], str]:
    """The names and nouns modifying a role noun, and an age among them."""
    found: set[str] = set()
    age = ""
    stack = [c for c in noun.children if c.i not in skip]
    while stack:
        child = stack.pop()
        if ctx.in_quote[child.i]:
            continue
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss"):
            age = age or age_of(child)
            if child.dep_ == "compound" or child.text[:1].isupper() or child.pos_ in ("NOUN", "PROPN"):
                if child.is_alpha and child.pos_ != "DET":
                    found.add(child.lemma_.lower() if child.pos_ == "NOUN" else child.lower_)
            stack.extend(c for c in child.children if c.i not in skip)
        elif child.dep_ == "prep" and child.lower_ in ("of", "for", "at"):
            stack.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "pobj":
            if child.is_alpha:
                found.add(child.lower_)
            stack.extend(c for c in child.children if c.dep_ in ("compound", "amod"))
    return frozenset(found), age


def _is_role_noun(token: Token) -> bool:
    """A common noun naming what someone is ("striker", "minister"); a lower-case title word the
    tagger took for a verb ("striker Tomas Hollander") counts too."""
    if not token.is_alpha or is_org_noun(token):
        return False
    return token.pos_ == "NOUN" or (token.pos_ == "VERB" and token.dep_ == "compound" and token.is_lower)


class Roles:
    """The roles each person of one article was introduced with."""

    def __init__(self, ctx: QuoteContext, mentions: list[tuple[int, str, int]]) -> None:
        """`mentions`: (first token, person, salience) of every name mention, in order."""
        self.ctx = ctx
        self.mentions = mentions
        self.roles: list[Role] = []
        doc = ctx.doc
        for first, person, _ in mentions:
            end = first
            while end + 1 < len(doc) and ctx.is_name(doc[end + 1]) and doc[end + 1].head.i != first - 1:
                if doc[end + 1].i - first > 5:
                    break
                end += 1
            run = range(first, end + 1)
            head = next((doc[i] for i in run if doc[i].head.i not in run), doc[end])
            self._read_roles(person, head, run)

    def _add(self, person: str, at: int, noun: Token, run: range) -> None:
        title = TITLES.get(noun.lower_.rstrip("."))
        if title is not None and noun.pos_ == "PROPN":
            # "Sen. Marco Rubio", "President Barack Obama": a title is a role
            self.roles.append(Role(person, at, title, _modifiers(noun, self.ctx, run)[0]))
            return
        mods, age = _modifiers(noun, self.ctx, run)
        if _is_role_noun(noun):
            head = noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.lower_
            self.roles.append(Role(person, at, head, mods, age))
        elif age:
            self.roles.append(Role(person, at, "", mods, age))

    def _read_roles(self, person: str, head: Token, run: range) -> None:
        ctx = self.ctx
        # "Tory leader Michael Howard", "Usdaw general secretary John Hannett"
        for child in head.children:
            if child.i in run or ctx.in_quote[child.i]:
                continue
            if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i:
                self._add(person, head.i, child, run)
            elif child.dep_ == "appos":
                # "Gavin Henson, the Wales centre," / "Henson, 22,"
                if child.like_num:
                    self.roles.append(Role(person, head.i, "", frozenset(), child.text))
                else:
                    self._add(person, head.i, child, run)
            elif child.dep_ in ("acl", "amod") and child.lower_ == "aged":
                number = next((c for c in child.subtree if c.like_num), None)
                if number is not None:
                    self.roles.append(Role(person, head.i, "", frozenset(), number.text))
        # "the Wales centre, Gavin Henson"
        if head.dep_ == "appos" and head.head.i not in run:
            self._add(person, head.i, head.head, run)
        # "Novak is the harbour master"
        if head.dep_ in SUBJECTS and head.head.lemma_ == "be":
            for child in head.head.children:
                if child.dep_ == "attr":
                    self._add(person, head.i, child, run)

    # ------------------------------------------------------------------ resolving

    def person_for(self, noun: Token) -> str | None:
        """The person a definite description headed by `noun` stands for, or None."""
        ctx = self.ctx
        head = noun.lemma_.lower()
        mods, age = _modifiers(noun, ctx, range(0))
        if noun.lower_ == "old":
            age = age or age_of(noun)
            head = ""
        best: tuple[int, int] = (0, -1)  # (score, recency)
        chosen: str | None = None
        for role in self.roles:
            if role.at >= noun.i:
                continue
            score = 0
            if head and role.head == head:
                score = 4 + len(mods & role.modifiers)
            elif age and role.age == age:
                score = 4
            elif mods:
                score = len(mods & (role.modifiers | {role.head}))
            if score and (score, self._last_mention(role.person, noun.i)) > best:
                best = (score, self._last_mention(role.person, noun.i))
                chosen = role.person
        if chosen is not None:
            return chosen
        if age:
            return self._salient_before(noun.i)
        return None

    def _last_mention(self, person: str, before: int) -> int:
        last = -1
        for index, name, _ in self.mentions:
            if index >= before:
                break
            if name == person:
                last = index
        return last

    def _salient_before(self, before: int) -> str | None:
        """The person last named as the subject of a speech verb before `before`, a few sentences back."""
        ctx = self.ctx
        floor = ctx.sents[max(0, ctx.sent_of[before] - 6)].start
        for index, name, rank in reversed(self.mentions):
            if index < before and index >= floor and rank == 0:
                return name
        return None

    def pair_before(self, before: int) -> str | None:
        """ "A and B" for the last two people named together ("Jane and Tom Lee") before a token."""
        doc = self.ctx.doc
        names = {index: name for index, name, _ in self.mentions}
        floor = self.ctx.sents[max(0, self.ctx.sent_of[before] - 8)].start
        for index in sorted((i for i in names if floor <= i < before), reverse=True):
            token = doc[index]
            run_head = token
            while run_head.dep_ in ("compound", "flat") and run_head.head.i != run_head.i:
                run_head = run_head.head
            partners = [
                names[c.i] for c in run_head.subtree if c.dep_ == "conj" and c.i in names and c.i != index
            ] + [names[i] for i in range(index + 1, min(len(doc), index + 6)) if i in names]
            first = names[index]
            for other in partners:
                if other != first:
                    return f"{first} and {other}"
        return None

    def epithet_mentions(self) -> list[tuple[int, str]]:
        """(token, person) for each definite description of a person the article uses."""
        found: list[tuple[int, str]] = []
        ctx = self.ctx
        for token in ctx.doc:
            if (
                token.dep_ not in SUBJECTS
                or ctx.in_quote[token.i]
                or not (_is_role_noun(token) or token.lower_ == "old")
            ):
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            person = self.person_for(token)
            if person is not None:
                found.append((token.i, person))
        return found
