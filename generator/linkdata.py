"""Word lists the cross-article layer reads: event nouns and the few name equivalences
that no rule on the shape of a name can find ("Tories" for the Conservative Party).

Data only: the rules that use these live in `resolve_entities.py`, `events.py` and
`audit.py`. Keys are `corpus.name_key` forms (lower case, no accents, no dots).
"""

from __future__ import annotations


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


_words = words_of


# Nouns that make a phrase an event ("the summit", "a vote on the bill"). A title with
# none of them is a fragment of a sentence, not the name of an event.
EVENT_NOUNS = _words(
    """election elections poll polls ballot referendum vote votes voting primary primaries contest race
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
# (the first form is the key the group takes). Only well-known, unambiguous forms: a
# form that can mean two bodies in two countries goes in CONTEXT_FORMS instead. Country
# prefixes are already one form here ("u s", "united states" -> "us"; see resolve_entities).
ORG_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("conservative party", "conservatives", "tories", "tory party", "conservative and unionist party"),
    ("liberal democrats", "lib dems", "lib dem", "liberal democrat", "liberal democrat party", "libdems"),
    ("us democratic party", "democratic party", "democrats"),
    ("us republican party", "republican party", "republicans", "gop", "grand old party"),
    ("us supreme court", "supreme court of the us"),
    ("united nations", "un"),
    ("european union", "eu"),
    ("nato", "north atlantic treaty organization", "north atlantic treaty organisation"),
    ("world trade organization", "wto", "world trade organisation"),
    ("uk independence party", "ukip"),
    ("scottish national party", "snp"),
    ("trades union congress", "tuc", "trade unions congress", "trade union congress"),
)

# Places known by forms that share no words.
PLACE_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("us", "usa", "america", "us of america"),
    ("uk", "britain", "great britain"),
)

# Short names that mean a different body in each country: linked to the body only when
# the article's country says which ("Senate" in a US story is the US Senate; "Labour" in
# an Australian one is not the UK's Labour Party). Elsewhere they get no page.
CONTEXT_FORMS: dict[str, dict[str, str]] = {
    "us": {
        "senate": "us senate",
        "house": "us house of representatives",
        "house of representatives": "us house of representatives",
        "us house": "us house of representatives",
        "congress": "us congress",
        "supreme court": "us supreme court",
        "state department": "us state department",
        "treasury": "us treasury",
    },
    "uk": {
        "labour": "labour party",
        "new labour": "labour party",
        "tory": "conservative party",
        "commons": "house of commons",
        "lords": "house of lords",
        "treasury": "uk treasury",
        "government": "uk government",
    },
}

# Names (places and organisations, as keys) that say which country a story is about.
COUNTRY_SIGNS: dict[str, frozenset[str]] = {
    "us": frozenset(
        {"us", "washington", "white house", "us congress", "us senate", "us democratic party"}
        | {"us republican party", "california", "texas", "florida", "new york", "pentagon"}
    ),
    "uk": frozenset(
        {"uk", "england", "scotland", "wales", "london", "westminster", "northern ireland"}
        | {"conservative party", "liberal democrats", "house of commons", "downing street", "nhs"}
        | {"uk independence party", "scottish national party", "whitehall"}
    ),
}

# Last words that make a name an organisation, whatever one article's label says.
ORG_HEADS = _words(
    """party council court committee commission union department ministry agency bank
    office authority board association federation institute trust corporation company
    parliament assembly senate congress government administration service league"""
)

# Titles only a person is given: a name right after one ("Mr Katwala", "Lord Alloway")
# is a person's, whatever one article's tagger called it.
PERSONAL_TITLES = _words("mr mrs ms miss mx dr sir dame lord lady")

# Last words of the names of documents: a law, a bill or a treaty is neither an
# organisation nor a place ("Alabama Human Life Protection Act", "Lisbon Treaty").
DOCUMENT_HEADS = _words("act acts bill bills treaty manifesto amendment")
