"""Whole quotes, partial quotes and the narrator's own quotation marks.

A quotation that opens mid-sentence, right after a word ("the plan was “dead in
the water”", "said that “creating music is …”"), is read on the parse:

- *whole*: the quoted words are a clause with its own subject, and that clause is
  what a speech verb reports (`said “we drifted …”`, `said that “it appears …”`);
- *partial*: a fragment (a phrase, a predicate, or a clause embedded deeper) inside
  a sentence whose speech or naming verb has a speaker ("He said the plan was “dead
  in the water”", "Trump called it “an absolute disgrace”"): a partial quote of
  that speaker;
- *narrator*: nothing in the sentence reports speech ("moved into “a living room in
  the valley” to watch"): a scare quote, or a term the writer distances himself from.
  A speech verb elsewhere in the sentence that the parse does not connect to the
  quote leaves it whole (the parse is not trusted that far).

A quotation after a colon, a comma, a sentence end or at a paragraph's start is
whole; so is one the parser took for a sentence of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Literal, NamedTuple

from store.extract.cues import is_cue
from store.extract.quotes import QuoteRegion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Kind = Literal["whole", "partial", "narrator"]


class Reading(NamedTuple):
    """What a quotation region is, and for a partial quote the verb that frames it."""

    kind: Kind
    frame: int = -1
    """Token index of the speech or naming verb a partial quote hangs from (-1: none)."""


WHOLE = Reading("whole")

NAMING_VERBS = frozenset(
    {"call", "describe", "label", "term", "dub", "brand", "deem", "refer", "characterize", "characterise"}
)
"""Verbs by which someone gives a thing a name: the name they gave is their words."""
CHARGING_VERBS = frozenset({"accuse", "talk"})
"""Verbs reporting speech that the cue list leaves out because they seldom introduce a
whole quote ("accused him of “not doing his job”", "talked of “countless discoveries”")."""
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_REPORTED = ("ccomp", "xcomp", "parataxis", "dobj")
"""How a whole quote hangs from its speech verb: as what is said, not as a clause joined to it."""


def quote_kind(
    region: QuoteRegion, doc: Doc, token_starts: list[int], offset: int, paragraph: str
) -> Reading:
    """Whole, partial or the narrator's, for a quotation region of a paragraph starting at
    `offset` in `doc`."""
    if region.continues or not region.opened or not _mid_sentence(paragraph, region.start):
        return WHOLE
    if paragraph[: max(0, region.start - 1)].rstrip().lower().endswith("so-called"):
        return Reading("narrator")  # "so-called “independent expenditure” reports": a term
    first = bisect_left(token_starts, offset + region.start)
    last = bisect_left(token_starts, offset + region.end)
    words = [t for t in doc[first:last] if not (t.is_punct or t.is_space)]
    if not words or first == 0:
        return WHOLE
    roots = [t for t in words if not first <= t.head.i < last]
    if not roots or any(t.head.i == t.i for t in roots):
        return WHOLE  # the parser read the quote as a sentence of its own
    if doc[first].sent.start != doc[first - 1].sent.start:
        return WHOLE
    root = max(roots, key=lambda t: len(list(t.subtree)))
    head = root.head
    clause = root.pos_ in ("VERB", "AUX") and any(
        c.dep_ in _SUBJECTS and first <= c.i < last for c in root.children
    )
    if clause and root.dep_ in _REPORTED and _frames(head):
        return WHOLE
    # "told the paper after the verdict “My client is relieved.”" parsed with the quote hung
    # from the object: a capitalised clause closing the sentence is what the cue reports
    told = clause and words[0].text[:1].isupper() and ends_sentence(region)
    node = head
    chain = set()
    for _ in range(10):
        chain.add(node.i)
        if _frames(head=node) and _someone_speaks(node):
            if told and is_cue(node) and node.i < first:
                return WHOLE
            return Reading("partial", node.i)
        according = next((c for c in node.children if c.lower_ == "according" and is_cue(c)), None)
        if according is not None:  # "according to the agency, the risk is “very high”"
            return Reading("partial", according.i)
        if node.head.i == node.i:
            break
        node = node.head
    sentence = doc[first].sent
    if any(is_cue(t) for t in sentence if t.i not in chain and not first - 1 <= t.i <= last):
        return WHOLE  # a speech verb elsewhere in the sentence, in a parse we cannot follow
    return Reading("narrator")


def starts_lower(region: QuoteRegion) -> bool:
    """The quoted words begin with a lower-case letter ("dead in the water")."""
    letter = next((ch for ch in region.text if ch.isalpha()), "")
    return letter.islower()


def ends_sentence(region: QuoteRegion) -> bool:
    """The quoted words close the writer's sentence (“… on terrorism.”): what someone is quoted
    as saying usually comes last, a term the writer keeps at arm's length mid-sentence."""
    return region.text.rstrip().rstrip("'’\"”)")[-1:] in (".", "!", "?", "…")


def _mid_sentence(paragraph: str, start: int) -> bool:
    """The opening mark (just before `start`) follows a word of the same sentence."""
    before = paragraph[: max(0, start - 1)].rstrip()
    if before[-1:] in ("'", "’"):
        before = before[:-1]  # "the old parties' “lies and spin”"
    return bool(before) and before[-1].isalnum()


def _frames(head: Token) -> bool:
    """A verb that reports words: a speech cue, or a verb of naming ("called it …")."""
    lemma = head.lemma_.lower()
    return is_cue(head) or (head.pos_ == "VERB" and (lemma in NAMING_VERBS or lemma in CHARGING_VERBS))


def _someone_speaks(verb: Token) -> bool:
    """The verb reports someone's words: not a passive without an agent ("has been described
    as …", "is caused by it and often called …") nor a participle naming a thing ("a
    phenomenon called …", "so-called")."""
    own = {c.dep_ for c in verb.children}
    if "nsubjpass" in own and "agent" not in own:
        return False
    head = verb
    while "nsubj" not in own and head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # a verb joined to another shares its subject, and its voice
        deps = {c.dep_ for c in head.children}
        if "nsubjpass" in deps and "agent" not in own:
            return False
        if "nsubj" in deps:
            break
    return head.dep_ not in ("acl", "amod", "compound")
