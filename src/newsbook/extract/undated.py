"""Dated sentences that date nothing: which of the dates a paragraph gives are events.

A citation's year is its source's ("Source: trial report, 2025"), a correction's dates are
the wrong ones ("an earlier version of this post said … May 2025"), a question asks about
its year ("Is it still worth buying in 2026?"), the letter's own week or month is no
event ("That is it for this week."), and a quote's source line dates the book it quotes
("— Mara Vinter, The Salt Roads (Harcastle, 1967)"). The extraction stage
(:mod:`newsbook.extract`) asks these of each date it finds; apart from it because they
read sentences, not the model.
"""
from __future__ import annotations

import re

from .spans import sentence_at


#: a sentence that says what an earlier version got wrong ("an earlier version of this
#: post said the hub opened in May 2025"): its dates and numbers are the wrong ones
_CORRECTION = re.compile(r"\b(?:earlier|previous|original) version of (?:this|our|the|my|last "
                         r"(?:week|month|year)['’]s|yesterday['’]s|\w+day['’]s)\b"
                         r"|\b(?:earlier|previous|"
                         r"original|last week['’]s) (?:version|issue|edition|post|newsletter|email)"
                         r"(?: of this \w+)? (?:said|stated|gave|listed|had|reported)\b|\b(?:"
                         r"incorrectly|wrongly|mistakenly|erroneously) (?:said|stated|reported|gave|"
                         r"listed)\b|\bwe (?:misstated|misreported)\b"
                         # ("Last issue I said …", "Correction: last week we said …")
                         r"|\b(?:last|previous|earlier|our last|my last) (?:issue|week|month|edition|"
                         r"post|newsletter|letter),? (?:I|we) (?:said|wrote|stated|reported|claimed|"
                         r"gave|listed)\b"
                         r"|\b(?:I|we) (?:said|wrote|stated|reported|claimed) (?:in )?(?:the |our |my )?"
                         r"(?:last|previous|earlier) (?:issue|week|month|edition|post)\b"
                         # (a numbered one: "Correction: in episode 41 we said …", "in
                         # issue 12, Dr. Herrera said …", "in episode 46's post, we wrote")
                         r"|\bin (?:episode|issue|edition|part|letter|dispatch|newsletter|no\.)"
                         r" #?\d{1,4}(?:['’]s \w+)?,? (?:I|we|(?:[A-Z][\w.’'-]*\s){1,3}?[A-Z][\w’'-]*"
                         r") (?:said|wrote|stated|reported|claimed|gave|listed)\b"
                         # (in Spanish, French and German: "Fe de erratas: una versión anterior
                         # de este boletín decía que …", "une version précédente indiquait")
                         r"|\b(?:versión|edición|número) anterior\b.{0,60}?\b(?:decía|dec[ií]amos|"
                         r"afirmaba|indicaba|señalaba)\b|\b(?:dijimos|escribimos) por error\b"
                         r"|\bversion (?:précédente|antérieure)\b.{0,60}?\b(?:indiquait|disait|"
                         r"affirmait)\b|\bfrüheren (?:Version|Fassung|Ausgabe)\b.{0,60}?\b(?:hieß|"
                         r"stand)\b"
                         # (Italian: "In una versione precedente di questo articolo si leggeva")
                         r"|\bversione precedente\b.{0,60}?\b(?:si leggeva|leggeva|diceva|riportava"
                         r"|indicava)\b"
                         # (Portuguese: "Na edição de 16 de janeiro, dissemos que …", "a versão
                         # anterior deste texto dizia")
                         r"|\b(?:[Nn]a|[Nn]uma) edição (?:anterior|passada|de [^,.;]{1,30}),? "
                         r"(?:dissemos|escrevemos|informamos|afirmamos)\b"
                         # (Polish: "Sprostowanie: w poprzednim wydaniu napisaliśmy, że …";
                         # Dutch: "in de vorige editie schreven we")
                         r"|\bw poprzednim (?:wydaniu|numerze|wpisie)\b.{0,20}?\b(?:napisaliśmy|podaliśmy"
                         r"|pisaliśmy|podano)\b|\bin de vorige (?:editie|nieuwsbrief|aflevering),? "
                         r"(?:schreven|meldden|stond)\b"
                         r"|\b(?:versão|edição) anterior\b.{0,60}?\b(?:dizia|afirmava|informava"
                         r"|indicava)\b|\b(?:dissemos|escrevemos|informamos) (?:por engano"
                         r"|erroneamente|incorretamente)\b", re.I)
