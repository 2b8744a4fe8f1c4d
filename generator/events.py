"""What an event page is called and what its status is, across articles and time.

Pure functions. Time is the corpus's, never the clock's: "now" is the newest
publication date among the records, so that the same seeds give the same pages.

- A title must name an event: a bare "Election" takes its qualifier from the
  article's sentence ("general election", "Senate vote"); a title with no event noun
  ("Bill take", "Attend") is a fragment of a sentence and gets no page of its own.
- A status follows time: an event dated before "now" is past, so "held" (unless an
  article reported it postponed, cancelled or declined); an undated one announced
  by an article older than a window before "now" is no longer upcoming either.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .linkdata import EVENT_NOUNS, GENERIC_EVENT_NOUNS, words_of

FINAL = frozenset({"held", "postponed", "cancelled", "declined"})
# An undated announcement stays "upcoming" this long after its article: a story of
# three months ago about "the election" may still be waiting for it; one of a year
# ago is not.
UNDATED_WINDOW_DAYS = 93
_MAX_QUALIFIER = 3

# Words that end a qualifier when walking back from the event noun: articles,
# possessives, prepositions, pronouns, auxiliaries, numbers and the calendar.
_STOP = words_of(
    """the a an this that these those its his her their our my your next last first
    of on in at for to by with from and or but as is was be been will would could should
    may might must can has have had do does did not no new upcoming forthcoming planned
    expected scheduled proposed possible likely another any each every all some such
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    january february march april may june july august september october november december
    week month year weekend day night morning evening said says he she it they we you"""
)
_WORD = re.compile(r"[A-Za-z][\w-]*(?:['’]s)?")


def _plain(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _content_words(title: str) -> list[str]:
    return [w for w in re.sub(r"[^\w\s-]", " ", _plain(title)).split() if w not in {"the", "a", "an"}]


def _is_event_noun(word: str) -> bool:
    return word in EVENT_NOUNS or (word.endswith("s") and word[:-1] in EVENT_NOUNS)


def has_event_noun(title: str) -> bool:
    return any(_is_event_noun(w) for w in _content_words(title))


# After an event noun, words that make it a verb: "Vote for it", "Visit places".
_VERB_OBJECTS = words_of("for against it them him her us places there with into")


# Verbs a clause about an event starts with ("Hold elections", "Attend the summit").
_LEADING_VERBS = words_of("hold holds attend attends meet meets discuss take begin make visit")


def is_verb_phrase(title: str) -> bool:
    """ "Vote against the government", "Visit the resort", "Hold elections": a clause
    whose verb is the event, not the name of an event."""
    words = re.sub(r"[^\w\s-]", " ", _plain(title)).split()
    if len(words) < 2:
        return False
    if words[0] in _LEADING_VERBS and words[0] not in EVENT_NOUNS:
        return True
    objects = _VERB_OBJECTS | {"the", "a", "an"}
    return words[0] in GENERIC_EVENT_NOUNS and words[1] in objects


def is_bare(title: str) -> bool:
    """ "Election", "the Vote": one generic event noun and nothing to say which."""
    words = _content_words(title)
    return len(words) == 1 and words[0] in GENERIC_EVENT_NOUNS


def qualifier(noun: str, text: str) -> str | None:
    """The words in front of `noun` in the sentence that say which one it is:
    "the general election" -> "general election"; "Monday's vote" -> None."""
    words = _WORD.findall(text)
    plain = [_plain(w) for w in words]
    for i, w in enumerate(plain):
        if w not in (noun, noun + "s", noun.removesuffix("s")):
            continue
        j = i
        while j > 0 and i - j < _MAX_QUALIFIER:
            prev = plain[j - 1]
            if prev in _STOP or prev.endswith(("'s", "’s")) or (not prev.isalpha() and "-" not in prev):
                break
            j -= 1
        if j < i:
            return " ".join([*words[j:i], words[i]])
    return None


def page_title(title: str, text: str) -> str | None:
    """The title an event page takes, or None when the event gets no page."""
    if not has_event_noun(title) or is_verb_phrase(title):
        return None
    if not is_bare(title):
        return title
    found = qualifier(_content_words(title)[0], text)
    if found is None:
        return None
    return found[0].upper() + found[1:]


def _day(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def status_in_time(status: str, date: str | None, reported: str | None, as_of: str | None, past: bool) -> str:
    """The status a reader should see now (`as_of`): `past` says whether the event's
    own date lies before now (see `corpus.is_upcoming`); `reported` is the publication
    date of the newest article about it."""
    if status in FINAL or as_of is None:
        return status
    if date is not None:
        return "held" if past else status
    now, then = _day(as_of), _day(reported or "")
    if now is None or then is None:
        return status
    return "held" if (now - then).days > UNDATED_WINDOW_DAYS else status


def event_key(title: str) -> str:
    """Titles that name one event: case, accents, articles, plurals do not count."""
    # "United States presidential election" and "US presidential election" are one.
    plain = re.sub(r"\bunited states\b|\bu s\b", "us", " ".join(_content_words(title).copy()))
    words = [w for w in plain.split() if w not in {"of", "on", "in", "at", "for", "to", "and"}]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)
