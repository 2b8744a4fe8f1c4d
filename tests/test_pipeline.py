"""Seeds -> records: streamed, parallel, cached, and the same bytes whichever way it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import clean, ingest, nlp, pipeline, record_json

ARTICLES = [
    (
        "Talks Resume in Geneva",
        "Foreign Minister Anna Berg said on Monday that the talks would resume in Geneva. "
        '"We are ready to listen," Berg told reporters. The meeting is scheduled for March 3.',
    ),
    (
        "Port Strike Ends",
        "Dock workers in Rotterdam ended a week-long strike on Friday, the union said. "
        "Union leader Piet de Vries called the deal fair. Shipping firms expect delays until April.",
    ),
    (
        "Budget Vote Delayed",
        "The parliament of Norway postponed its budget vote, Prime Minister Jonas Lie said on Tuesday. "
        '"We need more time," he said. The opposition said the delay was a mistake.',
    ),
    (
        "Talks Resume in Geneva",  # the same title: a slug clash to settle
        "Negotiators from both sides returned to Geneva on Wednesday, a spokesman said. "
        "No date has been set for a final agreement.",
    ),
    (
        "Flood Aid Approved",
        "The European Commission approved flood aid for Slovenia on Thursday. "
        "Commissioner Maria Costa said the money would arrive within weeks.",
    ),
]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for i, (title, body) in enumerate(ARTICLES):
        (folder / f"{i:02d}-article.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks and a pool even for a handful of seeds, so both paths are exercised."""
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    monkeypatch.setattr(pipeline, "MIN_PARALLEL", 2)


def dumps(ex: pipeline.Extraction) -> list[str]:
    return [record_json.dumps(r) for r in ex.records]


@pytest.mark.usefixtures("small_chunks")
def test_parallel_extraction_gives_byte_identical_records(seeds: Path) -> None:
    serial = pipeline.run(seeds, seeds.parent, None, n_process=1)
    parallel = pipeline.run(seeds, seeds.parent, None, n_process=2)
    assert len(serial.records) == len(ARTICLES)
    assert dumps(parallel) == dumps(serial)


@pytest.mark.usefixtures("small_chunks")
def test_a_full_cache_hit_loads_no_model(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = seeds.parent / "cache"
    first = pipeline.run(seeds, seeds.parent, cache)
    assert first.analysed == len(ARTICLES)

    def no_model() -> Any:
        raise AssertionError("the model was loaded although every record was cached")

    monkeypatch.setattr(nlp, "load", no_model)
    again = pipeline.run(seeds, seeds.parent, cache, n_process=2)
    assert again.analysed == 0
    assert dumps(again) == dumps(first)


@pytest.mark.usefixtures("small_chunks")
def test_only_a_changed_seed_is_analysed_again(seeds: Path) -> None:
    cache = seeds.parent / "cache"
    pipeline.run(seeds, seeds.parent, cache)
    changed = seeds / "02-article.txt"
    changed.write_text(changed.read_text() + "\nThe vote is now expected in May.\n")
    again = pipeline.run(seeds, seeds.parent, cache)
    assert again.analysed == 1
    assert "expected in May" in again.records[2].body


@pytest.mark.usefixtures("small_chunks")
def test_records_match_the_in_memory_path_slugs_included(seeds: Path) -> None:
    sources, _ = pipeline.read_seeds(ingest.discover(seeds), seeds.parent)
    records, analysed = pipeline.extract_all(sources, None)
    streamed = pipeline.run(seeds, seeds.parent, None)
    assert analysed == len(ARTICLES)
    assert [record_json.dumps(r) for r in records] == dumps(streamed)
    # Slugs settled after the stream are those `assign_slugs` gives the whole corpus.
    expected = pipeline.assign_slugs(sources, [clean.clean(s) for s in sources])
    assert [r.slug for r in streamed.records] == expected
    assert len(set(expected)) == len(expected)


@pytest.mark.usefixtures("small_chunks")
def test_seeds_are_read_a_chunk_at_a_time(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    read = pipeline.read_seeds

    def spy(paths: Any, root: Path, listing: Any = None) -> Any:
        sizes.append(len(paths))
        return read(paths, root, listing)

    monkeypatch.setattr(pipeline, "read_seeds", spy)
    pipeline.run(seeds, seeds.parent, None)
    assert sizes == [2, 2, 1]


@pytest.mark.usefixtures("small_chunks")
def test_a_rejected_seed_does_not_stop_the_others(seeds: Path) -> None:
    (seeds / "01-article.txt").write_text("   \n")
    ex = pipeline.run(seeds, seeds.parent, None, n_process=2)
    assert [r.path for r in ex.rejected] == ["seeds/01-article.txt"]
    assert len(ex.records) == len(ARTICLES) - 1


def test_a_build_lists_the_seeds_folder_once_and_reads_each_seed_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Corrections travel on the seed as read (Source.overrides): neither seeds/ nor a
    sidecar is read a second time to apply them after the record cache."""
    import json

    from generator import commands
    from generator.progress import Progress
    from generator.project import Project

    seeds = project / "seeds"
    for i, (title, body) in enumerate(ARTICLES):
        (seeds / f"{i:02}-article.txt").write_text(f"{title}\n\n{body}\n")
    (seeds / "00-article.yml").write_text(
        'quotes:\n  - match: "ready to listen"\n    speaker: Ola Nordmann\n'
    )
    listings: list[Path] = []
    reads: list[str] = []
    list_seeds, read_bytes = ingest.list_seeds, ingest._read_bytes

    def listing_spy(folder: Path) -> ingest.Listing:
        listings.append(folder)
        return list_seeds(folder)

    def read_spy(path: Path, display: str) -> bytes:
        reads.append(path.name)
        return read_bytes(path, display)

    monkeypatch.setattr(ingest, "list_seeds", listing_spy)
    monkeypatch.setattr(ingest, "_read_bytes", read_spy)
    out = project / "records"
    commands.extract(seeds, out, Project(project), jobs=1, progress=Progress(False), use_cache=False)
    assert listings == [seeds]
    assert sorted(reads) == sorted(p.name for p in seeds.iterdir())
    record = json.loads((out / "00-article.json").read_text(encoding="utf-8"))
    assert [q["speaker"] for q in record["quotes"]] == ["Ola Nordmann"]  # the sidecar's correction
