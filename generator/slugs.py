"""URL-safe slugs that can never name a path outside their folder."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens: no dots, no slashes, so no `..`."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "").replace("'", "")
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0]
    return s


# Names every section folder already uses for its own page: a page slugged `index`
# would replace the section's listing (explainers/index.md, people/index.md, ...).
# MkDocs also reads README.md as an index, but slugs are lower case, so `readme` is safe.
RESERVED = frozenset({"index"})


def unique(slug: str, key: str, taken: set[str]) -> str:
    """A slug not in `taken` nor reserved; the suffix comes from `key`, so it does not depend on order."""
    base = slug or "article"
    if base not in taken and base not in RESERVED:
        return base
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    for n in range(6, len(digest)):
        cand = f"{base}-{digest[:n]}"
        if cand not in taken and cand not in RESERVED:
            return cand
    raise ValueError(f"cannot make a unique slug for {key}")  # pragma: no cover
