"""Closed-class English word lists the entity extractor leans on.

Job titles, honorifics, name particles, kinds of organisation, country
abbreviations and demonyms: small, stable classes of English words, never
phrases taken from any particular article.
"""

from __future__ import annotations

import re


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
# Occupations and functions that head a role an article gives a person in an
# appositive or before a name ("X, a 19-year-old motorcyclist", "British lecturer
# X", "Conservative peer X"), but are not titles: kept apart from ROLE_HEADS,
# which also tells the name finder and speaker attribution what a title is.
FUNCTION_NOUNS = _words(
    """
    journalist lecturer teacher student pupil academic scholar historian writer
    businessman businesswoman entrepreneur industrialist investor banker
    engineer doctor surgeon physician nurse paramedic farmer soldier pilot driver
    motorcyclist cyclist firefighter policeman policewoman councillor councilor
    alderman magistrate solicitor barrister clerk priest vicar chaplain monk nun
    lobbyist consultant commentator blogger organiser organizer protester
    protestor volunteer peer incumbent hopeful contender challenger
    footballer cricketer boxer coach referee artist poet filmmaker
    psychologist psychiatrist sociologist physicist chemist biologist
    host maker landowner co-founder rapporteur veteran
    """
)
# Nouns naming a relation to someone else ("his mother X", "her French
# counterpart X", "a former cabinet colleague X"): a role the article gives the
# person; the kin words are in KINSHIP. A friend is a description, not a role.
RELATIONAL_NOUNS = _words(
    """
    counterpart colleague predecessor successor ally rival mentor protege
    fiance fiancee fiancé fiancée
    """
)
# Verbs (lemmas) of leaving a post: "who resigned as home secretary" gives a former role.
LEAVING_VERBS = _words("resign quit retire leave step")
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


# --- sections: what's next, sticking points, background -----------------------------
# Closed classes the section rules read through the parse (generator/extract/sections.py
# and the modules it is split into). What decides is how these words sit in a clause:
# tense, modality, negation and what they govern, never the word alone.

# Nouns that name something that happens at a time (closed class, not topics).
EVENT_NOUNS = _words(
    """
    summit meeting talks visit conference election elections vote referendum deadline
    trip session hearing ceremony negotiations forum convention tour inauguration
    debate poll polls trial rally parade launch signing handover consultation ballot
    primary caucus runoff meet operation offensive deployment withdrawal strike march
    negotiation dialogue
    """
)
# Verbs that are themselves an upcoming event when put in the future.
EVENT_VERBS = _words(
    """
    meet visit attend vote travel begin start open hold host sign launch move deploy
    withdraw enter invade complete expire convene gather elect resume end close arrive
    take come discuss
    """
)
# Verbs that are an event only with an event for subject or object: "hold talks",
# "the summit begins" (not "Labour will hold seats").
EVENT_VERBS_NEEDING_EVENT = _words("hold host open start begin end close launch sign resume")
# "take effect", "come into force": the verb alone is no event.
EVENT_VERB_OBJECTS: dict[str, frozenset[str]] = {
    "take": _words("effect place office over"),
    "come": _words("force effect"),
}
# Nouns an event word may qualify and still name the event: "the election cycle".
EVENT_TIME_HEADS = _words("cycle day date campaign period season night")
# Verbs that a future cue puts ahead without making a planned step of them: outcomes
# and states ("is expected to rise", "is set to win"), not something a party does.
UNPLANNED_VERBS = _words(
    "rise fall grow increase decrease drop win lose remain become continue happen cost last retain keep"
)
# Nouns that stand for a party by its kind, who can take a step: "the court is to rule",
# "the senator intends to leave".
PARTY_NOUNS = ROLE_HEADS | INSTITUTION_NOUNS | AFFILIATIONS | _words("company firm group board")
# Verbs of an obligation with a deadline: "are required to rule by Friday".
OBLIGATION_VERBS = _words("require oblige")
# Words that put a clause in the future without "will".
FUTURE_WORDS = _words("upcoming planned scheduled forthcoming next ahead later")
# Of those, the ones that mark an upcoming event even in a past-tense sentence
# ("dropped out ahead of the upcoming debate"); "next" and "later" do not ("at the
# next elections in 2008, ...").
STRONG_FUTURE_WORDS = _words("upcoming planned scheduled forthcoming")
# Words that put a whole sentence ahead of the news ("the planned talks").
AHEAD_WORDS = _words("upcoming planned ahead forthcoming")
# Verbs whose "to" puts the next verb ahead: "plans to meet", "is due to".
FUTURE_VERBS = _words("expect schedule set due plan intend aim hope prepare")
# Auxiliaries of the future (and the past future "would").
FUTURE_AUX = _words("will would shall 'll wo")
# Auxiliaries of what may come: a date under one is ahead ("could produce a date in 2005").
POSSIBLE_AUX = _words("could may might to")
# Event statuses, by the verbs that give them.
DECLINE_VERBS = _words("attend go join travel participate come visit meet")
DECLINING_VERBS = _words("skip boycott snub decline")
POSTPONING_VERBS = _words("postpone delay defer reschedule")
CANCELLING_VERBS = _words("cancel scrap abandon")
UNCERTAIN = _words("unclear uncertain missing doubt doubtful unknown undecided unconfirmed")
POSSIBLE = _words("possibility possible could may might likely potential possibly hope hoped")
EXPECTED_WORDS = _words("expected likely hopes")
# Words of an event's name that say when, not what ("the long-awaited summit").
EVENT_TITLE_SKIP = _words("long awaited much - ahead upcoming planned scheduled next")

