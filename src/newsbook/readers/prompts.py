"""The newsletter's own prompts and furniture, told by their words: Substack's buttons and
stock lines in the languages it writes them, other tools' e-mail footers, a podcast's
"Listen on …", a paywall's prompts, and the lines that open a sponsor's block. The text
copy's reader and the HTML reader both ask these (an export may keep no class to tell a
button by), so they live apart from either reader's shapes (:mod:`.units`).
"""
from __future__ import annotations

import re

#: the apps a podcast says it plays in ("Listen on Apple Podcasts / Spotify")
_APPS = (r"(?:Apple Podcasts|iTunes|Spotify|YouTube(?: Music)?|Overcast|Pocket Casts|Google Podcasts"
         r"|Amazon Music|Castbox|Castro|Podcast Addict|Substack|the Substack app"
         r"|your (?:favou?rite )?podcast (?:app|player)|wherever you get your podcasts)")
#: Substack's paywall prompts (:data:`CTA`, and :data:`PAYWALL`: a paid post's preview)
_PAYWALL = (r"Keep reading with a \d+-day free trial|This post is for paid subscribers"
            r"|Subscribe to \S.{0,60}? to keep reading this post")
CTA = re.compile(r"^(?:Subscribe now|Subscribe|Share|Leave a comment|Give a gift subscription"
                 r"|Share this post|Upgrade to paid|Get \d+ day free trial|Restack"
                 r"|Read more|Continue reading|Read in browser|View in browser|View online"
                 r"|Sign up|Sign up now|Unsubscribe|Manage (?:your )?subscription"
                 r"|Listen now|Watch now|Start trial|Already a paid subscriber\? Sign in"
                 # ("Listen now on Apple Podcasts, Spotify, or your favorite podcast app.")
                 rf"|Listen now (?:on|in|via) {_APPS}(?:(?:\s?[/|·,]\s?|,? (?:or|and) ){_APPS})*\.?"
                 rf"|(?:{_PAYWALL})(?: and .*)?"
                 # (Substack's buttons in the publication's language: German, French,
                 # Spanish, Italian, Dutch, Portuguese)
                 r"|Jetzt abonnieren|Abonnieren|Teilen|Kommentar hinterlassen"
                 r"|S[’']abonner|Abonnez-vous|Partager|Laisser un commentaire"
                 r"|Suscr[ií]bete(?: ahora)?|Suscribirse|Compartir|Deja(?:r)? un comentario"
                 r"|Iscriviti(?: ora)?|Condividi|Lascia un commento"
                 # (its e-mail's row of buttons under a post: Like, Comment, Restack)
                 r"|Like|Comment|Me gusta|Comentar|J[’']aime|Commenter|Gefällt mir|Kommentieren"
                 r"|Mi piace|Commenta|Curtir"
                 r"|(?:Nu )?[Aa]bonneren|Delen|Laat een reactie achter"
                 r"|Inscreva-se|Assine(?: agora)?|Compartilh(?:ar|e)|Deixe um comentário"
                 # (and in Japanese, Chinese and Korean)
                 r"|シェア(?:する)?|購読(?:する|登録)?|今すぐ購読|コメントする|共有する"
                 r"|分享|订阅|訂閱|立即订阅|立即訂閱|发表评论|發表評論"
                 r"|공유(?:하기)?|구독(?:하기)?|지금 구독하기|댓글 달기"
                 r"|Update your (?:email )?preferences|View this (?:email|post) in (?:your|a) browser"
                 # (an e-mail tool's footer: Mailchimp's and the like)
                 r"|You are receiving this (?:email )?because .*|Our mailing address is:(?: .*)?"
                 r"|Want to change how you receive these emails\?(?: .*)?"
                 r"|(?:Update your (?:email )?preferences|You can update your (?:email )?"
                 r"preferences) or unsubscribe.*"
                 # (beehiiv's: its badge, referral programme and poll)
                 r"|Refer \d+ (?:friends?|people|readers)(?: or more)? (?:and|to) (?:get|earn|receive"
                 r"|unlock|win) .{0,200}"
                 # (an e-mail tool's merge tag left unfilled: "{{rp_personalized_text}}",
                 # Mailchimp's "*|MC:SUBJECT|*"; "{{ subst }}", spaced, is text)
                 r"|\{\{[a-z]+_[a-z_.]+\}\}|\*\|[A-Z_:]+\|\*"
                 r"|You currently have \d+ referrals?\b.*|Click to Share"
                 r"|Or copy and paste this link to others:.*|Share \S.{0,60} and earn rewards"
                 r"|What did you think of (?:today['’]s|this week['’]s|this) (?:edition|email|issue"
                 r"|newsletter)\??|Terms of Service|Privacy Policy"
                 r"|Forward to a friend|Forward this email to a friend"
                 # ("Subscribe to get The Long Ago in your inbox every month.")
                 r"|(?:Subscribe|Sign up)(?: now| for free| here)? to (?:get|receive) .{1,80}?"
                 r" (?:in|to|straight to|delivered to) your inbox\b.{0,60}"
                 # (a forward-and-subscribe footer: "Enjoyed this issue? Forward this email to
                 # a friend.", "Was this forwarded to you? Subscribe to get the next issue.")
                 r"|(?:Enjoy(?:ed|ing)|Lik(?:ed|ing)|Lov(?:ed|ing)) (?:this|today['’]s|this "
                 r"week['’]s) (?:issue|email|newsletter|edition|post|letter)\? .{0,160}"
                 # ("Enjoyed this? Subscribe to The Ward Round and share it with a colleague.")
                 r"|(?:Enjoy(?:ed|ing)|Lik(?:ed|ing)|Lov(?:ed|ing)) (?:this|it)\? (?:Subscribe|Sign up"
                 r"|Share|Forward).{0,160}"
                 # ("Forward this to a colleague who would find it useful. Subscribe for free …",
                 # "If someone forwarded this to you, you can sign up below.")
                 r"|Forward this to (?:a |an? |your )?(?:friend|colleague|someone)\b.{0,160}"
                 r"|If (?:someone|a friend|a colleague) forwarded (?:you )?this(?: (?:to you|email|"
                 r"newsletter|issue))?, (?:you can )?(?:subscribe|sign up).{0,80}"
                 # (French: "Écouter sur Apple Podcasts, Spotify ou votre application …")
                 rf"|Écouter sur {_APPS}.{{0,120}}"
                 r"|(?:Was|Is) this (?:email |newsletter |issue |post )?forwarded to you\?.{0,160}"
                 r"|(?:Were|Have) you (?:been )?forwarded this (?:email|newsletter|issue)\?.{0,160}"
                 r"|If (?:someone|a friend) forwarded (?:you )?this(?: (?:email|newsletter|issue))?"
                 r", (?:you can )?subscribe.{0,80}"
                 r"|¿?(?:Te han reenviado|Si te han reenviado) este (?:correo|email|boletín)"
                 r"[?,].{0,160}|Powered by (?:Buttondown|beehiiv|Ghost|Mailchimp|Substack)\.?"
                 r"|Forward this (?:email|newsletter|issue|post) to .{1,100}"
                 r"|Share this (?:issue|email|newsletter|edition)"
                 r"|(?:Copyright )?©\s?(?:\d{4}\s)?.{0,120}(?:All rights reserved|Alle Rechte "
                 r"vorbehalten|Tous droits réservés|Todos los derechos reservados)\.?(?: .*)?"
                 # (the same in German: "Sie erhalten diese E-Mail, weil …", its links)
                 r"|Sie erhalten diese (?:E-Mail|Nachricht|Newsletter), weil .*|Abmelden"
                 r"|Einstellungen verwalten|Im Browser (?:ansehen|anzeigen|öffnen)"
                 r"|Newsletter abbestellen|Verantwortlich (?:i\.\s?S\.\s?d\.|im Sinne) .*|Vous recevez cet e-mail (?:car|parce que) .*"
                 r"|Se désinscrire|Se désabonner|Voir (?:dans|sur) le navigateur"
                 r"|Recibes este (?:correo|email) porque .*|Darse de baja|Cancelar suscripción"
                 # (a podcast's links to where else it plays)
                 rf"|Listen (?:on|in|via) {_APPS}(?:(?:\s?[/|·,]\s?|,? (?:or|and) ){_APPS})*\.?"
                 # (Substack's stock lines in French)
                 r"|\S.{0,60} est une publication (?:financée|soutenue) par (?:ses|les) lecteurs\."
                 r"(?: .*)?|Merci (?:de votre lecture de|d[’']avoir lu) \S.{0,60}?\s?! Abonnez-vous.*"
                 r"|\S.{0,60} is a reader-supported publication\.(?: .*)?"
                 # (a podcast's or another's stock line: "Tidal Range is a listener-supported
                 # podcast about the ocean …", and its row of apps: "Apple Podcasts |
                 # Spotify | RSS")
                 r"|\S.{0,60} is an? (?:listener|viewer|reader|member|subscriber)-(?:supported|"
                 r"funded|powered) (?:podcast|show|newsletter|publication)(?:[.,]| (?:about|on|for|from|by"
                 r"|that|covering|where)\b).*"
                 rf"|{_APPS}(?:\s?[/|·,]\s?(?:{_APPS}|RSS|Pocket Casts|Podcast RSS))+"
                 # (in German, Spanish and Italian)
                 r"|\S.{0,60} è una pubblicazione (?:supportata|sostenuta|finanziata) dai (?:suoi )?"
                 r"lettori\.(?: .*)?|Grazie per aver letto \S.{0,60}?\s?! .*"
                 # (in Dutch and Portuguese; Spanish's are with German's below)
                 r"|\S.{0,60} is een door lezers (?:gesteunde|ondersteunde) publicatie\.(?: .*)?"
                 r"|Bedankt voor het lezen van \S.{0,60}?\s?! .*"
                 # (and Dutch's "Abonneer nu", Chinese's "感谢阅读X！免费订阅，…")
                 r"|Abonneer(?: nu| gratis)?|感谢阅读.{1,40}[！!].{0,80}订阅.{0,60}"
                 # (Polish: "Subskrybuj", "Udostępnij", "Dziękujemy za lekturę X! Subskrybuj …")
                 r"|Subskrybuj(?: teraz)?|Zasubskrybuj|Udostępnij|Zostaw komentarz"
                 r"|Dziękujemy za (?:lekturę|przeczytanie) \S.{0,60}?\s?! .*"
                 # (Japanese and Korean: "X は読者の皆さまに支えられています。…", "X는 독자
                 # 여러분의 구독으로 운영됩니다. …")
                 r"|\S.{0,60}は読者の皆(?:さま|様)に支えられています。.*"
                 r"|\S.{0,60}[은는] 독자 여러분의 (?:구독|후원|성원)으로 운영됩니다\..*"
                 r"|感謝閱讀.{1,40}[！!].{0,80}訂閱.{0,60}"
                 r"|\S.{0,60} é uma publicação (?:apoiada|financiada) pel[oa]s? (?:seus )?leitores"
                 r"\.(?: .*)?|Obrigad[oa] por ler \S.{0,60}?\s?! .*"
                 # (Substack's e-mail footer: its address, and its links)
                 r"|548 Market Street,? PMB \d+,? San Francisco,? CA \d{5}(?:-\d{4})?"
                 r"|Get the app|Start writing|Scarica l['’]app|Inizia a scrivere|Annulla l['’]iscrizione"
                 r"|Obtenir l['’]application|Commencer à écrire|Descarga la app|Empieza a escribir"
                 r"|App herunterladen|Schreiben beginnen|(?:Get|Scarica l['’]app|Descarga la app) /.*"
                 r"|\S.{0,60} ist eine von (?:Lesern|Leser\*innen|Lesenden) (?:unterstützte|"
                 r"finanzierte) Publikation\.(?: .*)?|Danke (?:fürs|für das) Lesen von \S.{0,60}?"
                 r"\s?! .*|\S.{0,60} es una publicación (?:financiada|apoyada) por (?:sus |los )?"
                 r"lectores\.(?: .*)?|¡Gracias por leer \S.{0,60}?\s?! .*"
                 r"|Thanks for reading \S.{0,60}?! Subscribe for free to receive new posts and "
                 r"support (?:my|our) work\.|Thanks for reading \S.{0,60}?! This post is public "
                 r"so feel free to share it\.)$")
