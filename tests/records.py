"""Self-written records for corpus and render tests (no article text from any publisher)."""

from __future__ import annotations

from generator.model import (
    Block,
    Entity,
    Item,
    NextEvent,
    Person,
    Provenance,
    Quote,
    Record,
    SourceMeta,
)


def prov(paragraph: int = 0) -> Provenance:
    return Provenance(paragraph, 0, 10)


def person(name: str, *roles: str, aliases: tuple[str, ...] = ()) -> Person:
    return Person(name, roles=tuple(roles), aliases=aliases, mentions=1)


def entity(name: str, *aliases: str) -> Entity:
    return Entity(name, aliases=tuple(aliases), mentions=1)


def record(
    slug: str,
    published: str | None = None,
    *,
    title: str | None = None,
    paragraphs: tuple[str, ...] = ("First paragraph.", "Second paragraph.", "Third paragraph."),
    people: tuple[Person, ...] = (),
    organizations: tuple[Entity, ...] = (),
    places: tuple[Entity, ...] = (),
    quotes: tuple[Quote, ...] = (),
    next: tuple[NextEvent, ...] = (),
    sticking_points: tuple[Item, ...] = (),
    background: tuple[Item, ...] = (),
    what_happened: tuple[Item, ...] = (),
    questions: tuple[Item, ...] = (),
    tags: tuple[str, ...] = (),
) -> Record:
    return Record(
        stem=slug,
        slug=slug,
        title=title or slug.replace("-", " ").capitalize(),
        body="\n\n".join(paragraphs),
        published=published,
        published_origin="front-matter" if published else "none",
        source=SourceMeta(title=title, published=published),
        sha256="0" * 64,
        blocks=tuple(Block("paragraph", p) for p in paragraphs),
        boilerplate=(),
        what_happened=what_happened,
        people=people,
        organizations=organizations,
        places=places,
        quotes=quotes,
        background=background,
        sticking_points=sticking_points,
        next=next,
        questions=questions,
        tags=tags,
    )


def quote(text: str, speaker: str | None, paragraph: int = 0, kind: str = "direct") -> Quote:
    return Quote(text, speaker, kind, prov(paragraph))  # type: ignore[arg-type]


def event(
    title: str, date: str | None, status: str = "scheduled", place: str | None = None, paragraph: int = 1
) -> NextEvent:
    return NextEvent(f"The {title} follows.", title, date, place, status, prov(paragraph))  # type: ignore[arg-type]


def item(text: str, paragraph: int = 0, date: str | None = None, parties: tuple[str, ...] = ()) -> Item:
    return Item(text, prov(paragraph), date=date, parties=parties)
