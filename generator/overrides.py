"""Editors' corrections: per-seed overrides and the site-wide people data.

An editor never edits a generated page to fix it (the next build could not
keep the fix); they write the correction beside the seed instead, and every
build applies it to the record after extraction. Two places:

* per seed, in the front matter of a `.md` seed or in a sidecar
  `seeds/<stem>.yml` (which may also set title, published, slug, ...)::

      quotes:                      # fix who said a quote (null: unattributed)
        - match: "always be friends"
          speaker: Donald Trump
      suppress:                    # drop a wrong item (section optional)
        - section: background
          match: "a few words of it"
      move:                        # put an item (or any sentence of the article)
        - match: "a few words of it"   # in the right section
          to: sticking_points
      add:                         # add what the extractor missed
        - section: next
          title: ASEAN summit
          date: 2025-10-26
          place: Kuala Lumpur

* site-wide, in `content/_data/people.yml`::

      people:
        - name: Narendra Modi      # the canonical name, used everywhere
          aliases: [Modi, PM Modi] # every name that means this person (a merge)
          roles: [Prime Minister of India]   # optional: replaces extracted roles

`match` is a fragment of the item's text, compared without regard to case,
spacing or the style of quotation marks; a rule applies to every item it
matches, and a rule that matches nothing is reported (the article or the
extractor changed, and the override may be stale).

Parsing validates everything with file and line; applying is pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast, get_args

import yaml

from .errors import SeedError
from .frontmatter import MAX_NAME_CHARS, OVERRIDE_KEYS, ImpossibleDate, cap, parse_date, text_value
from .model import EventStatus, Item, NextEvent, Person, Provenance, Quote, QuoteKind, Record

# Sections of the record that hold one sentence of the article each.
ITEM_SECTIONS = ("what_happened", "background", "sticking_points", "questions")
MOVABLE = (*ITEM_SECTIONS, "next")
SUPPRESSIBLE = (*MOVABLE, "quotes", "people", "organizations", "places")
ADDABLE = (*MOVABLE, "quotes")
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
STATUSES: tuple[str, ...] = get_args(EventStatus)

_RULE_KEYS: dict[str, dict[str, bool]] = {  # allowed keys -> required?
    "quotes": {"match": True, "speaker": True, "kind": False},
    "suppress": {"match": True, "section": False},
    "move": {"match": True, "to": True, "from": False, "title": False},
    "add": {
        "section": True,
        "text": False,
        "title": False,
        "date": False,
        "place": False,
        "status": False,
        "speaker": False,
        "kind": False,
        "paragraph": False,
    },
}
_PERSON_KEYS = {"name": True, "aliases": False, "roles": False}


@dataclass(frozen=True)
class Where:
    """The file and line an override was written on, for every message about it."""

    path: str
    line: int | None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True)
class QuoteRule:
    match: str
    speaker: str | None
    kind: QuoteKind | None
    where: Where


@dataclass(frozen=True)
class SuppressRule:
    match: str
    section: str | None
    where: Where


@dataclass(frozen=True)
class MoveRule:
    match: str
    to: str
    source: str | None  # `from:` in YAML; None: any movable section
    title: str | None  # for a move into `next`: the event's short name
    where: Where


@dataclass(frozen=True)
class AddRule:
    section: str
    text: str
    title: str | None
    date: str | None
    place: str | None
    status: EventStatus
    speaker: str | None
    kind: QuoteKind
    paragraph: int  # 1-based source paragraph the item's link points to
    where: Where


@dataclass(frozen=True)
class SeedOverrides:
    quotes: tuple[QuoteRule, ...] = ()
    suppress: tuple[SuppressRule, ...] = ()
    move: tuple[MoveRule, ...] = ()
    add: tuple[AddRule, ...] = ()
    # Entries left out (an impossible date): errors, the seed is built without them.
    skipped: tuple[str, ...] = ()
    # Names cut to length: warnings.
    notices: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.quotes or self.suppress or self.move or self.add)

    def __add__(self, other: SeedOverrides) -> SeedOverrides:
        """Front matter's rules, then the sidecar's."""
        return SeedOverrides(
            self.quotes + other.quotes,
            self.suppress + other.suppress,
            self.move + other.move,
            self.add + other.add,
            self.skipped + other.skipped,
            self.notices + other.notices,
        )


@dataclass(frozen=True)
class PersonEntry:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...] | None  # None: keep the roles the articles give
    where: Where


@dataclass(frozen=True)
class People:
    entries: tuple[PersonEntry, ...] = ()
    notices: tuple[str, ...] = ()  # names or roles cut to length


# --- parsing and validation -------------------------------------------------------------


def _line(node: yaml.Node | None, first_line: int) -> int | None:
    return None if node is None else first_line + node.start_mark.line


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if str(k.value) == key:
                return cast(yaml.Node, v)
    return None


def _entries(
    value: Any, node: yaml.Node | None, key: str, path: str, first_line: int
) -> list[tuple[dict[str, Any], yaml.Node | None]]:
    """The list under `key`, each entry a mapping, paired with its node."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(
            path, f"'{key}' must be a list of entries (each starting with '- ')", _line(node, first_line)
        )
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [None] * len(value)
    out = []
    for item, item_node in zip(value, nodes, strict=True):
        if not isinstance(item, dict):
            raise SeedError(
                path, f"each entry of '{key}' must be a mapping (key: value)", _line(item_node, first_line)
            )
        out.append(({str(k): v for k, v in item.items()}, item_node))
    return out