#: after a correction's wrong figure, the clause that gives the right one: "Correction:
#: last week we said revenue was $1.42bn; it was $1.24bn."
_RIGHT_AFTER = re.compile(r";\s|\s[—–]\s")
#: a date or a figure stated as the wrong one: "it is 18 November 2025, not 11 November
#: 2025", "in 1987 (not 1978)", "rather than in March"
NOT_THIS = re.compile(r"(?:[,(—–]\s?|\s)(?:and\s)?(?:not|rather than|instead of)\s"
                      r"(?:on\s|in\s|at\s)?$"
                      # (Spanish "…, no el 11 de noviembre" after a comma only: Portuguese
                      # "caiu no primeiro semestre de 2025" is "in the")
                      r"|[,(—–]\s?no\s(?:el\s|en\s)?$")
#: a citation's line: its year is the source's, no event's
SOURCE_LINE = re.compile(r"^\s*(?:(?:Sources?|Data|Quelle|Quellen|Fuentes?|Fontes?|Fonte"
                         r"|Source des données|Bron|Źródło|Źródła|Dane"
                         # (and a picture's credit: "Photo: Tell Qasrun Project, 2024.")
                         r"|Photo(?:graph)?s?|Photo credit|Images?|Picture|Illustration|Credits?"
                         r"|Foto|Bild)[\s\u00a0\u202f]?:\s"
                         # (Japanese, Chinese, Korean: "出典：国土交通省", a full-width colon)
                         r"|(?:出典|出所|資料|来源|來源|资料来源|資料來源|출처|자료)\s?[：:]"
                         # (and a post's own timestamp of an edit: "Updated: Jan. 9, 2026,
                         # 10:15 a.m." is when the text changed, no event it tells)
                         r"|(?:Updated|Last updated|UPDATED|Aktualisiert|Mis à jour|Actualizado"
                         r"|Aggiornato|Atualizado)(?:\s(?:on|at|am|le|el|il))?(?:\s?:\s|\s(?=\d"
                         r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d)))")
CORRECTION_WORDS = ("version", "issue", "edition", "episode", "ncorrectly", "rongly", "istakenly",
                    "rroneously", "mis", "I said", "we said", "I wrote", "we wrote",
                    "we stated", "I stated", "we reported", "anterior", "por error",
                    "versión", "früheren", "versione", "edição", "versão", "dissemos",
                    "escrevemos", "informamos", "poprzednim", "vorige")


