"""People, roles, organisations and places: self-written example articles.

A snippet marked "Wikinews" is from a Wikinews article (Wikinews contributors, CC BY 2.5).
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc, Span

from generator import clean, ingest, nlp, pipeline
from generator.extract import entities, roles
from generator.extract.article import Article


def _article(text: str) -> Article:
    src = ingest.parse(text.encode("utf-8"), "a.txt", "a")
    doc = clean.clean(src)
    return Article(doc, tuple(next(pipeline.analyse([doc]))), None)


def _find(text: str) -> entities.Entities:
    return entities.find(_article(text))


def _person(ents: entities.Entities, name: str) -> Any:
    found = [p for p in ents.people if p.name == name]
    assert found, f"{name} not among {[p.name for p in ents.people]}"
    return found[0]


def _names(ents: entities.Entities) -> list[str]:
    return sorted(p.name for p in ents.people)


def _roles(text: str) -> dict[str, tuple[str, ...]]:
    """Each person the article names, with the roles found for them."""
    return {p.name: p.roles for p in _find(text).people}


# --- pure helpers -------------------------------------------------------------------------


def test_clean_name_drops_honorifics_titles_and_possessives() -> None:
    assert entities.clean_name("Mr Straw’s") == ("Straw", ["Mr"])
    assert entities.clean_name("President Donald Trump") == ("Donald Trump", ["President"])
    assert entities.strip_possessive("Modi's") == "Modi"


def test_fold_ignores_case_accents_and_quote_styles() -> None:
    assert entities.fold("Erdoğan") == entities.fold("ERDOGAN") == "erdogan"
    assert entities.fold("O’Neill") == entities.fold("O'Neill")


def test_a_title_joined_by_and_splits_into_roles_only_when_both_halves_are_roles() -> None:
    assert roles.split_roles("policy expert and former security official") == [
        "policy expert",
        "former security official",
    ]
    assert roles.split_roles("minister of trade and industry") == ["minister of trade and industry"]


# --- people -------------------------------------------------------------------------------

STRAW = """Budget row

Foreign Secretary Jack Straw said the rebate was not negotiable.
Mr Straw told reporters that Straw's position had not changed since Tuesday.
"""


def test_each_person_once_under_the_fullest_name_with_short_forms_as_aliases() -> None:
    ents = _find(STRAW)
    assert _names(ents) == ["Jack Straw"]
    straw = _person(ents, "Jack Straw")
    assert straw.aliases == ("Straw",)
    assert straw.roles == ("Foreign Secretary",)
    assert ents.person("Mr Straw") == "Jack Straw"
    assert ents.person("Straw’s") == "Jack Straw"


POST = """Leaders exchange messages

Prime Minister Maria Lopez thanked her counterpart on Friday.
Thank you for the kind words, my friend.
— Maria Lopez (@marialopez) May 3, 2024
"""


def test_a_post_signature_handle_is_an_alias_of_its_author() -> None:
    ents = _find(POST)
    lopez = _person(ents, "Maria Lopez")
    assert "@marialopez" in lopez.aliases
    assert ents.person("@marialopez") == "Maria Lopez"


HEADLINE = """Talks resume

Chancellor Peter Holm met union leaders on Monday.
Holm Praises Union Leaders
Holm said the meeting was useful.
Read More: Film Star Anna Berg Wins Award
"""


def test_headings_and_teasers_give_no_people() -> None:
    ents = _find(HEADLINE)
    assert _names(ents) == ["Peter Holm"]


CLINTONS = """Family campaign

