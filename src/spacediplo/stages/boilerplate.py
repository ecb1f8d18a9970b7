"""Boilerplate removal for plain-text pages (copied or scraped text with page furniture).

General rules, each tested on its own (``tests/stages/test_boilerplate.py``):

1. *Interface phrases*: a line that is only a navigation/sharing/subscription phrase in one
   of many languages ("Continue Reading", "Lire la suite", "Читать далее", "Back").
2. *Related sections*: a "related / see also / read also" header ends the article when
   enough article text precedes it; the header and everything after it go.
3. *Credits and banners*: "Photo: …", "Image courtesy of", a bare credit value under an
   open credit label, "… Banner", "Advertisement".
4. *Header metadata*: date-only and time-only lines at the top are kept aside for the
   publication-date stage, not left in the text.
5. *Menus and short fragments*: rows of short items separated by bars or bullets;
   one- or two-word lines with no sentence structure (menu items, tags).
6. *Repeats*: a line equal to the previous kept line (a headline printed twice).
7. *Footer*: the trailing run of short, sentence-less lines after the last paragraph.

The thresholds (2 words for fragments, 4 for footers, 40 % / 60 words before a related
header) were set on the seeds and on our own demo pages; re-run ``tests/stages`` and
``benchmarks/extraction.py`` after changing them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..dates import parse_date_line
from ..normalize import squash

__all__ = ["CleanText", "clean_text_lines", "is_interface_phrase", "word_count"]

_INTERFACE = {
    # en
    "continue reading", "read more", "read full story", "read the full story", "read full article",
    "more", "back", "back to top", "go back", "next", "previous", "next article",
    "previous article", "share", "share this", "share this article", "share on facebook",
    "share on twitter", "share on x", "tweet", "print", "email", "e-mail", "comments",
    "leave a comment", "leave a reply", "subscribe", "subscribe to our newsletter",
    "sign up", "sign up for our newsletter", "log in", "login", "sign in", "register",
    "menu", "home", "search", "search the website", "search this site", "search for",
    "popular categories", "categories", "tags", "latest news", "latest", "trending",
    "most read", "most popular", "follow us", "advertisement", "sponsored", "skip to content",
    "skip to main content", "accept", "accept all", "accept cookies", "cookie settings",
    "all rights reserved", "privacy policy", "terms of use", "contact us", "about us",
    "load more", "view all", "see all", "show more", "click here", "watch", "listen",
    "related", "related posts", "related articles", "related news", "related stories",
    "see also", "check also", "read also", "also read", "you may also like",
    "you might also like", "more from", "more news", "more stories", "recommended",
    # fr
    "lire la suite", "lire plus", "en savoir plus", "lire aussi", "à lire aussi",
    "voir aussi", "partager", "partagez", "retour", "rechercher", "recherche", "accueil",
    "s'abonner", "abonnez-vous", "publicité", "articles similaires", "sur le même sujet",
    "commentaires", "imprimer", "suivez-nous", "tous droits réservés", "à la une",
    # ru
    "читать далее", "читать полностью", "подробнее", "читайте также", "смотрите также",
    "поделиться", "назад", "поиск", "главная", "подписаться", "реклама", "похожие новости",
    "по теме", "комментарии", "все новости", "новости", "лента новостей", "еще",
    # es
    "leer más", "seguir leyendo", "ver también", "lee también", "compartir", "volver",
    "buscar", "inicio", "suscríbete", "publicidad", "noticias relacionadas",
    "te puede interesar", "más noticias", "comentarios",
    # de
    "weiterlesen", "mehr lesen", "lesen sie auch", "siehe auch", "teilen", "zurück",
    "suche", "startseite", "abonnieren", "anzeige", "werbung", "mehr zum thema",
    "das könnte sie auch interessieren", "verwandte artikel", "kommentare", "drucken",
    # it, pt
    "leggi anche", "leggi di più", "continua a leggere", "condividi", "torna", "cerca",
    "pubblicità", "articoli correlati", "leia também", "leia mais", "compartilhar",
    "voltar", "publicidade", "veja também", "notícias relacionadas",
    # zh, ja, ar
    "相关新闻", "相关阅读", "相关文章", "推荐阅读", "阅读更多", "分享", "返回", "更多",
    "関連記事", "続きを読む", "シェア", "戻る", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد",
    "شارك", "مشاركة", "أخبار ذات صلة", "عودة",
}  # fmt: skip

#: Headers after which the rest of the page is a list of other articles.
_RELATED_HEADERS = {
    "related", "related posts", "related articles", "related news", "related stories",
    "see also", "check also", "read also", "also read", "you may also like",
    "you might also like", "more from", "more news", "more stories", "recommended",
    "most read", "most popular", "latest news", "popular categories",
    "lire aussi", "à lire aussi", "voir aussi", "articles similaires", "sur le même sujet",
    "читайте также", "смотрите также", "похожие новости", "по теме", "все новости",
    "ver también", "lee también", "noticias relacionadas", "te puede interesar",
    "más noticias", "lesen sie auch", "siehe auch", "mehr zum thema",
    "das könnte sie auch interessieren", "verwandte artikel", "leggi anche",
    "articoli correlati", "leia também", "veja também", "notícias relacionadas",
    "相关新闻", "相关阅读", "相关文章", "推荐阅读", "関連記事", "اقرأ أيضا", "اقرأ أيضاً",
    "أخبار ذات صلة",
}  # fmt: skip

_CREDIT = re.compile(
    r"^(?:photo|photos|photograph|image|images|picture|pictures|credit|credits|source|"
    r"illustration|video|foto|fotos|bild|bildquelle|quelle|фото|фотография|источник|"
    r"иллюстрация|crédit|crédits|crédit photo|vidéo|imagen|fuente|immagine|fonte|"
    r"图片|图|来源|写真|صورة|المصدر)\b",
    re.I,
)
_OPEN_CREDIT = re.compile(r"(?::|\b(?:of|by|de|par|von|di|от|por))\s*$", re.I)
_BANNER = re.compile(
    r"\b(?:banner|advert|advertisement|sponsored|promoted|реклама|publicité|anzeige|"
    r"werbung|publicidad|pubblicità|publicidade|广告|広告|إعلان)\b",
    re.I,
)
_TIME_ONLY = re.compile(r"^\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$", re.I)
_SENTENCE_END = re.compile(r"[.!?…。！？؟»\"”)]\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_EDGE_PUNCT = " \t|•·›»«>→←<-–—:*#[](){}\"'“”"


def word_count(line: str) -> int:
    """Words in a line; scripts written without spaces count two characters per word."""
    cjk = len(_CJK.findall(line))
    return len(line.split()) + cjk // 2 - (1 if cjk and " " not in line.strip() else 0)


def _key(line: str) -> str:
    text = unicodedata.normalize("NFKC", line).casefold().strip(_EDGE_PUNCT + ".…")
    text = text.replace("’", "'").replace("ё", "е")
    return " ".join(text.split())


def is_interface_phrase(line: str) -> bool:
    return _key(line) in _INTERFACE


def _is_related_header(line: str) -> bool:
    return _key(line) in _RELATED_HEADERS


def _sentence_like(line: str) -> bool:
    return word_count(line) >= 8 or bool(_SENTENCE_END.search(line))


@dataclass
class CleanText:
    """Result of cleaning a plain-text page."""

    lines: list[str]
    header_dates: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule, line)

    @property
    def text(self) -> str:
        return "\n\n".join(self.lines)


def _paragraph_lines(raw: str) -> list[str]:
    """Lines of the page, with hard-wrapped sentences re-joined."""
    out: list[str] = []
    previous_blank = True
    for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw_line.replace("\u00a0", " ").split())
        if not line:
            previous_blank = True
            continue
        # A line that continues a sentence (lower-case start after an unfinished line)
        # is a hard wrap, not a new paragraph.
        if (
            out
            and not previous_blank
            and line[:1].islower()
            and word_count(out[-1]) >= 8
            and not _SENTENCE_END.search(out[-1])
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous_blank = False
    return out


def clean_text_lines(raw: str, from_html: bool = False) -> CleanText:
    """Apply the rules of this module to a plain-text page.

    ``from_html``: the text is already an extractor's main text (HTML pages), so only the
    phrase, section, credit and banner rules apply; headings stay.
    """
    lines = _paragraph_lines(raw)
    result = CleanText(lines=[])
    total_words = sum(word_count(line) for line in lines) or 1

    # Rule 4: header metadata: date-only and time-only lines among the lines before the
    # first paragraph (above or below the headline).
    header: set[int] = set()
    for index, line in enumerate(lines[:8]):
        # The first paragraph (a finished sentence of some length) ends the header.
        words = word_count(line)
        if from_html or (words >= 8 and _SENTENCE_END.search(line)) or words > 30:
            break
        if parse_date_line(line) is not None:
            result.header_dates.append(line)
            result.removed.append(("header-date", line))
            header.add(index)
        elif _TIME_ONLY.match(line):
            result.removed.append(("header-time", line))
            header.add(index)
    start = 0

    kept: list[str] = []
    words_before = 0
    open_credit = False
    for index in range(start, len(lines)):
        if index in header:
            continue
        line = lines[index]
        if _is_related_header(line) and (words_before >= 60 or words_before >= 0.4 * total_words):
            result.removed.extend(("related-section", rest) for rest in lines[index:])
            break
        rule = _line_rule(line, open_credit, is_first=not kept or from_html)
        open_credit = rule == "credit" and bool(_OPEN_CREDIT.search(line))
        if rule is None and kept and squash(line) == squash(kept[-1]):
            rule = "repeat"
        if rule is not None:
            result.removed.append((rule, line))
            continue
        kept.append(line)
        words_before += word_count(line)

    # Rule 7: trailing footer of short sentence-less lines.
    while (
        not from_html
        and len(kept) > 1
        and not _sentence_like(kept[-1])
        and word_count(kept[-1]) <= 4
    ):
        result.removed.append(("footer", kept.pop()))
    result.lines = kept
    return result


_MENU_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s+/\s+|\s{3,}")


def _is_menu(line: str) -> bool:
    """A row of short items separated by bars or bullets ("Home | World | Science")."""
    items = [i for i in _MENU_SEPARATORS.split(line) if i.strip()]
    return len(items) >= 3 and all(word_count(i) <= 3 for i in items)


def _line_rule(line: str, open_credit: bool, is_first: bool) -> str | None:
    """The name of the rule that removes ``line``, or ``None`` to keep it."""
    words = word_count(line)
    if is_interface_phrase(line) or _is_related_header(line):
        return "interface"
    if _TIME_ONLY.match(line):
        return "time"
    if _is_menu(line):
        return "menu"
    if words <= 8 and _CREDIT.match(line) and not _SENTENCE_END.search(line.rstrip(":")):
        return "credit"
    if open_credit and words <= 4 and not _sentence_like(line):
        return "credit"
    if words <= 6 and _BANNER.search(line) and not _sentence_like(line):
        return "banner"
    if (
        not is_first
        and words <= 2
        and not _sentence_like(line)
        and not any(c.isdigit() for c in line)
    ):
        return "fragment"
    return None
