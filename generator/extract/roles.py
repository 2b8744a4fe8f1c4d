"""The titles an article gives a person, read from the tokens around a name.

Three shapes: a title before the name ("US President Donald Trump", "Former US
Ambassador to the United Nations Nikki Haley"), an appositive after it ("Jack
Straw, the foreign secretary,", "X, who heads the ministry,") and one before it
("the foreign secretary, Jack Straw").
"""

from __future__ import annotations

from typing import Any

from .lexicon import (
    FUNCTION_NOUNS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    KINSHIP,
    LEAVING_VERBS,
    ORG_DESCRIPTORS,
    RELATIONAL_NOUNS,
    ROLE_HEADS,
    SPEECH_VERBS,
    TITLE_MODIFIERS,
)

# Entity labels that end a title when walking back from a name.
_STOP_LABELS = {"PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Small words allowed inside a title's complement ("Secretary of State").
_LINKS = {"of", "to", "for", "the", "on"}
_HYPHENS = {"-", "‐", "‑"}
# Punctuation that closes an appositive.
_CLOSERS = {",", ";", ".", ":", "(", ")", '"', "“", "”", "—", "–", "?", "!"}
# Words that end a role inside an appositive ("envoy ... until December").
_ROLE_ENDERS = {"until", "since", "during", "after", "before", "when", "while", "from", "between"}
# "X, who heads the ministry": verbs that make their object a role.
_LEAD_VERBS = {"heads": "head", "leads": "leader", "chairs": "chair", "runs": "head", "directs": "director"}
# "Justin Trudeau, then the Prime Minister": time adverbs are not part of the role.
_TIME_ADVERBS = {"then", "now", "currently", "still", "also"}
# "formerly the mayor": the role is a past one.
_PAST_ADVERBS = {"formerly", "previously", "once"}
_COPULAS = {"is", "was", "has", "had", "been", "became", "becomes", "serves", "served", "as"}


def is_head(tok: Any) -> bool:
    return str(tok.lower_) in ROLE_HEADS


# Every noun that can head a role the article gives a person: titles, occupations
# and relations to someone ("mother", "counterpart").
_ROLE_NOUNS = ROLE_HEADS | FUNCTION_NOUNS | RELATIONAL_NOUNS | KINSHIP


def is_role_noun(tok: Any) -> bool:
    """A title, occupation or relation; a plural ("sons", "colleagues") names a group."""
    return str(tok.lower_) in _ROLE_NOUNS and tok.tag_ not in {"NNS", "NNPS"}


def _text(doc: Any, a: int, b: int) -> str:
    return str(doc[a:b].text).strip()


def _is_title_word(tok: Any) -> bool:
    """A word that can stand in a pre-nominal title: capitalised, or a lower-case noun/modifier."""
    if not (tok.is_alpha or tok.text.replace(".", "").isalpha()):
        return False
    if tok.text[0].isupper():
        return tok.pos_ in {"PROPN", "NOUN", "ADJ", "VERB"} or is_head(tok)
    # A lower-case word tagged a proper noun is a common noun the tagger misread ("chat show").
    return bool(tok.pos_ in {"NOUN", "PROPN"} or tok.lower_ in TITLE_MODIFIERS or is_head(tok))


def _walk_back(doc: Any, i: int, lo: int) -> list[int]:
    """Token indexes of the title-like words ending at token i (inclusive), left to right."""
    out: list[int] = []
    j = i
    while j >= lo and len(out) < 12:
        tok = doc[j]
        if tok.ent_type_ in _STOP_LABELS:
            break
        if tok.text in _HYPHENS and j - 1 >= lo and not doc[j - 1].whitespace_ and not tok.whitespace_:
            # "Under-Secretary": the word before a glued hyphen belongs to it.
            out[:0] = [j - 1, j]
            j -= 2
            continue
        if tok.text[0].islower() and tok.pos_ == "NOUN" and any(doc[k].text[0].isupper() for k in out):
            break  # "declaration of emergency [United States President]": not part of the title
        if _is_title_word(tok) or (tok.lower_ in _LINKS and out and _capitalised_ahead(doc, out)):
            out.insert(0, j)
            j -= 1
            continue
        break
    return out


def _capitalised_ahead(doc: Any, out: list[int]) -> bool:
    """A link word joins a title only before a capitalised complement ("to the United Nations")."""
    first = next((doc[k] for k in out if doc[k].lower_ not in _LINKS), None)
    return first is not None and first.text[0].isupper()


def title_before(doc: Any, name_start: int, sent_start: int) -> str | None:
    """The title right before a name: "US President [Donald Trump]"."""
    end = name_start
    # "Commissioner Sir [John Stevens]": an honorific between title and name is neither.
    while end > sent_start and doc[end - 1].lower_.rstrip(".") in HONORIFICS:
        end -= 1
    idx = _walk_back(doc, end - 1, sent_start)
    heads = [k for k, j in enumerate(idx) if is_role_noun(doc[j])]
    if not heads:
        return None
    # The nearest head owns the name ("adviser to President [Obama]" -> President);
    # after it only a complement may follow ("Ambassador to the United Nations").
    h = heads[-1]
    start = h
    while start > 0 and (doc[idx[start - 1]].lower_ not in _LINKS or _inside_name(doc, idx, start - 1)):
        start -= 1
    # Leading lower-case adjectives are description, not title ("tense", "new").
    while start < h and _plain_lowercase(doc[idx[start]]) and doc[idx[start + 1]].text not in _HYPHENS:
        start += 1  # but "nine-times champion" keeps its "nine"
    # "Earlier Tory leader ...": a sentence-initial adverb is capitalised, not a title.
    first = doc[idx[start]]
    if start < h and first.i == sent_start and first.pos_ == "ADV" and first.lower_ not in TITLE_MODIFIERS:
        start += 1
    a, b = idx[start], idx[-1] + 1
    if doc[a].lower_ in _LINKS:
        return None
    nxt = doc[idx[h + 1]] if h + 1 < len(idx) else None
    if nxt is not None and nxt.lower_ not in _LINKS and nxt.is_title and not is_head(nxt):
        # "Senior Superintendent Yolanda [Yu Hoi-kwan]": a capitalised word right after
        # the head with no "of" or "to" is a given name the model left out, not title.
        b = idx[h] + 1
    return _text(doc, a, b)


def _inside_name(doc: Any, idx: list[int], k: int) -> bool:
    """A link word between capitalised words belongs to a name: "House of Representatives"."""
    return (
        k >= 1
        and doc[idx[k - 1]].text[0].isupper()
        and doc[idx[k + 1]].text[0].isupper()
        and doc[idx[k - 1]].pos_ == doc[idx[k + 1]].pos_ == "PROPN"
        and doc[idx[k - 1]].lower_ not in ROLE_HEADS
    )


def _plain_lowercase(tok: Any) -> bool:
    return bool(tok.text[0].islower() and tok.pos_ != "NOUN" and tok.lower_ not in TITLE_MODIFIERS)


def _segment_after(doc: Any, end: int, sent_end: int) -> tuple[int, int] | None:
    """Token range of ", <this>," right after a name."""
    if end < sent_end and _is_dash(doc, end - 1):
        end -= 1  # the model may take the dash into the name's entity
    if end >= sent_end or not (doc[end].text == "," or _is_dash(doc, end)):
        return None
    j = end + 1
    while j < sent_end and doc[j].text not in _CLOSERS and not _is_dash(doc, j) and j - end <= 24:
        j += 1
    return (end + 1, j) if j > end + 1 else None


def _is_dash(doc: Any, i: int) -> bool:
    """A dash setting off an aside: "X - who has resigned -", a hyphen with spaces round it."""
    tok = doc[i]
    if tok.text in {"—", "–"}:
        return True
    return bool(tok.text == "-" and tok.whitespace_ and i > 0 and doc[i - 1].whitespace_)


def _noun_phrase_role(doc: Any, a: int, b: int) -> str | None:
    """A role from a bare noun phrase: determiners dropped, clauses refused, cut at time words."""
    former = False
    # "her brother": a pronoun's owner is not named here, so the role is the noun alone.
    while a < b and (
        doc[a].pos_ in {"DET", "CCONJ"}
        or doc[a].tag_ == "PRP$"
        or doc[a].lower_ in _TIME_ADVERBS | _PAST_ADVERBS
    ):
        former = former or doc[a].lower_ in _PAST_ADVERBS
        a += 1
        if a < b and doc[a].text in _HYPHENS and not doc[a - 1].whitespace_:
            a += 1  # "then-New Jersey Governor"
    a = _after_age(doc, a, b)
    end = a
    while end < b:
        tok = doc[end]
        if tok.lower_ in _ROLE_ENDERS or tok.ent_type_ in {"DATE", "TIME"}:
            break
        if tok.ent_type_ == "PERSON" and not (_possessive_next(doc, tok.i) or _in_object(doc, tok, a)):
            # Another person's name standing alone: a list of people, not a role.
            return None
        if tok.pos_ == "VERB" and tok.dep_ == "acl" and end > a:
            break  # "the lawyer [representing Mr Abbasi]": the participle's clause describes
        # A participle modifying the head is part of the role ("the acting Prime Minister").
        modifier = tok.dep_ == "amod" or tok.tag_ == "PRP$"
        if tok.pos_ in {"VERB", "AUX", "PRON", "SCONJ"} and not (tok.text[0].isupper() or modifier):
            return None
        end += 1
    while end > a and doc[end - 1].pos_ in {"ADP", "DET", "CCONJ"}:
        end -= 1
    if end <= a or end - a > 16 or not _headed(doc, a, end):
        return None
    role = _text(doc, a, end)
    # "formerly the mayor of New York" -> "former mayor of New York".
    return "former " + role if former and not role.lower().startswith(("former", "ex-")) else role


def _after_age(doc: Any, a: int, b: int) -> int:
    """Past an age ("a [19-year-old] motorcyclist"): it describes the person, it is no role,
    and the model tags it as a date, which would end the role."""
    k = a
    while k < b and doc[k].ent_type_ == "DATE" and doc[k].lower_ != "old":
        k += 1
    return k + 1 if k > a and k < b and doc[k].lower_ == "old" else a


def _headed(doc: Any, a: int, end: int) -> bool:
    """Every "and"-joined part's head noun (its last word before a preposition) is a role:
    "friend of the party leader" is not one."""
    parts: list[list[Any]] = [[]]
    for tok in doc[a:end]:
        if tok.lower_ == "and":
            parts.append([])
        else:
            parts[-1].append(tok)
    for part in parts:
        first_prep = next((i for i, t in enumerate(part) if t.pos_ == "ADP" and i > 0), len(part))
        core = [t for t in part[:first_prep] if t.text not in {"'s", "’s"}]
        if not core or not is_role_noun(core[-1]):
            return len(parts) > 1 and _one_role_phrase(doc, a, end)
    return True


def _one_role_phrase(doc: Any, a: int, end: int) -> bool:
    """ "shadow work and pensions secretary": the "and" joins modifiers inside one phrase,
    whose head (the parse's one root of the span) is a role."""
    roots = [t for t in doc[a:end] if not a <= t.head.i < end]
    return (
        len(roots) == 1
        and is_role_noun(roots[0])
        and all(t.i <= roots[0].i for t in doc[a:end] if t.lower_ == "and")
    )


_POSSESSIVES = {"'s", "’s", "'", "’"}


def _possessive_next(doc: Any, i: int) -> bool:
    """The name at token i is possessive ("Trump's envoy"), whole name included; the
    model may take the "'s" into the name's entity."""
    j = i
    while j + 1 < len(doc) and doc[j + 1].ent_type_ == "PERSON" and doc[j + 1].ent_iob_ == "I":
        j += 1
        if doc[j].text in _POSSESSIVES:
            return True
    return doc[i].text in _POSSESSIVES or (j + 1 < len(doc) and doc[j + 1].text in _POSSESSIVES)


def _in_object(doc: Any, tok: Any, a: int) -> bool:
    """A name inside a preposition's object in the phrase: "lawyer [for Mr Begg]"."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "ADP" and a <= node.i < tok.i:
            return True
    return False


def apposition_after(doc: Any, end: int, sent_end: int) -> str | None:
    """ "Jack Straw, the foreign secretary," and "X, who heads the ministry,"."""
    seg = _segment_after(doc, end, sent_end)
    if seg is None:
        return None
    a, b = seg
    if _name_after_aside(doc, b, sent_end):
        return None  # "X, Labour MP (Member of Parliament) Tom Watson, and Y": a list of people
    if all(t.like_num for t in doc[a:b]):
        # "Robert Jackson, 58, MP for Wantage,": an age first, then the role.
        return apposition_after(doc, b, sent_end) if b < sent_end and doc[b].text == "," else None
    if doc[a].pos_ == "CCONJ":
        return None  # "leader X, and the mother of Y": the next item of a list
    body = _body_role(doc, a, b) if doc[a].lower_ in _BODY_PREPOSITIONS else None
    if body:
        return body
    who = next((k for k in range(a, b) if doc[k].lower_ == "who"), None)
    if who is None:
        return _noun_phrase_role(doc, a, b)
    # "X, a career politician who served as President of India,": the clause names
    # the role when the noun phrase before it does not.
    before = _noun_phrase_role(doc, a, who) if who > a else None
    return before or _who_clause_role(doc, who, b)


# "X, of the council," / "X, from the union," / "X, for the Liberal Democrats,".
_BODY_PREPOSITIONS = {"of", "from", "for"}


def _body_role(doc: Any, a: int, b: int, named_only: bool = False) -> str | None:
    """ "X, of the provincial council,": the body the person belongs to, as written. Only a
    body: "X, of Leeds," names a home town. `named_only` asks for a body's name, not a
    common noun ("Peter Saunders of the CMF said", with no comma to set it off)."""
    obj = next((c for c in doc[a].children if c.dep_ == "pobj"), None)
    if obj is None or obj.right_edge.i >= b or any(t.pos_ in {"VERB", "AUX"} for t in doc[a:b]):
        return None
    named = obj.ent_type_ == "ORG" and obj.pos_ == "PROPN"
    if doc[a].lower_ == "for":
        named = obj.ent_type_ in {"ORG", "NORP"} and obj.pos_ == "PROPN"  # "for the Lib Dems"
    body = named or (not named_only and obj.lower_ in INSTITUTION_NOUNS | ORG_DESCRIPTORS)
    last = obj.right_edge.i
    while last > obj.i and doc[last].is_punct:
        last -= 1
    return _text(doc, a, last + 1) if body else None


def body_after(doc: Any, a: int, end: int, sent_end: int) -> str | None:
    """ "Hannah Ward of the Refugee Council said": a named body right after the name, the
    preposition hanging on the name itself."""
    if end >= sent_end or doc[end].lower_ not in {"of", "from"} or not a <= doc[end].head.i < end:
        return None
    if end - a < 2:
        return None  # "the Duke of Edinburgh": one word before "of" is a title, not a name
    obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    if obj is None or obj.right_edge.i >= sent_end:
        return None
    return _body_role(doc, end, obj.right_edge.i + 1, named_only=True)


def _name_after_aside(doc: Any, b: int, sent_end: int) -> bool:
    """The segment stops at a bracket, and a person's name follows the bracket (the
    parse may start a new sentence there)."""
    if b >= sent_end or doc[b].text != "(":
        return False
    close = next((k for k in range(b + 1, min(len(doc), b + 12)) if doc[k].text == ")"), None)
    return close is not None and close + 1 < len(doc) and doc[close + 1].ent_type_ == "PERSON"


def _who_clause_role(doc: Any, who: int, b: int) -> str | None:
    """ "who heads the ministry" -> "head of the ministry"; "who was then the envoy" -> "envoy"."""
    if who + 1 >= b:
        return None
    verb = doc[who + 1].lower_
    if verb in _LEAD_VERBS:
        obj = _object_phrase(doc, who + 2, b)
        return f"{_LEAD_VERBS[verb]} of {obj}" if obj else None
    k = who + 1
    while k < b and doc[k].lower_ in _COPULAS | {"also"} | _TIME_ADVERBS:
        k += 1
    role = _noun_phrase_role(doc, k, b) if k > who + 1 else None
    return role or _as_role(doc, who, b)


def _as_role(doc: Any, who: int, b: int) -> str | None:
    """ "who has resigned as home secretary", "who was appointed as envoy": the role in
    the "as" phrase of the clause's verb; one left behind is a former role."""
    verb = doc[who].head
    if not who < verb.i < b or doc[who].dep_ not in {"nsubj", "nsubjpass"}:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < b), None)
    if prep is None:
        return None
    role = _noun_phrase_role(doc, prep.i + 1, b)
    if role is None:
        return None
    left = verb.lemma_ in LEAVING_VERBS or any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    return "former " + role if left and not role.lower().startswith(("former", "ex-")) else role


