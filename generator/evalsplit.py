"""Score the dev set in two fixed halves, so a rule written from one half is checked on the other.

    python -m generator.evalsplit [--shared DIR] [--extra-gold DIR] [-v]

Half A holds the gold files at even positions of the sorted file list, half B the
odd ones. Rules are written while reading half A; a rule is kept only if half B
agrees. Needs `../shared` (the evaluation data lives there, not in the project).

`--extra-gold DIR` also scores a held-out gold folder (tests/gold-wn: articles of
shared/corpus that no rule was written from) as the set "wn-held", in the same
run of the extractor, and prints its line after the two halves.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURES = ("quotes", "people", "dates", "background", "sticking_points", "next")
RATIOS = ("speaker_acc", "role_acc", "next_date_acc")
HELD = "wn-held"


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--extra-gold", type=Path, metavar="DIR", help=f"also score this gold folder as {HELD!r}")
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
        cmd = [sys.executable, str(shared / "eval" / "evaluate.py"), "--sets", "dev", "--keep", str(keep)]
        if extra is not None:
            # One evaluate.py run for both sets: the extractor is started once per set either way.
            cmd += ["--extra", f"{HELD}={extra}:{corpus}"]
        subprocess.run(cmd, check=True, capture_output=True)
        scored: list[tuple[str, Path, Path]] = []
        for name, files in halves(gold_dir).items():
            half = Path(tmp) / f"gold-{name}"
            half.mkdir()
            for f in files:
                (half / f.name).symlink_to(f)
            scored.append((f"dev-{name}", half, keep / "dev"))
        if extra is not None:
            scored.append((HELD, extra, keep / HELD))
        lines = []
        for label, golds, records in scored:
            out = Path(tmp) / f"score-{label}.json"
            args = [sys.executable, str(shared / "eval" / "score.py"), str(golds), str(records)]
            args += ["--articles", str(corpus), "--json", str(out)]
            if a.verbose:
                args.append("-v")
            proc = subprocess.run(args, check=True, capture_output=True, text=True)
            if a.verbose:
                print(f"=== {label}\n{proc.stdout}")
            lines.append(summary(label, json.loads(out.read_text(encoding="utf-8"))))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
