"""Roles beyond a title before a name: occupations, relations and appositive clauses.

Self-written example sentences; a snippet marked "Wikinews" is from a Wikinews
article (Wikinews contributors, CC BY 2.5, URL given with it).
"""

from __future__ import annotations

import pytest

from generator import clean, ingest, pipeline
from generator.extract import entities
from generator.extract.article import Article


def _roles(sentence: str) -> dict[str, tuple[str, ...]]:
    """Each person the one-sentence article names, with the roles found for them."""
    src = ingest.parse(("Title\n\n" + sentence + "\n").encode("utf-8"), "a.txt", "a")
    doc = clean.clean(src)
    article = Article(doc, tuple(next(pipeline.analyse([doc]))), None)
    return {p.name: p.roles for p in entities.find(article).people}


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # An occupation heads the appositive; the age describes, it is no role.
        ("John Smith, a 19-year-old motorcyclist, died at the scene.", "John Smith", "motorcyclist"),
        ("Anna Berg, a lecturer at the university, said no.", "Anna Berg", "lecturer at the university"),
        # A pronoun's owner is not named there: the relation alone.
        ("Tom Reed, her brother, said no.", "Tom Reed", "brother"),
    ],
)
def test_an_appositive_headed_by_an_occupation_or_relation_is_a_role(
    sentence: str, name: str, role: str
) -> None:
    assert _roles(sentence)[name] == (role,)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("His mother Mary Smith said he was kind.", "Mary Smith", "mother"),
        (
            "Her French counterpart Jean-Yves Le Drian said talks would go on.",
            "Jean-Yves Le Drian",
            "French counterpart",
        ),
        ("British lecturer Dennis Hale was freed.", "Dennis Hale", "British lecturer"),
    ],
)
def test_an_occupation_or_relation_before_a_name_is_a_role(sentence: str, name: str, role: str) -> None:
    assert _roles(sentence)[name] == (role,)


def test_a_plural_relation_before_names_is_no_role_of_either() -> None:
    found = _roles("Her sons Tom Reed and Ken Reed said no.")
    assert all(not r for r in found.values()), found


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Anna Berg, who was appointed as envoy last year, said no.", "Anna Berg", "envoy"),
        # A post the person has left is a former one.
        ("Tom Reed, who has resigned as home secretary, said no.", "Tom Reed", "former home secretary"),
        ("Tom Reed, who stepped down as mayor in May, said no.", "Tom Reed", "former mayor"),
        # Dashes set off the aside as commas do.
        ("Tom Reed - who has resigned as home secretary - said no.", "Tom Reed", "former home secretary"),
        ("Anna Berg – the party's treasurer – said no.", "Anna Berg", "party's treasurer"),
    ],
)
def test_the_as_phrase_of_a_relative_clause_after_a_name_is_a_role(
    sentence: str, name: str, role: str
) -> None:
    assert _roles(sentence)[name] == (role,)


def test_the_body_a_person_is_of_is_a_role_but_a_home_town_is_not() -> None:
    # Wikinews, "Car bomb ramming attack kills dozens at military base in Maidan Wardak,
    # Afghanistan" (2019-01-24), CC BY 2.5, https://en.wikinews.org/wiki/
    # Car_bomb_ramming_attack_kills_dozens_at_military_base_in_Maidan_Wardak,_Afghanistan
    found = _roles("Sharif Hotak, of the Maidan Wardak provincial council, described witnessing 35 bodies.")
    assert found["Sharif Hotak"] == ("of the Maidan Wardak provincial council",)
    assert _roles("Tom Reed, of the National Audit Office, said no.")["Tom Reed"] == (
        "of the National Audit Office",
    )
    assert _roles("Tom Reed, of Leeds, said no.")["Tom Reed"] == ()


def test_the_party_a_speaker_answers_for_is_a_role_when_no_title_says_more() -> None:
    found = _roles("For the Liberal Democrats, Sir Menzies Campbell said the UK should not ignore it.")
    assert found["Menzies Campbell"] == ("for the Liberal Democrats",)
    titled = _roles("For the Conservatives, shadow education secretary Tim Collins said no.")
    assert titled["Tim Collins"] == ("shadow education secretary",)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # The model may take the "'s" into the owner's name.
        (
            "Tom Reed, Anna Berg's former press secretary, said no.",
            "Tom Reed",
            "Anna Berg's former press secretary",
        ),
        # A name inside the object of a preposition is whom the role is for, not a list.
        ("Gareth Hale, lawyer for Mr Begg, said she was shocked.", "Gareth Hale", "lawyer for Mr Begg"),
        # A participle's clause after the head describes; the role ends before it.
        ("Louise Hale, the lawyer representing Mr Abbasi, said no.", "Louise Hale", "lawyer"),
    ],
)
def test_another_persons_name_may_stand_inside_a_role(sentence: str, name: str, role: str) -> None:
    assert _roles(sentence)[name] == (role,)


