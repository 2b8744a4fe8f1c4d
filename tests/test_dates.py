"""Date detection and normalisation.

Article snippets marked "Wikinews" are from Wikinews articles (Wikinews
contributors, CC BY 2.5) as distributed with the MEANTIME corpus.
"""

import datetime as dt

import pytest

from generator.extract.dates import full_dates, normalize, scan
from tests.conftest import analyse_text

ANCHOR = dt.date(2025, 9, 6)  # a Saturday


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        # absolute
        ("September 6, 2025", "present", "2025-09-06"),
        ("16 December 2019", "present", "2019-12-16"),
        ("March 01, 2008", "present", "2008-03-01"),
        ("Monday, June 1st, 2009", "present", "2009-06-01"),
        ("March 12 2009", "present", "2009-03-12"),
        ("7/8/07", "present", "2007-07-08"),
        ("2024-02-29", "present", "2024-02-29"),
        ("January 2020", "present", "2020-01"),
        ("early June 2009", "present", "2009-06"),
        ("2019", "past", "2019"),
        ("late 2006", "past", "2006"),
        # partial: the year from the anchor and the tense
        ("June 17", "past", "2025-06-17"),
        ("16 December", "past", "2024-12-16"),
        ("16 December", "future", "2025-12-16"),
        ("October 26", "future", "2025-10-26"),
        ("April 2nd", "past", "2025-04-02"),
        ("in December", "future", "2025-12"),
        ("December", "present", "2025-12"),
        ("March", "past", "2025-03"),
        ("March", "future", "2026-03"),
        ("last September", "present", "2024-09"),
        ("October of next year", "present", "2026-10"),
        ("March 20 last year", "past", "2024-03-20"),
        # relative to the publication date
        ("yesterday", "past", "2025-09-05"),
        ("tomorrow", "future", "2025-09-07"),
        ("earlier today", "past", "2025-09-06"),
        ("last night", "past", "2025-09-05"),
        ("last month", "past", "2025-08"),
        ("next month", "future", "2025-10"),
        ("earlier this month", "past", "2025-09"),
        ("this week", "present", "2025-W36"),
        ("next week", "future", "2025-W37"),
        ("last week", "past", "2025-W35"),
        ("this weekend", "present", "2025-09-06"),
        ("next weekend", "future", "2025-09-13"),
        ("next year", "future", "2026"),
        ("the previous year", "past", "2024"),
        ("the end of last year", "past", "2024"),
        ("the beginning of the year", "past", "2025"),
        ("two years ago", "past", "2023"),
        ("a week ago", "past", "2025-08-30"),
        ("three months ago", "past", "2025-06"),
        ("the last week of March", "past", "2025-W13"),
        # weekdays: the most recent one in the past, the coming one in the future
        ("on Wednesday", "past", "2025-09-03"),
        ("on Wednesday", "future", "2025-09-10"),
        ("Saturday", "past", "2025-09-06"),
        ("Friday morning", "past", "2025-09-05"),
        ("last Thursday", "present", "2025-08-28"),
        ("next Monday", "present", "2025-09-08"),
        # a clock time is a point on a day
        ("16:08 UTC", "past", "2025-09-06"),
        ("12:00 UTC Monday", "past", "2025-09-01"),
        ("6:40 p.m. (GMT +8)", "past", "2025-09-06"),
    ],
)
def test_normalize_against_the_publication_date(text: str, tense: str, value: str) -> None:
    assert normalize(text, ANCHOR, tense) == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "weeks",
        "months",
        "recent weeks",
        "a decade",
        "three days",
        "the past nine days",
        "the next four years",
        "fifty-year",
        "two days later",
        "the 1970s",
        "2010-11",
        "the first quarter of 2009",
    ],
)
def test_durations_and_spans_have_no_point_value(text: str) -> None:
    assert normalize(text, ANCHOR, "past") is None


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The airframer promised 44,000 new positions at 300 suppliers in 40 states.",
        "About 2000 people marched, and 1500 workers joined them.",
        "It costs $2010, or 1,500 to 2,000 euros.",
        "The Russell 2000 Index fell by four percent.",
        "He may march on the capital; she said she may.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert _found(text) == []


def test_years_and_ranges_in_running_text() -> None:
    # Wikinews (MEANTIME): Aer Lingus buys twelve new long-haul Airbus jets.
    text = "it will receive six new A330-300E aircraft from 2009 to 2011, then between 2014 and 2016"
    assert _found(text) == ["2009", "2011", "2014", "2016"]
    assert _found("by 2010-11 production will move") == ["2010-11"]
    assert _found("the 2008 Olympics and the 2012 elections") == ["2008", "2012"]


