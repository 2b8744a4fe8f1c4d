"""Measure web-page seeds against the text a human extracted: `python -m generator.html_eval`.

Reads the saved news pages of ../shared/corpus/html (never copied into the
project: they belong to their publishers), runs them through `explainer extract`
exactly as seeds, and compares each record's `body` with `*.expected.txt` by
token F1. The seed text (htmlseed's output, before clean.py) is scored too, and
`--verbose` lists the paragraphs clean.py dropped, so the effect of cleaning is visible.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens: punctuation and whitespace differences are not errors."""
    return _TOKEN.findall(text.lower())


def token_f1(expected: str, got: str) -> float:
    """F1 of the two texts' token multisets (1.0 when both are empty)."""
    exp, pred = Counter(tokens(expected)), Counter(tokens(got))
    if not exp and not pred:
        return 1.0
    common = sum((exp & pred).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(exp.values())
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class PageScore:
    stem: str
    raw_f1: float  # the seed text htmlseed makes of the page, before clean.py
    body_f1: float  # the record's body, as `explainer extract` writes it
    title: str
    published: str | None
    site: str | None
    has_url: bool
    dropped: tuple[str, ...]  # seed-text paragraphs that clean.py removed from the body


def pages(corpus: Path) -> list[Path]:
    """The saved pages that come with a human-extracted text."""
    return sorted(p for p in corpus.glob("*.html") if p.with_suffix(".expected.txt").is_file())


def _raw_text(page: Path) -> str:
    from . import ingest

    return ingest.read(page).text


def _records(page_paths: Sequence[Path], work: Path) -> dict[str, dict[str, object]]:
    """Run `explainer extract` on copies in a temporary folder (deleted afterwards)."""
    from .cli import main

    seeds, out = work / "seeds", work / "out"
    seeds.mkdir()
    for p in page_paths:
        shutil.copy(p, seeds / p.name)
    main(["extract", str(seeds), "--out", str(out), "--quiet", "--no-cache", "--jobs", "1"])
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))}


def evaluate(corpus: Path) -> list[PageScore]:
    found = pages(corpus)
    with tempfile.TemporaryDirectory(prefix="html-eval-") as tmp:
        records = _records(found, Path(tmp))
    scores = []
    for page in found:
        expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        rec = records.get(page.stem, {})
        raw, body = _raw_text(page), str(rec.get("body", ""))
        source = rec.get("source")
        src: dict[str, object] = source if isinstance(source, dict) else {}
        kept = set(body.split("\n\n"))
        scores.append(
            PageScore(
                stem=page.stem,
                raw_f1=token_f1(expected, raw),
                body_f1=token_f1(expected, body),
                title=str(rec.get("title") or ""),
                published=str(rec["published"]) if rec.get("published") else None,
                site=str(src["site_name"]) if src.get("site_name") else None,
                has_url=bool(src.get("url")),
                dropped=tuple(p for p in raw.split("\n\n") if p not in kept),
            )
        )
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.html_eval", description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.html + *.expected.txt")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list what clean.py dropped")
    args = ap.parse_args(argv)
    if not pages(args.corpus):
        print(f"html_eval: no saved pages with expected text in {args.corpus}", file=sys.stderr)
        return 2
    scores = evaluate(args.corpus)
    print(f"{'page':42} {'seed':>5} {'body':>5}  {'published':10}  {'site':18} title")
    for s in scores:
        print(
            f"{s.stem:42} {s.raw_f1:.3f} {s.body_f1:.3f}  {s.published or '-':10}  "
            f"{(s.site or '-')[:18]:18} {s.title[:50]!r}"
        )
        for line in s.dropped if args.verbose else ():
            print(f"    dropped by clean.py: {line[:100]!r}")
    n = len(scores)
    print(
        f"\n{n} pages: mean token F1 of the seed text {sum(s.raw_f1 for s in scores) / n:.4f}, "
        f"of the record body {sum(s.body_f1 for s in scores) / n:.4f} "
        f"(min {min(s.body_f1 for s in scores):.3f}); titles {sum(1 for s in scores if s.title)}/{n}, "
        f"dates {sum(1 for s in scores if s.published)}/{n}, URLs {sum(s.has_url for s in scores)}/{n}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
