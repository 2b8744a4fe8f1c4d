"""Saved web pages as seeds: the article and its metadata, without the page around it.

The pages here are written for these tests (the corpus pages in ../shared belong
to their publishers and are only read by generator.html_eval and the shared test).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import clean, htmlseed, ingest, pipeline, render
from generator.errors import SeedError

from .conftest import ROOT, SHARED

PARAGRAPHS = [
    "Trade ministers from Norland and Sudria met in Velstad on Tuesday to resume talks on a tariff "
    "agreement that collapsed last spring, officials from both governments said.",
    "The two sides agreed to lower duties on farm machinery by half, but they remained divided over "
    "steel quotas, which Sudria says protect thousands of jobs in its northern provinces.",
    "“We have come a long way, and we are not going to walk away now,” said Anna Berg, Norland’s "
    "trade minister, after the first day of meetings at the foreign ministry.",
    "Her Sudrian counterpart, Tomas Ferreira, told reporters that any deal would have to be approved "
    "by parliament, where his coalition holds a narrow majority after the election in March.",
    "The negotiators are due to meet again in Porto Vell on December 4, when they hope to settle the "
    "remaining questions on steel and on the dispute settlement panel.",
]

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Norland and Sudria resume tariff talks | The Velstad Courier</title>
<link rel="canonical" href="https://courier.example.org/world/norland-sudria-tariff-talks">
<meta property="og:site_name" content="The Velstad Courier">
<meta property="og:title" content="Norland and Sudria resume tariff talks | The Velstad Courier">
<meta name="author" content="Maria Lind">
<meta property="article:published_time" content="2025-11-18T09:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
<a href="/subscribe">Subscribe to our newsletter</a></nav></header>
<div class="ad-banner advertisement">Advertisement: Buy the new Velstad phone today</div>
<main><article>
<h1>Norland and Sudria resume tariff talks</h1>
<p class="byline">By Maria Lind</p>
<p>{PARAGRAPHS[0]}</p>
<figure><img src="talks.jpg" alt="">
<figcaption>Delegates arrive at the foreign ministry in Velstad. Photo: Jon Ek</figcaption></figure>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Sudria's steel mills brace for a hard winter</a></li>
<li><a href="/b">Velstad festival draws record crowds</a></li></ul></aside>
<p>{PARAGRAPHS[3]}</p>
<p>Also on courier.example.org Velstad mayor opens the new harbour bridge</p>
<p>{PARAGRAPHS[4]}</p>
</article></main>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Great article, the ministers should sign the deal tomorrow!</p></div></section>
<footer><p>Copyright 2025 The Velstad Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

# Words of the page around the article: navigation, ad, caption, related links,
# an inline teaser, comments, footer.
LEFTOVERS = [
    "Home",
    "Subscribe",
    "Advertisement",
    "Delegates arrive",
    "steel mills brace",
    "festival",
    "harbour bridge",
    "Great article",
    "Copyright",
    "Privacy",
]


def _source(html: str, name: str = "page.html") -> ingest.Source:
    return ingest.parse(html.encode("utf-8"), f"seeds/{name}", Path(name).stem)


def test_the_article_text_is_kept_and_the_page_around_it_dropped() -> None:
    src = _source(ARTICLE_PAGE)
    doc = clean.clean(src)
    assert [b.text for b in doc.blocks] == PARAGRAPHS
    for word in LEFTOVERS:
        assert word not in doc.body


def test_the_same_page_read_again_gives_the_same_text() -> None:
    # trafilatura's own deduplication remembers paragraphs across calls and would
    # empty a page seen before (or a second site carrying the same wire story).
    first = _source(ARTICLE_PAGE)
    for _ in range(4):
        assert _source(ARTICLE_PAGE).text == first.text


def test_title_author_date_url_and_site_come_from_the_page() -> None:
    meta = _source(ARTICLE_PAGE).meta
    # The " | The Velstad Courier" suffix names the site, not the story.
    assert meta.title == "Norland and Sudria resume tariff talks"
    assert meta.author == "Maria Lind"
    assert meta.published == "2025-11-18"
    assert meta.url == "https://courier.example.org/world/norland-sudria-tariff-talks"
    assert meta.site_name == "The Velstad Courier"


def test_paragraphs_reach_clean_as_blank_line_separated_blocks() -> None:
    src = _source(ARTICLE_PAGE)
    assert src.fmt == "html"
    # The page's <h1> comes first; clean.py drops it as the repeated title.
    assert src.text.split("\n\n") == ["Norland and Sudria resume tariff talks", *PARAGRAPHS]
    doc = clean.clean(src)
    assert doc.title_origin == "front-matter"  # the page's metadata title, not a guessed line
    assert doc.blocks[0].text == PARAGRAPHS[0]


def _bare_page(extra_head: str = "") -> str:
    """A page that names neither its address nor its site, only what a browser's save adds."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    head = f"<head><title>Talks resume</title>{extra_head}</head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


