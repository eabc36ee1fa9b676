"""The extraction digest: how re-extraction tells a hand edit from its own output.

Extraction stores a digest of the quotes and entities it wrote. When the
article's quotes or entities no longer hash to it, a person changed them (a
corrected speaker, a merged entity), and `reextract` leaves the article alone
unless forced.
"""

from __future__ import annotations

import hashlib
import json

from store.models import Article, Quote

DIGEST_PREFIX = "sha256:"


def extraction_digest(article: Article) -> str:
    """A digest of everything extraction writes: quotes and entities, in order."""
    document = {
        "quotes": [_quote_record(q) for q in article.quotes],
        "entities": [
            [e.name, e.type, list(e.aliases), [[m.paragraph, m.start, m.end] for m in e.mentions]]
            + ([list(e.within)] if e.within else [])  # only when set: older digests hold
            for e in article.entities
        ],
    }
    canonical = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return DIGEST_PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def _quote_record(quote: Quote) -> list[object]:
    """A quote as hashed; the flags only when set, so digests written before they existed hold."""
    record: list[object] = [quote.text, quote.paragraph, quote.start, quote.end, quote.speaker, quote.cue]
    if quote.partial:
        record.append("partial")
    if quote.speaker_by_hand:
        record.append("hand")
    if quote.confidence or quote.speaker_from:
        record += [quote.confidence, quote.speaker_from]
    return record


def edited_by_hand(article: Article) -> bool:
    """True when the quotes or entities differ from what extraction last wrote.

    An article never extracted (no digest) counts as edited only when it has
    quotes or entities someone wrote without extraction.
    """
    if article.extraction_digest is None:
        return bool(article.quotes or article.entities)
    return extraction_digest(article) != article.extraction_digest
