"""What each unit of a text copy is: a heading, a lost image's caption, text the author
broke into lines, a list item, a speaker's turn, chrome ... (:func:`classify_units`).

The shapes of lines are told here; :mod:`newsbook.readers.units` splits a copy into units
and finds its footnotes and their markers.
"""
from __future__ import annotations

import re

from ..model import short_for
from .prompts import MAIL_FOOTER, POSTCODE, STREET_KINDS, is_cta, is_sponsor
from .units import (ALT_TEXT, BY_NAMES, LIST_ITEM, NOT_SPEAKERS, NOTE, PLAYER_TIME, POST_HEAD,
                    REPORTS, SMALL, SPEAKER, TERMINAL, TYPED_ITEM, Unit, _NAME, _last,
                    source_tail, table_rows)


def title_case(text: str) -> bool:
    """Most significant words capitalised, as in section titles."""
    words = [w.strip("“”‘’\"'()[],:;?!…—–-") for w in text.split()]
    words = [w for w in words if w and w[0].isascii() and w[0].isalpha()]
    significant = [w for w in words if w.lower() not in SMALL]
    if not significant:
        return False
    caps = sum(1 for w in significant if w[0].isupper())
    return caps / len(significant) > 0.5


#: a label and its value, "Week ending Nov. 15: 412", "Turnout: 61.2%": a line of data
_VALUE_LINE = re.compile(r":\s?[-+−]?[$€£¥]?\d[\d,.]*\s?%?"
                         # (or a list of them: "League champions: 1960, 1964, 1969")
                         r"(?:(?:,|\sand|\s&)\s[-+−]?[$€£¥]?\d[\d,.]*\s?%?)*$")


#: a title that ends in its year: "From Our Archive: 1976", "Looking Back: 2025" (a value's
#: line, "Turnout: 61.2%", is none)
_YEAR_TITLE = re.compile(r"^[A-Z][\w’'-]*(?: [A-Z][\w’'-]*| (?:of|the|and|in|on|for|to|a|our))+"
                         r": (?:1[5-9]|20)\d\d$")


def heading_like(text: str) -> bool:
    """Short, unpunctuated, title-cased -- or a short question."""
    t = text.strip()
    if any(c in t for c in "。！？"):
        return False  # (a Chinese or Japanese sentence: a title holds no full stop)
    if not t or len(t) > 90 or _last(t) in TERMINAL or source_tail(t) or REPORTS.match(t) \
            or BY_NAMES.match(t) or t[0] in "—–" or is_sponsor(t) or _QA.match(t) \
            or _TIMESTAMP.match(t) or _SIGN_OFF.match(t) or _ADDRESS.search(t) \
            or _VALUE_LINE.search(t) and not _YEAR_TITLE.match(t):
        # (a byline, "— Mayor X, to the council", "TODAY'S ISSUE IS SPONSORED BY X", in
        # capitals, and an interview's "Q: Why …?" are paragraphs)
        return False
    if READ_TIME.search(t):
        return len(t) <= 160
    if t.lower() in ANSWERS:
        return False  # a poll's option or an answer standing alone
    if t.endswith("?"):
        return len(t) <= 55
    if t.endswith(":"):
        return len(t) <= 30 and len(t.split()) >= 2 and title_case(t)
    return title_case(t) or (len(t) <= 60 and _WH_HEADING.match(t) is not None)


#: a postal address ("14 Market Place, Kettleford KF3 2BQ", "Berlin 10969", "CA 94104"):
#: a footer's or a letter's line, never a section's title
_ADDRESS = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|,\s?\d{1,4}[A-Za-z]? [A-Z][a-z]+ "
                      r"(?:Street|St|Road|Rd|Place|Lane|Avenue|Ave|Square|Way|Drive|Close|Row|"
                      r"Terrace|Straße|Strasse|Allee)\b|\b[A-Z]{2} \d{5}(?:-\d{4})?$")