def _check_keys(entry: dict[str, Any], spec: dict[str, bool], what: str, path: str, line: int | None) -> None:
    for k in entry:
        if k not in spec:
            allowed = ", ".join(sorted(spec))
            raise SeedError(path, f"unknown key '{k}' in {what} (allowed: {allowed})", line)
    for k, required in spec.items():
        if required and k not in entry:
            raise SeedError(path, f"{what} needs '{k}'", line)


def _str(
    entry: dict[str, Any], key: str, path: str, line: int | None, *, empty_ok: bool = False
) -> str | None:
    if entry.get(key) is None:
        return None
    s = text_value(entry[key], key, path, line)
    if not s and not empty_ok:
        raise SeedError(path, f"'{key}' must not be empty", line)
    return s


def _choice(value: str | None, choices: Sequence[str], key: str, path: str, line: int | None) -> str | None:
    if value is not None and value not in choices:
        raise SeedError(path, f"'{key}' must be one of {', '.join(choices)}, not {value!r}", line)
    return value


def _match(entry: dict[str, Any], path: str, line: int | None) -> str:
    m = _str(entry, "match", path, line)
    if m is None or len(_norm(m)) < 3:
        # A one- or two-letter fragment matches almost anything: surely a mistake.
        raise SeedError(path, "'match' must be a few words of the item's text", line)
    return m


def parse_seed_overrides(
    data: dict[str, Any], node: yaml.Node | None, path: str, first_line: int
) -> SeedOverrides:
    """The override keys of a seed's front matter or sidecar; SeedError on the first problem."""
    rules: dict[str, list[Any]] = {k: [] for k in OVERRIDE_KEYS}
    skipped: list[str] = []
    notices: list[str] = []

    def name(value: str | None, key: str, line: int | None) -> str | None:
        return None if value is None else cap(value, MAX_NAME_CHARS, key, path, line, notices)

    for key in sorted(OVERRIDE_KEYS & set(data)):
        for entry, enode in _entries(data[key], _child(node, key), key, path, first_line):
            line = _line(enode, first_line)
            where = Where(path, line)
            what = f"a '{key}' entry"
            _check_keys(entry, _RULE_KEYS[key], what, path, line)
            if key == "quotes":
                speaker = name(_str(entry, "speaker", path, line), "speaker", line)
                kind = _choice(_str(entry, "kind", path, line), QUOTE_KINDS, "kind", path, line)
                rules[key].append(
                    QuoteRule(_match(entry, path, line), speaker, cast(QuoteKind | None, kind), where)
                )
            elif key == "suppress":
                section = _choice(_str(entry, "section", path, line), SUPPRESSIBLE, "section", path, line)
                rules[key].append(SuppressRule(_match(entry, path, line), section, where))
            elif key == "move":
                to = _choice(_str(entry, "to", path, line), MOVABLE, "to", path, line)
                src = _choice(_str(entry, "from", path, line), MOVABLE, "from", path, line)
                title = name(_str(entry, "title", path, line), "title", line)
                rules[key].append(MoveRule(_match(entry, path, line), cast(str, to), src, title, where))
            else:
                try:
                    add = _parse_add(entry, path, line, where)
                except ImpossibleDate as e:
                    # One wrong date should not cost the editor the seed: the entry
                    # is left out and reported, everything else is built.
                    skipped.append(f"{e}; this 'add' entry is skipped")
                    continue
                rules[key].append(
                    dataclasses.replace(
                        add,
                        title=name(add.title, "title", line),
                        place=name(add.place, "place", line),
                        speaker=name(add.speaker, "speaker", line),
                    )
                )
    return SeedOverrides(
        quotes=tuple(rules["quotes"]),
        suppress=tuple(rules["suppress"]),
        move=tuple(rules["move"]),
        add=tuple(rules["add"]),
        skipped=tuple(skipped),
        notices=tuple(notices),
    )


