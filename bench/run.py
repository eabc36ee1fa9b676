"""`make bench` / `make bench-100k`: scale the corpus, build, measure, compare with FTS5.

    python -m bench.run [--articles N] [--source DIR] [--workdir DIR] [--no-tui]

Prints a table and, last, one JSON line with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import fts5
from bench.queries import query_mix
from bench.replicate import load_templates, write_store

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {  # figure -> (limit, at 100,000 articles)
    "build_s": 480.0,
    "build_peak_rss_mb": 1024.0,
    "update_s": 0.5,
    "open_first_query_s": 0.5,
    "query_p50_ms": 30.0,
    "query_p95_ms": 200.0,
    "jump_ms": 100.0,
    "peak_rss_mb": 300.0,
}


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in family) / 2**20


def run_step(*args: str, sample_tree: bool = False) -> tuple[dict[str, object], float]:
    """Run a bench step in a fresh process; returns its JSON and the peak RSS of its process tree."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.steps", *args], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_mb(process.pid))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_tree:
        sampler.start()
    out, _ = process.communicate()
    done.set()
    if process.returncode != 0:
        raise SystemExit(f"bench: step {args[0]} failed (exit {process.returncode})")
    return json.loads(out.strip().splitlines()[-1]), peak


def fts5_timings(db_path: Path, mix: list[tuple[str, str]]) -> list[float]:
    db = sqlite3.connect(db_path)
    for _, query in mix:
        fts5.search(db, query)
    timings = []
    for _ in range(3):
        for _, query in mix:
            started = time.perf_counter()
            fts5.search(db, query)
            timings.append((time.perf_counter() - started) * 1000)
    db.close()
    return timings


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--articles", type=int, default=10_000, help="articles to scale up to (default 10,000)"
    )
    parser.add_argument(
        "--source", type=Path, default=None, help="store to replicate (default data/, else fixtures)"
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/newsdesk-bench"), help="scratch folder")
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI start-up measurement")
    args = parser.parse_args()

    source = args.source
    if source is None:
        source = ROOT / "data"
        if not any((source / "articles").glob("*.yaml")):
            source = ROOT / "tests" / "fixtures" / "store"
    store = args.workdir / f"store-{args.articles}"
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731

    templates = load_templates(source)
    if not any(t.article.entities for t in templates):
        fixtures = ROOT / "tests" / "fixtures" / "store"
        say(f"bench: {source} has no extracted entities yet; adding the articles of {fixtures}")
        templates += load_templates(fixtures)
    say(f"bench: replicating {len(templates)} articles from {source} to {args.articles:,} in {store}")
    started = time.perf_counter()
    replicas = write_store(templates, args.articles, store)
    replicate_s = time.perf_counter() - started
    mix = query_mix(templates)
    queries_path = args.workdir / "queries.json"
    queries_path.write_text(json.dumps(mix))

    say("bench: building the index (2 writer processes)")
    build, build_peak = run_step("build", str(store), sample_tree=True)
    say("bench: fresh-process open + first query (median of 3)")
    fresh = [run_step("fresh", str(store), mix[1][1])[0]["open_first_query_s"] for _ in range(3)]
    say("bench: warm queries, entity jump, incremental update")
    search, search_tree_peak = run_step("search", str(store), str(queries_path), sample_tree=True)
    say("bench: SQLite FTS5 on the same passages")
    fts5_build_s = fts5.build(replicas, args.workdir / "fts5.db")
    fts5_ms = fts5_timings(args.workdir / "fts5.db", mix)
    tui: dict[str, object] = {}
    if not args.no_tui and (ROOT / "tui" / "app.py").exists():
        say("bench: TUI start-up until the first results render")
        try:
            tui = run_step("tui", str(store))[0]
        except SystemExit as exc:
            say(f"bench: TUI measurement skipped ({exc})")

    figures: dict[str, object] = {
        "articles": build["articles"],
        "passages": build["passages"],
        "build_s": round(float(build["build_s"]), 1),  # type: ignore[arg-type]
        "build_peak_rss_mb": round(build_peak),
        "update_s": round(float(search["update_s"]), 3),  # type: ignore[arg-type]
        "update_scan_s": round(float(search["update_scan_s"]), 3),  # type: ignore[arg-type]
        "open_first_query_s": round(statistics.median(fresh), 3),
        "query_p50_ms": round(float(search["query_p50_ms"]), 1),  # type: ignore[arg-type]
        "query_p95_ms": round(float(search["query_p95_ms"]), 1),  # type: ignore[arg-type]
        "jump_ms": round(float(search["jump_ms"]), 1),  # type: ignore[arg-type]
        "peak_rss_mb": round(float(search["search_peak_rss_mb"])),  # type: ignore[arg-type]
        "fts5_p50_ms": round(statistics.median(fts5_ms), 2),
        "fts5_p95_ms": round(_percentile(fts5_ms, 0.95), 2),
        "fts5_build_s": round(fts5_build_s, 1),
        "load": os.getloadavg()[0],
    }
    figures["fts5_ratio_p50"] = round(float(search["query_p50_ms"]) / max(figures["fts5_p50_ms"], 0.01), 1)  # type: ignore[arg-type]
    figures["fts5_ratio_p95"] = round(float(search["query_p95_ms"]) / max(figures["fts5_p95_ms"], 0.01), 1)  # type: ignore[arg-type]
    if "tui_start_s" in tui:
        figures["tui_start_s"] = round(float(tui["tui_start_s"]), 2)  # type: ignore[arg-type]

    print(
        f"\nnewsdesk bench: {build['articles']:,} articles, {build['passages']:,} passages "
        f"(replicated from {len(templates)} in {source}; replication {replicate_s:.0f} s)\n"
    )
    rows = [
        ("full index build (2 processes)", f"{figures['build_s']} s", "build_s"),
        (
            "peak memory of the build (all processes)",
            f"{figures['build_peak_rss_mb']} MB",
            "build_peak_rss_mb",
        ),
        ("incremental update after editing 1 article (app running)", f"{figures['update_s']} s", "update_s"),
        ("the same, comparing every file (newsdesk index)", f"{figures['update_scan_s']} s", None),
        ("open + first query, fresh process", f"{figures['open_first_query_s']} s", "open_first_query_s"),
        (f"query p50, warm, {len(mix)} mixed queries x3", f"{figures['query_p50_ms']} ms", "query_p50_ms"),
        ("query p95", f"{figures['query_p95_ms']} ms", "query_p95_ms"),
        (f"entity jump, first 50 of {search['jump_entity']}", f"{figures['jump_ms']} ms", "jump_ms"),
        (f"entity jump, first 50 of {search['jump_2000_entity']}", f"{search['jump_2000_ms']:.1f} ms", None),
        ("entity jump, next page", f"{search['jump_next_page_ms']:.1f} ms", None),
        ("peak memory of the search process", f"{figures['peak_rss_mb']} MB", "peak_rss_mb"),
        ("newest-first sort p50 (10 queries)", f"{search['date_sort_p50_ms']:.1f} ms", None),
        (
            "facets / quotes page / 200 articles",
            f"{search['facets_ms']:.0f} / {search['quotes_ms']:.0f} / {search['articles_ms']:.0f} ms",
            None,
        ),
        (
            "SQLite FTS5 build / p50 / p95",
            f"{figures['fts5_build_s']} s / {figures['fts5_p50_ms']} / {figures['fts5_p95_ms']} ms",
            None,
        ),
        ("ours / FTS5 at p50, p95", f"{figures['fts5_ratio_p50']}x, {figures['fts5_ratio_p95']}x", None),
    ]
    if "tui_start_s" in figures:
        rows.append(("TUI start until first results", f"{figures['tui_start_s']} s", None))
    print(f"| {'figure':<58} | {'measured':>24} | {'required at 100k':>16} |")
    print(f"|{'-' * 60}|{'-' * 26}|{'-' * 18}|")
    for label, value, key in rows:
        target = TARGETS.get(key or "")
        limit = f"<= {target:g}" if target is not None else ""
        print(f"| {label:<58} | {value:>24} | {limit:>16} |")
    slowest = sorted(search["per_query_ms"].items(), key=lambda item: -item[1])[:5]  # type: ignore[attr-defined]
    print("\nslowest queries (best of 3, ms; total matches):")
    for query, ms in slowest:
        print(f"  {ms:8.1f}  {query}  ({search['totals'][query]:,})")  # type: ignore[index]
    print(f"\nload average during the run: {figures['load']:.2f} on {os.cpu_count()} cores")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