#: a letter's closing and its writer's name on one line: "Ihre Johanna Brecht", "Cheers,
#: Lena", "Bien à vous, Marc" (a paragraph, never a section's title)
_SIGN_OFF = re.compile(rf"^(?:(?:Ihre?|Eure?|Deine?|Votre|Vos|Tu|Su)\s{_NAME}|(?:Cheers|Best|"
                       r"Warmly|Yours|Love|Thanks|Regards|Best wishes|All best|Until next time"
                       r"|Bien à vous|Amitiés|Cordialement|Saludos|Un abrazo|Atentamente|Herzlich"
                       r"|Herzliche Grüße|Viele Grüße|Beste Grüße|Bis bald|Ciao|Groeten),"
                       rf"\s{_NAME})$")
#: the words that open an interview's questions and answers (English, German, French,
#: Spanish, Italian, Dutch, Portuguese; Italian's "D:"/"R:", Spanish "P:"/"R:", German "F:"/"A:")
_ASKS = frozenset("Q D P F Frage Question Pregunta Domanda Vraag Pergunta".split())
_ANSWERS = frozenset("A R Antwort Réponse Respuesta Risposta Antwoord Resposta".split())
_QA_WORDS = "|".join(sorted(_ASKS | _ANSWERS, key=lambda w: (-len(w), w)))
#: a turn of an interview typed as questions and answers: "Q: How many …", "A: We counted …"
_QA_TURN = re.compile(rf"^({_QA_WORDS})[ \u00a0\u202f]?: (\S.*)$")
#: an interview's question or answer, "Q: …", "A. …"
_QA = re.compile(rf"^(?:{_QA_WORDS})[ \u00a0\u202f]?[:.]\s")
#: a sentence-case section title: "What the operators say", "Why it matters", "How we got
#: here" (a caption of a lost image names what it showed; it does not open like this)
#: (and in the other languages: "Lo que dicen las cifras", "Quién produce y a qué costo",
#: "Ce que disent les chiffres", "Was jetzt kommt", "Cosa succede adesso")
_WH_HEADING = re.compile(r"^(?:What|Why|How|Where|When|Who)(?:[’']s)?(?: [\w’'-]+){1,7}$"
                         r"|^(?:Qué|Quién|Quiénes|Cómo|Por qué|Dónde|Cuándo|Cuánto|Cuál|Lo que"
                         r"|Ce que|Ce qui|Pourquoi|Comment|Où|Quand|Was|Warum|Wie|Wer|Wo|Wann"
                         r"|Wieso|Weshalb|Cosa|Che cosa|Perché|Come|Chi|Dove|Quando|Quello che"
                         r"|Ciò che|O que|Por que|Quem|Onde)(?: [\w’'-]+){1,7}$")


_LABEL_VALUE = re.compile(r"^[^\W\d_][\w ’'-]{0,30}:\s?[-+−$€£]?\d")
_SENTENCE_INSIDE = re.compile(r"[a-z][.?!][\"”’]?\s+\S")


def caption_like(unit: Unit) -> bool:
    """Captions of lost images: a Source tail, alt text, a gallery, or a bare phrase."""
    t = unit.text.strip()
    if len(unit.lines) > 1:
        # a gallery: a caption on each line, or a source or alt text showing one ("Sat 14
        # Mar, 7.30pm – Quiz night …" under another event is a list typed as lines)
        lines = [s.strip() for s in unit.lines]
        if len(lines) == 2 and not any(s[:1].isdigit() or _LABEL_VALUE.match(s) for s in lines):
            return True  # (two captions run together, as Substack's copies show them; not
            #             "Tries: 8 in 2022-23, …" / "Appearances: …", a player's figures)
        return any(source_tail(s) or s == ALT_TEXT for s in lines) or all(
            caption_like(Unit(unit.line, [s])) for s in lines)
    if source_tail(t) or t == ALT_TEXT:
        return True
    # A caption names what an image showed: it opens with a word, a number, a quote or a
    # bracket, not with a symbol ("✅ A long read…", "👉 …": an item of the author's own
    # list; "* * *" alone: a section break) or a timestamp ("[00:03:12] Why lead times
    # doubled": a podcast's chapters). A sentence ending in a footnote marker ("… 42.9
    # percent.1") ends in its full stop.
    # A bare phrase is a caption only when it describes (five words or more): "Quick
    # links", "Apply here" or a poll's "Yes, tomorrow" are the newsletter's own lines, as
    # is a line of facts set apart by middle dots ("Serves 4–6 · Prep 20 minutes").
    t = _MARKER_END.sub("", t)
    # (nor does it hold a sentence and more: '"Why are the meters going up again? They just
    # went up." — Carol T., Old Mill' is a reader's letter, and no image was lost)
    return len(t) <= 100 and len(t.split()) >= CAPTION_WORDS and _last(t) not in ".?!:;,…" \
        and not _SENTENCE_INSIDE.search(t) \
        and " · " not in t and not is_sponsor(t) \
        and not title_case(t) \
        and any(c.isalnum() for c in t) and (t[0].isalnum() or t[0] in _CAPTION_OPENERS) \
        and not _TIMESTAMP.match(t) and not _VALUE_LINE.search(t)