Hillary Clinton spoke in Ohio on Monday. Chelsea Clinton spoke in Iowa.
Later Hillary Clinton met donors, and Clinton said the campaign was strong.
"""


def test_people_sharing_a_surname_stay_apart_and_the_surname_is_resolved_by_context() -> None:
    ents = _find(CLINTONS)
    assert {"Hillary Clinton", "Chelsea Clinton"} <= set(_names(ents))
    assert ents.person("Clinton") is None
    assert set(ents.ambiguous["clinton"]) == {"Hillary Clinton", "Chelsea Clinton"}
    block = 1
    pos = _article(CLINTONS).document.blocks[block].text.index("Clinton said")
    assert ents.person_at("Clinton", block, pos) == "Hillary Clinton"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Egyptian foreign minister Sameh Shoukry arrived in Rome.",
            "Sameh Shoukry",
            "Egyptian foreign minister",
        ),
        ("Jack Straw, the foreign secretary, said no.", "Jack Straw", "foreign secretary"),
        ("The foreign secretary, Jack Straw, said no.", "Jack Straw", "foreign secretary"),
        (
            "Anna Berg, who heads the central bank, said rates would rise.",
            "Anna Berg",
            "head of the central bank",
        ),
        (
            "Former US Ambassador to the United Nations Karen Hill wrote a letter.",
            "Karen Hill",
            "Former US Ambassador to the United Nations",
        ),
        (
            "Tom Reed, director of the Institute for Peace, said it was late.",
            "Tom Reed",
            "director of the Institute",
        ),
    ],
)
def test_roles_as_the_article_gives_them(sentence: str, name: str, role: str) -> None:
    person = _person(_find("Title\n\n" + sentence + "\n"), name)
    assert any(role in r for r in person.roles), person.roles


def test_a_name_a_title_introduces_is_found_even_when_the_model_misses_it() -> None:
    ents = _find("Visit\n\nIndia was wary of Pakistan Army Chief Asim Munir’s presence at the talks.\n")
    munir = _person(ents, "Asim Munir")
    assert munir.roles == ("Pakistan Army Chief",)


def test_media_and_modifier_uses_of_a_name_are_not_people() -> None:
    ents = _find(
        "Pipeline news\n\nThe minister wrote on Twitter that the Poseidon pipeline was ready.\n"
        "Greek daily Kathimerini said the deal was close.\n"
    )
    assert not {"Twitter", "Poseidon", "Kathimerini"} & set(_names(ents))


def _with_label(article: Article, block: int, word: str, label: str) -> Article:
    """The same article with every `word` in a block tagged `label`, as the small model sometimes does."""
    doc = article.docs[block]
    spans = [Span(doc, t.i, t.i + 1, label=label) for t in doc if t.text == word]
    doc.ents = [e for e in doc.ents if not any(e.start <= s.start < e.end for s in spans)] + spans
    return article


def test_a_known_persons_surname_tagged_as_a_place_stays_that_person() -> None:
    art = _article("Trade\n\nPrime Minister Narendra Modi spoke.\nLater Modi met traders in Delhi.\n")
    ents = entities.find(_with_label(art, 1, "Modi", "GPE"))
    assert "Modi" not in {p.name for p in ents.places}
    assert _person(ents, "Narendra Modi").mentions == 2


# --- places and organisations ---------------------------------------------------------------

PLACES = """Trade talks

