"""Speaker accuracy by route: how often each way of finding a speaker gets it right.

    python -m bench.speaker_routes --gold DEV.jsonl [--resolved RESOLVED.jsonl] [--score score.py]

Runs `newsdesk extract --format jsonl` on the gold articles and matches its quotes to the
gold ones exactly as `../shared/eval/score.py` does (one predicted quote covering at least
30% of a gold quote's characters, one to one). For each `speaker_from` route it counts the
found quotes whose gold speaker is a name and how many of them have the right speaker
(surnames agree), plus those whose gold speaker is a pronoun with a resolution given in
`--resolved`. The grading in `store.confidence` is read off this table; the README
prints it (dev sets: "dev (tuned on)").
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

THETA = 0.3


def _score_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract(golds: list[dict[str, Any]], command: list[str]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, gold in enumerate(golds):
            path = Path(tmp) / f"{i:05d}.txt"
            path.write_text(gold["text"], encoding="utf-8")
            paths.append(str(path))
        run = subprocess.run([*command, *paths], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"extraction failed: {run.stderr[-2000:]}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]


def tally(
    score: ModuleType, golds: list[dict[str, Any]], preds: list[dict[str, Any]], resolved: dict[Any, str]
) -> dict[str, list[int]]:
    """route -> [named gold, right, resolved pronoun gold, right, found quotes]."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for gold, pred in zip(golds, preds, strict=True):
        located = score.Located(gold["text"])
        spans = [(located.find(q.get("text") or ""), q) for q in pred.get("quotes", [])]
        used: set[int] = set()
        for g in gold.get("quotes", []):
            gspan = (g["start"], g["end"])
            best, best_i = 0.0, -1
            for i, (span, _) in enumerate(spans):
                if i in used or span is None:
                    continue
                cover = score.overlap(span, gspan) / max(1, gspan[1] - gspan[0])
                if cover > best:
                    best, best_i = cover, i
            if best < THETA:
                continue
            used.add(best_i)
            quote = spans[best_i][1]
            route = _route(quote)
            row = table[route]
            row[4] += 1
            if score.is_named(g.get("speaker")):
                row[0] += 1
                row[1] += score.same_person(g["speaker"], quote.get("speaker"))
            who = resolved.get((gold.get("id"), g["start"]))
            if who:
                row[2] += 1
                row[3] += score.same_person(who, quote.get("speaker"))
    return table


def _route(quote: dict[str, Any]) -> str:
    if not quote.get("speaker"):
        return "(no speaker)"
    return f"{quote.get('speaker_from')} [{quote.get('confidence')}]"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, action="append", required=True, help="a gold JSONL file")
    parser.add_argument("--resolved", type=Path, help="JSONL of {id, start, resolved} for pronoun speakers")
    parser.add_argument("--score", type=Path, default=Path("../shared/eval/score.py"), help="score.py")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args()
    score = _score_module(args.score)
    golds = [g for path in args.gold for g in score.load_gold(path)]
    command = [str(Path(sys.executable).with_name("newsdesk")), "extract", "--format", "jsonl"]
    preds = _extract(golds, command)
    resolved: dict[Any, str] = {}
    if args.resolved:
        for line in args.resolved.open(encoding="utf-8"):
            if line.strip():
                record = json.loads(line)
                if record.get("resolved"):
                    resolved[(record["id"], record["start"])] = record["resolved"]
    table = tally(score, golds, preds, resolved)
    if args.json:
        print(json.dumps(table))
        return 0
    _print(table)
    grades: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for route, row in table.items():
        grade = route.rsplit("[", 1)[-1].rstrip("]") if "[" in route else "(no speaker)"
        grades[grade] = [a + b for a, b in zip(grades[grade], row, strict=True)]
    print()
    _print(grades)
    return 0


def _print(table: dict[str, list[int]]) -> None:
    print(f"{'route [grade]':40} {'named':>6} {'right':>6} {'acc':>6} {'pron':>5} {'right':>6} {'found':>6}")
    for route, (named, right, pron, pron_right, found) in sorted(table.items(), key=lambda kv: -kv[1][4]):
        acc = f"{right / named:.3f}" if named else "-"
        print(f"{route:40} {named:6} {right:6} {acc:>6} {pron:5} {pron_right:6} {found:6}")


if __name__ == "__main__":
    sys.exit(main())
