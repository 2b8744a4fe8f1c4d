"""Plain data that flows between the stages: seed -> Source -> Document -> Record.

Everything here is a frozen dataclass (or a list of them) so that stages stay
pure functions and records can be cached and compared byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # overrides.py reads records, so it imports this module, not the reverse
    from .overrides import SeedOverrides

BlockKind = Literal["paragraph", "heading", "post"]
QuoteKind = Literal["direct", "partial", "post"]
# How a quote's speaker was found: the names of the cues in extract/quotes.py's CUES
# table, the post's signature, and an editor's override.
QuoteCue = Literal[
    "signed",
    "transcript",
    "speech verb after",
    "speech verb before",
    "speech verb, no subject",
    "speech noun",
    "according to",
    "colon",
    "lead-in clause",
    "lead-in paragraph",
    "dash aside",
    "labelled as",
    "credited after",
    "continues previous quote",
    "previous sentence",
    "same words quoted again",
    "post signature",
    "editor",
]
# What an editor's rule did to an item the page shows (overrides.py); None: as extracted.
EditAction = Literal["added", "moved", "re-attributed"]
# The kinds of correction the Corrections page lists: a seed's rule, or people.yml.
CorrectionKind = Literal["quote", "suppress", "move", "add", "people"]
EventStatus = Literal[
    "scheduled", "expected", "possible", "uncertain", "declined", "postponed", "cancelled", "held"
]


@dataclass(frozen=True)
class SourceMeta:
    """What front matter, a sidecar or the HTML page says about an article."""

    title: str | None = None
    published: str | None = None
    url: str | None = None
    site_name: str | None = None
    author: str | None = None
    slug: str | None = None
    tags: tuple[str, ...] = ()
    # From the editor's sources table (content/_data/sources.yml), never from the seed.
    licence: str | None = None
    licence_url: str | None = None


@dataclass(frozen=True)
class Source:
    """A seed as read from disk: decoded, normalised text plus its metadata."""

    stem: str
    path: str
    text: str
    meta: SourceMeta
    sha256: str
    fmt: Literal["txt", "md", "html"] = "txt"
    # Warnings about the seed as read (a stray byte repaired, a title cut), each one
    # line naming the file; they never change the record, so they are no part of it.
    notices: tuple[str, ...] = field(default=(), compare=False)
    # The editor's corrections in the seed's front matter and sidecar, read with it:
    # applied after the record cache, so like notices they are no part of the record.
    overrides: SeedOverrides | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Block:
    """One paragraph, subheading or embedded post of the cleaned article."""

    kind: BlockKind
    text: str
    # For posts: who signed it, their handle and the date on the signature line.
    author: str | None = None
    handle: str | None = None
    signed: str | None = None


@dataclass(frozen=True)
class Removed:
    """A line dropped as page clutter. Only where and what kind: its words must not
    reach the record or the site (a teaser names other stories and people)."""

    line: int
    kind: str
    chars: int


@dataclass(frozen=True)
class Document:
    """The article after cleaning: what the extractor reads."""

    title: str
    title_origin: Literal["front-matter", "title-line", "subheading", "derived"]
    dateline: str | None
    blocks: tuple[Block, ...]
    boilerplate: tuple[Removed, ...]

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    def block_offsets(self) -> list[int]:
        """Start of every block inside `body`."""
        out, pos = [], 0
        for b in self.blocks:
            out.append(pos)
            pos += len(b.text) + 2
        return out


@dataclass(frozen=True)
class Provenance:
    """Where an item comes from: block index and character span inside that block."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Edit:
    """An editor's mark on one item: what their rule did, and their note (plain text)."""

    action: EditAction
    note: str | None = None


@dataclass(frozen=True)
class Correction:
    """One correction in force on a record, for the Corrections page: which rule
    (`where`, its file and line), what it changed (plain text naming the item) and
    the editor's note."""

    kind: CorrectionKind
    change: str
    where: str
    note: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Entity:
    """An organisation or a place."""

    name: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    kind: QuoteKind
    provenance: Provenance
    # How the speaker was found ("said X", "pronoun", "post signature", ...): lets
    # an editor judge the attribution and lets tests protect each construction.
    cue: QuoteCue | None = None
    edit: Edit | None = None


@dataclass(frozen=True)
class DateMention:
    text: str
    value: str | None
    provenance: Provenance


@dataclass(frozen=True)
class Item:
    """A background item, sticking point or open question: a sentence of the article."""

    text: str
    provenance: Provenance
    date: str | None = None
    parties: tuple[str, ...] = ()
    edit: Edit | None = None


@dataclass(frozen=True)
class NextEvent:
    text: str
    title: str
    date: str | None
    place: str | None
    status: EventStatus
    provenance: Provenance
    participants: tuple[str, ...] = ()
    edit: Edit | None = None


@dataclass(frozen=True)
class Record:
    """The explainer record of one seed (see ../shared/eval/SCHEMA.md)."""

    stem: str
    slug: str
    title: str
    body: str
    published: str | None
    published_origin: Literal["front-matter", "dateline", "inferred", "none"]
    source: SourceMeta
    sha256: str
    blocks: tuple[Block, ...]
    boilerplate: tuple[Removed, ...]
    what_happened: tuple[Item, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    background: tuple[Item, ...] = ()
    sticking_points: tuple[Item, ...] = ()
    next: tuple[NextEvent, ...] = ()
    questions: tuple[Item, ...] = ()
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    # Every editor's correction in force (seed rules and people.yml), in the order applied.
    corrections: tuple[Correction, ...] = ()
