"""Links a page writes to other pages: relative `.md` links MkDocs validates, text escaped."""

from __future__ import annotations

from dataclasses import dataclass

from ..corpus import Corpus, Ref
from .env import human_date, rel
from .markup import Raw, attr, escape_md


@dataclass(frozen=True)
class Linker:
    page: str
    corpus: Corpus

    def to(self, target: str, text: str) -> Raw:
        return Raw(f"[{escape_md(text)}]({rel(self.page, target)})")

    def node(self, path: str | None, fallback: str | None = None) -> Raw:
        """A node's name linked to its page (or the plain name when it has none)."""
        n = self.corpus.node(path) if path else None
        if n is None:
            return Raw(escape_md(fallback or ""))
        return self.to(n.path, n.name)

    def name(self, article: str, name: str | None) -> Raw:
        """A name as one article gives it, linked to the node it resolves to."""
        path = self.corpus.link(article, name)
        if path is None:
            return Raw(escape_md(name or ""))
        return Raw(f"[{escape_md(name or '')}]({rel(self.page, path)})")

    def article(self, ref: Ref, with_paragraph: bool = True) -> Raw:
        """The article's title linked to the paragraph a statement comes from."""
        r = self.corpus.record(ref.article)
        target = f"explainers/{r.slug}.md" + (f"#p{ref.paragraph + 1}" if with_paragraph else "")
        out = f"[{escape_md(r.title)}]({rel(self.page, target)})"
        if with_paragraph:
            out += f" ¶{ref.paragraph + 1}"
        if r.published:
            out += f" · {time(r.published)}"
        return Raw(out)


def time(value: str | None) -> Raw:
    if not value:
        return Raw("date not given")
    return Raw(f'<time datetime="{attr(value)}">{escape_md(human_date(value))}</time>')
