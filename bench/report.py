"""The bench's figures, its one table, and the per-query details."""

from __future__ import annotations

import os
import statistics
from pathlib import Path
from typing import Any

from bench import fts5

BAR = {  # at 100,000 articles, warm, top 20 (issue 14)
    "fts5_ratio_p95": 2.0,
    "fts5_ratio_p50": 3.0,
    "cut_share": 1 / 20,
    "recall_at_20_cut": 0.8,
}


def _pct(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def classes(search: dict[str, Any], fts5_ms: dict[str, list[float]]) -> dict[str, list[str]]:
    """Queries by how they compare: `comparable` (FTS5 answers them the same way and
    newsdesk answered completely), `cut` (comparable words, but newsdesk's answer was
    cut short), `fuzzy`, `newsdesk-only`."""
    found: dict[str, list[str]] = {"comparable": [], "cut": [], "fuzzy": [], "newsdesk-only": []}
    for query, entry in search["queries"].items():
        kind = fts5.kind_of(query)
        if kind == "comparable" and query in fts5_ms:
            found["comparable" if entry["complete"] else "cut"].append(query)
        else:
            found["newsdesk-only" if kind == "comparable" else kind].append(query)
    return found


def figures_of(
    *,
    corpus: Path,
    articles: int,
    passages: int,
    build: dict[str, Any],
    build_peak: float | None,
    fresh: float,
    search: dict[str, Any],
    fts5_ms: dict[str, list[float]],
    tui: dict[str, Any],
) -> dict[str, Any]:
    queries = search["queries"]
    every = [ms for entry in queries.values() for ms in entry["ms"]]
    groups = classes(search, fts5_ms)
    ours_same = [ms for q in groups["comparable"] for ms in queries[q]["ms"]]
    theirs_same = [ms for q in groups["comparable"] for ms in fts5_ms[q]]
    cut = [q for q, entry in queries.items() if not entry["complete"]]
    recalls = [queries[q]["recall_at_20"] for q in cut]
    figures: dict[str, Any] = {
        "articles": articles,
        "passages": passages,
        "corpus": str(corpus),
        "build_s": _r(build.get("build_s")),
        "build_peak_rss_mb": round(build_peak) if build_peak else None,
        "query_p50_ms": _r(statistics.median(every)),
        "query_p95_ms": _r(_pct(every, 0.95)),
        "queries": len(queries),
        "comparable_queries": len(groups["comparable"]),
        "ours_comparable_p50_ms": _r(statistics.median(ours_same)) if ours_same else None,
        "ours_comparable_p95_ms": _r(_pct(ours_same, 0.95)) if ours_same else None,
        "fts5_p50_ms": _r(statistics.median(theirs_same), 2) if theirs_same else None,
        "fts5_p95_ms": _r(_pct(theirs_same, 0.95), 2) if theirs_same else None,
        "fts5_ratio_p50": None,
        "fts5_ratio_p95": None,
        "cut_short": len(cut),
        "recall_at_20_cut": _r(statistics.mean(recalls), 2) if recalls else None,
        "recall_at_20_cut_min": _r(min(recalls), 2) if recalls else None,
        "fuzzy_p50_ms": None,
        "newsdesk_only_p50_ms": None,
        "jump_ms": _r(search["jump_ms"]),
        "update_s": _r(search["update_s"], 3),
        "update_scan_s": _r(search["update_scan_s"], 3),
        "open_first_query_s": _r(fresh, 3),
        "tui_start_s": _r(tui.get("tui_start_s"), 2),
        "peak_rss_mb": round(search["search_peak_rss_mb"]),
        "page_cache": "warm: each query ran once before 3 timed rounds; index and FTS5 files cached",
    }
    if ours_same and theirs_same:
        figures["fts5_ratio_p50"] = _r(
            figures["ours_comparable_p50_ms"] / max(figures["fts5_p50_ms"], 0.01), 2
        )
        figures["fts5_ratio_p95"] = _r(
            figures["ours_comparable_p95_ms"] / max(figures["fts5_p95_ms"], 0.01), 2
        )
    for key, group in (("fuzzy_p50_ms", "fuzzy"), ("newsdesk_only_p50_ms", "newsdesk-only")):
        values = [ms for q in groups[group] for ms in queries[q]["ms"]]
        figures[key] = _r(statistics.median(values)) if values else None
    return figures


def _completeness(queries: dict[str, Any], group: list[str]) -> str:
    cut = sum(1 for query in group if not queries[query]["complete"])
    return f"no: {cut} of {len(group)} cut short" if cut else "yes"


def _bar(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def print_report(
    figures: dict[str, Any],
    search: dict[str, Any],
    fts5_ms: dict[str, list[float]],
    *,
    prepare_s: float,
    reused: bool,
) -> None:
    queries = search["queries"]
    groups = classes(search, fts5_ms)
    n = figures["queries"]
    corpus = f"{Path(figures['corpus']).name}, recombined to {figures['articles']:,}"
    how = "reused from an earlier run" if reused else f"written in {prepare_s:.0f} s"
    print(
        f"\nnewsdesk bench: {figures['articles']:,} articles, {figures['passages']:,} passages, "
        f"recombined from real paragraphs of {figures['corpus']} ({how})\n"
        f"{figures['page_cache']}; top 20; {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}\n"
    )
    same = figures["comparable_queries"]
    rows = [
        ("full index build (2 writer processes)", f"{figures['build_s']} s", "—", "—"),
        ("peak memory of the build (all processes)", f"{figures['build_peak_rss_mb']} MB", "—", "—"),
        (
            f"query p50 / p95, all {n} queries x3",
            f"{figures['query_p50_ms']} / {figures['query_p95_ms']} ms",
            f"{'no' if figures['cut_short'] else 'yes'}: {figures['cut_short']} of {n} cut short",
            "—",
        ),
        (
            f"query p50 / p95, the {same} queries FTS5 answers alike",
            f"{figures['ours_comparable_p50_ms']} / {figures['ours_comparable_p95_ms']} ms",
            "yes",
            f"{figures['fts5_ratio_p50']}x / {figures['fts5_ratio_p95']}x",
        ),
        (
            f"SQLite FTS5 p50 / p95, the same {same} queries",
            f"{figures['fts5_p50_ms']} / {figures['fts5_p95_ms']} ms",
            "yes",
            "1x",
        ),
        (
            f"recall@20 of the {figures['cut_short']} cut short (mean, min)",
            f"{figures['recall_at_20_cut']}, {figures['recall_at_20_cut_min']}",
            "no",
            "—",
        ),
        (
            f"fuzzy queries p50 ({len(groups['fuzzy'])})",
            f"{figures['fuzzy_p50_ms']} ms",
            _completeness(queries, groups["fuzzy"]),
            "no FTS5 fuzzy",
        ),
        (
            f"speaker:/entity:/kind: queries p50 ({len(groups['newsdesk-only'])})",
            f"{figures['newsdesk_only_p50_ms']} ms",
            _completeness(queries, groups["newsdesk-only"]),
            "newsdesk only",
        ),
        (f"entity jump, first 50 of {search['jump_entity']}", f"{figures['jump_ms']} ms", "yes", "—"),
        ("incremental update after editing 1 article", f"{figures['update_s']} s", "—", "—"),
        ("open + first query, fresh process", f"{figures['open_first_query_s']} s", "yes", "—"),
        ("TUI start until the first results render", f"{figures['tui_start_s']} s", "—", "—"),
        ("peak memory of the search process", f"{figures['peak_rss_mb']} MB", "—", "—"),
    ]
    print(f"| {'figure':<56} | {'measured':>20} | corpus | complete answers | ratio to FTS5 (same queries) |")
    print(f"|{'-' * 58}|{'-' * 22}|---|---|---|")
    for label, value, complete, ratio in rows:
        print(f"| {label:<56} | {value:>20} | {corpus} | {complete} | {ratio} |")

    print("\nevery query (median of 3 ms; complete; recall@20 when cut; FTS5 median ms):")
    for query, entry in sorted(queries.items(), key=lambda item: -statistics.median(item[1]["ms"])):
        ours = statistics.median(entry["ms"])
        theirs = f"{statistics.median(fts5_ms[query]):8.1f}" if query in fts5_ms else "       —"
        recall = f"{entry['recall_at_20']:.2f}" if "recall_at_20" in entry else "    "
        flag = "yes" if entry["complete"] else "CUT"
        print(
            f"  {ours:8.1f} {flag:>3} {recall} {theirs}  {fts5.kind_of(query):<13} {entry['kind']}: {query}"
        )

    if figures["articles"] >= 100_000:
        share = figures["cut_short"] / max(n, 1)
        recall = figures["recall_at_20_cut"]
        print("\nspeed bar at 100,000 articles:")
        print(
            f"  p95 <= 2x FTS5: {figures['fts5_ratio_p95']}x {_bar((figures['fts5_ratio_p95'] or 99) <= 2)}"
        )
        print(
            f"  p50 <= 3x FTS5: {figures['fts5_ratio_p50']}x {_bar((figures['fts5_ratio_p50'] or 99) <= 3)}"
        )
        print(f"  <= 1 in 20 cut short: {figures['cut_short']} of {n} {_bar(share <= BAR['cut_share'])}")
        recall_text = "none cut short" if recall is None else recall
        print(f"  recall@20 of cut >= 0.8: {recall_text} {_bar(recall is None or recall >= 0.8)}")
