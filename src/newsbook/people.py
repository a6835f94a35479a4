"""The people-and-organisations page's data: who is named, where, and as what.

Pure: articles (and the curated people, if any) in, entries out; no MyST here
(:mod:`newsbook.writers.people_page` renders them).

- **Names.** The curated ``data/curation/people.yml`` entries when the book has any
  (their exact aliases, ``whole_word`` and ``chapters`` rules, longest alias claiming
  text first; the chapters' index entries are the same mentions). An uncurated book lists the
  names :func:`newsbook.connections.names_in` finds that occur in at least two
  articles: runs of capitalised words of two or more words (a single word only when
  three or more articles name it), and Han-script names the text pairs with a
  capitalised name ("Bo Yibo (薄一波)", "港湾局 (…, Ports and Harbours Bureau)").
- **Mentions.** Every addressable block (paragraph, caption, list) naming the entry,
  by chapter, in reading order; each links to its anchor (:func:`newsbook.model.anchor_id`).
- **Roles.** Only where the text says it next to the name, and only verbatim: an
  appositive ("Wang Lijun, Chongqing's police chief,") or a title before the name
  ("Chongqing police chief Wang Lijun"), ending in a known role noun. Anything else
  gets no role.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .connections import several_names
from .extract import language
from .extract.lookup import Finder
from .model import Article
from .reference import Person, PeopleLookup, block_lines, people_lookup

#: nouns that end a role ("police chief", "party secretary", "a data editor")
ROLE_NOUNS = frozenset("""
adviser advisor aide ambassador analyst anchor architect author boss cadre ceo cfo chair
chairman chairwoman chairperson chancellor chief clerk co-founder colonel columnist commander
commentator commissioner consul coo correspondent cto dean delegate deputy diplomat director
economist editor emperor engineer envoy executive expert fellow founder general governor head
historian host investor journalist judge lawmaker lawyer leader lecturer legislator
manager marshal mayor member minister negotiator novelist officer organiser organizer
owner partner physicist politician premier president presenter principal producer professor
prosecutor publisher rapper regulator reporter representative researcher scholar scientist
secretary senator singer sociologist son daughter wife husband father mother brother sister
speaker spokesman spokeswoman spokesperson strategist student teacher treasurer trustee
vice-chair vice-chairman vice-president vice-premier writer
biologist ecologist oceanographer chemist geologist epidemiologist physician doctor nurse
surgeon coach captain fisher farmer curator archivist librarian
programmer translator transcriber photographer filmmaker investigator anthropologist
archaeologist psychologist linguist philosopher astronomer mathematician statistician
meteorologist climatologist activist campaigner entrepreneur banker consultant chef poet
artist composer musician actor actress pastor priest bishop imam rabbi striker midfielder
goalkeeper defender player referee councilmember councillor councilor gp registrar
cardiologist coordinator editor-in-chief oncologist paediatrician pediatrician psychiatrist
pharmacist midwife dentist veterinarian clinician virologist immunologist
""".split())

#: words that belong to the sentence, never to a role
_NOT_ROLE = frozenset("""a an the and or but of to in on at by for from with as that which who
whom whose said says told tells was were is are be been had has have when while after before
because if than then this these those it its he she they his her their our we i you not also
even just only met meet called named like about against between into over under during since
until via per whether so yet both either neither where there here how why what whether""".split())
#: lowercase words that may stand in a title before a name ("former Chongqing police chief")
_MODIFIERS = frozenset("""former then late acting deputy vice current senior top chief party police
state foreign prime general commerce coalition founding longtime veteran fellow retired disgraced
executive managing assistant associate lead co erstwhile incoming outgoing exiled jailed
tech defence defense finance trade security""".split())
#: sentence adverbs that open a sentence, capitalised, before a title
_SENTENCE_WORDS = frozenset("""later now today yesterday meanwhile soon recently eventually
finally earlier once still instead indeed""".split())
_DETERMINERS = frozenset("the a an his her their its".split())
#: what joins a role to the place it is held at: "economist at Carrow University"
_WHERE = frozenset("at for with of in".split())

_WORD = r"[\w’'&-]+"
#: "Name, <role>," -- the appositive, up to eight words, closed by punctuation
_APPOSITIVE = re.compile(rf", ((?:{_WORD} ){{0,7}}{_WORD})(?=[,;:)—–]|\.(?:\s|$)|\s[—–])")
#: "Name is a data editor" / "Name was the former Chongqing police chief"
_COPULA = re.compile(rf" (?:is|was) (?:a|an|the|our|their|his|her|its"
                     # (and a possessive: "is The Tidy Ledger's equities writer")
                     rf"|(?:[Tt]he )?[A-Z][\w&-]*(?: [A-Z][\w&-]*){{0,3}}[’']s) "
                     rf"((?:{_WORD} ){{0,3}}{_WORD})")
_TOKEN = re.compile(_WORD)
_NEXT_WORD = re.compile(r"\s*(\S+)")

_ORG = re.compile(r"\b(?:Authority|Bureau|Ministry|Department|Agency|Office|Commission|Committee|"
                  r"Council|Party|Union|Association|Institute|University|College|School|Academy|"
                  r"Bank|Exchange|Company|Corporation|Corp|Inc|Ltd|Group|Holdings|Terminal|Port|Times|News|"
                  r"Post|Journal|Foundation|Fund|Court|Parliament|Congress|Senate|Assembly|"
                  r"Army|Navy|Force|Police|Club|Society|Center|Centre|Lab|Labs|Partners|"
                  r"League|United|Athletic|Rovers|Wanderers|FC|Capital|Ventures|Energy|Bio|"
                  r"Technologies|Systems|Media|Press|Studios|Research|Motors|Airlines|Pharma|"
                  r"Therapeutics|Hospital|Museum|Library|Network|Panel|Desk|Cooperative|"
                  # (running and rowing clubs: "Calder Striders", "Leeside Harriers", "Harlow AC")
                  r"Harriers|Striders|Runners|Joggers|Roadrunners|Triathletes|AC|RC|CC|RFC|RUFC|"
                  # (firms and registers: "Wharfedale Mortgage Co", "Land Registry")
                  r"Co|LLC|LLP|plc|PLC|GmbH|AG|SA|Registry|Registrar|Trust|Service|Services"
                  r"|Books|Editions|Publishing|Publishers|Prize|Awards?|Festival"
                  r"|Lettings|Estates|Agents|Brokers|Mortgages?|Insurance|Finance"
                  # (firms by their trade: "Osterby Mining", "Brackenridge Foods", "Ostvik
                  # Regional Transit", "Kerbside Analytics", "Arcos Pro Cycling")
                  r"|Mining|Foods?|Transit|Transport|Analytics|Logistics|Freight|Railways?"
                  r"|Airways|Shipping|Steel|Chemicals|Materials|Semiconductors?|Electronics"
                  r"|Software|Solutions|Consulting|Advisors|Advisers|Management|Investments"
                  r"|Securities|Markets|Retail|Stores|Brewery|Brewing|Distillery|Farms|Dairy"
                  r"|Cycling|Racing|Team|Orchestra|Theatre|Theater|Choir|Band|Podcast|Radio"
                  r"|Hour|Show|Magazine|Review|Gazette|Herald|Tribune|Daily|Weekly|Monthly"
                  r"|Foundry|Foundries|Micro|Semi|Semiconductor|Devices|Instruments|Industries"
                  r"|Manufacturing|Works|Engineering|Aerospace|Robotics|Automotive"
                  # (parties by their members: "Liberal Democrats", "Scottish Greens")
                  r"|Democrats|Republicans|Conservatives|Liberals|Socialists|Greens|Unionists"
                  r"|Nationalists|Nationals|Tories"
                  # (and firms of data and coffee: "Pitchline Data", "Driftwood Coffee
                  # Roasters", a sponsor the people page called a person)
                  r"|Data|Coffee|Roasters|Bakery|Kitchen|Cafe|Café|Gear|Outdoors|Apparel"
                  r"|Labs|Health|Insights|Intelligence|Platform|Cloud|Pay|Payments|Bikes)\b|"
                  r"^[A-Z0-9&]{2,}$|[局部会院厅社司行所]$")
_HAN = re.compile(r"[\u3400-\u9fff]{2,}")
#: a Han-script run glossed by a capitalised name ("港湾局 (こうわんきょく, Ports and Harbours
#: Bureau)") or glossing one ("Bo Yibo (薄一波)")
_HAN_GLOSSED = re.compile(r"([\u3400-\u9fff]{2,}) \((?:[^()]*, )?([A-Z][\w’'-]+(?: (?:of |and |the |for )?"
                          r"[A-Z][\w’'-]+)+)\)")
_HAN_GLOSSING = re.compile(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+ \(([\u3400-\u9fff]{2,})\)")
_POSSESSIVE = re.compile(r"(?<=\w)[’']s\b")


@dataclass(frozen=True)
class ChapterMentions:
    """Where one chapter names an entry: its blocks' anchors, in reading order."""

    stem: str
    title: str
    anchors: tuple[str, ...]