The US and India met in Delhi. Officials from the United States said U.S. tariffs stay.
The International Monetary Fund (IMF) warned that Indian goods would cost more.
The IMF also met officials at the White House. The IMF said talks would go on.
"""


def test_places_and_organisations_are_one_entry_each_with_their_forms() -> None:
    ents = _find(PLACES)
    us = [p for p in ents.places if p.name == "United States"]
    assert len(us) == 1
    assert {"US", "the United States", "U.S."} <= set(us[0].aliases)
    assert "US" not in {p.name for p in ents.places}
    # One entry for the fund, named by the form the article uses most.
    imf = [o for o in ents.organizations if {"IMF", "International Monetary Fund"} & {o.name, *o.aliases}]
    assert len(imf) == 1
    assert {imf[0].name, *imf[0].aliases} >= {"IMF", "International Monetary Fund"}
    assert imf[0].name == "IMF"
    assert "White House" in {o.name for o in ents.organizations}


def test_a_demonym_points_to_its_country_when_the_article_names_it() -> None:
    ents = _find(PLACES)
    assert ents.place("Indian") == "India"
    assert ents.place("the United States") == "United States"


def test_a_lone_word_that_is_part_of_an_organisations_name_is_not_a_person() -> None:
    ents = _find(
        "Party row\n\nThe Harbour Party met on Monday. Harbour's Tom Reed said the vote was close.\n"
        "Harbour MPs backed him.\n"
    )
    assert "Harbour" not in _names(ents)
    assert "Tom Reed" in _names(ents)


def test_organisation_spellings_differing_in_case_are_one_entry() -> None:
    ents = _find("Votes\n\nThe Green Party won. Officials of the Green party were pleased.\n")
    greens = [o for o in ents.organizations if o.name.lower() == "green party"]
    assert len(greens) == 1


def test_a_definite_role_description_names_the_role_of_the_person_just_named() -> None:
    ents = _find(
        "Budget\n\nThe rebate is not up for talks, Tom Reed said.\n"
        "The foreign secretary told MPs the rebate, won by Anna Berg in 1984, was fair.\n"
    )
    assert _person(ents, "Tom Reed").roles == ("foreign secretary",)
    assert _person(ents, "Anna Berg").roles == ()


def test_a_definite_description_does_not_take_a_role_someone_already_holds() -> None:
    ents = _find(
        "Talks\n\nForeign Secretary Anna Berg met Tom Reed on Monday.\n"
        "Tom Reed left early. The foreign secretary said talks would go on.\n"
    )
    assert _person(ents, "Tom Reed").roles == ()


def test_a_lone_word_is_a_person_only_with_evidence() -> None:
    ents = _find(
        "Vote\n\nBrexit looms over the vote in March.\nLucy wrote to the office on Monday.\n"
        "Tom Reed met Lucy later.\n"
    )
    names = _names(ents)
    assert "Brexit" not in names
    assert "Lucy" in names


@pytest.mark.parametrize(
    ("sentence", "name", "speaks"),
    [
        ("Lucy told the board.", "Lucy", True),
        ("Lucy has spoken to the board.", "Lucy", True),
        ("Lucy will tell the board.", "Lucy", True),
        ("Lucy is saying no.", "Lucy", True),
        ("Lucy and Tom say the board is wrong.", "Lucy", True),
        ("Brexit looms over the vote.", "Brexit", False),
    ],
)
def test_the_subject_of_a_speech_verb_in_any_form_speaks(sentence: str, name: str, speaks: bool) -> None:
    doc = nlp.load()(sentence)
    assert entities._speaks(next(t for t in doc if t.text == name)) is speaks


def test_one_name_is_no_subject_of_a_bare_verb_of_saying() -> None:
    """An aside like "(think Estmark)" misparsed as if Estmark thought: "think" does
    not agree with one name, so it is no sign of a person."""
    model = nlp.load()
    words, tags = ["think", "Estmark"], ["VBP", "NNP"]
    doc = Doc(model.vocab, words=words, tags=tags, heads=[0, 0], deps=["ROOT", "nsubj"])
    doc = model.get_pipe("lemmatizer")(model.get_pipe("attribute_ruler")(doc))
    assert not entities._speaks(doc[1])


def test_a_generational_suffix_does_not_split_a_person() -> None:
    ents = _find(
        "Obituary\n\nFormer Representative John Conyers died on Sunday.\n"
        "Born John James Conyers Jr in Detroit, Conyers served for decades.\n"
    )
    conyers = [p for p in ents.people if "Conyers" in p.name]
    assert len(conyers) == 1, conyers


def test_a_shared_surname_goes_to_the_subject_not_to_a_relative_named_in_passing() -> None:
    text = (
        "Obituary\n\nOn Monday, Pranav Mehta died. The death was announced by his son Arjun Mehta.\n"
        "Mehta was cremated on Tuesday.\n"
    )
    art = _article(text)
    ents = entities.find(art)
    block = next(i for i, b in enumerate(art.document.blocks) if b.text.startswith("Mehta was"))
    assert ents.person_at("Mehta", block, 0) == "Pranav Mehta"
    assert _person(ents, "Pranav Mehta").aliases == ("Mehta",)


@pytest.mark.parametrize(
    ("sentence", "name", "roles_"),
    [
        (
            "Police Commissioner Sir John Stevens said crime fell.",
            "John Stevens",
            ("Police Commissioner",),
        ),
        (
            "The lawsuit challenges the declaration of emergency by US President Donald Trump.",
            "Donald Trump",
            ("US President",),
        ),
    ],
)
def test_titles_end_before_honorifics_and_start_after_plain_nouns(
    sentence: str, name: str, roles_: tuple[str, ...]
) -> None:
    assert _person(_find("Title\n\n" + sentence + "\n"), name).roles == roles_


def test_a_capitalised_dateline_is_a_place_and_description_is_not_part_of_an_org_name() -> None:
    ents = _find(
        "Probe\n\nWASHINGTON — Officials in Washington said a complaint was filed by the federal "
        "Trade Commission on Monday.\n"
    )
    assert "Washington" in {p.name for p in ents.places}
    assert not any(o.name.isupper() and o.name.lower() == "washington" for o in ents.organizations)
    commission = [o.name for o in ents.organizations if "Trade Commission" in o.name]
    assert commission == ["Trade Commission"]
    assert ents.org_index["federal trade commission"] == "Trade Commission"


def test_a_titled_surname_used_before_a_relatives_full_name_stays_its_own_person() -> None:
    text = (
        "Rally\n\nMr. Novak spoke in Ohio on Saturday, the president said.\n"
        "He was joined by his wife, Maria Novak, at the rally.\n"
        "Mrs. Novak said the crowd was large. Mr. Novak said he was pleased.\n"
    )
    art = _article(text)
    ents = entities.find(art)
    assert {"Novak", "Maria Novak"} <= set(_names(ents))
    assert ents.person("Novak") == "Novak"
    assert ents.person("Mr. Novak") == "Novak"
    block = next(i for i, b in enumerate(art.document.blocks) if b.text.startswith("Mrs. Novak"))
    assert ents.person_at("Mrs. Novak", block, 0) == "Maria Novak"


def test_a_name_only_ever_after_a_preposition_of_place_is_not_a_person() -> None:
    ents = _find("Clashes\n\nFighting went on in Ras Tanura on Monday.\nTom Reed said the town was calm.\n")
    assert _names(ents) == ["Tom Reed"]


def test_an_honorific_of_the_other_sex_keeps_a_shared_surname_from_the_wrong_person() -> None:
    text = (
        "Campaign\n\nHillary Clinton and Bill Clinton arrived in Iowa.\n"
        "Mrs Clinton spoke first. Then Mr Clinton said the campaign was strong.\n"
    )
    art = _article(text)
    ents = entities.find(art)
    block = next(i for i, b in enumerate(art.document.blocks) if b.text.startswith("Mrs Clinton"))
    text_of = art.document.blocks[block].text
    assert ents.person_at("Mrs Clinton", block, 0) in {"Hillary Clinton", "Bill Clinton"}
    first = ents.person_at("Mrs Clinton", block, 0)
    second = ents.person_at("Mr Clinton", block, text_of.index("Mr Clinton"))
    assert first != second


def test_hyphenated_and_spaced_spellings_of_a_surname_are_one_person() -> None:
    ents = _find(
        "Party\n\nFormer MEP Robert Kilroy-Silk launched a party on Wednesday.\n"
        "Mr Kilroy-Silk said it would stand in every seat. Kilroy Silk later left.\n"
    )
    kilroys = [p.name for p in ents.people if "Kilroy" in p.name]
    assert kilroys == ["Robert Kilroy-Silk"]


def test_a_titled_surname_and_a_later_full_name_are_one_person_without_a_sign_of_two() -> None:
    ents = _find(
        "Obituary\n\nLord Carrick, the former prime minister, has died aged 92.\n"
        "Born in Kent, Jim Carrick led the party for a decade. Lord Carrick said little of it.\n"
    )
    carricks = [p.name for p in ents.people if "Carrick" in p.name]
    assert carricks == ["Jim Carrick"]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "She acted at the request of Tom Reed, then the Prime Minister, on Friday.",
            "Tom Reed",
            "Prime Minister",
        ),
        (
            "Yesterday, United States House of Representatives Speaker Anna Berg confirmed a vote.",
            "Anna Berg",
            "United States House of Representatives Speaker",
        ),
        ("Lawyer Ken Macdonald QC said the law was clear.", "Ken Macdonald", "Lawyer"),
        # An occupation or a rank opening the sentence is a role, not a given name.
        ("Producer Mel Gibson said the film would open in May.", "Mel Gibson", "Producer"),
        ("Det Supt Mick Deats said the raid was a success.", "Mick Deats", "Det Supt"),
        ("Rabbi Miriam Gold said the service would go ahead.", "Miriam Gold", "Rabbi"),
        (
            "Meanwhile, nine-times champion Dermot Kelly will not return.",
            "Dermot Kelly",
            "nine-times champion",
        ),
        # A list, not an appositive: the role after the comma is the next person's.
        # Wikinews, "Thousands march in anti-Brexit protest, London" (2019-03-28), CC BY 2.5.
        (
            "There were several speakers at the rally, including First Minister of Scotland Nicola "
            "Sturgeon, Labour MP (Member of Parliament) Tom Watson, and Sadiq Khan.",
            "Nicola Sturgeon",
            "First Minister of Scotland",
        ),
        # A title that runs on before the model's entity ("Constable David Warcup").
        (
            "But Assistant Chief Constable David Warcup has met the protest groups.",
            "David Warcup",
            "Assistant Chief Constable",
        ),
        # A people's member in front of a name is neither name nor role.
        ("Spaniard Guillermo Garcia-Lopez beat the top seed.", "Guillermo Garcia-Lopez", None),
        ("Briton Tim Henman lost in the first round.", "Tim Henman", None),
        # The model tags only "Cohen"; a role before the run keeps the name whole.
        (
            "He suggested Borat actor and producer Sacha Baron Cohen may have edited the film.",
            "Sacha Baron Cohen",
            "producer",
        ),
    ],
)
def test_role_and_name_edges(sentence: str, name: str, role: str | None) -> None:
    person = _person(_find("Title\n\n" + sentence + "\n"), name)
    assert person.roles == ((role,) if role else ())


def test_a_party_label_glued_to_a_name_is_not_part_of_it() -> None:
    ents = _find(
        "Row\n\nTory leader Michael Howard spoke on Monday.\n"
        "But Tory Liam Fox said the plan was wrong. Fox said it twice.\n"
    )
    assert "Liam Fox" in _names(ents)
    assert not any(n.startswith("Tory") for n in _names(ents))


def test_an_institution_named_without_its_country_is_one_organisation() -> None:
    ents = _find(
        "Vote\n\nThe U.S. Senate voted at 14:00 UTC on Tuesday. The Senate then adjourned.\n"
        "The US Supreme Court will rule, and the Supreme Court may delay.\n"
    )
    names = {o.name for o in ents.organizations}
    assert "Senate" not in names and "Supreme Court" not in names
    assert {"U.S. Senate", "US Supreme Court"} <= names
    assert "UTC" not in names


def _with_span_label(article: Article, block: int, phrase: str, label: str) -> Article:
    """The same article with `phrase` in a block tagged as one `label` entity."""
    doc = article.docs[block]
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase), label=label)
    assert span is not None
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    return article


def test_a_titled_name_inside_an_organisation_entity_is_a_person() -> None:
    art = _article("Briefing\n\nOn Monday, Presidential Spokesperson Tom Reed denied the report.\n")
    art = _with_span_label(art, 0, "Presidential Spokesperson Tom Reed", "ORG")
    ents = entities.find(art)
    assert _person(ents, "Tom Reed").roles == ("Presidential Spokesperson",)
    assert not ents.organizations


def test_a_known_persons_name_at_the_end_of_a_place_entity_is_split_off() -> None:
    art = _article(
        "Speech\n\nChief Executive Anna Berg spoke.\nCrowds in Hong Kong Anna Berg ignored marched.\n"
    )
    art = _with_span_label(art, 1, "Hong Kong Anna Berg", "GPE")
    ents = entities.find(art)
    assert [p.name for p in ents.places] == ["Hong Kong"]
    assert _person(ents, "Anna Berg").mentions == 2


def test_a_title_inside_a_person_entity_is_a_role_not_part_of_the_name() -> None:
    ents = _find("Debate\n\nLib Dem MP Lembit Opik said no.\n")
    assert _person(ents, "Lembit Opik").roles == ("Lib Dem MP",)


def test_a_relative_clause_in_an_appositive_gives_the_role() -> None:
    ents = _find(
        "Obituary\n\nOn Monday, Tom Reed, a career politician who served as President of Ruritania, died.\n"
    )
    assert _person(ents, "Tom Reed").roles == ("President of Ruritania",)


@pytest.mark.parametrize(
    ("sentence", "name", "roles_"),
    [
        ("Anna Berg, a friend of the party leader, said no.", "Anna Berg", ()),
        (
            "Tom Reed, formerly the mayor of Springfield, said no.",
            "Tom Reed",
            ("former mayor of Springfield",),
        ),
        ("Tory shadow chancellor Tom Reed said no.", "Tom Reed", ("Tory shadow chancellor",)),
    ],
)
def test_an_appositive_is_a_role_only_when_its_head_noun_is_one(
    sentence: str, name: str, roles_: tuple[str, ...]
) -> None:
    assert _person(_find("Title\n\n" + sentence + "\n"), name).roles == roles_


def test_a_handle_that_spells_a_persons_whole_name_is_their_alias() -> None:
    ents = _find(
        "Thanks\n\nPrime Minister Maria Lopez thanked President Tom Reed on Friday.\n"
        "Thank you, my friend @realTomReed and @PressOffice.\n"
        "— Maria Lopez (@marialopez) May 3, 2024\n"
    )
    assert "@realTomReed" in _person(ents, "Tom Reed").aliases
    assert not any("@PressOffice" in p.aliases for p in ents.people)


def test_a_name_does_not_end_in_a_capitalised_common_noun() -> None:
    ents = _find("Vote\n\nMeanwhile Lib Dem MPs backed the plan.\n")
    assert _names(ents) == []


# --- labels, epithets and mislabelled names --------------------------------------------------


def test_a_label_the_article_names_on_its_own_is_dropped_from_a_name() -> None:
    ents = _find("Tax row\n\nThe Tories were angry. Tory David Heathcoat-Amory said the tax was unfair.\n")
    assert "David Heathcoat-Amory" in _names(ents)
    assert not any(n.startswith("Tory") for n in _names(ents))


def test_an_epithet_in_front_of_a_known_name_is_not_the_persons_name() -> None:
    ents = _find(
        'Rally\n\nHillary Clinton spoke in Ohio. Trump said: "Did Crooked Hillary lie? '
        'Crooked Hillary Clinton is lying."\n'
    )
    assert "Hillary Clinton" in _names(ents)
    assert "Crooked Hillary Clinton" not in _names(ents)
    assert _person(ents, "Hillary Clinton").mentions == 2


def test_a_first_name_before_a_surname_form_is_kept() -> None:
    ents = _find("Talks\n\nThe envoy met Omar bin Salem on Monday. Later bin Salem said talks went well.\n")
    assert "Omar bin Salem" in _names(ents)


def test_a_person_the_model_tags_as_a_work_of_art_is_found() -> None:
    art = _article("Sanctions\n\nThe minister condemned support for Nicolás Maduro in Venezuela.\n")
    doc = art.docs[0]
    i = next(t.i for t in doc if t.text == "Nicolás")
    doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [
        Span(doc, i, i + 2, label="WORK_OF_ART")
    ]
    assert "Nicolás Maduro" in _names(entities.find(art))


def test_a_quoted_or_common_word_work_of_art_is_no_person() -> None:
    art = _article('Aid\n\nHe praised the "Marshall Plan" again.\n')
    doc = art.docs[0]
    i = next(t.i for t in doc if t.text == "Marshall")
    doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [
        Span(doc, i, i + 2, label="WORK_OF_ART")
    ]
    assert "Marshall Plan" not in _names(entities.find(art))


def test_a_short_form_of_an_organisation_in_the_same_article_is_its_alias() -> None:
    from generator.textnorm import abbreviates

    assert abbreviates("Lib Dems", "Liberal Democrats")
    assert not abbreviates("Middle East", "Middle Eastern")
    assert not abbreviates("Court of Appeal", "Court of Appeals")


def test_a_ticket_of_two_names_is_no_organisation() -> None:
    art = _article("Ballot\n\nThe Reed/Keller ticket won votes in Ohio.\n")
    doc = art.docs[0]
    i = next(t.i for t in doc if t.text.startswith("Reed"))
    j = next(t.i for t in doc if t.text == "ticket")
    doc.ents = [e for e in doc.ents if e.end <= i or e.start >= j] + [Span(doc, i, j, label="ORG")]
    assert not any("/" in o.name for o in entities.find(art).organizations)


def test_a_surname_that_is_a_month_is_still_a_person() -> None:
    ents = _find(
        "Child access\n\nThe plans may change before summer, ministers said.\n\n"
        "Theresa May, shadow secretary for the family, told the programme the plans were weak. "
        "The bill is due on Friday May 5, and a vote in May.\n"
    )
    assert "Theresa May" in _names(ents)
    assert not [n for n in _names(ents) if n.startswith(("Friday", "May"))]


def test_untagged_capitalised_words_need_a_persons_slot() -> None:
    ents = _find(
        "Pensions\n\nThe High Commissioner, Sir Alan Reed, visited on Monday.\n\n"
        "Downing Street said it would reply. Harbour Trust, a charity, said it was unfair.\n"
    )
    names = _names(ents)
    assert "Alan Reed" in names
    assert not {"High Commissioner", "Harbour Trust", "Downing Street"} & set(names)


def test_names_in_a_place_slot_are_places_not_people() -> None:
    names = _names(
        _find(
            "Offensive\n\nPresident Bashar al-Assad spoke on Monday.\n\n"
            "The Syrian Army entered Tell Tamer and Ain Issa yesterday, state media said.\n"
        )
    )
    assert "Bashar al-Assad" in names
    assert not {"Tell Tamer", "Ain Issa"} & set(names)


def test_a_person_listed_after_a_date_is_still_a_person() -> None:
    names = _names(
        _find(
            "Budget\n\nGordon Brown set out the idea in his review in December and Tony Blair "
            "is now recycling it, the Conservatives said.\n"
        )
    )
    assert {"Gordon Brown", "Tony Blair"} <= set(names)


def test_party_labels_are_not_people_nor_part_of_a_name() -> None:
    names = _names(
        _find(
            "Spending\n\nTory David Heathcoat-Amory said the rules were weak. "
            "Lib Dem Norman Baker said the plan was late, and Lib Dem MPs agreed. "
            "The Lib Dems will vote against it, said Welshman Ray Reardon.\n"
        )
    )
    assert {"David Heathcoat-Amory", "Norman Baker", "Ray Reardon"} <= set(names)
    assert not [n for n in names if n.split()[0] in {"Tory", "Lib", "Welshman"}]


def test_a_name_glued_to_the_place_of_its_title_is_a_person() -> None:
    names = _names(
        _find(
            "Hearings\n\nUkraine asked for help. Officials in Ukraine waited.\n\n"
            "Another diplomat, former special envoy to Ukraine Kurt Volker, changed his account "
            "of the meeting on Tuesday.\n"
        )
    )
    assert "Kurt Volker" in names


def test_a_name_tagged_as_an_organisation_is_a_person_when_a_role_follows_it() -> None:
    article = (
        "Trade\n\nTalks in Scotland stalled.\n\n"
        "Eswar Prasad, a trade professor at Cornell, said the talks were stuck. "
        "Palaniappan Chidambaram, the finance minister, agreed. Hits included Super Trouper, "
        "SOS and Dancing Queen.\n"
    )
    names = _names(_find(article))
    assert {"Eswar Prasad", "Palaniappan Chidambaram"} <= set(names)
    assert "Super Trouper" not in names


def test_a_nickname_in_quotation_marks_stays_inside_the_name() -> None:
    article = (
        'Cookout\n\nRep. Robert C. "Bobby" Scott opened his yard on Monday. '
        "His niece, state Del. Marcia “Cia” Price, spoke first. Bobby Scott spoke last.\n"
    )
    names = _names(_find(article))
    assert 'Robert C. "Bobby" Scott' in names
    assert 'Marcia "Cia" Price' in names
    assert not {"Bobby Scott", "Marcia", "Scott"} & set(names)


def test_a_title_on_a_surname_two_people_share_is_not_handed_to_either() -> None:
    people = _roles(
        "Hearings\n\nThe inquiry looked at political rival Joe Biden and his work in Ukraine.\n\n"
        "The company on whose board Hunter Biden had a seat was named.\n\n"
        "Volker rejected the theory that Vice President Biden had been influenced.\n"
    )
    assert "Vice President" not in people.get("Hunter Biden", ())


def test_a_hyphenated_given_name_after_a_title_stays_whole() -> None:
    people = _roles(
        "Case closed\n\nDeputy Director of Public Prosecution Lise-Marie Dahl said the case "
        "was closed on Tuesday.\n"
    )
    assert people.get("Lise-Marie Dahl") == ("Deputy Director of Public Prosecution",)


def test_a_verb_form_in_front_of_a_name_is_not_a_given_name() -> None:
    names = _names(
        _find(
            "Films\n\nDirector Erling Dahl spoke on Monday.\n\n"
            "Finding Neverland won the prize. Questioning Dahl, reporters pressed on. "
            "Erling Dahl watched from Downing St.\n"
        )
    )
    assert not {"Finding Neverland", "Questioning Dahl", "Downing St"} & set(names)
    assert "Erling Dahl" in names  # a name that merely ends in -ing stays


def test_a_surname_with_particles_is_a_form_of_the_full_name() -> None:
    ents = _find(
        "Debate\n\nThe debate featured socialist nominee Gloria La Riva and Unity Party nominee "
        "Rocky De La Fuente.\n\nLa Riva described the military as a burden. De La Fuente disagreed.\n"
    )
    assert ents.person("La Riva") == "Gloria La Riva"
    assert ents.person("De La Fuente") == "Rocky De La Fuente"
    assert not [o.name for o in ents.organizations if "Riva" in o.name or "Fuente" in o.name]


def test_a_name_the_model_cuts_before_its_last_word_is_whole() -> None:
    # The small model tags only "Tory Dominic" here, leaving "Grieve" outside.
    ents = _find(
        'Bill\n\nMr Hale said the bill was fair but Tory Dominic Grieve branded the scheme as "reckless".\n'
    )
    assert "Dominic Grieve" in _names(ents)


def test_a_middle_word_of_a_long_name_alone_is_that_person() -> None:
    # "Vázquez" for "Wanda Vázquez Garced": a first surname in the Spanish manner.
    full = entities._Mention("Lucia Marquez Ortega", 0, 0, 20, 0)
    alone = entities._Mention("Marquez", 1, 0, 7, 1)
    entities._resolve([full, alone])
    assert alone.person == "Lucia Marquez Ortega"


def test_a_place_before_a_clause_is_no_person_however_the_clause_ends() -> None:
    # "Los Angeles, his former wife introduced him to actor X": no appositive role.
    ents = _find("Star\n\nOn a visit to Los Angeles, his former wife introduced him to actor Nicolas Cage.\n")
    assert _names(ents) == ["Nicolas Cage"]


def test_a_title_ends_at_its_head_before_a_given_name_the_model_left_out() -> None:
    # Wikinews, "Police shoot teenage protester ..." (2019-10-02), CC BY 2.5; the model
    # tags only "Yu Hoi-kwan" as the name.
    doc = nlp.load()("Police Senior Superintendent Yolanda Yu Hoi-kwan said at a press conference:")
    name_start = next(t.i for t in doc if t.text == "Yu")
    assert roles.title_before(doc, name_start, 0) == "Police Senior Superintendent"


def test_a_name_glued_to_a_place_the_article_names_only_there_is_a_person() -> None:
    # The model tags "Vermont Bernie Sanders" as one organisation, and Vermont
    # appears nowhere else in the article.
    ents = _find(
        "Campaign\n\nOn Monday, United States Senator from Vermont Bernie Sanders ended his campaign.\n\n"
        '"I do not make this decision lightly," Sanders said.\n'
    )
    assert "Bernie Sanders" in _names(ents)
    assert ents.person("Sanders") == "Bernie Sanders"


def test_a_body_named_after_a_title_word_is_no_person() -> None:
    ents = _find(
        "Transition\n\nThe United States General Services Administration said it would release funds.\n"
    )
    assert _names(ents) == []
