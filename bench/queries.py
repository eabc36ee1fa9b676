"""A mixed query set drawn from the corpus itself (deterministic): common, mid and
rare terms, phrases, fields, prefixes, fuzzy terms, and boolean combinations."""

from __future__ import annotations

import random
import re
from collections import Counter

from store.models import Article

STOP = set(
    "a an and are as at be but by for from had has have he her his i in into is it its not of on or "
    "our she that the their them they this to was we were which who will with would you said says".split()
)
WORD = re.compile(r"[A-Za-z][a-z]{3,}")


def query_mix(articles: list[Article], seed: int = 42) -> list[tuple[str, str]]:
    """(kind, query) pairs, drawn from a sample of the bench's articles."""
    rng = random.Random(seed)
    frequency: Counter[str] = Counter()
    bigrams: list[str] = []
    for article in articles:
        for paragraph in article.paragraphs:
            words = WORD.findall(paragraph.text)
            frequency.update({w.lower() for w in words if w.lower() not in STOP})
            tokens = paragraph.text.split()
            for a, b in zip(tokens, tokens[1:], strict=False):
                b = b.rstrip(".,")
                if WORD.fullmatch(a) and WORD.fullmatch(b) and not {a.lower(), b.lower()} & STOP:
                    bigrams.append(f'"{a} {b}"')
    ranked = [w for w, _ in frequency.most_common()]
    common = ranked[:4]
    middle = ranked[len(ranked) // 20 : len(ranked) // 20 + 8] or ranked[:8]
    rare = [w for w, n in frequency.items() if n == 1]
    rng.shuffle(rare)
    speakers = Counter(q.speaker for a in articles for q in a.quotes if q.speaker)
    entities = Counter(e.name for a in articles for e in a.entities for _ in e.mentions)
    years = sorted({a.published[:4] for a in articles if a.published})
    titles = [
        w.lower() for a in articles for w in re.findall(r"[A-Za-z]{4,}", a.title) if w.lower() not in STOP
    ]

    mix: list[tuple[str, str]] = [("common term", "said")]
    mix += [("common term", w) for w in common]
    mix += [("term", w) for w in middle]
    mix += [("rare term", w) for w in rare[:6]]
    mix += [("phrase", p) for p in rng.sample(bigrams, min(6, len(bigrams)))]
    mix += [("two terms", f"{rng.choice(common)} {rng.choice(middle)}") for _ in range(3)]
    mix += [("field", f"speaker:{name.split()[-1].lower()}") for name, _ in speakers.most_common(3)]
    mix += [("field", f'entity:"{name}"') for name, _ in entities.most_common(3)]
    mix += [("field", f"title:{w}") for w in rng.sample(titles, min(2, len(titles)))]
    if years:
        mix += [("field", f"date:{rng.choice(years)} {rng.choice(middle)}")]
        mix += [("field", f"date:[{years[0]}-01 to {years[0]}-06] {rng.choice(common)}")]
    mix += [("field", f"kind:quote {w}") for w in middle[:2]]
    mix += [("prefix", f"{w[:5]}*") for w in (common[:2] + middle[:2]) if len(w) >= 5]
    mix += [("fuzzy", f"{_typo(w, rng)}~") for w in middle[:4]]
    mix += [("or", f"{middle[0]} OR {middle[1]}"), ("or", f"{rare[0] if rare else common[0]} OR {common[0]}")]
    mix += [("not", f"{common[0]} -{middle[2]}"), ("not", f"{middle[3]} NOT {common[1]}")]
    return mix


def _typo(word: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(word))
    return word[:at] + ("e" if word[at] != "e" else "a") + word[at + 1 :]
