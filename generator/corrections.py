"""Applying editors' corrections (overrides.py parses them) to a record: pure functions.

Every rule that changes the record leaves two traces, so readers can tell an
editor's word from the article's: the item it added, moved or re-attributed
carries an `Edit` (the page marks it "Correction", with the editor's note), and
the record lists a `Correction` naming the rule's file and line (the Corrections
page). A suppressed item is gone from the page; only its Correction remains.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Sequence
from typing import Any

from .model import Correction, CorrectionKind, Edit, Item, NextEvent, Person, Provenance, Quote, Record
from .overrides import (
    ITEM_SECTIONS,
    MOVABLE,
    SUPPRESSIBLE,
    AddRule,
    MoveRule,
    People,
    PersonEntry,
    QuoteRule,
    SeedOverrides,
    SuppressRule,
    Where,
    norm,
)

# The section names readers see (the explainer's headings), for the Corrections page.
SECTION_LABEL = {
    "what_happened": "What happened",
    "background": "Background",
    "sticking_points": "Sticking points",
    "questions": "Open questions",
    "next": "What's next",
    "quotes": "Key quotes",
    "people": "Who's who",
    "organizations": "organisations",
    "places": "places",
}
# An item is named on the Corrections page by its opening words, not in full.
EXCERPT_CHARS = 120


def excerpt(text: str) -> str:
    """The item's opening words, cut at a space, for naming it in a correction."""
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    head = text[: EXCERPT_CHARS - 1]
    space = head.rfind(" ")
    return (head[:space] if space > EXCERPT_CHARS // 2 else head).rstrip() + "…"


def _correction(kind: CorrectionKind, change: str, where: Where, note: str | None) -> Correction:
    return Correction(kind, change, str(where), note)


def _hits(fragment: str, text: str) -> bool:
    return norm(fragment) in norm(text)


def _section_texts(rec: Record, section: str) -> list[str]:
    items: Sequence[Any] = getattr(rec, section)
    if section in ("people", "organizations", "places"):
        return [" / ".join((i.name, *i.aliases)) for i in items]
    if section == "next":
        return [f"{i.title} / {i.text}" for i in items]
    return [i.text for i in items]


def _label(item: Any) -> str:
    """What names an item of any section: a person's name, an event's title, a text."""
    if isinstance(item, NextEvent):
        return item.title
    return str(item.text if hasattr(item, "text") else item.name)


def _suppress(rec: Record, rule: SuppressRule) -> tuple[Record, list[Correction]]:
    changes: dict[str, Any] = {}
    done: list[Correction] = []
    for section in (rule.section,) if rule.section else SUPPRESSIBLE:
        items: tuple[Any, ...] = getattr(rec, section)
        texts = _section_texts(rec, section)
        hit = [_hits(rule.match, t) for t in texts]
        if any(hit):
            changes[section] = tuple(i for i, h in zip(items, hit, strict=True) if not h)
            done += [
                _correction(
                    "suppress",
                    f"removed from {SECTION_LABEL[section]}: “{excerpt(_label(i))}”",
                    rule.where,
                    rule.note,
                )
                for i, h in zip(items, hit, strict=True)
                if h
            ]
    return dataclasses.replace(rec, **changes), done


def _as_item(x: Item | NextEvent, edit: Edit) -> Item:
    if isinstance(x, Item):
        return dataclasses.replace(x, edit=edit)
    return Item(x.text, x.provenance, x.date, x.participants, edit)


def _as_event(x: Item | NextEvent, title: str | None, edit: Edit) -> NextEvent:
    if isinstance(x, NextEvent):
        return dataclasses.replace(x, edit=edit)
    words = x.text.split()
    short = title or " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return NextEvent(x.text, short, x.date, None, "expected", x.provenance, x.parties, edit)


def _pattern(fragment: str) -> re.Pattern[str]:
    """The fragment as a regex over the original text, with matching's leniency."""
    parts = []
    for ch in norm(fragment):
        if ch == " ":
            parts.append(r"\s+")
        elif ch == "'":
            parts.append("['‘’‚]")
        elif ch == '"':
            parts.append('["“”„«»]')
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.IGNORECASE)


def _sentence_in_body(rec: Record, fragment: str) -> Item | None:
    """The article sentence holding `fragment`, as an item with its provenance."""
    pattern = _pattern(fragment)
    for n, block in enumerate(rec.blocks):
        m = pattern.search(block.text)
        if m is None:
            continue
        text = block.text
        starts = [e.end() for e in re.finditer(r"[.!?][\"'”’)]*\s+", text[: m.start()])]
        start = starts[-1] if starts else 0
        end_m = re.search(r"[.!?][\"'”’)]*(?=\s|$)", text[m.end() :])
        end = m.end() + end_m.end() if end_m else len(text)
        return Item(text[start:end].strip(), Provenance(n, start, end))
    return None