def test_a_saved_from_comment_supplies_the_url_when_the_page_has_none() -> None:
    url = "https://news.example.net/2025/11/talks-resume"
    html = f"<!-- saved from url=({len(url):04d}){url} -->\n" + _bare_page()
    meta = _source(html).meta
    assert meta.url == url
    assert meta.site_name == "news.example.net"  # the host, when the page gives no site name


def test_a_canonical_link_wins_over_the_saved_from_comment() -> None:
    canonical = "https://news.example.net/talks-resume"
    fetched = "https://news.example.net/talks-resume?utm_source=feed"
    html = f"<!-- saved from url=({len(fetched):04d}){fetched} -->\n" + _bare_page(
        f'<link rel="canonical" href="{canonical}">'
    )
    assert _source(html).meta.url == canonical


def test_a_canonical_link_outside_head_wins_over_the_saved_from_comment() -> None:
    fetched = "https://news.example.net/talks?utm_source=feed"
    html = f"<!-- saved from url=({len(fetched):04d}){fetched} -->\n" + _bare_page().replace(
        "<body>", '<body><link rel="canonical" href="/talks"><div>'
    )
    assert _source(html).meta.url == "https://news.example.net/talks"


def test_a_canonical_link_outside_head_is_still_found() -> None:
    # Broken markup (a stray element before <link>) makes parsers move it into <body>.
    html = _bare_page().replace(
        "<body>", '<body><link rel="canonical" href="https://news.example.net/talks"><div>'
    )
    assert _source(html).meta.url == "https://news.example.net/talks"


@pytest.mark.parametrize(
    ("tags", "base", "expected"),
    [
        ('<meta property="og:url" content="https://a.example/x">', None, "https://a.example/x"),
        ('<link rel="canonical" href="/x"><meta property="og:url" content="https://b.example/y">',
         None, "https://b.example/y"),  # a relative canonical cannot be resolved without a base
        ('<link rel="canonical" href="/x">', "https://a.example/page?id=1", "https://a.example/x"),
        ('<link rel="stylesheet" href="https://a.example/s.css">', None, None),
        ('<link rel="canonical" href="javascript:alert(1)">', None, None),
    ],
)  # fmt: skip
def test_the_pages_own_address(tags: str, base: str | None, expected: str | None) -> None:
    assert htmlseed.page_address(f"<html><head>{tags}</head></html>", base) == expected


def test_a_page_without_an_address_has_no_url() -> None:
    meta = _source(_bare_page()).meta
    assert meta.url is None and meta.title == "Talks resume"


@pytest.mark.parametrize(
    "line",
    [
        "Also on rt.com Journalists threatened with arrest as the purge goes on",
        "DON'T MISS",
        "Don’t miss:",
        "China furious at Macron for protest jibe [INSIGHT]",
        "Lakers vs Nets: NBA make final decision on game [VIDEO]|",
        "Like this story? Share it with a friend!",
    ],
)
def test_web_teasers_are_recognised(line: str) -> None:
    assert htmlseed.is_web_teaser(line)