def _parse_add(entry: dict[str, Any], path: str, line: int | None, where: Where) -> AddRule:
    section = cast(str, _choice(_str(entry, "section", path, line), ADDABLE, "section", path, line))
    text = _str(entry, "text", path, line)
    title = _str(entry, "title", path, line)
    if section == "next":
        if title is None:
            raise SeedError(
                path, "an 'add' entry for section next needs 'title' (the event's short name)", line
            )
        text = text or title
    elif text is None:
        raise SeedError(path, f"an 'add' entry for section {section} needs 'text'", line)
    # An impossible date (ImpossibleDate) skips this entry; "next week" is malformed.
    date = parse_date(entry["date"], path, line, "date") if entry.get("date") else None
    status = _choice(_str(entry, "status", path, line), STATUSES, "status", path, line) or "scheduled"
    kind = _choice(_str(entry, "kind", path, line), QUOTE_KINDS, "kind", path, line) or "direct"
    para = entry.get("paragraph", 1)
    if not isinstance(para, int) or isinstance(para, bool) or para < 1:
        raise SeedError(path, "'paragraph' must be a paragraph number (1 or more)", line)
    for key, allowed_in in {
        "speaker": ("quotes",),
        "kind": ("quotes",),
        "place": ("next",),
        "status": ("next",),
    }.items():
        if key in entry and section not in allowed_in:
            raise SeedError(path, f"'{key}' is only for section {' or '.join(allowed_in)}", line)
    return AddRule(
        section=section,
        text=text,
        title=title,
        date=date,
        place=_str(entry, "place", path, line),
        status=cast(EventStatus, status),
        speaker=_str(entry, "speaker", path, line),
        kind=cast(QuoteKind, kind),
        paragraph=para,
        where=where,
    )


def parse_people(yaml_text: str, path: str) -> People:
    """`content/_data/people.yml`; SeedError (file, line, problem) on the first problem."""
    from .frontmatter import load_document

    data, node = load_document(yaml_text, path, 1)
    if data is None:
        return People()
    if not isinstance(data, dict) or set(map(str, data)) - {"people"}:
        raise SeedError(path, "people.yml must hold one key, 'people', with a list of people", 1)
    entries: list[PersonEntry] = []
    owner: dict[str, str] = {}
    notices: list[str] = []

    def capped(names: tuple[str, ...] | None, key: str, line: int | None) -> tuple[str, ...] | None:
        if names is None:
            return None
        return tuple(cap(n, MAX_NAME_CHARS, key, path, line, notices) for n in names)

    for entry, enode in _entries(data.get("people"), _child(node, "people"), "people", path, 1):
        line = _line(enode, 1)
        _check_keys(entry, _PERSON_KEYS, "a person", path, line)
        name = cap(cast(str, _str(entry, "name", path, line)), MAX_NAME_CHARS, "name", path, line, notices)
        aliases = capped(_str_list(entry, "aliases", path, line), "aliases", line) or ()
        roles = capped(_str_list(entry, "roles", path, line), "roles", line)
        for n in (name, *aliases):
            k = _norm(n)
            if k in owner and owner[k] != name:
                raise SeedError(path, f"'{n}' is listed for both {owner[k]} and {name}", line)
            owner[k] = name
        entries.append(
            PersonEntry(name, tuple(a for a in aliases if _norm(a) != _norm(name)), roles, Where(path, line))
        )
    return People(tuple(entries), tuple(notices))


