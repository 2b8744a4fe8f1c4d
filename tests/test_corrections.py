"""Visible corrections: every rule that changes a record marks what it changed and is
listed, with its file, line and the editor's note (issue 17)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import corrections, overrides, record_json
from generator.errors import SeedError
from generator.model import Block, Correction, Edit, Item, Person, Quote

from .test_overrides import _p, record, rules


def test_a_note_is_kept_with_its_rule_as_one_line_of_plain_text() -> None:
    ov = rules(
        "quotes:\n  - match: never agree\n    speaker: Jane Doe\n"
        "    note: |\n      The agency\n      named her.\n"
    )
    assert ov.quotes[0].note == "The agency named her."


def test_a_long_note_is_cut_with_a_warning() -> None:
    ov = rules(f"suppress:\n  - match: wrong item\n    note: {'word ' * 200}\n")
    assert ov.suppress[0].note is not None and len(ov.suppress[0].note) <= overrides.MAX_NOTE_CHARS
    assert ov.notices == (f"seeds/a.yml:2: 'note' is 999 characters long; cut to {overrides.MAX_NOTE_CHARS}",)


def test_a_note_must_be_text() -> None:
    with pytest.raises(SeedError) as e:
        rules("suppress:\n  - match: wrong item\n    note: [a, b]\n")
    assert e.value.line == 2


def test_each_changed_item_carries_the_editors_mark_and_note() -> None:
    r = record(
        blocks=(Block("paragraph", "One."),),
        background=(Item("Tariffs remain a dispute.", _p(0)), Item("Old news.", _p(0))),
        quotes=(Quote("We will never agree to this.", None, "direct", _p(0)),),
    )
    ov = rules(
        "quotes:\n  - match: never agree\n    speaker: Jane Doe\n    note: Named in paragraph 4.\n"
        "move:\n  - match: tariffs remain\n    to: sticking_points\n"
        "add:\n  - section: questions\n    text: Will the pact hold?\n    note: Asked by readers.\n"
    )
    out, stale = corrections.apply(r, ov)
    assert stale == []
    assert out.quotes[0].edit == Edit("re-attributed", "Named in paragraph 4.")
    assert out.sticking_points[0].edit == Edit("moved")
    assert out.questions[0].edit == Edit("added", "Asked by readers.")
    assert out.background == (Item("Old news.", _p(0)),)  # what no rule touched has no mark


def test_every_correction_in_force_is_listed_with_its_file_line_and_note() -> None:
    r = record(
        background=(Item("The wrong item here.", _p(1)),),
        sticking_points=(Item("The wrong item too.", _p(2)),),
        quotes=(Quote("We will never agree to this.", "Someone", "direct", _p(1)),),
    )
    ov = rules(
        "suppress:\n  - match: the wrong item\n    note: Not in the article.\n"
        "quotes:\n  - match: never agree\n    speaker:\n"
        "move:\n  - match: not there at all\n    to: background\n"
    )
    out, stale = corrections.apply(r, ov)
    assert out.corrections == (
        Correction(
            "suppress",
            "removed from Background: “The wrong item here.”",
            "seeds/a.yml:2",
            "Not in the article.",
        ),
        Correction(
            "suppress",
            "removed from Sticking points: “The wrong item too.”",
            "seeds/a.yml:2",
            "Not in the article.",
        ),
        Correction("quote", "“We will never agree to this.”: speaker set to unattributed", "seeds/a.yml:5"),
    )
    assert len(stale) == 1  # the move matched nothing: reported, not listed as in force


def test_people_data_renames_and_roles_are_corrections_of_the_records_they_touch() -> None:
    people = overrides.parse_people(
        "people:\n  - name: Narendra Modi\n    aliases: [Modi]\n    roles: [Prime Minister]\n",
        "content/_data/people.yml",
    )
    r = record(people=(Person("Modi", roles=("PM",)),), quotes=(Quote("Yes.", "Modi", "direct", _p(0)),))
    out, _ = corrections.apply_people(r, people)
    assert out.corrections == (
        Correction("people", "Modi shown as Narendra Modi", "content/_data/people.yml:2"),
        Correction("people", "roles of Narendra Modi set to: Prime Minister", "content/_data/people.yml:2"),
    )
    already, _ = corrections.apply_people(
        record(people=(Person("Narendra Modi", roles=("Prime Minister",)),)), people
    )
    assert already.corrections == ()  # the article agrees with people.yml: nothing corrected


def test_a_misspelt_speaker_is_reported_with_a_suggestion_and_still_applied() -> None:
    r = record(
        people=(Person("Pervez Musharraf", aliases=("Musharraf",)), Person("Nawaz Sharif")),
        quotes=(Quote("We will fight on.", None, "direct", _p(0)),),
    )
    ov = rules("quotes:\n  - match: fight on\n    speaker: Pervez Musharaf\n")
    assert corrections.unknown_speakers(r, ov, overrides.People()) == [
        "seeds/a.yml:2: speaker 'Pervez Musharaf' is no one in the article nor in people.yml; "
        "did you mean 'Pervez Musharraf'? (the rule is applied: a new person)"
    ]
    out, _ = corrections.apply(r, ov)
    assert out.quotes[0].speaker == "Pervez Musharaf"


def test_a_speaker_known_by_alias_organisation_or_people_data_is_no_one_new() -> None:
    from .records import entity

    r = record(people=(Person("Pervez Musharraf", aliases=("Musharraf",)),), organizations=(entity("NATO"),))
    ov = rules(
        "quotes:\n  - match: fight on\n    speaker: musharraf\n  - match: we agree\n    speaker: NATO\n"
        "  - match: later on\n    speaker: Jane Roe\n"
    )
    people = overrides.parse_people("people:\n  - name: Jane Roe\n", "content/_data/people.yml")
    assert corrections.unknown_speakers(r, ov, people) == []
    unknown = corrections.unknown_speakers(r, ov, overrides.People())
    assert unknown == [
        "seeds/a.yml:6: speaker 'Jane Roe' is no one in the article nor in people.yml "
        "(the rule is applied: a new person)"
    ]


def test_marks_and_corrections_survive_the_record_json() -> None:
    r = record(
        blocks=(Block("paragraph", "One."),),
        quotes=(Quote("We will never agree to this.", "X", "direct", _p(0)),),
        background=(Item("Tariffs remain.", _p(0)),),
    )
    ov = rules(
        "quotes:\n  - match: never agree\n    speaker: Jane Doe\n    note: Named later.\n"
        "move:\n  - match: tariffs remain\n    to: next\n"
        "add:\n  - section: background\n    text: The pact dates from 1999.\n"
    )
    out, _ = corrections.apply(r, ov)
    assert record_json.loads(record_json.dumps(out)) == out


def test_a_record_no_editor_touched_has_the_json_it_always_had() -> None:
    text = record_json.dumps(record(background=(Item("Old news.", _p(0)),)))
    assert '"edit"' not in text and '"corrections"' not in text


@given(st.text(max_size=80))
def test_any_note_round_trips_through_the_record(note: str) -> None:
    r = record(background=(Item("Old news.", _p(0), edit=Edit("moved", note)),))
    assert record_json.loads(record_json.dumps(r)) == r
