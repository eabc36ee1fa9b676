"""JSON Lines: one article per line; a bad line is reported by number, the rest go on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.errors import ImportFailed
from store.ingest import jsonl as jsonl_module
from store.ingest.jsonl import count_records, parse_record, read_jsonl
from store.ingest.text import NO_BODY, ParsedArticle

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ingest" / "articles.jsonl"


def split(results: list[ParsedArticle | ImportFailed]) -> tuple[list[ParsedArticle], list[ImportFailed]]:
    good = [r for r in results if isinstance(r, ParsedArticle)]
    bad = [r for r in results if isinstance(r, ImportFailed)]
    return good, bad


def test_good_lines_are_read_and_bad_ones_reported_by_line() -> None:
    good, bad = split(list(read_jsonl(FIXTURE)))
    assert [p.article.title for p in good] == [
        "Town council approves new library",
        "Ferry fares to rise",
        "No body here",
        "Market day returns",
    ]
    assert [(f.problem.line, f.problem.path) for f in bad] == [(n, FIXTURE) for n in (2, 3, 5)]
    messages = [f.problem.message for f in bad]
    assert "not JSON" in messages[0]
    assert '"title"' in messages[1]
    assert "JSON object" in messages[2]
    assert all("line skipped" in m for m in messages)
    brief = good[2]  # a headline-only brief is an article with no paragraphs, and says so
    assert brief.article.paragraphs == [] and brief.warnings == [NO_BODY]


def test_fields_become_the_article() -> None:
    good, _ = split(list(read_jsonl(FIXTURE)))
    library, ferry, _, market = (p.article for p in good)
    assert (library.published, library.source, library.url) == (
        "2021-05-11",
        "Valley Herald",
        "https://herald.example/library",
    )
    assert [(p.kind, p.text) for p in library.paragraphs] == [
        ("text", "The town council voted 7–2 on Tuesday to build a new library."),
        ("text", "Construction starts in spring."),
        ("heading", "Opening hours"),
        ("text", "The library will open every day of the week."),
    ]
    assert library.imported_from == f"{FIXTURE}:1"
    assert good[0].whole_file is False
    # single newlines: one paragraph per line; a written-out date is understood
    assert [p.text for p in ferry.paragraphs] == [
        "Ferry fares will rise by ten percent in June.",
        "The operator blamed fuel costs.",
        "Season tickets are not affected.",
    ]
    assert ferry.standfirst == "Operator blames fuel costs" and ferry.published == "2021-05-12"
    # text as a list of paragraphs
    assert [p.text for p in market.paragraphs] == [
        "Market day returns to the square on Saturday.",
        "Stalls open at eight.",
    ]
    assert market.published is None and market.source_digest


def record(**fields: object) -> str:
    return json.dumps(fields)


def test_a_body_that_repeats_the_headline_loses_the_repeat() -> None:
    line = record(title="Mill burns down", text="Mill burns down.\n\nThe old mill burned on Sunday.")
    assert [p.text for p in parse_record(line, Path("f.jsonl"), 1).article.paragraphs] == [
        "The old mill burned on Sunday."
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"title": "A", "text": "B"', "not JSON"),
        ('{"title": "A, "text": "B"}', "not JSON (Expecting ',' delimiter at column 16)"),
        ('{"title": "A', "not JSON (Unterminated string starting at column 11)"),
        ("[1, 2]", "JSON object"),
        (record(title="", text="Body."), '"title"'),
        (record(title=None, text="Body."), '"title"'),
        (record(title=7, text="Body."), '"title"'),
        (record(title="A", text=5), '"text"'),
        (record(title="A", text=["One.", 2]), "a list of paragraphs as text"),
        (record(title="A", text="Body.", url=5), '"url" must be text'),
    ],
)
def test_bad_records_say_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        parse_record(line, Path("feed.jsonl"), 42)
    assert caught.value.problem.line == 42
    assert message in caught.value.problem.message
    assert str(caught.value).startswith("feed.jsonl:42: ")


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2015-09-19", "2015-09-19"),
        ("2015-09-19T10:00:00Z", "2015-09-19"),
        ("2015/9/19", "2015-09-19"),
        ("19 September 2015", "2015-09-19"),
        ("September 19, 2015", "2015-09-19"),
        ("Sat, 19 Sep 2015 10:00:00 GMT", "2015-09-19"),
        ("next week", None),
        ("2015-02-30", None),
    ],
)
def test_dates_in_the_usual_forms(written: str, date: str | None) -> None:
    line = record(title="A", text="Body text.", date=written)
    assert parse_record(line, Path("f.jsonl"), 1).article.published == date


def test_a_line_that_is_not_utf8_is_reported_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        '{"title": "Café", "text": "Fine."}'.encode("latin-1")
        + b"\n"
        + record(title="Good", text="Also fine.").encode()
        + b"\n"
    )
    good, bad = split(list(read_jsonl(path)))
    assert [p.article.title for p in good] == ["Good"]
    assert bad[0].problem.line == 1 and "iconv" in bad[0].problem.message


def test_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(
        (
            record(title="A", text="One.\r\n\r\nTwo.") + "\r\n" + record(title="B", text="Three.") + "\r\n"
        ).encode()
    )
    good, bad = split(list(read_jsonl(path)))
    assert bad == []
    assert [p.text for p in good[0].article.paragraphs] == ["One.", "Two."]


def test_an_oversized_line_is_skipped_without_losing_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl_module, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.jsonl"
    huge = record(title="Huge", text="word " * 5000)
    path.write_text(
        record(title="Small", text="Fine.") + "\n" + huge + "\n" + record(title="After", text="Ok.") + "\n"
    )
    results = list(read_jsonl(path))
    good, bad = split(results)
    assert [p.article.title for p in good] == ["Small", "After"]
    assert bad[0].problem.line == 2 and "MB" in bad[0].problem.message
    assert [getattr(r, "line", None) or r.problem.line for r in results] == [1, 2, 3]  # type: ignore[union-attr]


def test_count_records_for_the_progress_bar(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text("{}\n{}\n{}", encoding="utf-8")
    assert count_records(path) == 3
    assert count_records(FIXTURE) == 8  # seven records and a blank line


def test_a_missing_file_is_one_failure(tmp_path: Path) -> None:
    (failure,) = list(read_jsonl(tmp_path / "nope.jsonl"))
    assert isinstance(failure, ImportFailed) and "cannot read" in failure.problem.message


def test_a_body_that_repeats_the_standfirst_loses_the_repeat() -> None:
    line = record(title="Mill burns", standfirst="Nobody hurt.", text="Nobody hurt.\n\nThe old mill burned.")
    article = parse_record(line, Path("f.jsonl"), 1).article
    assert article.standfirst == "Nobody hurt."
    assert [p.text for p in article.paragraphs] == ["The old mill burned."]


def test_extra_fields_are_kept_in_meta() -> None:
    line = record(
        id=12345, title="Cup final", text="The final was played.", category="Sport", author="Ann Lee",
        url="https://x.example/cup", tags=["football", "cup", 7], **{"Content-Type": "news"}, extra={"a": 1},
    )  # fmt: skip
    parsed = parse_record(line, Path("feed.jsonl"), 1)
    assert parsed.article.url == "https://x.example/cup"
    assert parsed.article.meta == {
        "id": "12345",
        "category": "Sport",
        "author": "Ann Lee",
        "tags": ["football", "cup", "7"],
        "content_type": "news",
        "extra": '{"a":1}',
    }


def test_meta_survives_the_yaml_round_trip(tmp_path: Path) -> None:
    from store.yamlio.dump import dump_article
    from store.yamlio.load import load_article

    article = parse_record(record(title="T", text="Body.", id="007", kind="wire"), Path("f.jsonl"), 1).article
    article.id = "t"
    assert article.meta == {"id": "007", "kind_field": "wire"}  # `kind:` is a query field of its own
    path = tmp_path / "t.yaml"
    path.write_text(dump_article(article), encoding="utf-8")
    assert "meta:\n  id: '007'\n" in path.read_text(encoding="utf-8")
    assert load_article(path).meta == {"id": "007", "kind_field": "wire"}


@pytest.mark.parametrize(
    ("written", "order", "date"),
    [
        ("03/04/2005", "dmy", "2005-04-03"),
        ("03/04/2005", "mdy", "2005-03-04"),
        ("26-FEB-1987 15:01", "dmy", "1987-02-26"),
    ],
)
def test_numeric_dates_follow_the_stated_order(written: str, order: str, date: str) -> None:
    parsed = parse_record(record(title="A", text="Body.", date=written), Path("f.jsonl"), 1, order)
    assert parsed.article.published == date and parsed.warnings == []


@pytest.mark.parametrize("written", ["2015-02-30", "31/04/2005", "next week", 20210101])
def test_a_date_that_cannot_be_read_is_a_warning_not_silence(written: object) -> None:
    parsed = parse_record(record(title="A", text="Body.", date=written), Path("f.jsonl"), 1)
    assert parsed.article.published is None
    (warning,) = parsed.warnings
    assert str(written) in warning and "imported without a date" in warning


def test_a_table_of_figures_is_the_body_not_furniture() -> None:
    text = "Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nSix mths\n\nRevs 291.8 mln vs 151.1 mln"
    parsed = parse_record(record(title="FIRST BANK 4TH QTR NET", text=text), Path("f.jsonl"), 1)
    assert [p.text for p in parsed.article.paragraphs] == text.split("\n\n")
    assert parsed.dropped == [] and parsed.warnings == []


def test_short_lines_that_are_all_the_body_are_kept() -> None:
    text = "Qtly div five cts\n\nPayable April 15\n\nRecord April one"
    parsed = parse_record(record(title="DIVIDEND DECLARED", text=text), Path("f.jsonl"), 1)
    assert [p.text for p in parsed.article.paragraphs] == text.split("\n\n")


@pytest.mark.parametrize("text", [None, "", "   \n\n  "])
def test_a_headline_only_brief_is_an_article_with_no_paragraphs(text: str | None) -> None:
    parsed = parse_record(record(title="OPEC MEETS TODAY", text=text), Path("f.jsonl"), 1)
    assert parsed.article.paragraphs == [] and parsed.warnings == [NO_BODY]
