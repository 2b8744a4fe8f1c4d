"""Behaviour of the rendered site that goldens alone would not explain."""

from __future__ import annotations

import json
import posixpath
import re

import icalendar

from generator.render import render_site
from generator.render.abbreviations import used, with_abbreviations
from generator.render.backlinks import add_backlinks

from .records import entity, event, person, quote, record

HOSTILE = "</script><script>alert(1)</script> {{ x }} {% if %} *a* [b](c)"


def _site() -> dict[str, str]:
    return render_site(
        [
            record(
                "a",
                "2025-09-01",
                title=HOSTILE,
                paragraphs=(HOSTILE, "The G20 meets."),
                people=(person("Narendra Modi", "Prime Minister"),),
                places=(entity("India"),),
                quotes=(quote(HOSTILE, "Narendra Modi"),),
                next=(event("G20 summit", "2025-11-22", place="Johannesburg"), event("Visit", "2025-08")),
            ),
            record("b", "2025-10-01", people=(person("Modi"),), quotes=(quote("Yes.", "Modi"),)),
        ]
    )


def _body(page: str) -> str:
    """A page without its front matter (which holds data, not Markdown)."""
    return page.split("\n---\n", 1)[1] if page.startswith("---\n") else page


def test_article_text_is_shown_literally_everywhere() -> None:
    for path, page in _site().items():
        if path.endswith(".md"):
            text = _body(page)
            assert "<script>" not in text, path
            assert "{{ x }}" not in text and "{% if %}" not in text, path


def test_json_ld_cannot_close_its_script_element() -> None:
    page = _site()["explainers/a.md"]
    (line,) = [x for x in page.splitlines() if x.startswith("jsonld:")]
    assert "</" not in line and "<script" not in line
    import yaml

    data = json.loads(yaml.safe_load(line)["jsonld"])
    assert data["@type"] == "BackgroundNewsArticle"
    assert data["about"] == [{"@type": "Person", "name": "Narendra Modi"}]
    assert data["hasPart"][0]["creator"]["name"] == "Narendra Modi"


def test_speakers_link_to_their_person_page_and_it_lists_all_their_quotes() -> None:
    site = _site()
    assert "[Narendra Modi](../people/narendra-modi.md)" in site["explainers/a.md"]
    assert "[Modi](../people/narendra-modi.md)" in site["explainers/b.md"]
    person = site["people/narendra-modi.md"]
    assert person.count("<blockquote") == 2
    assert person.index("explainers/a.md#p1") < person.index("explainers/b.md#p1")


def test_every_generated_link_points_to_a_generated_page() -> None:
    site = _site()
    for path, page in site.items():
        if not path.endswith(".md"):
            continue
        text = _body(page)
        base = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            resolved = posixpath.normpath(base + target)
            assert resolved in site, f"{path} links to missing {resolved}"


def test_calendar_feed_has_upcoming_events_only_and_no_clock_time() -> None:
    site = _site()
    cal = icalendar.Calendar.from_ical(site["feeds/upcoming.ics"])
    events = [c for c in cal.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["G20 summit"]
    assert str(events[0]["location"]) == "Johannesburg"
    assert _site()["feeds/upcoming.ics"] == site["feeds/upcoming.ics"]
    assert "2025-10-01T00:00:00Z" in site["feeds/explainers.xml"]


def test_abbreviations_are_defined_only_where_used() -> None:
    assert used("The G20 and ASEAN met; the EEZ is wide. QUADRANT is a word.") == ["ASEAN", "EEZ", "G20"]
    page = with_abbreviations("# Title\n\nThe QUAD met.\n")
    assert page.endswith("*[QUAD]: Quadrilateral Security Dialogue\n")
    assert with_abbreviations("No abbreviations here.\n") == "No abbreviations here.\n"


def test_backlinks_list_pages_that_link_here_but_not_index_pages() -> None:
    pages = {
        "index.md": "# Home\n\n[x](people/x.md)\n",
        "people/x.md": "# X\n",
        "events/e.md": "# The event\n\n[X](../people/x.md)\n",
    }
    out = add_backlinks(pages)
    assert out["people/x.md"].endswith("## Linked from\n\n- [The event](../events/e.md)\n")
    assert out["index.md"] == pages["index.md"]


def test_the_timeline_picture_marks_upcoming_by_pattern_and_words() -> None:
    svg = _site()["pictures/timeline.svg"]
    assert 'fill="url(#hatch)"' in svg and "upcoming" in svg
    assert "<title" in svg and "<script" not in svg


def test_the_site_does_not_depend_on_the_order_of_the_records() -> None:
    recs = [
        record(
            "a", "2025-09-01", people=(person("Narendra Modi"),), next=(event("G20 summit", "2025-11-22"),)
        ),
        record("b", "2025-10-01", people=(person("Modi"),), quotes=(quote("Yes.", "Modi"),)),
        record("c", None, places=(entity("India"),)),
    ]
    assert render_site(recs) == render_site(list(reversed(recs)))


def test_calendar_days_for_partial_dates() -> None:
    import datetime as dt

    from generator.render.feeds import _first_day

    assert _first_day("2019-11-28") == (dt.date(2019, 11, 28), "")
    assert _first_day("2019-11") == (dt.date(2019, 11, 1), " (date: month only)")
    assert _first_day("2019-W48") == (dt.date(2019, 11, 25), " (date: week of this day)")
    assert _first_day("2019") is None
    assert _first_day("2019-W60") is None


def test_the_quotes_index_lists_speakers_and_only_the_latest_quotes() -> None:
    import pytest

    from generator.render import pages

    full = _site()["quotes.md"]
    assert full.count("<blockquote") == 2
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pages, "LATEST_QUOTES", 1)
        page = _site()["quotes.md"]
    assert page.count("<blockquote") == 1
    assert "Yes." in page  # the quote of the newest article
    assert "[Narendra Modi](people/narendra-modi.md) (2 quotes)" in page