def test_full_dates_in_a_line() -> None:
    assert full_dates("LONDON, 5 March 2024 10:32 GMT, updated March 6, 2024") == ["2024-03-05", "2024-03-06"]
    assert full_dates("in June 2009 and on June 3") == []


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in analyse_text(text).dates]


def test_dateline_is_a_date_and_the_anchor() -> None:
    # Wikinews (MEANTIME): CEO of GM outlines plan for "New GM" after auto company declared bankruptcy.
    record = analyse_text(
        "CEO of GM outlines plan after auto company declared bankruptcy\n\n"
        "June 04, 2009\n\n"
        "In a New York press conference at 16:15 UTC, June 1st, Fritz Henderson, the Chief Executive "
        "Officer of General Motors, which filed for bankruptcy protection from its creditors earlier today, "
        "outlined a plan.\n"
    )
    assert record.published == "2009-06-04"
    assert record.published_origin == "dateline"
    values = [(d.text, d.value) for d in record.dates]
    assert values[0] == ("June 04, 2009", "2009-06-04")
    assert ("June 1st", "2009-06-01") in values
    assert ("earlier today", "2009-06-04") in values


def test_published_inferred_from_the_latest_full_date() -> None:
    record = analyse_text(
        "Talks resume\n\nThe talks began on March 3, 2021 and were adjourned on March 9, 2021. "
        "Delegates met again in April.\n"
    )
    assert (record.published, record.published_origin) == ("2021-03-09", "inferred")


def test_the_clause_decides_past_or_future() -> None:
    got = _dates(
        "Summit talks\n\nSeptember 6, 2025\n\n"
        "The minister said on Wednesday that the talks will resume on October 2. "
        "Negotiators met on June 17 and again in August. "
        "A final meeting is scheduled for March 3. "
        "Prices have fallen since January, and the deal could be signed on September 12.\n"
    )
    assert ("Wednesday", "2025-09-03") in got
    assert ("October 2", "2025-10-02") in got
    assert ("June 17", "2025-06-17") in got
    assert ("August", "2025-08") in got
    assert ("March 3", "2026-03-03") in got
    assert ("January", "2025-01") in got
    assert ("September 12", "2025-09-12") in got


def test_a_subheading_does_not_repeat_a_date_of_the_text() -> None:
    got = _dates(
        "Summit talks\n\nSeptember 6, 2025\n\n"
        "The First Round in May\n\n"
        "The first round of talks was held in May. It ended without a deal.\n"
    )
    assert got.count(("May", "2025-05")) == 1


def test_durations_are_mentions_without_a_value() -> None:
    got = _dates(
        "Talks\n\nSeptember 6, 2025\n\nAfter weeks of talks lasting three days each, nothing moved.\n"
    )
    assert ("weeks", None) in got
    assert ("three days", None) in got


def test_expressions_that_point_back_to_the_narrative() -> None:
    got = _dates(
        "Markets\n\nSeptember 6, 2025\n\n"
        "Shares fell on Thursday. Bonds rallied the same day, and the index closed at 16:00 UTC. "
        "Dealers whose franchises end after October of next year will be told. "
        "Sales in August were below those of the same month a year ago.\n"
    )
    assert ("Thursday", "2025-09-04") in got
    assert ("the same day", "2025-09-04") in got
    assert ("16:00 UTC", "2025-09-04") in got
    assert ("October", "2026-10") in got
    assert ("next year", "2026") in got
    assert ("the same month a year ago", "2024-08") in got


def test_the_day_is_the_day_the_story_is_at() -> None:
    got = _dates(
        "Markets\n\nSeptember 6, 2025\n\n"
        "Shares fell on Thursday and ended 3% down on the day. Late in the day, bonds rallied. "
        "At the end of the day, traders said, the vote matters more. "
        "A rally is planned for the day the vote is held, and for the day of the count.\n"
    )
    assert ("the day", "2025-09-04") in got
    assert ("Late in the day", "2025-09-04") in got
    assert not [text for text, _ in got if "end of the day" in text or text == "the day the vote"]
    assert len([text for text, _ in got if "the day" in text.lower()]) == 2


def test_a_clock_time_takes_the_date_named_after_it() -> None:
    # Wikinews (MEANTIME): CEO of GM outlines plan for "New GM" after auto company declared bankruptcy.
    got = _dates(
        "GM\n\nJune 04, 2009\n\nIn a New York press conference at 16:15 UTC, June 1st, Henderson spoke.\n"
    )
    assert ("16:15 UTC", "2009-06-01") in got


