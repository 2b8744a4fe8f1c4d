"""Constructions the section rules read beyond their closed word lists, each on a
self-written sentence about invented places: a demand told through someone's words,
a verb left out after a negation, a request turned down, a party's concern, a standing
rule, how things currently stand, and an earlier episode inside a dispute.
"""

from __future__ import annotations

import pytest

from .conftest import analyse_text

HEAD = "---\ntitle: A test\npublished: 2024-05-02\n---\nThe council met on Tuesday. It agreed a budget.\n\n"


def _sticking(body: str) -> list[str]:
    return [s.text for s in analyse_text(HEAD + body).sticking_points]


def _background(body: str) -> list[str]:
    return [b.text for b in analyse_text(HEAD + body).background]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the harbour board should not ignore the need to repair the pier.",
        "Ms Varga said that the courts must decide who owns the island.",
    ],
)
def test_what_someone_says_another_should_do_is_a_sticking_point(sentence: str) -> None:
    assert _sticking(sentence) == [sentence]


def test_a_standing_position_said_before_the_news_is_no_sticking_point() -> None:
    # "has said": the position is context, held before the news.
    assert _sticking("The mayor has said the pier should be sold.") == []


def test_a_negated_auxiliary_standing_for_the_verb_is_something_left_undone() -> None:
    # (A leading "while" is tidied away like a conjunction.)
    assert _sticking("While the lower chamber approved the budget, the upper chamber did not.") == [
        "The lower chamber approved the budget, the upper chamber did not."
    ]
    # A negated verb with its own words after it is no verb left out.
    assert _sticking("The upper chamber did not sit on Tuesday.") == []


def test_a_request_turned_down_is_a_sticking_point_but_declining_to_comment_is_not() -> None:
    sentence = "The council asked the judge to wait for the report, but he declined."
    assert _sticking(sentence) == [sentence]
    assert _sticking("The judge declined to comment on the report.") == []
    assert _sticking("Fish sales were declining before the ban.") == []


def test_a_party_worried_about_a_plan_is_a_sticking_point() -> None:
    sentence = "The fishermen's union is worried about plans to close the northern harbour."
    assert _sticking(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "By law, every ship over ten metres must register with the harbour office.",
        "The charter requires the consent of both chambers to appoint a harbour master.",
    ],
)
def test_a_standing_rule_in_the_articles_own_voice_is_background(sentence: str) -> None:
    assert _background(sentence) == [sentence]
    assert _sticking(sentence) == []


def test_how_things_currently_stand_is_background() -> None:
    sentence = "Night fishing is currently banned in the bay."
    assert _background(sentence) == [sentence]


def test_a_dispute_told_after_an_earlier_event_is_also_background() -> None:
    sentence = "The union was worried about plans to lift the quota imposed after the flood."
    assert _sticking(sentence) == [sentence]
    assert _background(sentence) == [sentence]


# --- what's next: a party's planned step, told by the construction -------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Harbour Party is to choose a new leader after the defeat.",
        "Premier Lund said she intends to leave the fishing pact by the end of June.",
        "The Fisheries Ministry will publish the new quota rules on 3 June.",
    ],
)
def test_a_planned_step_of_a_party_is_next(sentence: str) -> None:
    r = analyse_text(HEAD + sentence)
    assert [n.text for n in r.next] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # a plan told in the past
        "Mr Holm planned to stay with his cousin in the capital.",
        # an outcome, not something a party does
        "Fish prices are expected to rise in the summer.",
        # a will-future without a day of its own is a forecast as often as a plan
        "The ministry will publish its view.",
    ],
)
def test_what_is_no_planned_step_is_not_next(sentence: str) -> None:
    assert analyse_text(HEAD + sentence).next == ()


def test_an_event_word_naming_the_time_of_an_election_is_the_election() -> None:
    sentence = "Ms Berg announced she will not seek the party's leadership in the next election cycle."
    assert [n.title for n in analyse_text(HEAD + sentence).next] == ["Election"]


def test_the_day_a_plan_was_announced_is_not_the_date_of_the_event() -> None:
    r = analyse_text(HEAD + "On Sunday, Premier Lund announced she is to send a fishing bill to parliament.")
    assert [(n.title, n.date) for n in r.next] == [("Premier Lund send a fishing bill to parliament", None)]


def test_a_step_left_undone_in_the_news_days_stays_a_sticking_point() -> None:
    # Monday is three days before the news: the upper chamber's "no" still stands.
    assert _sticking("On Monday, the lower chamber approved the budget, but the upper chamber did not.") == [
        "The upper chamber did not."
    ]


def test_a_demand_joined_to_an_aside_of_the_reported_words_is_still_reported() -> None:
    sentence = (
        "Ms Varga said the council had no role since the charter was silent,"
        " and that the courts should decide."
    )
    assert _sticking(sentence) == [sentence]


