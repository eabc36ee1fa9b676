"""The search commands: JSON shapes scripts rely on, exit statuses, safe human output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.index.conftest import KERRY, MARKUP
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_search_json_shape(store: Path, capsys) -> None:
    status, out, err = run(capsys, "search", "speaker:kerry negotiate", "--json", "--data", str(store))
    assert status == 0
    document = json.loads(out)
    assert {"query", "total", "hits"} <= document.keys()
    assert document["query"] == "speaker:kerry negotiate" and document["total"] >= 1
    hit = document["hits"][0]
    assert {"article_id", "title", "date", "paragraph", "text", "speaker", "highlights"} <= hit.keys()
    assert hit["article_id"] == KERRY and hit["speaker"] == "John Kerry"
    for start, end in hit["highlights"]:
        assert 0 <= start < end <= len(hit["text"])
    assert "index built" in err  # the first use built the index and said so


def test_search_limit_and_sort(store: Path, capsys) -> None:
    _, out, _ = run(
        capsys, "search", "Syria", "--json", "--limit", "2", "--sort", "date", "--data", str(store)
    )
    document = json.loads(out)
    assert len(document["hits"]) == 2 and document["total"] > 2
    assert document["hits"][0]["date"] >= document["hits"][1]["date"]


def test_mentions_json_shape(store: Path, capsys) -> None:
    status, out, _ = run(capsys, "mentions", "Kerry", "--json", "--data", str(store))
    assert status == 0
    document = json.loads(out)
    assert {"entity", "total", "articles", "passages"} <= document.keys()
    assert document["entity"] == {"name": "John Kerry", "type": "PERSON", "aliases": ["Kerry"], "also": []}
    assert document["total"] == 13 and document["articles"] == 3
    passage = document["passages"][0]
    assert {"article_id", "title", "date", "paragraph", "text", "mentions"} <= passage.keys()
    start, end = passage["mentions"][0]
    assert passage["text"][start:end] in ("John Kerry", "Kerry")


def test_quotes_and_entities_json(store: Path, capsys) -> None:
    _, out, _ = run(capsys, "quotes", "--speaker", "Hammond", "--json", "--data", str(store))
    document = json.loads(out)
    assert document["speaker"]["name"] == "Philip Hammond" and document["total"] == 3
    assert {"article_id", "title", "date", "paragraph", "text", "speaker", "cue"} <= document["quotes"][
        0
    ].keys()
    _, out, _ = run(capsys, "entities", "--type", "PERSON", "--json", "--data", str(store))
    document = json.loads(out)
    kerry = document["entities"][0]
    assert kerry == {"name": "John Kerry", "type": "PERSON", "aliases": ["Kerry"], "articles": 3,
                     "mentions": 14, "quotes": 6, "also": []}  # fmt: skip
    assert all(e["type"] == "PERSON" for e in document["entities"])
    _, out, _ = run(capsys, "entities", "--limit", "1", "--json", "--data", str(store))
    document = json.loads(out)
    assert len(document["entities"]) == 1 and document["total"] > 1


def test_index_command(store: Path, capsys) -> None:
    status, out, err = run(capsys, "index", "--data", str(store))
    assert status == 0 and "index built (missing): 5 articles" in err
    status, out, err = run(capsys, "index", "--data", str(store))
    assert status == 0 and "up to date" in err
    status, out, _ = run(capsys, "index", "--rebuild", "--json", "--data", str(store))
    document = json.loads(out)
    assert document["rebuilt"] and document["reason"] == "asked to rebuild" and document["state"] == "ready"


def test_index_command_names_unreadable_files_and_fails(store: Path, capsys) -> None:
    (store / "articles" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    status, _, err = run(capsys, "index", "--data", str(store))
    assert status == 1
    assert "broken.yaml:" in err


def test_a_search_names_the_one_file_it_leaves_out(store: Path, capsys) -> None:
    (store / "articles" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    _, _, err = run(capsys, "search", "Kerry", "--data", str(store))
    assert "newsdesk: 1 problem; this file is left out:" in err


def test_bad_query_is_a_message_with_a_caret_not_a_traceback(store: Path, capsys) -> None:
    status, out, err = run(capsys, "search", "(Kerry", "--data", str(store))
    assert status == 2 and out == ""
    assert "( at position 1 is never closed" in err and "\n  ^" in err
    assert "Traceback" not in err
    status, out, _ = run(capsys, "search", "speaker:", "--json", "--data", str(store))
    error = json.loads(out)
    assert status == 2 and error["position"] == 1 and "at position 1" in error["error"]


def test_unknown_entity(store: Path, capsys) -> None:
    status, out, err = run(capsys, "mentions", "Kery", "--data", str(store))
    assert status == 1 and "did you mean John Kerry" in err


def test_human_output_never_sends_article_control_characters(store: Path, capsys) -> None:
    status, out, _ = run(capsys, "search", "escapes", "--data", str(store))
    assert status == 0 and MARKUP in out
    assert "\x1b" not in out and "\a" not in out
    assert "\\x1b[31mred text" in out


def test_empty_query_lists_newest(store: Path, capsys) -> None:
    status, out, _ = run(capsys, "search", "", "--data", str(store))
    assert status == 0 and out.startswith("5 newest articles")


def test_paragraph_numbers_agree_in_json_and_human_output(store: Path, capsys) -> None:
    # The TUI shows ¶N; the human lines and every JSON give the same N (1 is the first
    # paragraph), and null for the headline. The YAML keeps the 0-based index.
    _, out, _ = run(capsys, "search", "negotiate", "--json", "--limit", "50", "--data", str(store))
    hits = json.loads(out)["hits"]
    _, human, _ = run(capsys, "search", "negotiate", "--limit", "50", "--data", str(store))
    body = [h for h in hits if h["kind"] in ("text", "heading")]
    assert body and all(h["paragraph"] >= 1 for h in body)
    lines = [line for line in human.splitlines() if line.endswith("]")]
    for hit, line in zip(hits, lines, strict=True):
        if hit in body:
            assert f"  ¶{hit['paragraph']}  " in line and line.endswith(f"[{hit['article_id']}]")
    assert all(h["paragraph"] is None for h in hits if h["kind"] in ("title", "standfirst"))
    _, out, _ = run(capsys, "quotes", "--speaker", "Kerry", "--json", "--data", str(store))
    quote = json.loads(out)["quotes"][0]
    article = yaml.safe_load((store / "articles" / f"{quote['article_id']}.yaml").read_text("utf-8"))
    stored = next(q for q in article["quotes"] if q["text"] == quote["text"])
    assert quote["paragraph"] == stored["paragraph"] + 1


def test_speakers_of_one_speaker_say_1_speaker(store: Path, capsys) -> None:
    _, out, _ = run(capsys, "speakers", 'speaker:"Philip Hammond"', "--data", str(store))
    assert out.splitlines()[0].endswith(": 1 speaker, 0 quotes unattributed")
