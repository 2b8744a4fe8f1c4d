from generator.render.anchors import drop_anchors_to


def test_links_into_an_editors_page_keep_the_page_but_drop_the_anchor() -> None:
    pages = {
        "timeline.md": "See [the talks](explainers/talks.md#p3) and [other](explainers/other.md#p1).",
        "people/jane.md": "[Talks](../explainers/talks.md#p2) ¶2",
        "explainers/talks.md": "[self](#p1)",
    }
    out = drop_anchors_to(pages, {"explainers/talks.md"})
    assert out["timeline.md"] == "See [the talks](explainers/talks.md) and [other](explainers/other.md#p1)."
    assert out["people/jane.md"] == "[Talks](../explainers/talks.md) ¶2"
    assert out["explainers/talks.md"] == "[self](#p1)"


def test_nothing_changes_without_foreign_pages() -> None:
    pages = {"a.md": "[x](b.md#p1)"}
    assert drop_anchors_to(pages, set()) is pages
