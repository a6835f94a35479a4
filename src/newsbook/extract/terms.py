"""Han-script terms (and kana / hangul runs) with a nearby gloss, tagged by language.

Gloss rules, first that applies:
1. ``百镜大战 (Hundred Lens War)``: a short Latin-script phrase in brackets right after;
2. ``Hundred Lens War (百镜大战)``: the term alone in brackets after a quoted phrase or a
   run of capitalised words;
3. ``Hangzhou 杭州``: the words right before are the term's own pinyin (tone marks ignored);
4. ``“lie flat” 躺平``: a quoted phrase right before;
5. ``jiban 地盤``: a Japanese romanisation right before, in a Japanese context;
6. ``Jin county 金县``: up to three capitalised words right before, starting at a clean
   border (not after a number or another capitalised word).
Otherwise the gloss is "". Only Chinese terms get pinyin.
"""
from __future__ import annotations

import atexit
import json
import os
import re
import unicodedata
from dataclasses import dataclass

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3007"
KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
RUN_RE = re.compile(rf"(?:[A-Z]{{1,4}}(?=[{HAN}]))?[{HAN}{KANA}]+(?:[A-Za-z]+[{HAN}{KANA}]+)*(?:\d+(?![\d{HAN}{KANA}]))?"
                    rf"|[{HANGUL}]+(?: [{HANGUL}]+)*")
KANA_RE = re.compile(f"[{KANA}]")
HANGUL_RE = re.compile(f"[{HANGUL}]")
CJK_RE = re.compile(f"[{HAN}{KANA}{HANGUL}]")
_OPEN, _CLOSE = "([（［", ")]）］"
_Q = "\"“”‘’'"
_AFTER_RE = re.compile(rf"\s?[{re.escape(_OPEN)}]\s*[{_Q}]?(?P<g>[^{re.escape(_OPEN + _CLOSE)}"
                       rf"{_Q}{HAN}{KANA}{HANGUL};]{{1,80}}?)[{_Q}]?\s*[{re.escape(_CLOSE)}]")
#: ``港湾局 (こうわんきょく, Ports and Harbours Bureau)``: a kana/hangul reading, then the gloss
_READING_AFTER_RE = re.compile(rf"\s?[{re.escape(_OPEN)}]\s*[{KANA}{HANGUL}\s]+[,，、]\s*"
                               rf"(?P<g>[^{re.escape(_OPEN + _CLOSE)}{_Q}{HAN}{KANA}{HANGUL};]"
                               rf"{{1,80}}?)\s*[{re.escape(_CLOSE)}]")
_QUOTED_BEFORE = re.compile(r"(?:“(?P<a>[^“”]{1,120})”|‘(?P<b>[^‘’]{1,120})’|\"(?P<c>[^\"]{1,120})\")"
                            r"\s?$")
_OPEN_QUOTE_BEFORE = re.compile(r"[“‘\"](?P<g>[^“”‘’\"]{1,80}?)\s?$")
_UNIT_CHARS = "万亿千百元美日韩"
_BRACKET_BEFORE = re.compile(rf"[{re.escape(_OPEN)}]\s*[{_Q}]?$")
_CLOSE_AFTER = re.compile(rf"[{_Q}]?\s*[{re.escape(_CLOSE)}]")
_TOKEN = re.compile(r"^(?:[A-Z][\w&.’'\-]*[\w.]|[A-Z])$")
CONNECT = frozenset("of the and & for de du la von van in an a on".split())
#: capitalised only because they start a sentence: never part of a gloss's start
CAP_STOP = frozenset("""The A An In On At This That These Those It He She We They I But And As For
By From With If When While So Or Of To His Her Its Their Our My Your Then There Here After
Before Since During Under Over Now Today Some Many Most All Every Each Both""".split())
PLACE = frozenset("county province city district village town township prefecture".split())
_HEPBURN = re.compile(r"^(?:(?:sh|ch|ts|[kgsztdnhbpmrfjwy]y?)?[aiueoāīūēō]|n(?![aiueoy])|"
                      r"[kstpc](?=[kstpc]))+$")
#: what Hepburn romaji spells and pinyin never does
_HEPBURN_ONLY = re.compile(r"tsu|([kstp])\1|[kgrnhmbp]y[aou]")
NOT_ROMAJI = frozenset("""make made take same home time some name nine none more here were come came
gone done side wide ride hide tone zone bone note mine fine line sake safe wake base case game
kite bike hike joke poke rope hope wire fire hire tire sure pure cure role hole pole mole sole
before entire became become behave""".split())
_BAD_GLOSS = re.compile(r"^(?:source|see|e\.g|i\.e|archive|via|cf|note|and|or)\b|^[\d\W]+$", re.I)


