"""`newsdesk extract` and `newsdesk reextract` end to end, on fixture files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from store.extract.digest import edited_by_hand, extraction_digest
from store.yamlio.load import load_article, load_yaml_file
from store.yamlio.save import save_article
from tui.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "kerry-assad-aljazeera.txt"
GOLD = FIXTURES / "kerry-assad-aljazeera.gold.yaml"


def run_extract(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[dict]]:
    status = main(["extract", "--format", "jsonl", *map(str, paths)])
    out = capsys.readouterr().out
    return status, [json.loads(line) for line in out.splitlines()]


def test_seed_quotes_and_speakers_match_the_gold(capsys: pytest.CaptureFixture[str], nlp: object) -> None:
    status, (result,) = run_extract(capsys, SEED)
    gold = load_yaml_file(GOLD)
    assert status == 0
    assert result["path"] == str(SEED)
    assert result["title"] == gold["title"]
    found = [(q["text"], q["speaker"]) for q in result["quotes"]]
    assert found == [(q["text"], q["speaker"]) for q in gold["quotes"]]
    names = {e["name"] for e in result["entities"]}
    assert {"John Kerry", "Philip Hammond", "Nadim Baba"} <= names


def test_unreadable_file_gets_an_error_line_and_the_rest_go_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, nlp: object
) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"Headline\n\n\xff\xfe not utf-8 \x80\x81")
    missing = tmp_path / "missing.txt"
    headline_only = tmp_path / "headline.txt"
    headline_only.write_text("Only a headline here\n", encoding="utf-8")
    status, lines = run_extract(capsys, broken, SEED, missing, headline_only)
    assert status == 1
    assert [line["path"] for line in lines] == [str(p) for p in (broken, SEED, missing, headline_only)]
    assert "error" in lines[0] and "error" in lines[2]
    assert len(lines[1]["quotes"]) == 6
    assert lines[3]["title"] == "Only a headline here" and lines[3]["quotes"] == []
    assert "error" not in lines[3]


def test_extract_stores_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, nlp: object) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copy(SEED, copy)
    run_extract(capsys, copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.txt"]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "store", data)
    return data


def test_reextract_fills_quotes_and_digest(
    capsys: pytest.CaptureFixture[str], store: Path, nlp: object
) -> None:
    path = store / "articles" / "town-council-approves-new-library.yaml"
    status = main(["reextract", "--data", str(store), "--force", "town-council-approves-new-library"])
    assert status == 0
    article = load_article(path)
    assert article.extraction_digest == extraction_digest(article)
    assert [q.speaker for q in article.quotes] == ["Mary Smith"]
    assert not edited_by_hand(article)
    assert "1 updated" in capsys.readouterr().out


def test_reextract_keeps_hand_edits_unless_forced(
    capsys: pytest.CaptureFixture[str], store: Path, nlp: object
) -> None:
    article_id = "town-council-approves-new-library"
    path = store / "articles" / f"{article_id}.yaml"
    main(["reextract", "--data", str(store), "--force", article_id])
    article = load_article(path)
    article.quotes[0].speaker = "Springfield"  # a reporter's correction, made by hand
    save_article(path, article)
    capsys.readouterr()

    main(["reextract", "--data", str(store), article_id])
    assert load_article(path).quotes[0].speaker == "Springfield"
    assert f"kept hand edits: {article_id}" in capsys.readouterr().out

    main(["reextract", "--data", str(store), "--force", article_id])
    assert load_article(path).quotes[0].speaker == "Mary Smith"


def test_reextract_names_an_unknown_id(capsys: pytest.CaptureFixture[str], store: Path, nlp: object) -> None:
    status = main(["reextract", "--data", str(store), "no-such-article"])
    assert status == 1
    assert "no-such-article.yaml: no such article" in capsys.readouterr().err


def test_digest_changes_with_a_hand_edit(store: Path) -> None:
    article = load_article(store / "articles" / "town-council-approves-new-library.yaml")
    article.extraction_digest = extraction_digest(article)
    assert not edited_by_hand(article)
    article.entities[0].aliases.append("Councillor Smith")
    assert edited_by_hand(article)


def test_one_failing_article_does_not_stop_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    import store.extract as extraction

    real = extraction.extract_entities

    def flaky(doc, paragraphs, starts, aliases, title=None):  # type: ignore[no-untyped-def]
        if "boom" in paragraphs[0].text:
            raise ValueError("a bug in the entity code")
        return real(doc, paragraphs, starts, aliases, title)

    monkeypatch.setattr(extraction, "extract_entities", flaky)
    bad = tmp_path / "bad.txt"
    bad.write_text("A headline\n\nThe word boom is in this paragraph.\n", encoding="utf-8")
    status, lines = run_extract(capsys, bad, SEED)
    assert status == 1
    assert "extraction failed: ValueError: a bug in the entity code" in lines[0]["error"]
    assert len(lines[1]["quotes"]) == 6 and "error" not in lines[1]


def test_curation_in_aliases_yaml_survives_reextraction(
    capsys: pytest.CaptureFixture[str], store: Path, nlp: object
) -> None:
    """A round trip: curate with `newsdesk entity`, re-extract, and the article files say
    what aliases.yaml says (renamed speaker, retyped and dropped entities)."""
    article_id = "town-council-approves-new-library"
    path = store / "articles" / f"{article_id}.yaml"
    assert main(["entity", "rename", "Mary Smith", "Councillor Mary Smith", "--data", str(store)]) == 0
    assert main(["entity", "retype", "Springfield", "LOC", "--data", str(store)]) == 0
    aliases_text = (store / "aliases.yaml").read_text(encoding="utf-8")
    assert "Councillor Mary Smith: [Mary Smith]" in aliases_text
    assert main(["reextract", "--data", str(store), "--force", article_id]) == 0
    article = load_article(path)
    assert [q.speaker for q in article.quotes] == ["Councillor Mary Smith"]
    assert {(e.name, e.type) for e in article.entities} == {
        ("Councillor Mary Smith", "PERSON"),
        ("Springfield", "LOC"),
    }
    assert not edited_by_hand(article)  # curated output is extraction's own: a later run redoes it
    assert (store / "aliases.yaml").read_text(encoding="utf-8") == aliases_text  # untouched by extraction
    assert main(["entity", "drop", "Springfield", "--data", str(store), "--json"]) == 0
    assert main(["reextract", "--data", str(store), article_id]) == 0
    assert [e.name for e in load_article(path).entities] == ["Councillor Mary Smith"]


def test_spans_point_into_the_file_and_keys_group_the_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, nlp: object
) -> None:
    first = tmp_path / "first.txt"
    first.write_text(
        "Talks in Geneva\n\nUS Secretary of State John Kerry met Sergei Lavrov in Geneva on Monday.\n\n"
        "Kerry’s aides said the talks would go on.\n",
        encoding="utf-8",
    )
    second = tmp_path / "second.txt"
    second.write_text(
        "Kerry back in Washington\n\nMr Kerry returned to Washington on Tuesday, aides said.\n",
        encoding="utf-8",
    )
    status, lines = run_extract(capsys, first, second)
    assert status == 0
    for path, line in zip((first, second), lines, strict=True):
        text = path.read_text(encoding="utf-8")
        for entity in line["entities"]:
            assert entity["spans"], entity
            for start, end in entity["spans"]:
                surface = text[start:end]  # an alias, with its title if it has one ("Mr Kerry")
                assert any(surface.endswith(a) for a in entity["aliases"]), (entity["name"], surface)
    kerry = {line["path"]: e for line in lines for e in line["entities"] if "Kerry" in e["name"]}
    one, two = kerry[str(first)], kerry[str(second)]
    assert one["name"] == "John Kerry" and len(one["spans"]) == 2
    assert two["name"] == "Kerry" and len(two["spans"]) == 2  # the headline and the body
    assert one["key"] == two["key"] == "PERSON:John Kerry"


def test_a_jsonl_file_is_extracted_record_by_record_as_import_reads_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, nlp: object
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"title": "Kerry meets Lavrov", "text": "John Kerry met Sergei Lavrov in Geneva.\\n\\n'
        '\\u201cWe agreed,\\u201d Kerry said."}\n'
        "{not json\n"
        '{"title": "Talks end", "text": "The talks in Geneva ended on Friday."}\n',
        encoding="utf-8",
    )
    status, lines = run_extract(capsys, feed, SEED)
    assert status == 1  # the bad line is an error line; the others are extracted
    assert [(line["path"], line.get("line"), line["title"]) for line in lines] == [
        (str(feed), 1, "Kerry meets Lavrov"),
        (str(feed), 2, None),
        (str(feed), 3, "Talks end"),
        (str(SEED), None, lines[3]["title"]),
    ]
    assert "not JSON" in lines[1]["error"]
    assert [(q["text"], q["speaker"]) for q in lines[0]["quotes"]] == [("We agreed,", "John Kerry")]
    kerry = next(e for e in lines[0]["entities"] if e["name"] == "John Kerry")
    text = (
        "Kerry meets Lavrov\n\nJohn Kerry met Sergei Lavrov in Geneva.\n\n\u201cWe agreed,\u201d Kerry said."
    )
    assert [text[a:b] for a, b in kerry["spans"]] == ["Kerry", "John Kerry", "Kerry"]


def test_reextract_keeps_a_file_edited_while_it_extracted(
    capsys: pytest.CaptureFixture[str], store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.extract import reextract as reextract_module
    from store.models import Entity

    article_id = "town-council-approves-new-library"
    path = store / "articles" / f"{article_id}.yaml"

    def slow_extraction(articles: list, **options: object) -> list:
        # minutes pass on a big store; meanwhile a reporter fixes a word by hand
        path.write_text(
            path.read_text(encoding="utf-8").replace("long debate", "short debate"), encoding="utf-8"
        )
        for article in articles:
            article.entities = [Entity("Springfield", "GPE", ["Springfield"], [])]
            article.extraction_digest = "new"
        return articles

    monkeypatch.setattr(reextract_module, "extract_articles", slow_extraction)
    assert main(["reextract", "--data", str(store), "--force", article_id]) == 0
    assert "short debate" in path.read_text(encoding="utf-8")  # the hand edit is not undone
    out = capsys.readouterr().out
    assert f"kept the newer file: {article_id} changed while extraction ran" in out
    assert "0 updated" in out


def test_a_speaker_set_by_hand_survives_reextraction_and_the_rest_is_refreshed(
    capsys: pytest.CaptureFixture[str], store: Path, nlp: object
) -> None:
    from store.speaker_edit import set_speaker

    article_id = "town-council-approves-new-library"
    path = store / "articles" / f"{article_id}.yaml"
    main(["reextract", "--data", str(store), "--force", article_id])
    stale = load_article(path)
    stale.quotes[0].cue = "stale"  # as an older extractor wrote it (its digest agrees)
    stale.extraction_digest = extraction_digest(stale)
    save_article(path, stale)

    set_speaker(path, 1, stale.quotes[0].start, "Springfield")
    corrected = load_article(path)
    assert corrected.quotes[0].speaker_by_hand and not edited_by_hand(corrected)
    assert "speaker_by: hand" in path.read_text(encoding="utf-8")
    capsys.readouterr()

    assert main(["reextract", "--data", str(store), article_id]) == 0
    assert "1 updated, 0 unchanged, 0 kept for their hand edits; 1 speaker set by hand kept" in (
        capsys.readouterr().out
    )
    (quote,) = load_article(path).quotes
    assert (quote.speaker, quote.speaker_by_hand, quote.cue) == ("Springfield", True, "said")
    assert main(["check", "--data", str(store)]) == 0


def test_a_hand_set_speaker_goes_with_its_words_when_extraction_moves_the_quote(store: Path) -> None:
    from store.models import Quote
    from store.speaker_edit import carry_hand_speakers

    article = load_article(store / "articles" / "town-council-approves-new-library.yaml")
    hand = Quote("Books are still the best", 1, 1, 25, "Springfield", None, speaker_by_hand=True)
    carry_hand_speakers(article, [hand])
    assert [(q.start, q.end, q.speaker, q.speaker_by_hand) for q in article.quotes] == [
        (1, 53, "Springfield", True)
    ]
    lost = Quote("The town council", 0, 0, 16, None, None, speaker_by_hand=True)
    carry_hand_speakers(article, [lost])  # extraction no longer finds it: the hand's quote is kept
    assert [(q.paragraph, q.speaker) for q in article.quotes] == [(0, None), (1, "Springfield")]


def test_a_name_the_other_files_know_is_found_where_the_model_missed_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, nlp: object
) -> None:
    texts = {
        "hull.txt": "Strike in Hull\n\nStaff at the Quillpost newsroom in Hull voted to strike.\n",
        "leeds.txt": "Strike in Leeds\n\nStaff at the Quillpost newsroom in Leeds voted to strike.\n",
        "mayor.txt": "The mayor speaks\n\nQuillpost interviewed the mayor on Tuesday.\n",
    }
    paths = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    status, lines = run_extract(capsys, *paths)
    assert status == 0
    known = {e["key"] for e in lines[0]["entities"] if e["name"] == "Quillpost"}
    found = [e for e in lines[2]["entities"] if e["name"] == "Quillpost"]
    assert len(found) == 1 and {found[0]["key"]} == known
    at = texts["mayor.txt"].index("Quillpost")
    assert found[0]["spans"] == [[at, at + len("Quillpost")]]


def test_a_person_an_article_names_two_ways_has_one_key_in_another_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, nlp: object
) -> None:
    first = tmp_path / "first.txt"
    first.write_text(
        "A Danish linguist\n\nJens Otto Harry Brandvold or Otto Brandvold (1860 - 1943) was a Danish "
        "linguist. Brandvold taught in Copenhagen.\n",
        encoding="utf-8",
    )
    second = tmp_path / "second.txt"
    second.write_text(
        "Grammar books\n\nThe grammar of Otto Brandvold is still read. Otto Brandvold wrote it in 1924.\n",
        encoding="utf-8",
    )
    status, lines = run_extract(capsys, first, second)
    assert status == 0
    keys = [[e["key"] for e in line["entities"] if "Brandvold" in e["name"]] for line in lines]
    assert keys == [["PERSON:Jens Otto Harry Brandvold"], ["PERSON:Jens Otto Harry Brandvold"]]
