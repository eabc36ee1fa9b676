"""Importing again: the same article updates in place, an unchanged one is not
rewritten, a different one never overwrites, extraction runs only where the text changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.aliases import AliasTable
from store.articles import ArticleStore
from store.errors import Problem
from store.ingest import pipeline
from store.ingest.pipeline import ImportReport, import_paths
from store.models import Article, Entity

ARTICLE = "Mill burns down\n\nThe old mill burned down on Sunday night, firefighters said.\n\n{body}\n"


class FakeExtractor:
    """Stands in for spaCy: records what it was asked to extract."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: list[Article], **options: object) -> list[Article]:
        for article in articles:
            self.seen.append(article.id)
            article.entities = [Entity("Old Mill", "FAC", ["old mill"], [])]
            article.extraction_digest = "fake"
        return articles


@pytest.fixture
def extractor(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    fake = FakeExtractor()

    def extraction(data_dir: Path, report: ImportReport) -> tuple[FakeExtractor, AliasTable]:
        return fake, AliasTable()

    monkeypatch.setattr(pipeline, "_extraction", extraction)
    return fake


def write(path: Path, body: str = "Nobody was hurt.", title: str = "Mill burns down") -> Path:
    path.write_text(ARTICLE.format(body=body).replace("Mill burns down", title, 1), encoding="utf-8")
    return path


def counts(report: ImportReport) -> tuple[int, int, int, int]:
    return report.imported, report.updated, report.unchanged, report.failed


def test_unchanged_is_not_rewritten_and_not_re_extracted(tmp_path: Path, extractor: FakeExtractor) -> None:
    source = write(tmp_path / "2021-03-01_mill.txt")
    data = tmp_path / "data"
    assert counts(import_paths([source], data)) == (1, 0, 0, 0)
    (path,) = ArticleStore(data).files()
    assert path.name == "2021-03-01-mill-burns-down.yaml"
    os.utime(path, ns=(5, 5))
    report = import_paths([source], data)
    assert counts(report) == (0, 0, 1, 0) and report.ids == ["2021-03-01-mill-burns-down"]
    assert path.stat().st_mtime_ns == 5
    assert extractor.seen == ["2021-03-01-mill-burns-down"]


def test_a_changed_text_updates_in_place_and_is_re_extracted(
    tmp_path: Path, extractor: FakeExtractor
) -> None:
    source = write(tmp_path / "mill.txt")
    data = tmp_path / "data"
    import_paths([source], data)
    write(source, "Two firefighters were hurt.")
    assert counts(import_paths([source], data)) == (0, 1, 0, 0)
    (path,) = ArticleStore(data).files()
    assert ArticleStore(data).load(path.stem).paragraphs[1].text == "Two firefighters were hurt."
    assert extractor.seen == ["mill-burns-down", "mill-burns-down"]


def test_a_new_headline_from_the_same_file_keeps_the_id(tmp_path: Path, extractor: FakeExtractor) -> None:
    source = write(tmp_path / "mill.txt")
    data = tmp_path / "data"
    import_paths([source], data)
    write(source, title="Historic mill burns down")
    assert counts(import_paths([source], data)) == (0, 1, 0, 0)
    (path,) = ArticleStore(data).files()
    assert path.stem == "mill-burns-down"
    article = ArticleStore(data).load("mill-burns-down")
    assert article.title == "Historic mill burns down"
    # the text did not change: the quotes and entities were kept, not re-extracted
    assert extractor.seen == ["mill-burns-down"] and article.entities[0].name == "Old Mill"


def test_a_metadata_change_keeps_hand_edited_entities(tmp_path: Path, extractor: FakeExtractor) -> None:
    source = write(tmp_path / "mill.txt")
    data = tmp_path / "data"
    import_paths([source], data)
    store = ArticleStore(data)
    article = store.load("mill-burns-down")
    article.entities[0].name = "Old Mill of Ennis"  # a person corrects it
    store.save(article)
    (tmp_path / "manifest.jsonl").write_text('{"file": "mill.txt", "url": "https://x.example/mill"}\n')
    assert counts(import_paths([source], data)) == (0, 1, 0, 0)
    again = store.load("mill-burns-down")
    assert again.url == "https://x.example/mill" and again.entities[0].name == "Old Mill of Ennis"


def test_the_same_headline_with_another_text_is_another_article(
    tmp_path: Path, extractor: FakeExtractor
) -> None:
    data = tmp_path / "data"
    import_paths([write(tmp_path / "2021-03-01_a.txt")], data)
    (tmp_path / "copy").mkdir()
    report = import_paths([write(tmp_path / "copy" / "2021-03-01_b.txt", "Nobody was hurt at all.")], data)
    assert counts(report) == (1, 0, 0, 0) and report.merges == []
    assert len(ArticleStore(data).files()) == 2
    # the same content from a third file is the same article, and the report says so
    (tmp_path / "third").mkdir()
    report = import_paths([write(tmp_path / "third" / "2021-03-01_c.txt")], data)
    assert counts(report) == (0, 0, 1, 0)
    (merge,) = report.merges
    assert merge.path == tmp_path / "third" / "2021-03-01_c.txt"
    assert "2021-03-01-mill-burns-down" in merge.message and "the same content" in merge.message


def test_undated_records_with_one_headline_are_kept_apart_and_reimport_is_idempotent(
    tmp_path: Path, extractor: FakeExtractor
) -> None:
    feed = tmp_path / "bbc.jsonl"
    feed.write_text(
        '{"title": "Ink helps drive democracy in Asia", "text": "A long story about ink."}\n'
        '{"title": "Ink helps drive democracy in Asia", "text": "A shorter story."}\n'
        '{"title": "Ink helps drive democracy in Asia", "text": "A long story about ink."}\n',
        encoding="utf-8",
    )
    data = tmp_path / "data"
    report = import_paths([feed], data)
    assert counts(report) == (2, 0, 1, 0)
    first, second = "ink-helps-drive-democracy-in-asia", "ink-helps-drive-democracy-in-asia-2"
    assert report.ids == [first, second, first]
    (merge,) = report.merges
    assert (merge.path, merge.line) == (feed, 3)
    assert merge.message == f"merged into {first}: the same content as {feed}:1"
    store = ArticleStore(data)
    assert [store.load(i).paragraphs[0].text for i in (first, second)] == [
        "A long story about ink.",
        "A shorter story.",
    ]
    again = import_paths([feed], data)
    assert counts(again) == (0, 0, 3, 0) and len(store.files()) == 2


def test_a_given_id_decides_which_article_a_record_is(tmp_path: Path, extractor: FakeExtractor) -> None:
    data = tmp_path / "data"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "r-1", "title": "Mill burns down", "text": "In Ennis."}\n'
        '{"id": "r-2", "title": "Mill burns down", "text": "In Ennis."}\n',
        encoding="utf-8",
    )
    assert counts(import_paths([feed], data)) == (2, 0, 0, 0)  # two ids: two articles, same text or not
    feed.write_text(
        '{"id": "r-2", "title": "Mill burns down", "text": "In Ennis, Clare."}\n', encoding="utf-8"
    )
    report = import_paths([feed], data)
    assert counts(report) == (0, 1, 0, 0) and report.ids == ["mill-burns-down-2"]
    assert ArticleStore(data).load("mill-burns-down-2").meta == {"id": "r-2"}


