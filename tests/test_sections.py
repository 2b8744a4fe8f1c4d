"""The explainer's sections, on self-written articles about invented countries.

Each test protects one construction the rules must read: the tense and modality
of an event, a dispute left open, an earlier dated episode, a clause that
belongs nowhere.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import analyse_text

# Front matter for the short examples: a title (else the first line is taken for one) and a date.
HEAD = "---\ntitle: A test\npublished: 2024-05-02\n---\n"

ARTICLE = "---\ntitle: Ministers agree a fishing deal\npublished: 2024-03-15\n---\n" + "\n\n".join(
    [
        (
            "On Wednesday, the fisheries ministers of Norland and Estmark agreed a new quota deal after"
            " months of talks. The deal still needs the approval of both parliaments."
        ),
        (
            "Talks had broken down in November 2023, when Estmark walked out over catch limits. In "
            "January, Norland rejected an Estmark offer to share the northern waters."
        ),
        (
            "Estmark has not lifted its ban on Norland trawlers. Norland still wants access to the "
            "southern banks, something Estmark has ruled out. Estmark continues to maintain its claim "
            "to the islands and the cost of the patrols remains a concern for Norland."
        ),
        (
            "The minister stressed that both sides share a commitment to the fish stocks. Observers "
            "said the talks had passed the first hurdle."
        ),
        (
            "Both leaders are expected at the ocean summit in Lisbon on April 22. The Estmark premier "
            "has said she will not attend the trade forum in Oslo. Norland invited the Estmark premier "
            "for a state visit, but a date for that visit remains unclear. The new quotas are to take "
            "effect on June 1."
        ),
        "Can the deal survive a change of government?",
    ]
)


@pytest.fixture(scope="module")
def record() -> Any:
    return analyse_text(ARTICLE)


def _event(record: Any, word: str) -> Any:
    found = [n for n in record.next if word in n.title.lower()]
    assert len(found) == 1, [n.title for n in record.next]
    return found[0]


def _quoted(record: Any, item: Any) -> str:
    p = item.provenance
    return str(record.blocks[p.paragraph].text[p.start : p.end])


# --- what's next ---------------------------------------------------------------------


def test_an_expected_summit_has_its_date_place_and_status(record: Any) -> None:
    summit = _event(record, "summit")
    assert summit.title == "Ocean summit in Lisbon"
    assert (summit.date, summit.place, summit.status) == ("2024-04-22", "Lisbon", "expected")


def test_a_meeting_someone_will_not_attend_is_declined(record: Any) -> None:
    forum = _event(record, "forum")
    assert (forum.place, forum.status) == ("Oslo", "declined")


def test_a_visit_whose_date_is_unclear_is_uncertain(record: Any) -> None:
    assert _event(record, "visit").status == "uncertain"


def test_a_measure_taking_effect_is_next_with_its_date(record: Any) -> None:
    quotas = _event(record, "effect")
    assert (quotas.date, quotas.status) == ("2024-06-01", "scheduled")


def test_one_sentence_gives_one_event(record: Any) -> None:
    sources = [(n.provenance.paragraph, n.provenance.start) for n in record.next]
    assert len(sources) == len(set(sources)) == 4


def test_an_event_told_in_the_past_with_its_date_is_not_next() -> None:
    r = analyse_text(
        HEAD + "The Green Party lost ground in the city vote.\n\n"
        "At the next elections in 2008, the party won a majority in the assembly."
    )
    assert r.next == ()


def test_mentions_of_one_event_merge_into_the_one_that_names_its_place() -> None:
    r = analyse_text(
        HEAD + "The ministers will talk again at next week's Harbour Council "
        "summit, the minister said.\n\nThe two-day Harbour Council summit in Geneva begins on 9 May."
    )
    assert [(n.place, n.date) for n in r.next] == [("Geneva", "2024-05-09")]


# --- sticking points -----------------------------------------------------------------


def test_sticking_points_are_disputes_left_open(record: Any) -> None:
    texts = [s.text for s in record.sticking_points]
    assert texts == [
        "The deal still needs the approval of both parliaments.",
        "Estmark has not lifted its ban on Norland trawlers.",
        "Norland still wants access to the southern banks, something Estmark has ruled out.",
        "Estmark continues to maintain its claim to the islands",
        "The cost of the patrols remains a concern for Norland.",
    ]


def test_two_disputes_joined_by_and_are_two_items_each_pointing_at_its_own_words(record: Any) -> None:
    last = record.sticking_points[-1]
    assert _quoted(record, last) == "the cost of the patrols remains a concern for Norland."
    assert "Norland" in last.parties


def test_an_obstacle_already_passed_is_no_sticking_point(record: Any) -> None:
    assert not any("hurdle" in s.text for s in record.sticking_points)


def test_a_negated_stance_inside_a_quotation_is_a_sticking_point() -> None:
    r = analyse_text(
        HEAD + "The president praised the alliance on Monday.\n\n"
        "However, he also added, “I just don’t like what Norland is doing on the border,” "
        "pointing at its new fence."
    )
    assert [s.text for s in r.sticking_points] == [
        "However, he also added, “I just don’t like what Norland is doing on the border,” "
        "pointing at its new fence."
    ]


# --- background ----------------------------------------------------------------------


def test_background_is_earlier_episodes_in_time_order_with_dates(record: Any) -> None:
    dated = [(b.date, b.text) for b in record.background if b.date]
    assert dated == [
        ("2023-11", "Talks had broken down in November 2023, when Estmark walked out over catch limits."),
        ("2024-01", "In January, Norland rejected an Estmark offer to share the northern waters."),
    ]


def test_a_quarrel_in_a_dated_earlier_episode_is_background_not_a_sticking_point(record: Any) -> None:
    assert not any("rejected" in s.text for s in record.sticking_points)


def test_who_said_what_now_is_not_background(record: Any) -> None:
    assert not any("stressed" in b.text for b in record.background)


def test_the_news_itself_is_not_background(record: Any) -> None:
    assert not any("agreed a new quota deal" in b.text for b in record.background)


def test_what_an_opening_came_after_is_background() -> None:
    r = analyse_text(
        HEAD + "After weeks of quarrels over fishing rights, the two governments "
        "have signed a truce.\n\nThe truce holds for a year."
    )
    assert [b.text for b in r.background] == [
        "After weeks of quarrels over fishing rights, the two governments have signed a truce."
    ]


# --- questions and the lede ----------------------------------------------------------


def test_questions_are_the_articles_own(record: Any) -> None:
    assert [q.text for q in record.questions] == ["Can the deal survive a change of government?"]


def test_a_quoted_question_is_no_open_question() -> None:
    r = analyse_text(
        HEAD + 'The minister resigned on Monday.\n\n"Who will pay for this?" the opposition leader asked.'
    )
    assert r.questions == ()


def test_what_happened_is_the_opening_dated_by_the_day_it_names(record: Any) -> None:
    assert [i.date for i in record.what_happened] == ["2024-03-13", "2024-03-13"]
    assert record.what_happened[0].text.startswith("On Wednesday, the fisheries ministers")


def test_every_item_points_at_its_sentence(record: Any) -> None:
    items = [*record.background, *record.sticking_points, *record.next, *record.questions]
    for item in items:
        assert (
            _quoted(record, item).lower().rstrip(".") in item.text.lower()
            or item.text.lower().rstrip(".") in _quoted(record, item).lower()
        )


def test_an_event_whose_date_has_passed_is_not_next() -> None:
    r = analyse_text(
        HEAD + "The senators argued all week.\n\nThe Senate was to meet on 29 April to discuss the bill."
    )
    assert r.next == ()


def test_the_scheduled_present_is_next() -> None:
    r = analyse_text(HEAD + "The ministers argued all week.\n\nThe trade summit in Geneva begins on 9 May.")
    assert [(n.title, n.date, n.place) for n in r.next] == [
        ("Trade summit in Geneva", "2024-05-09", "Geneva")
    ]


def test_meeting_a_target_is_no_meeting() -> None:
    r = analyse_text(
        HEAD + "The budget was published.\n\nThe treasury will meet the deficit target next year."
    )
    assert r.next == ()


def test_names_joined_by_and_do_not_split_a_sentence() -> None:
    r = analyse_text(
        HEAD
        + "The talks ended.\n\nIf the deal fails, closer ties with Russia and China could deepen the dispute."
    )
    assert [s.text for s in r.sticking_points] == [
        "If the deal fails, closer ties with Russia and China could deepen the dispute."
    ]


def test_a_nationality_as_an_adjective_is_no_party() -> None:
    r = analyse_text(HEAD + "The talks ended.\n\nThe US has not lifted its tariffs on Indian steel.")
    assert r.sticking_points[0].parties == ("US",)


def test_an_event_verb_with_a_pronoun_subject_is_named_after_the_main_subject() -> None:
    r = analyse_text(
        HEAD + "The plan was published.\n\nThe Harbour Board is to review the plan when it meets in June."
    )
    assert [(n.title, n.date) for n in r.next] == [("Harbour Board meets", "2024-06")]


def test_a_one_sentence_opening_takes_the_next_paragraphs_first_sentence() -> None:
    r = analyse_text(
        HEAD + "The port strike ended on Monday.\n\n"
        "Dock workers accepted a new pay offer. They return to work on Friday.\n\n"
        "The strike had lasted three weeks."
    )
    assert [i.text for i in r.what_happened] == [
        "The port strike ended on Monday.",
        "Dock workers accepted a new pay offer.",
    ]
    assert r.what_happened[0].date == "2024-04-29"


def test_a_past_event_in_a_sentence_about_something_else_ahead_is_not_next() -> None:
    r = analyse_text(
        HEAD + "The bill passed.\n\nIn the aftermath of the vote, the senator is expected to leave the party."
    )
    # The vote is done; what is ahead is the senator's step (a party named by its kind).
    assert [n.title for n in r.next] == ["Senator leave the party"]


def test_obstacles_named_by_what_they_block_or_leave_undone() -> None:
    r = analyse_text(
        HEAD + "The port plan was approved.\n\n"
        "High interest rates are likely to keep private investors away. "
        "Much of the promised money has not yet been paid out."
    )
    assert [s.text for s in r.sticking_points] == [
        "High interest rates are likely to keep private investors away.",
        "Much of the promised money has not yet been paid out.",
    ]


def test_an_undated_step_of_a_dated_episode_stays_with_it_in_time_order() -> None:
    r = analyse_text(
        HEAD + "The two parties signed a coalition deal on Monday.\n\n"
        "The last coalition had collapsed over budget cuts.\n\n"
        "In March 2022, the parties fought an election. The smaller party lost half its seats."
    )
    assert [b.text for b in r.background] == [
        "In March 2022, the parties fought an election.",
        "The smaller party lost half its seats.",
        "The last coalition had collapsed over budget cuts.",
    ]


# --- words read by their lemma -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "date", "status"),
    [
        ("Talks were postponed and will now resume in Oslo on 20 May.", "2024-05-20", "postponed"),
        ("The ministers will hold the postponed talks in Oslo on 20 May.", "2024-05-20", "postponed"),
        # A participle the tagger takes for an adjective still counts by its verb.
        ("The rescheduled summit in Oslo opens on 20 May.", "2024-05-20", "postponed"),
        ("She refused to attend the summit in Oslo on 20 May.", "2024-05-20", "declined"),
        ("The ministers scrapped the summit in Oslo planned for 20 May.", "2024-05-20", "cancelled"),
        ("The two foreign ministers are prepared to meet in Geneva on 14 May.", "2024-05-14", "scheduled"),
        ("The premier hopes to visit Oslo on 20 May.", "2024-05-20", "expected"),
        ("The premier is hoping to visit Oslo on 20 May.", "2024-05-20", "scheduled"),
    ],
)
def test_an_event_is_read_through_any_form_of_its_verbs(sentence: str, date: str, status: str) -> None:
    r = analyse_text(HEAD + "The talks ended.\n\n" + sentence)
    assert [(n.date, n.status) for n in r.next] == [(date, status)]


@pytest.mark.parametrize(
    "sentence",
    [
        # "paid": an irregular past of a verb whose negation leaves something undone.
        "Norland has not paid its share of the patrol costs.",
        # "claims" the verb, not the plural noun: a stance with what it holds to.
        "Estmark claims that the islands belong to it.",
    ],
)
def test_a_dispute_is_read_through_any_form_of_its_verbs(sentence: str) -> None:
    r = analyse_text(HEAD + "The talks ended.\n\n" + sentence)
    assert [s.text for s in r.sticking_points] == [sentence]
