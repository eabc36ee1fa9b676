"""`newsdesk export`: the whole list, checked against `newsdesk search --json`; the formats; citations."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from store.citation import Citable, CitationError, CitationStyle, load_style
from store.history import SearchHistory
from store.notebook import NotebookItem
from store.notebook_file import NotebookFile
from tests.index.conftest import HAMMOND, KERRY
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_jsonl_export_is_search_json_plus_citation(store: Path, capsys, sort: str) -> None:
    _, out, _ = run(
        capsys,
        "search",
        "Syria OR Kerry OR Assad OR said",
        "--json",
        "--limit",
        "1000",
        "--sort",
        sort,
        "--data",
        str(store),
    )
    hits = json.loads(out)["hits"]
    status, out, _ = run(
        capsys,
        "export",
        "Syria OR Kerry OR Assad OR said",
        "--format",
        "jsonl",
        "--sort",
        sort,
        "--data",
        str(store),
    )
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(hits) > 20  # the whole list, past the search's default page of 20
    for hit, row in zip(hits, rows, strict=True):
        assert row.pop("citation")
        assert row == hit
    assert rows[0].keys() == hits[0].keys()


def test_markdown_and_csv_exports_to_a_file(store: Path, capsys, tmp_path: Path) -> None:
    target = tmp_path / "out" / "kerry.md"
    target.parent.mkdir()
    status, _, err = run(
        capsys, "export", "--quotes-by", "Kerry", "--format", "md", "-o", str(target), "--data", str(store)
    )
    assert status == 0
    assert "written to kerry.md in" in err and str(target.parent) in err
    text = target.read_text(encoding="utf-8")
    blocks = text.split("\n> ")[1:]
    assert len(blocks) == 6  # Kerry's quotes in the fixture store
    first_text, citation = blocks[0].split("\n\n— ")
    assert first_text.startswith("We need to get to the negotiation.")
    assert citation.strip() == (
        'John Kerry, in "Kerry says Syria’s Assad must go but timing negotiable", '
        "Al Jazeera, News Agencies, 2015-09-19, ¶4"
    )
    _, out, _ = run(capsys, "export", "--all-quotes", "--format", "jsonl", "--data", str(store))
    _, listed, _ = run(capsys, "quotes", "--json", "--limit", "1000", "--data", str(store))
    assert [json.loads(line)["text"] for line in out.splitlines()] == [
        q["text"] for q in json.loads(listed)["quotes"]
    ]
    status, out, _ = run(capsys, "export", "--entity", "Lavrov", "--format", "csv", "--data", str(store))
    rows = list(csv.DictReader(out.splitlines()))
    assert len(rows) == 4 and all("Lavrov" in row["text"] for row in rows)  # the headline too
    assert rows[0]["citation"].startswith('"Kerry and Lavrov agree plan for Syria ceasefire", Example Wire')


def test_collection_export_and_errors(store: Path, capsys) -> None:
    book = NotebookFile(store)
    book.add_to(
        "Piece", NotebookItem(KERRY, "article", "Kerry says Syria’s Assad must go but timing negotiable")
    )
    book.set_note(
        NotebookItem(KERRY, "article", "Kerry says Syria’s Assad must go but timing negotiable"), "x"
    )
    book.change(lambda nb: setattr(nb.collection("Piece").items[0], "note", "Open with this"))
    status, out, _ = run(capsys, "export", "--collection", "Piece", "--format", "jsonl", "--data", str(store))
    assert status == 0
    row = json.loads(out)
    assert row["note"] == "Open with this" and row["paragraph"] is None
    status, out, err = run(capsys, "export", "--collection", "Nope", "--format", "md", "--data", str(store))
    assert status == 1 and "no collection called 'Nope'" in err
    status, _, err = run(
        capsys, "export", "Kerry", "--entity", "Kerry", "--format", "md", "--data", str(store)
    )
    assert status == 1 and "exactly one of QUERY" in err
    status, _, err = run(capsys, "export", "(Kerry", "--format", "md", "--data", str(store))
    assert status == 2 and "never closed" in err


def test_the_citation_template_comes_from_config_yaml(tmp_path: Path) -> None:
    quote = Citable(
        KERRY,
        "Kerry says",
        "2015-09-19",
        "Al Jazeera",
        3,
        "We need to get to the negotiation.",
        kind="quote",
        speaker="John Kerry",
    )
    assert (
        CitationStyle().clip(quote)
        == '“We need to get to the negotiation.” — John Kerry, in "Kerry says", Al Jazeera, 2015-09-19, ¶4'
    )
    (tmp_path / "config.yaml").write_text(
        "citation: '{source} ({date}): {title}[ <{url}>]'\n", encoding="utf-8"
    )
    assert load_style(tmp_path).cite(quote) == "Al Jazeera (2015-09-19): Kerry says"
    (tmp_path / "config.yaml").write_text("citation: '{title} {page}'\n", encoding="utf-8")
    with pytest.raises(CitationError, match=r"config.yaml: citation: unknown field \{page\}"):
        load_style(tmp_path)
    (tmp_path / "config.yaml").write_text("citation: '[{title}'\n", encoding="utf-8")
    with pytest.raises(CitationError, match="never closed"):
        load_style(tmp_path)


def test_the_history_is_kept_across_sessions(tmp_path: Path) -> None:
    history = SearchHistory(tmp_path)
    for query in ("Assad", "speaker:kerry", "Assad", "  "):
        history.add(query)
    assert SearchHistory(tmp_path).queries == ["speaker:kerry", "Assad"]
    (tmp_path / "history.yaml").write_text("queries: [unclosed\n", encoding="utf-8")
    broken = SearchHistory(tmp_path)
    assert broken.problem is not None and broken.problem.line == 2
    broken.add("Lavrov")
    assert broken.queries == ["Lavrov"]
    assert (tmp_path / "history.yaml").read_text(encoding="utf-8") == "queries: [unclosed\n"


def test_check_reports_the_notebook_files(store: Path, capsys) -> None:
    (store / "notebook.yaml").write_text(
        "starred:\n- article: x\n  kind: bogus\n  text: t\n", encoding="utf-8"
    )
    (store / "config.yaml").write_text("citation: '{nope}'\n", encoding="utf-8")
    status, _, err = run(capsys, "check", "--data", str(store))
    assert status == 1
    assert f"{store / 'notebook.yaml'}:3: starred, item 1: kind: must be one of" in err
    assert f"{store / 'config.yaml'}: citation: unknown field {{nope}}" in err


def test_article_facts_read_no_file_outside_the_articles_folder(tmp_path: Path) -> None:
    """An id from a hand-edited notebook is checked by the store's one id rule before a
    file is named from it: `../secret` reads nothing, a real id reads its file's top."""
    from store.export import ArticleFacts

    articles = tmp_path / "store" / "articles"
    articles.mkdir(parents=True)
    (tmp_path / "store" / "secret.yaml").write_text("source: not to be read\n", encoding="utf-8")
    (articles / "a-1.yaml").write_text("id: a-1\nsource: Wire\n", encoding="utf-8")
    facts = ArticleFacts(articles)
    assert facts.get("../secret") == {}
    assert facts.get("a-1")["source"] == "Wire"