@dataclass(frozen=True)
class PeopleEntry:
    """One headword of the page. ``kind``: person | organisation | "" (not known);
    ``role``: verbatim words of the text, or ""."""

    name: str
    kind: str
    role: str
    chapters: tuple[ChapterMentions, ...]

    @property
    def mentions(self) -> int:
        return sum(len(c.anchors) for c in self.chapters)


def people_entries(pages: list[tuple[Article, str]], people: list[Person],
                   found_already: dict | None = None, cache=None,
                   keys: list[str] | None = None) -> list[PeopleEntry]:
    """Every named person and organisation with a role (if the text gives one) and every
    block that names them, sorted for the page (see :func:`sort_key`). ``people``: the
    curated ones, or the names an uncurated book's articles share
    (:meth:`SharedNames.kept`); ``found_already``: each chapter's :func:`mentions` of
    these ``people``, when the caller has them. ``cache`` and ``keys`` (each article's
    key, :class:`newsbook.artcache.ArticleCache`): each chapter's mentions are kept
    between runs under its key and these ``people``."""
    people = [p for p in people if p.aliases]
    if not people:
        return []
    lookup = people_lookup(people)  # longest alias first; one pass per block finds who
    found: dict[str, dict[str, list[str]]] = {p.name: {} for p in people}
    roles: dict[str, list[str]] = {p.name: [] for p in people}
    if found_already is not None:
        per_page = [found_already[stem] for _, stem in pages]
    else:
        from .fanout import fan_out

        def found_in(i: int):
            return mentions(pages[i][1], block_lines(*pages[i]), lookup)
        if cache is not None and keys is not None:
            from .artcache import digest
            who = digest(people)

            def kept(i: int):  # (found_in, or its result kept from the last run)
                key = cache.key(b"people " + keys[i].encode(), context=who)
                return cache.remember(key, lambda: found_in(i))
        per_page = fan_out(kept if cache is not None and keys is not None else found_in,
                           [a.end_line - a.line for a, _ in pages])
    for (_, stem), (hits, said) in zip(pages, per_page):
        here: dict[str, list[str]] = {}  # (one page's anchors per name, then one store each)
        for name, anchor in hits:
            got = here.get(name)
            if got is None:
                here[name] = [anchor]
            else:
                got.append(anchor)
        for name, anchors in here.items():
            found[name][stem] = anchors
        for name, role in said:
            roles[name].append(role)
    titles = {stem: a.title for a, stem in pages}
    out = []
    for p in people:
        where = found[p.name]
        if not where:
            continue
        # (``where`` holds its chapters in page order: going through every page for
        # every name was names x pages work, 0.9 s of a 30 MB copy)
        chapters = tuple(ChapterMentions(stem, titles[stem], tuple(anchors))
                         for stem, anchors in where.items())
        out.append(PeopleEntry(p.name, p.kind, best_role(roles[p.name]), chapters))
    return sorted(out, key=lambda e: sort_key(e.name))


