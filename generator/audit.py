"""`make audit`: how far a reader can trust the cross-article layer, in figures.

Builds a throwaway project (the politics corpus of ../shared plus this project's
seeds) in a temporary folder, generates its pages (no mkdocs) and reports what a
reader would trip over: duplicate entity pages, pages filed under the wrong type,
events with no real title or a status that ignores time, articles dated by a date
they only mention. `--sample N` prints N pages per type to read (`--sample-seed S`
picks which: read one sample while writing rules, measure on another).

The checks here are deliberately independent of the rules in `corpus.py` and
`resolve_entities.py` (their own normaliser, their own notion of a fragment), so
that the audit can catch what those rules miss.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import corpus as corpus_mod
from . import roles_across
from . import stories as stories_mod
from .linkdata import EVENT_NOUNS, GENERIC_EVENT_NOUNS
from .model import Record

_ARTICLE_STOP = frozenset({"the", "a", "an"})
_PARTY_WORDS = frozenset({"party"})


def audit_key(name: str) -> str:
    """One form for names a reader takes as the same: case, accents, punctuation,
    "the", US/U.S./United States, plurals, a "Party" suffix, middle initials."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\bu\.?\s?s\.?(?=\s|$)", "us", s)
    s = re.sub(r"\bu\.?\s?k\.?(?=\s|$)", "uk", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    s = re.sub(r"\bunited states( of america)?\b", "us", s)
    s = re.sub(r"\bunited kingdom\b", "uk", s)
    words = [w for w in s.split() if w not in _ARTICLE_STOP]
    if len(words) > 1 and words[-1] in _PARTY_WORDS:
        words = words[:-1]
    if len(words) > 2:  # "george w bush" -> "george bush"
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    return " ".join(words)


@dataclass(frozen=True)
class Finding:
    check: str
    detail: str


def duplicate_clusters(c: corpus_mod.Corpus) -> list[list[corpus_mod.Node]]:
    """Pages of one type whose names normalise to the same entity; for people, also a
    bare surname page beside exactly one full name page with that surname."""
    groups: dict[tuple[str, str], list[corpus_mod.Node]] = defaultdict(list)
    for n in c.nodes:
        groups[(n.kind, audit_key(n.name))].append(n)
        # "US Senate" and "Senate" are one page a reader looks for: the last words
        # after a country prefix.
    out = [g for g in groups.values() if len(g) > 1]
    # Same entity under a country prefix ("US Senate" / "Senate").
    for (kind, key), g in list(groups.items()):
        if kind == "organisation" and key.startswith(("us ", "uk ")) and (kind, key[3:]) in groups:
            out.append([*g, *groups[(kind, key[3:])]])
    surnames: dict[str, list[corpus_mod.Node]] = defaultdict(list)
    singles: dict[str, corpus_mod.Node] = {}
    for (kind, key), g in groups.items():
        if kind != "person":
            continue
        if " " in key:
            surnames[key.split()[-1]].extend(g)
        else:
            singles[key] = g[0]
    for last, single in singles.items():
        full = surnames.get(last, [])
        if len(full) == 1:
            out.append([single, full[0]])
    return sorted(out, key=lambda g: (g[0].kind, g[0].name))


def type_contradictions(c: corpus_mod.Corpus) -> list[tuple[corpus_mod.Node, str, Counter[str]]]:
    """Pages whose type is not the one most articles give the name."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for r in c.records:
        for p in r.people:
            labels[audit_key(p.name)]["person"] += 1
        for e in r.organizations:
            labels[audit_key(e.name)]["organisation"] += 1
        for e in r.places:
            labels[audit_key(e.name)]["place"] += 1
    out = []
    for n in c.nodes:
        votes = labels.get(audit_key(n.name))
        if not votes:
            continue
        top, count = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
        if top != n.kind and count > votes[n.kind]:
            out.append((n, top, votes))
    return out


def bad_event_title(title: str) -> str | None:
    """Why an event title is not a title a reader can use, or None."""
    # (not `name_key`: it drops a leading "General" as a title, and "General election"
    # is exactly the qualified title this check must accept)
    words = re.sub(r"[^\w\s-]", " ", title.lower()).split()
    content = [w for w in words if w not in _ARTICLE_STOP]
    if not content:
        return "empty"
    if len(content) == 1 and content[0] in GENERIC_EVENT_NOUNS:
        return "bare generic noun"
    if not any(w in EVENT_NOUNS or w.rstrip("s") in EVENT_NOUNS for w in content):
        return "fragment (no event noun)"
    return None


# How long after its article an undated announcement may still be ahead.
_UNDATED_DAYS = 93


def _still_ahead(e: corpus_mod.Event, c: corpus_mod.Corpus) -> str | None:
    """Why an undated event still reads as ahead: "scheduled"/"expected" though every
    article about it is older than a season before the newest article, or undated."""
    if e.status not in ("scheduled", "expected") or c.as_of is None:
        return None
    newest = max((r.ref.date for r in e.reports if r.ref.date), default=None)
    if newest is None:
        return "its articles have no date"
    try:
        age = dt.date.fromisoformat(c.as_of[:10]) - dt.date.fromisoformat(newest[:10])
    except ValueError:
        return None
    return "its articles are old" if age.days > _UNDATED_DAYS else None


def event_findings(c: corpus_mod.Corpus) -> dict[str, list[corpus_mod.Event]]:
    out: dict[str, list[corpus_mod.Event]] = defaultdict(list)
    for e in c.events:
        why = bad_event_title(e.title)
        if why:
            out[f"title: {why}"].append(e)
        if e.date is None and corpus_mod.is_upcoming(e.date, e.status, c.as_of):
            out["undated and shown as upcoming"].append(e)
        if e.date is None and (why := _still_ahead(e, c)):
            out[f"undated, still scheduled: {why}"].append(e)
        # Past: before the build's "now" (the newest article), whatever the clock says.
        past = e.date is not None and not corpus_mod.is_upcoming(e.date, "scheduled", c.as_of)
        if past and e.status not in corpus_mod.FINAL_STATUSES:
            out["past and not held"].append(e)
        if e.date is None and e.status not in corpus_mod.FINAL_STATUSES:
            out["undated, status not final"].append(e)
    return out


def dated_by_mention(records: Sequence[Record], manifest: dict[str, str]) -> list[tuple[Record, str]]:
    """Articles whose publication date was inferred from the dates they mention;
    with the corpus manifest's date (a year, or "2004/2005") where it disagrees."""
    out = []
    for r in records:
        if r.published_origin != "inferred" or r.published is None:
            continue  # the site shows no date it only inferred (corpus.site_dated)
        known = manifest.get(r.stem, "")
        years = re.findall(r"\d{4}", known)
        wrong = bool(years) and (r.published or "")[:4] not in years
        out.append((r, f"manifest {known}" + (" DISAGREES" if wrong else "")))
    return out


def read_manifest(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3:
            out[Path(cols[0]).stem] = cols[2]
    return out


# What an editor calls a manifest's source ("bbc-politics" is BBC News). Names only:
# the table built from them is the editor's, the check below reads the pages.
_SOURCE_NAMES = {"wikinews": "Wikinews", "bbc": "BBC News"}
_CREDITED = re.compile(r"(?P<licence>CC BY[-A-Z]* (?P<version>\d\.\d)) \((?P<who>[^()]+)\)")


def _credit_of(source: str, licence: str) -> dict[str, str]:
    """A source's name and licence line from a manifest row; a Creative Commons
    attribution licence names whom to credit in brackets and has a deed to link."""
    out = {"name": _SOURCE_NAMES.get(source.split("-")[0], source)}
    m = _CREDITED.fullmatch(licence)
    if m:
        kind = m["licence"].split()[1].lower()
        out |= {"author": m["who"], "licence": m["licence"]}
        out["licence_url"] = f"https://creativecommons.org/licenses/{kind}/{m['version']}/"
    elif licence:
        out["licence"] = licence
    return out


def sources_table(manifest: Path) -> tuple[str, dict[str, bool]]:
    """content/_data/sources.yml for the corpus, as an editor would keep it from the
    manifest (columns file, source, ..., origin, license), and the seeds it credits
    (True for those with a licence).
    A host whose articles all share one credit gets it once, under `hosts`."""
    import yaml

    rows = list(csv.DictReader(manifest.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    by_host: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        host = urlsplit(row["origin"]).hostname if row["origin"].startswith(("http://", "https://")) else None
        if host:
            by_host[host].append(_credit_of(row["source"], row["license"]))
    hosts = {h: cs[0] for h, cs in sorted(by_host.items()) if all(c == cs[0] for c in cs)}
    entries = []
    for row in rows:
        entry = {"seed": row["file"]}
        host = urlsplit(row["origin"]).hostname if row["origin"].startswith(("http://", "https://")) else None
        if host:
            entry["url"] = row["origin"]
        if host not in hosts:
            entry |= _credit_of(row["source"], row["license"])
        entries.append(entry)
    data = {"hosts": [{"host": h, **c} for h, c in hosts.items()], "sources": entries}
    text = "# Built by `make audit` from the corpus manifest, as an editor would keep it.\n"
    known = {Path(r["file"]).stem: bool(r["license"]) for r in rows}
    return text + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), known


_META = re.compile(r'<p class="explainer-meta"[^>]*>(.*?)</p>', re.S)


def uncredited(records: Iterable[Record], pages: dict[str, str], known: dict[str, bool]) -> list[str]:
    """Explainers of a seed whose source is known whose page credits no source (its
    meta line names none), or shows no licence line although the licence is known."""
    out = []
    for r in records:
        if r.stem not in known:
            continue
        m = _META.search(pages.get(f"explainers/{r.slug}.md", ""))
        meta = m.group(1) if m else ""
        if "Source: " not in meta or (known[r.stem] and "Text: " not in meta):
            out.append(r.stem)
    return sorted(out)


def _first_context(r: Record, names: Iterable[str]) -> str:
    for b in r.blocks:
        for n in names:
            i = b.text.find(n)
            if i >= 0:
                return b.text[max(0, i - 70) : i + len(n) + 70].replace("\n", " ")
    return ""


def sample(c: corpus_mod.Corpus, n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for kind in ("person", "organisation", "place"):
        nodes = [x for x in c.nodes if x.kind == kind]
        lines.append(f"== sample of {min(n, len(nodes))} {kind} pages (of {len(nodes)})")
        for x in sorted(rng.sample(nodes, min(n, len(nodes))), key=lambda x: x.slug):
            ctx = _first_context(c.record(x.articles[0]), (x.name, *x.aliases)) if x.articles else ""
            aka = f" aka {', '.join(x.aliases[:5])}" if x.aliases else ""
            lines.append(f"- {x.name}{aka} [{len(x.articles)} art.] :: {ctx}")
    lines.append(f"== sample of {min(n, len(c.events))} events (of {len(c.events)})")
    for e in sorted(rng.sample(list(c.events), min(n, len(c.events))), key=lambda e: e.slug):
        lines.append(
            f"- {e.title} | {e.date} | {e.status} | {len(e.articles)} art. :: {e.reports[0].text[:140]}"
        )
    return lines


def report(c: corpus_mod.Corpus, pages: int, manifest: dict[str, str], verbose: bool) -> list[str]:
    kinds = Counter(n.kind for n in c.nodes)
    out = [
        f"articles {len(c.records)}, pages {pages}",
        f"entity pages: person {kinds['person']}, organisation {kinds['organisation']}, "
        f"place {kinds['place']}; events {len(c.events)}; timeline entries {len(c.timeline)}",
    ]
    dups = duplicate_clusters(c)
    out.append(f"duplicate clusters: {len(dups)} ({sum(len(g) for g in dups)} pages)")
    if verbose:
        out += [f"  {g[0].kind}: " + " | ".join(sorted({x.name for x in g})) for g in dups]
    wrong = type_contradictions(c)
    out.append(f"type contradicts the corpus: {len(wrong)}")
    if verbose:
        out += [f"  {n.name} filed as {n.kind}, mostly {top} {dict(v)}" for n, top, v in wrong]
    ev = event_findings(c)
    for k in sorted(ev):
        out.append(f"events {k}: {len(ev[k])}")
        if verbose:
            out += [f"  {e.title!r} {e.date} {e.status}" for e in ev[k][:40]]
    dm = dated_by_mention(c.records, manifest)
    bad = [x for x in dm if x[1].endswith("DISAGREES")]
    out.append(f"articles dated by a mentioned date: {len(dm)} (disagreeing with the manifest: {len(bad)})")
    out += [f"  {r.stem}: published {r.published} ({why})" for r, why in (dm if verbose else bad)]
    old = [t for t in c.timeline if t.date[:4].isdigit() and int(t.date[:4]) < 1990]
    out.append(f"timeline entries before 1990: {len(old)}")
    out += story_and_role_figures(c, verbose)
    return out


def story_and_role_figures(c: corpus_mod.Corpus, verbose: bool = False) -> list[str]:
    """Stories (how many, how many articles they hold, the largest) and people whose
    roles the articles spell more than one way, before and after `roles_across`."""
    found = stories_mod.build(c)
    largest = max(found, key=lambda s: (len(s.articles), s.slug), default=None)
    out = [
        f"stories {len(found)}, articles in stories {sum(len(s.articles) for s in found)}"
        f" (of {len(c.records)}), largest {len(largest.articles) if largest else 0}"
        + (f" ({largest.title})" if largest else "")
    ]
    if verbose:
        out += [
            f"  {s.title} [{len(s.articles)}]: " + " | ".join(c.record(a).title for a in s.articles)
            for s in found
        ]
    counts = [roles_across.forms_count(n.roles) for n in c.nodes if n.kind == "person"]
    out.append(
        f"persons with more than one role form: {sum(b > 1 for b, _ in counts)} as given, "
        f"{sum(a > 1 for _, a in counts)} once merged; role forms {sum(b for b, _ in counts)} -> "
        f"{sum(a for _, a in counts)}"
    )
    return out


def build_project(shared: Path, seeds: Path, into: Path) -> Path:
    """A project folder holding the politics corpus and the seeds given."""
    (into / "seeds").mkdir(parents=True)
    for p in sorted((shared / "corpus" / "politics").glob("*.txt")):
        shutil.copy(p, into / "seeds" / p.name)
    for p in sorted(seeds.iterdir()):
        if p.is_file():
            shutil.copy(p, into / "seeds" / p.name)
    return into


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.audit", description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--sample", type=int, default=0, help="print N random pages per type (fixed seed)")
    ap.add_argument(
        "--sample-seed",
        type=int,
        default=0,
        help="seed of the sample: read with one, measure with another (rules read from one overfit it)",
    )
    ap.add_argument("--verbose", "-v", action="store_true", help="list every finding")
    ap.add_argument(
        "--cache", type=Path, default=Path(".cache/explainer/audit-records"), help="records cache (kept)"
    )
    ap.add_argument("--no-sources", action="store_true", help="audit without the sources table (a baseline)")
    args = ap.parse_args(argv)
    if not (args.shared / "corpus" / "politics").is_dir():
        print(f"audit: skipped, no corpus at {args.shared}/corpus/politics", file=sys.stderr)
        return 0
    from . import pipeline, render, sources, writer

    with tempfile.TemporaryDirectory(prefix="explainer-audit-") as tmp:
        root = build_project(args.shared, Path("seeds"), Path(tmp))
        manifest_path = args.shared / "corpus" / "politics" / "manifest.tsv"
        table_text, known = sources_table(manifest_path) if manifest_path.is_file() else ("", {})
        table_path = root / "content" / "_data" / "sources.yml"
        table_path.parent.mkdir(parents=True)
        if not args.no_sources:
            table_path.write_text(table_text, encoding="utf-8")
        table, table_errors = sources.load(table_path, "content/_data/sources.yml")
        ex = pipeline.run(root / "seeds", root, args.cache)
        records = sources.apply_all(ex.records, table)
        c = corpus_mod.build(records)
        pages = render.render_site(records, corpus=c)
        writer.write(root / "content", pages)
        manifest = read_manifest(manifest_path)
        lines = report(c, len(pages), manifest, args.verbose)
        lines += [f"  sources.yml: {e}" for e in table_errors]
        bare = uncredited(records, pages, known)
        lines.append(
            f"explainers with no source credit where the source is known: {len(bare)} (of {len(known)})"
        )
        if args.verbose:
            lines += [f"  {stem}" for stem in bare]
        timeline = pages.get("timeline.md", "")
        lines.append(f"timeline page: {len(timeline.encode()) // 1024} KB")
        if args.sample:
            lines += sample(c, args.sample, args.sample_seed)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
