"""The cues that find who said a quote, in one ordered table (CUES), whose names are
the Quote.cue values.

Each cue looks at the quote's site (its spans, the quote before it) and answers
with a Found; a later cue only fills in what the earlier ones left open, or
corrects a weaker answer where its row says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...model import QuoteCue
from ..lexicon import (
    NOT_SPEAKER_LABELS,
    SCENE_SUBORDINATORS,
    SPEAKER_PRONOUNS,
    SPEECH_NOUNS,
    SUBJECT_DEPS,
    TERM_NOUN,
)
from ..quotemarks import Piece, QuoteSpan
from ..resolve import Resolver, sentences_around
from .speaker import Found, clause_subject, name_of
from .surface import dash_aside, ends_sentence, labelled_as, signed_by, verdict_of
from .verbs import depth, elided_subject, is_speech_verb, speech_subject, under_only, word_before

# How far into the next sentence a cue may stand when the parser split right after the
# quote: '"...!" Scott's niece, state Del. Marcia Price (D-Newport News), shouted'.
_SPLIT_CUE_TOKENS = 20


_SPLIT_CUE_WORDS = 8


# Quoted words this short with nobody said to say them are scare quotes or titles.
SCARE_MAX_WORDS = 4


def _verb_cue(ctx: Resolver, b: int, qa: int, qz: int) -> Found | None:
    """A speech verb (or "according to") beside the quote in its own sentence."""
    doc = ctx.article.docs[b]
    text = ctx.texts[b]
    sents = sentences_around(doc, max(0, qa - 1), min(len(text), qz + 1))
    tokens = [t for s in sents for t in s]
    closed = _closed_sentence(text, qa, qz)
    if closed:
        # '"... a buying opportunity." Critics had accused ...': a quote that ends its
        # sentence with a full stop has no attribution after it; the words that follow
        # begin a sentence of their own, whatever the parse joined.
        tokens = [t for t in tokens if t.idx < qz]
    found = _colon_verb(ctx, b, tokens, qa, qz) or _governing_cue(ctx, b, tokens, qa, qz)
    if found is None or not found.speaker or not (ctx.known(found.speaker) or _proper(found.speaker)):
        # Nothing, or an unnamed phrase ("a majority of Americans believe"): a named
        # source beside the quote wins.
        near = _nearest_cue(ctx, b, tokens, qa, qz)
        if near is not None and (
            found is None or not found.speaker or (near.speaker and ctx.known(near.speaker))
        ):
            found = near
    if found is None and sents and not closed:
        # "...!" Macron told the world: a sentence split right after the closing mark,
        # whose first words say who spoke.
        last = sents[-1]
        nxt = [s for s in doc.sents if s.start_char >= last.end_char]
        if last.end_char <= qz + 2 and nxt and text[qz : nxt[0].start_char].strip(" \"”’'.,!?") == "":
            found = _nearest_cue(ctx, b, _speaker_first(ctx, b, list(nxt[0])), qa, qz)
    return found


def _colon_verb(ctx: Resolver, b: int, tokens: list[Any], qa: int, qz: int) -> Found | None:
    """ "... claims he had once told Mr Blair: '...'": the speech verb whose clause the
    colon before the quote ends says it, whatever verb farther up the parse hung the
    quote on. Only a clause with no other verb after the speech verb."""
    before = [t for t in tokens if t.idx < qa and not ctx.in_quote(b, t.idx)]
    while before and before[-1].is_punct and before[-1].text != ":":
        before.pop()
    if not before or before[-1].text != ":":
        return None
    for t in reversed(before[:-1]):
        if t.pos_ in {"VERB", "AUX"} and not is_speech_verb(t):
            return None
        if is_speech_verb(t):
            found = _verb_speaker(ctx, b, t, qa, qz)
            return found if found.speaker else None
        if t.text in {".", ";", ":", "!", "?"}:
            return None
    return None


def _proper(name: str) -> bool:
    """A name as written ("Politifact", "Equally American"), not a description ("a
    majority of Americans"): every word capitalised."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0].lower() not in {"the", "a", "an"}


def _closed_sentence(text: str, qa: int, qz: int) -> bool:
    """The quoted words end with a full stop (not an ellipsis, which may trail off before
    "Smith said") and a capital opens what follows the mark."""
    quoted = text[qa:qz].rstrip()
    after = text[qz:].lstrip(" \"”’'")
    # "[.]": a full stop the writer put in where the words were cut.
    full_stop = quoted.endswith((".", "[.]")) and not quoted.endswith((". .", ".."))
    return full_stop and bool(after) and after[0].isupper()


