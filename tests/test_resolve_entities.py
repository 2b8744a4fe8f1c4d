"""One page per real organisation, place and person across articles (resolve_entities)."""

from __future__ import annotations

from generator import corpus, resolve_entities

from .records import entity, person, record


def _paths(c: corpus.Corpus, kind: str) -> list[str]:
    return [n.path for n in c.nodes if n.kind == kind]


def test_country_prefixes_are_one_form() -> None:
    keys = {resolve_entities.country_form(corpus.name_key(n)) for n in ("U.S. Senate", "US Senate")}
    keys.add(resolve_entities.country_form(corpus.name_key("United States Senate")))
    assert keys == {"us senate"}


def test_a_senate_in_a_us_story_is_the_us_senate_and_elsewhere_gets_no_page() -> None:
    us = (entity("Washington"),)
    c = corpus.build(
        [
            record("a", "2019-01-01", organizations=(entity("U.S. Senate"),), places=us),
            record("b", "2019-01-02", organizations=(entity("United States Senate"),)),
            record("c", "2019-01-03", organizations=(entity("Senate"),), places=us),
            record("d", "2019-01-04", organizations=(entity("Senate"),), places=(entity("Rome"),)),
        ]
    )
    senates = [n for n in c.nodes if "senate" in n.slug]
    assert len(senates) == 1
    assert senates[0].articles == ("a", "b", "c")
    assert c.link("d", "Senate") is None


def test_tories_conservatives_and_the_conservative_party_are_one_page() -> None:
    c = corpus.build(
        [
            record("a", "2005-01-01", organizations=(entity("Conservative Party"),)),
            record("b", "2005-01-02", organizations=(entity("Tories"),)),
            record("c", "2005-01-03", organizations=(entity("Conservatives"),)),
            record("d", "2005-01-04", organizations=(entity("Tory Party"),)),
        ]
    )
    assert _paths(c, "organisation") == ["organisations/conservative-party.md"]


def test_labour_is_the_uk_party_only_in_a_uk_story() -> None:
    c = corpus.build(
        [
            record("a", "2005-01-01", organizations=(entity("Labour Party"),), places=(entity("London"),)),
            record("b", "2005-01-02", organizations=(entity("Labour"),), places=(entity("Scotland"),)),
            record("c", "2019-01-02", organizations=(entity("Labour"),), places=(entity("Canberra"),)),
        ]
    )
    assert c.link("b", "Labour") == c.link("a", "Labour Party") == "organisations/labour-party.md"
    assert c.link("c", "Labour") is None


def test_a_plural_or_a_bare_party_name_joins_the_party() -> None:
    c = corpus.build(
        [
            record("a", "2019-01-01", organizations=(entity("Liberal Party"),)),
            record("b", "2019-01-02", organizations=(entity("Liberals"),)),
            record("c", "2019-01-03", organizations=(entity("Liberal"),)),
        ]
    )
    assert _paths(c, "organisation") == ["organisations/liberal-party.md"]


def test_a_word_the_articles_write_in_lower_case_is_no_entity() -> None:
    text = ("He was taken to hospital.", "The hospital said he was well.", "A hospital spokesman agreed.")
    c = corpus.build([record("a", "2019-01-01", paragraphs=text, organizations=(entity("Hospital"),))])
    assert c.nodes == ()


def test_a_name_that_is_a_place_in_most_articles_is_a_place() -> None:
    recs = [record(f"p{i}", "2019-01-01", places=(entity("Wales"),)) for i in range(3)]
    recs.append(record("o", "2019-01-02", organizations=(entity("Wales"),)))
    c = corpus.build(recs)
    assert [n.path for n in c.nodes] == ["places/wales.md"]
    assert c.link("o", "Wales") == "places/wales.md"


def test_a_name_ending_in_an_organisation_noun_stays_an_organisation() -> None:
    recs = [record(f"p{i}", "2019-01-01", places=(entity("Brexit Party"),)) for i in range(3)]
    assert [n.path for n in corpus.build(recs).nodes] == ["organisations/brexit-party.md"]


