"""Speech cues: the words that say someone is speaking ("said", "told", "according to")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH_VERBS = frozenset(
    """
    say tell add write tweet post ask warn explain note insist argue claim state declare continue reply
    respond answer recall acknowledge admit announce suggest predict complain conclude joke quip urge
    caution concede emphasize emphasise stress observe remark report testify shout yell chant scream
    whisper vow promise pledge boast charge contend counter interject muse retort plead demand wonder
    agree disagree assert affirm allege confirm deny lament mention proclaim recount
    reiterate repeat reveal speak tout thunder told describe quote cite read opine blast slam criticize
    criticise mock scoff sneer exclaim gush marvel laugh sigh snap rail fume grumble begin bark echo
    retort pen text email interrupt quote summarize summarise put concur howl cry plead thank praise
    condemn hail welcome dismiss assure reassure exhort advise sing
    """.split()
)
_BACK_VERBS = frozenset({"shoot", "fire", "hit", "push", "chime", "strike", "lash", "cut"})


def is_cue(token: Token) -> bool:
    """A speech cue: a speech verb, "shot back", or the "according" of "according to"."""
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    # "shot back", "fired back", "hit back", "chimed in", "pointed out"
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if lemma == "point":
        return particle == "out"
    return lemma in _BACK_VERBS and particle in ("back", "in")