def test_a_different_article_with_the_same_slug_gets_a_suffix(
    tmp_path: Path, extractor: FakeExtractor
) -> None:
    data = tmp_path / "data"
    first = tmp_path / "first.jsonl"
    first.write_text(
        '{"title": "Mill burns down", "text": "In Ennis.", "url": "https://a.example/1"}\n'
        '{"title": "Mill burns down", "text": "In Galway.", "url": "https://b.example/2"}\n'
        '{"title": "Mill burns down!", "text": "In Cork.", "date": "2021-03-01"}\n',
        encoding="utf-8",
    )
    report = import_paths([first], data)
    assert counts(report) == (3, 0, 0, 0)
    assert report.ids == ["mill-burns-down", "mill-burns-down-2", "2021-03-01-mill-burns-down"]
    # importing again finds each by its URL: nothing new
    assert counts(import_paths([first], data)) == (0, 0, 3, 0)


def test_an_article_imported_without_extraction_is_extracted_later(
    tmp_path: Path, extractor: FakeExtractor
) -> None:
    source = write(tmp_path / "mill.txt")
    data = tmp_path / "data"
    assert counts(import_paths([source], data, extract=False)) == (1, 0, 0, 0)
    assert extractor.seen == []
    assert counts(import_paths([source], data)) == (0, 1, 0, 0)
    assert extractor.seen == ["mill-burns-down"]
    assert counts(import_paths([source], data)) == (0, 0, 1, 0)


def test_a_failing_extractor_does_not_lose_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(articles: list[Article], **options: object) -> list[Article]:
        raise OSError("model files missing")

    monkeypatch.setattr(pipeline, "_extraction", lambda data_dir, report: (broken, AliasTable()))
    report = import_paths([write(tmp_path / "mill.txt")], tmp_path / "data")
    assert counts(report) == (1, 0, 0, 0)
    assert "extraction failed (OSError: model files missing)" in report.warnings[0].message


def test_an_unreadable_stored_file_is_not_overwritten(tmp_path: Path, extractor: FakeExtractor) -> None:
    source = write(tmp_path / "mill.txt")
    data = tmp_path / "data"
    import_paths([source], data)
    (path,) = ArticleStore(data).files()
    path.write_text(path.read_text(encoding="utf-8") + "quotes: [unclosed\n", encoding="utf-8")
    broken = path.read_text(encoding="utf-8")
    write(source, "Changed.")
    report = import_paths([source], data)
    assert counts(report) == (0, 0, 0, 1)
    assert "fix or delete that file" in report.problems[0].message
    assert path.read_text(encoding="utf-8") == broken