#: a letter's opening or closing line: "Dear readers,", "Warmly,", "With best wishes,"
_SALUTATION = re.compile(r"^[^\W\d][\w’'.-]*(?: [^\W\d][\w’'.-]*){0,3},$")
#: a line of a postal address: "14 Mill Lane", "221B Baker Street", "PO Box 12"
_STREET = re.compile(rf"^(?:\d{{1,5}}[A-Za-z]?,? (?:[A-Z][\w’'.-]* ){{0,3}}{STREET_KINDS}"
                     r"|P\.? ?O\.? Box \d+)(?:,|$)")
#: a line of wrapped prose is at least this long (a line of verse is shorter)
WRAPPED = 50


def run_kind(lines: list[str]) -> str:
    """What lines run together (no blank line between) are, when they are not a gallery
    of lost images' captions: ``"lines"``, text the author broke into lines (verse whose
    next line goes on in lower case, a letter's "Warmly," and name, a postal address),
    kept with its line breaks; ``"para"``, prose wrapped at a fixed width, one paragraph;
    or ``""`` (captions: each opens a new thing in upper case, as a gallery's do)."""
    ls = [s.strip() for s in lines]
    goes_on = [_last(a) not in ".?!…:" and b[:1].islower() for a, b in zip(ls, ls[1:])]
    if any(goes_on):
        wrapped = all(len(s) >= WRAPPED for s in ls[:-1]) and sum(goes_on) * 2 >= len(goes_on)
        return "para" if wrapped else "lines"
    if _SALUTATION.match(ls[0]) or _SALUTATION.match(ls[-2]):
        return "lines"  # "Warmly," / "Lena"; "Dear readers," / …
    if ls[0] == "--":
        return "lines"  # an e-mail's signature ("-- " and the lines under it)
    if all(s.startswith(">") for s in ls):
        return "lines"  # a quotation typed as an e-mail quotes ("> " on every line)
    if _EMOJI.fullmatch(ls[0] + " "):
        return "lines"  # a callout: its icon alone on a line ("📌"), then its text
    if all(len(s.split()) <= 6 for s in ls) and any(
            _STREET.match(s) or POSTCODE.search(s) for s in ls):
        return "lines"
    return ""


#: one-word lines that answer (a poll's options): never a section's title
ANSWERS = frozenset("yes no none never maybe sometimes always other both neither".split())
#: the fewest words of a caption that has no source, credit or gallery to show it is one
CAPTION_WORDS = 5
#: a digest's item title: "Chip exports slump (4 minute read)"
READ_TIME = re.compile(r"\((?:\d+|one|two|three|four|five) ?(?:-| )?min(?:ute)?s? read\)$", re.I)

#: what else a caption may open with
_CAPTION_OPENERS = "“\"'‘(«「『¿¡"
#: a podcast chapter's or a transcript's timestamp: "[00:03:12] ", "(12:40) ", "1:02:03 "
_TIMESTAMP = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s")
def _titled_lists(units: list[Unit]) -> list[Unit]:
    """A short line with list items typed right under it ("Method" / "1. Heat the oven…" /
    "2. Rub …") is its title and the list's items, each a unit of its own, as if blank
    lines stood between them."""
    out: list[Unit] = []
    for u in units:
        rest = u.lines[1:]
        if rest and len(u.lines[0].strip()) <= 60 and not u.extra and all(
                TYPED_ITEM.match(s.strip()) or LIST_ITEM.match(s) for s in rest):
            out.append(Unit(u.line, u.lines[:1], u.blanks_before))
            out.extend(Unit(u.line + k, [s]) for k, s in enumerate(rest, 1))
        else:
            out.append(u)
    return out


