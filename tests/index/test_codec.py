"""PassageCodec's posting blocks: an index in Whoosh's own block layout is refused as
damaged (rebuilt), not misread."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from store.index.codec import PassageCodec, PostingsFormatError
from store.index.schema import index_damage, make_schema


def test_w3_postings_read_through_passage_codec_are_damage(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), make_schema())
    writer = SegmentWriter(ix)  # Whoosh's own codec: W3 posting blocks
    for number in range(300):  # more than one block
        writer.add_document(article_id=f"a{number}", paragraph=0, kind="text", text="common words")
    writer.commit()
    toc = ix._read_toc()
    reader = SegmentReader(ix.storage, toc.schema, toc.segments[0], codec=PassageCodec())
    with pytest.raises(PostingsFormatError) as refused:
        reader.postings("text", "common")
    assert "rebuild" in str(refused.value)
    assert index_damage(refused.value, tmp_path) is not None
