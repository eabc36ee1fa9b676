"""The views' rows of `make bench`: co-mentions, who is quoted, a timeline (issue 12).

    python -m bench.views STORE     # on a store whose index is built; prints JSON last

Run in a fresh process. "cold" is the first call (it reads the view columns of the
index version into memory); "warm" the best of the next five.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGETS = {"cooccur_warm_ms": 300.0, "speakers_warm_ms": 500.0, "timeline_warm_ms": 300.0}
"""At 100,000 articles (issue 12)."""
TIMELINE_MATCHES = 100_000
"""The timeline is measured on the word whose passages are nearest this (or an eighth of
the passages, on a smaller corpus)."""


def _timed(action: Callable[[], Any]) -> tuple[Any, float, float]:
    started = time.perf_counter()
    result = action()
    cold = (time.perf_counter() - started) * 1000
    warm = []
    for _ in range(5):
        started = time.perf_counter()
        action()
        warm.append((time.perf_counter() - started) * 1000)
    return result, cold, min(warm)


def _broad_word(corpus: Any) -> tuple[str, int]:
    """The indexed word whose passage count is nearest the target."""
    reader = corpus.index_access.searcher().reader()
    target = min(TIMELINE_MATCHES, reader.doc_count() // 8)
    best, best_count = "", 0
    for term, info in reader.iter_field("text"):
        count = info.doc_frequency()
        if abs(count - target) < abs(best_count - target) and term.isalpha():
            best, best_count = term.decode("utf-8") if isinstance(term, bytes) else term, count
    return best, best_count


def measure(store: Path) -> dict[str, Any]:
    from store.corpus import open_corpus

    corpus = open_corpus(store)
    corpus.ensure_index()
    top = corpus.entities()[0]
    found, cold, warm = _timed(lambda: corpus.cooccur(top.name, type=top.type))
    figures: dict[str, Any] = {
        "cooccur_entity": f"{top.name} ({found.total:,} passages)",
        "cooccur_cold_ms": round(cold, 1),
        "cooccur_warm_ms": round(warm, 1),
    }
    _, _, warm = _timed(lambda: corpus.cooccur(top.name, type=top.type, rank="association"))
    figures["cooccur_association_warm_ms"] = round(warm, 1)
    _, _, warm = _timed(lambda: corpus.cooccur(top.name, type=top.type, by="article"))
    figures["cooccur_article_warm_ms"] = round(warm, 1)
    speakers, cold, warm = _timed(lambda: corpus.speakers())
    figures.update(
        speakers_quotes=speakers.total_quotes,
        speakers_cold_ms=round(cold, 1),
        speakers_warm_ms=round(warm, 1),
    )
    word, count = _broad_word(corpus)
    timeline, cold, warm = _timed(lambda: corpus.timeline(word))
    search = corpus.search(word)
    figures.update(
        timeline_query=f"{word} ({timeline.total:,} passages by {timeline.by})",
        timeline_cold_ms=round(cold, 1),
        timeline_warm_ms=round(warm, 1),
        timeline_equals_search=timeline.total == search.total if search.total_exact else None,
    )
    return figures


def run(store: Path) -> dict[str, Any]:
    """`measure` in a fresh process (as every bench step runs)."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-m", "bench.views", str(store)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return figures


def rows(figures: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """(label, measured, key of TARGETS) rows for the bench table."""
    return [
        (
            f"co-mentions of {figures['cooccur_entity']}, warm (cold)",
            f"{figures['cooccur_warm_ms']} ({figures['cooccur_cold_ms']}) ms",
            "cooccur_warm_ms",
        ),
        (
            "co-mentions by association / by article, warm",
            f"{figures['cooccur_association_warm_ms']} / {figures['cooccur_article_warm_ms']} ms",
            None,
        ),
        (
            f"who is quoted, whole corpus ({figures['speakers_quotes']:,} quotes), warm (cold)",
            f"{figures['speakers_warm_ms']} ({figures['speakers_cold_ms']}) ms",
            "speakers_warm_ms",
        ),
        (
            f"timeline of {figures['timeline_query']}, warm (cold)",
            f"{figures['timeline_warm_ms']} ({figures['timeline_cold_ms']}) ms",
            "timeline_warm_ms",
        ),
    ]


def print_rows(figures: dict[str, Any], articles: int) -> None:
    """The views' table: each row with its bar at 100,000 articles (and whether it meets it)."""
    print(f"\nthe views ({articles:,} articles; warm = best of 5 after the first call):")
    print(f"| {'figure':<74} | {'measured':>20} | {'required at 100k':>16} |")
    print(f"|{'-' * 76}|{'-' * 22}|{'-' * 18}|")
    for label, value, key in rows(figures):
        target = f"<= {TARGETS[key]:g} ms" if key else ""
        if key and articles >= 100_000:
            target += " meets" if figures[key] <= TARGETS[key] else " MISSES"
        print(f"| {label:<74} | {value:>20} | {target:>16} |")
    if figures.get("timeline_equals_search") is False:
        print("  the timeline's total differs from search's exact total: a bug")


def main() -> None:
    figures = measure(Path(sys.argv[1]))
    print_rows(figures, 0)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
