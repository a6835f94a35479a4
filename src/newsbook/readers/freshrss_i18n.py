"""FreshRSS's own words in the languages its interface speaks, for reading a text copy made
from any of them (issue: any newsletter, read by any reader).

Why a table: a copy of the *Normal view* holds FreshRSS's page furniture (the view's name,
the refresh notice, day separators glued to the stream's name) and one date line per
article, all in the reader's interface language. The strings below are FreshRSS's own
(``app/i18n/<lang>/gen.php``: ``date.format_date_hour``, ``date.format_date``, the month
names ``date.Jan`` … ``date.Dec``, ``date.today``, ``date.yesterday``,
``date.before_yesterday``, ``js.new_article``; ``index.php``: ``menu.normal_view``,
``feed.title``). Only this module and :mod:`newsbook.readers.freshrss_text` know them.

Date lines, by ``format_date_hour``:

====== ==========================================
en     ``15 December 2025 at 07:32``
en-US  ``December 15th 2025 at 7:32 am``
fr     ``15 décembre 2025 à 07:32``
de     ``15. Dezember 2025 um 07:32``
es     ``15 Diciembre 2025 at 07:32``
it     ``15 Dicembre 2025 ore 07:32``
nl     ``15 December 2025 om 07:32``
pt-BR  ``15 de Dezembro de 2025, 07:32``
pl     ``15 Grudnia 2025, 07:32``
ja     ``2025年12月15日⇥07:32`` (a tab before the time; zh-cn, zh-tw the same)
ko     ``2025년 12월 15일 07:32``
====== ==========================================

Chinese, Japanese and Korean name no month: their dates are numbers with the units 年 月
日 (년 월 일), read by :data:`CJK_DATE`, and their day separators write the day so too.
"""
from __future__ import annotations

#: the month names ``date('M')`` is translated to, January first, per language
MONTH_NAMES = {
    "en": "January February March April May June July August September October November "
          "December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre "
          "Diciembre",
    "it": "Gennaio Febbraio Marzo Aprile Maggio Giugno Luglio Agosto Settembre Ottobre "
          "Novembre Dicembre",
    "nl": "Januari Februari Maart April Mei Juni Juli Augustus September Oktober November "
          "December",
    "pt-br": "Janeiro Fevereiro Março Abril Maio Junho Julho Agosto Setembro Outubro Novembro "
             "Dezembro",
    "pl": "Stycznia Lutego Marca Kwietnia Maja Czerwca Lipca Sierpnia Września Października "
          "Listopada Grudnia",
}

#: month name, lowercased -> month number (the same name is the same month in every
#: language that has it: "Marzo", "Agosto", "April", "Mai")
MONTH_NUMBER: dict[str, int] = {}
for _names in MONTH_NAMES.values():
    for _k, _name in enumerate(_names.split(), 1):
        assert MONTH_NUMBER.setdefault(_name.lower(), _k) == _k, _name
del _names, _k, _name

