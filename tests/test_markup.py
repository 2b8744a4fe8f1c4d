import markdown

from generator.render.markup import escape_md


def _html(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "abbr", "tables", "admonition"])
    return md.convert(escape_md(text))


def test_html_and_script_are_shown_as_text() -> None:
    out = _html('<script>alert(1)</script> <img src=x onerror="alert(2)">')
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out or "&#60;script&#62;" in out


def test_markdown_syntax_is_not_interpreted() -> None:
    out = _html("# not a heading [link](javascript:alert(1)) **bold** `code` {: .x } *[ASEAN]: trap")
    assert "<h1" not in out and "<a " not in out and "<strong>" not in out and "<code>" not in out
    assert "class=" not in out


def test_block_markers_at_the_start_are_neutralised() -> None:
    for text in ["- item", "1. item", "> quote", "!!! note", "--- ", "=== tab", ": def"]:
        out = _html(text)
        assert out.startswith("<p>"), (text, out)


def test_snippet_and_template_syntax_stay_literal() -> None:
    out = _html("--8<-- 'secrets.txt' {{ config }} {% include 'x' %}")
    assert "8&#60;" in out or "8&lt;" in out
    assert "{{" not in out and "{%" not in out
