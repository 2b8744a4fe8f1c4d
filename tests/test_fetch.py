"""`explainer fetch URL`: a web page saved into seeds/, against a loopback server only."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator import fetch, htmlseed, ingest
from generator.cli import main

from .test_html import ARTICLE_PAGE

BIG = 2_500_000  # over fetch.MAX_BYTES
RELEASE = threading.Event()  # lets a deliberately slow handler finish when a test is done


class Handler(BaseHTTPRequestHandler):
    """One route per behaviour a fetch must handle."""

    def do_GET(self) -> None:
        routes = {
            "/world/norland-sudria-tariff-talks.html": self._article,
            "/old-address": self._redirect,
            "/world/caf%C3%A9-talks": self._article,
            "/latin1/cafe-talks": self._latin1,
            "/missing.html": lambda: self.send_error(404, "Not Found"),
            "/members-only.html": lambda: self.send_error(403, "Forbidden"),
            "/slow.html": self._slow,
            "/trickle.html": self._trickle,
            "/data.json": self._json,
            "/big.html": lambda: self._big(announce=True),
            "/big-unannounced.html": lambda: self._big(announce=False),
        }
        path = self.path.split("?", 1)[0]
        routes.get(path, lambda: self.send_error(404, "Not Found"))()

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, body: bytes, ctype: str, length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _article(self) -> None:
        self._send(ARTICLE_PAGE.encode("utf-8"), "text/html; charset=utf-8")

    def _latin1(self) -> None:
        page = ARTICLE_PAGE.replace('<link rel="canonical"', '<link rel="x-canonical"')
        page = page.replace("Trade ministers", "Café owners and trade ministers")
        self._send(page.encode("latin-1", errors="replace"), "text/html; charset=ISO-8859-1")

    def _redirect(self) -> None:
        self.send_response(301)
        self.send_header("Location", "/world/norland-sudria-tariff-talks.html")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _slow(self) -> None:
        RELEASE.wait(5)
        self._article()

    def _trickle(self) -> None:
        """Answers at once, then a few bytes at a time, each within the socket timeout."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body><p>")
        while not RELEASE.wait(0.1):
            self.wfile.write(b"word ")
            self.wfile.flush()

    def _json(self) -> None:
        self._send(b'{"title": "not a page"}', "application/json")

    def _big(self, announce: bool) -> None:
        self._send(b"<html><body>" + b"<p>word</p>" * (BIG // 11) + b"</body></html>", "text/html", announce)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # The client hangs up on purpose (too large, timeout); socketserver would print
        # a traceback to stderr, which the tests capture and check for tracebacks.
        pass


@pytest.fixture
def server() -> Iterator[str]:
    RELEASE.clear()
    httpd = Server(("127.0.0.1", 0), Handler)
    # A short poll interval: shutdown() waits up to one interval.
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        RELEASE.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy set in the environment must not swallow requests to the loopback server.
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


def _fetch(project: Path, *args: str) -> int:
    return main(["fetch", "--project", str(project), "--quiet", *args])


def test_a_page_is_saved_into_seeds_with_its_address(
    project: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{server}/world/norland-sudria-tariff-talks.html"
    assert _fetch(project, url) == 0
    saved = project / "seeds" / "norland-sudria-tariff-talks.html"
    html = saved.read_text(encoding="utf-8")
    assert htmlseed.saved_from(html) == url
    assert "Norland and Sudria resume tariff talks" in capsys.readouterr().err
    # The build reads it as any other web-page seed; the page's canonical link wins.
    meta = ingest.read(saved).meta
    assert meta.url == "https://courier.example.org/world/norland-sudria-tariff-talks"
    assert meta.title == "Norland and Sudria resume tariff talks"


def test_after_a_redirect_the_final_address_is_recorded(project: Path, server: str) -> None:
    assert _fetch(project, f"{server}/old-address") == 0
    saved = project / "seeds" / "norland-sudria-tariff-talks.html"
    assert htmlseed.saved_from(saved.read_text(encoding="utf-8")) == (
        f"{server}/world/norland-sudria-tariff-talks.html"
    )


def test_the_declared_encoding_is_honoured_and_the_seed_written_as_utf8(project: Path, server: str) -> None:
    assert _fetch(project, f"{server}/latin1/cafe-talks?utm_source=feed&id=3&fbclid=x1") == 0
    seed = ingest.read(project / "seeds" / "cafe-talks.html")
    assert "Café owners and trade ministers" in seed.text
    # No canonical link: the fetched address, without its campaign parameters.
    assert seed.meta.url == f"{server}/latin1/cafe-talks?id=3"


def test_an_address_with_non_ascii_characters_is_fetched(project: Path, server: str) -> None:
    assert _fetch(project, f"{server}/world/café-talks#comments") == 0
    saved = project / "seeds" / "cafe-talks.html"
    assert htmlseed.saved_from(saved.read_text(encoding="utf-8")) == f"{server}/world/caf%C3%A9-talks"


def test_an_existing_seed_is_replaced_only_with_force(
    project: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{server}/world/norland-sudria-tariff-talks.html"
    assert _fetch(project, url) == 0
    assert _fetch(project, url) == 1
    assert "already exists (use --force" in capsys.readouterr().err
    assert _fetch(project, url, "--force") == 0


def _refused_url() -> str:
    """An address on a loopback port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/page.html"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "the server answered 404 Not Found"),
        ("/members-only.html", "403 Forbidden; save the page from your browser into seeds/ instead"),
        ("/data.json", "not a web page (the server sent application/json)"),
        ("/big.html", "too large (2,500,0"),
        ("/big-unannounced.html", "too large (over 2,000,000 bytes)"),
        ("/slow.html", "no answer within 0.5 s"),
        ("/trickle.html", "the download took longer than 1.5 s"),
        (None, "cannot connect"),
        ("ftp://example.org/x.html", "not a web address"),
        ("http://[::1/x.html", "not a web address"),
        ("http://127.0.0.1:99999/x.html", "not a web address"),
        ("http://" + "é" * 64 + ".example/x.html", "not a valid host name"),  # an IDNA label too long
    ],
)
def test_failures_are_one_clear_line_and_no_file(
    project: Path, server: str, capsys: pytest.CaptureFixture[str], path: str | None, message: str
) -> None:
    url = _refused_url() if path is None else path if "://" in path else server + path
    started = time.monotonic()
    assert _fetch(project, url, "--timeout", "0.5") == 1
    assert time.monotonic() - started < 4  # the timeout bounds the wait
    err = capsys.readouterr().err
    assert message in err and url in err
    assert "Traceback" not in err
    assert list((project / "seeds").iterdir()) == []


def test_one_failure_does_not_stop_the_other_urls(project: Path, server: str) -> None:
    urls = [f"{server}/missing.html", f"{server}/world/norland-sudria-tariff-talks.html"]
    assert _fetch(project, *urls) == 1
    assert [p.name for p in (project / "seeds").iterdir()] == ["norland-sudria-tariff-talks.html"]


def test_a_page_without_an_article_is_not_saved(
    project: Path, server: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        Handler, "_article", lambda self: self._send(b"<html><body>Hi</body></html>", "text/html")
    )
    assert _fetch(project, f"{server}/world/norland-sudria-tariff-talks.html") == 1
    err = capsys.readouterr().err
    assert "not saved: no article text found" in err and "save the page from your browser" in err
    # As a seed it would fail every build, so it is not written at all.
    assert list((project / "seeds").iterdir()) == []


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://news.example.org/world/2025/11/talks-resume.html", "talks-resume.html"),
        ("https://news.example.org/world/talks-resume/", "talks-resume.html"),
        ("https://news.example.org/a/fact-check-al-tanf/30279001.html", "fact-check-al-tanf-30279001.html"),
        ("https://news.example.org/", "news-example-org.html"),
        ("https://news.example.org/x/..%2F..%2Fetc%2Fpasswd", "etc-passwd.html"),
        ("https://news.example.org/a/../../../etc/passwd?x=1", "passwd.html"),
        ("https://news.example.org/%E2%80%99%2F%2F", "news-example-org.html"),
    ],
)
def test_the_seed_name_comes_from_the_urls_slug_and_is_never_a_path(url: str, name: str) -> None:
    assert fetch.seed_name(url) == name


def test_the_saved_from_comment_cannot_be_closed_by_the_url() -> None:
    page = fetch.Page("https://example.org/a--b-->c", "<html><body><p>x</p></body></html>")
    first_line = fetch.with_source(page).split("\n", 1)[0]
    assert first_line.count("-->") == 1 and first_line.endswith("-->")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x?utm_source=rss&utm_medium=feed", "https://a.example/x"),
        ("https://a.example/x?id=7&UTM_Campaign=z#top", "https://a.example/x?id=7#top"),
        ("https://a.example/x?page=2&ref=home", "https://a.example/x?page=2&ref=home"),
        ("https://a.example/x", "https://a.example/x"),
    ],
)
def test_campaign_parameters_are_not_part_of_the_recorded_address(url: str, expected: str) -> None:
    assert fetch.without_tracking(url) == expected
