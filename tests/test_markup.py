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


def test_only_plain_web_addresses_are_linked() -> None:
    from generator.render.markup import web_url

    assert web_url("https://example.com/a?b=1&c=2") == "https://example.com/a?b=1&amp;c=2"
    assert web_url("HTTP://example.com/") == "HTTP://example.com/"
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        'https://example.com/"onmouseover="alert(1)',
        "https://example.com/{: onclick=x}",
        "https://example.com/a b",
        "java\tscript:alert(1)",
        "https:///no-host",
        "//example.com/no-scheme",
        None,
        "",
    ]:
        assert web_url(bad) is None, bad


def _source_line(site_name: str | None, url: str | None) -> str:
    import dataclasses

    from generator.render import explainer_page
    from tests.records import record

    r = record("talks", "2025-09-06")
    r = dataclasses.replace(r, source=dataclasses.replace(r.source, site_name=site_name, url=url))
    page = explainer_page(r)
    line = next(line for line in page.splitlines() if "Source:" in line).split(" · [This explainer")[0]
    md = markdown.Markdown(extensions=["attr_list", "md_in_html"])
    return md.convert(f'<p class="explainer-meta" markdown>\n{line}\n</p>')


def test_the_source_name_is_text_and_a_script_address_is_not_a_link() -> None:
    out = _source_line("News ![a](data:x){: onerror=alert(1) } <b>x</b>", "javascript:alert(1)")
    assert "<img" not in out and "<b>" not in out and "<a " not in out
    assert "javascript:alert(1)" in out  # shown, as text


def test_an_address_cannot_leave_its_href() -> None:
    from html.parser import HTMLParser

    attrs: list[str] = []

    class Attrs(HTMLParser):
        def handle_starttag(self, tag: str, a: list[tuple[str, str | None]]) -> None:
            attrs.extend(name for name, _ in a)

    out = _source_line("News", 'https://example.com/"onmouseover="alert(1)')
    Attrs().feed(out)
    assert "<a " not in out and attrs == ["class", "datetime"]  # shown as text after the name
    assert "News (https://example.com/" in out
    linked = _source_line("News & Co", "https://example.com/story")
    assert '<a href="https://example.com/story" rel="nofollow noopener">News &#38; Co</a>' in linked


def test_json_ld_names_only_a_web_address_as_the_source() -> None:
    import dataclasses

    from generator import corpus
    from generator.render import jsonld
    from tests.records import record

    r = record("talks", "2025-09-06")
    for url, expected in [("https://example.com/s", "https://example.com/s"), ("javascript:alert(1)", None)]:
        rr = dataclasses.replace(r, source=dataclasses.replace(r.source, url=url))
        assert jsonld.article(rr, corpus.build([rr])).get("isBasedOn") == expected
