"""One passage record: every hit type and the TUI's rows are a `Passage`, and the
index's stored fields are read back into one in one place (`stored_passage`)."""

from __future__ import annotations

from store.hits import MentionPassage, Passage, PassageHit, QuoteHit
from store.index.documents import article_documents, stored_passage
from store.index.review import QuoteToCheck
from store.models import Article, Paragraph
from tui.navigation import ResultEntry


def test_the_hits_and_the_rows_are_one_passage_record() -> None:
    for record in (PassageHit, MentionPassage, QuoteHit, QuoteToCheck, ResultEntry):
        assert issubclass(record, Passage), record


def test_stored_fields_read_back_as_the_passages_written() -> None:
    article = Article(
        id="2015-09-19-a",
        title="Kerry says",
        standfirst="A summary.",
        source="Wire",
        published="2015-09-19",
        paragraphs=[Paragraph("First."), Paragraph("Second.")],
    )
    documents = article_documents(article, article.id)
    passages = [stored_passage(fields, Passage) for fields in documents]
    assert passages == [
        Passage(article.id, "Kerry says", "2015-09-19", "Wire", -1, "Kerry says"),
        Passage(article.id, "Kerry says", "2015-09-19", "Wire", -2, "A summary."),
        Passage(article.id, "Kerry says", "2015-09-19", "Wire", 0, "First."),
        Passage(article.id, "Kerry says", "2015-09-19", "Wire", 1, "Second."),
    ]
    hit = stored_passage(documents[2], PassageHit, kind="text", score=1.5)
    row = ResultEntry.of(hit, spans=((0, 5),))
    assert (row.article_id, row.paragraph, row.text, row.spans) == (article.id, 0, "First.", ((0, 5),))
    quote = stored_passage(documents[3], QuoteHit, text="Second", start=0, end=6)
    assert (quote.source, quote.text, quote.paragraph) == ("Wire", "Second", 1)
