"""Saved web pages as seeds: the article text and metadata, via trafilatura (dates: htmldate).

trafilatura drops navigation, comments, captions and most page furniture; what
it lets through are teaser lines written into the article's own markup
("Also on rt.com ...", "DON'T MISS", "... [VIDEO]"): those are filtered here,
line by line, before clean.py sees the text.
"""

from __future__ import annotations

import re
import urllib.parse
from html.parser import HTMLParser
from typing import Any

from .errors import SeedError
from .model import SourceMeta

# The comment a browser (and `explainer fetch`) writes at the top of a saved page.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>https?://[^\s>]+?)\s*-->", re.IGNORECASE)

# Web-page teasers that sit inside the article's markup. Each is anchored on the
# whole line: a sentence of the story never has these shapes.
_WEB_TEASER = re.compile(
    r"""^(?:
        also\ on\ [\w.-]+\.[a-z]{2,}\b.*                  # "Also on rt.com <other headline>"
      | (?:don[’']?t|do\ not)\ miss\W*                  # a heading over a list of links
      | (?:like|liked|enjoy|enjoyed)\ this\ (?:story|article)\?.*
      | .{1,200}(?-i:\[[A-Z][A-Z\ ]{2,20}\])[\s|]*      # "Other headline [VIDEO]" link labels
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


# Fewer words than a two-sentence news brief: what trafilatura found is a menu, a
# login form or a paywall notice, and an explainer built from it would be noise.
MIN_WORDS = 25


def saved_from(html: str) -> str | None:
    """The address in a leading `<!-- saved from url=(N)URL -->` comment, if any."""
    m = _SAVED_FROM.search(html[:4096])
    return m.group("url") if m else None


class _AddressFinder(HTMLParser):
    """The page's own address: <link rel=canonical>, else og:url, wherever they stand.

    trafilatura looks for the canonical link inside <head> only; on broken markup
    lxml moves it into <body> (2 of the 22 corpus pages) and the URL is lost.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"]
        elif tag == "meta" and a.get("property", a.get("name", "")).lower() == "og:url" and a.get("content"):
            self.og_url = self.og_url or a["content"]


def page_address(html: str, base: str | None = None) -> str | None:
    """The absolute http(s) address the page gives for itself, if any."""
    finder = _AddressFinder()
    finder.feed(html)
    for found in (finder.canonical, finder.og_url):
        url = urllib.parse.urljoin(base, found) if found and base else found
        if url and urllib.parse.urlsplit(url).scheme in ("http", "https"):
            return url
    return None


def is_web_teaser(line: str) -> bool:
    return bool(_WEB_TEASER.match(line.strip()))


def article_text(raw: str) -> str:
    """Paragraphs separated by blank lines, web teasers removed.

    trafilatura separates paragraphs with single newlines; the cleaner reads a
    blank line as the paragraph break, which is unambiguous.
    """
    lines = (line.strip() for line in raw.split("\n"))
    return "\n\n".join(line for line in lines if line and not is_web_teaser(line))


def strip_site_suffix(title: str, site_name: str | None, url: str | None) -> str:
    """'Headline | Al Bawaba' -> 'Headline' when the suffix names the site itself."""
    names = {n for n in (_norm(site_name), _norm(_host_name(url))) if n}
    m = re.match(r"^(?P<head>.{10,}?)\s+[|–—-]\s+(?P<tail>[^|–—]{2,60})$", title)
    if m and names and _norm(m.group("tail")) in names:
        return m.group("head").strip()
    return title


def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def _host_name(url: str | None) -> str | None:
    """'https://www.bbc.co.uk/x' -> 'bbc': the name a title suffix would use."""
    host = urllib.parse.urlsplit(url).hostname if url else None
    if not host:
        return None
    parts = [p for p in host.split(".") if p not in ("www", "com", "co", "org", "net", "uk", "info")]
    return parts[-1] if parts else None


def _bare(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        html,
        url=url,  # a fallback only: a canonical link in the page wins
        with_metadata=True,  # title, author, canonical URL, site name; the date via htmldate
        include_comments=False,
        include_tables=False,
        include_images=False,
        # The balanced default, measured on the 22 corpus pages (python -m generator.html_eval):
        # mean token F1 0.982; favor_recall 0.968 (lets in teasers and bylines);
        # favor_precision 0.984 but it drops short paragraphs (one page: 0.985 -> 0.964).
        favor_precision=False,
        favor_recall=False,
        # trafilatura's deduplication keeps a process-wide cache of seen paragraphs:
        # the second page carrying the same wire story (or the same page read
        # twice) would lose its text. Output must depend on the page alone.
        deduplicate=False,
    )
    if doc is None:
        return {}
    return doc if isinstance(doc, dict) else dict(doc.as_dict())


def extract(html: str, path: str) -> tuple[str, SourceMeta]:
    """Return (article text, metadata) of a saved news page."""
    # The page's own address first (canonical, og:url), then the one it was fetched
    # from; trafilatura uses it where it finds no canonical link in <head>.
    known = page_address(html, saved_from(html)) or saved_from(html)
    data = _bare(html, known)
    text = article_text(data.get("text") or "")
    words = len(text.split())
    if words < MIN_WORDS:
        found = f" (only {words} words: a menu, login or paywall page?)" if words else ""
        raise SeedError(path, f"no article text found in this web page{found}")
    url = data.get("url") or known
    site = data.get("sitename") or _host_of(url)
    title = (data.get("title") or "").strip()
    date = data.get("date")
    meta = SourceMeta(
        title=strip_site_suffix(title, site, url) if title else None,
        published=str(date)[:10] if date else None,
        url=url,
        site_name=site,
        author=data.get("author") or None,
        tags=tuple(t for t in (data.get("tags") or []) if isinstance(t, str) and t),
    )
    return text, meta


def _host_of(url: str | None) -> str | None:
    host = urllib.parse.urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