def test_house_is_not_taken_as_an_alias_of_the_white_house() -> None:
    c = corpus.build(
        [
            record(
                "a", "2019-01-01", organizations=(entity("White House", "House"),), places=(entity("US"),)
            ),
            record(
                "b", "2019-01-02", organizations=(entity("House of Representatives"),), places=(entity("US"),)
            ),
        ]
    )
    assert c.link("a", "House") != "organisations/white-house.md"


def test_an_owner_in_front_of_a_body_is_no_part_of_its_name() -> None:
    c = corpus.build(
        [
            record("a", "2019-01-01", organizations=(entity("Foreign Office"),)),
            record("b", "2019-01-02", organizations=(entity("Blair's Foreign Office"),)),
        ]
    )
    assert _paths(c, "organisation") == ["organisations/foreign-office.md"]


def test_a_name_with_or_without_a_middle_initial_is_one_person() -> None:
    c = corpus.build(
        [
            record("a", "2005-01-01", people=(person("George W. Bush"),)),
            record("b", "2005-01-02", people=(person("George Bush"),)),
        ]
    )
    assert _paths(c, "person") == ["people/george-w-bush.md"]


def test_two_fuller_names_keep_a_short_form_apart() -> None:
    merged = resolve_entities.person_variants({"george bush": 1, "george w bush": 1, "george h w bush": 1})
    assert "george bush" not in merged


def test_a_shorter_form_of_one_longer_name_is_that_person() -> None:
    merged = resolve_entities.person_variants({"tayyip erdogan": 1, "recep tayyip erdogan": 3})
    assert merged == {"tayyip erdogan": "recep tayyip erdogan"}


def test_a_lone_given_name_is_the_person_the_article_names_in_full() -> None:
    c = corpus.build([record("a", "2019-01-01", people=(person("Jeremy Cohen"), person("Jeremy")))])
    assert _paths(c, "person") == ["people/jeremy-cohen.md"]
    assert c.link("a", "Jeremy") == "people/jeremy-cohen.md"


def test_a_story_that_names_a_party_by_a_table_form_is_on_the_partys_page() -> None:
    said = ("The Lib Dems said the plan was misdirected.",)
    c = corpus.build(
        [
            record("a", "2005-01-01", organizations=(entity("Liberal Democrats"),)),
            record("b", "2005-01-02", paragraphs=said),
        ]
    )
    (party,) = c.nodes
    assert party.articles == ("a", "b")
    assert c.link("b", "Lib Dems") == party.path


def test_a_form_inside_a_longer_name_or_in_lower_case_is_not_the_body() -> None:
    found = resolve_entities.named_in_text(
        "The Liberal Democrats met Nato; a nato-style pact and tories in lower case."
    )
    assert found == {"liberal democrats": "Liberal Democrats", "nato": "Nato"}


def test_a_constituency_taken_for_a_person_gets_no_person_page() -> None:
    recs = [record(f"m{i}", "2005-01-01", places=(entity("Manchester"),)) for i in range(3)]
    recs.append(
        record("c", "2005-01-02", people=(person("Manchester Withington"), person("Manchester Smith")))
    )
    recs.append(record("d", "2005-01-03", people=(person("Alan Smith"),)))
    c = corpus.build(recs)
    assert c.link("c", "Manchester Withington") is None
    assert c.link("c", "Manchester Smith") == "people/manchester-smith.md"


def test_a_family_by_its_plural_is_not_a_place() -> None:
    c = corpus.build(
        [
            record("a", "2019-01-01", people=(person("Joe Biden"),)),
            record("b", "2019-01-02", places=(entity("Bidens"),)),
        ]
    )
    assert _paths(c, "place") == []


def test_a_plural_of_common_nouns_is_no_person() -> None:
    text = ("Two police officers were hurt.", "The officers were taken to hospital by police.")
    c = corpus.build([record("a", "2019-01-01", paragraphs=text, people=(person("Police Officers"),))])
    assert c.nodes == ()