def _stamped(line: str) -> tuple[str, str]:
    """A transcript's line as (its time, the rest): "[00:12:31] Dr. Ana Ruiz: …" gives
    ("[00:12:31]", "Dr. Ana Ruiz: …"), so a timed turn is a speaker's too; ("", line)
    for a line with no time."""
    line = line.strip()
    m = _TIMESTAMP.match(line)
    return (line[:m.end()].strip(), line[m.end():]) if m else ("", line)


#: a footnote marker after a sentence's last mark
_MARKER_END = re.compile(r"(?<=[.?!”’\"»])\d{1,3}$")


def _sentence_case(text: str) -> bool:
    """A title written in sentence case: some significant word after the first is in lower
    case ("FEC fines Westmark Forward", "What to watch"), unlike "The Hero’s Return"."""
    words = [w.strip("“”‘’\"'()[],:;?!…—–-") for w in text.split()[1:]]
    return any(w and w[0].isalpha() and w[0].islower() and w.lower() not in SMALL
               for w in words)


#: the most words, and characters, of a section title written in sentence case
_TITLE_WORDS, _TITLE_CHARS = 10, 70
#: the fewest characters of the paragraph a section title stands over
_SECTION_TEXT = 80


#: a section title typed as Markdown ("## How I built this") or opened by an emoji
#: ("📈 Markets", "💸 Seed and pre-seed")
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f? ")
_TYPED_TITLE = re.compile(rf"^(?:#{{1,4}} |{_EMOJI.pattern})\S")


def _typed_titles(out: list[Unit]) -> None:
    """A short unpunctuated line typed as a title ("## How I built this", "📈 Markets") is
    one when text follows it, however its words are cased; an emoji's line beside another
    is a list's item ("✅ Done", "👉 Next"), not a title."""
    for i, u in enumerate(out[:-1]):
        if u.kind not in ("caption", "para") or len(u.lines) != 1 or len(u.lines[0]) > 90:
            continue
        t = u.text.strip()
        if len(t) > 80 or not _TYPED_TITLE.match(t) or _last(t) in TERMINAL + ":…":
            continue
        nxt, prev = out[i + 1], out[i - 1] if i else None
        listed = t[0] != "#" and any(v is not None and _EMOJI.match(v.text.strip())
                                     for v in (prev, nxt))
        if not listed and nxt.kind in ("para", "item", "table", "lines", "speaker"):
            u.kind = "heading"


#: the fewest words of an item's summary under its title (a caption's second line is
#: shorter: "AI-generated content may be incorrect.")
_SUMMARY_WORDS = 8


def _item_title(u: Unit) -> bool:
    """A digest's item typed as two lines: its title, short and unpunctuated ("Paris adds
    bike lanes at record pace"), over its summary, prose that ends a sentence ("The city
    added 52 km of protected lanes in 2025, …")."""
    if u.kind != "caption" or len(u.lines) != 2:
        return False
    title, text = (x.strip() for x in u.lines)
    return 2 <= len(title.split()) <= 14 and len(title) <= 90 and title[:1].isupper() \
        and _last(title) not in TERMINAL + ":;,…" and not source_tail(title) \
        and title != ALT_TEXT and text != ALT_TEXT and not source_tail(text) \
        and len(text.split()) >= _SUMMARY_WORDS and _last(_MARKER_END.sub("", text)) in TERMINAL


def _item_titles(out: list[Unit]) -> list[Unit]:
    """A digest's items typed as a title line over a summary, with no blank line between
    ("Paris adds bike lanes at record pace" / "The city added 52 km …"), had been read as
    two captions of a lost image run together: its titles became captions. Two such items
    or more in a post: each title is a section title and its summary a paragraph. One
    alone stays a caption (Substack's copies run two captions together so)."""
    if sum(1 for u in out if _item_title(u)) < 2:
        return out
    split: list[Unit] = []
    for u in out:
        if _item_title(u):
            split += [Unit(u.line, u.lines[:1], u.blanks_before, "heading"),
                      Unit(u.line + 1, u.lines[1:], 0, "para")]
        else:
            split.append(u)
    return split


