"""Reference lines: "Austen, Jane. Pride and Prejudice" names an author and a work.

A list of readings, a bibliography or a catalogue writes each author surname first
("Surname, Given Names.") at the start of a line, then the title. The model reads such
a line word by word: "London" a place, "Jack" a place, "Christie" an organisation, the
title an organisation. A line of that form gives the author as one person, written as
the line writes it ("London, Jack"), and leaves in the title only the places the
gazetteer knows ("England" in "History of England"): the rest of the title is the
work's, not an entity, there and wherever the article names the title again.

The author part is "Surname, Given." (two authors joined by "and": "Marx, Karl and
Engels, Friedrich."), the given names beginning with a first name of the lexicon or an
initial ("Tolkien, J. R. R."), and a title follows the full stop. A dateline ("PARIS,
March 3") or a place and its region ("Exeter, Devon.") has no title after it, or a
digit, or no first name, and stays as it was.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.entity_spans import Form
from store.extract.names import known_type
from store.name_lexicon import is_first_name

if TYPE_CHECKING:
    from store.extract.entity_spans import Reading

_SURNAME = r"(?:[a-z]{1,3} )?[A-Z][\w'’-]+"
_GIVEN = r"(?:[A-Z][\w'’-]+|[A-Z]\.)(?: (?:[A-Z][\w'’-]+|[A-Z]\.))*"
_AUTHOR = r"(?P<surnameN>" + _SURNAME + r"), (?P<givenN>" + _GIVEN + ")"
REFERENCE = re.compile(
    r"^"
    + _AUTHOR.replace("N>", "1>")
    + r"(?: and "
    + _AUTHOR.replace("N>", "2>")
    + r")?(?:\.|(?<=[A-Z]\.)) (?=[A-Z\"“‘'])(?P<title>[^\n]+)$",
    re.MULTILINE,
)
"""A line that begins "Surname, Given." and goes on with a title."""
INITIAL = re.compile(r"[A-Z]\.")
LONGEST = 200
"""A reference line is short: a longer line is a sentence that happens to begin so."""


def reference_authors(reading: Reading, forms: list[Form]) -> list[Form]:
    """`forms` with each reference line's authors as people ("Austen, Jane") in place of
    the model's fragments of them, and its title's forms dropped but for known places."""
    if ", " not in reading.body:
        return forms
    authors: list[Form] = []
    titles: list[tuple[int, int]] = []
    for line in REFERENCE.finditer(reading.body):
        if len(line.group(0)) > LONGEST or any(
            ch.isdigit() for ch in line.string[line.start() : line.start("title")]
        ):
            continue
        found = [_author(line, n) for n in (1, 2) if line.group(f"surname{n}")]
        if not all(found):
            continue
        authors += [author for author in found if author is not None]
        titles.append((line.start("title"), line.end("title")))
    if not authors:
        return forms
    for start, end in list(titles):  # the title named again: "While Pride and Prejudice will …"
        title = reading.body[start:end].split(" (")[0].strip()
        if len(title.split()) > 1:
            titles += [(m.start(), m.end()) for m in re.finditer(re.escape(title), reading.body)]
    spans = [(a.start, a.end) for a in authors]
    kept = [
        f
        for f in forms
        if not any(s < f.end and f.start < e for s, e in spans)
        and not (any(s <= f.start and f.end <= e for s, e in titles) and not known_type(f.text))
    ]
    return sorted(kept + authors, key=lambda f: f.start)


def _author(line: re.Match[str], n: int) -> Form | None:
    """The author `n` of a reference line, when their given names begin with a first name
    or an initial."""
    given = line.group(f"given{n}")
    first = given.split()[0]
    if not (is_first_name(first) or INITIAL.fullmatch(first)) or known_type(given):
        return None  # "Atlanta, Georgia. The city ...": a place and its state
    start = line.start(f"surname{n}")
    end = line.end(f"given{n}")
    return Form(line.string[start:end], "PERSON", start, evidence=True)