def corrected(text: str, spans, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` states what was wrong (asked only
    of a paragraph holding one of :data:`CORRECTION_WORDS`)."""
    s, e = sentence_at(spans, start, end)
    m = _CORRECTION.search(text, s, e)
    # (a clause after the wrong one, past a semicolon or a dash, gives the right one)
    return m is not None and (m.end() >= start or _RIGHT_AFTER.search(text, m.end(), start)
                              is None)


def negated(text: str, start: int) -> bool:
    """Whether the date or figure at ``start`` is stated as not the one: "…, not 11
    November 2025" (the day a correction calls wrong was charted as a plan)."""
    return " no" in text[max(0, start - 20):start] and \
        NOT_THIS.search(text, max(0, start - 20), start) is not None


#: a quotation's source on a line of its own: "— Mara Vinter, The Salt Roads (Harcastle,
#: 1967)", "— BOJ statement on monetary policy, 23 January 2026" (its years are the book's
#: or the statement's, which the quote above already dates if it dates anything)
ATTRIBUTION = re.compile(r"^[—―–]\s?[A-Z][^,.!?]{1,60}(?:,\s|$)")
#: a sentence about the newsletter itself: "Welcome to issue #41, the first of 2026", "That
#: is it for this week.", "A short one this month", "This month: a table of …"
_ITSELF = re.compile(r"\b(?i:this|today['’]s|this week['’]s|our|the first|the last|the next"
                     r"|(?:a )?short(?:er)?|(?:a )?long(?:er)?|(?:a )?quick)"
                     r"\s(?i:issue|edition|letter|newsletter|email|post|one)\b"
                     r"|[Ii]ssue\s(?:#|no\.\s?)?\d+|\bthe first of (?:the year|\d{4})\b"
                     # ("Hello, and welcome to the first Locks & Sleepers of 2026.")
                     r"|\b(?i:welcome|hello|this is|here['’]s|here is)\b.{0,60}\bthe (?:first|last) "
                     r"(?:[A-Z&][\w&’'.-]*\s){1,5}of (?:the year|\d{4})\b"
                     # (in Spanish, French and German: "Bienvenidos al número 38 de X, el
                     # primero de la temporada 2025-26")
                     r"|\b(?:[Nn]úmero|[Ee]dición|[Nn]uméro|Ausgabe)\s(?:#|n\.?º\s?|Nr\.\s?)?\d+"
                     r"|\b(?:el|la) (?:primer[oa]?|últim[oa]) (?:número |edición )?de (?:la "
                     r"temporada|este año|el año|\d{4})"
                     r"|(?:^|\s)(?:[Tt]hat['’]s|[Tt]hat is|[Tt]hat['’]ll be) (?:it|all) for\b"
                     r"|^(?:This|Next|Last) (?:week|month|issue)\s?:|^In this (?:issue|edition)"
                     # (a sign-off, "Until next month, valete.", and "This month we go back …")
                     r"|^(?:[Uu]ntil|[Tt]ill|[Ss]ee you|[Mm]ore) next (?:week|month|time|issue)\b"
                     # (but "This month, I spent some time exploring Kyrgyzstan" is an event)
                     r"|^(?:This|Next) (?:week|month),? (?:we|we[’']ll) (?:go|look|turn|head"
                     r"|travel|return|dig|dive|step)\b"
                     r"|^This (?:week|month)['’]s (?:is|one|letter|question|pick|mailbag"
                     # ("This week's calendar:", "This week's reading:" over the letter's list)
                     r"|calendar|schedule|agenda|line-?up|reading|links|roundup|digest|menu"
                     r"|picks|events|listings)\b"
                     # ("Five items this week", "Three reviews this week", "Thanks for
                     # reading, and for all your tips last year.")
                     r"|\b(?:items|stories|links|reads|picks|reviews|recipes|notes)"
                     r" this (?:week|month)"
                     r"|^Thanks (?:for reading|to (?:all of )?you)\b"
                     # ("My guest this week is …", "We had a lot of questions this month.")
                     r"|\b(?:guests?|episode|questions|mailbag|letters|updated)\b[^.]{0,24}\bthis "
                     r"(?:week|month)\b"
                     # ("A different format this week", "No essay this month.", "Back to the
                     # usual format next week.", "Back to essays next month.")
                     r"|\b(?:different|usual|normal|regular|new|shorter|longer) format\b"
                     r"|\b[Nn]o (?:essay|letter|issue|post|newsletter) (?:this|next) (?:week|month)\b"
                     r"|\b[Bb]ack to (?:the usual|our usual|normal|essays|regular)\b"
                     # ("willkommen zur ersten Ausgabe von Bauzeit im Jahr 2026")
                     r"|\b(?:ersten|letzten) Ausgabe\b"
                     # ("benvenuti al primo numero del 2026", "premier numéro de 2026")
                     r"|\b(?:primo|ultimo) numero\b|\b(?:premier|dernier) numéro\b"
                     # ("Esta é a última edição de 2025.", "Nesta edição: …")
                     r"|\b(?:[Ee]sta|[Nn]esta|[Aa] última|[Aa] primeira|[Aa] próxima) edição\b")
#: the dates a sentence about the letter names in passing: its week, month or year
SELF_PRECISIONS = frozenset(("relative", "year", "month", "range"))


def about_itself(text: str, spans, d) -> bool:
    """Whether the sentence holding date ``d`` speaks of the newsletter itself, so its
    week, month or year is the letter's own, no event (a day it names, "the next issue on
    5 June", stays)."""
    s, e = sentence_at(spans, d.start_off, d.end_off)
    low = text[s:e].lower()
    return any(w in low for w in _ITSELF_WORDS) and _ITSELF.search(text[s:e]) is not None


#: (a word every sentence :data:`_ITSELF` finds holds: the regex is asked of few)
_ITSELF_WORDS = ("issue", "edition", "letter", "email", "post", "one", "first of", " for",
                 "this week", "this month", "next week", "next month", "last week",
                 "last month", "last issue", "in this", "items", "stories", "links", "reads",
                 "picks", "reviews", "recipes", "notes", "thanks", "elcome", "ello",
                 "his is", "ere's", "ere’s", "ere is", "úmero", "dición", "uméro", "ausgabe",
                 "primer", "últim", "guest", "questions", "episode", "mailbag", "updated",
                 "format", "essay", "back to", "numero")


def asked(text: str, spans, d) -> bool:
    """Whether the date stands in a question ("…, or should we wait?"): its year or day is
    what is asked about, no event the text states."""
    s, e = sentence_at(spans, d.start_off, d.end_off)
    return text[s:e].rstrip(" \"”’'»)").endswith("?")


#: a sentence of what did not happen or is made up: a conditional with its "would" ("If
#: you started Brannock Ridge in 2026, you would probably not start it at all"), a story's
#: setting ("The novel is set in Bologna in the summer of 1979", "è ambientato nel 1979")
_IF_OPEN = re.compile(r"^\W{0,3}(?:If|Had|Were|Se|Si|Wenn|Als)\s")
_WOULD = re.compile(r"\b(?:would|could have|might have|'d|’d|avrebbe|sarebbe|habría|aurait|würde)\b")
_SETTING = re.compile(r"\b(?:(?:is|are)\s(?:set|mostly set|largely set)\s(?:in|on|during|at)\b"
                      r"|takes place\s(?:in|on|during)\b|(?:è|sono)\s(?:ambientat[oaie]|"
                      r"situat[oaie])\b|ambientat[oaie]\s(?:a|in|nel|nell|nella|negli)\b"
                      r"|(?:está|están)\sambientad[oa]s?\b|transcurre\sen\b"
                      r"|se\s(?:déroule|passe)\s(?:en|à|dans|pendant)\b|spielt\s(?:im|in)\b)")
_TOLD = re.compile(r"\b(?:novel|story|film|movie|book|play|series|romanzo|racconto|novela"
                   r"|película|roman|Roman|Film|libro|livre|Buch)s?\b")
IMAGINED_WORDS = ("If ", "Had ", "Were ", "Se ", "Si ", "Wenn ", "set ", "takes place",
                  "mbientat", "mbientad", "transcurre", "déroule", "passe ", "spielt ",
                  "failed", "rejected", "defeated", "voted down")
#: a proposal that was voted down, and the date it proposed: "An amendment … to delay the
#: code until January 2026 failed 3–6"
_DEFEATED = re.compile(r"\b(?:failed|(?:was|were) (?:rejected|defeated|voted down))\b")
_PROPOSED_BEFORE = re.compile(r"\bto (?:delay|postpone|push back|defer|move|extend|cap|ban|end"
                              r"|start|begin|phase out)\b[^.;]{0,60}$")


def imagined(text: str, spans, d) -> bool:
    """Whether the date stands in a sentence of what did not happen (a conditional, "If …
    in 2026, … would") or of a story's setting ("set in 1979"; "takes place in" only where
    the paragraph speaks of a novel or a film): no event (asked only of a paragraph holding
    one of :data:`IMAGINED_WORDS`)."""
    s, e = sentence_at(spans, d.start_off, d.end_off)
    sentence = text[s:e]
    if _IF_OPEN.match(sentence) and _WOULD.search(sentence):
        return True
    if _DEFEATED.search(sentence) and _PROPOSED_BEFORE.search(text, max(s, d.start_off - 80),
                                                              d.start_off):
        return True  # ("An amendment to delay the code until January 2026 failed 3–6": a
        #              date of what was voted down)
    m = _SETTING.search(text, s, d.end_off)  # (a date's own words may open with "in")
    return m is not None and m.start() < d.start_off and (not m.group(0).startswith("takes") or
                              _TOLD.search(text) is not None)


#: a paragraph that works an example through: its dates and figures are the example's, no
#: fact ("Now imagine a hypothetical saver, Jo, who starts in January 2027 …")
_EXAMPLE = re.compile(r"\b(?:[Hh]ypothetical(?:ly)?|[Ii]magine|[Mm]ade-up|[Mm]ade up example"
                      r"|[Ii]llustrative|[Ff]or illustration|[Ss]uppose|[Ll]et['’]s say"
                      r"|[Ff]or the sake of argument|[Ww]orked example)\b")
EXAMPLE_WORDS = ("ypothetical", "magine", "ade-up", "ade up", "llustrat", "uppose", "s say",
                 "sake of argument", "orked example")


def example(text: str) -> bool:
    """Whether a paragraph works a made-up example through (asked only of one holding one
    of :data:`EXAMPLE_WORDS`)."""
    return _EXAMPLE.search(text) is not None


#: a deadline's words before its day: "Apply by 20 November 2026.", "Closes 31 July 2026."
#: (a jobs board's or a call's date: when to act, no event the text tells)
_DEADLINE = re.compile(r"\b(?:[Aa]pply (?:by|before)|[Aa]pplications? (?:close|due)(?: on| by)?"
                       # ("Closes 31 July 2026." alone, a notice's; "Bridge Street closes on
                       # 20 April for one day" is an event)
                       r"|(?:^|[.!?]\s)Closes?(?: on)?|[Cc]losing date:?|[Dd]eadline:?|[Ss]ubmit (?:by|before)"
                       r"|(?:[Ee]ntries|[Nn]ominations|[Ss]ubmissions|[Rr]egistration|[Vv]oting|[Tt]he "
                       r"consultation|[Tt]he survey|[Tt]he poll|[Tt]he offer|[Ll]oan programme|[Pp]rogram)"
                       r"(?:\s\w+){0,3} closes?(?: on)?"
                       r"|RSVP by|[Rr]egister by|(?:[Cc]omments|[Oo]bjections|[Rr]esponses|[Rr]eplies"
                       r"|[Ff]eedback|[Vv]otes|[Bb]ids|[Pp]roposals|[Ee]ntries) (?:by|before|due(?: by)?)"
                       r"|[Aa]pplications for .{1,60} close(?: on)?)\s$")
#: a year that labels a chart's or a table's figures: "Share of commutes by bike, 2025",
#: "Top five night routes by trips, 2025:", a caption's "2023: 1.2; 2024: 1.7"
_LABEL_AFTER = re.compile(r"\s?(?::\s?[-−]?[$€£]?\d|:?\s*$|:\s?\n)")
#: what a title's ", 2025" or a value's "2023:" may be: a period, never a day ("Parks Board
#: meeting, Jan. 26" is an agenda's event)
PERIODS = frozenset(("year", "range", "quarter", "half"))
#: a value right after a year and its colon: "2023: 1.2"
_VALUE_NEXT = re.compile(r"\s?:\s?[-−+]?[$€£¥]?\d")


def deadline(text: str, start: int) -> bool:
    """Whether the date at ``start`` is a deadline to act by ("Apply by …")."""
    before = text[max(0, start - 80):start]
    return any(w in before for w in _DEADLINE_WORDS) and \
        _DEADLINE.search(text, max(0, start - 80), start) is not None


_DEADLINE_WORDS = ("pply", "lose", "losing", "eadline", "ubmit", "ntries", "RSVP", "egister",
                   "omments", "bjections", "esponses", "eplies", "eedback", "otes", "ids",
                   "roposals")


def labels_figures(text: str, d, caption: bool) -> bool:
    """Whether a date labels figures rather than dating an event: a period before a value
    ("2023: 1.2; 2024: 1.7"), at the end of a title after a comma ("Bike lane growth, 2024
    to 2025", "…by trips, 2025:"), or in a table's lead-in, a period first or any date in
    its brackets ("Q3 2025 results at a glance ($ millions):", "Reservas … (hm³, a 1 de
    febrero):")."""
    lead_in = len(text) <= 100 and text.rstrip().endswith(":")
    if lead_in and text.rfind("(", 0, d.start_off) > text.rfind(")", 0, d.start_off):
        return True
    after_comma = text[max(0, d.start_off - 2):d.start_off] == ", "
    if (caption or lead_in) and after_comma and text.startswith(":", d.end_off):
        return True  # (a caption's "Share of commutes by bike, 2025: …", a table's
        #              lead-in "Policy rates, March 2026:")
    if d.precision not in PERIODS:
        return False
    if _VALUE_NEXT.match(text, d.end_off) or lead_in and d.start_off == 0:
        return True
    return after_comma and _LABEL_AFTER.match(text, d.end_off) is not None and \
        len(text) <= 160 and (caption or lead_in or text.rstrip()[-1:] not in ".!?") and \
        not _YEAR_LISTED.search(text, 0, d.start_off - 2)  # ("League champions: 1960,
    #                                                        1964, 1969": the last of a list)


#: a year that ends the text before a date: the one before it in a list of years
_YEAR_LISTED = re.compile(r"\b(?:1[0-9]|20)\d\d$")


#: a target's words: "set a goal of 70% self-sufficiency in chips by 2025"
_TARGET = re.compile(r"\b(?:goal|target|aim|aims|aimed|pledge|pledged|promise|promised|vow|vowed"
                     r"|commit(?:ted|ment)?|plan(?:ned|s)? to|objective|ambition)\b", re.I)


def past_target(text: str, spans, d, published) -> bool:
    """Whether a date is a target's deadline that has passed ("a goal of 70% … by 2025" in
    a post of 2026): what was aimed at, no event that happened (drawn as one, it read as
    if the plan itself were of 2025)."""
    if published is None or text[max(0, d.start_off - 3):d.start_off] != "by " or \
            d.end[:4] >= f"{published.year:04d}":
        return False
    s, e = sentence_at(spans, d.start_off, d.end_off)
    return _TARGET.search(text, s, d.start_off) is not None


def cited(text: str, spans, start: int, end: int) -> bool:
    """Whether the sentence holding ``text[start:end]`` is a citation ("Source: …")."""
    s, e = sentence_at(spans, start, end)
    return SOURCE_LINE.match(text[s:e]) is not None


#: a work cited by its authors and year, the year no event of the text's: "(Smith et al.,
#: 2021)", "(Hartley et al., 2025; see also Adeyemi, 2022)", "Burns et al. (2020) put …",
#: "Okafor and Lindqvist (2023) found"
_CITED_BEFORE = re.compile(
    r"(?:\(|;\s)(?:see(?: also)?\s|e\.g\.,?\s|cf\.\s)?[A-Z][\w’'-]+"
    r"(?:\s(?:et al\.|(?:and|&)\s[A-Z][\w’'-]+))?,\s$"
    r"|(?:\bet al\.|\b[A-Z][\w’'-]+\s(?:and|&)\s[A-Z][\w’'-]+)\s\($")
_CITED_AFTER = re.compile(r"[a-z]?(?:[,;)]|:\s?\d)")
#: an entry of a reference list: "Burns, A., Keating, M. and Rowe, T. (2020). Roadside
#: PM2.5 …", "Castlebridge City Council (2025). Air quality annual status report …"
REFERENCE_ENTRY = re.compile(
    r"^[A-Z][\w’'-]+,\s(?:[A-Z]\.\s?-?){1,3}[^()]{0,200}\((?:1[5-9]|20)\d\d[a-z]?\)[.,:]"
    r"|^[A-Z][^()]{1,80}\s\((?:1[5-9]|20)\d\d[a-z]?\)\.\s\S")
#: a section of works cited: its heading
REFERENCES = re.compile(r"^(?:References|Bibliography|Sources|Further reading|Reading list"
                        r"|Works cited|Literature|Notes and references|Referenzen|Literatur"
                        r"|Quellen|Références|Bibliographie|Referencias|Bibliografía|Fuentes"
                        r"|Bibliografia|Fonti|Referências|Fontes|参考文献|出典|参考资料)\s?:?$",
                        re.I)


def cited_work(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` is a cited work's (:data:`_CITED_BEFORE`),
    or comes right after "et al." with no bracket ("cited Smith et al. 2023, an …")."""
    return _CITED_BEFORE.search(text, max(0, start - 60), start) is not None and \
        _CITED_AFTER.match(text, end) is not None or \
        text[max(0, start - 7):start] == "et al. " or text[max(0, start - 8):start] == "et al., "