@dataclass(frozen=True)
class RawTerm:
    start_off: int
    end_off: int
    term: str
    gloss: str
    gloss_start: int
    gloss_end: int
    lang: str
    pinyin: str


def _plain(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if "a" <= c <= "z")


# ------------------------------------------------------------------ readings (pypinyin)
# pypinyin loads its 2.5 MB phrase dictionary on import (~0.3 s, most of a conversion of
# the bundled copy). It is imported only when a reading is not in the on-disk cache: one
# JSON file per installed pypinyin (keyed on its dictionary files' sizes and mtimes) in
# $NEWSBOOK_CACHE_DIR, else $XDG_CACHE_HOME/newsbook, else ~/.cache/newsbook. A reading is
# a pure function of the term and the pypinyin files, so a cached one is the same reading.
_READINGS: dict[str, dict[str, str]] | None = None
#: readings files kept (one per pypinyin install seen)
KEEP_READINGS = 3
_NEW_READINGS = False


def _readings_file() -> str | None:
    from importlib.util import find_spec
    try:
        spec = find_spec("pypinyin")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    pkg = os.path.dirname(spec.origin)
    stamp = []
    for name in ("__init__.py", "phrases_dict.json", "pinyin_dict.json", "phrases_dict.py",
                 "pinyin_dict.py"):
        try:
            st = os.stat(os.path.join(pkg, name))
        except OSError:
            continue
        stamp.append(f"{st.st_size:x}{st.st_mtime_ns:x}")
    from ..cachedir import cache_dir
    return os.path.join(cache_dir(), f"pinyin-{'-'.join(stamp)[:60]}.json")


