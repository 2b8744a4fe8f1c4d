"""Stories: articles about one story grouped; one line of summary per article."""

from __future__ import annotations

import random

from generator import corpus
from generator.model import Record
from generator.stories import build, first_sentence, group, one_line

from .records import entity, event, item, person, record


def ferry(slug: str, date: str | None, *extra: str) -> Record:
    """An article of the ferry story: its two people and its council."""
    people = (person("Mara Lindqvist"), person("Olle Strand"), *(person(n) for n in extra))
    return record(slug, date, people=people, organizations=(entity("Harbour Council"),))


def stories_of(records: list[Record]) -> list[tuple[str, ...]]:
    return sorted(s.articles for s in build(corpus.build(records)))


def test_articles_that_share_rare_names_are_one_story_and_others_stay_apart() -> None:
    records = [
        ferry("ferry-vote", "2026-03-02"),
        ferry("ferry-tickets", "2026-03-05"),
        ferry("ferry-strike", "2026-03-20"),
        record("library", "2026-03-03", people=(person("Jonas Berg"), person("Ada Moreau"))),
        record("museum", "2026-03-04", people=(person("Kai Lund"), person("Ines Roth"))),
    ]
    assert stories_of(records) == [("ferry-vote", "ferry-tickets", "ferry-strike")]


def test_one_shared_name_is_not_a_story() -> None:
    records = [
        record("a", "2026-03-02", people=(person("Mara Lindqvist"), person("Olle Strand"))),
        record("b", "2026-03-03", people=(person("Mara Lindqvist"), person("Jonas Berg"))),
    ]
    assert stories_of(records) == []


def test_shared_places_alone_are_not_a_story() -> None:
    """Two stories set in the same two towns are still two stories."""
    towns = (entity("Lowtown"), entity("Highfield"))
    records = [record("a", "2026-03-02", places=towns), record("b", "2026-03-03", places=towns)]
    assert stories_of(records) == []


def test_articles_months_apart_or_one_undated_are_not_linked() -> None:
    records = [ferry("spring", "2026-03-02"), ferry("autumn", "2026-10-02"), ferry("undated", None)]
    assert stories_of(records) == []


def test_undated_articles_can_be_one_story() -> None:
    assert stories_of([ferry("a", None), ferry("b", None)]) == [("a", "b")]


def test_the_story_is_dated_ordered_and_named_by_its_people() -> None:
    records = [ferry("ferry-tickets", "2026-03-05"), ferry("ferry-vote", "2026-03-02")]
    [story] = build(corpus.build(records))
    assert story.articles == ("ferry-vote", "ferry-tickets")
    assert (story.first, story.last) == ("2026-03-02", "2026-03-05")
    assert story.title == "Mara Lindqvist and Olle Strand"
    assert story.path == "stories/ferry-vote.md"
    assert set(story.people) == {"people/mara-lindqvist.md", "people/olle-strand.md"}


def test_the_slug_stays_when_a_later_article_joins() -> None:
    two = [ferry("ferry-vote", "2026-03-02"), ferry("ferry-tickets", "2026-03-05")]
    [before] = build(corpus.build(two))
    [after] = build(corpus.build([*two, ferry("a-later-one", "2026-03-09")]))
    assert before.slug == after.slug == "ferry-vote"
    assert len(after.articles) == 3


def test_stories_do_not_depend_on_the_order_of_the_records() -> None:
    records = [
        ferry("a", "2026-03-02"),
        ferry("b", "2026-03-05", "Jonas Berg"),
        record("c", "2026-03-06", people=(person("Jonas Berg"), person("Ada Moreau"))),
        record("d", "2026-03-07", people=(person("Jonas Berg"), person("Ada Moreau"))),
    ]
    first = build(corpus.build(records))
    shuffled = records[:]
    random.Random(1).shuffle(shuffled)
    assert build(corpus.build(shuffled)) == first
    assert [s.articles for s in first] == [("c", "d"), ("a", "b")]  # newest story first


def test_events_the_articles_share_count_as_shared_names() -> None:
    meeting = (event("harbour summit", "2026-04-01"),)
    records = [
        record("a", "2026-03-02", people=(person("Mara Lindqvist"),), next=meeting),
        record("b", "2026-03-04", people=(person("Mara Lindqvist"),), next=meeting),
    ]
    assert stories_of(records) == [("a", "b")]


def test_average_linkage_does_not_chain_two_stories_through_one_article() -> None:
    """b is like a and like c, but a and c share nothing: b joins one of them only."""
    sims = {("a", "b"): 0.9, ("b", "c"): 0.8}
    assert group(["a", "b", "c"], sims, 0.5) == [["a", "b"], ["c"]]
    assert group(["a", "b", "c"], sims, 0.4) == [["a", "b", "c"]]  # a weaker bar lets them meet


def test_the_summary_is_the_first_sentence_of_what_happened() -> None:
    r = record(
        "a",
        "2026-03-02",
        what_happened=(item("Mr. Strand and the U.S. envoy met on Monday. They talked for an hour."),),
    )
    assert one_line(r) == "Mr. Strand and the U.S. envoy met on Monday."


def test_without_what_happened_the_summary_is_the_first_paragraphs_first_sentence() -> None:
    r = record("a", paragraphs=("The ferry will run on Sundays. Tickets cost more.", "Second."))
    assert one_line(r) == "The ferry will run on Sundays."


def test_a_long_summary_is_cut_at_a_word() -> None:
    r = record("a", what_happened=(item("word " * 100),))
    line = one_line(r, limit=40)
    assert line.endswith(" …") and len(line) <= 42 and "wor …" not in line


def test_first_sentence_keeps_quotes_and_initials() -> None:
    assert first_sentence('He said "we will." Then he left.') == 'He said "we will."'
    assert first_sentence("J. K. Smith spoke. Then others.") == "J. K. Smith spoke."
    assert first_sentence("No full stop at all") == "No full stop at all"