def _str_list(entry: dict[str, Any], key: str, path: str, line: int | None) -> tuple[str, ...] | None:
    v = entry.get(key)
    if v is None:
        return None
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list):
        raise SeedError(path, f"'{key}' must be a list of names", line)
    out = tuple(text_value(x, key, path, line) for x in v)
    if any(not s for s in out):
        raise SeedError(path, f"'{key}' must not hold empty names", line)
    return out


# --- applying ---------------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def _norm(text: str) -> str:
    """Text as matching sees it: case, spacing and quotation-mark style do not count."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()


def _hits(fragment: str, text: str) -> bool:
    return _norm(fragment) in _norm(text)


def _section_texts(rec: Record, section: str) -> list[str]:
    items: Sequence[Any] = getattr(rec, section)
    if section in ("people", "organizations", "places"):
        return [" / ".join((i.name, *i.aliases)) for i in items]
    if section == "next":
        return [f"{i.title} / {i.text}" for i in items]
    return [i.text for i in items]


def _suppress(rec: Record, rule: SuppressRule) -> tuple[Record, bool]:
    changes: dict[str, Any] = {}
    for section in (rule.section,) if rule.section else SUPPRESSIBLE:
        items: tuple[Any, ...] = getattr(rec, section)
        texts = _section_texts(rec, section)
        kept = tuple(i for i, t in zip(items, texts, strict=True) if not _hits(rule.match, t))
        if len(kept) != len(items):
            changes[section] = kept
    return dataclasses.replace(rec, **changes), bool(changes)


def _as_item(x: Item | NextEvent) -> Item:
    return x if isinstance(x, Item) else Item(x.text, x.provenance, x.date, x.participants)


def _as_event(x: Item | NextEvent, title: str | None) -> NextEvent:
    if isinstance(x, NextEvent):
        return x
    words = x.text.split()
    short = title or " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return NextEvent(x.text, short, x.date, None, "expected", x.provenance, x.parties)


def _pattern(fragment: str) -> re.Pattern[str]:
    """The fragment as a regex over the original text, with matching's leniency."""
    parts = []
    for ch in _norm(fragment):
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


def _move(rec: Record, rule: MoveRule) -> tuple[Record, bool]:
    moved: list[Item | NextEvent] = []
    changes: dict[str, Any] = {}
    for section in (rule.source,) if rule.source else MOVABLE:
        if section == rule.to:
            continue
        items: tuple[Any, ...] = getattr(rec, section)
        texts = _section_texts(rec, section)
        hits = [_hits(rule.match, t) for t in texts]
        if any(hits):
            moved.extend(i for i, h in zip(items, hits, strict=True) if h)
            changes[section] = tuple(i for i, h in zip(items, hits, strict=True) if not h)
    if not moved:
        if any(_hits(rule.match, t) for t in _section_texts(rec, rule.to)):
            return rec, True  # already where the editor wants it: the extractor now agrees
        found = _sentence_in_body(rec, rule.match)
        if found is None:
            return rec, False
        moved.append(found)  # a sentence no section had: the editor puts it in one
    target: tuple[Any, ...] = getattr(rec, rule.to)
    new = tuple(_as_event(m, rule.title) for m in moved) if rule.to == "next" else tuple(map(_as_item, moved))
    changes[rule.to] = target + new
    return dataclasses.replace(rec, **changes), True


def _with_person(rec: Record, name: str | None) -> tuple[Person, ...]:
    if name is None or any(p.name == name for p in rec.people):
        return rec.people
    return (*rec.people, Person(name=name))