#: a members' wall's words: Ghost's "Become a member to keep reading", "This post is for
#: paying subscribers only", "Subscribe to continue reading" (the post is its preview)
MEMBERS_WALL = re.compile(r"\b(?:to (?:keep|continue) reading|to read (?:the rest|more|on)"
                          r"|(?:subscribers|members) only"
                          r"|(?:upgrade|subscribe) to (?:keep|continue))\b", re.I)
#: a sign-up pitch's words ("Not a subscriber yet? Subscribe and get …")
PITCH = re.compile(r"\b(?:subscrib\w*|sign(?:ing)? up|become a (?:paid )?member|join us"
                   r"|upgrade)\b", re.I)
#: a postal code ending an address line: "PE14 9TN", "SW1A 1AA", "Boulder, CO 80302"
POSTCODE = re.compile(r"(?:^|\s)(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?)$")
#: an e-mail's footer line ends in its sender's postal code, and German's "10969 Berlin":
#: "The Basis Point · 1209 Larkin Street, Suite 4 · San Francisco, CA 94109" (and a
#: country after it: "Bristol BS1 6QH, UK")
MAIL_FOOTER = re.compile(rf"(?:{POSTCODE.pattern[:-1]}|\b\d{{4,5}} [A-ZÄÖÜ][a-zäöüßáéíóú]+)"
                         r"(?:,? (?:UK|U\.K\.|United Kingdom|USA|U\.S\.A?\.|United States|"
                         r"Germany|Deutschland|Spain|España|France|Ireland|Canada|Australia))?$")
