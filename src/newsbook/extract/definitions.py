"""Terms and names an article says what they are, in its own words.

Why: a book's glossary lists the Chinese, Japanese and Korean terms its articles gloss, or
else the abbreviations they define (:mod:`newsbook.extract.abbreviations`). A newsletter
with neither still names things and says what they are; those statements are its
glossary (:func:`newsbook.reference.glossary_words`).

Only what the text states, verbatim:

- **coined terms:** a quoted term the text introduces ("the so-called “grey fleet”",
  "known as “dual circulation”", "dubbed “the Gull”", "the term “port state”") or says
  what it means ("“Transshipment” is the move of …"). The gloss is the sentence itself.
- **described names:** a capitalised name followed by an appositive that opens with
  "a"/"an" and closes with a comma or the sentence ("Meridian Freight, a Rotterdam
  shipping firm, said"). The gloss is the appositive. A person's role ("Jane Doe, a data
  editor at the Post,": any role noun in it) is left to the people page, a one-word name
  that opens a sentence is no name ("Yesterday, a ship sank"), and time phrases ("a year
  later") are no gloss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..connections import CAPS, STOP, cut_run, sentence_around, opens_sentence

_INTRO = (r"(?:so-called|so called|known as|called|dubbed|termed|nicknamed|branded|"
          r"the term|the slogan|the motto|the concept of|the idea of"
          # (and French, Spanish, German: "On appelle « sillon »", "el llamado «efecto
          # rebote»", "die sogenannte „Mietpreisbremse“")
          r"|[Oo]n appelle|surnommée?s?|llamad[oa]s?|denominad[oa]s?"
          r"|conocid[oa]s? como|sogenannte[nrms]?|so genannte[nrms]?)")
_QUOTED = (r"[“\"‘«„]\s?([^“”\"‘’«»„.,;:!?()\[\]]{2,60}?)[,.]?\s?[”\"’»“]")
_COINED = re.compile(r"\b" + _INTRO + r"(?:\s+(?:it|them|this|these|him|her))?\s+" + _QUOTED)
_MEANS = re.compile(r"(?<![\w,])" + _QUOTED + r",? (?:is|are|means|refers to|describes"
                    r"|désigne|signifie|es|significa|bezeichnet|bedeutet) ")
_APPOSITIVE = re.compile(r", (an? (?:[^,.;:!?()“”\"—–]|[,.](?=\d)){3,120}?"  # ("£4,500": whole)
                         # (and a list of names it ends in: "… across Sweden, Finland and
                         # Germany", which it was cut at)
                         r"(?:(?:, [A-Z][\w’'-]*)+,? and [A-Z][\w’'-]*)?)(?=[,.;](?!\d)|$)")
#: appositives that say when, how much or how many, not what
_NOT_GLOSS = re.compile(r"^an? (?:few|lot|bit|little|year|day|week|month|decade|century|"
                        r"number|couple|dozen|handful|while|moment|time|bit|quarter|half|"
                        r"sign|move|step|fact|point|result|reminder"
                        # (a measurement, not what the name is: "Harrowdale, a high of 8.1°C")
                        r"|high|low|peak|total|maximum|minimum|record|mean|average|drop|rise"
                        r"|fall|gain|loss|share|rate)\b")
_WORD = re.compile(r"[\w-]+")
#: French "a" (has) and its participle: "a présenté", "a été", "a fait" (no "a" article)
_FRENCH_HAS = re.compile(r"^a (?:\w+ée?s?|été|eu|fait|dit|pris|mis|vu|su|pu|dû|écrit|ouvert"
                         r"|obtenu|reçu|perdu|vendu|produit|permis|conduit|construit)\b")
#: a contraction or a possessive, no word of the name after it ("I’m", "Apple’s")
_CONTRACTED = re.compile(r"^\w+[’'](?:m|s|re|ll|d|ve|t)$")
#: a list's next item, not a gloss: "Hambleden Road, a five-day one-day match and a £4,500
#: goalkeeper" lists three things
_LISTED = re.compile(r"\b(?:and|or) (?:an?|the) (?=\S)")  # ("…, an Aldi and the independent …")


#: a term a sentence opens with and explains in brackets: "Duration (the sensitivity of a
#: bond's price to rates) is …", "An expense ratio (the annual fee a fund charges) …"
_EXPLAINED = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:An?|The)\s)?(?P<term>[A-Za-z][a-z][\w’'-]*"
                        r"(?: [a-z][\w’'-]*){0,3}) \((?P<gloss>(?:the|a|an|how|what|when|which"
                        r"|where|whether) [^()\n\d]{8,200})\)"
                        # (and the sentence goes on to say more of the term: "Sales rose (the
                        # most since …)." explains nothing)
                        r"(?= (?:is|are|was|were|means|measures|refers|describes|tells|shows"
                        r"|matters|can|will|may|has|have|works|rises|falls|comes|depends)\b)")
#: a list's item (or a line) that is a term and what it is: "Coupon: the interest a bond
#: pays each year", "Real yield: a yield after inflation"
_LABELLED = re.compile(r"(?:^|(?<=[\n\u2002]))(?:[•·*–-]\s)?(?P<term>[A-Z][a-z][\w’'-]*"
                       r"(?: [a-z][\w’'-]*){0,3}): (?P<gloss>(?:the|a|an) [^\n\u2002]{8,200}?)"
                       r"\.?(?=$|[\n\u2002])")  # (a list's items are joined by en spaces)
#: labels of a line that are no terms: "Note: the …", "Venue: the …", "Verdict: a …"
_NOT_TERMS = frozenset("""note notes update updated source sources correction disclaimer verdict
takeaway context summary background caveat warning tip example result results status price
cost location venue date time when where who what how why today tomorrow yesterday also plus
next previously meanwhile read listen watch photo image chart figure table map credit sponsor
ad advertisement pros cons score rating link via answer question reply response bottom line
why it matters the upshot the catch highlight highlights quote fact reminder""".split())


#: a term that is a time, a timeline's item: "Mid-2025: the panel interviews the authors",
#: "Spring: the council votes", "Week one: …"
_WHEN_WORDS = re.compile(r"^(?:early|mid|late|spring|summer|autumn|fall|winter|week|month|year"
                         r"|day|today|tonight|morning|evening|january|february|march|april|may"
                         r"|june|july|august|september|october|november|december|monday|tuesday"
                         r"|wednesday|thursday|friday|saturday|sunday|then|now|later|first|next|"
                         r"last|finally)\b", re.I)


def _plain_gloss(gloss: str) -> bool:
    """A gloss in words, not a name nor figures: every word after its first in lower case
    (an abbreviation or a number may stand in it), four words or more."""
    words = gloss.split()
    return len(words) >= 4 and all(w[:1].islower() or w.isupper() or w[:1].isdigit()
                                   or not w[:1].isalpha() for w in words[1:])


@dataclass(frozen=True)
class Definition:
    """``term`` as written; ``gloss`` verbatim from the text; ``form``: coined | described
    | explained (a term and what it is, in brackets or after a colon: the gloss alone)."""

    term: str
    gloss: str
    form: str


def find_definitions(text: str, role_nouns: frozenset[str] = frozenset()) -> list[Definition]:
    """Every coined term and described name of one block's ``text``, in order."""
    out: list[Definition] = []
    if "“" in text or '"' in text or "‘" in text or "«" in text or "„" in text:
        for pattern in (_COINED, _MEANS):
            for m in pattern.finditer(text):
                term = m.group(1).strip()
                if _term_ok(term):
                    out.append((m.start(1), Definition(term, sentence_around(text, m.start(1)),
                                                       "coined")))
    if ", a" in text:
        for m in CAPS.finditer(text):
            after = _APPOSITIVE.match(text, m.end())
            if not after:
                continue
            words = cut_run(m.group(1)).split()
            while words and (words[0] in STOP or _CONTRACTED.match(words[0])):
                words = words[1:]  # (and "I’m Priya Hale, a …", "Apple’s Tim Cook, a …")
            name = " ".join(words)
            if not words or name in STOP or (len(words) == 1 and (
                    len(name) < 3 or opens_sentence(text, m.start()))) or name not in text:
                continue  # (a run across a line break is not the text's own words)
            gloss = after.group(1).strip()
            if _FRENCH_HAS.match(gloss):
                continue  # (French "…, a présenté les résultats": a verb, no article)
            if _NOT_GLOSS.match(gloss) or len(gloss.split()) < 2 or _LISTED.search(gloss) or any(
                    w.lower() in role_nouns for w in _WORD.findall(gloss)):
                continue
            out.append((m.start(), Definition(name, gloss, "described")))
    for pattern in (_EXPLAINED, _LABELLED) if "(" in text or ": " in text else ():
        for m in pattern.finditer(text):
            term, gloss = m.group("term"), m.group("gloss").strip().rstrip(".")
            if term.lower() in _NOT_TERMS or term.split()[0].lower() in _NOT_TERMS or \
                    any(c.isdigit() for c in text[m.start("term"):m.end("term") + 3]) or \
                    _WHEN_WORDS.search(term) or \
                    term in STOP or not _plain_gloss(gloss) or \
                    pattern is _LABELLED and len(m.group(0)) > 300:
                continue
            out.append((m.start("term"), Definition(term, gloss, "explained")))
    out.sort(key=lambda p: p[0])
    return [d for _, d in out]


def _term_ok(term: str) -> bool:
    """A term, not a quotation: one to six words, holding a letter."""
    return 1 <= len(term.split()) <= 6 and any(c.isalpha() for c in term)
