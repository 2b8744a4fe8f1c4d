"""Record <-> JSON: the export contract of ../shared/eval/SCHEMA.md plus provenance.

The schema fields come first with the shapes the contract gives; everything
else (ids, provenance, status, boilerplate) rides along under extra keys.
"""

from __future__ import annotations

import json
from typing import Any

from .model import (
    Block,
    Correction,
    DateMention,
    Edit,
    Entity,
    Item,
    NextEvent,
    Person,
    Provenance,
    Quote,
    Record,
    Removed,
    SourceMeta,
)

SCHEMA_VERSION = 1


def _prov(p: Provenance | None) -> dict[str, int] | None:
    return None if p is None else {"paragraph": p.paragraph, "start": p.start, "end": p.end}


def _edited(d: dict[str, Any], edit: Edit | None) -> dict[str, Any]:
    """The item's JSON with its editor's mark, only when it has one: records no editor
    touched keep the bytes they always had (the evaluation compares them)."""
    if edit is not None:
        d["edit"] = {"action": edit.action, "note": edit.note}
    return d


def _unedit(d: dict[str, Any]) -> Edit | None:
    e = d.get("edit")
    return None if e is None else Edit(e["action"], e.get("note"))


def _unprov(d: dict[str, int] | None) -> Provenance | None:
    return None if d is None else Provenance(d["paragraph"], d["start"], d["end"])


def to_dict(r: Record) -> dict[str, Any]:
    return {
        "title": r.title,
        "body": r.body,
        "published": r.published,
        "people": [
            {
                "name": p.name,
                "roles": list(p.roles),
                "aliases": list(p.aliases),
                "mentions": p.mentions,
                "provenance": _prov(p.provenance),
            }
            for p in r.people
        ],
        "organizations": [_entity(e) for e in r.organizations],
        "places": [_entity(e) for e in r.places],
        "quotes": [
            _edited(
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "kind": q.kind,
                    "cue": q.cue,
                    "provenance": _prov(q.provenance),
                },
                q.edit,
            )
            for q in r.quotes
        ],
        "background": [_item(i) for i in r.background],
        "sticking_points": [_item(i) for i in r.sticking_points],
        "next": [
            _edited(
                {
                    "text": n.text,
                    "title": n.title,
                    "date": n.date,
                    "place": n.place,
                    "status": n.status,
                    "participants": list(n.participants),
                    "provenance": _prov(n.provenance),
                },
                n.edit,
            )
            for n in r.next
        ],
        "questions": [q.text for q in r.questions],
        "dates": [{"text": d.text, "value": d.value, "provenance": _prov(d.provenance)} for d in r.dates],
        # Beyond the contract:
        "schema_version": SCHEMA_VERSION,
        "stem": r.stem,
        "slug": r.slug,
        "sha256": r.sha256,
        "published_origin": r.published_origin,
        "source": {
            "title": r.source.title,
            "published": r.source.published,
            "url": r.source.url,
            "site_name": r.source.site_name,
            "author": r.source.author,
            "slug": r.source.slug,
            "tags": list(r.source.tags),
        },
        "tags": list(r.tags),
        "what_happened": [_item(i) for i in r.what_happened],
        "question_items": [_item(i) for i in r.questions],
        "paragraphs": [
            {"kind": b.kind, "text": b.text, "author": b.author, "handle": b.handle, "signed": b.signed}
            for b in r.blocks
        ],
        # Where clutter was removed, never its words (they must not leak anywhere).
        "boilerplate": [{"line": b.line, "kind": b.kind, "chars": b.chars} for b in r.boilerplate],
        "warnings": list(r.warnings),
    } | (
        {
            "corrections": [
                {"kind": c.kind, "change": c.change, "where": c.where, "note": c.note} for c in r.corrections
            ]
        }
        if r.corrections
        else {}
    )


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "name": e.name,
        "aliases": list(e.aliases),
        "mentions": e.mentions,
        "provenance": _prov(e.provenance),
    }


def _item(i: Item) -> dict[str, Any]:
    return _edited(
        {"text": i.text, "date": i.date, "parties": list(i.parties), "provenance": _prov(i.provenance)},
        i.edit,
    )


def _unitem(d: dict[str, Any]) -> Item:
    return Item(
        d["text"],
        _unprov(d["provenance"]) or Provenance(0, 0, 0),
        d.get("date"),
        tuple(d.get("parties", ())),
        _unedit(d),
    )


def from_dict(d: dict[str, Any]) -> Record:
    s = d["source"]
    return Record(
        stem=d["stem"],
        slug=d["slug"],
        title=d["title"],
        body=d["body"],
        published=d["published"],
        published_origin=d["published_origin"],
        source=SourceMeta(
            s["title"], s["published"], s["url"], s["site_name"], s["author"], s["slug"], tuple(s["tags"])
        ),
        sha256=d["sha256"],
        blocks=tuple(
            Block(b["kind"], b["text"], b["author"], b["handle"], b["signed"]) for b in d["paragraphs"]
        ),
        boilerplate=tuple(Removed(b["line"], b["kind"], b["chars"]) for b in d["boilerplate"]),
        what_happened=tuple(_unitem(i) for i in d["what_happened"]),
        people=tuple(
            Person(p["name"], tuple(p["roles"]), tuple(p["aliases"]), p["mentions"], _unprov(p["provenance"]))
            for p in d["people"]
        ),
        organizations=tuple(_unentity(e) for e in d["organizations"]),
        places=tuple(_unentity(e) for e in d["places"]),
        quotes=tuple(
            Quote(
                q["text"],
                q["speaker"],
                q["kind"],
                _unprov(q["provenance"]) or Provenance(0, 0, 0),
                q.get("cue"),
                _unedit(q),
            )
            for q in d["quotes"]
        ),
        dates=tuple(
            DateMention(x["text"], x["value"], _unprov(x["provenance"]) or Provenance(0, 0, 0))
            for x in d["dates"]
        ),
        background=tuple(_unitem(i) for i in d["background"]),
        sticking_points=tuple(_unitem(i) for i in d["sticking_points"]),
        next=tuple(
            NextEvent(
                n["text"],
                n["title"],
                n["date"],
                n["place"],
                n["status"],
                _unprov(n["provenance"]) or Provenance(0, 0, 0),
                tuple(n["participants"]),
                _unedit(n),
            )
            for n in d["next"]
        ),
        questions=tuple(_unitem(i) for i in d["question_items"]),
        tags=tuple(d["tags"]),
        warnings=tuple(d.get("warnings", ())),
        corrections=tuple(
            Correction(c["kind"], c["change"], c["where"], c.get("note")) for c in d.get("corrections", ())
        ),
    )


def _unentity(d: dict[str, Any]) -> Entity:
    return Entity(d["name"], tuple(d["aliases"]), d["mentions"], _unprov(d["provenance"]))


def dumps(r: Record) -> str:
    """Stable JSON text: sorted nowhere (field order is meaningful), always the same bytes."""
    return json.dumps(to_dict(r), ensure_ascii=False, indent=1) + "\n"


def loads(text: str) -> Record:
    return from_dict(json.loads(text))
