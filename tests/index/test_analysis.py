"""The one-pass word analyzer gives exactly what Whoosh's StemmingAnalyzer(porter2) gives."""

from __future__ import annotations

import pytest
from whoosh.analysis import StemmingAnalyzer
from whoosh.lang.porter2 import stem

from store.index.analysis import WordAnalyzer
from store.yamlio.load import iter_article_files, load_article
from tests.index.conftest import FIXTURE_STORE

REFERENCE = StemmingAnalyzer(stemfn=stem)


def _texts() -> list[str]:
    texts = []
    for path in iter_article_files(FIXTURE_STORE / "articles"):
        article = load_article(path)
        texts += [article.title, *(p.text for p in article.paragraphs)]
    return texts + ["U.S. officials said 3.5% of the A.I. budget", "", "  ", "Négociations à Genève"]


@pytest.mark.parametrize("mode", ["index", "query"])
def test_same_words_offsets_and_relative_positions(mode: str) -> None:
    ours = WordAnalyzer()
    for text in _texts():
        expected = [
            (t.text, t.startchar, t.endchar, t.pos)
            for t in REFERENCE(text, positions=True, chars=True, mode=mode)
        ]
        got = [
            (t.text, t.startchar, t.endchar, t.pos) for t in ours(text, positions=True, chars=True, mode=mode)
        ]
        assert [g[:3] for g in got] == [e[:3] for e in expected]
        assert [g[3] - got[0][3] for g in got] == [e[3] - expected[0][3] for e in expected]


@pytest.mark.parametrize("value", ["Negotiating", "Lavrv", "The", "a", "negot", "U.S."])
def test_single_word_query_parts(value: str) -> None:
    for removestops in (True, False):
        expected = [(t.text, t.stopped) for t in REFERENCE(value, tokenize=False, removestops=removestops)]
        got = [(t.text, t.stopped) for t in WordAnalyzer()(value, tokenize=False, removestops=removestops)]
        assert got == expected


def test_highlight_spans_are_the_words_whose_stem_is_a_term() -> None:
    """`spans` skips words by their first letter: the same spans as stemming every word."""
    ours = WordAnalyzer()
    for text in _texts():
        stems = sorted({t.text for t in REFERENCE(text, mode="query")})
        for terms in ({*stems[::3]}, {*stems[1::4]}, {"dying", "die", "ski", "y"}):
            expected = [
                (t.startchar, t.endchar) for t in REFERENCE(text, chars=True, mode="query") if t.text in terms
            ]
            assert ours.spans(text, terms) == expected