# Cues of an unresolved dispute, demand, condition or obstacle (closed classes of
# verbs, nouns and adjectives of disagreement and difficulty).
DISPUTE_VERBS = _words(
    """
    dispute disagree demand insist refuse reject oppose object accuse blame criticise
    criticize condemn denounce deny contest threaten warn retaliate boycott protest veto
    resist want maintain claim cite infringe clash challenge question doubt worry fear
    complain suggest propose call
    deter hamper hinder prevent obstruct block stall undermine jeopardise jeopardize derail
    sue
    """
)
# Dispute verbs that are a deed, not a stance: done ("sued to be allowed to vote") they
# are an earlier episode; only one still ahead ("intends to sue") stands between parties.
DEED_DISPUTE_VERBS = _words("sue")
# Nouns of a stance against something, when they say what against: "expressed opposition
# to the swearing-in" (not "the opposition", the parties out of power).
AGAINST_NOUNS = _words("opposition resistance")
# Verbs that cast what they govern as something bad: "attacked the inquiry as a witch
# hunt", "dismissed the claims as lies" ("call" is not one: "called him a 'giant'" is
# praise as often as "called it a 'scandal'" is blame).
LABEL_VERBS = _words("attack brand label dismiss slam")
DISPUTE_NOUNS = _words(
    """
    dispute disagreement demand conditions obstacle concern tension tensions row standoff
    deadlock impasse stalemate hurdle contention friction grievance complaint objection
    criticism accusation threat risk claims
    """
)
DISPUTE_ADJS = _words(
    """
    unresolved unlikely unrealistic unnecessary undecided unacceptable illegal void
    contentious contested opposed wary unjustified inappropriate unwelcome
    """
)
# Verbs whose negation leaves something undone: "has not agreed", "cannot support".
UNDONE_VERBS = _words(
    """
    agree revoke accept support resolve settle approve ratify lift remove pay deliver
    implement sign withdraw reach confirm recognize recognise allow release meet commit
    """
)
# Auxiliaries that make a negation a standing gap: "has not", "cannot", "will not".
UNDONE_AUX = _words("has have had been can could ca will wo did does do")
# Verbs of stance whose negation is a disagreement: "I don't like", "does not accept".
STANCE_VERBS = _words("like agree accept support trust recognise recognize want believe")
# Verbs that are a stance only with what they hold to: "wants access", not "as he wants".
STANCE_NEEDS_OBJECT = _words("want maintain claim cite")
# Stances that count only while they hold: "wants", "has suggested", not "wanted".
LIVE_ONLY_STANCES = _words("want suggest propose maintain claim")
# What a party says a thing is not open to: "not for negotiation".
NOT_OPEN_TO = _words("negotiation renegotiation discussion debate compromise sale negotiable")
# "still wants", "still has to", "still has not": a demand or a gap that persists.
STILL_VERBS = _words("want need have await demand refuse oppose insist seek")
# Verbs that put an obstacle behind the parties.
OVERCOME_VERBS = _words("pass overcome clear remove resolve settle end lift break")
# Verbs that negate what they govern: "failed to pay", "ignored the ruling".
NEGATING_VERBS = _words("fail overlook ignore")
# Modals of what one party says should be done: "suggested the cash could be shared".
PROPOSAL_MODALS = _words("could should must ought")
# Negation words, for a negation the parser missed ("don’t" with a typographic apostrophe).
NEGATIONS = frozenset({"not", "n't", "n’t", "never"})

