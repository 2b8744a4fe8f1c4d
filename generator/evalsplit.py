"""Score the dev set in two fixed halves, so a rule written from one half is checked on the other.

    python -m generator.evalsplit [--shared DIR] [--extra-gold DIR] [--per-cue] [-v]

Half A holds the gold files at even positions of the sorted file list, half B the
odd ones. Rules are written while reading half A; a rule is kept only if half B
agrees. Needs `../shared` (the evaluation data lives there, not in the project).

`--extra-gold DIR` also scores a held-out gold folder (tests/gold-wn: articles of
shared/corpus that no rule was written from) as the set "wn-held", in the same
run of the extractor, and prints its line after the two halves.

`--per-cue` also scores polnear and prints, per set and per `Quote.cue` value (the
CUES table's row that named the speaker, "none" for no speaker), how many of the
quotes matched to a gold quote had the right speaker: which cue to read first when
speaker accuracy drops. Matching and name checks are score.py's own functions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

MEASURES = ("quotes", "people", "dates", "background", "sticking_points", "next")
RATIOS = ("speaker_acc", "role_acc", "next_date_acc")
HELD = "wn-held"
# score.py's threshold: a record quote sharing this much of a gold quote's words is it.
MATCH = 0.6
NO_CUE = "none"


def halves(gold_dir: Path) -> dict[str, list[Path]]:
    """The two halves: even and odd positions of the sorted gold files."""
    files = sorted(gold_dir.glob("*.gold.json"))
    return {"A": files[0::2], "B": files[1::2]}


def summary(name: str, figures: dict[str, object]) -> str:
    """One line in the evaluation's own summary format."""
    parts = []
    for key in MEASURES:
        entry = figures.get(key)
        if isinstance(entry, dict):
            parts.append(f"{key}={entry['f1']:.2f}")
    for key in RATIOS:
        value = figures.get(key)
        if isinstance(value, float):
            parts.append(f"{key}={value:.2f}")
    return f"{name:8} {' '.join(parts)}"


@dataclass(frozen=True)
class Matcher:
    """How score.py pairs quotes and judges a speaker: its functions, passed in."""

    overlap: Callable[[str, str], float]
    name_ok: Callable[[str | None, dict[str, object]], bool]


@dataclass
class CueTally:
    right: int = 0
    matched: int = 0


def per_cue(pairs: Iterable[tuple[dict[str, object], dict[str, object]]], m: Matcher) -> dict[str, CueTally]:
    """Per cue, the gold-matched quotes and how many had the right speaker.

    `pairs` holds (gold, record) per article. Quotes pair as score.py pairs them:
    each gold quote, in order, takes the unused record quote of greatest word
    overlap, if at least MATCH; an unscored gold speaker counts for nothing.
    """
    out: dict[str, CueTally] = {}
    for gold, record in pairs:
        pred = [q for q in _list(record.get("quotes")) if isinstance(q, dict)]
        used: set[int] = set()
        for g in _list(gold.get("quotes")):
            if not isinstance(g, dict):
                continue
            best, best_i = 0.0, -1
            for i, p in enumerate(pred):
                if i not in used:
                    o = m.overlap(str(g.get("text") or ""), str(p.get("text") or ""))
                    if o > best:
                        best, best_i = o, i
            if best < MATCH:
                continue
            used.add(best_i)
            want = g.get("speaker")
            if isinstance(want, dict) and want.get("unscored"):
                continue
            said = pred[best_i].get("speaker")
            name = said if isinstance(said, str) else None
            ok = m.name_ok(name, want) if isinstance(want, dict) else name is None
            tally = out.setdefault(str(pred[best_i].get("cue") or NO_CUE), CueTally())
            tally.matched += 1
            tally.right += int(ok)
    return out


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def cue_lines(name: str, tallies: dict[str, CueTally]) -> list[str]:
    """One line per cue, most matched first (then by name, so the order is fixed)."""
    rows = sorted(tallies.items(), key=lambda kv: (-kv[1].matched, kv[0]))
    return [f"{name:8} {t.right:4}/{t.matched:<4} {t.right / t.matched:.2f}  {cue}" for cue, t in rows]


def load_scorer(shared: Path) -> tuple[ModuleType, Matcher]:
    """score.py of ../shared, imported from its file (it is no package)."""
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, Matcher(mod.overlap, mod.name_ok)


def read_pairs(
    golds: Path, records: Path, articles: Path, score: ModuleType
) -> list[tuple[dict[str, object], dict[str, object]]]:
    """(gold, record) per gold file; a missing or unreadable record is an empty one."""
    pairs: list[tuple[dict[str, object], dict[str, object]]] = []
    for gp in sorted(golds.glob("*.gold.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        score.resolve_offsets(gold, articles)  # gold quotes given as offsets get their text
        rp = records / f"{gp.name[: -len('.gold.json')]}.json"
        try:
            record = json.loads(rp.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        pairs.append((gold, record))
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--extra-gold", type=Path, metavar="DIR", help=f"also score this gold folder as {HELD!r}")
    ap.add_argument("--per-cue", action="store_true", help="speaker accuracy per cue, polnear too")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    shared = a.shared.resolve()
    gold_dir = shared / "eval" / "gold-dev"
    if not gold_dir.is_dir():
        print(f"evalsplit: no gold at {gold_dir}", file=sys.stderr)
        return 2
    extra = a.extra_gold.resolve() if a.extra_gold else None
    if extra is not None and not any(extra.glob("*.gold.json")):
        print(f"evalsplit: no gold at {extra}", file=sys.stderr)
        return 2
    corpus = shared / "corpus"
    with tempfile.TemporaryDirectory(prefix="evalsplit-") as tmp:
        keep = Path(tmp) / "records"
        sets = "dev,polnear" if a.per_cue else "dev"
        cmd = [sys.executable, str(shared / "eval" / "evaluate.py"), "--sets", sets, "--keep", str(keep)]
        if extra is not None:
            # One evaluate.py run for both sets: the extractor is started once per set either way.
            cmd += ["--extra", f"{HELD}={extra}:{corpus}"]
        subprocess.run(cmd, check=True, capture_output=True)
        scored: list[tuple[str, Path, Path, Path]] = []
        for name, files in halves(gold_dir).items():
            half = Path(tmp) / f"gold-{name}"
            half.mkdir()
            for f in files:
                (half / f.name).symlink_to(f)
            scored.append((f"dev-{name}", half, keep / "dev", corpus))
        if extra is not None:
            scored.append((HELD, extra, keep / HELD, corpus))
        lines = []
        for label, golds, records, _ in scored:
            out = Path(tmp) / f"score-{label}.json"
            args = [sys.executable, str(shared / "eval" / "score.py"), str(golds), str(records)]
            args += ["--articles", str(corpus), "--json", str(out)]
            if a.verbose:
                args.append("-v")
            proc = subprocess.run(args, check=True, capture_output=True, text=True)
            if a.verbose:
                print(f"=== {label}\n{proc.stdout}")
            lines.append(summary(label, json.loads(out.read_text(encoding="utf-8"))))
        if a.per_cue:
            polnear = shared / "eval" / "polnear-dev"
            scored.append(("polnear", polnear / "gold", keep / "polnear", polnear))
            score, matcher = load_scorer(shared)
            lines.append("")
            for label, golds, records, articles in scored:
                lines += cue_lines(label, per_cue(read_pairs(golds, records, articles, score), matcher))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