def mentions(stem: str, blocks: list[tuple[str, str, int]], lookup: PeopleLookup
             ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """One chapter's (name, anchor) mentions and (name, role) roles, in reading order; in
    each block the longest aliases claim their text first."""
    hits: list[tuple[str, str]] = []
    said: list[tuple[str, str]] = []
    for anchor, text, _line in blocks:
        named, occ = lookup.named_at(text)
        if not named:
            continue  # most blocks name nobody
        claimed = bytearray(len(text))  # 1 where a longer alias already named someone
        for person in named:
            if person.chapters and stem not in person.chapters:
                continue
            hit = False
            for start, end in alias_spans(text, person, occ):
                if claimed.find(1, start, end) >= 0:
                    continue
                claimed[start:end] = b"\x01" * (end - start)
                hit = True
                role = role_at(text, start, end)
                if role:
                    said.append((person.name, role))
            if hit:
                hits.append((person.name, anchor))
    return hits, said


def _is_word_char(ch: str) -> bool:
    """Exactly the regex ``\\w`` (Python's re: alphanumeric, or the underscore)."""
    return ch.isalnum() or ch == "_"


def alias_spans(text: str, person: Person, occ: dict[str, list[int]] | None = None
                ) -> list[tuple[int, int]]:
    """The spans naming ``person`` in ``text``, left to right, not overlapping, the longest
    alias winning where several start at one place: what the alternation of its aliases
    (longest first; as whole words if ``whole_word``) finds. ``occ``: where each alias
    starts in ``text`` (:meth:`newsbook.extract.lookup.Finder.occurrences` of a finder
    holding them, made here when not given): callers scan a text once for every alias of
    the book, not with a regex or a ``str.find`` per person (an uncurated 3 MB copy spent
    8 s of 12 in such regexes; tests/test_fast_paths.py holds this to the regex)."""
    if occ is None:
        occ = Finder(person.aliases).occurrences(text)
    n = len(text)
    found = []
    for a in person.aliases:
        if not a:
            continue
        k = len(a)
        for at in occ.get(a, ()):
            end = at + k
            if not person.whole_word or (
                    (at == 0 or not _is_word_char(text[at - 1]))
                    and (end == n or not _is_word_char(text[end]))):
                found.append((at, -end))
    if len(person.aliases) > 1:
        found.sort()
    out, last = [], 0
    for at, neg_end in found:
        if at >= last:
            last = -neg_end
            out.append((at, last))
    return out


def role_at(text: str, start: int, end: int) -> str:
    """The role the text gives right beside the name at ``text[start:end]``, verbatim, or
    "": an appositive ("Wang Lijun, Chongqing's police chief,"), a copula ("Wang was the
    former Chongqing police chief and ..."), or a title before the name ("Chongqing police
    chief Wang Lijun", "Bo Xilai's wife, Gu Kailai"). Each must end in a role noun."""
    # (matched at ``end``, never on a copy of the rest: a copy per mention made this
    # quadratic in an article's length)
    m = _APPOSITIVE.match(text, end) if text.startswith(", ", end) else None
    if m:
        words = m.group(1).split()
        # ("an energy economist at Carrow University", "chief strategist at Kestrel Asset
        # Management": a role, then where, in capitals)
        at = next((i for i, w in enumerate(words) if w in _WHERE), len(words))
        where = words[at + 1:]
        if where and where[0] == "the":
            where = where[1:]
        if at < len(words) and not (where and all(w[:1].isupper() or w in ("of", "and", "&",
                                                                             "for", "de")
                                                  for w in where) and where[0][:1].isupper()):
            at = len(words)  # (no place named after it: the role, if any, runs to the end)
        role = words[:at]
        first_ok = role and (role[0] in _DETERMINERS or role[0] not in _NOT_ROLE)
        if (first_ok and _is_role_noun(role[-1])
                and not any(w.lower() in _NOT_ROLE - _DETERMINERS - {"of"} for w in role[1:])):
            return m.group(1)
    m = _COPULA.match(text, end) if text.startswith(" ", end) else None
    if m:
        words = m.group(1).split()
        for i, w in enumerate(words):
            if w.lower() in _NOT_ROLE:
                break
            if _is_role_noun(w):
                role = " ".join(words[:i + 1])
                at = m.start(1) + len(role)
                follow = _NEXT_WORD.match(text, at)
                if (at == len(text) or text[at] in ",.;:)—–"
                        or (follow and follow.group(1).lower() in _NOT_ROLE)):
                    return role  # "a data editor at …", "the … police chief and …"
                # else a noun used as an adjective ("the premier chip designer"): read on
    before = text[max(0, start - 160):start]  # (a title is six words at most)
    if not before.endswith(" "):
        return ""
    comma = before.endswith(", ")
    head = before[:-2 if comma else -1]
    if not _is_role_noun(head[head.rfind(" ") + 1:]):
        return ""  # (most mentions: the word before is no role noun, so no title is)
    words = []
    for w in reversed(head.split(" ")[-6:]):
        if not _TOKEN.fullmatch(w):
            break
        words.insert(0, w)
    if words:
        if _is_role_noun(words[-1]):
            keep: list[str] = []
            for w in reversed(words):
                if not (w[:1].isupper() or _is_role_noun(w) or w.lower() in _MODIFIERS):
                    break
                keep.insert(0, w)
            while keep and (keep[0].lower() in _NOT_ROLE | _SENTENCE_WORDS
                            or keep[0].endswith("ly") and len(keep) > 1):
                keep.pop(0)  # "As ChinaTalk analyst", "Later …": a capitalised sentence word
            if not keep:
                return ""
            solo = len(keep) == 1 and (keep[0].lower() in _SOLO_TITLES or keep[0][:1].islower())
            possessive = any(_possessive_place(w) for w in keep)
            if comma and not possessive:
                return ""  # "…, the president, Xi" is too loose; "Bo Xilai's wife, Gu" is not
            if len(keep) > 1 or solo:
                role = " ".join(keep)
                if before.endswith(role + (", " if comma else " ")):
                    return role
    return ""


#: one-word titles that may stand alone before a name ("President Xi Jinping")
_SOLO_TITLES = frozenset("president premier chairman general governor mayor minister senator "
                         "ambassador professor judge secretary founder ceo councilmember "
                         "councillor councilor captain coach".split())


def _is_role_noun(word: str) -> bool:
    return word.strip("’',").lower() in ROLE_NOUNS


def _possessive_place(word: str) -> bool:
    """"Chongqing's" / "Harbourline’s": a capitalised possessive opening a role."""
    return bool(re.fullmatch(r"[A-Z][\w-]*[’']s", word))


def best_role(roles: list[str]) -> str:
    """The role the text gives most often; on a tie, the first given."""
    if not roles:
        return ""
    return max(roles, key=lambda r: (roles.count(r), -roles.index(r)))


def reads_english(blocks: list[tuple[str, str, int]]) -> bool:
    """Whether an article's text is English (:func:`newsbook.extract.language.reads_english`
    of its first blocks). People are found by their names' capitals, which in German every
    noun has ("Der Senat", "Prozent"): another language's article names none."""
    return language.reads_english(t for _, t, _ in blocks[:40])


#: a day's name: "Boxing Day", "New Year's Eve", "Bonfire Night" (no one, nothing named)
_DAY_NAME = re.compile(r"\s(?:Day|Eve|Night)$")
#: a number's label or a street: "Case No", "Resolution No.", "Mill Street", "Birch St"
#: (not the readers' every street kind, prompts.STREET_KINDS: "Glenn Close", "Damon Hill"
#: and "Margaret Court" are people)
_NOT_A_NAME = re.compile(r"\s(?:No\.?|Nos\.?|Number|Street|St\.?|Avenue|Ave\.?|Road|Rd\.?"
                         r"|Lane|Ln\.?|Boulevard|Blvd\.?|Drive)$"
                         r"|^(?:Ordinance|Resolution|Route|Case|Bill|Item|Motion)$")


def candidates_of(names: dict[str, object], blocks: list[tuple[str, str, int]],
                  own: str = "") -> dict[str, str]:
    """One article's candidate names (name -> guessed kind), in the order found: the
    :func:`newsbook.connections.names_in` ``names`` of its ``blocks`` (possessives split
    off), then the Han-script names its text glosses. ``own``: the newsletter's name,
    which is no one the articles name ("Photo: The Harbour Ledger" made "Harbour Ledger"
    a person). Pure, so each article's are found where its facts are mined (every core)."""
    candidates: dict[str, str] = {}
    # (names are told by their capitals: in another language, only a run of two capitalised
    # words or more is one, "Mirela Ionescu"; in German every noun has a capital, and a
    # French or Spanish sentence opens with one as often as a name)
    english = reads_english(blocks)
    mine = {own, re.sub(r"^(?:The|A|An) ", "", own)} if own else set()
    for name in names:
        for part in (_POSSESSIVE.split(name) if "’" in name or "'" in name else (name,)):
            part = part.strip(" ’'-")
            if not part.isascii() and _HAN.fullmatch(part):
                continue  # a bare Han-script run is a term, not a name (see below)
            if part in mine or _DAY_NAME.search(part) or _NOT_A_NAME.search(part):
                continue  # (nor is a holiday, "Boxing Day", a number's label, "Case No",
                #           or a street, "Mill Street", "Main St")
            if not english and not several_names(part):
                continue
            if part not in candidates and (
                    len(part.split()) >= 2 or (len(part) >= 3 and part[:1].isupper())):
                kind = _guess_kind(part)
                if kind == "person" and _after_the(names.get(name), blocks):
                    kind = ""  # ("The Salt Roads", a novel: no one is "the Mara Vinter")
                candidates[part] = kind
    for _, text, _ in blocks:
        for m in _HAN_GLOSSED.finditer(text):
            candidates.setdefault(m.group(1), _guess_kind(m.group(2)))
        for m in _HAN_GLOSSING.finditer(text):
            candidates.setdefault(m.group(1), "person")
    return candidates


def _after_the(mention, blocks: list[tuple[str, str, int]]) -> bool:
    """Whether a name's first mention follows "the" (a title or a thing, no person)."""
    if not isinstance(mention, tuple) or len(mention) < 4 or mention[2] >= len(blocks):
        return False
    text, at = blocks[mention[2]][1], mention[3]
    return text[at:at + 4] in ("The ", "the ") or text[max(0, at - 4):at] in ("The ", "the ")


class SharedNames:
    """An uncurated book's candidate names (each article's :func:`candidates_of`, in the
    book's order) and the test of which of them an article names: the people page keeps
    those named by enough articles (:meth:`kept`). Split in two so the per-article
    half runs in a pass over the articles the caller makes anyway (the pages' render, on
    every core), not in a pass of its own."""

    def __init__(self, found: list[dict[str, str]]):
        candidates: dict[str, str] = {}  # name -> kind, in the book's order
        for one in found:
            for name, kind in one.items():
                candidates.setdefault(name, kind)
        self.people = [Person(name, kind, (name,), True) for name, kind in candidates.items()]
        # (longer names claim their words first; a tie in book order)
        longest_first = sorted(self.people, key=lambda p: -len(p.name))
        self.rank = {p.name: i for i, p in enumerate(longest_first)}
        self.finder = Finder(p.name for p in self.people)  # one pass per article
        self.by_name = {p.name: p for p in self.people}

    def named_in(self, blocks: list[tuple[str, str, int]]) -> list[str]:
        """The candidates one article (its :func:`block_lines`) names as whole words that a
        longer candidate has not claimed (pure: may run in a forked child)."""
        text = " ".join(t for _, t, _ in blocks)
        occ = self.finder.occurrences(text)  # (one scan for every candidate)
        claimed = bytearray(len(text))
        named_here = []
        for name in sorted(occ, key=self.rank.__getitem__):  # longer names claim first
            named = False
            for start, end in alias_spans(text, self.by_name[name], occ):
                if claimed.find(1, start, end) < 0:
                    claimed[start:end] = b"\x01" * (end - start)
                    named = True
            if named:
                named_here.append(name)
        return named_here

    def titled_in(self, blocks: list[tuple[str, str, int]], named_here: list[str],
                  speakers: frozenset[str] = frozenset()) -> list[str]:
        """Of the names one article names, the people it gives a title before their full
        name ("Dr. Lucía Ferreira", "Senator Ada Cole") and the people who speak in its
        interview (``speakers``, full names): such a name is a person's even if no other
        article names them (pure: may run in a forked child)."""
        wanted = [n for n in named_here
                  if " " in n and self.by_name[n].kind in ("person", "")]
        if not wanted:
            return []
        if speakers and (spoke := [n for n in wanted if n in speakers]):
            return spoke + [n for n in self.titled_in(blocks, [n for n in wanted
                                                                if n not in speakers])]
        text = " ".join(t for _, t, _ in blocks)
        after = [m.end() for m in _TITLE_BEFORE.finditer(text)]  # (where a title ends)
        return [n for n in wanted if any(text.startswith(n, at) for at in after)]

    def kept(self, per_article: list[tuple[list[str], list[str]]]) -> list[Person]:
        """The candidates named by two articles (a one-word name: three), and the people one
        article names with a title (:meth:`titled_in`), in book order. ``per_article``:
        each article's (:meth:`named_in`, :meth:`titled_in`)."""
        articles: dict[str, int] = {p.name: 0 for p in self.people}
        titled: set[str] = set()
        for named_here, titled_here in per_article:
            titled.update(titled_here)
            for name in named_here:
                articles[name] += 1
        keep = []
        for p in self.people:
            words = p.name.split()
            need = 2 if len(words) >= 2 or _HAN.fullmatch(p.name) else 3
            if articles[p.name] >= need or p.name in titled:
                keep.append(p)
        return keep


#: a person's title just before their name ("Dr. ", "Prof. ", "Senator ", "Judge ")
_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:Dr|Drs|Prof|Professor|Sen|Senator|Rep|Representative|Gov|Governor|Judge"
    r"|Justice|Gen|General|Col|Colonel|Capt|Captain|Lt|Sgt|Mr|Mrs|Ms|Mx|Sir|Dame|Rev"
    r"|Reverend|Mayor|Ambassador|Minister|Chancellor|President|Councillor|Councilor|Cllr"
    r"|Councilmember|Councilwoman|Councilman|Alderman|Alderwoman"
    r"|Commissioner|Sheriff|Bishop|Rabbi|Imam|Father|Sister)\.? (?=[A-ZÀ-ÖØ-Þ])")


