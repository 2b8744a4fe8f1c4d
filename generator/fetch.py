"""`explainer fetch URL`: save a web page into seeds/ as an .html seed, its address recorded.

For editors with network access. Every failure (HTTP errors, refused
connections, timeouts, non-HTML content, oversized pages) becomes a FetchError
with one readable line, never a traceback.
"""

from __future__ import annotations

import codecs
import http.client
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from . import __version__, ingest
from .errors import ExplainerError, SeedError
from .model import Source
from .slugs import slugify

# A news page is well under 2 MB; ingest rejects larger seeds, so fetching them is pointless.
MAX_BYTES = 2_000_000
TIMEOUT_S = 20.0
# The whole download may take this many timeouts: a big page on a slow line is fine,
# a server that trickles bytes for ever is not.
_TOTAL_TIMEOUTS = 3
_CHUNK = 65536
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# The comment browsers write at the top of a saved page ("Mark of the Web");
# htmlseed reads it back when the page names no canonical address itself.
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*(?P<cs>[A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Many news sites refuse scripts but not browsers; a page saved from the browser
# ("Save page as", HTML only) is as good a seed.
_REFUSED_HINT = "; save the page from your browser into seeds/ instead"


class FetchError(ExplainerError):
    """A page could not be fetched or saved; the message names the URL and the reason."""

    def __init__(self, url: str, problem: str) -> None:
        self.url = url
        super().__init__(f"{url}: {problem}")


@dataclass(frozen=True)
class Page:
    url: str  # after redirects: the address the text really came from
    html: str


def seed_name(url: str) -> str:
    """`<slug>.html` from the URL's last path segment (else its host): never a path.

    slugify keeps only [a-z0-9-], so the name cannot hold a separator or `..`.
    """
    parts = urllib.parse.urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    last = urllib.parse.unquote(segments[-1]) if segments else ""
    last = re.sub(r"\.(?:s?html?|php|aspx?|jsp|cms)$", "", last, flags=re.IGNORECASE)
    # A bare number ("/30279001.html") says little: keep the segment before it too.
    if last.isdigit() and len(segments) > 1:
        last = f"{urllib.parse.unquote(segments[-2])}-{last}"
    return f"{slugify(last) or slugify(parts.hostname or '') or 'page'}.html"


def _checked(url: str) -> str:
    """The URL as a request can carry it: http(s) only, non-ASCII percent-encoded."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        _ = parts.port  # raises ValueError for a port out of range
        host = parts.hostname
    except ValueError:
        host = None
    if host is None or parts.scheme not in ("http", "https"):
        raise FetchError(url, "not a web address (expected http:// or https://)")
    # Addresses copied from a browser may hold "café" rather than "caf%C3%A9".
    safe = "/%:@!$&'()*+,;=?~-._"
    try:
        netloc = parts.netloc if parts.netloc.isascii() else _ascii_netloc(host, parts.port)
    except UnicodeError:
        raise FetchError(url, "not a valid host name") from None
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe=safe),
            urllib.parse.quote(parts.query, safe=safe),
            "",  # the fragment names a place in the page, not the page
        )
    )


def _ascii_netloc(host: str, port: int | None) -> str:
    """'bücher.example' -> 'xn--bcher-kva.example' (IDNA), keeping the port; UnicodeError if invalid."""
    ascii_host = host.encode("idna").decode("ascii")
    return f"{ascii_host}:{port}" if port else ascii_host


def _charset(headers: Message, head: bytes) -> str:
    """The declared encoding: HTTP header, else the page's <meta charset>, else UTF-8."""
    declared = headers.get_content_charset()
    if not declared:
        m = _META_CHARSET.search(head[:4096])
        declared = m.group("cs").decode("ascii") if m else None
    try:
        return "utf-8" if declared is None else _known(declared)
    except LookupError:
        return "utf-8"


def _known(name: str) -> str:
    return codecs.lookup(name).name


def _read_limited(resp: http.client.HTTPResponse, url: str, max_bytes: int, budget: float) -> bytes:
    """The body, at most max_bytes, within `budget` seconds in all.

    The socket timeout bounds each read only: a server trickling a byte at a
    time would otherwise hold the command for ever.
    """
    length = resp.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(url, f"too large ({int(length):,} bytes; the limit is {max_bytes:,})")
    deadline = time.monotonic() + budget
    chunks: list[bytes] = []
    size = 0
    # Read past the limit by one chunk at most: servers may omit or understate Content-Length.
    while size <= max_bytes:
        chunk = resp.read1(_CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise FetchError(url, f"the download took longer than {budget:g} s")
    if size > max_bytes:
        raise FetchError(url, f"too large (over {max_bytes:,} bytes)")
    return b"".join(chunks)


def download(url: str, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> Page:
    """GET an HTML page; FetchError for anything that is not one."""
    req = urllib.request.Request(
        _checked(url), headers={"User-Agent": f"explainer-generator/{__version__}", "Accept": "text/html"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return _page(resp, url, max_bytes, timeout * _TOTAL_TIMEOUTS)
    except urllib.error.HTTPError as e:
        hint = _REFUSED_HINT if e.code in (401, 403, 429, 451) else ""
        raise FetchError(url, f"the server answered {e.code} {e.reason}{hint}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimeoutError):
            raise FetchError(url, f"no answer within {timeout:g} s") from None
        raise FetchError(url, f"cannot connect ({_reason(e.reason)})") from None
    except TimeoutError:  # socket.timeout is an alias since Python 3.10
        raise FetchError(url, f"no answer within {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as e:  # resets, malformed answers
        raise FetchError(url, f"download failed ({_reason(e)})") from None


def _page(resp: http.client.HTTPResponse, url: str, max_bytes: int, budget: float) -> Page:
    declared = resp.headers.get("Content-Type")
    ctype = resp.headers.get_content_type()
    if declared and ctype not in _HTML_TYPES:
        raise FetchError(url, f"not a web page (the server sent {ctype})")
    data = _read_limited(resp, url, max_bytes, budget)
    text = data.decode(_charset(resp.headers, data), errors="replace")
    if not declared and "<" not in text[:2048]:
        raise FetchError(url, "not a web page (no HTML in the answer)")
    return Page(resp.geturl(), text)


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or reason.__class__.__name__


# Query parameters that say how a reader arrived, not which page it is.
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|smid|ref_src)$", re.I
)


def without_tracking(url: str) -> str:
    """The URL without campaign parameters (utm_source=..., fbclid=...): the page's address."""
    parts = urllib.parse.urlsplit(url)
    if not parts.query:
        return url
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING.match(urllib.parse.unquote(pair.split("=", 1)[0]))
    ]
    return urllib.parse.urlunsplit(parts._replace(query="&".join(kept)))


def with_source(page: Page) -> str:
    """The page with its address in a leading `saved from url` comment, as browsers save it."""
    body = SAVED_FROM.sub("", page.html, count=1).lstrip()
    # `--` cannot appear inside an HTML comment; a URL holding it is percent-encoded.
    url = without_tracking(page.url).replace("--", "%2D%2D")
    return f"<!-- saved from url=({len(url):04d}){url} -->\n{body}"


def save(page: Page, seeds: Path, name: str, force: bool = False) -> tuple[Path, Source]:
    """Write the seed (UTF-8) into seeds/, if the build will accept it.

    A page without an article (a paywall, a login form) is not written: as a
    seed it would be rejected, and fail, every later build. An existing seed is
    replaced only with force.
    """
    path = seeds / name
    if path.resolve().parent != seeds.resolve():  # slugify makes this impossible; be sure anyway
        raise FetchError(page.url, f"refusing to write outside {seeds}")
    if path.exists() and not force:
        raise FetchError(page.url, f"{path} already exists (use --force to replace it)")
    data = with_source(page).encode("utf-8")
    try:
        source = ingest.parse(data, str(path), path.stem)  # exactly as the build will read it
    except SeedError as e:
        raise FetchError(page.url, f"not saved: {e.problem}{_REFUSED_HINT}") from None
    seeds.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path, source
