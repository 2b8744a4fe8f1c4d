"""Closed-class English word lists the entity extractor leans on.

Job titles, honorifics, name particles, kinds of organisation, country
abbreviations and demonyms: small, stable classes of English words, never
phrases taken from any particular article.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that head a role ("US President", "foreign minister", "Army Chief").
ROLE_HEADS = _words(
    """
    president minister secretary chancellor chief leader spokesman spokeswoman
    spokesperson ambassador senator governor mayor ceo chairman chairwoman chair
    director general commander king queen prince princess premier envoy official
    adviser advisor representative speaker judge justice attorney lawyer economist
    analyst professor correspondent editor founder head deputy mp mep candidate
    nominee diplomat negotiator sheikh emir pope commissioner executive officer
    manager inspector prosecutor administrator coordinator activist chairperson
    treasurer lawmaker congressman congresswoman legislator ruler monarch sultan
    ayatollah cardinal bishop archbishop captain colonel major lieutenant admiral
    marshal auditor strategist pollster researcher scientist expert
    director-general secretary-general vice-president president-elect
    under-secretary counsel reporter columnist anchor member delegate
    emissary consul mediator campaigner boss trustee dean rector whip aide staffer
    pm fm chancellor-elect prime-minister backbencher taoiseach tanaiste frontbencher
    sergeant sgt corporal msp mla gp
    detective superintendent supt constable insp det dci
    producer actor actress singer songwriter musician novelist author playwright
    comedian presenter broadcaster photographer designer striker midfielder
    defender goalkeeper winger skipper rabbi imam pastor cleric champion player athlete
    """
)
# Nouns for a people's member, set in front of a name like a title ("Spaniard
# Guillermo Garcia-Lopez"); they are not part of the name, nor a role.
DEMONYM_NOUNS = _words(
    """
    spaniard briton brit scot swede dane pole finn turk kiwi aussie zealander icelander
    frenchman frenchwoman englishman englishwoman welshman welshwoman irishman irishwoman
    scotsman scotswoman dutchman dutchwoman
    """
)
# Verbs of saying, by lemma: the one list. Each stage takes a named part of it.
SPEECH_VERB_LIST = _words(
    """
    accuse acknowledge add admire admit advise advocate agree allege announce answer appeal
    applaud appreciate argue ask assert attack beg believe blame blast boast brand call
    caution chant charge chide cite claim comment compare complain concede conclude condemn
    confirm contend continue counter criticise criticize cry declare decry deem defend demand
    denounce deny describe dismiss dub elaborate email emphasise emphasize estimate explain
    express forecast fret gush hail highlight hit implore inform insist joke label lament
    lash laud liken maintain mention message mock muse mutter note observe plead pledge
    post praise predict proclaim promise pronounce put question quip quote rail rate read
    reaffirm reassert rebuke recall reciprocate reckon recount refer reference reiterate reveal
    reject remark reply report respond retort rule say scoff scold scream shout sing slam
    snap sneer speak state stress suggest tell term testify text thank think threaten tout
    tweet underline urge vow warn welcome whisper wonder write
    """
)
# Quotes: every verb a quotation can be attributed with ("likened the rules to 'burning
# the Constitution'", "rated claims as 'pants on fire'"), reaffirming and reasserting aside.
QUOTE_VERBS = SPEECH_VERB_LIST - _words("reaffirm reassert")
# Verbs that speak only with their particle: "pointed out she had '...'".
PHRASAL_SPEECH_VERBS = {"point": "out"}
# Sections: a past clause built on one of these reports the news, it is no earlier event.
REPORTING_VERBS = (
    _words(
        """
        say tell add stress note respond reply write tweet post state announce reaffirm
        reassert underline comment explain speak describe call praise welcome report
        acknowledge argue suggest defend
        """
    )
    & SPEECH_VERB_LIST
)
# Entities: the subject of one of these is someone ("Lucy wrote" shows a person where
# "Brexit looms" does not): verbs of saying, and a few acts only people do.
SPEECH_VERBS = (
    _words(
        """
        say tell write add argue state claim insist warn announce tweet post reply
        respond ask explain note urge accuse deny admit suggest believe think
        call criticise criticize praise welcome reject agree vow pledge promise declare
        confirm recall acknowledge describe dismiss blame thank comment speak reveal defend
        """
    )
    & SPEECH_VERB_LIST
) | _words("want hope meet visit resign")
# Honorifics: never part of a canonical name. Mr/Mrs also hint at sex.
HONORIFICS = _words("mr mrs ms miss dr sir dame lord lady mx prof rev hon baroness baron viscount earl")
MALE_HONORIFICS = _words("mr sir lord baron viscount earl")
FEMALE_HONORIFICS = _words("mrs ms miss dame lady baroness")
# Letters after a name: "Ken Macdonald QC", "Jane Doe MP".
POSTNOMINALS = _words("qc kc mp mep msp obe mbe cbe kbe phd")
# Title words that may stand glued to a name inside a spaCy entity
# ("President Trump", "Foreign Secretary Jack Straw").
TITLE_WORDS = HONORIFICS | _words(
    """
    president prime minister senator sen rep gov governor secretary chancellor
    king queen prince princess general gen judge justice ambassador mayor chairman
    premier sheikh emir pope speaker leader chief commander colonel col captain
    capt lt sgt sergeant admiral adm vice deputy foreign defence defense finance home
    interior trade former ex then us u.s. uk army state envoy spokesman
    spokeswoman director president-elect vice-president
    """
)
# Lower-case modifiers that belong to a title ("former foreign minister").
TITLE_MODIFIERS = _words(
    """
    former ex foreign prime deputy vice acting senior chief top then outgoing incoming
    interim special principal assistant associate executive economic military
    national regional federal state general junior permanent longtime longstanding
    presidential shadow exiting
    """
)
# Lower-case words in names: "Ursula von der Leyen", "Bashar al-Assad".
NAME_PARTICLES = _words("de van von der den bin bint al el da del della di du la le ibn ben dos das")
# Generational suffixes, ignored when matching forms of a name.
GENERATIONAL = _words("jr sr ii iii iv")
# Nouns naming a kind of organisation or thing, not a person: "daily Kathimerini",
# "newspaper Le Monde", "the think tank Chatham House".
ORG_DESCRIPTORS = _words(
    """
    daily newspaper paper weekly magazine broadcaster channel network station
    agency outlet tabloid website site portal platform app firm company group
    party tank institute organisation organization ministry department bank fund
    union alliance bloc coalition movement militia brand carrier airline project
    pipeline programme program operation plan field line ship vessel
    """
)
# Prepositions after which a single capitalised word is a medium, not a person
# ("wrote on Twitter", "said via Telegram").
MEDIUM_PREPOSITIONS = _words("on via through")
# Verbs (lemmas) whose object is a place ("the army entered Tell Tamer").
PLACE_VERBS = _words("enter reach capture seize retake recapture shell bomb besiege occupy storm liberate")
# Words of political affiliation and origin that stand before a name as a label
# ("Tory David Heathcoat-Amory", "Lib Dem Norman Baker", "Welshman Ray Reardon")
# and, alone, name a group, not a person ("the Lib Dems", "Labour MPs"). Generic
# parties and member nouns of English-language news, not names of anyone.
AFFILIATIONS = _words(
    """
    lib dem dems liberal liberals democrat democrats democratic tory tories labour
    conservative conservatives republican republicans gop snp ukip plaid cymru greens
    unionist unionists nationalist nationalists socialist socialists
    mp mps mep meps msp msps
    welshman welshwoman scotsman scotswoman englishman englishwoman irishman irishwoman
    frenchman frenchwoman dutchman countryman countrywoman
    """
)
# Prepositions of place: a name only ever after them is a place's ("in Ain Issa").
LOCATIVE_PREPOSITIONS = _words(
    "in at near outside inside around across into towards toward throughout within"
)
# Words that introduce a relative ("his wife, Maria Novak"): someone other than
# the person the surname alone has meant so far.
KINSHIP = _words(
    """
    wife husband son daughter brother sister father mother lady widow widower
    nephew niece cousin grandson granddaughter uncle aunt stepson stepdaughter
    spouse partner sons daughters brothers sisters
    """
)
# Generic institution nouns: alone ("the Council") they stand for the one
# "... Council" the article names.
INSTITUTION_NOUNS = _words(
    """
    council senate court parliament assembly commission party congress house
    ministry department committee bank union army government cabinet agency
    administration authority bureau office services
    """
)
# Time zones the small model reads as organisations ("12:00 UTC").
TIME_ZONES = _words("utc gmt bst est edt cst cdt mst mdt pst pdt cet cest eet eest ist jst aest aedt")
# Buildings that stand for an institution: treated as organisations.
INSTITUTION_BUILDINGS = frozenset(
    {"white house", "kremlin", "pentagon", "élysée", "elysee", "élysée palace", "downing street", "capitol"}
)

COUNTRY_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "uae": "United Arab Emirates",
    "drc": "Democratic Republic of the Congo",
    "prc": "China",
    "ussr": "Soviet Union",
}

# Demonyms whose country name is not their simple stem ("Dutch" -> Netherlands).
# The regular ones ("Indian" -> India, "Russian" -> Russia) are found by rule.
DEMONYMS = {
    "american": "United States",
    "british": "United Kingdom",
    "english": "England",
    "french": "France",
    "dutch": "Netherlands",
    "german": "Germany",
    "greek": "Greece",
    "turkish": "Turkey",
    "swiss": "Switzerland",
    "spanish": "Spain",
    "polish": "Poland",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "irish": "Ireland",
    "scottish": "Scotland",
    "welsh": "Wales",
    "chinese": "China",
    "japanese": "Japan",
    "vietnamese": "Vietnam",
    "lebanese": "Lebanon",
    "sudanese": "Sudan",
    "portuguese": "Portugal",
    "congolese": "Congo",
    "senegalese": "Senegal",
    "pakistani": "Pakistan",
    "israeli": "Israel",
    "iraqi": "Iraq",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "kuwaiti": "Kuwait",
    "qatari": "Qatar",
    "yemeni": "Yemen",
    "omani": "Oman",
    "bangladeshi": "Bangladesh",
    "nepali": "Nepal",
    "afghan": "Afghanistan",
    "filipino": "Philippines",
    "thai": "Thailand",
    "cypriot": "Cyprus",
    "peruvian": "Peru",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "brazilian": "Brazil",
    "mexican": "Mexico",
    "canadian": "Canada",
    "ukrainian": "Ukraine",
    "belgian": "Belgium",
    "egyptian": "Egypt",
    "norwegian": "Norway",
    "icelandic": "Iceland",
    "kurdish": "Kurdistan",
    "venezuelan": "Venezuela",
    "cuban": "Cuba",
    "hungarian": "Hungary",
    "italian": "Italy",
    "korean": "Korea",
    "malaysian": "Malaysia",
    "indonesian": "Indonesia",
    "australian": "Australia",
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
}
