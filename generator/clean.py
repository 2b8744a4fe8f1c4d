"""Source -> Document: paragraphs, subheadings, dateline, embedded posts; clutter removed.

Articles arrive as found in the wild: a title line or none, paragraphs split by
blank lines or by single newlines, subheadings as short lines, social posts
pasted with their signature line, and page clutter ("Read More: ...").
"""

from __future__ import annotations

import re

from .model import Block, Document, Removed, Source

# Lines that are page furniture, not article text. Each pattern is anchored at the
# start of the line: these are prompts and teasers, never sentences of the story.
_BOILERPLATE = re.compile(
    r"""^(?:
        (?:read|see|watch|listen|also\ read|also\ see|read\ also|related|more|recommended|trending|
           must\ read|don'?t\ miss|top\ stories|latest|editor'?s\ picks?|in\ pictures|in\ depth)
           \s*(?:more|also|next|now|this|here|:|\||[-–—>»])\s*.*
      | (?:advertisement|advertisment|sponsored(?:\ content)?|promoted|story\ continues\ below.*|
           continue\ reading.*|scroll\ (?:down\ )?to\ continue.*|skip\ (?:to\ )?(?:content|ad).*)
      | (?:subscribe|sign\ up|signup|join|follow|like|download|get)\b.{0,80}?
           \b(?:newsletter|newsletters|channel|app|updates|us\ on|our\ (?:whatsapp|telegram|youtube)|
              alerts|inbox|podcast|google\ news|free)\b.*
      | (?:share|tweet|email|print|copy\ link|share\ this(?:\ article|\ story)?|share\ on)
           (?:\s*(?:this|on|via|article|story|:|\||facebook|twitter|x|whatsapp|linkedin|email|reddit))*\s*
      | (?:photo|image|picture|video|file\ photo|photograph|illustration|graphic)s?
           \s*(?:credit|courtesy|source|by)?\s*[:|/].*
      | (?:getty\ images|reuters|ap\ photo|afp|afp\ via\ getty\ images|pti\ photo|ani\ photo)\s*$
      | (?:copyright|all\ rights\ reserved|©).*
      | (?:file|image):\S.*\.(?:jpe?g|png|gif|svg|webp|tiff?)(?:\s*\|.*)?
      | (?:click\ here|tap\ here|tap\ to|click\ to)\b.*
      | (?:also\ read|read\ more|read\ next|more\ from|more\ on\ this\ story|related\ articles?|
           related\ stories|related\ topics|more\ stories|you\ may\ also\ like|you\ might\ also\ like)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
# A line that is only a date, optionally with weekday, place or time: a dateline.
_DATELINE = re.compile(
    rf"""^(?:[A-Z][A-Za-z .'-]{{1,40}}[,:]\s+)?                       # optional place: "LONDON, "
        (?:(?:{_WEEKDAYS})\.?,?\s+)?
        (?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
          |\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}
          |\d{{4}}-\d{{2}}-\d{{2}})
        (?:[,\s]+\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*[-–—]?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# The signature line of an embedded post: "— Narendra Modi (@narendramodi) September 6, 2025".
_SIGNATURE = re.compile(
    r"^[—–-]{1,2}\s*(?P<author>[^()@\n]{2,80}?)\s*\((?P<handle>@\w{1,30})\)\s*(?P<date>.{0,40})$"
)
_TERMINAL = re.compile(r"""[.!?…]["”’')\]]*$""")
_POST_MAX_CHARS = 300  # a tweet is at most 280 characters; links and handles add a little


def _is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.match(line.strip()))


def _clutter_kind(line: str) -> str:
    low = line.lower()
    for kind, words in (
        ("teaser", ("read", "also", "related", "more", "see", "watch", "listen", "recommended", "trending")),
        ("advertisement", ("advert", "sponsored", "promoted", "continue", "scroll", "skip")),
        ("subscription prompt", ("subscribe", "sign up", "signup", "join", "follow", "download", "get")),
        ("share prompt", ("share", "tweet", "email", "print", "copy link")),
        (
            "photo credit",
            ("photo", "image", "picture", "video", "getty", "reuters", "ap ", "afp", "pti", "ani"),
        ),
        ("copyright", ("copyright", "©", "all rights")),
    ):
        if low.startswith(words):
            return kind
    return "clutter"


_FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "but",
    "with",
    "by",
    "from",
    "as",
    "vs",
    "via",
    "into",
    "over",
    "after",
    "amid",
    "about",
    "than",
    "is",
    "are",
}


def _is_heading(line: str) -> bool:
    """A subheading: short, no closing sentence punctuation, written in title case.

    Lines that introduce a quote ("He said:") or end inside one are paragraphs,
    and so is a short sentence in sentence case ("The plan was revealed in 2005").
    """
    s = line.strip()
    words = s.split()
    if not words or len(words) > 14 or len(s) > 110:
        return False
    if s.endswith((".", ",", ";", ":", "”", '"', "''", "’")) and not s.endswith("..."):
        return False
    if s[0] in "“\"'‘(-–—•*" or s[0].islower():
        return False
    content = [w for w in words if w[0].isalpha() and w.lower().strip(",:?") not in _FUNCTION_WORDS]
    if not content:
        return len(words) <= 4
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.75


def _looks_like_title(line: str, followed_by_blank: bool) -> bool:
    s = line.strip()
    words = s.split()
    if not words or len(words) > 30 or len(s) > 220:
        return False
    if followed_by_blank:
        # A short line standing alone at the top is the headline, whatever its
        # punctuation ("E.U. leaders weigh plans.", "Virginian could make history. Again.").
        return True
    return not _TERMINAL.search(s) or (s.endswith("?") and _is_heading(s))


def _split_blocks(text: str) -> tuple[list[str], bool]:
    """Paragraph candidates, and whether the first line stood alone before a blank line."""
    lines = text.split("\n")
    first_alone = len(lines) > 1 and bool(lines[0].strip()) and not lines[1].strip()
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            chunks[-1].append(line.strip())
        elif chunks[-1]:
            chunks.append([])
    out: list[str] = []
    for chunk in chunks:
        if not chunk:
            continue
        # Inside a chunk, a line is a continuation (hard-wrapped text) when the
        # previous one stopped mid-sentence and this one goes on in lower case.
        current = chunk[0]
        for line in chunk[1:]:
            if (
                not _TERMINAL.search(current)
                and not _is_heading(current)
                and (line[0].islower() or line[0] in ",;")
            ):
                current = f"{current} {line}"
            else:
                out.append(current)
                current = line
        out.append(current)
    return out, first_alone


_POST_MARKERS = re.compile(r"(?:@\w|#\w|https?://|\b(?:I|I'm|I’m|we|We|our|Our|my|My|us)\b)")


def _strip_post(lines: list[str], author: str) -> int:
    """How many lines before a signature belong to the post (walking back).

    The line right above the signature always does; earlier lines only while
    they read like a post (first person, handles, hashtags, links) and the
    whole stays within a post's length.
    """
    surname = author.split()[-1].lower() if author.split() else ""
    total, n = 0, 0
    for line in reversed(lines):
        if _is_heading(line) and n > 0:
            break
        total += len(line)
        if total > _POST_MAX_CHARS or (surname and re.search(rf"\b{re.escape(surname)}\b", line.lower())):
            break
        if re.search(r"\b(?:he|she|they) (?:said|wrote|posted|tweeted)\b", line, re.IGNORECASE):
            break
        if n > 0 and not _POST_MARKERS.search(line):
            break
        n += 1
    return n


def clean(source: Source) -> Document:
    lines, first_alone = _split_blocks(source.text)
    boilerplate: list[Removed] = []
    kept: list[str] = []
    source_lines = [x.strip() for x in source.text.split("\n")]
    for line in lines:
        if _is_boilerplate(line):
            at = source_lines.index(line) + 1 if line in source_lines else 0
            boilerplate.append(Removed(at, _clutter_kind(line), len(line)))
        else:
            kept.append(line)

    title = source.meta.title
    origin = "front-matter"
    if title is None and kept and _looks_like_title(kept[0], first_alone and lines[0] == kept[0]):
        title, origin = kept.pop(0), "title-line"
    elif title is not None and kept and kept[0].strip().lower() == title.strip().lower():
        kept.pop(0)  # the title repeated as the first line of the body

    dateline = None
    for i, line in enumerate(kept[:3]):
        if _DATELINE.match(line):
            dateline = kept.pop(i)
            break
    # Some pages repeat the dateline right below the first one.
    while dateline and kept and kept[0].strip() == dateline.strip():
        kept.pop(0)

    blocks: list[Block] = []
    pending: list[str] = []
    for line in kept:
        sig = _SIGNATURE.match(line)
        if sig:
            n = _strip_post(pending, sig.group("author"))
            for prev in pending[: len(pending) - n]:
                blocks.append(Block("heading" if _is_heading(prev) else "paragraph", prev))
            post_lines = pending[len(pending) - n :]
            blocks.append(
                Block(
                    "post",
                    " ".join([*post_lines, line]) if post_lines else line,
                    author=sig.group("author").strip(),
                    handle=sig.group("handle"),
                    signed=sig.group("date").strip() or None,
                )
            )
            pending = []
            continue
        pending.append(line)
    for prev in pending:
        blocks.append(Block("heading" if _is_heading(prev) else "paragraph", prev))
    # A "heading" at the very end, or two in a row, is more likely a short paragraph.
    fixed: list[Block] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "heading" and (nxt is None or nxt.kind == "heading"):
            b = Block("paragraph", b.text)
        fixed.append(b)
    blocks = fixed

    if title is None:
        first_heading = next((b.text for b in blocks if b.kind == "heading"), None)
        if first_heading:
            title, origin = first_heading, "subheading"
        else:
            title, origin = _derive_title(blocks), "derived"
    return Document(
        title=title.strip(),
        title_origin=origin,  # type: ignore[arg-type]
        dateline=dateline,
        blocks=tuple(blocks),
        boilerplate=tuple(boilerplate),
    )


def _derive_title(blocks: list[Block]) -> str:
    """The first sentence of the first paragraph, shortened to a headline's length."""
    text = next((b.text for b in blocks if b.kind == "paragraph"), "Untitled article")
    first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    words = first.split()
    return " ".join(words[:14]).rstrip(",;:") + ("…" if len(words) > 14 else "")