def _stat_lines(out: list[Unit]) -> None:
    """Lines that open with a number, one under another ("20.6 hospitalizations per
    100,000 residents" / "14.7% test positivity at sentinel labs"): a post's figures set
    out as a list, not lost images' captions (each had said "The image is not in the
    feed")."""
    def stat(u: Unit) -> bool:
        t = u.text.strip()
        return u.kind == "caption" and len(u.lines) == 1 and t[:1].isdigit() \
            and not source_tail(t) and t != ALT_TEXT
    marks = [stat(u) for u in out]
    for i, u in enumerate(out):
        if marks[i] and ((i and marks[i - 1]) or (i + 1 < len(out) and marks[i + 1])
                         or (i and out[i - 1].kind == "para" and out[i - 1].text[:1].isdigit()
                             and len(out[i - 1].text) <= 100)):
            u.kind = "para"


def _sentence_case_titles(out: list[Unit]) -> None:
    """A post whose section titles are written in sentence case ("What to watch", "FEC
    fines Westmark Forward") has more of them than the title-case test finds: "Filing
    deadline moves up", "Harlow County recount confirms Ostrander win". In such a post
    (a title found or more, every one in sentence case) that shows no lost image for sure (no
    caption with a source, a credit or alt text), a short unpunctuated line over a
    paragraph is a section title too, not a lost image's caption or a paragraph of its
    own. A post with a title in title case keeps its captions ("Parade of Eastern Bloc
    computers in 1989"), as does one that lost images."""
    titles = [u.text.strip() for u in out if u.kind == "heading"]
    several = [t for t in titles if len(t.split()) > 1]  # (a one-word title, "Schools", is
    #                                                      in either case)
    if not titles or not several or not all(_sentence_case(t) for t in several) or any(
            u.kind == "caption" and (len(u.lines) > 1 or u.text.strip() == ALT_TEXT)
            for u in out):
        return  # (a caption with its source is whole, and tells nothing of the lines
        #         without one)
    for i, u in enumerate(out[:-1]):
        t = u.text.strip()
        nxt = out[i + 1]
        if u.kind in ("caption", "para") and len(u.lines) == 1 and t[:1].isupper() \
                and 2 <= len(t.split()) <= _TITLE_WORDS and len(t) <= _TITLE_CHARS \
                and _last(t) not in TERMINAL + ":?…" and not source_tail(t) and t != ALT_TEXT \
                and not BY_NAMES.match(t) and not is_sponsor(t) \
                and (nxt.kind == "para" and len(nxt.text) >= _SECTION_TEXT or nxt.kind == "item") \
                and (i == 0 or out[i - 1].kind != "caption" or source_tail(out[i - 1].text)):
            u.kind = "heading"  # (a caption whose source or credit ends it is whole: a
            #                     line after it is no second caption of a gallery)


#: a section's title as "Subject: what of it" ("Aceite: una campaña de récord en el
#: Matarraña", "Rice: less planting, more water"); not a caption's label ("Chart: …")
_LABELLED_TITLE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'-]*(?: [\w’'-]+)?: \S")
_CAPTION_LABELS = frozenset("""source sources fuente fuentes quelle chart graph figure fig
fig. map photo photograph foto image imagen table tabla gráfico grafico mapa credit via
illustration illustración video vídeo screenshot captura carte tableau graphique abbildung
grafik karte bild fonte fontes fonti imagem tabela figura bron źródło wykres fot.""".split())
#: a source's label opening a line: "Source: …", "Fonte: …", "Quelle: …", "出典："
_SOURCE_LABEL = re.compile(r"^(?:Sources?|Fuentes?|Fontes?|Fonti|Quellen?|Data|Datos|Dados"
                           r"|Données|Bron|Źródło|Źródła)\s?:\s|^(?:出典|出所|来源|來源|출처|자료)[：:]")