#: the kinds of street an address line names ("Mill Lane", "Baker St."): the e-mail footer's
#: tests here and the text copy's address lines (:mod:`.classify`) share them
STREET_KINDS = (r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Way|Drive|Dr|Boulevard|Blvd|Place|Pl"
                r"|Square|Sq|Court|Ct|Terrace|Close|Row|Parkway|Pkwy|Highway|Hwy|Crescent"
                r"|Gardens|Hill)\.?")
#: a street address's number, name and kind of street: "214 Main Street", "88 Rivet Lane"
_STREET = rf"\d{{1,5}}[A-Za-z]? (?:[A-Z][\w.'’-]*\s){{1,4}}{STREET_KINDS}"
#: a street address anywhere in a line (the newsletter's name over its address)
STREET_IN = re.compile(rf"\b{_STREET}(?![\w])")
#: a sender's street address alone on its line, as an e-mail's footer has it: "88 Rivet
#: Lane, Suite 3, Portland, OR 97204" (with :data:`MAIL_FOOTER`'s postal code at its end)
STREET_LINE = re.compile(rf"^{_STREET},\s.{{3,90}}$")
#: Substack's paywall: the copy holds only the paid post's preview (its prompts are :data:`CTA`)
PAYWALL = re.compile(rf"^(?:{_PAYWALL})")
#: Substack's stock lines that name the newsletter (its subscribe widget, either wording)
PUBLICATION = re.compile(r"^(?:(\S.{0,60}?) is a reader-supported publication\."
                         r"|Thanks for reading (\S.{0,60}?)! Subscribe for free"
                         r"|(\S.{0,60}?) est une publication (?:financée|soutenue) par"
                         r"|Merci (?:de votre lecture de|d[’']avoir lu) (\S.{0,60}?)\s?! Abonnez"
                         r"|(\S.{0,60}?) ist eine von \S+ (?:unterstützte|finanzierte) Publikation"
                         r"|(\S.{0,60}?) es una publicación (?:financiada|apoyada) por"
                         r"|(\S.{0,60}?) è una pubblicazione (?:supportata|sostenuta|finanziata)"
                         r"|Grazie per aver letto (\S.{0,60}?)\s?! "
                         r"|¡Gracias por leer (\S.{0,60}?)! Suscr"
                         r"|(\S.{0,60}?) é uma publicação (?:apoiada|financiada) pel"
                         r"|(\S.{0,60}?) is een door lezers (?:gesteunde|ondersteunde) publicatie"
                         r"|Bedankt voor het lezen van (\S.{0,60}?)\s?! "
                         r"|Obrigad[oa] por ler (\S.{0,60}?)\s?! "
                         # (Chinese: "感谢阅读电芯观察！免费订阅…")
                         r"|(?:感谢阅读|感謝閱讀)(\S{1,30}?)[！!]"
                         r"|Dziękujemy za (?:lekturę|przeczytanie) (\S.{0,60}?)\s?! "
                         r"|(\S.{0,60}?)は読者の皆(?:さま|様)に支えられています"
                         r"|(\S.{0,60}?)[은는] 독자 여러분의 (?:구독|후원|성원)으로 운영됩니다)")


