"""Article ids: readable, stable slugs that are safe as file names.

`2015-09-19-kerry-says-syria-s-assad-must-go-but-timing-negotiable`: the date
(when known) and the headline, lower-cased ASCII letters and digits joined by
hyphens. Accents are folded ("Gdańsk" -> "gdansk"), everything else becomes a
separator, so no id can hold `/`, `\\`, `..` or a leading dot, whatever the
headline says. Ids are capped at `MAX_ID_CHARS` (cut at a word boundary); a
headline with no ASCII letters at all gets `article-<digest>`. Another article
with the same slug gets `-2`, `-3`, …
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_ID_CHARS = 80
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slugify(text: str, limit: int = MAX_ID_CHARS) -> str:
    """Lower-case ASCII words joined by hyphens, at most `limit` characters."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    # what is still not ASCII (’, –, CJK) separates words: "Syria’s" -> "syria-s"
    slug = _NOT_ALNUM.sub("-", "".join(ch if ch.isascii() else "-" for ch in folded)).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[limit // 2 :] else slug[:limit]
        slug = slug.strip("-")
    return slug


def make_id(title: str, published: str | None) -> str:
    """The id an article gets when no other article has taken it."""
    date = published if published and re.fullmatch(r"\d{4}(-\d{2}){0,2}", published) else None
    room = MAX_ID_CHARS - (len(date) + 1 if date else 0)
    slug = slugify(title, room)
    if not slug:
        slug = "article-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:10]
    if date:
        return f"{date}-{slug}"
    return slug + "-article" if slug in _RESERVED else slug  # no `con.yaml`: Windows cannot create it


def with_suffix(article_id: str, number: int) -> str:
    """`<id>-2`, `<id>-3`, … for a different article whose slug is already taken."""
    return f"{article_id}-{number}"


def is_safe_id(article_id: str) -> bool:
    """Whether an id (perhaps hand-written) can name a file inside the articles folder:
    letters, digits, `-`, `_` and inner dots only; no separators, no `..`, no leading dot."""
    return (
        isinstance(article_id, str)
        and 0 < len(article_id) <= 200
        and bool(_VALID_ID.match(article_id))
        and article_id.lower() not in _RESERVED
    )