def _labelled_titles(out: list[Unit]) -> None:
    """A short line "Subject: what of it" over a paragraph, with no full stop, is a
    section's title, not a lost image's caption, unless its label is a caption's own
    ("Chart: …", "Foto: …")."""
    for i, u in enumerate(out[:-1]):
        if u.kind not in ("caption", "para") or len(u.lines) != 1 or ": " not in u.lines[0] \
                or len(u.lines[0]) > 2 * _TITLE_CHARS:
            continue  # (substring and length tests first: most units are prose)
        t = u.text.strip()
        if not _LABELLED_TITLE.match(t):
            continue
        label = t.split(":", 1)[0].lower()
        nxt = out[i + 1]
        if label.split()[0] not in _CAPTION_LABELS and len(t.split()) <= _TITLE_WORDS and \
                len(t) <= _TITLE_CHARS and _last(t) not in TERMINAL + ":?…;," and \
                not source_tail(t) and not is_sponsor(t) and not _LABEL_VALUE.match(t) and \
                not BY_NAMES.match(t) and nxt.kind == "para" and len(nxt.text) >= _SECTION_TEXT:
            u.kind = "heading"  # (never a byline, "Tekst: Tomasz Zieliński")


#: a numbered section's title: "1. Growth slowed, but did not stall", "2) The labor market"
_NUMBERED_TITLE = re.compile(r"^(\d{1,2})([.)])\s+(\S.{1,88})$")


def _numbered_sections(out: list[Unit]) -> None:
    """Lines "1. Growth slowed, but did not stall", "2. The labor market loosened", … each
    over its own text, numbered from 1 in order (two or more): the post's numbered
    sections, whatever their case (sentence-case ones were lost images' captions or
    paragraphs). Each stands alone, with text between: a numbered list is none."""
    found = []
    for i, u in enumerate(out):
        m = _NUMBERED_TITLE.match(u.text.strip()) if len(u.lines) == 1 and u.kind in (
            "caption", "para", "heading") else None
        if m and _last(m.group(3)) not in TERMINAL + ",;:" and 0 < i + 1 < len(out) and \
                out[i + 1].kind not in ("item", "cta") and \
                not _NUMBERED_TITLE.match(out[i + 1].text.strip()):
            found.append((int(m.group(1)), m, u))
    if len(found) < 2 or [n for n, _, _ in found] != list(range(1, len(found) + 1)):
        return
    for _, m, u in found:
        u.kind = "numbered_heading"
        u.extra = {**u.extra, "label": m.group(1) + m.group(2), "text": m.group(3)}


def _titles_over_turns(out: list[Unit]) -> None:
    """In an interview, a short unpunctuated line right over a speaker's turn ("El efecto
    rebote", "Contadores y confianza") is a section title: it was a paragraph of the turn
    before it, or a lost image's caption."""
    if sum(u.kind == "speaker" for u in out) < 4:
        return
    for i, u in enumerate(out[:-1]):
        if u.kind not in ("caption", "para") or len(u.lines) != 1 or out[i + 1].kind != "speaker":
            continue
        t = u.text.strip()
        if 2 <= len(t.split()) <= _TITLE_WORDS and len(t) <= _TITLE_CHARS and t[:1].isupper() \
                and _last(t) not in TERMINAL + ":?…;" and not source_tail(t) \
                and t != ALT_TEXT and not is_sponsor(t) and not BY_NAMES.match(t):
            u.kind = "heading"


def _footer(lines: list[str], names: frozenset[str]) -> bool:
    """An e-mail's footer block: lines that are all prompts or footer lines (:func:`is_cta`:
    "You are receiving this because …", "© 2025 X. All rights reserved.") but for its
    mailing address, short lines that end no sentence ("X · Lindenstraße 42 · 10969
    Berlin"), and closed by one of them."""
    if len(lines) < 2 or not is_cta(lines[-1].strip(), names):
        return False
    return all(is_cta(x.strip(), names) or (len(x) <= 100 and x.rstrip()[-1:] not in ".!?:")
               for x in lines[:-1]) and sum(is_cta(x.strip(), names) or _sender(x.strip())
                                            for x in lines) >= 2


