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

import struct
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.scoring import BaseScorer, WeightingModel

K1 = 1.2
_FLOAT32 = struct.Struct("f")


def _as_posted(weight: float) -> float:
    """A block's max weight as its postings hold it. Whoosh keeps the postings' weights
    as 32-bit floats but the block's max weight as a 64-bit one (2.6 against
    2.5999999): the block's bound came out a hair above its best score, so blocks of
    tied best passages were never skipped (15,800 passages scored for "ordered" at
    100,000 articles instead of a few hundred)."""
    return float(_FLOAT32.unpack(_FLOAT32.pack(weight))[0])


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

    def array_scores(self, weights: NDArray[np.float64]) -> NDArray[np.float64]:
        """`_score` of every weight at once: the same operations in the same order on
        IEEE doubles, so the same floats (store.index.evaluate)."""
        result: NDArray[np.float64] = self.idf * weights * (K1 + 1) / (weights + K1)
        return result

    def supports_block_quality(self) -> bool:
        return True

    def score(self, matcher: Any) -> float:
        return self._score(matcher.weight())

    def max_quality(self) -> float:
        return self._score(_as_posted(self.max_weight))

    def block_quality(self, matcher: Any) -> float:
        return self._score(_as_posted(matcher.block_max_weight()))