#: a last word that makes a name a place ("Carver Falls", "Xinghai Square"): not a person
_PLACE_WORDS = frozenset("""falls river lake bay sea ocean strait island islands mountain
mountains mount hill hills valley square street road avenue bridge pier harbour harbor
port canal county province district city town village park station airport lane walk farm
field fields hall shop forge close green common row place gardens terrace court crescent
drive church chapel pub inn house cottage mill barn wood woods heath moor end way market
quay wharf dock estate corner cross gate yard centre center st ave rd blvd dr ln
arena stadium gym ground grounds track pitch rink pool velodrome
norte sul sur grande alto alta baixo bajo oeste leste verde""".split())
#: a first word that makes a name a place in Portuguese, Spanish or Italian ("Rio Grande",
#: "Mato Grosso", "São Paulo", "Puerto Montt", "Monte Carlo")
_PLACE_FIRST = frozenset("""rio río porto puerto são san santa santo monte sierra serra cabo
lago isla ilha vila villa ciudad cidade nova nuevo nueva mato campo baía bahía foz""".split())


_SCHOOLS = frozenset("Elementary Middle High Primary Secondary Kindergarten".split())
_LAWS = frozenset("Act Acts Code Treaty Directive Regulation Amendment Accord Circuit Bill Rule "
                  "Rules Convention Protocol Charter Doctrine Clause".split())