def _speaker_first(ctx: Resolver, b: int, sent: list[Any]) -> list[Any]:
    """The words of a sentence that can name the speaker of the quote just before it:
    its first few, or all of a subject however long when the sentence says no more than
    who spoke ('Scott's niece, state Del. Marcia Price (D-Newport News), shouted to the
    crowd.')."""
    for k, t in enumerate(sent[:_SPLIT_CUE_TOKENS]):
        if is_speech_verb(t):
            after = sent[k + 1 : k + 3]
            if (
                any(c.dep_ in SUBJECT_DEPS and c.i < t.i for c in t.children)
                and all(u.pos_ not in {"VERB", "AUX"} and not ctx.in_quote(b, u.idx) for u in sent[:k])
                # Not 'X, health spokesman, said: "..."', which opens a quote of its own,
                # nor 'X, party leader, claimed that ...', which says something of its own.
                and not any(u.text == ":" or ctx.in_quote(b, u.idx) for u in after)
                and not any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in t.children)
                and len(sent) - k <= 6
            ):
                return sent[: k + 1]
            break
    return sent[:_SPLIT_CUE_WORDS]


def _governing_cue(ctx: Resolver, b: int, tokens: list[Any], qa: int, qz: int) -> Found | None:
    """The speech verb the quote depends on: "Flynn said Trump was 'right' when he said ..."
    belongs to Flynn, whatever verb stands nearer."""
    inside = [t for t in tokens if qa <= t.idx < qz]
    for t in inside:
        if qa <= t.head.idx < qz and t.head.i != t.i:
            continue  # not a root of the quoted words
        v = t.head
        for _ in range(8):
            if not ctx.in_quote(b, v.idx) and is_speech_verb(v):
                return _verb_speaker(ctx, b, v, qa, qz)
            if v.pos_ == "NOUN" and v.lemma_.lower() in SPEECH_NOUNS and not ctx.in_quote(b, v.idx):
                # "his claim that people would 'learn nothing'": whose claim it is.
                owner = next((c for c in v.children if c.dep_ == "poss"), None)
                if owner is not None and not ctx.in_quote(b, owner.idx):
                    name = name_of(ctx, owner, b)
                    if name:
                        return Found(name, "speech noun", True)
            if v.head.i == v.i:
                break
            v = v.head
    return None


def _verb_speaker(ctx: Resolver, b: int, tok: Any, qa: int, qz: int) -> Found:
    subj = speech_subject(tok, after_quote=tok.idx > qz, outside=lambda t: not ctx.in_quote(b, t.idx))
    if subj is None:
        subj = _adjacent_subject(ctx, b, tok, qa, qz)
    where: QuoteCue = "speech verb after" if tok.idx > qz else "speech verb before"
    if subj is None:
        misread = _misread_name_before(ctx, b, tok)
        if misread is not None:
            return Found(misread, where, True)
    if subj is None and tok.tag_ == "VBG":
        subj = _main_subject(ctx, b, tok)
    if subj is None and elided_subject(tok):
        # "Mr Blair told BBC News he had not read it. But told BBC News: '...'": the
        # subject left out is the one the story just had.
        name = ctx.latest(b, tok.idx)
        if name:
            return Found(name, where, True)
    if subj is None:
        return Found(None, "speech verb, no subject", True)
    return Found(name_of(ctx, subj, b), where, True)


def _nearest_cue(ctx: Resolver, b: int, tokens: list[Any], qa: int, qz: int) -> Found | None:
    """The cue nearest the quote that names someone; else the nearest cue at all."""
    doc = ctx.article.docs[b]
    cands: list[tuple[int, int, Any, str]] = []
    for tok in tokens:
        if ctx.in_quote(b, tok.idx):
            continue
        dist = qa - tok.idx if tok.idx < qa else tok.idx - qz
        if tok.idx > qz and any(
            t.lower_ in SCENE_SUBORDINATORS and t.dep_ in {"advmod", "mark"} and qz <= t.idx < tok.idx
            for t in tokens
        ):
            # '"...," when Clinton blasted him': a verb in a clause after the quote that
            # only sets the scene is a last resort.
            dist += 10_000
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                cands.append((dist, tok.i, obj, "according to"))
        elif tok.lower_ == "per" and tok.dep_ == "prep":
            # "..., per the party's bylaws": as the source says. Not "per cent", "per year".
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None and any(c.dep_ in {"det", "poss"} for c in obj.children):
                cands.append((dist, tok.i, obj, "according to"))
        elif is_speech_verb(tok):
            cands.append((dist, tok.i, tok, "speech verb"))
    first: Found | None = None
    unnamed: Found | None = None
    for _, _, tok, cue in sorted(cands, key=lambda c: (c[0], c[1])):
        if cue == "according to":
            found = Found(name_of(ctx, tok, b), "according to", True)
        else:
            found = _verb_speaker(ctx, b, tok, qa, qz)
        if found.speaker and ctx.known(found.speaker):
            return found
        if found.speaker and unnamed is None:
            unnamed = found  # "a majority of Americans believe": a named source may stand farther
        first = first or found
    return unnamed or first