def test_an_uncertain_speaker_is_flagged_in_every_export_format(store: Path, capsys) -> None:
    hammond = store / "articles" / f"{HAMMOND}.yaml"
    text = hammond.read_text(encoding="utf-8")
    first = "  cue: told\n"
    hammond.write_text(text.replace(first, first + "  confidence: low\n  speaker_from: cue-far-pronoun\n", 1))
    _, out, _ = run(capsys, "export", "--quotes-by", "Hammond", "--format", "jsonl", "--data", str(store))
    rows = {json.loads(line)["text"][:12]: json.loads(line)["confidence"] for line in out.splitlines()}
    assert rows["We are not s"] == "low" and rows["But he canno"] is None
    _, out, _ = run(capsys, "search", "speaker:Hammond", "--json", "--data", str(store))
    hits = {hit["paragraph"]: hit["confidence"] for hit in json.loads(out)["hits"]}
    assert hits[2] == "low"  # the passage's first quote by him is the low one
    _, out, _ = run(capsys, "export", "--quotes-by", "Hammond", "--format", "csv", "--data", str(store))
    by_text = {row["text"][:12]: row["confidence"] for row in csv.DictReader(out.splitlines())}
    assert by_text["We are not s"] == "low" and by_text["But he canno"] == ""
    _, out, _ = run(capsys, "export", "--quotes-by", "Hammond", "--format", "md", "--data", str(store))
    blocks = {block[:12]: block for block in out.split("\n> ")[1:]}
    flag = "*Speaker uncertain:* extraction is not sure that Philip Hammond said this."
    assert flag in blocks["We are not s"]
    assert "uncertain" not in blocks["But he canno"]
    said = "We are not saying that Assad must go on day one,"
    quote = NotebookItem(HAMMOND, "quote", said, 1, speaker="Philip Hammond")
    NotebookFile(store).add_to("Piece", quote)
    _, out, _ = run(capsys, "export", "--collection", "Piece", "--format", "jsonl", "--data", str(store))
    assert json.loads(out)["confidence"] == "low"  # a kept quote is read again from its article
