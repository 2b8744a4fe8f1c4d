"""Named word lists of the cross-article layer: roles compared across articles
(`roles_across`) and the one-line summaries of stories (`stories`).

Kept beside the corpus code rather than in `extract/lexicon.py`: these lists judge
what several articles say together, never how to read one article's text. Every key is lower case with
dots removed ("Pres." is "pres", "U.S." is "us").
"""

from __future__ import annotations

# A rank or title written short is the same word written out: "Pres." is "President".
ROLE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "pres": ("president",),
    "vp": ("vice", "president"),
    "pm": ("prime", "minister"),
    "gen": ("general",),
    "lt": ("lieutenant",),
    "col": ("colonel",),
    "maj": ("major",),
    "capt": ("captain",),
    "cpt": ("captain",),
    "sgt": ("sergeant",),
    "cmdr": ("commander",),
    "adm": ("admiral",),
    "brig": ("brigadier",),
    "sen": ("senator",),
    "rep": ("representative",),
    "gov": ("governor",),
    "sec": ("secretary",),
    "secy": ("secretary",),
    "atty": ("attorney",),
    "dep": ("deputy",),
    "asst": ("assistant",),
    "amb": ("ambassador",),
    "supt": ("superintendent",),
    "det": ("detective",),
    "insp": ("inspector",),
    "prof": ("professor",),
    "chmn": ("chairman",),
    "dir": ("director",),
}

# Words that carry nothing of a role: "the President" is "President".
ROLE_FILLER = frozenset({"the", "a", "an"})

# Words that join an office to what it is held in: "Foreign Minister of India",
# "Minister for Europe".
ROLE_JOINERS = frozenset({"of", "for"})

# Every spelling of a country a role names, to one form (multi-word spellings as
# tuples, longest first when matched). Upper-case short forms only: "us" in lower
# case is a pronoun.
COUNTRY_SPELLINGS: dict[tuple[str, ...], str] = {
    ("united", "states", "of", "america"): "united-states",
    ("united", "states"): "united-states",
    ("america",): "united-states",
    ("american",): "united-states",
    ("united", "kingdom"): "united-kingdom",
    ("great", "britain"): "united-kingdom",
    ("britain",): "united-kingdom",
    ("british",): "united-kingdom",
}
COUNTRY_SHORT_FORMS: dict[str, str] = {
    "US": "united-states",
    "USA": "united-states",
    "UK": "united-kingdom",
}

# A people's adjective names its country when it stands alone before an office
# ("French foreign minister" is the Foreign Minister of France).
DEMONYMS: dict[str, str] = {
    "afghan": "afghanistan",
    "australian": "australia",
    "canadian": "canada",
    "chinese": "china",
    "egyptian": "egypt",
    "english": "england",
    "french": "france",
    "german": "germany",
    "indian": "india",
    "iranian": "iran",
    "iraqi": "iraq",
    "irish": "ireland",
    "israeli": "israel",
    "italian": "italy",
    "japanese": "japan",
    "mexican": "mexico",
    "pakistani": "pakistan",
    "palestinian": "palestine",
    "russian": "russia",
    "saudi": "saudi arabia",
    "scottish": "scotland",
    "spanish": "spain",
    "syrian": "syria",
    "turkish": "turkey",
    "ukrainian": "ukraine",
    "welsh": "wales",
}

# Words before a role that say when it was held, not what it is: "the then Home
# Secretary" is the Home Secretary. "Former" and "ex-" mark a role held no longer,
# which stays a role of its own ("former Vice President" is not "Vice President").
ROLE_TIME_WORDS = frozenset({"then", "earlier", "new", "current", "now", "incumbent", "sitting"})
ROLE_FORMER_WORDS = frozenset({"former", "ex", "onetime", "erstwhile"})

# Bodies a role is held in, by every form the articles use, to one form: the
# organisation forms of `linkdata.ORG_EQUIVALENTS` (added in `roles_across`) and the
# adjectives that stand for a party before an office ("Tory leader").
ROLE_BODIES: dict[tuple[str, ...], str] = {
    ("tory",): "conservative party",
    ("conservative",): "conservative party",
    ("labour",): "labour party",
    ("labour", "party"): "labour party",
    ("democratic",): "democratic party",
    ("republican",): "republican party",
}

# A leading word that only points back at a body the article named: "party leader"
# is the leader.
ROLE_POINTERS = frozenset({"party"})

# Words written with a full stop that does not end a sentence ("Mr. Smith", "U.S.
# officials"), for cutting a summary at its first sentence (lower case, no dot).
NON_FINAL_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp"}
    | set(ROLE_ABBREVIATIONS)
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
