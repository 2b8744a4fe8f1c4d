"""The analysed article every extractor reads: blocks, their spaCy docs, sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Document, Provenance


@dataclass(frozen=True)
class Sentence:
    block: int
    start: int  # character offsets inside the block
    end: int
    span: Any  # spacy.tokens.Span

    @property
    def text(self) -> str:
        return str(self.span.text)

    def provenance(self) -> Provenance:
        return Provenance(self.block, self.start, self.end)


@dataclass(frozen=True)
class Article:
    document: Document
    docs: tuple[Any, ...]  # one spacy Doc per block
    anchor: dt.date | None

    def sentences(self, kinds: tuple[str, ...] = ("paragraph", "post")) -> Iterator[Sentence]:
        for i, (block, doc) in enumerate(zip(self.document.blocks, self.docs, strict=True)):
            if block.kind not in kinds:
                continue
            for sent in doc.sents:
                text = sent.text
                if not text.strip():
                    continue
                yield Sentence(i, sent.start_char, sent.start_char + len(text), sent)
