"""The corpus layer: one node per person, organisation, place, event and issue across articles."""

from __future__ import annotations

from generator import corpus

from .records import entity, event, item, person, quote, record


def _people(c: corpus.Corpus) -> dict[str, corpus.Node]:
    return {n.slug: n for n in c.nodes if n.kind == "person"}


def test_a_short_name_in_one_article_joins_the_full_name_in_another() -> None:
    c = corpus.build(
        [
            record("a", "2025-09-01", people=(person("Narendra Modi", "Prime Minister", aliases=("Modi",)),)),
            record("b", "2025-09-05", people=(person("Modi"),)),
            record("c", "2025-09-06", people=(person("Mr Modi"),)),
        ]
    )
    people = _people(c)
    assert list(people) == ["narendra-modi"]
    assert people["narendra-modi"].articles == ("a", "b", "c")
    assert c.link("b", "Modi") == c.link("c", "Mr Modi") == "people/narendra-modi.md"


def test_people_who_share_a_surname_are_never_merged() -> None:
    c = corpus.build(
        [
            record("a", "2019-10-01", people=(person("Boris Johnson", aliases=("Johnson",)),)),
            record("b", "2005-03-01", people=(person("Alan Johnson", aliases=("Johnson",)),)),
            record("c", "2019-11-01", people=(person("Alan Johnson"),)),
        ]
    )
    assert set(_people(c)) == {"boris-johnson", "alan-johnson"}


def test_a_bare_surname_stays_apart_when_two_people_could_be_meant() -> None:
    c = corpus.build(
        [
            record("a", "2019-10-01", people=(person("Boris Johnson"),)),
            record("b", "2019-10-02", people=(person("Alan Johnson"),)),
            record("c", "2019-10-03", people=(person("Johnson"),)),
        ]
    )
    assert c.link("c", "Johnson") == "people/johnson.md"


def test_a_bare_surname_goes_to_the_full_name_in_the_same_article() -> None:
    c = corpus.build(
        [
            record("a", "2019-10-01", people=(person("Boris Johnson"),)),
            record("b", "2019-10-02", people=(person("Alan Johnson"), person("Mr Johnson"))),
        ]
    )
    assert c.link("b", "Mr Johnson") == "people/alan-johnson.md"


def test_a_surname_from_another_era_is_not_given_to_a_namesake() -> None:
    c = corpus.build(
        [
            record("a", "2019-10-01", people=(person("Boris Johnson"),)),
            record("b", "1966-01-01", people=(person("Johnson"),)),
        ]
    )
    assert c.link("b", "Johnson") == "people/johnson.md"


def test_roles_carry_the_date_of_the_article_that_gives_them() -> None:
    c = corpus.build(
        [
            record("a", "2019-07-24", people=(person("Boris Johnson", "Conservative leader"),)),
            record("b", "2019-10-08", people=(person("Boris Johnson", "Prime Minister"),)),
        ]
    )
    (node,) = c.nodes
    assert [(s.role, s.date, s.article) for s in node.roles] == [
        ("Conservative leader", "2019-07-24", "a"),
        ("Prime Minister", "2019-10-08", "b"),
    ]


def test_places_named_by_an_alias_elsewhere_are_one_place() -> None:
    c = corpus.build(
        [
            record("a", "2025-01-01", places=(entity("United States", "US"),)),
            record("b", "2025-01-02", places=(entity("United States"),)),
            record("c", "2025-01-03", places=(entity("US"),)),
        ]
    )
    places = [n for n in c.nodes if n.kind == "place"]
    assert [p.name for p in places] == ["United States"]
    assert places[0].articles == ("a", "b", "c")


def test_a_name_mostly_known_as_an_organisation_is_not_a_person() -> None:
    c = corpus.build(
        [
            record("a", organizations=(entity("Oxfam"),)),
            record("b", organizations=(entity("Oxfam"),)),
            record("c", people=(person("Oxfam"),)),
        ]
    )
    assert [n.path for n in c.nodes] == ["organisations/oxfam.md"]
    assert c.link("c", "Oxfam") == "organisations/oxfam.md"


def test_the_same_event_in_two_articles_is_one_event_with_the_latest_status() -> None:
    c = corpus.build(
        [
            record("a", "2025-09-01", next=(event("ASEAN summit", "2025-10-26", place="Kuala Lumpur"),)),
            record("b", "2025-10-27", next=(event("ASEAN Summit", "2025-10-26", "held"),)),
            record("c", "2025-09-02", next=(event("G20 summit", "2025-11-22"),)),
        ]
    )
    by_title = {e.title.lower(): e for e in c.events}
    asean = by_title["asean summit"]
    assert asean.status == "held"
    assert [r.ref.article for r in asean.reports] == ["a", "b"]
    assert asean.place == "Kuala Lumpur"
    assert not corpus.is_upcoming(asean.date, asean.status, c.as_of)
    g20 = by_title["g20 summit"]
    assert corpus.is_upcoming(g20.date, g20.status, c.as_of)


def test_events_with_the_same_name_months_apart_are_different_events() -> None:
    c = corpus.build(
        [
            record("a", "2020-01-01", next=(event("Primary election", "2020-03-03"),)),
            record("b", "2020-01-02", next=(event("Primary election", "2020-06-02"),)),
        ]
    )
    assert len(c.events) == 2