def _fix_quote(rec: Record, rule: QuoteRule) -> tuple[Record, bool]:
    hit = False
    out = []
    for q in rec.quotes:
        if _hits(rule.match, q.text):
            hit = True
            q = dataclasses.replace(q, speaker=rule.speaker, kind=rule.kind or q.kind, cue="editor")
        out.append(q)
    if not hit:
        return rec, False
    return dataclasses.replace(rec, quotes=tuple(out), people=_with_person(rec, rule.speaker)), True


def _add(rec: Record, rule: AddRule) -> tuple[Record, str | None]:
    # The item's source link must point at a paragraph that exists, or the
    # strict site build would fail on a broken anchor.
    para = rule.paragraph - 1
    problem = None
    if para >= len(rec.blocks):
        problem = f"paragraph {rule.paragraph} does not exist (the article has {len(rec.blocks)}); using 1"
        para = 0
    prov = Provenance(para, 0, 0)  # an empty span: added by an editor, not found in the text
    if rule.section == "next":
        ev = NextEvent(rule.text, rule.title or rule.text, rule.date, rule.place, rule.status, prov)
        return dataclasses.replace(rec, next=(*rec.next, ev)), problem
    if rule.section == "quotes":
        q = Quote(rule.text, rule.speaker, rule.kind, prov, cue="editor")
        return dataclasses.replace(
            rec, quotes=(*rec.quotes, q), people=_with_person(rec, rule.speaker)
        ), problem
    items: tuple[Item, ...] = getattr(rec, rule.section)
    change: dict[str, Any] = {rule.section: (*items, Item(rule.text, prov, rule.date))}
    return dataclasses.replace(rec, **change), problem


def apply(rec: Record, ov: SeedOverrides) -> tuple[Record, list[str]]:
    """The record with a seed's overrides applied, and a message for every rule that did nothing.

    Order: suppress, then move, then speakers, then additions, so an editor's
    added item is never suppressed or moved by a rule meant for extracted ones.
    """
    stale: list[str] = []

    def unmatched(where: Where, what: str, match: str) -> None:
        stale.append(f"{where}: {what} matches nothing in the article any more: {match!r}")

    for s in ov.suppress:
        rec, ok = _suppress(rec, s)
        if not ok:
            unmatched(s.where, f"suppress{' in ' + s.section if s.section else ''}", s.match)
    for m in ov.move:
        rec, ok = _move(rec, m)
        if not ok:
            unmatched(m.where, f"move to {m.to}", m.match)
    for q in ov.quotes:
        rec, ok = _fix_quote(rec, q)
        if not ok:
            unmatched(q.where, "quote", q.match)
    for a in ov.add:
        rec, problem = _add(rec, a)
        if problem:
            stale.append(f"{a.where}: {problem}")
    return rec, stale


def _lookup(people: People) -> dict[str, PersonEntry]:
    return {_norm(n): e for e in people.entries for n in (e.name, *e.aliases)}


def apply_people(rec: Record, people: People) -> tuple[Record, set[str]]:
    """Canonical names, merged aliases and roles from people.yml; returns the entries used.

    Every person of the record whose name or alias is listed becomes the listed
    person; two that become the same one are merged. Quote speakers, parties and
    participants follow the new names.
    """
    table = _lookup(people)
    if not table:
        return rec, set()
    used: set[str] = set()

    def entry_for(p: Person) -> PersonEntry | None:
        for n in (p.name, *p.aliases):
            e = table.get(_norm(n))
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
        seen = merged.get(name)
        forms = tuple(
            dict.fromkeys(f for f in (*(seen.aliases if seen else ()), p.name, *p.aliases) if f != name)
        )
        roles = tuple(dict.fromkeys((*(seen.roles if seen else ()), *p.roles)))
        if e is not None and e.roles is not None:
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
        e = table.get(_norm(name))
        if e:
            used.add(e.name)
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
    return dataclasses.replace(rec, **changes), used


def unused_people(people: People, used: set[str]) -> list[str]:
    """Messages for people.yml entries that matched no one in any article."""
    return [
        f"{e.where}: {e.name} matches no one in any article" for e in people.entries if e.name not in used
    ]