_STOCK = ("publication", "Publikation", "pubblicazione", "publicación", "publicação",
          "publicatie", "Thanks for reading", "Merci d", "Grazie per", "Gracias por leer",
          "Bedankt voor", "Obrigad", "感谢阅读", "感謝閱讀", "Dziękujemy za", "読者の皆",
          "독자 여러분의")


def stock_name(line: str) -> str:
    """The newsletter's name when ``line`` is one of its stock lines, else ""."""
    for needle in _STOCK:  # (every line of every article comes here: substring tests first)
        if needle in line:
            break
    else:
        return ""
    m = PUBLICATION.match(line.strip())
    return next((g for g in m.groups() if g), "") if m else ""


def lines_holding(text: str, needle: str):
    """Each line of ``text`` that holds ``needle``, once: found with ``str.find`` rather
    than by a regex or a split through the whole (big) text."""
    at = text.find(needle)
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield text[text.rfind("\n", 0, at) + 1:end]
        at = text.find(needle, end)


def publication_names(text: str) -> frozenset[str]:
    """Every newsletter name Substack's stock lines give in ``text``. Its "Share <name>"
    button is chrome only for these names: "Share Prices Fell" may be a heading."""
    names = {stock_name(line) for needle in _STOCK for line in lines_holding(text, needle)}
    names.discard("")
    return frozenset(names)