# Modals of what a party says must be done: "said the UK should not ignore".
DEMAND_MODALS = _words("should must ought")
# Auxiliaries that stand for a verb left out: "the Senate did not".
ELLIPSIS_AUX = _words("do have will would can could be")
# Verbs of turning a request down (a party's refusal; "refuse" is a dispute verb already).
REFUSAL_VERBS = _words("decline")
# What declining does not make a refusal of: "declined to comment".
NO_COMMENT_VERBS = _words("comment elaborate discuss confirm answer")
# Pronouns that stand for a person (not "it", not "they", which are as often things).
PERSONAL_PRONOUNS = _words("he she i we")
# Adjectives of a party's concern about something ("worried about the plans").
CONCERN_ADJS = _words(
    "worried concerned angry unhappy alarmed upset furious frustrated dissatisfied sceptical skeptical"
)
CONCERN_PREPS = _words("about over at by with")

# Saying verbs for sections: the speech-verb list's part above (one list, not a copy).
REPORTING = REPORTING_VERBS
# Verbs of being and thinking: a past form of one is no earlier event.
NOT_EVENT_VERBS = _words("be have do hope think believe expect feel know want") | REPORTING
# Words that open a clause about what came before the news.
ANTECEDENT_WORDS = _words("after following since amid before")
# Words that set a clause in the news days: "now", "today" ("currently" tells how things
# stand, which is context: "abortion is currently illegal").
NOW_WORDS = _words("now today tonight")
# Verbs of a standing state in the present: "X is part of", "Y comprises".
STATE_VERBS = _words("be have live comprise consist remain attribute include belong")
# A standing rule told in the present: "must register", "the law forbids it".
RULE_MODALS = _words("must")
RULE_VERBS = _words("require forbid prohibit stipulate mandate oblige bar ban permit allow")
# Conjunctions that open a second reported clause: "... and that he would".
SUBORDINATORS = _words("that whether if because who which when where")


# --- quote attribution (attribution/, resolve.py, mentions.py) ---------------------

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


# Words opening a clause that sets the scene for a quote rather than attributing it.
SCENE_SUBORDINATORS = frozenset(
    {
        "when",
        "as",
        "after",
        "before",
        "because",
        "while",
        "since",
        "if",
        "although",
        "though",
        "until",
    }
)


# Links a subject search climbs: clauses, and a preposition between a verb and
# the clause it governs ("began by saying").
CLAUSE_LINK_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "acl", "parataxis", "pcomp", "prep"})


SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them", "it"})


MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})


FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