def _sender(line: str) -> bool:
    """An e-mail's sender line: its name and postal address ("Acequia Abierta · Calle del
    Azud 14, 50003 Zaragoza"), which a footer's one prompt closes ("Cancelar suscripción")."""
    return (" · " in line or " | " in line) and MAIL_FOOTER.search(line) is not None


def _initials_of_one(label: str, counts: dict[str, int]) -> bool:
    """A two-letter label that is the initials of a speaker named in full ("DA:" after
    "Daniel Ashworth:"): a turn, as a longer label is (two capitals alone, "OK:", "US:",
    are none)."""
    return label.isupper() and any(short_for(label, full) for full in counts)


def _once_among(name: str, i: int, counts: dict[str, int], units: list[Unit]) -> bool:
    """A name that opens one turn only is a speaker too inside an interview: when it is
    the full name of one who speaks again by surname or initials ("Jane Ortiz: …", then
    "Ortiz: …"), or when it is a full name (two words or more) and a line of one who
    speaks twice or more stands right before or after it ("Renata Sosa: Yo sería más
    prudente." in a panel). Its words were counted as the speaker's before it."""
    words = name.split()
    if counts.get(name) != 1 or len(words) < 2 or any(w in NOT_SPEAKERS for w in words):
        return False
    if any(k >= 2 and short_for(s, name) for s, k in counts.items()):
        return True  # (by surname or initials: model.short_for)
    for k in (i - 1, i + 1):
        if 0 <= k < len(units) and len(units[k].lines) == 1:
            m = SPEAKER.match(_stamped(units[k].lines[0])[1])
            if m and counts.get(m.group(1), 0) >= 2 and m.group(1) not in NOT_SPEAKERS:
                return True
    return False


