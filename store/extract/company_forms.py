"""Company names that hold "and": "Cable and Wireless Plc", "Hongkong and Shanghai Banking
Corp", "McCarthy, Crisanti and Maffei Inc". The model often tags only the part after
"and" ("Wireless Plc") and takes the rest for other names ("Cable", "Crisanti" as a
person). A legal suffix ends one company's name; the capitalised words joined to it by
"and" (and commas) belong to that name when the article never uses them apart from it.
"Boeing and General Electric Co" stays two companies: "Boeing" stands alone elsewhere.
"""

from __future__ import annotations

import re

from store.company_names import is_bare_suffix, is_legal_suffix
from store.extract.entity_spans import Form, Reading
from store.extract.names import known_type
from store.mention_scan import name_matches

_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?: {_WORD})*"
JOINED_BEFORE = re.compile(rf"(?<![\w'’.-])(?:[Tt]he )?((?:{_NAME}, )*{_NAME},? (?:and|&) )$")
"""The names joined to a company's name before it: "McCarthy, Crisanti and "."""
SEPARATOR = re.compile(r",? (?:and|&) |, ")
"""What parts a list of companies: a comma, or "and"/"&" with or without one."""


def with_company_lists(reading: Reading, forms: list[Form]) -> list[Form]:
    """The forms, with each company's name grown over the names "and" joins to it, and the
    forms inside the grown name dropped."""
    body = reading.body
    grown: list[Form] = []
    parts: list[Form] = []
    apart: set[int] = set()
    for form in forms:
        if form.start < 0 or form.label != "ORG":
            continue
        listed = _listed(form)
        if listed:
            parts += listed
            apart.add(id(form))
            continue
        if not is_legal_suffix(form.text.split()[-1]):
            continue
        if " and " in form.text:
            two = _apart(body, form)
            if two:
                parts += two
                apart.add(id(form))
            continue
        joined = JOINED_BEFORE.search(body, max(0, form.start - 80), form.start)
        if joined is None:
            continue
        start = _name_start(body, joined.start(1), form)
        if start is not None:
            grown.append(Form(body[start : form.end], "ORG", start))
    if not grown and not parts:
        return forms
    spans = [(g.start, g.end) for g in grown]
    kept = [f for f in forms if id(f) not in apart and not any(s <= f.start and f.end <= e for s, e in spans)]
    return sorted(kept + grown + parts, key=lambda f: f.start)


def _name_start(body: str, earliest: int, form: Form) -> int | None:
    """Where the company's name begins: the first word from `earliest` on after which every
    name joined to the form belongs to it ("U.K.'s Cable and Wireless Plc" -> "Cable ...";
    "Sanwa Bank Ltd, Sumitomo Trust and Banking Co Ltd" -> "Sumitomo ...")."""
    for word in re.finditer(r"(?<![\w'’.-])[A-Z]", body[earliest : form.start]):
        start = earliest + word.start()
        text = body[start : form.end]
        members = [m.strip() for m in SEPARATOR.split(body[start : form.start]) if m.strip()]
        uses = _uses(body, text)
        if members and all(_only_inside(body, member, uses) for member in members):
            return start
    return None


def _listed(form: Form) -> list[Form]:
    """ "Intermedics Intraocular Inc, Electronics Inc, and Intermedics Infusaid Inc" tagged
    as one: a legal suffix inside the span before a comma or "and" ends a company's name,
    so the span is a list. Returns the companies, else nothing."""
    found, at = [], 0
    for separator in SEPARATOR.finditer(form.text):
        before = form.text[at : separator.start()]
        if before and is_legal_suffix(before.split()[-1]):
            found.append(Form(before, "ORG", form.start + at))
            at = separator.end()
    if not found:
        return []
    return [*found, Form(form.text[at:], "ORG", form.start + at)]


def _apart(body: str, form: Form) -> list[Form]:
    """ "Orvane and General Electric Co" tagged as one: two companies when the article also
    names "Orvane" alone. Returns the two parts, else nothing."""
    left, _, right = form.text.partition(" and ")
    if not left or "," in left or is_bare_suffix(right):
        return []  # "Morgan Stanley and Co" is one firm
    uses = _uses(body, form.text)
    if not _a_company(left) and _only_inside(body, left, uses):
        return []  # "Cable and Wireless Plc"; but "Citibank AG and Chase Bank AG" are two
    return [Form(left, "ORG", form.start), Form(right, "ORG", form.end - len(right))]


def _a_company(name: str) -> bool:
    """A name with a legal suffix of its own: "Gordon Capital Corp, Midland Doherty Ltd and
    Merrill Lynch Canada Inc" is a list of companies, not one."""
    return any(is_legal_suffix(word.rstrip(",")) for word in name.split())


def _only_inside(body: str, member: str, uses: int) -> bool:
    """The article names `member` only as often as the company's whole name: never alone.
    A place, a possessive ("U.K.'s") or a company of its own is no part of the name."""
    if not member or member.split()[0].casefold() in ("the", "a", "an") or _a_company(member):
        return False
    if "'" in member or "’" in member or member.isupper() or known_type(member):
        return False  # "IBM and General Electric Co": an acronym is a company of its own
    return _uses(body, member) <= uses


def _uses(body: str, text: str) -> int:
    """How often the article writes `text` as whole words."""
    return sum(1 for _ in name_matches(body, text, hyphen_joined=True))