def _save_readings() -> None:
    path = _readings_file() if _NEW_READINGS else None
    if not path or _READINGS is None:
        return
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(_READINGS, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        return
    # (each new install of pypinyin, as every fresh clone's .venv is, starts a file of its
    # own: keep the newest few, as the other caches do)
    from pathlib import Path

    from ..cachedir import keep_newest
    keep_newest(Path(path).parent, "pinyin-*.json", KEEP_READINGS)


def _reading(term: str, kind: str) -> str:
    """``kind`` "normal": toneless pinyin run together, ü kept; "tone": syllables with
    tone marks, space-separated. Cached across runs (see above)."""
    global _READINGS, _NEW_READINGS
    if _READINGS is None:
        _READINGS = {"normal": {}, "tone": {}}
        path = _readings_file()
        try:
            with open(path, encoding="utf-8") as fh:  # type: ignore[arg-type]
                data = json.load(fh)
            if isinstance(data, dict):
                for k in _READINGS:
                    _READINGS[k].update(data.get(k) or {})
        except (OSError, TypeError, ValueError):
            pass
        atexit.register(_save_readings)
    hit = _READINGS[kind].get(term)
    if hit is None:
        from pypinyin import Style, lazy_pinyin
        if kind == "normal":
            hit = "".join(lazy_pinyin(term, style=Style.NORMAL, v_to_u=True))
        else:
            hit = " ".join(lazy_pinyin(term, style=Style.TONE))
        _READINGS[kind][term] = hit
        _NEW_READINGS = True
    return hit


def romanised(text: str) -> str:
    """``text`` with its Han characters as pinyin syllables, space-separated ("东亚科技周报"
    -> "dōng yà kē jì zhōu bào"; a slug drops the tone marks), the rest as it is: a file
    name for a title written in Chinese, which an ASCII slug would reduce to nothing."""
    return _reading(text, "tone")


def _toneless(term: str) -> str:
    return _plain(_reading(term, "normal"))


def _words_before(text: str, end: int, n: int = 6) -> list[tuple[int, int, str]]:
    """Up to ``n`` space-separated tokens ending at ``end`` (exclusive), nearest last."""
    out = []
    pos = end
    while len(out) < n:
        if pos == 0 or text[pos - 1] != " ":
            break
        e = pos - 1
        st = e
        while st > 0 and not text[st - 1].isspace():
            st -= 1
        if st == e:
            break
        out.insert(0, (st, e, text[st:e]))
        pos = st
    return out


def _name_token(w: str) -> bool:
    """A capitalised word of a name or title (not "Xi-endorsed", not "Work’")."""
    return bool(_TOKEN.match(w)) and not re.search(r"-[a-z]", w)


def _cap_run(text: str, end: int, limit: int, need_border: bool) -> tuple[int, str] | None:
    """The run of capitalised words (connectors inside, place words last) ending at ``end``;
    None unless it starts at a clean border: after a lowercase word, punctuation, an opening
    quote or bracket, or the start of the text. A run whose connectors follow two or more
    capitalised words ("Liang Chunxiao of the Pangoal Institute") is ambiguous: None."""
    toks = _words_before(text, end, limit + 4)
    run: list[tuple[int, int, str]] = []
    border = len(toks) == 0
    for i in range(len(toks) - 1, -1, -1):
        s, e, w = toks[i]
        if w[:1] in "“‘\"(" and _name_token(w[1:]):
            run.insert(0, (s + 1, e, w[1:]))
            border = True
            break
        if _name_token(w) or (run and w in CONNECT) or (not run and w in PLACE):
            run.insert(0, toks[i])
            if i == 0:
                border = s == 0 or text[:s].rstrip()[-1:] in ",;:(“‘\"—–.!?"
            continue
        border = bool(re.match(r"[a-z]", w)) or w[-1:] in ",;:(“‘\"—–" or \
            bool(re.search(r"-[a-z]", w))
        break
    while run and (run[0][2] in CONNECT or run[0][2] in PLACE):
        run.pop(0)
    while run and run[0][2] in CAP_STOP:
        run.pop(0)
        border = True
    while len(run) > 1 and re.search(r"[’']s$", run[0][2]):
        run.pop(0)                            # "China’s Hundred Lens War" -> the name only
        border = True
    if not run or len(run) > limit or not _name_token(run[0][2]):
        return None
    if run[-1][2] in PLACE and len(run) < 2:
        return None
    words = [w for _, _, w in run]
    first_conn = next((k for k, w in enumerate(words) if w in CONNECT), None)
    if first_conn is not None and first_conn > 1:
        return None
    if need_border and not border:
        return None
    return run[0][0], text[run[0][0]:run[-1][1]]


def _gloss(text: str, s: int, e: int, term: str, japanese_ctx: bool) -> tuple[str, int, int]:
    m = _AFTER_RE.match(text, e)
    if not (m and _ok(m.group("g"))):
        m = _READING_AFTER_RE.match(text, e)
    if m and _ok(m.group("g")) and _is_pinyin_of(m.group("g"), term):
        m = None  # ("“chokepoint technologies” 卡脖子技术 (qiǎ bózi jìshù)": the bracket is
        #           the term's reading, its meaning the quoted words before it)
    if m and _ok(m.group("g")):
        g = m.group("g").strip()
        gs = text.index(g, m.start("g"))
        return g, gs, gs + len(g)
    # 2. term alone in brackets after the English
    lo = max(0, s - 4)
    b = _BRACKET_BEFORE.search(text[lo:s])
    if b and (_CLOSE_AFTER.match(text, e) or _READING_CLOSE.match(text, e)):
        # (and "“dual circulation” (双循环, shuāng xúnhuán)": its reading after a comma)
        head_end = lo + b.start()
        base = max(0, head_end - 160)
        head = text[base:head_end]
        q = _QUOTED_BEFORE.search(head) or _OPEN_QUOTE_BEFORE.search(head)
        if q:
            g = next(x for x in q.groups() if x)
            if _ok(g, 12):
                gs = base + q.start(next(k for k, x in q.groupdict().items() if x))
                return g.strip(), gs, gs + len(g.strip())
        run = _cap_run(text, head_end, 6, False) if text[head_end - 1:head_end] == " " else None
        if run:
            return run[1], run[0], run[0] + len(run[1])
        return "", s, e
    if not text[:s].endswith(" "):
        return "", s, e
    toks = _words_before(text, s, 4)
    # 3. the pinyin itself
    if CJK_RE.search(term) and not KANA_RE.search(term) and not HANGUL_RE.search(term):
        target = _toneless(term)
        for k in range(1, len(toks) + 1):
            part = toks[-k:]
            words = [w for _, _, w in part]
            last = re.sub(r"[’']s$", "", words[-1])
            if any(not re.fullmatch(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", w) for w in words[:-1] + [last]):
                break
            if _plain(" ".join(words[:-1] + [last])) == target:
                gs = part[0][0]
                ge = part[-1][0] + len(last)
                return text[gs:ge], gs, ge
    # 4. quoted phrase right before
    base = max(0, s - 161)
    q = _QUOTED_BEFORE.search(text[base:s - 1] + " ") if s >= 2 and text[s - 2] in "”’\"" else None
    if q:
        g = next(x for x in q.groups() if x)
        if _ok(g):
            gs = base + q.start(next(k for k, x in q.groupdict().items() if x))
            return g, gs, gs + len(g)
    # 5. Japanese romanisation
    if toks:
        w = toks[-1][2]
        if japanese_ctx and len(w) >= 4 and w.lower() not in NOT_ROMAJI and \
                _HEPBURN.match(_romaji(w)) or re.search(r"[āīūēō]", w) and \
                re.fullmatch(r"[^\W\d_]+", w):
            return w, toks[-1][0], toks[-1][1]
    # 6. capitalised words at a clean border
    run = _cap_run(text, s, 3, True)
    if run:
        return run[1], run[0], run[0] + len(run[1])
    return "", s, e


#: the rest of a bracket after the term: its reading, "(双循环, shuāng xúnhuán)"
_READING_CLOSE = re.compile(r"\s?[,，]\s*[^\W\d_][^()（）\[\]{}]{0,60}?[)）]")


def _is_pinyin_of(g: str, term: str) -> bool:
    """Whether ``g`` is the Chinese term's own pinyin (tone marks and spacing aside)."""
    if KANA_RE.search(term) or HANGUL_RE.search(term):
        return False
    return _plain(g) == _toneless(term)


def _romaji(w: str) -> str:
    return w.lower().replace("ō", "o").replace("ū", "u").replace("ā", "a").replace("ī", "i") \
        .replace("ē", "e") if re.fullmatch(r"[A-Za-zāīūēōĀĪŪĒŌ]+", w) else "-"


def _ok(g: str, words: int = 8) -> bool:
    g = g.strip()
    return bool(g) and bool(re.search(r"[A-Za-z]", g)) and not _BAD_GLOSS.search(g) \
        and len(g.split()) <= words and not CJK_RE.search(g)


#: kanji only Japanese writes (its own simplified forms and its own characters): a term
#: holding one is Japanese, never read in pinyin ("経済産業省" is no Chinese word)
_JA_ONLY = frozenset("済経広沢浜桜県駅円売読辺図団関働変戦栄単総実仏気楽薬鉄転検険験対発様拡峠込畑枠匂")


def _lang(term: str, gloss: str, block_kana: bool, japan_article: bool) -> str:
    if HANGUL_RE.search(term):
        return "ko"
    if KANA_RE.search(term) or block_kana or any(c in _JA_ONLY for c in term):
        return "ja"
    if gloss and _plain(gloss) == _toneless(term):
        return "zh"  # the gloss is the term's pinyin ("花椒 (huājiāo)"), macrons and all
    if gloss and (re.search(r"[āīūēō]", gloss) or _HEPBURN_ONLY.search(gloss.lower())) \
            and all(_HEPBURN.match(_romaji(w)) for w in gloss.split()):
        return "ja"  # romaji: "Tōkyō", "katsuobushi" (no pinyin has "tsu" or "kk")
    if japan_article:
        return "ja"  # (in a paragraph or an article about Japan, glossed in romaji, in
        #              English or not at all: no pinyin for it; its own pinyin said zh above)
    return "zh"


def find_terms(text: str, japan_article: bool = False) -> list[RawTerm]:
    """Every CJK run of ``text`` (two characters or more, or one with a gloss)."""
    out: list[RawTerm] = []
    if not CJK_RE.search(text):
        return out
    block_kana = bool(KANA_RE.search(text))
    readings: list[tuple[int, int]] = []  # bracketed readings of a term: not terms themselves
    for m in RUN_RE.finditer(text):
        term = m.group()
        if any(a <= m.start() < b for a, b in readings):
            continue
        r = _READING_AFTER_RE.match(text, m.end())
        if r:
            readings.append((r.start(), r.start("g")))
        if m.start() > 0 and text[m.start() - 1].isdigit() and term[0] in _UNIT_CHARS:
            continue                          # "800亿元": the unit of a number, not a term
        n = len(CJK_RE.findall(term))
        if HANGUL_RE.search(term):
            gloss, gs, ge = _gloss(text, m.start(), m.end(), term, False)
        else:
            gloss, gs, ge = _gloss(text, m.start(), m.end(), term, block_kana or japan_article)
        if n < 2 and not gloss:
            continue
        lang = _lang(term, gloss, block_kana, japan_article)
        pinyin = _reading(term, "tone") if lang == "zh" else ""
        out.append(RawTerm(m.start(), m.end(), term, gloss, gs, ge, lang, pinyin))
    return out
