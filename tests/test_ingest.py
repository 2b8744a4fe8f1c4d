"""Reading seeds: bad files are rejected with one clear line, odd encodings are read right."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator import ingest, pipeline
from generator.errors import SeedError


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n  \n", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "empty article"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("unclosed.md", b"---\ntitle: T\nText without a closing fence.\n", "front matter is not closed"),
        ("broken.md", b"---\ntitle: [T\n---\nText.\n", "malformed YAML"),
        ("list.md", b"---\n- a\n- b\n---\nText.\n", "must be a mapping"),
        ("unknown.md", b"---\ntitle: T\nauthr: X\n---\nText.\n", "unknown key 'authr'"),
        ("date.md", b"---\npublished: next week\n---\nText.\n", "'published' must be a date"),
        ("url.md", b"---\nsource: {url: 'javascript:alert(1)'}\n---\nText.\n", "must start with http"),
        ("only-fm.md", b"---\ntitle: T\n---\n\n", "empty article"),
        (
            "python.md",
            b"---\ntitle: !!python/object/apply:os.system ['true']\n---\nText.\n",
            "malformed YAML",
        ),
    ],
)
def test_bad_seeds_are_rejected_with_one_line_naming_the_file(name: str, data: bytes, problem: str) -> None:
    with pytest.raises(SeedError) as e:
        ingest.parse(data, f"seeds/{name}", Path(name).stem)
    message = str(e.value)
    assert message.startswith(f"seeds/{name}") and problem in message
    assert "\n" not in message


def test_front_matter_errors_give_the_line_in_the_file() -> None:
    with pytest.raises(SeedError) as e:
        ingest.parse(b"---\ntitle: T\n\ntags: [a\n---\nText.\n", "seeds/a.md", "a")
    assert e.value.line is not None and 4 <= e.value.line <= 5


def test_every_other_seed_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Title\n\nThe talks resumed on Monday.\n")
    (tmp_path / "bad.md").write_bytes(b"---\nnope: 1\n---\nText.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    sources, rejected = pipeline.read_seeds(ingest.discover(tmp_path), tmp_path)
    assert [s.stem for s in sources] == ["good"]
    assert sorted(r.path for r in rejected) == ["bad.md", "empty.txt"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Title\n\n“Quoted,” she said – café.".encode("cp1252"), "“Quoted,” she said – café."),
        ("Title\n\nA café in Zürich.".encode("latin-1"), "A café in Zürich."),
        (b"\xef\xbb\xbfTitle\r\n\r\nLine one.\r\nLine two.\r\n", "Line one.\nLine two."),
        (
            "Title\n\nNa\u200brendra Mo\u200ddi met \u202eofficials\u202c.".encode(),
            "Narendra Modi met officials.",
        ),
        ("Title\n\nBidi \u2066isolated\u2069 and \u200fmarks\u200e.".encode(), "Bidi isolated and marks."),
        ("\ufeffTitle\n\nLine\u2028break.".encode("utf-16"), "Line\nbreak."),
        ("Title\n\nCafe\u0301 and soft\u00adhyphen.".encode(), "Café and softhyphen."),
    ],
)
def test_legacy_encodings_and_invisible_characters_are_normalised(data: bytes, expected: str) -> None:
    src = ingest.parse(data, "seeds/a.txt", "a")
    assert src.text.endswith(expected)
    assert "\r" not in src.text and "\ufeff" not in src.text


def test_a_file_beyond_the_byte_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(ingest.MAX_SEED_BYTES + 1)  # sparse: costs nothing to make
    with pytest.raises(SeedError, match=r"too large .* the limit is 2,000,000"):
        ingest.read(big, "seeds/big.txt")


def test_an_article_beyond_the_text_limit_is_refused_quickly() -> None:
    line = ("word " * 70_000).encode()  # one 350 KB line without punctuation
    t0 = time.perf_counter()
    with pytest.raises(SeedError, match=r"article too long .* the limit is 100,000"):
        ingest.parse(b"Title\n\n" + line, "seeds/huge.txt", "huge")
    assert time.perf_counter() - t0 < 2


def test_over_long_paragraphs_are_split_at_sentence_ends_else_spaces() -> None:
    sentences = "This is a sentence. " * 600  # 12,000 characters in one paragraph
    out = ingest.split_long_paragraphs(sentences.strip(), 5_000)
    parts = out.split("\n\n")
    assert len(parts) == 3 and all(len(p) <= 5_000 and p.endswith(".") for p in parts)
    words = ingest.split_long_paragraphs("abc " * 3_000, 5_000).split("\n\n")
    assert all(len(p) <= 5_000 for p in words) and "".join(words).replace(" ", "") == "abc" * 3_000
    solid = ingest.split_long_paragraphs("x" * 12_000, 5_000).split("\n\n")
    assert [len(p) for p in solid] == [5_000, 5_000, 2_000]


def test_a_long_line_without_punctuation_is_extracted_in_bounded_time() -> None:
    from .conftest import analyse_text

    analyse_text("warm up")  # the model loads once per process; do not time it
    line = " ".join(["talks", "tariffs", "summit", "minister", "border"] * 3_000)  # ~ 100 KB
    t0 = time.perf_counter()
    rec = analyse_text("A Title\n\n" + line[:15_000])
    assert time.perf_counter() - t0 < 20
    assert max(len(b.text) for b in rec.blocks) <= ingest.MAX_PARAGRAPH_CHARS


def test_a_seed_linking_outside_the_seeds_folder_is_refused(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nTOPSECRET build machine credentials.\n")
    (seeds / "evil.txt").symlink_to(secret)
    (seeds / "real.txt").write_text("Real\n\nThe talks resumed.\n")
    (seeds / "alias.txt").symlink_to(seeds / "real.txt")  # a link inside the folder is fine
    sources, rejected = pipeline.read_seeds(ingest.discover(seeds), tmp_path)
    assert sorted(s.stem for s in sources) == ["alias", "real"]
    assert [r.reason for r in rejected] == [
        "seeds/evil.txt: a link to a file outside the seeds folder; copy the file in instead"
    ]
