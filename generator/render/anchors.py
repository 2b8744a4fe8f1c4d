"""Links into pages an editor owns keep their page but lose their anchor.

A hand-written page at a generated path (or a generated page an editor
changed) wins, but it need not have the paragraph anchors (`#p3`) that other
generated pages point to; a strict build would then fail on every such link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .env import rel


def drop_anchors_to(pages: dict[str, str], foreign: Iterable[str]) -> dict[str, str]:
    """`pages` with every `](link#anchor)` into a `foreign` page reduced to `](link)`."""
    targets = sorted(f for f in foreign if f.endswith(".md"))
    if not targets:
        return pages
    out: dict[str, str] = {}
    for path, text in pages.items():
        if path.endswith(".md") and "#" in text:
            for target in targets:
                if target == path:
                    continue
                link = re.escape(str(rel(path, target)))
                text = re.sub(rf"\]\({link}#[^)\s]*\)", f"]({rel(path, target)})", text)
        out[path] = text
    return out
