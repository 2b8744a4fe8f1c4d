import datetime as dt

import pytest

from generator.extract.dates import normalize

ANCHOR = dt.date(2025, 9, 6)  # a Saturday


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("September 6, 2025", "present", "2025-09-06"),
        ("16 December 2019", "present", "2019-12-16"),
        ("June 17", "past", "2025-06-17"),
        ("October 26", "future", "2025-10-26"),
        ("in December", "future", "2025-12"),
        ("December", "present", "2025-12"),
        ("March", "past", "2025-03"),
        ("March", "future", "2026-03"),
        ("January 2020", "present", "2020-01"),
        ("2019", "past", "2019"),
        ("yesterday", "past", "2025-09-05"),
        ("tomorrow", "future", "2025-09-07"),
        ("last month", "past", "2025-08"),
        ("next week", "future", "2025-W37"),
        ("on Wednesday", "past", "2025-09-03"),
        ("on Wednesday", "future", "2025-09-10"),
        ("two weeks ago", "past", "2025-W34"),
    ],
)
def test_normalize_against_the_publication_date(text: str, tense: str, value: str) -> None:
    assert normalize(text, ANCHOR, tense) == value  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["weeks", "months", "recent weeks", "a decade", "three days"])
def test_durations_have_no_point_value(text: str) -> None:
    assert normalize(text, ANCHOR, "past") is None