def test_a_recurring_sticking_point_is_one_issue_with_its_history() -> None:
    c = corpus.build(
        [
            record("b", "2025-09-05", sticking_points=(item("Tariff concessions are not agreed.", 2),)),
            record("a", "2025-08-01", sticking_points=(item("The 50% tariffs on Indian goods remain.", 1),)),
            record("c", "2025-08-02", sticking_points=(item("Nobody agrees on fishing quotas.", 1),)),
        ]
    )
    (issue,) = c.issues
    assert issue.title == "Tariffs"
    assert [p.ref.article for p in issue.points] == ["a", "b"]
    assert issue.articles == ("a", "b")


def test_timeline_has_everything_dated_in_order_with_sources() -> None:
    c = corpus.build(
        [
            record(
                "a",
                "2025-09-01",
                background=(item("Talks collapsed.", 2, date="2025-07-30"),),
                next=(event("ASEAN summit", "2025-10-26"),),
            ),
        ]
    )
    assert [(t.date, t.kind) for t in c.timeline] == [
        ("2025-07-30", "background"),
        ("2025-09-01", "article"),
        ("2025-10-26", "event"),
    ]
    assert c.timeline[0].target == "explainers/a.md#p3"
    assert c.timeline[-1].upcoming
    assert all(t.sources for t in c.timeline)


def test_quotes_resolve_to_their_speakers_node_in_date_order() -> None:
    c = corpus.build(
        [
            record("b", "2025-09-05", people=(person("Modi"),), quotes=(quote("Second.", "Modi"),)),
            record(
                "a",
                "2025-09-01",
                people=(person("Narendra Modi"),),
                quotes=(quote("First.", "Narendra Modi"),),
            ),
        ]
    )
    assert [(q.text, q.speaker) for q in c.quotes] == [
        ("First.", "people/narendra-modi.md"),
        ("Second.", "people/narendra-modi.md"),
    ]


def test_the_corpus_does_not_depend_on_the_order_of_the_records() -> None:
    recs = [
        record("a", "2019-10-01", people=(person("Boris Johnson"),), places=(entity("UK"),)),
        record("b", "2019-10-02", people=(person("Johnson"),), places=(entity("United Kingdom", "UK"),)),
        record("c", None, people=(person("Tony Blair"),)),
    ]
    assert corpus.build(recs) == corpus.build(list(reversed(recs)))


def test_names_that_only_differ_by_case_accents_and_titles_have_one_key() -> None:
    assert corpus.name_key("Mr. José Ramos-Horta") == corpus.name_key("jose ramos-horta")
    assert corpus.name_key("President Trump") == "trump"
    assert corpus.name_key("Britain's") == "britain"


def test_people_named_in_the_sentence_about_an_event_take_part_in_it() -> None:
    c = corpus.build(
        [
            record(
                "a",
                "2025-09-01",
                people=(person("Vladimir Putin", aliases=("Putin",)), person("Jane Doe")),
                next=(event("Putin's visit", "2025-12"),),
            )
        ]
    )
    (e,) = c.events
    assert e.participants == ("people/vladimir-putin.md",)


def test_a_word_by_word_short_form_of_an_organisation_joins_it() -> None:
    c = corpus.build(
        [
            record("a", organizations=(entity("Harbour Progressives"),)),
            record("b", organizations=(entity("Harb Progs"),)),
            record("c", organizations=(entity("Harb Progs"),)),
        ]
    )
    orgs = [n for n in c.nodes if n.kind == "organisation"]
    assert [o.name for o in orgs] == ["Harbour Progressives"]
    assert c.link("c", "Harb Progs") == orgs[0].path


def test_a_name_used_in_both_numbers_is_a_group_not_a_person() -> None:
    c = corpus.build(
        [
            record("a", organizations=(entity("Harb Progs"),)),
            record("b", people=(person("Harb Prog"),)),
            record("c", people=(person("Harb Progs"),)),
            record("d", people=(person("Harb Progs"),)),
        ]
    )
    assert [n.path for n in c.nodes] == ["organisations/harb-progs.md"]


def test_similar_names_that_are_not_short_forms_stay_apart() -> None:
    c = corpus.build(
        [
            record("a", places=(entity("Middle East"),)),
            record("b", places=(entity("Middle Eastern"),)),
            record("c", organizations=(entity("Court of Appeal"),)),
            record("d", organizations=(entity("Court of Appeals"),)),
        ]
    )
    assert len(c.nodes) == 4


def test_a_week_is_upcoming_until_its_sunday() -> None:
    # 2019-W48 runs from Monday 25 to Sunday 1 December 2019.
    assert corpus.is_upcoming("2019-W48", "scheduled", "2019-11-28")
    assert corpus.is_upcoming("2019-W48", "scheduled", "2019-12-01")
    assert not corpus.is_upcoming("2019-W48", "scheduled", "2019-12-02")
    assert not corpus.is_upcoming("2019-W40", "scheduled", "2019-11-28")


def test_the_timeline_keeps_recent_dated_background_and_leaves_history_to_the_explainer() -> None:
    bg = (
        item("The treaty was signed in March 2019.", date="2019-03", paragraph=1),
        item("The act dates from 1701.", date="1701", paragraph=2),
        item("He first ran for office in 1964.", date="1964-11", paragraph=2),
    )
    c = corpus.build([record("a", "2019-10-01", background=bg)])
    assert [t.label for t in c.timeline if t.kind == "background"] == ["The treaty was signed in March 2019."]
