"""Sphinx extension: search that finds what a reader types and reads well.

* Names with or without diacritics: "Sanseito" finds "Sanseitō". Each word is also
  indexed in its folded form (:func:`fold`).
* Chinese, Japanese and Korean text has no spaces, so Sphinx's English index keeps a
  whole run of characters ("百镜大战是…") as one word, and a search for part of it found
  nothing. Runs of CJK characters are also indexed as overlapping bigrams, and the
  search page splits a query the same way (``js_splitter_code``), so any substring of
  two or more characters finds its page: "镜大" finds "百镜大战".
* The search page loads ``_static/newsbook-search.js``: one result per page, and
  snippets taken from the article text (no tables, file names or button labels).

The CJK splitting follows Sphinx's own extension point for languages
(``sphinx.search.SearchLanguage.split`` / ``js_splitter_code``).
"""
from __future__ import annotations

import re
import unicodedata

from sphinx.search import languages
from sphinx.search.en import SearchEnglish

#: Han (with extensions and compatibility ideographs), kana, Hangul
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_RUN = re.compile(f"([{CJK}]+)")
_CJK_CHAR = re.compile(f"[{CJK}]")


def fold(word: str) -> str:
    """``Sanseitō`` -> ``sanseito``; CJK and plain ASCII come back unchanged."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def cjk_pieces(word: str) -> list[str]:
    """Index pieces of a word that contains CJK: its other-script parts, and each CJK
    run as overlapping bigrams (a lone character stays as it is).

    ``ar眼镜五小龙`` -> ``ar``, ``眼镜``, ``镜五``, ``五小``, ``小龙``."""
    out = []
    for part in _CJK_RUN.split(word):
        if not part:
            continue
        if _CJK_CHAR.match(part):
            out += [part] if len(part) == 1 else [part[i:i + 2] for i in range(len(part) - 1)]
        else:
            out.append(part)
    return out


#: the same splitting for queries on the search page (replaces Sphinx's splitQuery)
JS_SPLITTER = r"""
function splitQuery(query) {
  const cjk = /([%s]+)/u;
  const out = [];
  query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu).filter((t) => t)
    .forEach((term) => {
      if (!cjk.test(term)) { out.push(term); return; }
      term.split(cjk).filter((p) => p).forEach((part) => {
        if (!cjk.test(part)) out.push(part);
        else if (part.length === 1) out.push(part);
        else for (let i = 0; i + 1 < part.length; i++) out.push(part.slice(i, i + 2));
      });
    });
  return out;
}
""" % CJK


class SearchEnglishCJK(SearchEnglish):
    """English search that also indexes folded names and CJK bigrams."""

    js_splitter_code = JS_SPLITTER

    def split(self, input: str) -> list[str]:  # noqa: A002 - Sphinx's signature
        words = []
        for word in super().split(input):
            words.append(word)
            folded = fold(word)
            if folded != word.lower():
                words.append(folded)
            if _CJK_CHAR.search(word):
                words += [p for p in cjk_pieces(word) if p != word]
        return words

    def word_filter(self, word: str) -> bool:
        # Sphinx drops short kana words; a CJK bigram is a real search key here
        return bool(_CJK_CHAR.match(word)) or super().word_filter(word)


def _search_page_script(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search":
        app.add_js_file("newsbook-search.js")


def setup(app):
    languages["en"] = SearchEnglishCJK
    app.connect("html-page-context", _search_page_script)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