def _object_phrase(doc: Any, a: int, b: int) -> str | None:
    end = a
    while end < b and doc[end].lower_ not in _ROLE_ENDERS and doc[end].pos_ not in {"VERB", "AUX"}:
        end += 1
    return _text(doc, a, end) if end > a else None


_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "PART", "CCONJ", "NUM"}


def apposition_before(doc: Any, name_start: int, sent_start: int) -> str | None:
    """ "the foreign secretary, Jack Straw": a whole clause-initial noun phrase then a comma
    (or one right after a verb of saying: "said its chairman, Sir Anthony Greener")."""
    # "The Lord Chief Justice, Lord Woolf": the honorific is neither name nor role.
    while name_start > sent_start and doc[name_start - 1].lower_.rstrip(".") in HONORIFICS:
        name_start -= 1
    if name_start - 2 < sent_start or doc[name_start - 1].text != ",":
        return None
    head = doc[name_start - 2]
    if _appositive_of(doc, name_start, head.i) and head.left_edge.i >= sent_start:
        # The parse joins the name to the phrase: that phrase, wherever it stands ("to plead
        # for the life of a British lecturer, Dennis Hills"). After "as" it names a post the
        # person held, not holds ("his predecessor as Cabinet Secretary, X").
        a = head.left_edge.i
        if a == 0 or doc[a - 1].lower_ != "as":
            role = _noun_phrase_role(doc, a, name_start - 1)
            if role:
                return role
    j = name_start - 2
    while j >= sent_start and doc[j].text not in _CLOSERS and name_start - j <= 20:
        tok = doc[j]
        if not (tok.pos_ in _NP_POS or tok.tag_ == "PRP$" or tok.lower_ in _LINKS or tok.text in _HYPHENS):
            # Only "As foreign secretary, X" and "said its chairman, X" may start otherwise.
            if tok.lower_ == "as" and (j == sent_start or doc[j - 1].text in _CLOSERS):
                break
            if tok.pos_ == "VERB" and tok.lemma_ in SPEECH_VERBS and _one_phrase(doc, j + 1, name_start - 1):
                break
            # ("his predecessor as Cabinet Secretary, X": "as" names a post X held, not holds.)
            joined = tok.lower_ != "as" and _appositive_of(doc, name_start, name_start - 2)
            if joined and _one_phrase(doc, j + 1, name_start - 1):
                break  # "talks with his Israeli counterpart, Ariel Sharon,": the parse joins them
            return None
        j -= 1
    a = j + 1
    while a < name_start - 1 and doc[a].lower_ in {"as", "but", "and", "the", "a", "an"}:
        a += 1
    return _noun_phrase_role(doc, a, name_start - 1)


