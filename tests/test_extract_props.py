"""Property tests for the extractor (hypothesis, bounded and derandomized): it never raises,
every quote is verbatim in its block, every phrase is verbatim in its quote, and every
value parses back from the quantity's own text."""
from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbook.extract import extract_text, parse_quantity_text

BOUNDED = settings(max_examples=150, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

REAL = [
    "Funds fell from 88.42 billion USD in 2022 to 5.38 billion in 2024.",
    "China’s Hundred Lens War (百镜大战) is a live experiment.",
    "Bo and his brothers were detained for 5 years from 1967-1972.",
    "The Kyrgyz government caps work permits for foreigners at about 15,000, and 75% go to China.",
    "A mirror-site account is only 65 RMB (9 USD) per month.",
    "Three protests broke out between December 2018 and January 2019.",
    "Tobias first appeared on ChinaTalk in 2022 to discuss his biography of Shinzo Abe.",
    "Sanseitō 参政党 is the new far-right party.",
    "DeepSeek engineers say the Ascend 910C can achieve up to 60% of the H100.",
    "It happened at 07:32 on the 14th, in Q3, per (1) and (2).",
]
WORDS = ["in", "from", "to", "between", "and", "the", "about", "more than", "up to", "late",
         "early", "mid", "summer", "FY", "Q3", "H2", "last year", "yesterday", "billion",
         "million", "thousand", "bn", "$", "¥", "US$", "RMB", "USD", "won", "yen", "%",
         "percent", "GW", "troops", "permits", "people", "-", "–", "−", "(", ")", "“", "”",
         ",", ".", ":", "Jin county", "金县", "(Hundred Lens War)", "こくみん", "한류",
         "May", "July 20th,", "the 1990s", "per", "R1", "G7", "GPT-4", "12th", "s", "’s"]
NUMBER = st.one_of(
    st.integers(0, 3000).map(str),
    st.integers(1900, 2099).map(str),
    st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False).map(str),
    st.integers(1000, 999999).map(lambda n: f"{n:,}"),
)
TOKEN = st.one_of(st.sampled_from(WORDS), NUMBER, st.sampled_from(REAL),
                  st.text(alphabet="ab 1.,-%$", max_size=6))
LINE = st.lists(TOKEN, min_size=1, max_size=12).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=5).map("\n".join)


def check(text: str, published) -> None:
    facts = extract_text(text, published=published)
    lines = text.split("\n")
    for f in facts.dates + facts.quantities + facts.terms:
        assert f.quote and f.quote in lines[f.line - 1], (f, lines[f.line - 1])
    for d in facts.dates:
        assert d.when in d.quote
        assert d.start <= d.end, d
    quantities = list(facts.quantities) + [p.quantity for s in facts.series for p in s.points]
    for q in quantities:
        assert q.text in q.quote
        value, high = parse_quantity_text(q.text)
        assert (value, high) == (q.value, q.high), q
    for s in facts.series:
        assert len(s.points) >= 3
        assert len({p.start for p in s.points}) == len(s.points)
        assert [p.start for p in s.points] == sorted(p.start for p in s.points)
        assert all((p.quantity.unit, p.quantity.scale) == (s.unit, s.scale) for p in s.points)
    for t in facts.terms:
        assert t.term in t.quote
        assert not t.gloss or t.gloss in t.quote
        assert (t.pinyin != "") == (t.lang == "zh")


@BOUNDED
@given(TEXT, st.one_of(st.none(), st.datetimes(datetime(2000, 1, 1), datetime(2030, 12, 31))))
def test_facts_are_verbatim_and_parse_back(text, published):
    check(text, published)


@BOUNDED
@given(st.text(max_size=300))
def test_any_text_never_raises(text):
    check(text.replace("\r", " "), None)