def test_names_joined_by_commas_are_a_list_not_roles() -> None:
    found = _roles("Tom Reed, Anna Berg, Ken Hale and Sue Lamb were held for three years.")
    assert all(not r for r in found.values()), found


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # The honorific between comma and name is neither; the phrase may follow "said".
        ("The Lord Chief Justice, Lord Woolf, said it was pioneering work.", "Woolf", "Lord Chief Justice"),
        (
            "The figure hardly changed, said its chief executive, Sir Howard Newby.",
            "Howard Newby",
            "chief executive",
        ),
        # An age set off by commas first, then the role.
        (
            "Robert Jackson, 58, MP for Wantage, said he was disillusioned.",
            "Robert Jackson",
            "MP for Wantage",
        ),
        # The body a person is from or speaks for.
        (
            "Carl Hale, from the Institute for Fiscal Studies, said it was fine.",
            "Carl Hale",
            "from the Institute for Fiscal Studies",
        ),
        (
            "Mark Oaten, for the Liberal Democrats, said the vote showed it.",
            "Mark Oaten",
            "for the Liberal Democrats",
        ),
        ("Hannah Ward of the Refugee Council said it was wrong.", "Hannah Ward", "of the Refugee Council"),
    ],
)
def test_roles_set_off_by_honorifics_ages_and_bodies(sentence: str, name: str, role: str) -> None:
    assert _roles(sentence)[name] == (role,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Moazzam Hale, from Birmingham, was held.",
        "John Houston, 54, was due to stand.",
        "The arrest of Tom Reed of London was wrong.",
    ],
)
def test_a_home_town_or_an_age_is_no_role(sentence: str) -> None:
    found = _roles(sentence)
    assert found and all(not r for r in found.values()), found


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # The parse makes the name the appositive of the phrase after the preposition.
        (
            "Mr Blair held talks with his Israeli counterpart, Ariel Sharon.",
            "Ariel Sharon",
            "Israeli counterpart",
        ),
        # "told MPs the Lord Chancellor": the name is the second phrase's appositive only.
        ("But he told MPs the Lord Chancellor, Lord Falconer, was insisting.", "Falconer", "Lord Chancellor"),
        (
            "He pleaded for the life of a British lecturer, Dennis Hills, in 1975.",
            "Dennis Hills",
            "British lecturer",
        ),
        # After "as", a post the person held, not holds.
        ("It was backed by his predecessor as Cabinet Secretary, Lord Armstrong.", "Armstrong", None),
        # "then-" ties a time to the role; the hyphen is not part of it.
        (
            "Kelly Hale, then-New Jersey Governor Chris Christie's deputy, was convicted.",
            "Kelly Hale",
            "New Jersey Governor Chris Christie's deputy",
        ),
        # The next item of a list is someone else.
        (
            "Guests included indigenous leader Doug Hale, and the mother of prisoner Ross Ulbricht.",
            "Doug Hale",
            "leader",
        ),
    ],
)
def test_a_phrase_before_or_after_a_name_is_its_role_only_when_it_is_that_names(
    sentence: str, name: str, role: str | None
) -> None:
    assert _roles(sentence)[name] == ((role,) if role else ())


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The House impeached former presidents Andrew Johnson and Bill Clinton.", "former president"),
        (
            "Doubters were senior shadow cabinet members David Davis, Oliver Letwin and Tim Yeo.",
            "senior shadow cabinet member",
        ),
        ("Princes William and Harry said they were happy.", "Prince"),
    ],
)
def test_a_plural_title_before_a_list_of_names_is_each_ones_role(sentence: str, role: str) -> None:
    found = _roles(sentence)
    assert len(found) >= 2 and all(r == (role,) for r in found.values()), found


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # "and" joins modifiers inside one phrase whose head is the role.
        (
            "Theresa May, Tory shadow work and pensions secretary, said no.",
            "Theresa May",
            "Tory shadow work and pensions secretary",
        ),
        # A lower-case word the tagger calls a proper noun is still part of the title.
        (
            "Ex-chat show host Robert Kilroy-Silk has quit the party.",
            "Robert Kilroy-Silk",
            "Ex-chat show host",
        ),
        ("Documentary maker Michael Cockerell was given access.", "Michael Cockerell", "Documentary maker"),
    ],
)
def test_a_title_of_several_words_is_read_whole(sentence: str, name: str, role: str) -> None:
    assert _roles(sentence)[name] == (role,)


def test_and_between_two_heads_that_are_not_both_roles_gives_none() -> None:
    assert _roles("Anna Berg, a friend and adviser of the leader, said no.")["Anna Berg"] == ()


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # A participle modifying the head belongs to the role. Wikinews, "United States
        # military kills Qasem Soleimani" (2020-01-05), CC BY 2.5,
        # https://en.wikinews.org/wiki/United_States_military_kills_Qasem_Soleimani
        (
            "Adil Abdul-Mahdi, the acting Prime Minister of Iraq, spoke out against the attack.",
            "Adil Abdul-Mahdi",
            "acting Prime Minister of Iraq",
        ),
        # A capitalised plural title, which the lemmatizer leaves as it is.
        ("It was backed by Senators Marco Rubio of Florida and Mike Lee of Utah.", "Mike Lee", "Senator"),
    ],
)
def test_participles_and_capitalised_plurals_in_titles(sentence: str, name: str, role: str) -> None:
    assert _roles(sentence)[name] == (role,)
