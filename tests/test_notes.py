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


def test_a_note_keeps_its_markdown_but_not_live_html() -> None:
    import markdown

    note = (
        "See [the record](../records/a.json), [the paper](https://example.com/p) and *this*.\n"
        "<img src=x onerror=alert(1)> [x](javascript:alert(2)) [y](java&#115;cript:alert(3))\n"
        "![i](data:x){: onerror=alert(4) } [z](<javascript:alert(5)>) [w](java\tscript:alert(6))\n\n"
        "[ref]: javascript:alert(7)\n"
    )
    out = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition"]).convert(
        notes.admonition(note)
    )
    assert '<a href="../records/a.json">the record</a>' in out
    assert '<a href="https://example.com/p">the paper</a>' in out and "<em>this</em>" in out
    assert "<img" not in out and "onerror" not in out.replace("onerror=alert", "")
    assert out.count("<a ") == 2  # none of the script links is a link


def test_a_notes_folder_linked_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "index.md").write_text("Secret file.\n")
    content = tmp_path / "project" / "content"
    (content / "_data").mkdir(parents=True)
    (content / "_data" / "notes").symlink_to(outside, target_is_directory=True)
    found, problems = notes.load(content)
    assert found == {}
    assert len(problems) == 1 and "outside the project" in problems[0]


def test_a_notes_folder_linked_inside_the_project_is_read(tmp_path: Path) -> None:
    content = tmp_path / "content"
    kept = tmp_path / "editors" / "notes"
    kept.mkdir(parents=True)
    (kept / "index.md").write_text("A note.\n")
    (content / "_data").mkdir(parents=True)
    (content / "_data" / "notes").symlink_to(kept, target_is_directory=True)
    assert notes.load(content) == ({"index.md": "A note."}, [])
