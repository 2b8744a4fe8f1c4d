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

Every rule may carry a `note:`, the editor's words (plain text, at most
MAX_NOTE_CHARS), shown with the correction on the page and the Corrections page.

Parsing (here) validates everything with file and line; applying
(corrections.py) is pure.
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
from .model import EventStatus, QuoteKind

# Sections of the record that hold one sentence of the article each.
ITEM_SECTIONS = ("what_happened", "background", "sticking_points", "questions")
MOVABLE = (*ITEM_SECTIONS, "next")
SUPPRESSIBLE = (*MOVABLE, "quotes", "people", "organizations", "places")
ADDABLE = (*MOVABLE, "quotes")
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
STATUSES: tuple[str, ...] = get_args(EventStatus)

# An editor's note on a correction is a sentence or two, shown beside the item.
MAX_NOTE_CHARS = 500

_RULE_KEYS: dict[str, dict[str, bool]] = {  # allowed keys -> required?
    "quotes": {"match": True, "speaker": True, "kind": False, "note": False},
    "suppress": {"match": True, "section": False, "note": False},
    "move": {"match": True, "to": True, "from": False, "title": False, "note": False},
    "add": {
        "note": False,
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
    note: str | None = None  # the editor's words, plain text, shown with the correction


@dataclass(frozen=True)
class SuppressRule:
    match: str
    section: str | None
    where: Where
    note: str | None = None


@dataclass(frozen=True)
class MoveRule:
    match: str
    to: str
    source: str | None  # `from:` in YAML; None: any movable section
    title: str | None  # for a move into `next`: the event's short name
    where: Where
    note: str | None = None


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
    note: str | None = None


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
    if m is None or len(norm(m)) < 3:
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
            note = _str(entry, "note", path, line)
            if note is not None:  # one paragraph of plain text, however the YAML folded it
                note = cap(" ".join(note.split()), MAX_NOTE_CHARS, "note", path, line, notices)
            if key == "quotes":
                speaker = name(_str(entry, "speaker", path, line), "speaker", line)
                kind = _choice(_str(entry, "kind", path, line), QUOTE_KINDS, "kind", path, line)
                rules[key].append(
                    QuoteRule(_match(entry, path, line), speaker, cast(QuoteKind | None, kind), where, note)
                )
            elif key == "suppress":
                section = _choice(_str(entry, "section", path, line), SUPPRESSIBLE, "section", path, line)
                rules[key].append(SuppressRule(_match(entry, path, line), section, where, note))
            elif key == "move":
                to = _choice(_str(entry, "to", path, line), MOVABLE, "to", path, line)
                src = _choice(_str(entry, "from", path, line), MOVABLE, "from", path, line)
                title = name(_str(entry, "title", path, line), "title", line)
                rules[key].append(MoveRule(_match(entry, path, line), cast(str, to), src, title, where, note))
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
                        note=note,
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
            k = norm(n)
            if k in owner and owner[k] != name:
                raise SeedError(path, f"'{n}' is listed for both {owner[k]} and {name}", line)
            owner[k] = name
        entries.append(
            PersonEntry(name, tuple(a for a in aliases if norm(a) != norm(name)), roles, Where(path, line))
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


# --- matching ---------------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def norm(text: str) -> str:
    """Text as matching sees it: case, spacing and quotation-mark style do not count."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()
