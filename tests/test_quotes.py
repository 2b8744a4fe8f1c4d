"""Quote extraction and speaker attribution, on self-written examples."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import nlp
from generator.extract.quotemarks import find_quotes
from generator.extract.quotes import _is_speech_verb
from generator.model import Quote

from .conftest import analyse_text


def quotes_of(text: str) -> list[Quote]:
    return list(analyse_text(text).quotes)


def by_text(quotes: list[Quote], start: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(start)]
    assert hits, f"no quote starting {start!r} in {[q.text for q in quotes]}"
    return hits[0]


def texts(blocks: list[str]) -> list[str]:
    return [q.text(blocks) for q in find_quotes(blocks)]


# --- quotation marks ---------------------------------------------------------------


def test_curly_straight_single_and_tex_marks() -> None:
    assert texts(["He said “we will go” today."]) == ["we will go"]
    assert texts(['He said "we will go" today.']) == ["we will go"]
    assert texts(["He said ‘we will go’ today."]) == ["we will go"]
    assert texts(["He said 'we will go' today."]) == ["we will go"]
    assert texts(["He said ``we will go'' today."]) == ["we will go"]
    assert texts(["He said ''we will go'' today."]) == ["we will go"]
    assert texts(["He said «we will go» today."]) == ["we will go"]


def test_apostrophes_are_not_quotes() -> None:
    assert texts(["Don't touch the Kurds' files; it's Modi’s call from the ’90s."]) == []
    assert texts(["I' m honored and it isn't over."]) == []
    # An apostrophe inside a single-quoted stretch does not close it.
    assert texts(["She called it ‘Modi’s finest hour’ last week."]) == ["Modi’s finest hour"]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    blocks = ['He wrote: "The "United States" holds no one. They said \'no\' twice." Then he left.']
    assert texts(blocks) == ["The \"United States\" holds no one. They said 'no' twice."]
    assert texts(["“He asked ‘why?’ and left,” she said."]) == ["He asked ‘why?’ and left,"]


def test_multi_paragraph_quote_is_one_quote() -> None:
    blocks = [
        "The minister said: “We will build the road and the bridge this year.",
        "“We will also build the school, and the clinic after it.”",
        "Nobody else spoke.",
    ]
    spans = find_quotes(blocks)
    assert len(spans) == 1
    assert spans[0].text(blocks) == (
        "We will build the road and the bridge this year.\n\n"
        "We will also build the school, and the clinic after it."
    )
    assert (spans[0].block, spans[0].start) == (0, 20)


def test_quote_closed_on_a_later_line() -> None:
    blocks = [
        "She said in a statement: ``This is an exciting time for the company.",
        "I am honored to lead the team.''",
        "She replaces a long-serving chief.",
    ]
    assert texts(blocks) == ["This is an exciting time for the company.\n\nI am honored to lead the team."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab ,.:\n\"'`“”‘’«»")), max_size=40), max_size=5))
def test_arbitrary_marks_never_raise(blocks: list[str]) -> None:
    for span in find_quotes(blocks):
        for p in span.pieces:
            assert 0 <= p.start <= p.end <= len(blocks[p.block])
        span.text(blocks)


@settings(max_examples=15, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab said. ,:\"'“”‘’`")), max_size=60))
def test_arbitrary_article_never_raises(text: str) -> None:
    quotes_of("Title line\n\n" + text)


@pytest.mark.parametrize(
    ("sentence", "verbs"),
    [
        ("The minister told reporters, adding that she denies it.", ["told", "adding", "denies"]),
        ("He tweeted a picture of the table he sang about.", ["tweeted", "sang"]),
        ("Officials have spoken and written to the board.", ["spoken", "written"]),
        # "singled" is no form of "sing", "planned" no speech verb at all.
        ("She singled out the planned cuts.", []),
    ],
)
def test_speech_verbs_are_known_in_any_form(sentence: str, verbs: list[str]) -> None:
    assert [t.text for t in nlp.load()(sentence) if _is_speech_verb(t)] == verbs


# --- speakers ------------------------------------------------------------------------


ARTICLE = """Leaders meet over trade

