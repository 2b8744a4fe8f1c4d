"""A person's roles across articles: one role per office, its spellings as aliases, dated."""

from __future__ import annotations

from generator.corpus import RoleSpan
from generator.roles_across import current_role, forms_count, role_key, roles_of


def spans(*given: tuple[str, str | None]) -> tuple[RoleSpan, ...]:
    """One article per (role, date) pair, named a1, a2, ..."""
    return tuple(RoleSpan(role, date, f"a{i}") for i, (role, date) in enumerate(given, 1))


def shown(roles: tuple[RoleSpan, ...]) -> list[tuple[str, tuple[str, ...]]]:
    return [(r.role, r.aliases) for r in roles_of(roles)]


def test_case_does_not_make_another_role_and_the_capitalised_spelling_is_shown() -> None:
    got = shown(spans(("prime minister", "2020-01-01"), ("Prime Minister", "2020-02-01")))
    assert got == [("Prime Minister", ())]


def test_country_spellings_and_the_are_one_role() -> None:
    roles = spans(
        ("U.S. President", "2020-01-01"),
        ("US President", "2020-01-02"),
        ("President of the United States", "2020-01-03"),
        ("President of the United States", "2020-01-04"),
        ("the United States President", "2020-01-05"),
    )
    [role] = roles_of(roles)
    assert role.role == "President of the United States"
    assert set(role.aliases) == {"U.S. President", "US President", "the United States President"}
    assert len(role.articles) == 5


def test_abbreviations_are_the_words_they_stand_for() -> None:
    assert role_key("Pres.") == role_key("President")
    assert role_key("Gen. ") == role_key("general")
    assert role_key("PM") == role_key("Prime Minister")
    assert role_key("Sec. of State") == role_key("Secretary of State")


def test_word_order_does_not_make_another_role() -> None:
    key = role_key("Foreign Minister of France")
    assert role_key("France's foreign minister") == key
    assert role_key("French foreign minister") == key
    assert role_key("the foreign minister of France") == key
    assert role_key("Foreign Minister of Spain") != key


def test_a_body_before_the_office_is_the_office_held_in_it() -> None:
    assert role_key("Tory leader") == role_key("Conservative leader")
    assert role_key("leader of the Conservative Party") == role_key("Tory leader")
    assert role_key("Liberal Democrats' spokesman") == role_key("Lib Dem spokesman")


def test_a_bare_office_joins_the_one_qualified_form_the_person_holds() -> None:
    got = shown(spans(("President", "2019-05-01"), ("President of Aland", "2020-01-01")))
    assert got == [("President of Aland", ("President",))]


def test_a_bare_office_stays_apart_between_two_qualified_forms() -> None:
    roles = spans(
        ("President of Aland", "2019-01-01"),
        ("President of Borduria", "2020-01-01"),
        ("President", "2020-02-01"),
    )
    got = sorted(r.role for r in roles_of(roles))
    assert got == ["President", "President of Aland", "President of Borduria"]


def test_a_stray_qualified_form_does_not_keep_the_bare_office_apart() -> None:
    """Nine articles say "US President", one "Republican President": "President" is
    the US one."""
    roles = spans(*[("US President", f"2020-01-{d:02}") for d in range(1, 10)])
    roles += (RoleSpan("Republican President", "2020-02-01", "r1"), RoleSpan("President", "2020-03-01", "p1"))
    got = {r.role: r.aliases for r in roles_of(roles)}
    assert got == {"US President": ("President",), "Republican President": ()}


def test_a_lone_abbreviated_title_beside_a_fuller_role_is_no_role() -> None:
    assert shown(spans(("President", "2001-01-01"), ("Gen", "2001-01-01"))) == [("President", ())]
    got = shown(spans(("Major General", "2001-01-01"), ("Gen", "2001-02-01")))
    assert got == [("Major General", ("Gen",))]


def test_a_lone_abbreviated_title_alone_is_still_the_persons_role() -> None:
    assert [r.role for r in roles_of(spans(("Gen", "2001-01-01")))] == ["Gen"]


def test_then_and_current_are_dropped_but_former_is_a_role_of_its_own() -> None:
    got = shown(spans(("then Home Secretary", "2004-01-01"), ("Home Secretary", "2004-02-01")))
    assert got == [("Home Secretary", ("then Home Secretary",))]
    roles = spans(("Vice President", "2012-01-01"), ("former Vice President", "2020-01-01"))
    assert [r.role for r in roles_of(roles)] == ["former Vice President", "Vice President"]


def test_each_role_is_dated_by_the_articles_that_give_it() -> None:
    roles = spans(
        ("Mayor of Lowtown", "2016-03-01"),
        ("President of Aland", "2019-05-01"),
        ("President of Aland", "2020-07-01"),
        ("Mayor of Lowtown", None),
    )
    president, mayor = roles_of(roles)
    assert (president.role, president.years) == ("President of Aland", "2019-2020")
    assert president.last == "2020-07-01"
    assert president.articles == ("a2", "a3")
    # The old role is shown as of its own newest article, never as current.
    assert (mayor.years, mayor.first, mayor.last) == ("2016", "2016-03-01", "2016-03-01")
    assert mayor.articles == ("a1", "a4")  # the undated article last
    current = current_role(roles)
    assert current is not None and current.role == "President of Aland"


def test_a_role_no_dated_article_gives_has_no_years() -> None:
    [role] = roles_of(spans(("Home Secretary", None)))
    assert (role.years, role.first, role.last) == ("", None, None)


def test_forms_count_counts_spellings_before_and_roles_after() -> None:
    roles = spans(("US President", "2020-01-01"), ("US president", "2020-01-02"), ("U.S. President", None))
    assert forms_count(roles) == (2, 1)
    assert forms_count(()) == (0, 0)