#: a word of a person's name, accents and all ("Tóra Lamhauge", "Zoë Ní Bhriain")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'-]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ][a-zß-öø-ÿ]+)?")


@functools.lru_cache(maxsize=65536)  # (a name recurs in article after article)
def _guess_kind(name: str) -> str:
    """organisation for institution words and acronyms; person for two or three plain
    capitalised words that do not end in a place word; "" (not known) otherwise --
    places are named, not classified."""
    if _ORG.search(name):
        return "organisation"
    words = name.split()
    if words and (words[-1].lower().rstrip(".") in _PLACE_WORDS
                  or len(words) >= 2 and words[0].lower() in _PLACE_FIRST):
        return ""
    if len(words) >= 2 and words[-1] in _SCHOOLS:
        return "organisation"  # ("Franklin Elementary", "Westview Middle": schools)
    if words and words[-1] in _LAWS:
        return ""  # (a law, a treaty or a court's circuit is no person: "Jobs Act")
    if 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words):
        return "person"
    return ""


def sort_key(name: str) -> tuple:
    """Latin names A-Z (diacritics folded, case ignored), then every other script."""
    group = letter(name)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return (group == OTHER, group, folded or name, name)


OTHER = "Other scripts"


def letter(name: str) -> str:
    """The page group of ``name``: its first letter A-Z (diacritics folded) or
    :data:`OTHER` (Han, kana, hangul, Cyrillic, digits... never one group per character)."""
    first = unicodedata.normalize("NFKD", name[:1]).encode("ascii", "ignore").decode()[:1]
    return first.upper() if re.fullmatch(r"[A-Za-z]", first or "") else OTHER
