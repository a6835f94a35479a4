"""Text helpers shared by the extractors: sentences, verbatim quotes, chart labels."""
from __future__ import annotations

import re

#: longest quote kept around a phrase (a verbatim window of the sentence)
QUOTE_MAX = 240
LABEL_MAX = 80

ABBREV = frozenset("""mr mrs ms dr prof st no vs e.g i.e etc jr sr inc co ltd corp gen sen rep
gov lt col capt sgt fig approx est dept univ ave mt ft vol pp p u.s u.k u.n e.u a.m p.m
mio mrd bzw ca nr usw vgl evtl ed eds trans art abs ziff bspw ggf inkl zzgl hrsg jh mwst
mme mlle env cf pub stat rev cir ct supp app fed reg sec al ok fot np tzw wg tys ref cllr
rd tel""".split())
# ("et al.", and Polish "ok." (about), "Fot." (photo), "np." (e.g.), "tys." (thousand))
#: months after a day's ordinal point ("am 3. März 2024", "op 1. mei"): no sentence ends
ORDINAL_MONTHS = frozenset("""januar februar märz april mai juni juli august september oktober
november dezember jänner januari februari maart mei augustus""".split())
_NEXT = re.compile(r"\s+(\w+)")
#: a month written short, as American news does ("Jan. 15", "Sept. 2023")
MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

#: a sentence's end: its marks and closing quotes, then space and a capital (accented too:
#: "Él", "Über"), a digit, an opening quote ("«", "„", "¿" in the other languages) or the end
_END = re.compile(r"[.!?。！？]+[\"'”’»)\]]*(?=\0*(?:\s+[\"'“‘«„¿¡(\[A-Z0-9À-ÖØ-Þ\u3000-\u9fff]"
                  r"|\s*$))"
                  # (Chinese and Japanese end a sentence with no space after it: "…开业。2019年…")
                  # (but a quotation's "。」" before "と" goes on: "「行こう。」と彼は言った。")
                  r"|[。！？]+[」』”’）)\]]*(?![」』”’）)\]])(?=\0*[^\sとっ])")


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words``: the cheap test before a costly one, asked
    of every paragraph (a loop, not ``any()`` over a generator, which costs more per call)."""
    for w in words:
        if w in text:
            return True
    return False


def windows(text: str, pat: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans around every match of ``pat``, widened to whitespace borders, so that
    slow patterns only run where they can match."""
    out: list[list[int]] = []
    n = len(text)
    for m in pat.finditer(text):
        a, b = max(0, m.start() - before), min(n, m.end() + after)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def prev_word(text: str, end: int) -> tuple[int, str]:
    """The whitespace-delimited word before ``end`` (skipping spaces) and its start."""
    e = end
    while e > 0 and text[e - 1].isspace():
        e -= 1
    s = e
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    return s, text[s:e]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` of ``text`` (newlines always end a sentence). In a
    masked text (footnote markers' digits as NULs) a marker after a sentence's full stop
    ("… in 2025.1 Whitfield") belongs to neither sentence."""
    spans: list[tuple[int, int]] = []
    base = 0
    for line in text.split("\n"):
        start = 0
        for m in _END.finditer(line):
            if line[m.start()] == "." and m.end() - m.start() == 1:
                at, word = prev_word(line, m.start())
                word = word.lower().lstrip("(“\"'‘")
                if word == "r" and prev_word(line, at)[1][-4:].isdigit():
                    pass  # (Polish "w 2024 r." is "in 2024", and may end its sentence)
                elif word == "no" and not line[m.end():m.end() + 8].lstrip()[:1].isdigit():
                    pass  # ("No. 5" is a number's; "La respuesta corta es no. En …" ends)
                elif word in ABBREV or (len(word) == 1 and word.isalpha()) or re.fullmatch(
                        r"(?:[a-z]\.)+[a-z]", word):
                    continue
                if word.isdigit() and len(word) <= 2 and (nxt := _NEXT.match(line, m.end())) \
                        and nxt.group(1).lower() in ORDINAL_MONTHS:
                    continue  # ("am 3. März": a day, not a sentence's end)
                if word in MONTH_ABBR and (nxt := _NEXT.match(line, m.end())) \
                        and nxt.group(1)[0].isdigit():
                    continue  # ("Thursday, Jan. 15, at 7 p.m.": a day, not a sentence's end)
            spans.append((base + start, base + m.end()))
            start = m.end()
        if start < len(line):
            spans.append((base + start, base + len(line)))
        base += len(line) + 1
    out = []
    for s, e in spans:
        while s < e and (text[s].isspace() or text[s] == "\0"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentence_at(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``[start, end)``; several joined if the phrase crosses a border."""
    first = next((s for s in spans if s[1] > start), None)
    last = next((s for s in reversed(spans) if s[0] < end), None)
    if first is None or last is None:
        return start, end
    return min(first[0], start), max(last[1], end)


def quote_for(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence around ``[start, end)``, cut to <= QUOTE_MAX chars at word borders
    around the phrase; always a verbatim substring of ``text``."""
    s, e = sentence_at(spans, start, end)
    if e - s > QUOTE_MAX:
        room = max(QUOTE_MAX - (end - start), 0)
        left = max(s, start - room // 2)
        right = min(e, end + (room - (start - left)))
        left = max(s, start - (room - (right - end)))
        if left > s and not text[left - 1].isspace():  # (a word cut in two: start after it;
            sp = text.find(" ", left, start)           # one whole at the window's edge stays)
            left = sp + 1 if sp != -1 else start
        if right < e and not text[right].isspace():
            sp = text.rfind(" ", end, right)
            right = sp if sp != -1 else end
        s, e = left, right
    return text[s:e].strip()


def label_of(quote: str, focus: str = "") -> str:
    """A chart label: the quote, cut at a word border to <= LABEL_MAX chars with '…'. When
    ``focus`` (the date phrase the label is for) stands past the cut, the label is the part
    of the quote around it ("… the 6–0 on Saturday 14 September"), never a start that
    names another event."""
    q = " ".join(quote.split())
    if len(q) <= LABEL_MAX:
        return q
    at = q.find(" ".join(focus.split())) if focus else -1
    if at < 0 or at + len(focus) <= LABEL_MAX - 1:
        return _head(q)
    start = q.find(" ", max(0, at - LABEL_MAX // 2)) + 1
    start = min(start, at) if start > 0 else at
    rest = q[start:]
    if len(rest) + 1 <= LABEL_MAX:
        return "…" + rest
    return "…" + _head(rest, LABEL_MAX - 1)


def _head(q: str, most: int = LABEL_MAX) -> str:
    """``q`` cut at a word border to at most ``most`` characters, with '…'."""
    cut = q.rfind(" ", 0, most)
    cut = cut if cut > most // 2 else most - 1
    return q[:cut].rstrip(" ,;:—–-") + "…"
