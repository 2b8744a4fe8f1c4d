"""Editor's notes: attached under the page's title, unable to break its front matter."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator import notes, writer

PAGE = "# Talks resume\n\n## What happened\n\nThe talks resumed.\n"


def test_a_note_is_shown_under_the_title_as_an_admonition() -> None:
    pages, orphans = notes.attach({"explainers/a.md": PAGE}, {"explainers/a.md": "Corrected *the date*."})
    assert orphans == []
    assert pages["explainers/a.md"] == (
        "# Talks resume\n\n"
        '!!! note "Editor\'s note"\n\n'
        "    Corrected *the date*.\n\n"
        "## What happened\n\nThe talks resumed.\n"
    )


def test_a_note_cannot_end_the_front_matter_or_leave_its_box(tmp_path: Path) -> None:
    hostile = "Fine.\n---\ngenerated_by: someone\ntitle: hacked\n---\n# Not a title\n!!! danger\n"
    page = "---\ntitle: Talks\n---\n" + PAGE
    pages, _ = notes.attach({"a.md": page}, {"a.md": hostile})
    out = pages["a.md"]
    assert out.startswith("---\ntitle: Talks\n---\n# Talks resume\n")
    body = out.split("---\n", 2)[2]
    # Every line of the note sits inside the admonition (indented) or is blank.
    note_lines = body.split('!!! note "Editor\'s note"\n\n', 1)[1].split("\n\n## What happened")[0]
    assert all(line.startswith("    ") or not line for line in note_lines.split("\n"))
    # Stamped and written, the page's front matter is still exactly the generator's.
    writer.write(tmp_path, pages)
    written = (tmp_path / "a.md").read_text()
    assert writer.verify_stamp(written) is True
    front = yaml.safe_load(written.split("---\n")[1])
    assert front["title"] == "Talks" and front["generated_by"] == "explainer"


def test_a_note_whose_page_is_gone_is_reported_not_lost() -> None:
    pages, orphans = notes.attach({"explainers/a.md": PAGE}, {"explainers/old-slug.md": "A note."})
    assert pages == {"explainers/a.md": PAGE}
    assert orphans and orphans[0].startswith("content/_data/notes/explainers/old-slug.md: no generated page")


def test_notes_are_loaded_by_page_path_and_bad_ones_reported(tmp_path: Path) -> None:
    folder = tmp_path / "_data" / "notes" / "explainers"
    folder.mkdir(parents=True)
    (folder / "a.md").write_bytes(b"\xef\xbb\xbfA note\r\nwith CRLF.\r\n")
    (folder / ".a.md.swp").write_text("editor's swap file")
    (folder / "b.md").write_bytes(b"\x00\x01\x02binary")
    found, problems = notes.load(tmp_path)
    assert found == {"explainers/a.md": "A note\nwith CRLF."}
    assert problems == ["content/_data/notes/explainers/b.md: binary file, not a note"]


def test_a_linked_note_is_refused_so_no_file_outside_can_be_published(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    folder = tmp_path / "content" / "_data" / "notes"
    folder.mkdir(parents=True)
    (folder / "index.md").symlink_to(secret)
    found, problems = notes.load(tmp_path / "content")
    assert found == {} and problems == [
        "content/_data/notes/index.md: a link, not a note; write the note into this folder"
    ]
