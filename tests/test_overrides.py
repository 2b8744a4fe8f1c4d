"""Editors' corrections: parsing with file and line, and applying them to records (pure)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import corrections, ingest, overrides
from generator.errors import SeedError
from generator.model import Edit, Item, NextEvent, Person, Provenance, Quote, Record, SourceMeta


def _p(n: int) -> Provenance:
    return Provenance(n, 0, 10)


def record(**kw: object) -> Record:
    base: dict[str, object] = {
        "stem": "s",
        "slug": "s",
        "title": "T",
        "body": "",
        "published": None,
        "published_origin": "none",
        "source": SourceMeta(),
        "sha256": "0" * 64,
        "blocks": (),
        "boilerplate": (),
    }
    base.update(kw)
    return Record(**base)  # type: ignore[arg-type]


def rules(text: str, path: str = "seeds/a.yml") -> overrides.SeedOverrides:
    data = yaml.safe_load(text)
    node = yaml.compose(text)
    return overrides.parse_seed_overrides(data, node, path, 1)


# --- validation -------------------------------------------------------------------------


def test_rules_are_parsed_with_the_line_they_were_written_on() -> None:
    ov = rules(
        "quotes:\n"
        "  - match: always be friends\n"
        "    speaker: Donald Trump\n"
        "suppress:\n"
        "  - section: background\n"
        "    match: a wrong item\n"
        "move:\n"
        "  - match: the tariff dispute\n"
        "    to: sticking_points\n"
        "add:\n"
        "  - section: next\n"
        "    title: ASEAN summit\n"
        "    date: 2025-10-26\n"
        "    place: Kuala Lumpur\n"
    )
    assert ov.quotes[0].speaker == "Donald Trump" and str(ov.quotes[0].where) == "seeds/a.yml:2"
    assert ov.suppress[0].section == "background" and ov.suppress[0].where.line == 5
    assert ov.move[0].to == "sticking_points" and ov.move[0].where.line == 8
    add = ov.add[0]
    assert (add.title, add.date, add.place, add.where.line) == (
        "ASEAN summit",
        "2025-10-26",
        "Kuala Lumpur",
        11,
    )


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("quotes:\n  - match: always friends\n    speakr: X\n", "unknown key 'speakr'", 2),
        ("quotes:\n  - match: always friends\n", "needs 'speaker'", 2),
        ("suppress:\n  - match: abc def\n    section: backgrund\n", "'section' must be one of", 2),
        ("suppress:\n  - match: a\n", "'match' must be a few words", 2),
        ("suppress: {match: abc}\n", "'suppress' must be a list", 1),
        ("suppress:\n  - just a string\n", "must be a mapping", 2),
        ("move:\n  - match: abc def\n    to: quotes\n", "'to' must be one of", 2),
        ("add:\n  - section: next\n    date: 2025-10-26\n", "needs 'title'", 2),
        ("add:\n  - section: background\n", "needs 'text'", 2),
        ("add:\n  - section: next\n    title: X\n    date: soon\n", "'date' must be a date", 2),
        ("add:\n  - section: background\n    text: X\n    place: Y\n", "'place' is only for section next", 2),
        ("add:\n  - section: next\n    title: X\n    paragraph: 0\n", "'paragraph' must be", 2),
        ("add:\n  - section: quotes\n    text: X\n    kind: rumour\n", "'kind' must be one of", 2),
        ("quotes:\n  - match: abc def\n    speaker: [A, B]\n", "'speaker' must be text", 2),
    ],
)
def test_a_bad_rule_names_file_line_and_problem(text: str, problem: str, line: int) -> None:
    with pytest.raises(SeedError) as e:
        rules(text)
    assert problem in e.value.problem
    assert e.value.path == "seeds/a.yml" and e.value.line == line


def test_a_sidecar_corrects_metadata_and_carries_overrides(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Old Title\n\nThe talks resumed on Monday.\n")
    plain = ingest.read(tmp_path / "a.txt", "seeds/a.txt")
    (tmp_path / "a.yml").write_text(
        "title: New Title\nslug: new-slug\npublished: 2025-09-06\nsuppress:\n  - match: talks resumed\n"
    )
    src, ov = ingest.read_with_overrides(tmp_path / "a.txt", "seeds/a.txt")
    assert (src.meta.title, src.meta.slug, src.meta.published) == ("New Title", "new-slug", "2025-09-06")
    assert ov.suppress[0].where == overrides.Where("seeds/a.yml", 5)
    # Metadata changes what extraction produces, so it is part of the cache key.
    assert src.sha256 != plain.sha256


def test_a_sidecar_with_corrections_only_keeps_the_cache_key(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Old Title\n\nThe talks resumed on Monday.\n")
    before = ingest.read(tmp_path / "a.txt").sha256
    (tmp_path / "a.yml").write_text("suppress:\n  - match: talks resumed\n")
    # No metadata in the sidecar: the cached record is still good; corrections apply after it.
    assert ingest.read(tmp_path / "a.txt").sha256 == before


@pytest.mark.parametrize(
    ("sidecar", "problem", "line"),
    [
        ("titel: X\n", "unknown key 'titel'", 1),
        ("title: X\ntitle: Y\n", "key 'title' is given twice", 2),
        ("a: &x [1]\nb: *x\n", "aliases", 2),
        ("title: [unclosed\n", "malformed YAML", 1),
        ("suppress:\n  - match: ab\n", "'match' must be a few words", 2),
    ],
)
def test_an_invalid_sidecar_rejects_its_seed_naming_the_sidecar(
    tmp_path: Path, sidecar: str, problem: str, line: int
) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nText of the article.\n")
    (tmp_path / "a.yml").write_text(sidecar)
    with pytest.raises(SeedError) as e:
        ingest.read(tmp_path / "a.txt", "seeds/a.txt")
    assert problem in e.value.problem
    assert (e.value.path, e.value.line) == ("seeds/a.yml", line)


def test_override_keys_are_allowed_in_front_matter_and_validated_there() -> None:
    good = b"---\ntitle: T\nsuppress:\n  - match: wrong item\n---\nText.\n"
    src, ov = ingest.parse_with_overrides(good, "seeds/a.md", "a")
    assert src.meta.title == "T" and ov.suppress[0].where == overrides.Where("seeds/a.md", 4)
    bad = b"---\ntitle: T\nsupress:\n  - match: wrong item\n---\nText.\n"
    with pytest.raises(SeedError, match=r"seeds/a.md:3: unknown key 'supress'"):
        ingest.parse(bad, "seeds/a.md", "a")


# --- applying ---------------------------------------------------------------------------


def test_suppress_in_a_section_leaves_the_others() -> None:
    r = record(
        background=(Item("The wrong item here.", _p(1)), Item("A right one.", _p(2))),
        sticking_points=(Item("The wrong item here.", _p(1)),),
    )
    out, stale = corrections.apply(r, rules("suppress:\n  - section: background\n    match: WRONG  item\n"))
    assert [i.text for i in out.background] == ["A right one."]
    assert len(out.sticking_points) == 1 and stale == []
    everywhere, _ = corrections.apply(r, rules("suppress:\n  - match: wrong item\n"))
    assert everywhere.sticking_points == () and len(everywhere.background) == 1


def test_matching_ignores_the_style_of_quotation_marks() -> None:
    r = record(questions=(Item("Will “the deal” hold?", _p(0)),))
    out, _ = corrections.apply(r, rules("suppress:\n  - match: 'will \"the deal\" hold'\n"))
    assert out.questions == ()


def test_move_between_sections_and_into_next() -> None:
    r = record(
        background=(Item("Tariffs remain a dispute.", _p(1), date="2025-08"), Item("Old news.", _p(2))),
        questions=(Item("Leaders will meet in Kuala Lumpur in October.", _p(3)),),
    )
    ov = rules(
        "move:\n  - match: tariffs remain\n    to: sticking_points\n"
        "  - match: leaders will meet\n    to: next\n    title: ASEAN summit\n"
    )
    out, stale = corrections.apply(r, ov)
    assert [i.text for i in out.sticking_points] == ["Tariffs remain a dispute."]
    assert [i.text for i in out.background] == ["Old news."]
    assert out.questions == () and stale == []
    assert out.next[0].title == "ASEAN summit" and out.next[0].provenance == _p(3)


def test_a_quote_gets_the_editors_speaker_who_joins_the_people() -> None:
    q = Quote("We will never agree to this.", "Someone Else", "direct", _p(4))
    out, stale = corrections.apply(
        record(quotes=(q,)), rules("quotes:\n  - match: never agree\n    speaker: Jane Doe\n")
    )
    assert out.quotes[0].speaker == "Jane Doe" and out.quotes[0].cue == "editor"
    assert [p.name for p in out.people] == ["Jane Doe"] and stale == []
    unattributed, _ = corrections.apply(
        record(quotes=(q,)), rules("quotes:\n  - match: never agree\n    speaker:\n")
    )
    assert unattributed.quotes[0].speaker is None


def test_added_items_point_at_an_existing_paragraph() -> None:
    from generator.model import Block

    r = record(blocks=(Block("paragraph", "One."), Block("paragraph", "Two.")))
    ov = rules(
        "add:\n"
        "  - section: next\n    title: Vote\n    date: 2025-11\n    place: Geneva\n    paragraph: 2\n"
        "  - section: background\n    text: The pact dates from 1999.\n    date: 1999\n    paragraph: 9\n"
        "  - section: quotes\n    text: We are ready.\n    speaker: Jane Doe\n"
    )
    out, problems = corrections.apply(r, ov)
    added = Edit("added")
    assert out.next == (
        NextEvent("Vote", "Vote", "2025-11", "Geneva", "scheduled", Provenance(1, 0, 0), edit=added),
    )
    assert out.background[0].provenance.paragraph == 0 and out.background[0].date == "1999"
    assert out.quotes[0].speaker == "Jane Doe" and "Jane Doe" in [p.name for p in out.people]
    assert problems == ["seeds/a.yml:7: paragraph 9 does not exist (the article has 2); using 1"]


def test_a_rule_that_no_longer_matches_is_reported_with_its_line() -> None:
    ov = rules(
        "suppress:\n  - match: gone from the article\nquotes:\n  - match: not a quote\n    speaker: X\n"
    )
    out, stale = corrections.apply(record(), ov)
    assert out == record()
    assert stale == [
        "seeds/a.yml:2: suppress matches nothing in the article any more: 'gone from the article'",
        "seeds/a.yml:4: quote matches nothing in the article any more: 'not a quote'",
    ]


# --- site-wide people -------------------------------------------------------------------

PEOPLE = """people:
  - name: Narendra Modi
    aliases: [Modi, PM Modi]
    roles: [Prime Minister of India]
  - name: Jane Roe