def _adjacent_subject(ctx: Resolver, b: int, verb: Any, qa: int, qz: int) -> Any:
    """The noun beside a speech verb the parse did not link: '"...," Ellis said' / 'Said Ellis:'."""
    doc = verb.doc
    if verb.idx > qz:
        between = [t for t in doc if qz < t.idx < verb.idx and not ctx.in_quote(b, t.idx)]
        named = [t for t in between if t.ent_type_ in {"PERSON", "ORG"}]
        if named:
            return named[0]  # '"...," Flynn, a top surrogate, said'
        nominal = [
            t
            for t in between
            if t.pos_ in {"PROPN", "NOUN", "PRON"}
            and not t.ent_type_
            # Not "after the debate" in '"...," and, when questioned after the debate,
            # asserting': a noun behind a preposition is nobody's subject.
            and t.dep_ not in {"pobj", "dobj", "npadvmod", "poss"}
        ]
        if nominal:
            return nominal[-1]
    if verb.idx < qa and verb.i > verb.sent.start:
        # After a verb before the quote stand its objects, not its speaker ("Said Ellis:"
        # aside). A name before the verb that the parse hung elsewhere ("In Washington,
        # Marc Morial, the league's chief, told ...") is its subject if no other verb
        # stands between them in the tree.
        before = [
            e
            for e in doc.ents
            if e.label_ in {"PERSON", "ORG"}
            and verb.sent.start <= e.start
            and e.end <= verb.i
            and not ctx.in_quote(b, e.start_char)
            and under_only(e.root, verb)
        ]
        if not before:
            return None
        # A person before an organisation, and the name nearest the verb in the tree:
        # not "the league" in its chief's appositive.
        best = min(before, key=lambda e: (e.label_ != "PERSON", depth(e.root, verb), -e.start))
        return best.root
    after: list[Any] = []
    for t in doc[verb.i + 1 : verb.i + 12]:
        if ctx.in_quote(b, t.idx) or (t.is_punct and t.text not in {".", "'", "’"}):
            break
        after.append(t)
    nominal = [t for t in after if t.pos_ in {"PROPN", "NOUN"} and t.ent_type_ not in NOT_SPEAKER_LABELS]
    if nominal:
        head = nominal[0]
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return head
    return None


def _misread_name_before(ctx: Resolver, b: int, verb: Any) -> str | None:
    """A known name opening the clause that the tagger read as a verb or common word:
    "Trump openly admires Putin as a 'strong leader'"."""
    tok = word_before(verb)
    if tok is None or ctx.in_quote(b, tok.idx):
        return None
    opens = tok.i == verb.sent.start or tok.doc[tok.i - 1].is_punct
    if opens and tok.text[:1].isupper() and tok.pos_ != "PROPN":
        return ctx.person(tok.text)
    return None


def _main_subject(ctx: Resolver, b: int, verb: Any) -> Any:
    """Who a subjectless participle ("..., asserting, '...'") belongs to when the parse
    lost the link: the named subject opening the sentence, outside any quote."""
    for t in verb.sent:
        if t.i >= verb.i:
            break
        if ctx.in_quote(b, t.idx) or t.dep_ not in SUBJECT_DEPS:
            continue
        own = next((e for e in verb.doc.ents if e.start <= t.i < e.end), None)
        if own is not None and own.label_ in {"PERSON", "ORG"}:
            return t
        return None  # the sentence opens with someone unnamed: too loose to guess
    return None


