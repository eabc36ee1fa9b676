"""Newswire conventions that the model reads as prose: tables of figures, tickers and
company names in angle brackets.

- **Tables.** Earnings reports end in lines of figures ("Shr 1.20 dlrs vs 1.00 dlrs",
  "Revs 82.0 mln vs 70.1 mln"). They are no prose: the model's "people" there ("Revs")
  are row labels, so no name is taken from such a line.
- **Angle brackets.** Reuters marks a company in its copy with angle brackets, either
  its name ("<Alliant Computer Systems Corp>") or its ticker after it ("General
  Electric Co <GE>"). A name inside brackets is an organisation; a ticker right after a
  company's name is its short form; the brackets are never part of a name.
"""

from __future__ import annotations

import re
from bisect import bisect_right

NUMBER = re.compile(r"^[-+(]?\$?\d[\d.,/-]*%?\)?$")
COMPARED = re.compile(r"\d\S*\s+(?:[a-z]+\s+){0,2}(?:vs\.?|versus)\s+(?:[a-z]+\s+){0,2}[-+(]?\$?\d")
"""Two figures compared, as a table row does: "1.20 dlrs vs 1.00", "loss 10 cts vs profit 4"."""
TICKER_AFTER = re.compile(r"['’]?s?\s?<([A-Z][A-Za-z0-9.]{0,9})>")
"""A ticker in angle brackets right after a name: "General Electric Co <GE>"."""
BRACKET = re.compile(r"[<>]")


def figure_lines(body: str) -> list[tuple[int, int]]:
    """(start, end) of each line of figures, of at most 25 words: two figures compared
    ("vs"), three numbers or more making up half its words (a date line, "Sunday, May
    3, 2009", is no table), or a line in capitals with three numbers or more ("INTERBANK
    MONEY ONE MONTH 10 PCT - 10.1/2 PCT TWO MONTHS …": a rate table, where the model
    takes units for names)."""
    found = []
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        if any(ch.isdigit() for ch in line):
            words = line.split()
            numbers = sum(1 for w in words if NUMBER.match(w))
            capitals = numbers >= 3 and not any(ch.islower() for ch in line)
            if len(words) <= 25 and (
                (numbers >= 3 and 2 * numbers >= len(words)) or capitals or COMPARED.search(line)
            ):
                found.append((start, end))
        start = end + 1
    return found


def in_lines(lines: list[tuple[int, int]], offset: int) -> bool:
    """`offset` falls inside one of the (sorted) lines."""
    at = bisect_right(lines, (offset, 1 << 62)) - 1
    return at >= 0 and lines[at][0] <= offset < lines[at][1]


def without_brackets(text: str, start: int) -> tuple[str, int]:
    """The name in a span the brackets cut ("ETA Systems Inc>", "TEX> Continental
    Airlines", "<Nova"): the part with the most words, with its offset."""
    if not BRACKET.search(text):
        return text, start
    best, best_start, at = "", start, start
    for part in BRACKET.split(text):
        stripped = part.strip(" ,")
        offset = at + part.find(stripped) if stripped else at
        if len(stripped.split()) > len(best.split()) or (best == "" and stripped):
            best, best_start = stripped, offset
        at += len(part) + 1
    return best, best_start


def bracketed(body: str, start: int, end: int) -> bool:
    """The name stands inside angle brackets: Reuters' mark of a company ("<Nova Corp>")."""
    before = body[start - 1] if start > 0 else ""
    after = body[end : end + 3]
    return before == "<" and (after[:1] == ">" or after[:3] in ("'s>", "’s>"))


def ticker_after(body: str, end: int) -> str | None:
    """The ticker in angle brackets right after a name ending at `end` ("<GE>"), if any."""
    match = TICKER_AFTER.match(body, end)
    return match.group(1) if match else None
