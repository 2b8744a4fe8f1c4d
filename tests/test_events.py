"""Event pages: titles that name an event, statuses that follow time, one page per event."""

from __future__ import annotations

from generator import corpus, events
from generator.model import NextEvent

from .records import prov, record


def _ev(
    title: str, text: str, date: str | None = None, status: str = "scheduled", place: str | None = None
) -> NextEvent:
    return NextEvent(text, title, date, place, status, prov(1))  # type: ignore[arg-type]


def test_a_bare_generic_title_takes_its_qualifier_from_the_sentence() -> None:
    assert (
        events.page_title("Election", "Campaigning is under way ahead of the general election.")
        == "General election"
    )
    assert (
        events.page_title("Trial", "The Senate impeachment trial opens next week.")
        == "Senate impeachment trial"
    )


def test_a_bare_title_with_nothing_to_qualify_it_gets_no_page() -> None:
    assert events.page_title("Election", "He will stand at the election.") is None
    assert events.page_title("Vote", "Monday's vote is close.") is None


def test_a_fragment_with_no_event_noun_gets_no_page() -> None:
    assert events.page_title("Bill take", "The bill will take a decade.") is None
    assert events.page_title("Vote against the government", "She would vote against the government.") is None
    assert events.page_title("Budget statement", "The budget statement is due.") == "Budget statement"


def test_an_event_dated_before_the_newest_article_is_held() -> None:
    c = corpus.build(
        [
            record(
                "a",
                "2019-01-01",
                next=(_ev("Budget statement", "The budget statement is due.", "2019-03-01"),),
            ),
            record("b", "2019-06-01"),
        ]
    )
    (e,) = c.events
    assert e.status == "held"
    assert not corpus.is_upcoming(e.date, e.status, c.as_of)


def test_a_postponement_is_kept_even_when_the_date_is_past() -> None:
    assert (
        events.status_in_time("postponed", "2019-03-01", "2019-01-01", "2019-06-01", past=True) == "postponed"
    )


def test_an_undated_event_is_never_upcoming_and_old_ones_are_held() -> None:
    c = corpus.build(
        [
            record("a", "2005-01-01", next=(_ev("Party conference", "The party conference follows."),)),
            record("b", "2019-06-01", next=(_ev("Leadership contest", "The leadership contest follows."),)),
        ]
    )
    status = {e.title: e.status for e in c.events}
    assert status == {"Party conference": "held", "Leadership contest": "scheduled"}
    assert not any(corpus.is_upcoming(e.date, e.status, c.as_of) for e in c.events)


def test_the_same_election_in_two_articles_is_one_page_with_both_views() -> None:
    text = "Campaigning is under way ahead of the general election."
    c = corpus.build(
        [
            record("a", "2005-03-01", next=(_ev("Election", text),)),
            record("b", "2005-03-20", next=(_ev("General election", "The general election is near."),)),
        ]
    )
    (e,) = c.events
    assert e.title == "General election"
    assert e.articles == ("a", "b")


def test_the_same_day_at_the_same_place_is_one_event() -> None:
    c = corpus.build(
        [
            record(
                "a",
                "2005-06-01",
                next=(_ev("G8 summit", "The G8 summit opens.", "2005-07-06", place="Gleneagles"),),
            ),
            record(
                "b",
                "2005-06-02",
                next=(
                    _ev("Leaders' meeting", "The leaders' meeting opens.", "2005-07-06", place="Gleneagles"),
                ),
            ),
        ]
    )
    assert len(c.events) == 1
    assert c.events[0].articles == ("a", "b")


def test_a_clause_whose_verb_is_the_event_gets_no_page() -> None:
    assert events.page_title("Hold elections", "The states will hold elections.") is None
    assert events.page_title("Visit the beach resort of", "He will visit the beach resort of Phuket.") is None
    assert events.page_title("Visit to Ireland", "His visit to Ireland is on Thursday.") == "Visit to Ireland"


def test_a_country_written_two_ways_is_one_event_title() -> None:
    assert events.event_key("United States presidential election") == events.event_key(
        "US presidential election"
    )