"""


def test_people_merges_aliases_into_the_canonical_name_everywhere() -> None:
    people = overrides.parse_people(PEOPLE, "content/_data/people.yml")
    r = record(
        people=(
            Person("Modi", roles=("PM",), mentions=2),
            Person("Narendra Modi", aliases=("NaMo",), mentions=1),
        ),
        quotes=(Quote("We stand ready.", "Modi", "direct", _p(1)),),
        sticking_points=(Item("Trade.", _p(2), parties=("Modi", "Narendra Modi", "Trump")),),
        next=(NextEvent("Talks.", "Talks", None, None, "expected", _p(3), participants=("PM Modi",)),),
    )
    out, used = corrections.apply_people(r, people)
    assert out.people == (
        Person("Narendra Modi", roles=("Prime Minister of India",), aliases=("Modi", "NaMo"), mentions=3),
    )
    assert out.quotes[0].speaker == "Narendra Modi"
    assert out.sticking_points[0].parties == ("Narendra Modi", "Trump")
    assert out.next[0].participants == ("Narendra Modi",)
    assert used == {"Narendra Modi"}
    assert corrections.unused_people(people, used) == [
        "content/_data/people.yml:5: Jane Roe matches no one in any article"
    ]


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("people:\n  - name: A B\n    alias: [A]\n", "unknown key 'alias'", 2),
        ("people:\n  - aliases: [A]\n", "needs 'name'", 2),
        ("persons: []\n", "one key, 'people'", 1),
        (
            "people:\n  - name: A B\n    aliases: [Ab]\n  - name: C D\n    aliases: [ab]\n",
            "both A B and C D",
            4,
        ),
        ("people:\n  - name: A B\n    roles: {x: 1}\n", "'roles' must be a list", 2),
    ],
)
def test_a_bad_people_file_names_line_and_problem(text: str, problem: str, line: int) -> None:
    with pytest.raises(SeedError) as e:
        overrides.parse_people(text, "content/_data/people.yml")
    assert problem in e.value.problem and e.value.line == line


# --- through the command line -----------------------------------------------------------

ARTICLE = (
    "Ministers Meet in Geneva\n\n"
    "Trade ministers met in Geneva on Monday to discuss tariffs.\n\n"
    '"We will not accept these tariffs," said Jane Doe, the trade minister.\n\n'
    "The two sides remain divided over farm subsidies.\n"
)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from generator.cli import main

    status = main(args)
    return status, capsys.readouterr().err


def test_check_validates_seeds_sidecars_people_and_notes_without_building(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / "good.txt").write_text(ARTICLE)
    ok, err = _run(["check", "--project", str(project)], capsys)
    assert ok == 0 and "1 seeds checked, 0 with problems" in err
    (project / "seeds" / "good.yml").write_text(
        "suppress:\n  - section: backgound\n    match: farm subsidies\n"
    )
    (project / "seeds" / "gone.yml").write_text("title: Orphan\n")
    data = project / "content" / "_data"
    (data / "notes").mkdir(parents=True)
    (data / "people.yml").write_text("people:\n  - name: Jane Doe\n    aliasses: [Doe]\n")
    (data / "notes" / "x.md").write_bytes(b"\x00\x01binary")
    status, err = _run(["check", "--project", str(project)], capsys)
    assert status == 1
    assert (
        "rejected seeds/good.yml:2: 'section' must be one of" in err and "seeds/good.txt is not built" in err
    )
    assert "content/_data/people.yml:2: unknown key 'aliasses' in a person" in err
    assert "content/_data/notes/x.md: binary file" in err
    assert "seeds/gone.yml: sidecar of no seed" in err
    assert not (project / "content" / "explainers").exists()  # nothing was built


def test_new_starts_a_seed_that_check_accepts_once_the_text_is_pasted(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new", "--project", str(project), "Talks  resume\nin Geneva", "--published", "2025-09-06"]
    status, err = _run([*args, "--url", "https://example.com/a"], capsys)
    seed = project / "seeds" / "2025-09-06-talks-resume-in-geneva.md"
    assert status == 0 and seed.exists() and "explainer check" in err
    src, ov = ingest.parse_with_overrides(seed.read_bytes() + b"The talks resumed.\n", str(seed), seed.stem)
    assert (src.meta.title, src.meta.published, src.meta.url) == (
        "Talks resume in Geneva",
        "2025-09-06",
        "https://example.com/a",
    )
    assert not ov and "# suppress:" in seed.read_text()  # the format is there, commented out
    status, err = _run(["check", "--project", str(project)], capsys)
    assert status == 1 and "empty article" in err  # until the text is pasted
    assert _run(args, capsys)[0] == 2 and seed.exists()  # never overwritten
    assert _run(["new", "--project", str(project), "X", "--published", "../../etc"], capsys)[0] == 2
    assert _run(["new", "--project", str(project), "X", "--url", "javascript:x"], capsys)[0] == 2
    assert sorted(p.name for p in (project / "seeds").iterdir()) == [seed.name]


def test_generate_applies_corrections_and_reports_stale_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / "geneva.txt").write_text(ARTICLE)
    (project / "seeds" / "geneva.yml").write_text(
        "title: Ministers Meet\n"
        "quotes:\n  - match: will not accept\n    speaker: Janet Doe\n"
        "suppress:\n  - match: no longer in the article\n"
        "add:\n  - section: next\n    title: Second round\n    date: 2025-10\n    place: Geneva\n"
    )
    (project / "content" / "_data").mkdir()
    (project / "content" / "_data" / "people.yml").write_text(
        "people:\n  - name: Janet Doe\n    roles: [Trade Minister]\n"
    )
    status, err = _run(["generate", "--project", str(project), "--quiet"], capsys)
    assert status == 0
    assert "seeds/geneva.yml:6: suppress matches nothing in the article any more" in err
    page = (project / "content" / "explainers" / "ministers-meet.md").read_text()
    assert "# Ministers Meet\n" in page
    assert "Janet Doe" in page and "Trade Minister" in page and "Second round" in page


def test_an_edited_page_is_kept_until_forced_and_then_backed_up(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / "geneva.txt").write_text(ARTICLE)
    assert _run(["generate", "--project", str(project), "--quiet"], capsys)[0] == 0
    page = project / "content" / "explainers" / "ministers-meet-in-geneva.md"
    page.write_text(page.read_text().replace("Geneva", "Genf"))
    status, err = _run(["generate", "--project", str(project), "--quiet"], capsys)
    assert status == 0 and "Genf" in page.read_text()
    assert "content/explainers/ministers-meet-in-geneva.md was edited after it was generated" in err
    assert "move the change into an override" in err and "--force" in err
    assert "content/_data/notes/explainers/ministers-meet-in-geneva.md" in err
    status, err = _run(["generate", "--project", str(project), "--quiet", "--force"], capsys)
    assert status == 0 and "Genf" not in page.read_text()
    backups = list((project / ".cache" / "backups").rglob("*.md"))
    assert len(backups) == 1 and "Genf" in backups[0].read_text() and "backed up" in err


def test_corrections_in_a_markdown_seeds_front_matter_apply_too(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = ARTICLE.split("\n\n", 1)[1]
    (project / "seeds" / "geneva.md").write_text(
        "---\ntitle: Geneva Talks\nslug: geneva\n"
        "move:\n  - match: remain divided over farm subsidies\n    to: sticking_points\n"
        "suppress:\n  - match: met in Geneva on Monday\n    section: what_happened\n"
        "---\n" + body
    )
    status, err = _run(["generate", "--project", str(project), "--quiet"], capsys)
    assert status == 0 and "matches nothing" not in err
    page = (project / "content" / "explainers" / "geneva.md").read_text()
    what = page.split("## What happened", 1)[1].split("\n## ", 1)[0]
    sticking = page.split("## Sticking points", 1)[1].split("\n## ", 1)[0]
    assert "met in Geneva on Monday" not in what
    assert "remain divided over farm subsidies" in sticking


def test_a_move_whose_item_is_already_in_place_is_not_stale() -> None:
    r = record(sticking_points=(Item("Tariffs remain a dispute.", _p(1)),))
    out, stale = corrections.apply(r, rules("move:\n  - match: tariffs remain\n    to: sticking_points\n"))
    assert out == r and stale == []


def test_a_move_can_take_a_sentence_no_section_had_from_the_article() -> None:
    from generator.model import Block

    blocks = (
        Block("paragraph", "Talks began. The sides remain “deeply” divided over farm subsidies. Next."),
    )
    r = record(blocks=blocks)
    out, stale = corrections.apply(
        r, rules("move:\n  - match: 'remain \"deeply\" divided'\n    to: sticking_points\n")
    )
    assert out.sticking_points == (
        Item(
            "The sides remain “deeply” divided over farm subsidies.",
            Provenance(0, 13, 67),
            edit=Edit("moved"),
        ),
    )
    assert stale == []
    _, stale = corrections.apply(r, rules("move:\n  - match: not in the article\n    to: sticking_points\n"))
    assert len(stale) == 1


def test_extract_exports_the_corrected_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "geneva.txt").write_text(ARTICLE)
    (seeds / "geneva.yml").write_text("quotes:\n  - match: will not accept\n    speaker: Janet Doe\n")
    status, _ = _run(["extract", str(seeds), "--out", str(tmp_path / "out"), "--quiet"], capsys)
    assert status == 0
    rec = json.loads((tmp_path / "out" / "geneva.json").read_text())
    assert [q["speaker"] for q in rec["quotes"]] == ["Janet Doe"]


def test_corrections_in_a_text_seed_with_bom_and_crlf_front_matter_apply(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = ARTICLE.split("\n\n", 1)[1]
    fm = "---\ntitle: Geneva\nquotes:\n  - match: will not accept\n    speaker: Janet Doe\n---\n"
    (project / "seeds" / "geneva.txt").write_bytes(
        b"\xef\xbb\xbf" + (fm + body).replace("\n", "\r\n").encode()
    )
    assert _run(["generate", "--project", str(project), "--quiet"], capsys)[0] == 0
    assert "Janet Doe" in (project / "content" / "explainers" / "geneva.md").read_text()
