from generator import clean, ingest


def _doc(text: str):  # type: ignore[no-untyped-def]
    return clean.clean(ingest.parse(text.encode("utf-8"), "a.txt", "a"))


ARTICLE = """Ministers Meet in Geneva

Saturday, January 11, 2020

The ministers met on Friday to discuss the treaty. Both sides said progress was slow.
Read More: Celebrity Spotted at Tennis Final, Fans Stunned
Next Steps for the Treaty
A second round of talks will be held in March.
We look forward to the talks in Geneva.
— Jane Doe (@janedoe) January 10, 2020
Advertisement
"""


def test_title_line_dateline_and_boilerplate_are_separated_from_the_body() -> None:
    d = _doc(ARTICLE)
    assert d.title == "Ministers Meet in Geneva"
    assert d.title_origin == "title-line"
    assert d.dateline == "Saturday, January 11, 2020"
    assert [(b.line, b.kind) for b in d.boilerplate] == [(6, "teaser"), (11, "advertisement")]
    assert "Read More" not in d.body and "Celebrity" not in d.body


def test_subheadings_and_embedded_posts_become_their_own_blocks() -> None:
    d = _doc(ARTICLE)
    kinds = [(b.kind, b.text[:20]) for b in d.blocks]
    assert ("heading", "Next Steps for the T") in kinds
    post = next(b for b in d.blocks if b.kind == "post")
    assert post.author == "Jane Doe" and post.handle == "@janedoe"
    assert post.text.startswith("We look forward to the talks in Geneva.")
    # The reporter's sentence before the post is not part of it.
    assert "second round" not in post.text


def test_without_a_title_line_the_first_subheading_is_the_title() -> None:
    text = (
        "A long opening paragraph that runs on for a while. It has several sentences, and it is no title. "
        "It ends here.\nWhat the Deal Means\nThe deal was signed.\n"
    )
    d = _doc(text)
    assert d.title == "What the Deal Means"
    assert d.title_origin == "subheading"


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    d = _doc("Title Here\n\nThe minister said the plan\nwould go ahead next year.\n\nA second paragraph.\n")
    assert d.blocks[0].text == "The minister said the plan would go ahead next year."
    assert len(d.blocks) == 2
