"""`make audit`: the checks that tell a reader's trust in the linked layer in figures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator import audit, corpus
from generator.model import Record
from generator.slugs import slugify

from .records import entity, person, record


def test_names_a_reader_takes_as_one_share_an_audit_key() -> None:
    forms = ["U.S. Senate", "US Senate", "United States Senate", "the US Senates"]
    assert {audit.audit_key(f) for f in forms} == {"us senate"}
    assert audit.audit_key("Labour Party") == audit.audit_key("Labour")
    assert audit.audit_key("Erdoğan") == audit.audit_key("Erdogan")
    assert audit.audit_key("George W. Bush") == audit.audit_key("George Bush")
    assert audit.audit_key("Labour") != audit.audit_key("Liberal")


def _corpus(
    recs: list[Record], nodes: tuple[corpus.Node, ...] = (), events: tuple[corpus.Event, ...] = ()
) -> corpus.Corpus:
    """A corpus as given (not as `corpus.build` would link it): the audit must judge any."""
    as_of = max((r.published for r in recs if r.published), default=None)
    return corpus.Corpus(tuple(recs), nodes, events, (), (), (), as_of=as_of)


def _org(name: str) -> corpus.Node:
    return corpus.Node("organisation", slugify(name), name, (), ("a",))


def test_duplicate_clusters_find_variants_and_a_country_prefix() -> None:
    nodes = tuple(_org(n) for n in ("Senate", "Senates", "United States Senate", "World Bank"))
    names = [sorted({n.name for n in g}) for g in audit.duplicate_clusters(_corpus([record("a")], nodes))]
    assert ["Senate", "Senates", "United States Senate"] in names
    assert not any("World Bank" in g for g in names)


def test_a_page_filed_against_the_corpus_majority_is_reported() -> None:
    recs = [record(f"p{i}", "2019-01-01", places=(entity("Wales"),)) for i in range(3)]
    recs.append(record("o", "2019-01-02", organizations=(entity("Wales"),)))
    wales_org = corpus.Node("organisation", "wales", "Wales", (), ("o",))
    wales_place = corpus.Node("place", "wales", "Wales", (), ("p0", "p1", "p2"))
    wrong = audit.type_contradictions(_corpus(recs, (wales_org, wales_place)))
    assert [(n.kind, top) for n, top, _ in wrong] == [("organisation", "place")]


def test_event_titles_a_reader_cannot_use() -> None:
    assert audit.bad_event_title("Election") == "bare generic noun"
    assert audit.bad_event_title("Bill take") == "fragment (no event noun)"
    assert audit.bad_event_title("General election") is None
    assert audit.bad_event_title("Senate impeachment trial") is None


def _event(title: str, date: str | None, status: str, article: str, published: str) -> corpus.Event:
    rep = corpus.EventReport(corpus.Ref(article, 1, published), "text", title, date, None, status)
    return corpus.Event(slugify(title), title, date, None, status, (rep,), ())


def test_past_and_undated_upcoming_events_are_counted() -> None:
    recs = [record("a", "2019-01-01"), record("b", "2019-06-01")]
    events = (
        _event("Budget statement", "2019-02-01", "scheduled", "a", "2019-01-01"),
        _event("Spending review", "2019-03-01", "held", "a", "2019-01-01"),
        _event("Party conference", None, "scheduled", "a", "2019-01-01"),
        _event("Leadership contest", None, "scheduled", "b", "2019-06-01"),
        _event("State visit", "2019-09-01", "scheduled", "b", "2019-06-01"),
    )
    found = audit.event_findings(_corpus(recs, events=events))
    assert [e.title for e in found["past and not held"]] == ["Budget statement"]
    assert [e.title for e in found["undated, still scheduled: its articles are old"]] == ["Party conference"]
    assert "undated and shown as upcoming" not in found


def test_an_inferred_date_that_disagrees_with_the_manifest_is_flagged() -> None:
    r = dataclasses.replace(record("old-story", "2001-09-11"), published_origin="inferred")
    ok = dataclasses.replace(record("new-story", "2005-02-01"), published_origin="inferred")
    got = dict(
        (x.stem, why)
        for x, why in audit.dated_by_mention([r, ok], {"old-story": "2004/2005", "new-story": "2004/2005"})
    )
    assert got["old-story"].endswith("DISAGREES")
    assert not got["new-story"].endswith("DISAGREES")


def test_without_the_shared_corpus_the_audit_skips_with_a_message(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert audit.main(["--shared", str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().err


def test_the_sample_is_the_same_every_run() -> None:
    c = corpus.build([record(f"a{i}", "2019-01-01", people=(person(f"Person Number{i}"),)) for i in range(9)])
    assert audit.sample(c, 3) == audit.sample(c, 3)
    assert sum(line.startswith("- ") for line in audit.sample(c, 3)) == 3


def test_story_and_role_figures_count_stories_and_merged_role_forms() -> None:
    ferry = (person("Mara Lindqvist", "US President"), person("Olle Strand"))
    records = [
        record("a", "2026-03-02", people=ferry, organizations=(entity("Harbour Council"),)),
        record(
            "b",
            "2026-03-05",
            people=(person("Mara Lindqvist", "President of the United States"), person("Olle Strand")),
            organizations=(entity("Harbour Council"),),
        ),
        record("c", "2026-03-06", people=(person("Jonas Berg", "Mayor", "mayor of Lowtown"),)),
    ]
    stories, roles = audit.story_and_role_figures(corpus.build(records))
    assert stories == "stories 1, articles in stories 2 (of 3), largest 2 (Mara Lindqvist and Olle Strand)"
    assert roles == "persons with more than one role form: 2 as given, 0 once merged; role forms 4 -> 2"