#: a sponsor block's opening line (every branch opens with ^: used with .match, which
#: tries the start only; .search tried every offset of every paragraph of the copy)
SPONSOR = re.compile(r"^(?:This|Today['’]s|This week['’]s|This month['’]s) (?:(?:[A-Z]{2,5} )?"
                     r"corner|edition|episode|issue|post|newsletter|section) is "
                     r"(?:brought to you|sponsored|presented|supported|made possible) by\b|"
                     r"^(?:Today['’]s) sponsor\b|"
                     # ("This week's sponsor is Kestrel …", "Our sponsor this week is X"; a
                     # line of thanks, "Thanks to X for sponsoring this episode.", is no ad)
                     r"^(?:This (?:week|month|issue|episode)['’]s|Our) sponsor(?: this (?:week"
                     r"|month|issue|episode))? is\b|"

                     # ("The Ledger is supported this week by X": the newsletter's name first)
                     r"^(?:The )?[A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*){0,3} is (?:supported|sponsored|"
                     r"brought to you|presented|made possible) (?:this week|today|this month"
                     r"|this issue) by\b|"
                     # (in French, German and Spanish: "Cette lettre vous est offerte par X")
                     r"^(?:Cette (?:lettre|édition|newsletter) (?:vous )?est (?:offerte|présentée"
                     r"|sponsorisée|parrainée|soutenue)"
                     r"|Diese (?:Ausgabe|Folge) wird (?:Ihnen )?präsentiert"
                     r"|Est[ae] (?:edición|newsletter|número|boletín|entrega) (?:está patrocinad[ao]"
                     r"|es presentad[ao])"
                     r"|Ce numéro (?:vous )?est (?:offert|présenté|sponsorisé)"
                     r"|Questo numero(?: di [^,.]{1,40})? (?:è|ti è) (?:offerto|sponsorizzato|presentato)"
                     r") (?:par|von|por|da)\b"
                     # (Dutch: "Deze nieuwsbrief wordt mogelijk gemaakt door X")
                     r"|^(?:Deze|Dit) (?:nieuwsbrief|editie|aflevering|nummer) (?:wordt|is) (?:mogelijk "
                     r"gemaakt|gesponsord|aangeboden) door\b"
                     # (Chinese and Japanese: "本期由X赞助", "今号はXの提供でお送りします")
                     r"|^本期(?:内容)?由.{1,30}(?:赞助|贊助|冠名|支持)|^(?:今号|今回|本号)は.{1,30}の提供"
                     # (Polish: "Partnerem tego wydania jest X", "Sponsorem wydania jest X")
                     r"|^이번 호는 .{1,30}의 (?:후원|협찬|지원)으로"
                     r"|^(?:Partnerem|Sponsorem) (?:tego |dzisiejszego )?(?:wydania|numeru|newslettera)"
                     r" (?:jest|są)\b",
                     re.I)
