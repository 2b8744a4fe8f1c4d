"""Quote extraction and speaker attribution, on self-written examples (and, in the
attribution goldens, Wikinews excerpts that name their source)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import nlp
from generator.extract.attribution.verbs import is_speech_verb as _is_speech_verb
from generator.extract.quotemarks import find_quotes
from generator.model import Quote

from .conftest import ROOT, analyse_text

ATTRIBUTION_GOLDENS = sorted((ROOT / "tests" / "goldens" / "attribution").glob("*.yml"))


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


def test_doubled_single_marks_are_double_marks() -> None:
    assert texts(["“It was an attempt to mislead,’’ Ann Moy said. “Plainly.”"]) == [
        "It was an attempt to mislead,",
        "Plainly.",
    ]
    assert texts(["He said ‘‘we will go’’ today."]) == ["we will go"]


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


def test_an_excerpt_marker_that_never_closes_leaves_the_quotes_inside() -> None:
    # A page sets a long excerpt off with straight marks that open each paragraph and
    # never close, and the excerpt's own quotes with curly marks.
    blocks = [
        '"The crowd waited. Then the mayor walked in, chanting “Four more years!”',
        "“That’s our man,” Ruth said to the screen.",
    ]
    assert texts(blocks) == ["Four more years!", "That’s our man,"]


def test_an_unclosed_quote_with_the_same_marks_inside_stays_one_quote() -> None:
    # The same straight mark again after a full stop reopens the quote (paragraphs joined
    # into one line), it does not nest a quote inside it.
    blocks = ['But he added: "We must act now. "Two million children are waiting for it."']
    assert texts(blocks) == ["We must act now.\n\nTwo million children are waiting for it."]


def test_joined_paragraphs_close_a_quote_before_the_next_speaker() -> None:
    # A corpus that joins paragraphs into one line: the first speaker's quote reopens
    # after a full stop and closes; the narration after it and the next opening mark
    # begin someone else's quote, not more of the first.
    blocks = [
        'The mayor said: "We built the road. "We will build the bridge." The plan was '
        'opposed. Ann Lee, a councillor, said: "It costs too much. "Nobody asked us."'
    ]
    assert texts(blocks) == [
        "We built the road.\n\nWe will build the bridge.",
        "It costs too much.\n\nNobody asked us.",
    ]
    # A quote inside a quote follows a word, not a full stop: it stays nested.
    assert texts(['He said: "They told me "go home" and left."']) == ['They told me "go home" and left.']


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
        ("He begged lawmakers to act, and a campaigner implored them too.", ["begged", "implored"]),
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


def test_a_term_named_after_a_quote_does_not_continue_it() -> None:
    qs = quotes_of(
        'Senator Maria Olsen opened the rally, telling supporters, "we will win this race together." '
        'After her speech, the slogan "Olsen Now" trended online.'
    )
    assert by_text(qs, "we will win").speaker == "Maria Olsen"
    assert not [q for q in qs if q.text == "Olsen Now"]


def test_of_a_description_and_a_name_before_the_verb_the_name_speaks() -> None:
    qs = quotes_of(
        "Former minister Arjun Rao died on Monday.\n\n"
        'His daughter, and member of the party, Meera Rao wrote, "He taught me that a promise is a debt."'
    )
    assert by_text(qs, "He taught me").speaker == "Meera Rao"


def test_a_surname_after_an_honorific_is_the_person_whatever_the_model_tags_it() -> None:
    # The small model tags "Straw" in "Mr Straw argued" as a product; he is still the
    # latest subject, so "he added" is his.
    qs = quotes_of(
        "Farm bill\n\nShadow minister Ada Kell attacked Home Secretary Jack Straw over the bill.\n\n"
        "Ms Kell said the plan was rushed. Mr Straw argued the plan would help farmers. "
        '"You are turning your back on rural Britain," he added.'
    )
    assert by_text(qs, "You are turning").speaker == "Jack Straw"
    # Tagged as the end of an organisation's name, he is still himself.
    qs = quotes_of(
        "Speech\n\nForeign Secretary Jack Straw spoke on Monday.\n\n"
        "In a speech to the Foreign Policy Centre Mr Straw said of the Tory leader: "
        '"He is clever but not wise."'
    )
    assert by_text(qs, "He is clever").speaker == "Jack Straw"


def test_words_credited_after_the_quote_are_that_persons() -> None:
    qs = quotes_of(
        'Party mood\n\nPrime Minister Alan Brook has told supporters he is "back".\n\n'
        '"Voters like the party more than its leader," is the dry assessment of Nora Field, '
        'a councillor in Leeds. "We will hold the seat easily." That was the view of the local '
        "party chairman, Rob Dunn."
    )
    assert by_text(qs, "Voters like the party").speaker == "Nora Field"
    assert by_text(qs, "We will hold the seat").speaker == "Rob Dunn"


def test_a_name_set_beside_the_subject_takes_over_from_the_last_speaker() -> None:
    qs = quotes_of(
        'Party mood\n\nCouncillor Nora Field is unhappy. "Vote for the party, not for the leader," '
        "she said. His friend, Saxon Webb, leader of the county group, blames one issue above all "
        'others. "You cannot underestimate the impact of the war. We lost good people."'
    )
    assert by_text(qs, "You cannot underestimate").speaker == "Saxon Webb"


def test_a_quote_ending_its_sentence_takes_no_verb_from_the_next_one() -> None:
    qs = quotes_of(
        'Markets\n\nShares in the builder fell sharply. "The stock should be above $10 but it is '
        'falling," said one trader. "If it drops much lower I would consider it a buying opportunity." '
        "Critics had accused the chairman of using the rebuilding for his own ends."
    )
    assert by_text(qs, "If it drops").speaker == "one trader"
    # An ellipsis trails off; the attribution may still follow.
    qs = quotes_of('Talks\n\n"We will talk, and then we will see what comes of it..." Anna Berg said.')
    assert by_text(qs, "We will talk").speaker == "Anna Berg"


def test_a_speaker_the_model_tags_as_a_work_of_art_is_still_the_person() -> None:
    # The small model tags "Ivo Hegedus" as a work of art; the firm in his
    # appositive did not say it.
    qs = quotes_of(
        "Prices\n\nAnalysts expect inflation to climb. "
        '"Prices will rise," Ivo Hegedus, chief economist with Lopes & Irmaos consultancy in Porto, '
        "told reporters."
    )
    assert by_text(qs, "Prices will rise").speaker == "Ivo Hegedus"


def test_words_quoted_again_with_a_speaker_are_that_speakers() -> None:
    qs = quotes_of(
        "Debate\n\n## Talk compared to 'playing to the gallery' at a rally\n\n"
        'Professor Lena Ortiz compared the candidate to an actor who is "playing to the gallery" '
        "in hopes of applause.\n"
    )
    assert [q.speaker for q in qs if q.text == "playing to the gallery"] == ["Lena Ortiz", "Lena Ortiz"]


def test_a_described_organisation_is_the_one_its_sentence_names() -> None:
    qs = quotes_of(
        "Banks\n\nAtlantic Bank cut its rates last week.\n\n"
        'Lower borrowing let the Bank of Canada make "aggressive use" of short-term bills, '
        "the central bank said in its annual report.\n"
    )
    assert by_text(qs, "aggressive use").speaker == "Bank of Canada"


def test_who_after_a_name_is_that_person_wherever_the_parse_hangs_it() -> None:
    qs = quotes_of(
        "Awards\n\nTwo actors have refused Oscars, including actor Tom Reed who said the whole "
        'ceremony was "demeaning".'
    )
    assert by_text(qs, "demeaning").speaker == "Tom Reed"


def test_the_champion_is_the_athlete_the_story_is_about() -> None:
    qs = quotes_of(
        "Injury\n\nAnna Kerr has pulled out of the indoor championships with a calf strain. "
        'The double world champion said: "I am gutted to miss the race, but my health comes first."'
    )
    assert by_text(qs, "I am gutted").speaker == "Anna Kerr"


def test_the_n_year_old_is_the_person_the_story_is_about() -> None:
    qs = quotes_of(
        'Tour\n\n"We are ready for the tour," Tana Umaga said. The 31-year-old admitted interest in '
        'the series was huge, calling it "the biggest event in years".'
    )
    assert by_text(qs, "the biggest event").speaker == "Tana Umaga"


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
    assert by_text(qs, "We will vote").speaker == "Ortiz"  # the label is not part of the words


def test_a_quoted_transcript_is_one_quote_per_turn() -> None:
    text = (
        "Interview\n\nThe host spoke to Governor Ann Pike on Sunday. Partial transcript:\n\n"
        '"HOST: Will the guest you invited sit in the front row?\n\n'
        '"PIKE: No, she will not. This is not a game show, it is serious business.\n\n'
        '"HOST: So you regret it?"\n'
    )
    qs = quotes_of(text)
    assert [(q.text, q.speaker) for q in qs] == [
        ("Will the guest you invited sit in the front row?", "Host"),
        ("No, she will not. This is not a game show, it is serious business.", "Ann Pike"),
        ("So you regret it?", "Host"),
    ]


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


# --- parses that go wrong ------------------------------------------------------------


def test_name_read_as_a_common_word_is_still_the_person() -> None:
    # "Bush boasted" or "Trump boasted": the tagger may read the surname as a word.
    text = "Taxes\n\nDonald Trump spoke on Monday.\n\nTrump boasted, “That makes me smart.”\n"
    assert by_text(quotes_of(text), "That makes me smart").speaker == "Donald Trump"


def test_a_dash_is_never_the_subject() -> None:
    text = (
        "Taxes\n\nDonald Trump spoke on Monday. Hillary Clinton replied.\n\n"
        "When Clinton noted that Trump has not paid anything in federal taxes ― as was true "
        "for the few years his returns were made public ― Trump boasted, “That makes me smart.”\n"
    )
    assert by_text(quotes_of(text), "That makes me smart").speaker == "Donald Trump"


def test_speech_verb_after_a_preposition_belongs_to_the_main_subject() -> None:
    text = (
        "Television\n\nHoward Dean, a former party chairman, spoke on Monday.\n\n"
        "Dean then appeared on television and began by saying he would “never” diagnose "
        "anyone through a screen.\n"
    )
    assert by_text(quotes_of(text), "never").speaker == "Howard Dean"


def test_subject_the_parse_hung_elsewhere_is_found_before_the_verb() -> None:
    text = (
        "League\n\nIn a panel discussion this weekend in Lisbon, Marta Quintel, the chief executive "
        "of the Northern Rail League, forcefully told a student who suggested that some people may "
        'not vote because of frustration that "this is not the first generation to be frustrated '
        'and staying home is not a strategy."\n'
    )
    assert by_text(quotes_of(text), "this is not the first").speaker == "Marta Quintel"


def test_object_pronouns_do_not_decide_a_speakers_gender() -> None:
    # "scolded him" says nothing about the senator; "she said" is the senator.
    text = (
        "Hearing\n\nDoctor Paul Ostrow testified on Monday.\n\n"
        "Senator Claire Ambler scolded him: “The scientific community is against you on "
        "every one of these products,” she said.\n"
    )
    assert by_text(quotes_of(text), "The scientific community").speaker == "Claire Ambler"


def test_pronoun_in_an_appositive_does_not_describe_the_name() -> None:
    text = (
        "Unrest\n\nHillary Clinton spoke on Twitter. Clinton plans to visit the city on Sunday.\n\n"
        "Donald Trump, her Republican opponent, bemoaned the unrest and said he thought that "
        'drugs were a "very, very big factor" in the violence.\n'
    )
    assert by_text(quotes_of(text), "very, very big factor").speaker == "Donald Trump"


def test_unnamed_source_keeps_its_hyphens() -> None:
    text = (
        "Leave\n\nThe plan was published last week.\n\n"
        "When pressed on why the plan leaves out fathers, the 34-year-old mother of three replied, "
        '"It is meant to benefit the mother who has given birth to the child."\n'
    )
    assert by_text(quotes_of(text), "It is meant to benefit").speaker == "the 34-year-old mother"


def test_footage_of_someone_speaking_is_their_words() -> None:
    text = (
        "The ad\n\nHillary Clinton spoke in Ohio.\n\n"
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I fifty points ahead, you might ask?”\n"
    )
    assert by_text(quotes_of(text), "Why aren’t I").speaker == "Hillary Clinton"


def test_a_verb_in_a_scene_setting_clause_after_the_quote_is_not_the_cue() -> None:
    text = (
        "The spot\n\nDonald Trump spoke. Hillary Clinton replied.\n\n"
        "The spot ends with footage of Trump saying during the debate last week, "
        "“That makes me smart,” when Clinton blasted him for not paying income tax.\n"
    )
    assert by_text(quotes_of(text), "That makes me smart").speaker == "Donald Trump"


def test_according_to_a_speech_is_the_speakers_words() -> None:
    text = (
        "Taxes\n\nHillary Clinton set out a plan.\n\n"
        "The aim is to curb ''activist'' investors focused on quarterly results, according to "
        "a speech Mrs. Clinton delivered at a university in July.\n"
    )
    assert by_text(quotes_of(text), "activist").speaker == "Hillary Clinton"


def test_whoever_labels_something_as_a_quoted_term_chose_the_words() -> None:
    text = (
        "Senate\n\nHarry Reid, the Senate leader, spoke. Donald Trump answered.\n\n"
        "In recent weeks, Reid has gone after Trump as a “human leech who will bleed the country.”\n\n"
        "The bill, known as the “Open Roads Act,” passed on Monday.\n"
    )
    qs = quotes_of(text)
    assert by_text(qs, "human leech").speaker == "Harry Reid"
    assert not [q for q in qs if q.text.startswith("Open Roads")], "a name is nobody's words"


def test_a_quote_paragraph_continues_the_person_introduced_before_it() -> None:
    text = (
        "Banks\n\nSenator Sarah Collins chairs the committee.\n\n"
        "Collins restricted her comments about breaking up big banks to hypothetical cases.\n\n"
        "“If any bank cannot be managed effectively, it should be broken up.”\n"
    )
    assert by_text(quotes_of(text), "If any bank").speaker == "Sarah Collins"


def test_a_shared_surname_is_the_holder_last_named_as_subject() -> None:
    text = (
        "Leave plan\n\nDaniel Lopez, the mayor's brother, spoke first on Monday.\n\n"
        "Mayor Maria Lopez presented the plan. Lopez said “fathers are not left out” of the plan.\n"
    )
    assert by_text(quotes_of(text), "fathers are not").speaker == "Maria Lopez"


def test_a_subheading_in_quotation_marks_is_nobodys_words() -> None:
    text = (
        "Coal\n\n"
        '"These are strange days," said Peter Morgan, a lawyer for the club.\n\n'
        "'Legend in the Coal Fields.'\n\n"
        "Bankruptcy is like a chess game in which companies seek to minimise liabilities.\n"
    )
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["These are strange days,"]


def test_a_description_means_the_main_subject_not_a_side_clause_subject() -> None:
    text = (
        "Tweets\n\nMike Pence says too much is made of Donald Trump’s tweets.\n\n"
        "The vice presidential nominee was speaking on Friday, hours after Trump unleashed "
        "a flurry of tweets.\n\n"
        "The governor said critics are to blame for focusing on “he said this, he tweeted that.”\n"
    )
    assert by_text(quotes_of(text), "he said this").speaker == "Mike Pence"


def test_a_quote_set_off_by_dashes_after_a_name_is_that_persons() -> None:
    text = (
        "Taxes\n\nMitt Romney spoke. Fred Goldberg spoke.\n\n"
        "A chorus of prominent Republicans has said the same thing, including the former "
        "candidate Mitt Romney -- ''It is disqualifying for a nominee to refuse to release "
        "tax returns to the voters'' -- and Fred Goldberg, a former commissioner.\n"
    )
    assert by_text(quotes_of(text), "It is disqualifying").speaker == "Mitt Romney"


def test_a_passive_verb_of_saying_belongs_to_its_agent() -> None:
    text = (
        "Online courses\n\nJohn Beaumont ran the scheme. Robert Hale chairs the committee.\n\n"
        'A failed scheme to offer courses online has been branded a "disgraceful waste" by MPs.\n\n'
        'Beaumont was quoted as saying "we tried everything we could to find backers."\n'
    )
    qs = quotes_of(text)
    assert by_text(qs, "disgraceful waste").speaker == "MPs"
    assert by_text(qs, "we tried everything").speaker == "John Beaumont"


def test_what_a_document_says_is_not_who_wrote_it() -> None:
    text = (
        "Laptop\n\nThe Post published a report on Monday.\n\n"
        "Fifty former intelligence officials signed a letter saying the Post's report "
        '"has all the classic earmarks of a foreign information operation."\n'
    )
    q = by_text(quotes_of(text), "has all the classic")
    assert q.speaker == "Fifty former intelligence officials"


def test_a_campaign_named_after_a_person_speaks_as_the_campaign() -> None:
    text = (
        "Op-ed\n\nDonald Trump spoke in Ohio. Miles Taylor wrote a book.\n\n"
        'The Trump campaign described Taylor as "just another arrogant swamp bro who loved '
        'the president until he figured out he could profit."\n'
    )
    assert by_text(quotes_of(text), "just another arrogant").speaker == "The Trump campaign"


def test_a_colon_lead_in_beats_a_verb_in_the_next_sentence() -> None:
    text = (
        "Shooting\n\nJoe Biden and Kamala Harris campaigned. Donald Trump spoke later.\n\n"
        'The Biden campaign released a statement: "We cannot accept that a crisis ends in death." '
        'President Trump called it a "terrible event" on Tuesday.\n\n'
        'The union backed Clinton: "Her fight has opened the door for women," the union wrote.\n'
    )
    qs = quotes_of(text)
    assert by_text(qs, "We cannot accept").speaker == "The Biden campaign"
    assert by_text(qs, "Her fight has opened").speaker == "the union"


def test_the_company_and_it_are_the_business_last_named() -> None:
    text = (
        "Console recall\n\nMicrosoft has said it will replace millions of power cables.\n\n"
        'The company said the move was a "preventative step" after reports of problems.\n\n'
        'In a statement, it added: "In almost all instances, any damage was contained within the console."\n'
    )
    qs = quotes_of(text)
    assert by_text(qs, "preventative step").speaker == "Microsoft"
    assert by_text(qs, "In almost all instances").speaker == "Microsoft"


def test_a_country_speaks_through_its_government() -> None:
    text = (
        "Nuclear test\n\nNorth Korea carried out a test on Friday.\n\n"
        'Even China, Pyongyang\'s only ally, said it was "resolutely opposed" to the test.\n\n'
        "WASHINGTON -- President Obama, opening the museum on Saturday, said it would tell "
        'a story of "suffering and delight, of fear and of hope."\n'
    )
    qs = quotes_of(text)
    assert by_text(qs, "resolutely opposed").speaker == "China"
    assert by_text(qs, "suffering and delight").speaker == "Obama"


def test_i_outside_quotation_marks_is_the_unnamed_writer() -> None:
    text = (
        "Final pleas\n\nHowie Hawkins attacked the military budget.\n\n"
        'To dissatisfied voters, I say, "There is a real party of peace and justice."\n'
    )
    assert by_text(quotes_of(text), "There is a real party").speaker is None


def test_a_quoted_claim_belongs_to_whoever_made_the_claim() -> None:
    text = (
        "Taxes\n\nDonald Trump refuses to release his returns.\n\n"
        "Contrary to his claim that voters would ''learn nothing,'' there would be a wealth "
        "of relevant information.\n"
    )
    assert by_text(quotes_of(text), "learn nothing").speaker == "Donald Trump"


def test_a_quote_after_a_sentence_where_someone_speaks_in_a_side_clause() -> None:
    text = (
        "Phones\n\nCarolina Milanesi is an analyst.\n\n"
        "Faster phones could drive people into upgrading, but Ms Milanesi said it was hard to say "
        'how quickly. "At the end of the day, people have cameras on their phones already."\n'
    )
    assert by_text(quotes_of(text), "At the end of the day").speaker == "Carolina Milanesi"


def test_an_agency_quoting_someone_as_saying_is_not_the_speaker() -> None:
    text = (
        "Dairy group\n\nEnrico Bondi runs the group.\n\n"
        '"Bondi gave us positive results on the industrial side," the news agency Apcom '
        "quoted Senator Marco Ferri as saying.\n"
    )
    assert by_text(quotes_of(text), "Bondi gave us").speaker == "Marco Ferri"


def test_a_party_worker_is_not_the_party() -> None:
    text = (
        "Conference\n\nThe Conservative Party met in Brighton.\n\n"
        '"He is not finished yet," whispered the Conservative Party person as the reporter left.\n'
    )
    assert by_text(quotes_of(text), "He is not finished").speaker == "the Conservative Party person"


def test_a_quote_does_not_continue_past_a_new_subject() -> None:
    text = (
        "Conference\n\nMichael Howard spoke in Brighton. Sarah Pike works for the party.\n\n"
        '"He is not finished yet," Sarah Pike whispered. Michael Howard had already broken away '
        'from the printed text of his speech. "One day you will tell your children that you were '
        'there and played your part."\n'
    )
    assert by_text(quotes_of(text), "One day you will").speaker == "Michael Howard"


def test_he_and_she_are_people_but_they_may_be_a_body() -> None:
    text = (
        "North Korea\n\nPresident Barack Obama condemned the test.\n\n"
        'The Security Council said the test was "a clear violation" of its resolutions. '
        'The statement noted they had said they would take "further significant measures" if '
        "another test followed.\n"
    )
    assert by_text(quotes_of(text), "further significant").speaker == "Security Council"


def test_an_officer_of_a_body_is_not_the_body() -> None:
    text = (
        "Hearings\n\nAlexander Vindman testified on Tuesday.\n\n"
        "Four officials testified, including a career Army officer who described the call "
        'as "improper."\n'
    )
    assert by_text(quotes_of(text), "improper").speaker == "a career Army officer"


def test_a_statement_which_read_belongs_to_whoever_released_it() -> None:
    text = (
        "Court ruling\n\nThe court ruled on Thursday.\n\n"
        'Facebook released a statement which read, in part, "This judgment raises critical '
        'questions around freedom of expression."\n'
    )
    assert by_text(quotes_of(text), "This judgment raises").speaker == "Facebook"


def test_going_on_about_words_is_saying_them() -> None:
    text = (
        "Rally\n\nMayor Ann Corbett spoke in Leeds on Monday.\n\n"
        "As Corbett went on about “a broken promise” and “empty buses,” Tom Reid said "
        "nothing at all.\n"
    )
    quotes = quotes_of(text)
    assert by_text(quotes, "a broken promise").speaker == "Ann Corbett"
    assert by_text(quotes, "empty buses").speaker == "Ann Corbett"


def test_a_closing_participle_belongs_to_the_main_clause_not_a_relative_clause() -> None:
    text = (
        "Contracts\n\nMayor Ann Corbett spoke on Monday.\n\n"
        "Corbett was defensive about not paying a builder who said he was owed money, "
        "saying, “Maybe the work was poor.”\n"
    )
    assert by_text(quotes_of(text), "Maybe the work").speaker == "Ann Corbett"


def test_a_participle_after_a_relative_clause_on_the_subject_stays_with_it() -> None:
    text = (
        "Launch\n\nThe party met in London on Monday.\n\n"
        'But it was Mr Milburn who took centre stage, speaking of the "positive campaign" '
        "ahead.\n"
    )
    assert by_text(quotes_of(text), "positive campaign").speaker == "Milburn"


def test_a_subjectless_participle_belongs_to_the_named_subject_opening_the_sentence() -> None:
    text = (
        "Taxes\n\nDonald Trump spoke on Monday.\n\n"
        "Mr. Trump hardly clarified the matter, treating the remark as a compliment -- "
        "''That makes me smart'' -- and, when questioned after the debate, asserting, "
        "''Of course, I pay federal taxes.''\n"
    )
    quotes = quotes_of(text)
    assert by_text(quotes, "That makes me smart").speaker == "Donald Trump"
    assert by_text(quotes, "Of course").speaker == "Donald Trump"


def test_a_known_name_the_tagger_read_as_a_verb_still_speaks() -> None:
    text = (
        "Russia\n\nDonald Trump spoke on Monday.\n\n"
        "Trump openly admires Russian President Vladimir Putin as a “strong leader,” comparing "
        "him favorably to President Obama.\n"
    )
    assert by_text(quotes_of(text), "strong leader").speaker == "Donald Trump"


def test_a_quoted_nickname_inside_a_name_is_not_a_quote() -> None:
    blocks = ['Rep. Robert C. "Bobby" Scott and Marcia "Cia" Price said "we are ready" today.']
    assert [q.text for q in quotes_of("Cookout\n\n" + blocks[0] + "\n")] == ["we are ready"]


def test_a_long_subject_after_a_split_quote_names_the_speaker() -> None:
    text = (
        "Cookout\n\nRep. Ann Corbett opened her garden on Monday.\n\n"
        '"This is a big year for all of us!" Corbett\'s niece, state Sen. Jill Hardy '
        "(D-Norfolk), shouted to the crowd.\n"
    )
    assert by_text(quotes_of(text), "This is a big year").speaker == "Jill Hardy"


def test_a_split_quote_does_not_go_to_the_next_sentences_own_speaker() -> None:
    text = (
        "Waiting lists\n\nHealth minister Jane Hutt spoke on Monday.\n\n"
        '"We are turning the corner," she said. "Two thirds wait less than six months." '
        'Glyn Thomas, the opposition health spokesman, said: "It is the same old target."\n'
    )
    assert by_text(quotes_of(text), "Two thirds").speaker == "Jane Hutt"


def test_per_a_document_is_according_to_it() -> None:
    text = (
        "Rules\n\nThe committee met on Monday.\n\n"
        "Proxies are barred when voting “to fill a vacancy on the ticket,” per the party’s "
        "bylaws.\n"
    )
    assert by_text(quotes_of(text), "to fill a vacancy").speaker == "the party’s bylaws"
    no_source = "Prices\n\nShares rose 5 per cent on what traders called “a very good week for us all.”\n"
    assert by_text(quotes_of(no_source), "a very good week").speaker == "traders"


def test_what_a_report_found_is_the_reports_finding() -> None:
    text = (
        "Visas\n\nLawmakers raised concerns on Monday.\n\n"
        "A Government Accountability Office report released last year found that officials could "
        'not be sure the money was not coming from "the drug trade, human trafficking or other '
        'crimes."\n'
    )
    assert by_text(quotes_of(text), "the drug trade").speaker == "Government Accountability Office"


def test_calling_someone_out_for_words_does_not_quote_them() -> None:
    text = (
        "Debate\n\nCampaign chief Dana Reyes spoke on Monday.\n\n"
        "Reyes told reporters she expects the host Paul Hale to step in by calling out the "
        "senator for his “fabrications” during the show.\n"
    )
    assert by_text(quotes_of(text), "fabrications").speaker == "Dana Reyes"


def test_a_participle_after_a_dash_aside_belongs_outside_it() -> None:
    text = (
        "Protest\n\nThe march began at noon on Saturday.\n\n"
        "Small groups of marchers kept circling the park - where the city's football club played "
        'its rivals - while chanting, "No justice, no peace."\n'
    )
    assert by_text(quotes_of(text), "No justice").speaker == "Small groups of marchers"


def test_authors_who_found_something_in_a_joined_clause_report_it() -> None:
    text = (
        "Taxes\n\nThe study came out on Monday.\n\n"
        "The authors of the study combed through the filings of 400 firms and found that most "
        "''kept accounts in offshore havens.''\n"
    )
    assert by_text(quotes_of(text), "kept accounts").speaker == "The authors of the study"


def test_a_name_inside_the_quote_is_not_who_she_is() -> None:
    text = (
        "Hearing\n\nPress secretary Anne Grady spoke after the hearing.\n\n"
        "“Both witnesses said nothing President Carter has done amounts to a crime,” she added.\n"
    )
    assert by_text(quotes_of(text), "Both witnesses").speaker == "Anne Grady"


def test_a_comment_belongs_to_whoever_was_led_to_make_it() -> None:
    text = (
        "Crime bill\n\nThe senator signed the bill in 1994.\n\n"
        "The bill prompted his colleague Ruth Adler to make a comment that described young "
        "offenders as “lost causes.”\n"
    )
    assert by_text(quotes_of(text), "lost causes").speaker == "Ruth Adler"


def test_a_pronoun_in_a_clause_about_someone_else_tells_nothing_of_the_subject() -> None:
    text = (
        "Convention\n\nAnn Lee watched the convention at home.\n\n"
        "Ann Lee talked to the nominee on the screen, who began his speech with a joke.\n\n"
        "“He is the one,” she said.\n"
    )
    assert by_text(quotes_of(text), "He is the one").speaker == "Ann Lee"


def test_likening_and_comparing_put_words_on_something() -> None:
    text = (
        "Rules\n\nThe new rules were published on Monday.\n\n"
        'Law professor Ruth Adler likened the rules to "tearing up the charter". '
        "Economist Tom Reid compared the plan to “a sugar rush.”\n"
    )
    quotes = quotes_of(text)
    assert by_text(quotes, "tearing up the charter").speaker == "Ruth Adler"
    assert by_text(quotes, "a sugar rush").speaker == "Tom Reid"


def test_a_saying_only_made_possible_is_nobodys_and_advocating_is_saying() -> None:
    text = (
        "Tax rules\n\nThe Tax Fairness Institute published its plan on Monday.\n\n"
        "The Tax Fairness Institute advocates rules to close loopholes like guidelines that allow firms to "
        "tell ''one country that a unit is a company and another that it is a trust.''\n"
    )
    assert by_text(quotes_of(text), "one country that a unit").speaker == "Tax Fairness Institute"


def test_a_place_or_a_possessor_in_the_speakers_phrase_is_not_the_speaker() -> None:
    text = (
        "Camp\n\nThe ministry denied the report on Monday.\n\n"
        "A Daily Ledger reporter's source inside the Hol camp said the claim was “plainly "
        "untrue.”\n"
    )
    speaker = by_text(quotes_of(text), "plainly untrue").speaker
    assert speaker not in {"Hol", "Daily Ledger"}
    assert speaker is not None and "source" in speaker


def test_a_left_out_subject_is_the_one_the_story_just_had() -> None:
    text = (
        "Row\n\nPrime Minister Ann Corbett spoke on Monday.\n\n"
        'Ms Corbett told reporters she had not read the report. But told the BBC: "As far as '
        'I am concerned, the matter is closed."\n'
    )
    assert by_text(quotes_of(text), "As far as I am concerned").speaker == "Ann Corbett"


def test_elaborating_is_saying() -> None:
    # Wikinews, "Argentine President Fernández to send bill legalising abortion to Congress"
    # (2020-03-04), CC BY 2.5, Wikinews contributors.
    text = (
        "Abortion bill\n\nThe bill would go to Congress on Sunday.\n\n"
        'Saying "there are many abortions despite the criminal threat" ((es))Spanish language: '
        "\u200dhay muchos abortos pese a la amenaza penal, President Fernández elaborated, "
        '"A state that is present must protect citizens in general and obviously women in '
        'particular."\n'
    )
    assert by_text(quotes_of(text), "A state that is present").speaker == "Fernández"


# --- descriptions that stand for who spoke (issue 15) ---------------------------------


def test_a_participle_read_as_a_noun_belongs_to_the_main_clause() -> None:
    text = (
        "Governor sworn in\n\n"
        "In a statement posted to her account before being sworn in, then-Secretary Ann Lee "
        'affirmed her willingness to accept the role, writing, "Ruritania needs certainty and '
        'stability. Our actions will be directed at that purpose."\n'
    )
    assert by_text(quotes_of(text), "Ruritania needs").speaker == "Ann Lee"


def test_part_of_a_statement_is_the_statement_of_whoever_made_it() -> None:
    text = (
        "Draft ruling\n\n"
        "On Friday, U.S. District Judge Tom Reed ruled the male-only draft was unconstitutional.\n\n"
        "Part of the judge's statement reads \"the average woman could be better suited for "
        'some of the positions than the average man."\n'
    )
    assert by_text(quotes_of(text), "the average woman").speaker == "Tom Reed"


def test_who_a_clause_on_a_statement_names_did_not_write_it() -> None:
    text = (
        "Citizenship ruling\n\n"
        "The government of Ruritania issued a statement agreeing the issue should be decided by "
        'Congress and not by judges: "imposition of citizenship by judicial fiat would fail to '
        'recognize the island\'s sovereignty." Their statement also read "imposition of '
        'citizenship violates fundamental principles of self-determination."\n'
    )
    quotes = quotes_of(text)
    assert by_text(quotes, "imposition of citizenship by").speaker != "Congress"
    assert by_text(quotes, "imposition of citizenship violates").speaker not in {
        "Congress",
        "Their statement",
    }
    # The subject of a clause on the document is its author.
    text = (
        "Tax plan\n\n"
        "The tax is supposed to curb ''activist'' investors, according to a speech Mrs. Clinton "
        "delivered at New York University in July.\n"
    )
    assert by_text(quotes_of(text), "activist").speaker == "Clinton"


def test_a_cut_full_stop_ends_the_quoted_sentence() -> None:
    text = (
        "Princess withdraws\n\n"
        'In support of her candidacy, Princess Anna Mahidol pointed out she had "relinquished my '
        'royal titles and lived as a commoner[.]" Sources report she is treated as royalty.\n'
    )
    assert by_text(quotes_of(text), "relinquished my").speaker == "Anna Mahidol"


def test_someone_named_in_a_description_is_who_spoke() -> None:
    text = (
        "Protests continue\n\n"
        'A university student named Wong said, "Even though the weather was so bad, people '
        'never back down."\n'
    )
    assert by_text(quotes_of(text), "Even though").speaker == "Wong"


def test_the_verb_a_quote_hangs_on_keeps_a_named_subject() -> None:
    # A proper name as the governing verb's subject is not traded for a nearer verb's
    # pronoun ("they could not resist noting").
    text = (
        "Fact check\n\n"
        "Donald Trump said there were thousands of shootings in Chicago.\n\n"
        'Politifact then ruled that Trump\'s statement about "thousands of shootings" in Chicago '
        'is "true," but in the course of their report '
        "they could not resist noting that every shooting did not result in a homicide.\n"
    )
    assert by_text(quotes_of(text), "true").speaker == "Politifact"


def test_an_infinitive_is_not_done_by_the_name_before_it() -> None:
    text = (
        "Overnight posts\n\n"
        "Donald Trump took to Twitter overnight to accuse Clinton's campaign of being "
        '"duped" by a rival.\n'
    )
    assert by_text(quotes_of(text), "duped").speaker == "Donald Trump"


def test_the_speech_verb_before_a_colon_introduces_the_quote() -> None:
    text = (
        "Feud talk\n\n"
        "Gordon Brown later told reporters he trusted the prime minister. Downing Street cited "
        "that comment when reporters suggested Mr Brown had failed to deny claims he had once "
        'told Mr Blair: "There is nothing you could ever say to me now that I could believe".\n'
    )
    assert by_text(quotes_of(text), "There is nothing").speaker == "Gordon Brown"


def test_a_first_person_paragraph_is_the_words_of_whom_the_one_before_is_about() -> None:
    text = (
        "David Brennan in quotes\n\n"
        "David Brennan - who has resigned as mayor - built his reputation as a plain-speaking "
        "Yorkshire man.\n\n"
        "I made mistakes and things went badly wrong in the summer, and then the paper picked up "
        'the story. "I tried for three years to make something work."\n\n'
        '"Trust matters so much to me as a politician and as a man that I have asked for a '
        'review of the allegations."\n'
    )
    quotes = quotes_of(text)
    assert by_text(quotes, "I tried for three years").speaker == "David Brennan"
    assert by_text(quotes, "Trust matters").speaker == "David Brennan"


def test_a_pronoun_subject_means_a_subject_before_an_object() -> None:
    text = (
        "Former leader dies\n\n"
        "Born in 1912, Lord Jim Hollis became a clerk at the tax office. He enlisted in the navy "
        "in 1942.\n\n"
        "When he refused to support prime minister Harold Wilson over the union manifesto in "
        '1968, he said: "I am not going to resign. They will have to throw me out".\n'
    )
    assert by_text(quotes_of(text), "I am not going to resign").speaker == "Jim Hollis"


def test_the_cue_table_lists_every_cue_a_quote_can_carry() -> None:
    # The evaluation reports accuracy per cue: every Quote.cue value comes from one row of
    # the table, or from the three ways outside it (a post's signature, the same words
    # quoted again, an editor's override).
    from typing import get_args

    from generator.extract.attribution.cues import CUES
    from generator.model import QuoteCue

    given = {c for cue in CUES for c in cue.gives}
    outside = {"post signature", "same words quoted again", "editor"}
    assert given | outside == set(get_args(QuoteCue))
    assert CUES[0].name == "signed" and CUES[-1].name == "previous sentence"


def test_each_stage_takes_its_speech_verbs_from_the_one_list() -> None:
    from generator.extract import lexicon

    assert lexicon.QUOTE_VERBS <= lexicon.SPEECH_VERB_LIST
    assert lexicon.REPORTING_VERBS <= lexicon.SPEECH_VERB_LIST
    # The entities' list holds a few acts only people do besides verbs of saying.
    assert {"want", "hope", "meet", "visit", "resign"} == lexicon.SPEECH_VERBS - lexicon.SPEECH_VERB_LIST


def test_defending_something_in_words_quotes_them() -> None:
    text = (
        "Police powers\n\n"
        "But Home Office minister Hazel Blears defended the move saying it would give the "
        'civilian officers "just that little bit of edge".\n'
    )
    assert by_text(quotes_of(text), "just that little bit").speaker == "Hazel Blears"


# --- attribution goldens -------------------------------------------------------------


@pytest.mark.parametrize("path", ATTRIBUTION_GOLDENS, ids=lambda p: p.stem)
def test_attribution_golden(path: Path) -> None:
    """tests/goldens/attribution/*.yml: an article's text, the start of one of its quotes,
    who said it and the cue that finds them (Wikinews excerpts name their source)."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    quote = by_text(quotes_of(case["text"]), case["quote"])
    assert (quote.speaker, quote.cue) == (case["speaker"], case["cue"])


def test_a_title_before_a_name_says_who_the_title_means() -> None:
    # The roles found give nobody the title; the name written right after it is its holder.
    text = (
        "Abortion bill\n\n"
        "President Alberto Fernández said he would send a bill to congress within ten days.\n\n"
        "The bill was criticised by archbishop Monsenor Jorge Eduardo Scheinig. Calling it a "
        '"culture of death" the archbishop said "We need to pray so that life is stronger than '
        'death."\n'
    )
    assert by_text(quotes_of(text), "We need to pray").speaker == "Jorge Eduardo Scheinig"
