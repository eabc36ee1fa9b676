"""The name written another way, in the parenthesis right after it.

An encyclopaedic or news profile opens with the name and, in a parenthesis, how it is
said and how it is written elsewhere: "Antonín Leopold Dvořák (/d(ə)ˈvɔːrʒɑːk/
d(ə)-VOR-zha(h)k; Czech: [ˈantoɲiːn ˈlɛopolt ˈdvor̝aːk]; 8 September 1841 – …)",
"Jerome (/dʒəˈroʊm/; Latin: …; Greek: Εὐσέβιος Σωφρόνιος Ἱερώνυμος; c. 347 – …)".
Each of these renderings is a mention of the name before the parenthesis, so the jump
from the entity reaches it:

- **A pronunciation**: a transcription between slashes or square brackets with at least
  one letter of the International Phonetic Alphabet (Unicode's IPA Extensions or Spacing
  Modifier Letters: ə ʒ ɛ ˈ ː …), and the respelling with a stressed syllable in capitals
  that follows one ("d(ə)-VOR-zha(h)k"). A mention only: sounds are no name a reader
  would look the entity up by, so they never become aliases.
- **The name in another script**, after a label ("Greek: Εὐσέβιος …", "Arabic: زها حديد"):
  a name of the entity, so it is an alias too, and a name the model found inside it (a
  second "person" Σωφρόνιος Ἱερώνυμος) is the same entity.

The parenthesis is split into segments at semicolons outside brackets; dates and
anything else in it are left alone.
"""

from __future__ import annotations

import re
import unicodedata

from store.extract.entity_aka import NAMED
from store.extract.entity_groups import Group, find, roots, union
from store.extract.entity_spans import Form, Reading

LABEL = re.compile(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)(?: pronunciation)?:\s*")
"""A segment's label: a language, with or without "pronunciation" ("Czech:", "French pronunciation:")."""
TRANSCRIPTION = re.compile(r"/([^/;()]*(?:\([^/;()]*\)[^/;()]*)*)/|\[([^\[\];]+)\]")
"""A transcription between slashes (which may hold parentheses: "d(ə)ˈvɔːrʒɑːk") or brackets."""
RESPELLING = re.compile(r"(?<![\w-])[\w()]*(?:-[\w()]+)+(?![\w-])")
"""A hyphenated respelling ("d(ə)-VOR-zha(h)k", "jə-ROHM"), once it shows a capital syllable."""
STRESSED = re.compile(r"(?:^|-)[A-Z]{2,}(?:$|[-(])")
MAX_PARENTHESIS = 400
"""Characters searched for the closing parenthesis."""


def join_renderings(
    reading: Reading, groups: dict[str, Group], parent: dict[str, str]
) -> list[tuple[str, int, int]]:
    """Join each name in another script to the name its parenthesis follows (as an alias);
    return (group key, body start, body end) of each pronunciation, a mention of it."""
    body = reading.body
    if "(" not in body:
        return []
    found: list[tuple[str, int, int]] = []
    done: set[int] = set()
    named = [key for key in roots(groups, parent) if groups[key].type() in NAMED]
    owned = sorted(
        ((f, key) for key in named for f in groups[key].forms if f.start >= 0), key=lambda x: x[0].start
    )
    for form, owner in owned:
        opened = _opening(body, form.end)
        if opened < 0 or opened in done:
            continue
        done.add(opened)
        key = find(parent, owner)
        for start, end in _segments(body, opened):
            start, end = _trimmed(body, start, end)
            label = LABEL.match(body, start, end)
            at = label.end() if label else start
            script = _other_script(body, at, end)
            if label is not None and script is not None:
                _join_script(groups, parent, key, body, script)
                continue
            pieces = [
                (m.start(m.lastindex or 0), m.end(m.lastindex or 0))
                for m in TRANSCRIPTION.finditer(body, at, end)
            ]
            pieces = [_trimmed(body, s, e) for s, e in pieces if _phonetic(body[s:e])]
            if not pieces:
                continue
            found += [(key, s, e) for s, e in pieces]
            after = max(e for _, e in pieces) + 1
            for match in RESPELLING.finditer(body, after, end):
                if STRESSED.search(match.group()):
                    found.append((key, match.start(), match.end()))
    return [(find(parent, key), s, e) for key, s, e in found]


def _opening(body: str, end: int) -> int:
    """Where the parenthesis right after a name (one space between) opens, else -1."""
    if body.startswith(" (", end):
        return end + 1
    return -1


def _segments(body: str, opened: int) -> list[tuple[int, int]]:
    """The parenthesis's segments between semicolons, outside brackets and slashes."""
    depth, square, slash = 0, 0, False
    segments: list[tuple[int, int]] = []
    start = opened + 1
    for at in range(opened, min(len(body), opened + MAX_PARENTHESIS)):
        ch = body[at]
        if ch == "\n":
            return []  # no closing parenthesis in the paragraph
        if ch == "/" and not square:
            slash = not slash
        elif ch == "[":
            square += 1
        elif ch == "]":
            square = max(0, square - 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                segments.append((start, at))
                return segments
        elif ch == ";" and depth == 1 and not square and not slash:
            segments.append((start, at))
            start = at + 1
    return []


def _phonetic(text: str) -> bool:
    """The text holds a letter or mark of the International Phonetic Alphabet."""
    return any(0x0250 <= ord(ch) <= 0x02FF for ch in text)


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _other_script(body: str, at: int, end: int) -> tuple[int, int] | None:
    """The run of words in a script other than Latin that opens `body[at:end]`, if any."""
    stop = at
    for match in re.finditer(r"\S+", body[at:end]):
        word = match.group().rstrip(",")
        letters = [ch for ch in word if ch.isalpha()]
        if not letters or any(unicodedata.name(ch, "").startswith("LATIN") for ch in letters):
            break
        stop = at + match.start() + len(word)
    return (at, stop) if stop > at else None


def _join_script(
    groups: dict[str, Group], parent: dict[str, str], key: str, body: str, span: tuple[int, int]
) -> None:
    """The name in another script joins the entity, and the names the model found inside it
    go with it; the entity keeps its name in Latin letters."""
    start, end = span
    key = find(parent, key)
    owner = groups[key]
    owner.long_name = owner.long_name or owner.longest()
    label = owner.type()
    for other in roots(groups, parent):
        if other != key and groups[other].forms and all(start <= f.start < end for f in groups[other].forms):
            for form in groups[other].forms:
                form.label = label
            union(groups, parent, key, other)
    # the rendering is one name: the model's pieces of it are no aliases of their own
    owner.forms = [f for f in owner.forms if not start <= f.start < end]
    owner.forms.append(Form(body[start:end], label, start))