def _move(rec: Record, rule: MoveRule) -> tuple[Record, list[Correction] | None]:
    """The record with the items moved, and the corrections made (None: matched nothing;
    empty: the item is where the editor wants it already)."""
    moved: list[tuple[Item | NextEvent, str]] = []
    changes: dict[str, Any] = {}
    for section in (rule.source,) if rule.source else MOVABLE:
        if section == rule.to:
            continue
        items: tuple[Any, ...] = getattr(rec, section)
        texts = _section_texts(rec, section)
        hits = [_hits(rule.match, t) for t in texts]
        if any(hits):
            moved.extend((i, f"from {SECTION_LABEL[section]}") for i, h in zip(items, hits, strict=True) if h)
            changes[section] = tuple(i for i, h in zip(items, hits, strict=True) if not h)
    if not moved:
        if any(_hits(rule.match, t) for t in _section_texts(rec, rule.to)):
            return rec, []  # already where the editor wants it: the extractor now agrees
        found = _sentence_in_body(rec, rule.match)
        if found is None:
            return rec, None
        moved.append((found, "from the article's text"))  # a sentence no section had
    edit = Edit("moved", rule.note)
    target: tuple[Any, ...] = getattr(rec, rule.to)
    new: tuple[Any, ...] = tuple(
        _as_event(m, rule.title, edit) if rule.to == "next" else _as_item(m, edit) for m, _ in moved
    )
    changes[rule.to] = target + new
    done = [
        _correction(
            "move", f"moved to {SECTION_LABEL[rule.to]} {src}: “{excerpt(m.text)}”", rule.where, rule.note
        )
        for m, src in moved
    ]
    return dataclasses.replace(rec, **changes), done


def _with_person(rec: Record, name: str | None) -> tuple[Person, ...]:
    if name is None or any(p.name == name for p in rec.people):
        return rec.people
    return (*rec.people, Person(name=name))


def _fix_quote(rec: Record, rule: QuoteRule) -> tuple[Record, list[Correction]]:
    done: list[Correction] = []
    out = []
    who = rule.speaker or "unattributed"
    for q in rec.quotes:
        if _hits(rule.match, q.text):
            q = dataclasses.replace(
                q,
                speaker=rule.speaker,
                kind=rule.kind or q.kind,
                cue="editor",
                edit=Edit("re-attributed", rule.note),
            )
            done.append(
                _correction("quote", f"“{excerpt(q.text)}”: speaker set to {who}", rule.where, rule.note)
            )
        out.append(q)
    if not done:
        return rec, done
    return dataclasses.replace(rec, quotes=tuple(out), people=_with_person(rec, rule.speaker)), done


def _add(rec: Record, rule: AddRule) -> tuple[Record, str | None]:
    # The item's source link must point at a paragraph that exists, or the
    # strict site build would fail on a broken anchor.
    para = rule.paragraph - 1
    problem = None
    if para >= len(rec.blocks):
        problem = f"paragraph {rule.paragraph} does not exist (the article has {len(rec.blocks)}); using 1"
        para = 0
    prov = Provenance(para, 0, 0)  # an empty span: added by an editor, not found in the text
    edit = Edit("added", rule.note)
    done = _correction(
        "add", f"added to {SECTION_LABEL[rule.section]}: “{excerpt(rule.text)}”", rule.where, rule.note
    )
    rec = dataclasses.replace(rec, corrections=(*rec.corrections, done))
    if rule.section == "next":
        ev = NextEvent(
            rule.text, rule.title or rule.text, rule.date, rule.place, rule.status, prov, edit=edit
        )
        return dataclasses.replace(rec, next=(*rec.next, ev)), problem
    if rule.section == "quotes":
        q = Quote(rule.text, rule.speaker, rule.kind, prov, cue="editor", edit=edit)
        return dataclasses.replace(
            rec, quotes=(*rec.quotes, q), people=_with_person(rec, rule.speaker)
        ), problem
    items: tuple[Item, ...] = getattr(rec, rule.section)
    change: dict[str, Any] = {rule.section: (*items, Item(rule.text, prov, rule.date, edit=edit))}
    return dataclasses.replace(rec, **change), problem


def apply(rec: Record, ov: SeedOverrides) -> tuple[Record, list[str]]:
    """The record with a seed's overrides applied, and a message for every rule that did nothing.

    Order: suppress, then move, then speakers, then additions, so an editor's
    added item is never suppressed or moved by a rule meant for extracted ones.
    """
    stale: list[str] = []

    def unmatched(where: Where, what: str, match: str) -> None:
        stale.append(f"{where}: {what} matches nothing in the article any more: {match!r}")

    def done(r: Record, made: list[Correction]) -> Record:
        return dataclasses.replace(r, corrections=(*r.corrections, *made)) if made else r

    for s in ov.suppress:
        rec, made = _suppress(rec, s)
        if not made:
            unmatched(s.where, f"suppress{' in ' + s.section if s.section else ''}", s.match)
        rec = done(rec, made)
    for m in ov.move:
        rec, moved = _move(rec, m)
        if moved is None:
            unmatched(m.where, f"move to {m.to}", m.match)
        rec = done(rec, moved or [])
    for q in ov.quotes:
        rec, made = _fix_quote(rec, q)
        if not made:
            unmatched(q.where, "quote", q.match)
        rec = done(rec, made)
    for a in ov.add:
        rec, problem = _add(rec, a)
        if problem:
            stale.append(f"{a.where}: {problem}")
    return rec, stale