def test_quoted_today_is_the_day_of_the_speech() -> None:
    got = _dates(
        "Syria\n\nOctober 8, 2019\n\n"
        "Late on Sunday, the White House announced the withdrawal. "
        '"The statement tonight shows a lack of understanding," an envoy wrote. Officials met today.\n'
    )
    assert ("tonight", "2019-10-06") in got
    assert ("today", "2019-10-08") in got


def test_a_coordinated_verb_and_a_present_schedule_look_ahead() -> None:
    # After Wikinews (MEANTIME): Airbus A380 tour; world stocks plunge on fears of US recession.
    got = _dates(
        "Tour\n\nNovember 5, 2005\n\n"
        "The airliner will bypass Malaysia and fly to Sydney for celebrations on November 16. "
        "Further losses are feared when markets reopen Tuesday.\n"
    )
    assert ("November 16", "2005-11-16") in got
    assert ("Tuesday", "2005-11-08") in got


@pytest.mark.parametrize(
    "text",
    [
        "He was awarded the Most Brilliant Order of the Sun, first class.",
        "He told BBC Radio 4's Today programme that he would stay.",
        # A named day is not the coming or last weekday of that name.
        "Markets fell on the anniversary of 'Black Monday'.",
        "Shops opened early for Black Friday, and on Super Tuesday she won 14 states.",
        "Churches were full on Good Friday and Easter Monday.",
    ],
)
def test_names_that_look_like_dates(text: str) -> None:
    assert _found(text) == []


def test_day_ranges_and_event_names() -> None:
    assert [normalize(t, ANCHOR, "past") for t in _found("in the September 25–27 poll")] == [None]
    assert _found("since the September 11 attacks") == ["September 11"]
    assert _found("on the 16th of December") == ["the 16th of December"]


def test_a_plan_made_in_the_past_takes_the_nearest_reading() -> None:
    got = _dates(
        "Debate\n\nOctober 12, 2020\n\nThe debate, which was slated for October 15, has been cancelled.\n"
    )
    assert ("October 15", "2020-10-15") in got


def test_narrative_relative_years_and_old_forms() -> None:
    # After Wikinews (MEANTIME): Steve Jobs obituary; US car sales.
    got = _dates(
        "Apple\n\nOctober 6, 2011\n\n"
        "He released the iPod in 2001 and the following year the Mac OS X operating system. "
        "In the late 1980's Apple added audio. Sales fell between September and October of 2007. "
        "Prices moved at or around 2.40 PM on the day.\n"
    )
    assert ("the following year", "2002") in got
    assert ("the late 1980's", None) in got
    assert ("October of 2007", "2007-10") in got
    assert ("2.40 PM", "2011-10-06") in got


def test_an_infinitive_under_a_past_verb_is_not_a_plan() -> None:
    got = _dates(
        "Bank\n\nSeptember 17, 2008\n\n"
        "Losses forced the company to file for bankruptcy on Monday. "
        "Sales were predicted to have dipped in March. "
        "The firm plans to meet creditors on Friday.\n"
    )
    assert ("Monday", "2008-09-15") in got
    assert ("March", "2008-03") in got
    assert ("Friday", "2008-09-19") in got


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers are hoping to sign the accord on Monday.",
        "The ministers are aiming to sign the accord on Monday.",
        "The ministers hope to sign the accord on Monday.",
        "The accord is slated to be signed on Monday.",
    ],
)
def test_a_plan_in_any_form_of_its_verb_looks_ahead(sentence: str) -> None:
    # Written on a Wednesday: the Monday of a plan is the next one, not the nearest.
    assert ("Monday", "2008-09-22") in _dates("Accord\n\nSeptember 17, 2008\n\n" + sentence + "\n")


def test_published_is_not_inferred_from_an_announced_date() -> None:
    record = analyse_text(
        "Vote\n\nThe bill passed on March 3, 2021. The final vote will take place on May 5, 2022.\n"
    )
    assert (record.published, record.published_origin) == ("2021-03-03", "inferred")


def test_a_temporal_preposition_makes_a_year() -> None:
    assert _found("In 2008 voters chose change, and since 1815 the border held.") == ["2008", "1815"]


def test_until_a_weekday_looks_ahead_unless_told_in_the_past() -> None:
    # 2025-09-04 is a Thursday.
    got = _dates(
        "Markets\n\nSeptember 4, 2025\n\n"
        "The government has kept the stock exchanges closed until Friday. "
        "In the last crisis the exchange stayed shut until Tuesday.\n"
    )
    assert ("Friday", "2025-09-05") in got
    assert ("Tuesday", "2025-09-02") in got
