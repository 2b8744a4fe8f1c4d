"""Quotations and who said them.

Quote spans are found by pairing quotation marks (curly, straight, ``...'' and
''...''), attribution by the dependency parse: the subject of a speech verb in
the quote's sentence ("X said", "said X", "according to X"), else the speaker
of the quote just before (a quote continued in the next sentence or paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Provenance, Quote
from .article import Article, Sentence
from .entities import Entities, clean_name

SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "stress",
    "insist",
    "warn",
    "state",
    "declare",
    "claim",
    "argue",
    "explain",
    "note",
    "write",
    "tweet",
    "post",
    "announce",
    "call",
    "describe",
    "ask",
    "reply",
    "respond",
    "answer",
    "urge",
    "vow",
    "promise",
    "pledge",
    "admit",
    "acknowledge",
    "concede",
    "suggest",
    "predict",
    "conclude",
    "continue",
    "comment",
    "remark",
    "observe",
    "emphasise",
    "emphasize",
    "assert",
    "maintain",
    "recall",
    "caution",
    "complain",
    "accuse",
    "deny",
    "confirm",
    "report",
    "reiterate",
    "quip",
    "joke",
    "boast",
    "thank",
    "praise",
    "criticise",
    "criticize",
    "dub",
    "term",
    "label",
    "brand",
    "hail",
    "welcome",
    "tout",
    "reckon",
    "believe",
    "think",
    "put",
    "wonder",
    "demand",
    "appeal",
    "agree",
    "testify",
    "express",
    "reciprocate",
    "appreciate",
    "pronounce",
    "shout",
    "cry",
    "whisper",
    "scream",
    "mutter",
}
PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them"}
_PAIRS = [("“", "”"), ("``", "''"), ('"', '"'), ("‘", "’"), ("''", "''")]
_OPEN_CHARS = "“‘\"`'"


@dataclass(frozen=True)
class _Span:
    block: int
    start: int  # of the quoted text, inside the block, without the marks
    end: int
    opener: str


def find_spans(text: str, block: int) -> list[_Span]:
    """Quoted stretches of one block, each as the text between its marks."""
    spans: list[_Span] = []
    i, n = 0, len(text)
    while i < n:
        opened = None
        for op, cl in _PAIRS:
            if text.startswith(op, i):
                if op in {"'", "‘", "''"} or op == "“" or op == '"' or op == "``":
                    prev = text[i - 1] if i else " "
                    # An apostrophe inside a word ("don't", "Modi's") opens nothing.
                    if op in {"‘", "''"} and prev.isalnum():
                        continue
                opened = (op, cl)
                break
        if opened is None:
            i += 1
            continue
        op, cl = opened
        j = i + len(op)
        k = _find_close(text, j, cl, op)
        if k is None:
            if op in {"“", "``"} or (op == '"' and text.count('"') % 2 == 1):
                # Unclosed at the end of the paragraph: a quote that continues in
                # the next one (news style) - the rest of the block is quoted.
                if len(text) - j > 20:
                    spans.append(_Span(block, j, len(text), op))
                break
            i = j
            continue
        if k - j >= 2:
            spans.append(_Span(block, j, k, op))
        i = k + len(cl)
    return spans


def _find_close(text: str, start: int, cl: str, op: str) -> int | None:
    k = start
    while True:
        k = text.find(cl, k)
        if k < 0:
            return None
        if cl in {"’", "''"}:
            nxt = text[k + len(cl) : k + len(cl) + 1]
            prev = text[k - 1] if k else ""
            # "don’t" and "Modi’s": a closing single mark is followed by a non-letter.
            if nxt.isalpha() or (cl == "’" and prev.isalpha() and nxt == "s"):
                k += len(cl)
                continue
        return k


def _speaker_from_verb(sent: Sentence, q_start: int, q_end: int) -> tuple[Any, str | None]:
    """The subject of a speech verb outside the quote, and the cue that found it."""
    best = None
    for tok in sent.span:
        rel = tok.idx - sent.span.doc[sent.span.start].idx + (sent.start - sent.start)
        pos = tok.idx
        inside = q_start <= pos < q_end
        if inside:
            continue
        if tok.lemma_.lower() in SPEECH_VERBS or tok.text.lower() in {
            "said",
            "says",
            "told",
            "added",
            "wrote",
        }:
            if tok.pos_ not in {"VERB", "AUX"} and tok.tag_ not in {"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"}:
                continue
            subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None and tok.dep_ in {"conj", "advcl", "xcomp"}:
                subj = next((c for c in tok.head.children if c.dep_ in {"nsubj"}), None)
            if subj is not None:
                dist = abs(pos - (q_start if pos < q_start else q_end))
                if best is None or dist < best[0]:
                    best = (dist, subj, "speech verb")
        del rel
    # "according to X"
    for tok in sent.span:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None and not (q_start <= obj.idx < q_end):
                return obj, "according to"
    if best:
        return best[1], best[2]
    return None, None


def _name_of(tok: Any, ents: Entities, last_person: str | None) -> str | None:
    """Canonical speaker for a subject token: a person, an organisation, or a pronoun's antecedent."""
    t = tok  # spacy Token
    if t.lower_ in PRONOUNS:
        return last_person
    sub = list(t.subtree)
    # The name is the entity the subject token belongs to.
    if t.ent_type_ == "PERSON" or t.pos_ == "PROPN":
        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
        text = ent.text if ent is not None else t.text
        name = ents.person(text)
        if name:
            return name
        key = re.sub(r"^the\s+", "", text, flags=re.I).lower()
        if key in ents.org_index:
            return ents.org_index[key]
    phrase = " ".join(x.text for x in sub if not x.is_punct)
    for e in t.doc.ents:
        if e.start >= sub[0].i and e.end <= sub[-1].i + 1:
            if e.label_ == "PERSON":
                name = ents.person(e.text)
                if name:
                    return name
            if e.label_ in {"ORG", "GPE", "NORP"}:
                key = re.sub(r"^the\s+", "", e.text, flags=re.I).lower()
                if key in ents.org_index:
                    return ents.org_index[key]
    # "the minister", "the prime minister": the most recent person with that role.
    low = phrase.lower().removeprefix("the ").strip()
    for p in ents.people:
        if (
            any(low == r.lower() or low.endswith(r.lower().split()[-1]) for r in p.roles)
            and len(low.split()) <= 4
        ):
            return p.name if last_person is None or last_person != p.name else last_person
    return clean_name(phrase)[0] if phrase and len(phrase.split()) <= 6 and phrase[0].isupper() else None