def _lead_in(ctx: Resolver, b: int, opener: int) -> Found | None:
    """ "X rejected it: '...'" or "X, on Twitter, defended it, '...'" or a "X said:" paragraph."""
    text = ctx.texts[b]
    before = text[:opener].rstrip()
    doc = ctx.article.docs[b]
    if before.endswith((":", ",")) and len(before) > 1:
        toks = [t for t in doc if t.idx < len(before) - 1 and not ctx.in_quote(b, t.idx)]
        if toks:
            name = clause_subject(ctx, b, toks[-1])
            if name:
                return Found(name, "colon" if before.endswith(":") else "lead-in clause", True)
    if before == "" and b > 0:
        pb = b - 1
        prev = ctx.texts[pb].rstrip()
        # A short lead-in line ("Caddell continued:") may have been taken for a subheading.
        if prev.endswith(":") and ctx.article.document.blocks[pb].kind != "post":
            pdoc = ctx.article.docs[pb]
            toks = [t for t in pdoc if not ctx.in_quote(pb, t.idx) and not t.is_punct]
            if toks:
                name = clause_subject(ctx, pb, toks[-1])
                if name:
                    return Found(name, "lead-in paragraph", True)
    return None


def _previous_sentence(ctx: Resolver, b: int, opener: int) -> str | None:
    """A quote that opens its sentence: the person the sentence before is about."""
    doc = ctx.article.docs[b]
    prev = [s for s in doc.sents if s.end_char <= opener + 1]
    if not prev and b > 0 and not ctx.texts[b][:opener].strip():
        # A paragraph that opens with the quote: the paragraph of prose before
        # introduces it.
        pb = b - 1
        if ctx.article.document.blocks[pb].kind != "paragraph":
            return None
        b, doc = pb, ctx.article.docs[pb]
        prev = list(doc.sents)
    elif not prev or ctx.texts[b][prev[-1].end_char : opener].strip():
        return None
    if not prev:
        return None
    root = prev[-1].root
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or ctx.in_quote(b, subj.idx) or not is_speech_verb(root):
        # "..., but Ms Milanesi said it was hard to say." then a quote: the last
        # person the sentence before has speaking goes on, whatever its main verb.
        said = [t for t in prev[-1] if is_speech_verb(t) and not ctx.in_quote(b, t.idx) and t.i != root.i]
        for verb in reversed(said):
            who = speech_subject(verb, after_quote=False, outside=lambda t: not ctx.in_quote(b, t.idx))
            name = name_of(ctx, who, b) if who is not None else None
            if name and name in ctx.names.values():
                return name
    if subj is None or ctx.in_quote(b, subj.idx):
        return None
    if subj.lower_ == "i" and not ctx.texts[b][: prev[0].start_char].strip():
        # 'I fell in love with someone ... "I tried for three years"': a paragraph that
        # speaks in the first person outside any marks is someone's words with the
        # marks left off, the words of whom the paragraph before is about.
        return _about_before(ctx, b)
    # "..., Schiff said." then a quote: the source of the sentence before goes on.
    name = name_of(ctx, subj, b)
    person = subj.ent_type_ == "PERSON" or (name is not None and name in ctx.names.values())
    if not person and subj.lower_ not in SPEAKER_PRONOUNS and not is_speech_verb(root):
        return None
    return name