def test_bad_files_fail_and_the_others_go_on(tmp_path: Path, extractor: FakeExtractor) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder / "good.txt")
    write(folder / "sub" / "also-good.txt", title="Bakery reopens")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin.txt").write_bytes("Café\n\nThé.\n".encode("latin-1"))
    (folder / ".hidden.txt").write_text("Hidden\n\nNot imported.\n", encoding="utf-8")
    (folder / "notes.md").write_text("# not an article\n", encoding="utf-8")
    report = import_paths([folder, tmp_path / "missing.txt"], tmp_path / "data")
    assert counts(report) == (2, 0, 0, 3)
    failed = sorted(Path(p.path).name for p in report.problems)
    assert failed == ["empty.txt", "latin.txt", "missing.txt"]
    assert all(isinstance(p, Problem) for p in report.problems)


def test_a_path_escaping_headline_stays_in_the_store(tmp_path: Path, extractor: FakeExtractor) -> None:
    data = tmp_path / "data"
    source = write(tmp_path / "evil.txt", title="../../etc/passwd")
    report = import_paths([source], data)
    assert report.ids == ["etc-passwd"]
    assert [p.parent for p in (tmp_path).rglob("*.yaml")] == [data / "articles"]
    assert ArticleStore(data).load("etc-passwd").title == "../../etc/passwd"


def test_progress_is_reported_to_the_end(tmp_path: Path, extractor: FakeExtractor) -> None:
    calls: list[tuple[int, int]] = []
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt", title="Bakery reopens")
    import_paths(
        [tmp_path], tmp_path / "data", progress=lambda done, total, label: calls.append((done, total))
    )
    assert calls[-1] == (2, 2)


def test_the_same_record_twice_in_one_run(tmp_path: Path, extractor: FakeExtractor) -> None:
    feed = tmp_path / "feed.jsonl"
    line = '{"title": "Mill burns down", "text": "In Ennis.", "date": "2021-03-01"}\n'
    changed = '{"title": "Mill burns down", "text": "In Ennis, Clare.", "date": "2021-03-01"}\n'
    feed.write_text(line + line + changed, encoding="utf-8")
    report = import_paths([feed], tmp_path / "data")
    assert counts(report) == (2, 0, 1, 0)  # the repeat is merged (and named); the changed one is new
    assert [(m.line, "the same content" in m.message) for m in report.merges] == [(2, True)]
    store = ArticleStore(tmp_path / "data")
    assert store.load("2021-03-01-mill-burns-down").paragraphs[0].text == "In Ennis."
    assert store.load("2021-03-01-mill-burns-down-2").paragraphs[0].text == "In Ennis, Clare."


def test_a_file_that_cannot_be_saved_is_named_and_the_others_saved(
    tmp_path: Path, extractor: FakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt", title="Bakery reopens")

    def disk_trouble(self: ArticleStore, articles: list[Article]) -> list[bool]:
        raise OSError(28, "No space left on device")

    real_save = ArticleStore.save

    def save(self: ArticleStore, article: Article) -> bool:
        if article.title == "Bakery reopens":
            raise OSError(28, "No space left on device")
        return real_save(self, article)

    real_create = ArticleStore.create_many

    def create_one(self: ArticleStore, articles: list[Article]) -> list[bool]:
        if len(articles) > 1:
            raise OSError(28, "No space left on device")
        if articles[0].title == "Bakery reopens":
            raise OSError(28, "No space left on device")
        return real_create(self, articles)

    monkeypatch.setattr(ArticleStore, "save_many", disk_trouble)
    monkeypatch.setattr(ArticleStore, "save", save)
    monkeypatch.setattr(ArticleStore, "create_many", create_one)
    report = import_paths([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "data")
    assert counts(report) == (1, 0, 0, 1)
    assert report.problems[0].path == tmp_path / "b.txt"
    assert "could not save: No space left on device" in report.problems[0].message


def test_an_article_changed_twice_in_one_run_ends_as_the_last_record(
    tmp_path: Path, extractor: FakeExtractor
) -> None:
    first = '{"url": "https://x.example/mill", "title": "Mill burns down", "text": "In Ennis."}\n'
    second = '{"url": "https://x.example/mill", "title": "Mill burns down", "text": "In Galway."}\n'
    data = tmp_path / "data"
    (tmp_path / "a.jsonl").write_text(first, encoding="utf-8")
    import_paths([tmp_path / "a.jsonl"], data)
    (tmp_path / "b.jsonl").write_text(second + first, encoding="utf-8")
    report = import_paths([tmp_path / "b.jsonl"], data)
    assert counts(report) == (0, 2, 0, 0)
    assert ArticleStore(data).load("mill-burns-down").paragraphs[0].text == "In Ennis."
    assert [m.line for m in report.merges] == [1, 2] and "the same URL" in report.merges[1].message
