"""Running a bench step in a fresh process, with the peak memory of its process tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def tree_rss_mb(root: int) -> float:
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


def run_step(*args: str, sample_tree: bool = False) -> tuple[dict[str, Any], float | None]:
    """Run `python -m bench.steps ARGS` in a fresh process; its JSON, and the peak RSS of
    its process tree when `sample_tree` (sampled every 0.25 s)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.steps", *args], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(process.pid))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_tree:
        sampler.start()
    out, _ = process.communicate()
    done.set()
    if process.returncode != 0:
        raise SystemExit(f"bench: step {args[0]} failed (exit {process.returncode})")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result, peak if sample_tree else None