# Heads of descriptions that name a body, not a person ("the ministry said").
ORG_HEADS = frozenset(
    {
        "ministry",
        "department",
        "agency",
        "office",
        "commission",
        "committee",
        "council",
        "government",
        "administration",
        "campaign",
        "company",
        "firm",
        "bank",
        "party",
        "embassy",
        "group",
        "organisation",
        "organization",
        "union",
        "court",
        "police",
        "army",
        "military",
        "presidency",
        "cabinet",
        "parliament",
        "senate",
        "house",
        "board",
        "foundation",
        "institute",
        "university",
        "newspaper",
        "paper",
        "network",
        "channel",
        "alliance",
        "coalition",
        "movement",
        "federation",
        "authority",
        "authorities",
        "regulator",
        "secretariat",
        "statement",
        "report",
        "letter",
        "memo",
    }
)


# Nouns (lemmas) for something said, whose owner said it ("his claim that ...").
SPEECH_NOUNS = frozenset(
    {
        "claim",
        "promise",
        "pledge",
        "vow",
        "warning",
        "remark",
        "comment",
        "assertion",
        "insistence",
        "word",
        "description",
        "plea",
        "call",
    }
)


# Heads of "the company said": the business the story names, not a body of its own.
GENERIC_ORG_HEADS = frozenset(
    {"company", "firm", "group", "bank", "business", "corporation", "carrier", "airline"}
)


# Entity types that never speak ("said Thursday").
NOT_SPEAKER_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "EVENT",
        "WORK_OF_ART",
    }
)


# Nouns for what was said or written: whoever is named anywhere in their phrase
# ("a statement released by X's office") is the source.
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "comment",
        "remark",
        "report",
        "letter",
        "memo",
        "tweet",
        "post",
        "release",
        "interview",
        "study",
        "speech",
        "testimony",
        "email",
        "filing",
    }
)


# Entity labels whose text names a person, a body or a country that can speak.
NAMING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


# Entity labels that never hold a person's name.
NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


# Who "finds" things in words: documents and the bodies that write them.
FINDER_NOUNS = frozenset(
    {
        "report",
        "study",
        "survey",
        "poll",
        "audit",
        "review",
        "inquiry",
        "investigation",
        "analysis",
        "research",
        "author",
        "researcher",
        "court",
        "judge",
        "jury",
        "panel",
        "commission",
        "committee",
    }
)


# "allow X to tell ...", "let them say ...": a saying that is only made possible.
LEAVE_VERBS = frozenset({"allow", "let", "enable", "permit"})


# "call out", "call off": calling that quotes nobody.
CALL_PARTICLES = frozenset({"out", "off", "up", "in", "back"})


# Verbs that speak only as "<verb> on about ...".
TALK_ON_VERBS = frozenset({"go", "keep", "carry", "bang", "drone", "harp"})


DASHES = frozenset({"-", "–", "—", "--"})

POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


# Nouns for a part of something: "Part of the statement reads" quotes the statement.
PART_NOUNS = frozenset(
    {"part", "portion", "section", "passage", "excerpt", "rest", "text", "copy", "extract"}
)


# Participles that give a person's name: "a student named Wong", "a man called Ali".
NAMING_PARTICIPLES = frozenset({"name", "call"})


AS_LABEL = re.compile(r"\bas\s+(?:an?\s+|the\s+)?$", re.I)


# '"...," is the dry assessment of X': a noun for what someone said, and whose it is.
VERDICT_OF = re.compile(
    r"^[\"”’'`,.]{0,3}\s*(?:(?:That|This|Such)\s+)?(?:is|was)\s+(?:the|their|his|her)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:assessment|verdict|view|message|warning|response|reaction|opinion|judge?ment|conclusion|"
    r"advice|answer|reply|comment|summary|prediction|complaint|plea|boast|description|diagnosis)"
    r"\s+of\s+"
)


# Nouns that a quoted term stands beside as its name ("the slogan 'Take Back Control'").
TERM_NOUN = re.compile(
    r"\b(?:slurs?|terms?|phrases?|words?|slogans?|hashtags?|nicknames?|monikers?|epithets?|mottos?|"
    r"chants?|catchphrases?|labels?)\s*$",
    re.IGNORECASE,
)


TITLE_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by"}
)