def _appositive_of(doc: Any, name_start: int, head: int) -> bool:
    """The parse makes the name starting at name_start an appositive of token `head`."""
    return any(t.dep_ == "appos" and t.head.i == head for t in doc[name_start : name_start + 5])


def _one_phrase(doc: Any, a: int, b: int) -> bool:
    """Tokens [a, b) are one phrase of the parse: "told [MPs] [the Lord Chancellor]" is two."""
    return b > a and sum(1 for t in doc[a:b] if not a <= t.head.i < b) == 1


def speaking_for(doc: Any, a: int, b: int) -> str | None:
    """ "For the Liberal Democrats, X said ...": the party or body the speaker answers for."""
    head = next((t for t in doc[a:b] if not a <= t.head.i < b), doc[b - 1])
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ not in SPEECH_VERBS:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < a), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if prep is None or obj is None or obj.ent_type_ not in {"ORG", "NORP"}:
        return None
    # Only a phrase that opens the clause and is set off by a comma speaks for someone.
    if doc[obj.right_edge.i + 1].text != "," or prep.i != verb.left_edge.i:
        return None
    return _text(doc, prep.i, obj.right_edge.i + 1).replace("For", "for", 1)


def shared_title(doc: Any, a: int, b: int) -> str | None:
    """ "former presidents Andrew Johnson and Bill Clinton": a plural title before a list
    of names is each one's role, in the singular."""
    name = next((t for t in doc[a:b] if not a <= t.head.i < b), doc[b - 1])
    first = name
    while first.dep_ in {"conj", "appos"} and first.head.ent_type_ == "PERSON" and first.head.i < first.i:
        first = first.head
    listed = first is not name or any(
        c.dep_ in {"conj", "appos"} and c.ent_type_ == "PERSON" for c in first.children
    )
    start = first.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].head.i == first.i:
        start -= 1
    if not listed or start == 0:
        return None
    head = doc[start - 1]
    if head.tag_ not in {"NNS", "NNPS"} or head.head.i != first.i or not _is_role_lemma(head):
        return None
    lo = head.i
    while lo > 0 and doc[lo - 1].head.i in {head.i, first.i} and doc[lo - 1].dep_ in {"amod", "compound"}:
        lo -= 1
    one = str(head.lemma_)
    if one.lower() not in _ROLE_NOUNS:
        one = one.removesuffix("s")
    words = [t.text for t in doc[lo : head.i]] + [one[0].upper() + one[1:] if head.text[0].isupper() else one]
    return " ".join(words)


def _is_role_lemma(tok: Any) -> bool:
    """A plural role noun; the lemmatizer leaves a capitalised plural ("Senators") as it is."""
    lemma = str(tok.lemma_).lower()
    return lemma in _ROLE_NOUNS or lemma.removesuffix("s") in _ROLE_NOUNS


def split_roles(role: str) -> list[str]:
    """ "geostrategy expert and former security official" -> two roles, when both halves are roles."""
    parts = [p.strip() for p in role.split(" and ")]
    if len(parts) > 1 and all(any(w.lower() in ROLE_HEADS for w in p.split()) for p in parts):
        return parts
    return [role]
