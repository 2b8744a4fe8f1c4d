"""The spaCy pipeline as the extractor sees it: every token carries its lemma."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from generator import nlp


def lemmas(text: str) -> dict[str, str]:
    return {t.text: t.lemma_ for t in nlp.load()(text)}


def test_the_lemmatizer_runs() -> None:
    assert "lemmatizer" in nlp.load().pipe_names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks were postponed until spring.", {"Talks": "talk", "were": "be", "postponed": "postpone"}),
        ("She refused to attend the summit.", {"refused": "refuse", "attend": "attend"}),
        ("Ministers met and spoke for hours.", {"Ministers": "minister", "met": "meet", "spoke": "speak"}),
        ("He has told reporters he won't go.", {"has": "have", "told": "tell", "wo": "will"}),
        ("Votes are being delayed.", {"Votes": "vote", "being": "be", "delayed": "delay"}),
    ],
)
def test_inflected_words_come_with_their_dictionary_form(sentence: str, expected: dict[str, str]) -> None:
    got = lemmas(sentence)
    assert {w: got[w] for w in expected} == expected


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("He hoped to attend the talks.", "hoped"),
        ("She hopes the vote will go ahead.", "hopes"),
        ("They are hoping to meet soon.", "hoping"),
        ("The aide texted a denial.", "texted"),
        ("The vote is slated for June.", "slated"),
    ],
)
def test_verbs_the_model_misreads_are_corrected(sentence: str, word: str) -> None:
    assert lemmas(sentence)[word] == nlp.VERB_LEMMAS[word]


def test_the_corrections_apply_only_to_verbs() -> None:
    # "hops" the noun and "hopped" (its own past) keep the model's reading.
    assert lemmas("The rabbit hopped over the hops.")["hopped"] == "hop"


def test_the_pipeline_id_names_what_was_left_out_and_corrected(monkeypatch: pytest.MonkeyPatch) -> None:
    before = nlp.pipeline_id()
    monkeypatch.setattr(nlp, "DISABLED", ("lemmatizer",))
    assert nlp.pipeline_id() != before


def tagged(words: list[str], tags: list[str]) -> Any:
    """A Doc with the tags given (the tagger's reading fixed), then the model's ruler and lemmatizer."""
    model = nlp.load()
    doc = Doc(model.vocab, words=words, tags=tags)
    return model.get_pipe("lemmatizer")(model.get_pipe("attribute_ruler")(doc))


@pytest.mark.parametrize(
    ("word", "verb"), [("delayed", "delay"), ("rescheduled", "reschedule"), ("prepared", "prepare")]
)
def test_a_participle_read_as_an_adjective_has_its_verbs_lemma(word: str, verb: str) -> None:
    doc = tagged(["the", word, "summit"], ["DT", "JJ", "NN"])
    assert doc[1].lemma_ == word
    assert nlp.verb_lemma(doc[1]) == verb


def test_a_verb_read_as_an_auxiliary_has_its_verbs_lemma() -> None:
    doc = tagged(["she", "says", "so"], ["PRP", "VBZ", "RB"])
    doc[1].pos_, doc[1].lemma_ = "AUX", "says"  # what the tagger does now and then
    assert nlp.verb_lemma(doc[1]) == "say"


def test_other_words_keep_their_lemma() -> None:
    doc = tagged(["the", "red", "talks"], ["DT", "JJ", "NNS"])
    assert [nlp.verb_lemma(t) for t in doc] == ["the", "red", "talk"]
