"""Whether an article is written in English, told by its commonest words.

Two things depend on it: names are found by their capitals, which in German every noun
has ("Der Senat", "Prozent"), and numbers with a mark are read by the mark's meaning in
the text's language (:func:`newsbook.extract.quantities.decimal_mark`).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

#: the commonest words of English, and of the languages newsletters nobody curated may
#: also be written in (German, French, Spanish, Italian, Dutch, Portuguese)
_ENGLISH = frozenset("the and of to is that was for with are this have from".split())
_GERMAN = frozenset("der und das ist nicht mit sich ein eine auf den dem".split())
_OTHER = _GERMAN | frozenset("""le les et est une dans pour qui pas el los las y que por una del
con il di che della het een niet voor zijn não uma com para os""".split())


def reads_english(texts: Iterable[str]) -> bool:
    """Whether these texts (an article's first blocks) are English: their commonest words
    outnumber those of the other languages."""
    english, _, other = _counts(" ".join(texts))
    return english > 0 and english >= other


def capitalises_nouns(texts: Iterable[str]) -> bool:
    """Whether these texts are German, which writes every noun with a capital ("Prozent",
    "Angaben"): its commonest words outnumber English's and the other languages'. A run
    of one capitalised word is then no name."""
    english, german, other = _counts(" ".join(texts))
    return german > 0 and german > english + other - german


@functools.lru_cache(maxsize=64)
def _counts(text: str) -> tuple[int, int, int]:
    """(English, German, all other languages') commonest words in ``text``, counted once
    for the several questions asked of one article's first blocks (counted in C)."""
    words = text.lower().split()
    return (sum(map(_ENGLISH.__contains__, words)), sum(map(_GERMAN.__contains__, words)),
            sum(map(_OTHER.__contains__, words)))