#: a sponsor's line of other tools, standing alone: "Sponsored by Switchback Outfitters",
#: "Together with Acme Cloud" (a name follows, in capitals; a sentence never matches)
SHORT_SPONSOR = re.compile(r"^(?:Sponsored by|Presented by|Brought to you by|Together with"
                           r"|In partnership with"
                           # (and in other languages: "Patrocinado por X", "Sponsorisé par X")
                           r"|Patrocinad[oa] por|Apresentad[oa] por|Em parceria com"
                           r"|Sponsoris[ée]e? par|Présenté par|En partenariat avec"
                           r"|Sponsorizzato da|Presentato da|In collaborazione con"
                           r"|Gesponsert von|Präsentiert von|In Zusammenarbeit mit"
                           r"|En colaboración con|Presentado por)\s+[A-Z0-9][\w&'’.-]*(?:\s+[\w&'’.-]+){0,4}[.!:]?$")


def is_sponsor(text: str) -> bool:
    """Does this paragraph open a sponsor's block (:data:`SPONSOR`, :data:`SHORT_SPONSOR`)?"""
    return SPONSOR.match(text) is not None or SHORT_SPONSOR.match(text) is not None


def is_cta(text: str, names: frozenset[str] = frozenset()) -> bool:
    """A button or prompt line (:data:`CTA`), or "Share <name>" / "Subscribe to <name>"
    for one of the newsletter's ``names``."""
    if (" · " in text or " | " in text) and not _one_cta(text, names):
        # ("Abmelden · Einstellungen verwalten · Im Browser …"; but "Listen on Apple
        # Podcasts · Spotify" is one prompt, its parts no buttons each)
        parts = [p.strip() for p in re.split(r" [·|] ", text)]
        return all(p and _one_cta(p, names) for p in parts)
    return _one_cta(text, names)


#: the buttons that name the newsletter: "Share X", "Subscribe to X", in its language too
#: (German writes the name first: "X teilen")
NAMED_BUTTONS = tuple(b.split("{}") for b in (
    "Share {}", "Partager {}", "Condividi {}", "Compartir {}", "Compartilhar {}", "Deel {}",
    "Teilen {}", "{} teilen", "Subscribe to {}", "Abonneer op {}", "订阅{}", "訂閱{}", "分享{}",
    "{}を購読", "{}をシェア", "Udostępnij {}", "Subskrybuj {}", "{} 공유하기", "{} 구독하기"))


def _one_cta(text: str, names: frozenset[str]) -> bool:
    if CTA.match(text) is not None:
        return True
    for head, tail in NAMED_BUTTONS:  # (a loop: every unit of every article is asked)
        if text.startswith(head) and text.endswith(tail) and \
                text[len(head):len(text) - len(tail)] in names:
            return True
    return False