def article_names(rec: Record) -> set[str]:
    """Every name (and alias) the record gives a person, organisation or place, as
    matching sees it: who a speaker may be without being a description."""
    people = {norm(n) for p in rec.people for n in (p.name, *p.aliases)}
    return people | {norm(n) for e in (*rec.organizations, *rec.places) for n in (e.name, *e.aliases)}


def unknown_speakers(rec: Record, ov: SeedOverrides, people: People) -> list[str]:
    """A warning for each speaker an override names who is no one in the article (person,
    organisation or place, by name or alias) nor in people.yml: most often a misspelling
    ("Pervez Musharaf"), which would otherwise quietly make a new person. The rule is
    applied all the same (the editor may mean someone the article does not name)."""
    names = [n for p in rec.people for n in (p.name, *p.aliases)]
    known = article_names(rec) | {norm(n) for e in people.entries for n in (e.name, *e.aliases)}
    out = []
    rules: list[tuple[Where, str | None]] = [(q.where, q.speaker) for q in ov.quotes]
    rules += [(a.where, a.speaker) for a in ov.add]
    for where, speaker in rules:
        if speaker is None or norm(speaker) in known:
            continue
        close = difflib.get_close_matches(speaker, [p.name for p in rec.people] or names, n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        out.append(
            f"{where}: speaker {speaker!r} is no one in the article nor in people.yml{hint} "
            "(the rule is applied: a new person)"
        )
    return out


def _lookup(people: People) -> dict[str, PersonEntry]:
    return {norm(n): e for e in people.entries for n in (e.name, *e.aliases)}


def apply_people(rec: Record, people: People) -> tuple[Record, set[str]]:
    """Canonical names, merged aliases and roles from people.yml; returns the entries used.

    Every person of the record whose name or alias is listed becomes the listed
    person; two that become the same one are merged. Quote speakers, parties and
    participants follow the new names. Each rename and each role set is a
    Correction of the record (once per name)."""
    table = _lookup(people)
    if not table:
        return rec, set()
    used: set[str] = set()
    made: dict[Correction, None] = {}

    def renamed(old: str, e: PersonEntry) -> None:
        if old != e.name:
            made[_correction("people", f"{old} shown as {e.name}", e.where, None)] = None

    def entry_for(p: Person) -> PersonEntry | None:
        for n in (p.name, *p.aliases):
            e = table.get(norm(n))
            if e is not None:
                return e
        return None

    merged: dict[str, Person] = {}
    rename: dict[str, str] = {}
    for p in rec.people:
        e = entry_for(p)
        name = e.name if e else p.name
        rename[p.name] = name
        if e:
            used.add(e.name)
            renamed(p.name, e)
        seen = merged.get(name)
        forms = tuple(
            dict.fromkeys(f for f in (*(seen.aliases if seen else ()), p.name, *p.aliases) if f != name)
        )
        roles = tuple(dict.fromkeys((*(seen.roles if seen else ()), *p.roles)))
        if e is not None and e.roles is not None:
            if roles != e.roles:
                given = "; ".join(e.roles) or "none"
                made[_correction("people", f"roles of {name} set to: {given}", e.where, None)] = None
            roles = e.roles  # the editor's word wins over what the articles say
        merged[name] = Person(
            name=name,
            roles=roles,
            aliases=forms,
            mentions=(seen.mentions if seen else 0) + p.mentions,
            provenance=seen.provenance if seen else p.provenance,
        )

    def canon(name: str) -> str:
        if name in rename:
            return rename[name]
        e = table.get(norm(name))
        if e:
            used.add(e.name)
            renamed(name, e)
            return e.name
        return name

    def canon_all(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(canon(n) for n in names))

    changes: dict[str, Any] = {
        s: tuple(dataclasses.replace(i, parties=canon_all(i.parties)) for i in getattr(rec, s))
        for s in ITEM_SECTIONS
    }
    changes["people"] = tuple(merged.values())
    changes["quotes"] = tuple(
        dataclasses.replace(q, speaker=canon(q.speaker)) if q.speaker else q for q in rec.quotes
    )
    changes["next"] = tuple(dataclasses.replace(n, participants=canon_all(n.participants)) for n in rec.next)
    changes["corrections"] = (*rec.corrections, *made)
    return dataclasses.replace(rec, **changes), used


def unused_people(people: People, used: set[str]) -> list[str]:
    """Messages for people.yml entries that matched no one in any article."""
    return [
        f"{e.where}: {e.name} matches no one in any article" for e in people.entries if e.name not in used
    ]
