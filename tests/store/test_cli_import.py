"""`newsdesk import` and `newsdesk check` as a user runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store.articles import ArticleStore
from store.yamlio.load import load_yaml_file
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "kerry-assad-aljazeera.txt"
WIKINEWS = FIXTURES / "ingest" / "wikinews"
KERRY = "kerry-says-syria-s-assad-must-go-but-timing-negotiable"


def test_acceptance_the_seed_imported_by_the_installed_command(tmp_path: Path) -> None:
    """`newsdesk import <seed> --data /tmp/x` writes one YAML matching the gold annotation."""
    data = tmp_path / "x"
    command = [sys.executable, "-c", "from tui.cli import main; raise SystemExit(main())"]
    result = subprocess.run(
        [*command, "import", str(SEED), "--data", str(data)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "imported 1, updated 0, unchanged 0, failed 0" in result.stdout
    (path,) = sorted((data / "articles").glob("*.yaml"))
    assert path.name == f"{KERRY}.yaml"
    gold = load_yaml_file(FIXTURES / "kerry-assad-aljazeera.gold.yaml")
    written = load_yaml_file(path)
    assert (written["title"], written["standfirst"], written["source"]) == (
        gold["title"], gold["standfirst"], gold["source"],
    )  # fmt: skip
    paragraphs = written["paragraphs"]
    assert [p["text"] for p in paragraphs if p.get("kind") == "heading"] == gold["headings"]
    body = [p["text"] for p in paragraphs if p.get("kind", "text") == "text"]
    assert len(body) == 15  # the gold's own lists leave 15 (its `body_paragraphs: 14` miscounts)
    assert not {line for line in gold["furniture"]} & {p["text"] for p in paragraphs}
    assert body[0].startswith("US Secretary of State John Kerry has said")
    assert body[-1].startswith("Hammond said the situation in Syria")
    check = subprocess.run([*command, "check", "--data", str(data)], capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 0, check.stdout + check.stderr


def test_import_twice_reports_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert main(["import", str(WIKINEWS), "--data", data, "--no-extract"]) == 0
    out = capsys.readouterr().out
    assert "imported 3, updated 0, unchanged 0, failed 0" in out
    assert (tmp_path / "data" / ".index").is_dir()  # the index was brought up to date
    assert main(["import", str(WIKINEWS), "--data", data, "--no-extract"]) == 0
    assert "imported 0, updated 0, unchanged 3, failed 0" in capsys.readouterr().out
    article = ArticleStore(tmp_path / "data").load(
        "2019-01-04-magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead"
    )
    assert article.source == "Wikinews" and article.published == "2019-01-04"
    assert article.url == (
        "https://en.wikinews.org/wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead"
    )


def test_failures_are_named_and_set_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Café\n\nThé.\n".encode("latin-1"))
    status = main(["import", str(bad), str(SEED), "--data", str(tmp_path / "d"), "--no-extract"])
    captured = capsys.readouterr()
    assert status == 1
    assert f"{bad}:1: not UTF-8 text" in captured.err and "iconv -f latin1 -t utf-8" in captured.err
    assert "imported 1, updated 0, unchanged 0, failed 1" in captured.out
    assert "Traceback" not in captured.err


def test_bad_jsonl_lines_are_listed_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = FIXTURES / "ingest" / "articles.jsonl"
    assert main(["import", str(feed), "--data", str(tmp_path / "d"), "--no-extract"]) == 1
    captured = capsys.readouterr()
    for line in (2, 3, 5):
        assert f"{feed}:{line}: " in captured.err
    assert f"{feed}:6: warning: headline only" in captured.err  # a brief: imported, and said so
    assert "imported 4, updated 0, unchanged 0, failed 3" in captured.out


def test_show_dropped_lists_the_furniture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(SEED), "--data", str(tmp_path / "d"), "--no-extract", "--show-dropped"])
    out = capsys.readouterr().out
    assert f"{SEED}:12: dropped 'Related: Can Syrian rebels unite against Assad?'" in out
    assert f"{SEED}:17: dropped 'undefined'" in out
    assert "dropped 'The Piano Man of Yarmouk, and what he left behind'" in out


def test_check_prints_path_line_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURES / "store-with-errors", tmp_path / "s")
    assert main(["check", "--data", str(tmp_path / "s")]) == 1
    err = capsys.readouterr().err
    lines = err.strip().split("\n")
    assert lines[0].startswith(
        str(tmp_path / "s" / "articles" / "2019-03-01-editors-warn-about-markup-in-copy.yaml") + ":14: "
    )
    assert lines[1].startswith(str(tmp_path / "s" / "articles" / "broken-yaml.yaml") + ":5: ")
    assert lines[-1].startswith("2 problems in 2 files (4 article files checked")


def test_check_passes_on_a_good_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(FIXTURES / "store", tmp_path / "s")
    assert main(["check", "--data", str(tmp_path / "s")]) == 0
    assert "5 article files checked, no problems" in capsys.readouterr().out


def test_data_comes_from_the_environment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {**os.environ, "NEWSDESK_DATA": str(tmp_path / "env-store")}
    command = [sys.executable, "-c", "from tui.cli import main; raise SystemExit(main())"]
    result = subprocess.run([*command, "check"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 2 and "no store at" in result.stderr
    assert not (tmp_path / "env-store").exists()


def test_processes_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", str(SEED), "--processes", "0"])
    assert "must be 1 or more" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["search kerry", "check", "index", "entities", "quotes"])
def test_a_folder_that_is_not_a_store_is_an_error_and_stays_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([*command.split(), "--data", str(empty)]) == 2
    assert f"no store at {empty}; create one with newsdesk import" in capsys.readouterr().err
    assert list(empty.iterdir()) == []  # no .index, no .index.lock


def test_file_names_and_titles_in_import_output_are_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b]52;c;cHduZWQ=\x07.txt").write_bytes(b"\xff not utf-8")
    (folder / "dates.jsonl").write_text(
        '{"title": "A", "text": "Body.", "date": "31/04/2005\\u001b[2J"}\n', encoding="utf-8"
    )
    assert main(["import", str(folder), "--data", str(tmp_path / "d"), "--no-extract"]) == 1
    captured = capsys.readouterr()
    assert "\x1b" not in captured.err + captured.out and "\x07" not in captured.err
    assert "evil\\x1b]52;c;cHduZWQ=\\x07.txt" in captured.err
    assert "dates.jsonl:1: warning: " in captured.err and "imported without a date" in captured.err


def test_the_date_order_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "us.jsonl"
    feed.write_text('{"title": "A", "text": "Body.", "date": "03/04/2005"}\n', encoding="utf-8")
    for order, date in (("mdy", "2005-03-04"), ("dmy", "2005-04-03")):
        data = tmp_path / order
        assert main(["import", str(feed), "--data", str(data), "--no-extract", "--date-order", order]) == 0
        (article,) = ArticleStore(data).load_all()[0]
        assert article.published == date