Prime Minister Anna Keller met President Tomas Brandt in Vienna on Monday.

"We have agreed on the first steps," Keller said. "The rest will follow."
She added that the talks were "constructive and frank".

Brandt told reporters the deal was "a good start for both countries".

"We are not there yet," said Brandt, "but we are close."

According to Brandt, "the customs union remains the main obstacle for now".

The prime minister wrote on Twitter: "A good day for our farmers and our workers."

In a statement, the Foreign Ministry said: "The agreement respects the interests of both nations."

The so-called "paper tiger" of the old treaty never returned to the villages.
"""


def test_said_x_and_x_said_and_continuation() -> None:
    qs = quotes_of(ARTICLE)
    assert by_text(qs, "We have agreed").speaker == "Anna Keller"
    assert by_text(qs, "The rest will follow").speaker == "Anna Keller"
    assert by_text(qs, "We are not there").speaker == "Tomas Brandt"


def test_interrupted_quote_has_one_speaker() -> None:
    qs = quotes_of(ARTICLE)
    assert by_text(qs, "but we are close").speaker == "Tomas Brandt"


def test_partial_quote_in_reported_speech() -> None:
    qs = quotes_of(ARTICLE)
    q = by_text(qs, "constructive and frank")
    assert (q.speaker, q.kind) == ("Anna Keller", "partial")
    q = by_text(qs, "a good start")
    assert (q.speaker, q.kind) == ("Tomas Brandt", "partial")


def test_according_to_and_description_and_organisation() -> None:
    qs = quotes_of(ARTICLE)
    assert by_text(qs, "the customs union").speaker == "Tomas Brandt"
    assert by_text(qs, "A good day").speaker == "Anna Keller"
    assert by_text(qs, "The agreement respects").speaker == "Foreign Ministry"


def test_scare_quote_without_speaker_is_not_a_quote() -> None:
    qs = quotes_of(ARTICLE)
    assert not [q for q in qs if q.text == "paper tiger"]


def test_text_and_provenance_are_exact() -> None:
    rec = analyse_text(ARTICLE)
    for q in rec.quotes:
        block = rec.blocks[q.provenance.paragraph].text
        first = q.text.split("\n\n")[0]
        assert block[q.provenance.start : q.provenance.end] == first


def test_pronoun_resolves_to_fullest_name() -> None:
    text = (
        "Talks in Rome\n\nChancellor Maria Lind arrived in Rome on Tuesday.\n\n"
        "Lind spoke to the press. She said, “We want a fair deal for everyone here.”\n"
    )
    assert by_text(quotes_of(text), "We want a fair deal").speaker == "Maria Lind"


def test_quote_introduced_by_colon_and_lead_in_paragraph() -> None:
    text = (
        "Budget row\n\n"
        "Finance Minister Paul Osei rejected the plan: “It spends money we do not have at all.”\n\n"
        "Osei continued:\n\n“We will table our own budget next week, and it will balance.”\n"
    )
    qs = quotes_of(text)
    assert by_text(qs, "It spends money").speaker == "Paul Osei"
    assert by_text(qs, "We will table").speaker == "Paul Osei"


def test_embedded_post_is_attributed_to_its_author() -> None:
    text = (
        "A message online\n\nThe president replied online.\n\n"
        "Thank you all for the warm welcome in our capital today.\n"
        "— Lena Park (@lenapark) May 2, 2025\n"
    )
    rec = analyse_text(text)
    posts = [q for q in rec.quotes if q.kind == "post"]
    assert len(posts) == 1 and posts[0].speaker == "Lena Park"


def test_quote_signed_with_a_dash_and_transcript_line() -> None:
    text = (
        "Readers respond\n\nWe asked readers what they thought of the plan.\n\n"
        "“It is the best idea the council has had in many years.” ― Rosa Delgado\n\n"
        "“ORTIZ: We will vote against it, and we will say why in the chamber.”\n"
    )
    qs = quotes_of(text)
    assert by_text(qs, "It is the best idea").speaker == "Rosa Delgado"
    assert by_text(qs, "ORTIZ: We will vote").speaker == "Ortiz"


def test_unnamed_source_is_given_as_written() -> None:
    text = "An advert\n\n“You work hard and you pay your taxes every single year,” the narrator says.\n"
    assert by_text(quotes_of(text), "You work hard").speaker == "the narrator"


def test_accents_and_titles_lead_to_the_full_name() -> None:
    text = (
        "Border talks\n\nPresident Recep Tayyip Erdoğan spoke to reporters on Monday.\n\n"
        "The United Nations has called for calm.\n\n"
        "According to a statement released by Erdogan's office, “the talks will resume in May”.\n\n"
        "Former Ambassador to the United Nations Rachel Stone wrote on Twitter, "
        "“We must stand with our allies in every season, not only the easy ones.”\n"
    )
    qs = quotes_of(text)
    assert by_text(qs, "the talks will resume").speaker == "Recep Tayyip Erdoğan"
    assert by_text(qs, "We must stand").speaker == "Rachel Stone"


def test_spaced_straight_quotes_and_stray_marks() -> None:
    assert texts(['New features include " voice control ", which users asked for.']) == [" voice control "]
    # A lone closing mark is not the start of a quotation running to the end of the paragraph.
    assert texts(['The plan was "ready", the minister said, and all agreed.']) == ["ready"]
    assert texts(['It works well", he said, and then he left the room without another word.']) == []


def test_description_after_the_verb_resolves_to_the_role_holder() -> None:
    text = (
        "Rail strike\n\nTransport Minister Ines Vogt met union leaders on Friday.\n\n"
        "“We will not give in to threats from anyone on this matter,” said the minister.\n"
    )
    assert by_text(quotes_of(text), "We will not give in").speaker == "Ines Vogt"


def test_multi_paragraph_quote_in_an_article_keeps_first_provenance() -> None:
    text = (
        "Harbour plan\n\nMayor Jonas Berg presented the plan on Monday. He said:\n\n"
        "“The harbour will be rebuilt over the next five years, starting in spring.\n\n"
        "“The old warehouses will become homes, and the quay will be open to everyone.”\n\n"
        "The council votes next month.\n"
    )
    rec = analyse_text(text)
    q = by_text(list(rec.quotes), "The harbour will be rebuilt")
    assert q.speaker == "Jonas Berg"
    assert q.text.endswith("open to everyone.")
    assert "\n\n" in q.text
    block = rec.blocks[q.provenance.paragraph].text
    assert block[q.provenance.start : q.provenance.end] == q.text.split("\n\n")[0]


def test_groups_and_unnamed_officials_are_not_a_named_person() -> None:
    text = (
        "Finance talks\n\nFormer president Karl Ruben backed the plan on Friday.\n\n"
        'G7 ministers said "excess volatility" would hurt growth.\n\n'
        "“There is no deal yet, and there may be none this year,” a spokesman said.\n"
    )
    qs = quotes_of(text)
    assert by_text(qs, "excess volatility").speaker == "G7 ministers"
    assert by_text(qs, "There is no deal").speaker == "a spokesman"
    group = (
        "Summit\n\nPrime Minister Malcolm Reed arrived on Monday.\n\n"
        "Other leaders, including Prime Minister Malcolm Reed, "
        'said the talks had been "useful and long overdue".\n'
    )
    assert by_text(quotes_of(group), "useful and long").speaker == "Other leaders"


def test_implausible_speakers_are_dropped() -> None:
    from generator.extract.quotes import _plausible

    assert _plausible("Claire McCaskill (D-Mo.)")
    assert _plausible("63 percent") and _plausible("aides")
    assert not _plausible("es))Spanish language")
    assert not _plausible(None) and not _plausible("@handle")
