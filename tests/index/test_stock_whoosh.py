"""Stock Whoosh 2.7.4 and newsdesk's Whoosh, each in its own process, on the same documents.

tests/index/stock_vs_ours.py writes an index of 3,000 passages in two segments, with
deletions and a posting pool small enough to spill runs, once with Whoosh's own writer
and once with ours (store.index.segment, store.index.codec), then reads it: postings,
`skip_to`, field lengths, a column, the documents of AND/OR/NOT/prefix/fuzzy/phrase
queries and their top 20. Stock Whoosh also reads the index ours wrote (through the
codec its segments name). Separate
processes, because the OR loop fix (store.index.whoosh_fixes) is a patch that lasts
for its process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.index.stock_vs_ours", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def sides(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = tmp_path_factory.mktemp("stock-vs-ours")
    (folder / "ours").mkdir()
    (folder / "stock").mkdir()
    ours = _run("ours", str(folder / "ours"))
    stock = _run("stock", str(folder / "stock"), str(folder / "ours"))
    return stock, ours


READ = ["terms", "postings", "skip_to", "lengths", "dates", "documents", "top20"]


def test_both_sides_spilled_posting_runs(sides: tuple[dict[str, Any], dict[str, Any]]) -> None:
    stock, ours = sides
    assert min(stock["spilled"]) >= 2 and min(ours["spilled"]) >= 2


def test_the_index_files_are_the_files_whoosh_writes(sides: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Every file but the postings (.pst, PassageCodec's block layout) and the term
    index that points into them (.trm) is byte for byte what Whoosh writes; those two
    are compared by what they read back (READ below)."""
    stock, ours = sides
    assert stock["files"] == ours["files"]
    segments = [entry for name, entry in ours["files"].items() if name.endswith(".seg")]
    assert all(any(name.endswith(".pst") for name in entry["files"]) for entry in segments)
    assert len([name for name in ours["files"] if name.endswith(".seg")]) == 2
    assert stock["schema"] == ours["schema"]
    # the table of contents differs in one thing: the codec each segment names
    assert [s["codec"] for s in stock["segments"]] == ["W3Codec", "W3Codec"]
    assert [s["codec"] for s in ours["segments"]] == ["PassageCodec", "PassageCodec"]
    strip = lambda segments: [{k: v for k, v in s.items() if k != "codec"} for s in segments]  # noqa: E731
    assert strip(stock["segments"]) == strip(ours["segments"])
    assert all(s["deleted"] for s in ours["segments"])


@pytest.mark.parametrize("what", READ)
def test_ours_reads_what_stock_whoosh_reads(sides: tuple[dict[str, Any], dict[str, Any]], what: str) -> None:
    stock, ours = sides
    assert ours[what] == stock[what]
    assert stock["stock_reads_ours"][what] == stock[what]


def test_the_reads_cover_long_lists_and_every_query(sides: tuple[dict[str, Any], dict[str, Any]]) -> None:
    stock, ours = sides
    assert len(ours["postings"]["common"]) > 15 * 128  # many blocks
    assert all(ours["documents"].values()) and all(len(top) == 20 for top in ours["top20"].values())
    assert ours["matcher"] == stock["stock_reads_ours"]["matcher"] == "PassageLeafMatcher"
    assert stock["matcher"] == "W3LeafMatcher"


def test_whoosh_own_codec_refuses_our_postings(sides: tuple[dict[str, Any], dict[str, Any]]) -> None:
    stock, _ = sides
    assert "Block tag error" in stock["w3_refuses_ours"]


def test_stock_or_matchers_loop_and_ours_do_not(sides: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Fails when the patch is removed (ours loops) or Whoosh fixes the bug itself
    (stock does not loop: the patch is then to be dropped)."""
    stock, ours = sides
    assert stock["loops"] == {"UnionMatcher": True, "AndMaybeMatcher": True}
    assert ours["loops"] == {"UnionMatcher": False, "AndMaybeMatcher": False}


def test_the_patch_refuses_another_whoosh_version() -> None:
    result = _run("version")
    assert "Whoosh 2.7.5 is installed" in result["refused"]
    assert not result["applied"] and result["UnionMatcher_kept"]


def test_the_patch_refuses_a_method_it_does_not_know() -> None:
    result = _run("tampered")
    assert "AndMaybeMatcher.skip_to_quality is not the code" in result["refused"]
    assert not result["applied"] and result["UnionMatcher_kept"]  # nothing half-applied


def test_the_patch_can_be_undone() -> None:
    result = _run("undo")
    assert result["replaced"] == {"UnionMatcher": True, "AndMaybeMatcher": True}
    assert result["loops"] == {"UnionMatcher": False, "AndMaybeMatcher": False}
    assert result["restored"] == {"UnionMatcher": True, "AndMaybeMatcher": True}
    assert not result["applied"]