def test_a_participle_standing_alone_with_a_subject_is_read_as_a_simple_past() -> None:
    # The tagger now and then reads "appointed" in "Holm appointed Lund" as a participle;
    # the parse is built by hand here so the test does not hang on the tagger's mood.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from generator.extract.clause_time import clause_tense

    words = ["Holm", "appointed", "Lund", "as", "envoy", "."]
    doc = Doc(
        Vocab(),
        words=words,
        tags=["NNP", "VBN", "NNP", "IN", "NN", "."],
        pos=["PROPN", "VERB", "PROPN", "ADP", "NOUN", "PUNCT"],
        deps=["nsubj", "ROOT", "oprd", "prep", "pobj", "punct"],
        heads=[1, 1, 1, 1, 3, 1],
    )
    assert clause_tense(doc[:]) == "past"
    passive = Doc(
        Vocab(),
        words=["Lund", "is", "appointed", "."],
        tags=["NNP", "VBZ", "VBN", "."],
        pos=["PROPN", "AUX", "VERB", "PUNCT"],
        deps=["nsubjpass", "auxpass", "ROOT", "punct"],
        heads=[2, 2, 2, 2],
    )
    assert clause_tense(passive[:]) == "present"


def test_how_an_institution_goes_about_things_is_background() -> None:
    sentence = "The Harbour Party uses open primaries to select its candidates for mayor."
    assert _background(sentence) == [sentence]


def test_a_persons_present_act_is_no_habit() -> None:
    assert _background("Premier Lund backs the new harbour plan.") == []


def test_a_quarrel_that_is_the_news_itself_is_a_sticking_point() -> None:
    opening = "The Harbour Party has criticised the ministry's handling of the quota talks."
    r = analyse_text(
        "---\ntitle: A test\npublished: 2024-05-02\n---\n" + opening + " The talks resume in June."
    )
    assert [s.text for s in r.sticking_points] == [opening]


# --- what's next: a party named by its kind, an obligation with a deadline ----------


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour court is to rule on the fishing licences.",
        "The senator intends to leave the party after the budget.",
    ],
)
def test_a_planned_step_of_a_party_named_by_its_kind_is_next(sentence: str) -> None:
    assert [n.text for n in analyse_text(HEAD + sentence).next] == [sentence]


def test_a_thing_named_by_its_kind_takes_no_step() -> None:
    assert analyse_text(HEAD + "The harbour tax is to fund the new pier.").next == ()


def test_an_obligation_with_a_deadline_of_its_own_is_next() -> None:
    sentence = "They are required to rule by 10 May on the harbour licences."
    assert [n.text for n in analyse_text(HEAD + sentence).next] == [sentence]
    # without a deadline "they" could be anyone, and an obligation is a rule
    assert analyse_text(HEAD + "They are required to rule on the harbour licences.").next == ()


# --- sticking points: accusations and suits ---------------------------------------


def test_an_accusation_cast_on_what_the_verb_governs_is_a_sticking_point() -> None:
    sentence = 'Mr Holm attacked the harbour inquiry as "a witch hunt".'
    assert _sticking(sentence) == [sentence]
    # an attack without a label is no accusation of this kind
    assert _sticking("Rebels attacked the harbour at dawn.") == []


def test_calling_someone_a_quoted_name_is_no_accusation_by_itself() -> None:
    # praise as often as blame: "called him a 'giant'"
    assert _sticking('The premier called the old mayor a "giant" of the harbour party.') == []


def test_a_suit_still_ahead_is_a_sticking_point_but_one_brought_is_an_episode() -> None:
    sentence = "One councillor, Ms Varga, said she intended to sue over the harbour sale."
    assert _sticking(sentence) == [sentence]
    assert _sticking("Three fishermen sued to be allowed to fish in the bay.") == []


def test_a_quarrel_in_the_news_days_stands_but_one_of_an_earlier_episode_is_background() -> None:
    # Monday is three days before the news: the rejection is the live state of things.
    monday = "On Monday, the harbour board rejected the council's plan for the pier."
    assert _sticking(monday) == [monday]
    january = "In January 2023, the harbour board rejected the council's plan for the pier."
    assert _sticking(january) == []
    assert _background(january) == [january]


def test_a_party_judging_an_act_inappropriate_is_a_sticking_point() -> None:
    sentence = "The palace considers it inappropriate for the harbour master to stand for office."
    assert _sticking(sentence) == [sentence]
    assert _sticking("The palace considers it fitting for the harbour master to stand for office.") == []


def test_opposition_a_party_voices_to_a_thing_is_a_sticking_point() -> None:
    sentence = "Senator Holm expressed opposition to the sale of the pier."
    assert _sticking(sentence) == [sentence]
    # a platform that includes a stance, or the opposition as the parties out of power
    assert _sticking("The party's platform is built on values including opposition to tolls.") == []
    assert _sticking("The opposition held a rally in the harbour.") == []