def test_a_lone_word_of_a_persons_name_is_not_a_place() -> None:
    c = corpus.build(
        [record("a", "2019-01-01", people=(person("Jamal Khashoggi"),), places=(entity("Jamal"),))]
    )
    assert _paths(c, "place") == []


def test_a_name_only_ever_cut_from_a_longer_name_gets_no_page() -> None:
    text = ("Supporters of Black Lives Matter marched.", "Black Lives Matter said it would go on.")
    c = corpus.build([record("a", "2020-06-01", paragraphs=text, organizations=(entity("Black Lives"),))])
    assert c.nodes == ()
    assert c.link("a", "Black Lives") is None


def test_a_name_that_stands_alone_once_keeps_its_page() -> None:
    text = ("The Eastern District of Virginia heard it.", "The Eastern District said no.")
    c = corpus.build([record("a", "2014-01-01", paragraphs=text, places=(entity("Eastern District"),))])
    assert [n.name for n in c.nodes] == ["Eastern District"]


def test_an_owner_a_sentence_start_or_a_role_before_a_person_is_no_longer_name() -> None:
    person_words = frozenset({"nancy", "rothwell"})
    for text, name in (
        ("Spain's Aguas de Barcelona bought it.", "Aguas de Barcelona"),
        ("It was late. Strathclyde Police asked for help.", "Strathclyde Police"),
        ("Medical Research Council Professor Nancy Rothwell spoke.", "Medical Research Council"),
        ("He won the South Lawn of the White House.", "South Lawn"),
    ):
        start = text.index(name)
        assert resolve_entities.is_standalone(text, start, start + len(name), person_words), text


def test_a_capitalised_neighbour_or_of_and_a_capital_carry_the_name_on() -> None:
    for text, name in (
        ("The Progressive Party of Working People objected.", "Progressive Party"),
        ("the Tunisian League for the Defence of Human Rights", "Tunisian League"),
        ("the American Delta parties", "Delta"),
        ("Holborn and St Pancras, Oldham East and Saddleworth", "Oldham"),
    ):
        start = text.index(name)
        assert not resolve_entities.is_standalone(text, start, start + len(name), frozenset()), text


def test_a_people_named_from_a_place_is_neither_a_body_nor_a_place() -> None:
    places = frozenset({"kashmir", "iraq", "iran"})
    assert resolve_entities.is_demonym("kashmiri", places)
    assert resolve_entities.is_demonym("kashmiris", places)
    assert resolve_entities.is_demonym("welsh", places)  # the lexicon's irregular forms
    assert not resolve_entities.is_demonym("iran", places)  # a place of its own
    assert not resolve_entities.is_demonym("indiana", frozenset({"india"}))


def test_welsh_and_a_law_get_no_organisation_page() -> None:
    c = corpus.build(
        [
            record("a", "2005-01-01", places=(entity("Wales"),), organizations=(entity("Welsh"),)),
            record("b", "2005-01-02", organizations=(entity("Data Protection Act"),)),
        ]
    )
    assert _paths(c, "organisation") == []
    assert _paths(c, "place") == ["places/wales.md"]


def test_a_name_after_a_personal_title_is_a_persons() -> None:
    text = ("Ms Taylor spoke.", "Mr Katwala added: it is overdue.")
    c = corpus.build([record("a", "2005-01-01", paragraphs=text, places=(entity("Katwala"),))])
    assert c.nodes == ()


def test_an_and_inside_a_name_carries_it_on_but_a_list_does_not() -> None:
    for text, name, alone in (
        ("the Police Federation of England and Wales said", "Police Federation of England", False),
        ("the House Oversight and Reform Committee voted", "Reform Committee", False),
        ("visiting Tanzania, Mozambique and Kenya", "Mozambique", True),
        ("visiting Tanzania, Mozambique and Kenya", "Kenya", True),
    ):
        start = text.index(name)
        assert resolve_entities.is_standalone(text, start, start + len(name), frozenset()) is alone, name