@pytest.mark.parametrize(
    "line",
    [
        "Also on Tuesday, the ministers met in Velstad.",
        "She said she did not miss the old days of tariffs.",
        "The index rose 2% [see chart] in early trading.",
        "“We like this story of cooperation,” she said.",
        "“We will not accept this [deal].”",
        "He called the vote “a sham [sic]”",
        "Ministers met in Velstad [Reuters]",
    ],
)
def test_sentences_of_the_story_are_not_teasers(line: str) -> None:
    assert not htmlseed.is_web_teaser(line)


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Talks resume | Al Bawaba", "Al Bawaba", None, "Talks resume"),
        ("Talks resume - BBC News", "BBC News", None, "Talks resume"),
        ("Talks resume — The Courier", None, "https://www.thecourier.com/x", "Talks resume"),
        # A suffix that is not the site's name is part of the headline.
        ("Hong Kong: a city on the brink | Editorial", "The Guardian", None, None),
        ("Ceasefire - what we know so far", "BBC News", None, None),
    ],
)
def test_a_title_loses_only_a_suffix_naming_the_site(
    title: str, site: str | None, url: str | None, expected: str | None
) -> None:
    assert htmlseed.strip_site_suffix(title, site, url) == (expected or title)


@pytest.mark.parametrize(
    "body",
    [
        "<nav><a href='/'>Home</a></nav>",
        "<form>Username <input> Password <input></form><p>Forgot your password? Contact us.</p>",
        "",
    ],
)
def test_a_page_without_article_text_is_rejected_with_a_reason(body: str) -> None:
    html = f"<html><head><title>Login</title></head><body>{body}</body></html>"
    with pytest.raises(SeedError, match="no article text found"):
        _source(html, "login.html")


def test_lxml_html_clean_is_locked_for_trafilaturas_justext() -> None:
    # lxml 6 moved lxml.html.clean out into lxml_html_clean; justext imports it.
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for name in ("trafilatura", "htmldate", "justext", "lxml-html-clean"):
        assert re.search(rf"^{name}==\S+", lock, re.MULTILINE | re.IGNORECASE), name
    import justext

    assert justext.get_stoplist("English")


@pytest.mark.slow
def test_an_html_seed_becomes_a_record_and_a_page_linking_the_original(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "talks.html").write_text(ARTICLE_PAGE, encoding="utf-8")
    ex = pipeline.run(seeds, tmp_path, None)
    assert not ex.rejected
    (rec,) = ex.records
    assert rec.body == "\n\n".join(PARAGRAPHS)
    assert rec.title == "Norland and Sudria resume tariff talks"
    assert rec.published == "2025-11-18"
    exported = json.loads(render.render_site(ex.records)[f"records/{rec.slug}.json"])
    assert exported["body"] == rec.body
    page = render.render_site(ex.records)[f"explainers/{rec.slug}.md"]
    assert (
        '<a href="https://courier.example.org/world/norland-sudria-tariff-talks" rel="nofollow noopener">'
        "The Velstad Courier</a>" in page
    )


# Measured on the saved news pages of ../shared (never copied here); see generator/html_eval.py.
@pytest.mark.shared
@pytest.mark.slow
def test_shared_news_pages_reach_the_target_token_f1() -> None:
    from generator import html_eval

    corpus = SHARED / "corpus" / "html"
    if not html_eval.pages(corpus):
        pytest.skip("../shared/corpus/html is not available")
    scores = html_eval.evaluate(corpus)
    assert sum(s.body_f1 for s in scores) / len(scores) >= 0.95
    assert all(s.title for s in scores)


def test_token_f1_counts_repeated_words_and_ignores_punctuation() -> None:
    from generator.html_eval import token_f1

    assert token_f1("The talks, resumed.", "the talks resumed") == 1.0
    assert token_f1("a a b", "a b") == pytest.approx(0.8)  # precision 1, recall 2/3
    assert token_f1("talks", "") == 0.0
    assert token_f1("", "") == 1.0


def test_html_eval_says_so_when_the_corpus_is_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator import html_eval

    assert html_eval.main(["--corpus", str(tmp_path)]) == 2
    assert "no saved pages with expected text" in capsys.readouterr().err
