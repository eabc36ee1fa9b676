"""Bench steps, each run in its own process: `python -m bench.steps STEP STORE [QUERIES]`.

Each prints one JSON object on its last line of stdout.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before importing newsdesk: "fresh process" timing starts here

import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_fresh(store: Path, query: str) -> dict[str, float]:
    """Open the index and answer one query in a fresh process."""
    from store.corpus import open_corpus

    corpus = open_corpus(store)
    result = corpus.search(query, limit=20)
    elapsed = time.perf_counter() - STARTED
    return {"open_first_query_s": elapsed, "hits": len(result.hits)}


def step_build(store: Path) -> dict[str, float]:
    from store.corpus import open_corpus

    corpus = open_corpus(store)
    started = time.perf_counter()
    report = corpus.ensure_index(rebuild=True)
    build_s = time.perf_counter() - started
    stats = corpus.stats()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "build_s": build_s,
        "articles": stats.articles,
        "passages": stats.passages,
        "problems": len(report.problems),
        "build_main_rss_mb": _peak_mb(),
        "build_child_rss_mb": children,
    }


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _exact(corpus: object, query: str) -> list[tuple[str, int]]:
    """The top 20 with no time budget: every match ranked (once per cut query, untimed)."""
    import store.corpus as corpus_module

    if not hasattr(corpus_module, "SEARCH_BUDGET_S"):
        raise SystemExit("bench: store.corpus.SEARCH_BUDGET_S is gone; update bench/steps.py")
    budget = corpus_module.SEARCH_BUDGET_S
    corpus_module.SEARCH_BUDGET_S = 1e9
    try:
        result = corpus.search(query, limit=20)  # type: ignore[attr-defined]
    finally:
        corpus_module.SEARCH_BUDGET_S = budget
    assert result.complete
    return [(hit.article_id, hit.paragraph) for hit in result.hits]


def step_search(store: Path, queries_path: Path) -> dict[str, object]:
    from store.corpus import open_corpus
    from store.yamlio.load import load_article
    from store.yamlio.save import save_article

    mix = json.loads(queries_path.read_text())
    corpus = open_corpus(store)
    corpus.ensure_index()  # as the app does when it starts (this arms the folder watch)
    corpus.search("warm up")
    for _, query in mix:  # warm: every query once, so the index files are in the page cache
        corpus.search(query, limit=20)
    timings: list[float] = []
    queries: dict[str, dict[str, object]] = {}
    for _ in range(3):
        for kind, query in mix:
            started = time.perf_counter()
            result = corpus.search(query, limit=20)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            entry = queries.setdefault(
                query, {"kind": kind, "ms": [], "complete": True, "total": result.total}
            )
            entry["ms"].append(elapsed)  # type: ignore[attr-defined]
            if not result.complete:
                entry["complete"] = False
                if "returned" not in entry:
                    entry["returned"] = [(hit.article_id, hit.paragraph) for hit in result.hits]
    for query, entry in queries.items():
        if not entry["complete"]:
            exact = _exact(corpus, query)
            returned = {tuple(hit) for hit in entry.pop("returned")}  # type: ignore[attr-defined]
            entry["recall_at_20"] = len(returned & set(exact)) / len(exact) if exact else 1.0
    by_date = []
    for _, query in mix[:10]:
        started = time.perf_counter()
        corpus.search(query, limit=20, sort="date")
        by_date.append((time.perf_counter() - started) * 1000)

    entities = corpus.entities()
    if not entities:
        raise SystemExit("bench: the corpus has no entities; the entity jump cannot be measured")
    biggest = entities[0]
    started = time.perf_counter()
    page = corpus.mentions(biggest.name, type=biggest.type, limit=50)
    jump_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    corpus.mentions(biggest.name, type=biggest.type, offset=50, limit=50)
    jump_next_ms = (time.perf_counter() - started) * 1000
    over_2000 = [e for e in entities if e.mentions >= 2000]
    target = over_2000[-1] if over_2000 else biggest
    started = time.perf_counter()
    target_page = corpus.mentions(target.name, type=target.type, limit=50)
    jump_2000_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    corpus.facets(mix[0][1])
    facets_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    corpus.quotes(limit=50)
    quotes_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    corpus.articles(limit=200)
    articles_ms = (time.perf_counter() - started) * 1000

    # incremental update after a hand edit of one article
    path = sorted((store / "articles").glob("*.yaml"))[len(entities) % 7]
    article = load_article(path)
    article.paragraphs[0].text += " Zanzibarian"
    save_article(path, article)
    started = time.perf_counter()
    report = corpus.ensure_index()
    update_s = time.perf_counter() - started
    assert report.updated == 1, report
    found = corpus.search("zanzibarian").total
    started = time.perf_counter()
    corpus.search(mix[0][1])
    after_update_ms = (time.perf_counter() - started) * 1000

    # the same edit found without the watch: every file's stamp compared with the
    # manifest, as `newsdesk index` or the app's start does
    article.paragraphs[0].text += " again"
    save_article(path, article)
    corpus.close()  # drops the watch
    started = time.perf_counter()
    report = corpus.ensure_index()
    update_scan_s = time.perf_counter() - started
    assert report.updated == 1, report

    return {
        "query_p50_ms": statistics.median(timings),
        "query_p95_ms": _percentile(timings, 0.95),
        "query_max_ms": max(timings),
        "date_sort_p50_ms": statistics.median(by_date),
        "jump_entity": f"{biggest.name} ({page.total} passages)",
        "jump_ms": jump_ms,
        "jump_next_page_ms": jump_next_ms,
        "jump_2000_entity": f"{target.name} ({target_page.total} passages)",
        "jump_2000_ms": jump_2000_ms,
        "facets_ms": facets_ms,
        "quotes_ms": quotes_ms,
        "articles_ms": articles_ms,
        "update_s": update_s,
        "update_scan_s": update_scan_s,
        "update_found": found,
        "first_query_after_update_ms": after_update_ms,
        "search_peak_rss_mb": _peak_mb(),
        "queries": queries,
    }


def step_tui(store: Path, query: str) -> dict[str, float]:
    """Start the TUI headless and wait until the first results are on screen."""
    import asyncio

    from store.corpus import open_corpus
    from tui.app import NewsdeskApp

    async def run() -> float:
        app = NewsdeskApp(open_corpus(store))
        async with app.run_test() as pilot:
            from tui.widgets.results_list import ResultsList

            results = app.screen.query_one(ResultsList)
            for _ in range(3000):
                if _result_count(results) > 0:
                    break
                await pilot.pause(0.01)
            else:
                raise SystemExit("the TUI showed no results within 30 s")
            return time.perf_counter() - STARTED

    return {"tui_start_s": asyncio.run(run())}


def _result_count(results: object) -> int:
    for name in ("option_count", "item_count"):
        count = getattr(results, name, None)
        if isinstance(count, int):
            return count
    children = getattr(results, "children", ())
    return len(children)


def main() -> None:
    step, store = sys.argv[1], Path(sys.argv[2])
    result: Any
    if step == "fresh":
        result = step_fresh(store, sys.argv[3])
    elif step == "build":
        result = step_build(store)
    elif step == "search":
        result = step_search(store, Path(sys.argv[3]))
    elif step == "tui":
        result = step_tui(store, sys.argv[3] if len(sys.argv) > 3 else "")
    else:
        raise SystemExit(f"unknown step {step}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
