"""Ranking: BM25's saturating term frequency and idf, without length normalisation.

Passages are paragraphs of similar length, so BM25's length normalisation buys
little — and it is what keeps Whoosh from skipping: its block bound uses the
block's shortest field, which is loose, so every posting of a common term was
scored (34,000 passages for "said" at 10,000 articles). With the score depending
on the term weight only, a block's best score is exact, and the top-N collector
skips every block that cannot beat the current 20th hit. Headline and quote
words weigh more through their fields' boosts (indexed weights) and the parser's
field boosts.
"""

from __future__ import annotations

from typing import Any

from whoosh.scoring import BaseScorer, WeightingModel

K1 = 1.2


class PassageWeighting(WeightingModel):
    """idf × saturated term weight; supports block-quality skipping."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> SaturatedScorer:
        idf = self.idf(searcher, fieldname, text) * qf
        max_weight = searcher.term_info(fieldname, text).max_weight()
        return SaturatedScorer(idf, max_weight)


class SaturatedScorer(BaseScorer):
    def __init__(self, idf: float, max_weight: float) -> None:
        self.idf = idf
        self.max_weight = max_weight

    def _score(self, weight: float) -> float:
        return self.idf * weight * (K1 + 1) / (weight + K1)

    def supports_block_quality(self) -> bool:
        return True

    def score(self, matcher: Any) -> float:
        return self._score(matcher.weight())

    def max_quality(self) -> float:
        return self._score(self.max_weight)

    def block_quality(self, matcher: Any) -> float:
        return self._score(matcher.block_max_weight())
