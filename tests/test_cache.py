"""The record cache: an address for everything a record depends on, and nothing else."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from generator import cache as cache_mod
from generator import ingest, nlp, record_json
from generator.cache import RecordCache
from generator.model import Block, Record, Source, SourceMeta

TEXT = b"Talks Resume\n\nThe talks resumed on Monday, officials said.\n"


def source(data: bytes = TEXT, name: str = "talks.txt") -> Source:
    return ingest.parse(data, name, Path(name).stem)


def record_of(src: Source) -> Record:
    return Record(
        stem=src.stem,
        slug="talks-resume",
        title="Talks Resume",
        body=src.text,
        published=None,
        published_origin="none",
        source=src.meta,
        sha256=src.sha256,
        blocks=(Block("paragraph", "The talks resumed on Monday, officials said."),),
        boilerplate=(),
    )


@pytest.fixture
def cache(tmp_path: Path) -> RecordCache:
    return RecordCache(tmp_path / "records", model="en_core_web_sm-3.8.0")


def test_a_stored_record_comes_back_byte_for_byte(cache: RecordCache) -> None:
    src = source()
    assert cache.get_for(src) is None
    cache.put_for(src, record_of(src))
    hit = cache.get_for(src)
    assert hit is not None
    assert record_json.dumps(hit) == record_json.dumps(record_of(src))


def test_the_key_is_stable_and_changes_with_the_seed_bytes(cache: RecordCache) -> None:
    assert cache.key(source()) == cache.key(source())
    assert cache.key(source(TEXT + b"More.\n")) != cache.key(source())


def test_a_renamed_seed_is_a_hit_under_its_new_stem(cache: RecordCache) -> None:
    src = source()
    cache.put_for(src, record_of(src))
    hit = cache.get_for(source(name="renamed.txt"))
    assert hit is not None and hit.stem == "renamed"


def test_the_same_bytes_read_as_another_format_are_a_miss(cache: RecordCache) -> None:
    # The suffix decides how bytes are read (text, Markdown, HTML): a different record.
    src = source()
    cache.put_for(src, record_of(src))
    assert cache.key(source(name="talks.md")) != cache.key(src)


def test_metadata_from_outside_the_bytes_is_part_of_the_key(cache: RecordCache) -> None:
    # A sidecar can change what a seed says about itself without touching its bytes.
    src = source()
    other = dataclasses.replace(src, meta=SourceMeta(published="2025-09-01"))
    assert cache.key(other) != cache.key(src)


def test_another_model_or_extractor_code_misses(
    tmp_path: Path, cache: RecordCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = source()
    cache.put_for(src, record_of(src))
    assert RecordCache(cache.folder, model="en_core_web_sm-3.9.0").get_for(src) is None
    monkeypatch.setattr(cache_mod, "code_fingerprint", lambda: "changed extractor")
    assert cache.get_for(src) is None


def test_the_fingerprint_covers_every_file_of_the_extractor() -> None:
    pkg = Path(cache_mod.__file__).parent
    assert (pkg / "extract" / "__init__.py").is_file()
    assert len(cache_mod.code_fingerprint()) == 64
    for m in cache_mod._RECORD_MODULES:
        assert (pkg / m).is_file(), f"{m} is listed in the cache key but does not exist"


def test_a_damaged_entry_is_a_miss_not_an_error(cache: RecordCache) -> None:
    src = source()
    cache.put_for(src, record_of(src))
    for f in cache.folder.rglob("*.json"):
        f.write_text('{"stem": ')
    assert cache.get_for(src) is None
    cache.put_for(src, record_of(src))  # and is simply replaced
    assert cache.get_for(src) is not None


def test_the_cache_can_be_deleted_at_any_time(cache: RecordCache) -> None:
    src = source()
    cache.put_for(src, record_of(src))
    shutil.rmtree(cache.folder)
    assert cache.get_for(src) is None
    cache.put_for(src, record_of(src))
    assert cache.get_for(src) is not None


def test_no_temporary_files_are_left_behind(cache: RecordCache) -> None:
    src = source()
    cache.put_for(src, record_of(src))
    cache.put_for(src, record_of(src))
    assert [p.suffix for p in cache.folder.rglob("*") if p.is_file()] == [".json"]


def test_other_pipeline_components_miss(cache: RecordCache, monkeypatch: pytest.MonkeyPatch) -> None:
    """Turning a component of the same model on or off (the lemmatizer, say) changes
    what the extractor sees, so records made either way never stand in for the other."""
    src = source()
    cache.put_for(src, record_of(src))
    assert cache.get_for(src) is not None
    monkeypatch.setattr(nlp, "DISABLED", ("lemmatizer",))
    assert cache.get_for(src) is None
    monkeypatch.undo()
    monkeypatch.setattr(nlp, "VERB_LEMMAS", {})
    assert cache.get_for(src) is None
