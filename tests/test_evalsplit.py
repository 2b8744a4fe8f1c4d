"""evalsplit --per-cue: speaker accuracy per cue, on gold made up here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import evalsplit
from generator.evalsplit import CueTally, Matcher, per_cue

from .conftest import SHARED


def _same_words(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(len(wa), len(wb)) if wa and wb else 0.0


def _same_name(pred: str | None, gold: dict[str, object]) -> bool:
    return pred == gold["name"]


PLAIN = Matcher(_same_words, _same_name)

GOLD: dict[str, object] = {
    "quotes": [
        {"text": "we will win the vote", "speaker": {"name": "Ann Lee"}},
        {"text": "nobody saw it coming", "speaker": {"name": "Bo Tan"}},
        {"text": "the plan is dead", "speaker": {"name": "Ann Lee"}},
        {"text": "an unscored line here", "speaker": {"name": "X", "unscored": True}},
        {"text": "a quote nobody found at all"},
    ]
}
RECORD: dict[str, object] = {
    "quotes": [
        {"text": "we will win the vote", "speaker": "Ann Lee", "cue": "speech verb after"},
        {"text": "nobody saw it coming", "speaker": "Ann Lee", "cue": "speech verb after"},
        {"text": "the plan is dead", "speaker": "Ann Lee", "cue": "continues previous quote"},
        {"text": "an unscored line here", "speaker": "Y", "cue": "speech verb after"},
        {"text": "an extra quote no gold has", "speaker": "Ann Lee", "cue": "lead-in paragraph"},
    ]
}


def test_each_cue_counts_its_matched_quotes_and_the_right_speakers() -> None:
    got = per_cue([(GOLD, RECORD)], PLAIN)
    # The wrong "Bo Tan" counts against its cue; the unscored, unmatched and extra quotes count nowhere.
    assert got == {
        "speech verb after": CueTally(right=1, matched=2),
        "continues previous quote": CueTally(right=1, matched=1),
    }


def test_a_quote_without_speaker_is_right_only_when_gold_has_none() -> None:
    gold: dict[str, object] = {"quotes": [{"text": "a b c d"}, {"text": "e f g h", "speaker": {"name": "Z"}}]}
    record: dict[str, object] = {"quotes": [{"text": "a b c d"}, {"text": "e f g h"}]}
    assert per_cue([(gold, record)], PLAIN) == {"none": CueTally(right=1, matched=2)}


def test_a_record_quote_is_matched_to_one_gold_quote_only() -> None:
    gold: dict[str, object] = {"quotes": [{"text": "one two three", "speaker": {"name": "A"}}] * 2}
    record: dict[str, object] = {
        "quotes": [{"text": "one two three", "speaker": "A", "cue": "speech verb after"}]
    }
    assert per_cue([(gold, record)], PLAIN) == {"speech verb after": CueTally(right=1, matched=1)}


def test_lines_put_the_most_used_cue_first() -> None:
    tallies = {"lead-in paragraph": CueTally(1, 1), "speech verb after": CueTally(3, 4)}
    lines = evalsplit.cue_lines("dev-A", tallies)
    assert [line.split(maxsplit=3)[3] for line in lines] == ["speech verb after", "lead-in paragraph"]
    assert lines[0].split()[1:3] == ["3/4", "0.75"]


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared")
def test_with_score_py_own_matching_on_files(tmp_path: Path) -> None:
    golds, records = tmp_path / "gold", tmp_path / "records"
    golds.mkdir()
    records.mkdir()
    gold = {
        "article": "x.txt",
        "quotes": [{"text": "“We will win,” she said", "speaker": {"name": "Ann Lee"}}],
    }
    (golds / "x.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (golds / "y.gold.json").write_text(json.dumps(gold), encoding="utf-8")  # no record: nothing matched
    record = {"quotes": [{"text": "We will win", "speaker": "Ann Lee", "cue": "speech verb after"}]}
    (records / "x.json").write_text(json.dumps(record), encoding="utf-8")
    score, matcher = evalsplit.load_scorer(SHARED)
    pairs = evalsplit.read_pairs(golds, records, tmp_path, score)
    assert per_cue(pairs, matcher) == {"speech verb after": CueTally(right=1, matched=1)}