def classify_units(units: list[Unit], hints: dict[str, str],
                   names: frozenset[str] = frozenset()) -> list[Unit]:
    """Give each unit a kind: code, cta, item, heading, caption, note, speaker or para.

    :param names: the newsletter's names (:func:`publication_names`, and the feed names
        FreshRSS's day separators show), whose "Share <name>" and "Subscribe to <name>"
        button lines are chrome.
    """
    units = _titled_lists(units)
    counts: dict[str, int] = {}
    for u in units:
        m = SPEAKER.match(_stamped(u.lines[0])[1]) or _QA_TURN.match(u.lines[0])
        if m and len(u.lines) == 1:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    # an interview typed as "Q: …" / "A: …" (twice each or more): Q and A are its speakers
    qa = sum(counts.get(w, 0) for w in _ASKS) >= 2 and sum(counts.get(w, 0) for w in _ANSWERS) >= 2
    # (an item typed as text is one beside another of its kind: bullet or number)
    one = [len(u.lines) == 1 and (m := TYPED_ITEM.match(u.lines[0])) is not None
           and m.group(1)[0].isdigit() + 1 for u in units]
    typed = {i for i in range(len(units)) if one[i] and (
        (i and one[i - 1] == one[i]) or (i + 1 < len(units) and one[i + 1] == one[i]))}
    out: list[Unit] = []
    for i, u in enumerate(units):
        t = u.text.strip()
        m_item = (LIST_ITEM.match(u.lines[0]) or (i in typed and TYPED_ITEM.match(u.lines[0]))) \
            if len(u.lines) == 1 else None
        m_speaker = (SPEAKER.match(_stamped(u.lines[0])[1]) or (qa and _QA_TURN.match(u.lines[0]))) \
            if len(u.lines) == 1 else None
        if len(u.lines) > 2 and all(PLAYER_TIME.match(x.strip()) for x in u.lines[1:]):
            # an audio player: its title, then its clock and speed ("0:00", "/52:14", "1×")
            u.lines = u.lines[:1]
            t = u.text.strip()
        hint = hints.get(t)
        if u.extra.get("code"):
            u.kind = "code"
        elif is_cta(t, names) or (PLAYER_TIME.match(t) or PLAYER_TIME.match(u.lines[0].strip())) \
                and all(PLAYER_TIME.match(x.strip()) for x in u.lines) or _footer(u.lines, names):
            u.kind = "cta"
        elif len(u.lines) > 1 and POST_HEAD.match(u.lines[0].strip()):
            u.kind = "post"  # an embedded post (a tweet): its author, text, date and counts
        elif hint:
            u.kind = hint
        elif rows := table_rows(u.lines):
            u.kind, u.extra = "table", {"rows": rows}
        elif m_item:
            u.kind, u.extra = "item", {"label": m_item.group(1), "text": m_item.group(2)}
        elif (m_speaker and (counts.get(m_speaker.group(1), 0) >= 2
                             or _once_among(m_speaker.group(1), i, counts, units))
              and (m_speaker.group(1) not in NOT_SPEAKERS and (
                  len(m_speaker.group(1)) > 2 or not m_speaker.group(1).isascii()
                  or _initials_of_one(m_speaker.group(1), counts))
                   or qa and m_speaker.group(1) in _ASKS | _ANSWERS)):
            u.kind, u.extra = "speaker", {"name": m_speaker.group(1), "text": m_speaker.group(2),
                                          "stamp": _stamped(u.lines[0])[0]}
        elif NOTE.match(t):
            u.kind = "note"
        elif t == ALT_TEXT or (len(u.lines) > 1 and u.lines[0].strip() == ALT_TEXT):
            u.kind = "caption"
            prev = out[-1] if out else None
            if prev is not None and prev.kind in ("caption", "para", "heading") and len(prev.text) <= 80 \
                    and prev.text.strip()[-1] not in ".?!:" and prev.line < u.line:
                u.lines = prev.lines + u.lines  # the image's alt text belongs with it
                u.line = prev.line
                out.pop()
        elif heading_like(t) and len(u.lines) == 1:
            u.kind = "heading"
        elif len(u.lines) > 1 and (kind := run_kind(u.lines)):
            u.kind = kind
        elif caption_like(u):
            u.kind = "caption"
        elif len(u.lines) > 1:
            u.kind = "lines"  # (lines typed one under another: kept as the author broke them)
        out.append(u)
    out = _item_titles(out)
    _stat_lines(out)
    _labelled_titles(out)  # (first: a "Subject: what" title tells a sentence-case post)
    _sentence_case_titles(out)
    _typed_titles(out)
    _titles_over_turns(out)
    _numbered_sections(out)
    for i, u in enumerate(out[:-1]):  # (a line leading into a table, "Station readings for
        if u.kind == "heading" and u.text.rstrip().endswith(":") and out[i + 1].kind == "table":
            u.kind = "para"  # March:", says what it holds: a lead-in, no section)
        elif u.kind == "table" and out[i + 1].kind == "caption" and \
                _SOURCE_LABEL.match(out[i + 1].text.strip()):
            out[i + 1].kind = "para"  # ("Source: brokers …" under a table: the table's
            #                            source, no lost image's caption)
    listed: set[str] = set()  # (the texts of the list items read so far)
    for i, u in enumerate(out):  # a lone "1. Title" between paragraphs is a section title
        if u.kind == "item" and u.extra["label"][0].isdigit() and heading_like(u.extra["text"]):
            lone = all(j < 0 or j >= len(out) or out[j].kind != "item" for j in (i - 1, i + 1))
            if lone:
                u.kind = "numbered_heading"
        if u.kind == "item":
            listed.add(u.extra["text"].strip().lower())
        elif u.kind in ("caption", "para") and len(u.lines) == 1 and not source_tail(u.text):
            t = u.text.strip()
            if t.lower() in listed and len(t) <= 90:
                u.kind = "heading"  # a contents list's entry, now the section it named
            elif u.kind == "caption" and i + 1 < len(out) and out[i + 1].kind == "item" \
                    and len(t.split()) <= 4:
                u.kind = "para"  # what a list is ("Table of contents", "Key points"): a
                #                  lead-in of a few words, not an image's caption
    last = next((u for u in reversed(out) if u.kind != "cta"), None)
    if last is not None and last.kind == "heading" and len(last.lines) == 1 and \
            last.text.strip().replace("-", "").isalpha():
        last.kind = "para"  # (one word over nothing is no title: a letter's sign-off,
        #                     "Marina"; "Mood Music" over a lost embed is one)
    return out