#: (view name, refresh notice, today, yesterday, before yesterday, main stream) per language
PAGE = {
    "en": ("Normal view", "There are new articles available, click to refresh the page.",
           "Today", "Yesterday", "Before yesterday", "Main stream"),
    "fr": ("Vue normale", "Il y a de nouveaux articles disponibles, cliquez pour rafraîchir la "
           "page.", "Aujourd’hui", "Hier", "À partir d’avant-hier", "Flux principal"),
    "de": ("Normale Ansicht", "Es gibt neue verfügbare Artikel. Klicken Sie, um die Seite zu "
           "aktualisieren.", "Heute", "Gestern", "Ältere Beiträge", "Haupt-Feeds"),
    "es": ("Vista normal", "Hay nuevos artículos disponibles. Pincha para refrescar la página.",
           "Hoy", "Ayer", "Anteayer", "Salida Principal"),
    "it": ("Vista elenco", "Sono disponibili nuovi articoli, clicca qui per caricarli.",
           "Oggi", "Ieri", "Meno recenti", "Flusso principale"),
    "nl": ("Normale weergave", "Er zijn nieuwe artikelen beschikbaar. Klik om de pagina te "
           "vernieuwen.", "Vandaag", "Gisteren", "Ouder", "Overzicht"),
    "pt-br": ("Visualização normal", "Há novos artigos disponíveis, clique para atualizar a "
              "página.", "Hoje", "Ontem", "Antes de ontem", "Stream principal"),
    "pl": ("Widok normalny", "Dostępne są nowe wiadomości. Kliknij, aby odświeżyć stronę.",
           "Dzisiejsze", "Wczorajsze", "Wcześniejsze", "Kanał główny"),
    "ja": ("ノーマルビュー", "新しい記事があるのでクリックしてページをリフレッシュしてください。",
           "今日", "昨日", "おととい", "メイン"),
    "zh-cn": ("普通视图", "发现新文章，点击刷新页面。", "今天", "昨天", "昨天以前", "首页"),
    "zh-tw": ("普通視圖", "發現新文章，點擊刷新頁面。", "今天", "昨天", "昨天以前", "首頁"),
    "ko": ("일반 모드", "새 글이 있습니다. 여기를 클릭하면 페이지를 다시 불러옵니다.",
           "오늘", "어제", "그저께", "메인 스트림"),
}
#: the languages whose dates are numbers with units (no month names)
CJK_LANGS = {"年": ["ja", "zh-cn", "zh-tw"], "년": ["ko"]}
#: a day as they write it: "2025年12月15日", "2025년 12월 15일"
CJK_DAY = r"(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}년 \d{1,2}월 \d{1,2}일)"
#: an article's date line in them (the time after a tab, as FreshRSS writes it, or spaces):
#: year, month, day, hour, minute
CJK_DATE = (r"(\d{4})(?:年|년 )(\d{1,2})(?:月|월 )(\d{1,2})(?:日|일)[\t ]+"
            r"(\d{1,2}):(\d{2})")


#: what stands between a date line's year and its time, per language
AT_WORD = {"en": "at", "fr": "à", "de": "um", "es": "at", "it": "ore", "nl": "om", "pt-br": ",",
           "pl": ","}
#: (and the words other versions of those translations, or a reader's own locale, put
#: there: "15 de diciembre de 2025 a las 07:32", "15 dicembre 2025 alle 07:32")
AT_WORDS = tuple(dict.fromkeys([*(w for w in AT_WORD.values() if w != ","),
                                "a las", "alle", "às", "a les", "kl."]))


def languages_of(date_line: str) -> list[str]:
    """The languages whose month names hold a word of this date line (English always
    first): the copy's language, told from its first date line, so that only its own
    separator words need looking for in a big copy."""
    for unit, langs in CJK_LANGS.items():
        if unit in date_line:
            return ["en", *langs]
    words = {w.strip(".,").lower() for w in date_line.split()}
    if "," in date_line:
        words.add(",")
    return ["en"] + [lang for lang, names in MONTH_NAMES.items() if lang != "en"
                     and words & {n.lower() for n in names.split()} and AT_WORD[lang] in words]


def separator_words(langs: list[str]) -> tuple[list[str], list[str]]:
    """(the words a "today" or "yesterday" separator opens with, the "before yesterday"
    words) of these languages."""
    return ([w for lang in langs for w in PAGE[lang][2:4]],
            [PAGE[lang][4] for lang in langs])


def _all(k: int) -> list[str]:
    return sorted({p[k] for p in PAGE.values()}, key=lambda s: (-len(s), s))


VIEW_NAMES = _all(0) + ["Vista Normal"]  # (es names the view both ways)
REFRESH = _all(1)
TODAY, YESTERDAY, BEFORE_YESTERDAY, MAIN_STREAM = _all(2), _all(3), _all(4), _all(5)