def _kind(block_text: str, s: _Span) -> str:
    before = block_text[: s.start - len(s.opener)].rstrip()
    quoted = block_text[s.start : s.end].strip()
    if not quoted:
        return "partial"
    if quoted[0].islower():
        return "partial"
    if not before or before.endswith((":", ",", ".", "?", "!")):
        return "direct"
    last_word = before.split()[-1].lower() if before.split() else ""
    return "direct" if last_word in {"said", "says", "added", "wrote", "told"} else "partial"


_TRAILING_POST_CLUTTER = re.compile(r"(?:\s*(?:@\w+|https?://\S+|pic\.twitter\.com/\S+))+\s*$")


def _person_mentions(article: Article, ents: Entities) -> list[tuple[int, int, str, bool]]:
    """(block, char, canonical name, is a subject) for every person mention, in text order."""
    out = []
    for bi, (block, doc) in enumerate(zip(article.document.blocks, article.docs, strict=True)):
        if block.kind == "heading":
            continue
        for e in doc.ents:
            name = ents.person(e.text) if e.label_ in {"PERSON", "GPE", "ORG", "NORP"} else None
            if name:
                out.append((bi, e.start_char, name, e.root.dep_ in {"nsubj", "nsubjpass"}))
    return out


def _antecedent(mentions: list[tuple[int, int, str, bool]], block: int, pos: int) -> str | None:
    """The person a pronoun at (block, pos) most likely means: the last subject, else the last mention."""
    before = [m for m in mentions if (m[0], m[1]) < (block, pos)]
    if not before:
        return None
    recent = [m for m in before if m[0] >= block - 1]
    subjects = [m for m in recent if m[3]]
    return (subjects or recent or before)[-1][2]


def find(article: Article, ents: Entities) -> list[Quote]:
    out: list[Quote] = []
    blocks = article.document.blocks
    by_block: dict[int, list[Sentence]] = {}
    for s in article.sentences():
        by_block.setdefault(s.block, []).append(s)
    mentions = _person_mentions(article, ents)
    last_speaker: str | None = None
    for bi, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        if block.kind == "post":
            text = block.text
            sig = re.search(r"\s*[—–-]{1,2}\s*[^—–]*\(@\w+\)[^()]*$", text)
            body = text[: sig.start()] if sig else text
            body = _TRAILING_POST_CLUTTER.sub("", body).strip()
            speaker = ents.person(block.author or "") if block.author else None
            if body:
                out.append(
                    Quote(
                        body, speaker or block.author, "post", Provenance(bi, 0, len(body)), "post signature"
                    )
                )
            continue
        sents = by_block.get(bi, [])
        for qs in find_spans(block.text, bi):
            quoted = block.text[qs.start : qs.end]
            sent = next((x for x in sents if x.start <= qs.start < x.end), None)
            speaker = None
            cue = None
            if sent is not None:
                tok, cue = _speaker_from_verb(sent, qs.start, qs.end)
                if tok is not None:
                    speaker = _name_of(tok, ents, _antecedent(mentions, bi, tok.idx))
            words = quoted.split()
            if speaker is None and len(words) <= 4 and cue is None:
                continue  # a scare quote or a title, nobody's words
            if speaker is None and len(words) > 4:
                speaker, cue = last_speaker, "continues previous quote"
            kind = _kind(block.text, qs)
            out.append(Quote(quoted.strip(), speaker, kind, Provenance(bi, qs.start, qs.end), cue))  # type: ignore[arg-type]
            if speaker:
                last_speaker = speaker
    return out