def _about_before(ctx: Resolver, b: int) -> str | None:
    """The person the paragraph before is about: the named subject of its first sentence's
    main verb, outside any quote."""
    pb = b - 1
    if pb < 0 or ctx.article.document.blocks[pb].kind != "paragraph":
        return None
    first = next(iter(ctx.article.docs[pb].sents), None)
    if first is None:
        return None
    subj = next((c for c in first.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or ctx.in_quote(pb, subj.idx) or subj.ent_type_ != "PERSON":
        return None
    name = name_of(ctx, subj, pb)
    return name if name in ctx.names.values() else None


def _continues(ctx: Resolver, prev: tuple[int, str | None, int] | None, block: int, opener: int) -> bool:
    """The quote goes on from the one before: same paragraph, or the next one opening with
    it, and nobody else has become the subject in between ("Michael Howard had already
    broken away ..." between two quotes hands the next one to him)."""
    if prev is None or not prev[1]:
        return False
    pb, speaker, end = prev
    if not (pb == block or (pb == block - 1 and not ctx.texts[block][:opener].strip())):
        return False
    if TERM_NOUN.search(ctx.texts[block], max(0, opener - 20), opener):
        return False  # 'the slur "Big Mike" trended': a term named, not more of the speech
    between = [
        m
        for m in ctx.mentions
        if (pb, end) <= (m.block, m.pos) < (block, opener) and m.subject and not ctx.in_quote(m.block, m.pos)
    ]
    return all(m.name == speaker for m in between)


@dataclass(frozen=True)
class Site:
    """A quote being attributed: where it stands and the quote before it."""

    ctx: Resolver
    span: QuoteSpan
    prev: tuple[int, str | None, int] | None  # block and place the last quote ended, its speaker
    quoted: str
    opener: int  # where the opening mark stands in the first block

    @property
    def first(self) -> Piece:
        return self.span.pieces[0]

    @property
    def last(self) -> Piece:
        return self.span.pieces[-1]


def _no_speaker(site: Site, hit: Found | None) -> bool:
    return hit is None or hit.speaker is None


def _nobody_named(site: Site, hit: Found | None) -> bool:
    return hit is None or hit.speaker is None or not site.ctx.known(hit.speaker)


def _by_next_sentence_after_colon(site: Site, hit: Found | None) -> bool:
    """'X released a statement: "..." Y called it ...': a verb in the next sentence does
    not say a quote that a colon's lead-in introduced."""
    texts = site.ctx.texts
    return bool(
        hit is not None
        and hit.cue == "speech verb after"
        and texts[site.first.block][: site.opener].rstrip().endswith(":")
        and ends_sentence(texts[site.last.block], site.quoted, site.last.end)
    )


def _verb_in_last_paragraph(site: Site) -> Found | None:
    first, last = site.first, site.last
    return _verb_cue(site.ctx, last.block, last.start if last.block != first.block else first.start, last.end)


def _verb_in_first_paragraph(site: Site) -> Found | None:
    """A quote over paragraphs whose attribution stands in its first one."""
    if site.last.block == site.first.block:
        return None
    return _verb_cue(site.ctx, site.first.block, site.first.start, len(site.ctx.texts[site.first.block]))


def _continued(site: Site) -> Found | None:
    if site.prev is None or not _continues(site.ctx, site.prev, site.first.block, site.opener):
        return None
    return Found(site.prev[1], "continues previous quote", site.prev[0] == site.first.block)


def _sentence_before(site: Site) -> Found | None:
    if len(site.quoted.split()) <= SCARE_MAX_WORDS:
        return None  # a short quoted term is not carried by the sentence before
    name = _previous_sentence(site.ctx, site.first.block, site.opener)
    return Found(name, "previous sentence", False) if name else None


@dataclass(frozen=True)
class Cue:
    """One way of finding who said a quote: `find` looks, and its answer replaces what the
    cues before found when `replaces` says so (by default: when they found nobody)."""

    name: str
    gives: tuple[QuoteCue, ...]  # the Quote.cue values this way can give
    find: Callable[[Site], Found | None]
    replaces: Callable[[Site, Found | None], bool] = _no_speaker


# The cues in the order they are tried; a later one only fills in what the earlier ones
# left open (or, for "colon" and "dash aside", corrects a weaker answer).
CUES: tuple[Cue, ...] = (
    Cue("signed", ("signed", "transcript"), lambda site: signed_by(site.ctx, site.span)),
    Cue(
        "speech verb",
        ("speech verb after", "speech verb before", "speech verb, no subject", "speech noun", "according to"),
        _verb_in_last_paragraph,
    ),
    Cue(
        "colon over the next sentence",
        ("colon", "lead-in clause", "lead-in paragraph"),
        lambda site: _lead_in(site.ctx, site.first.block, site.opener),
        _by_next_sentence_after_colon,
    ),
    Cue(
        "speech verb in the first paragraph",
        ("speech verb after", "speech verb before", "speech verb, no subject", "speech noun", "according to"),
        _verb_in_first_paragraph,
    ),
    # "A chorus has said so, including Mitt Romney -- '...' --": the name the quote is
    # set beside is more precise than an unnamed group.
    Cue(
        "dash aside",
        ("dash aside",),
        lambda site: dash_aside(site.ctx, site.first.block, site.opener),
        _nobody_named,
    ),
    Cue(
        "lead-in",
        ("colon", "lead-in clause", "lead-in paragraph"),
        lambda site: _lead_in(site.ctx, site.first.block, site.opener),
    ),
    Cue("labelled as", ("labelled as",), lambda site: labelled_as(site.ctx, site.first.block, site.opener)),
    Cue(
        "credited after",
        ("credited after",),
        lambda site: verdict_of(site.ctx, site.last.block, site.last.end),
    ),
    Cue("continues previous quote", ("continues previous quote",), _continued),
    Cue("previous sentence", ("previous sentence",), _sentence_before),
)


def attribute(site: Site) -> Found | None:
    """Who said the quote: each cue in CUES in turn, where the ones before left it open."""
    hit: Found | None = None
    for cue in CUES:
        if cue.replaces(site, hit):
            hit = cue.find(site) or hit
    return hit
