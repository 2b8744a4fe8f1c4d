"""Word lists the cross-article layer reads: event nouns and the few name equivalences
that no rule on the shape of a name can find ("Tories" for the Conservative Party).

Data only: the rules that use these live in `resolve_entities.py`, `events.py` and
`audit.py`. Keys are `corpus.name_key` forms (lower case, no accents, no dots).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that make a phrase an event ("the summit", "a vote on the bill"). A title with
# none of them is a fragment of a sentence, not the name of an event.
EVENT_NOUNS = _words(
    """election elections poll polls ballot referendum vote votes voting primary primaries
    caucus caucuses runoff by-election byelection
    meeting meetings summit summits talks conference conferences congress convention
    session sessions sitting assembly rally rallies march protest protests strike strikes
    visit visits trip tour
    debate debates hearing hearings trial trials inquiry inquest review
    impeachment inauguration swearing-in coronation funeral ceremony
    budget statement speech address announcement launch signing
    negotiations negotiation deadline deadlines reading readings
    tribunal court ruling verdict sentencing appeal
    festival games championship match final cup
    deal treaty agreement accord"""
)

# Event nouns that say nothing on their own: "Election", "Vote", "Meeting" need a
# qualifier from the article ("general election", "Senate vote") to be a page.
GENERIC_EVENT_NOUNS = _words(
    """election elections poll polls ballot vote votes voting meeting meetings summit
    talks conference session sessions sitting visit visits trip debate debates hearing
    hearings trial trials inquiry review speech address announcement statement launch
    signing negotiations negotiation deadline deadlines reading ruling verdict appeal
    deal agreement rally protest protests march strike strikes ceremony"""
)

# Organisations known by names that share no words: every form here is one organisation
# (the first form is the one the key of the whole group takes). Only well-known,
# unambiguous forms: a form that can mean two bodies does not belong here.
ORG_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("conservative party", "conservatives", "tories", "tory", "tory party", "conservative"),
    ("labour party", "labour", "new labour"),
    ("liberal democrats", "lib dems", "lib dem", "liberal democrat", "liberal democrat party"),
    ("democratic party", "democrats", "democrat"),
    ("republican party", "republicans", "gop", "grand old party"),
    ("united states senate", "us senate", "senate"),
    ("united states house of representatives", "us house of representatives", "house of representatives"),
    ("united states congress", "us congress", "congress"),
    ("supreme court of the united states", "us supreme court", "united states supreme court"),
    ("united nations", "un", "the un", "un security council"),
    ("european union", "eu"),
    ("north atlantic treaty organization", "nato", "north atlantic treaty organisation"),
    ("world trade organization", "wto", "world trade organisation"),
    ("house of commons", "commons"),
    ("house of lords", "lords"),
    ("scottish national party", "snp"),
    ("uk independence party", "ukip"),
    ("british broadcasting corporation", "bbc"),
    ("federal bureau of investigation", "fbi"),
    ("central intelligence agency", "cia"),
)

# Places known by forms that share no words.
PLACE_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("united states", "us", "usa", "united states of america", "america", "u s"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("russia", "russian federation"),
    ("turkey", "turkiye"),
)

# Short names that stand for different bodies depending on the story: linked only
# when a fuller form in the same article says which (see `resolve_entities`).
AMBIGUOUS_ORGS = _words("house labour senate congress court commons assembly parliament")

# Organisation forms that only the story's country decides: "Labour" in a UK story is
# the Labour Party, in an Australian or Israeli one another party.
UK_ONLY_FORMS = _words("labour tories tory conservatives commons lords")
US_ONLY_FORMS = _words("senate congress house")
