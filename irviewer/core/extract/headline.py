"""Headline and sub-headlines: the title block above a release's dateline.

The top of a release is scanned past furniture (exhibit labels, FOR IMMEDIATE RELEASE, date
and symbol lines, letterheads, contact blocks, site navigation, bullets). The first title-like
line starts the headline; following lines continue it while they read as a wrap of the same
title (same letter case, a dangling last word or colon, a full-width line, a reporting period
before 'Financial Results', or the browser print title says so). A title line ending in a colon
may start the headline when its second half follows on the next line. Non-bullet lines after
it, up to the dateline, are sub-headlines (a Markdown '- item' list is not).
"""

from __future__ import annotations

import re
from functools import lru_cache

from irviewer.core.extract.cleanup import DOC_HEADER, EXHIBIT_LABEL, is_page_number, is_print_header
from irviewer.core.extract.dateline import match_dateline
from irviewer.core.extract.dates import date_line
from irviewer.core.extract.ticker import find_ticker

MAX_HEADLINE_LINES = 5
MAX_SUBHEADLINES = 6

_BULLET = re.compile(
    r"^\s*(?:[•▪◦●○■□◆►➢✓*§·]|-{1,2}\s|[–—]\s?|\.\s"  # glyphs, dashes, OCR's '.'
    r"|[1i]\s+(?=[A-Z]))"  # OCR's '1' and 'i' for a bullet
)
_FURNITURE = re.compile(
    r"^\W*(?:(?:for\s+(?:immediate\s+)?release|immediate\s+release|release\s+date)\b.{0,60}|"
    r"embargoed\b.*|news\s+release|"
    r"press\s+release|press\s+information|media\s+release|news\s+provided\s+by|"
    r"--\s*more\s*--|more|#+|share|ok|contents?|back|print|email|news|newsroom|"
    r"press\s+releases?|investor\s+relations|(?:exhibit|ex-)\s*99\S*\s.{0,40})\W*$",
    re.I,
)
LETTERHEAD = re.compile(
    r"^[A-Z0-9][\w&.,'’ -]{1,60}?,?\s(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|plc|"
    r"N\.V|S\.A|SE|AG|LLC|L\.P|Company|Co|Holdings)\.?$",
    re.I,
)
# '=' before a word is a URL query ('?text=Acme'); before a number it is a statistic ('p=0.01')
_WEB_JUNK = re.compile(r"https?:|www\.|%[0-9A-F]{2}|\bcookies?\b|=(?=[A-Za-z%])", re.I)
_CONTACT_LABEL = re.compile(
    r"^\W*(?:(?:investor|investors|media|press|public|analyst)\s+(?:relations\s+)?(?:and\s+\w+\s+)?"
    r"contacts?|contacts?|for\s+(?:investors|media|further\s+information)|media\s+inquiries|"
    r"investor\s+inquiries)\b",
    re.I,
)
_PHONE_MAIL = re.compile(r"@|\+?\d[\d\s().-]{7,}\d")
_SENTENCE_BREAK = re.compile(r"\b(?P<word>[A-Za-z]*[a-z]{2})\.\s+[A-Z]")
_ABBREVIATIONS = {"inc", "co", "corp", "ltd", "jr", "sr", "st", "no", "vs", "mr", "ms", "dr", "mrs"}
# fmt: off
FUNCTION_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
    "to", "with", "its", "their", "our", "after", "over", "under", "versus", "vs", "than",
    "that", "amid", "following", "between", "across", "per", "&", "up", "via", "new",
})
# fmt: on
# A wrapped title line ending in a reporting period ('... Full Year 2026') whose noun follows.
_RESULTS_START = re.compile(
    r"(?:(?:financial|operating|fiscal|full[- ]year|quarterly|unaudited|and)\s+)*"
    r"(?:results|earnings|revenues?|sales)\b",
    re.I,
)
# A line may end in an abbreviation's period and still be a title ('..., Ph.D.', '... Inc.').
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z][a-z]?\.){2,3}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|Cos|Bros|plc|L\.P|N\.V|S\.A)\.)$"
)
_TABLE_ROW = re.compile(r"(?:\s[$€£(]?\s?-?[\d.,]+\)?\s?%?){2,}$|^\S+$")
_ENDS_WITH_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\W*$",
    re.I,
)
_DIGIT_END = re.compile(r"\d$")
_DANGLING_END = re.compile(r"(?:\d|\w-\w+)$")
_HEADING_WORDS = re.compile(r"\b(?:highlights|overview|summary|key\s+\w+)\b", re.I)


def _words(text: str) -> list[str]:
    return text.split()


@lru_cache(maxsize=4096)
def case_style(text: str) -> str:
    """'upper', 'title' or 'sentence' (how the line's letters are cased)."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) >= 0.85:
        return "upper"
    words = [
        w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if w.lower() not in FUNCTION_WORDS
    ]
    long_words = [w for w in words if len(w) >= 4] or words
    if not long_words:
        return "title"
    capital = sum(w[0].isupper() for w in long_words)
    return "title" if capital / len(long_words) >= 0.75 else "sentence"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


@lru_cache(maxsize=4096)
def is_furniture_line(text: str) -> bool:
    """Lines above a headline that are never part of it."""
    stripped = text.strip()
    return bool(
        _FURNITURE.match(stripped)
        or EXHIBIT_LABEL.match(stripped)
        or DOC_HEADER.match(stripped)
        or is_page_number(stripped)
        or is_print_header(stripped)
        or _WEB_JUNK.search(stripped)
        or date_line(stripped)
        or (stripped.startswith("(") and stripped.endswith(")"))
        or (find_ticker(stripped) and len(_words(stripped)) <= 8)
        or _is_bare_dateline(stripped)
    )


def _is_bare_dateline(text: str) -> bool:
    found = match_dateline(text)
    return bool(found and found[3])


def _can_start(text: str) -> bool:
    words = _words(text)
    if len(words) < 3 or len(words) > 45 or is_bullet(text) or LETTERHEAD.match(text):
        return False
    end = text.rstrip()
    if not (text[0].isupper() or text[0].isdigit()) or end.endswith(":"):
        return False
    if end.endswith(".") and not _ABBREVIATION_END.search(end):
        return False
    letters = sum(c.isalpha() for c in text)
    if letters < 0.5 * len(text.replace(" ", "")):
        return False
    if any(m["word"].lower() not in _ABBREVIATIONS for m in _SENTENCE_BREAK.finditer(text)):
        return False
    return not _PHONE_MAIL.search(text)


def _opens_wrapped_title(text: str, nxt: str) -> bool:
    """A title line ending in a colon whose second half is printed on the next line
    ('Acme Announces CEO Transition:' / 'Jane Roe to Succeed John Doe')."""
    nxt = nxt.strip()
    if not text.endswith(":") or not nxt or _HEADING_WORDS.search(text):
        return False
    if not _can_start(text[:-1]) or _stops_headline(nxt) or _CONTACT_LABEL.match(nxt):
        return False
    return case_style(nxt) != "sentence" and len(_words(nxt)) >= 2


def continues_title(prev: str, nxt: str, width: int) -> bool:
    """Whether nxt wraps the headline line prev (no print title to go by)."""
    last = prev.split()[-1] if prev.split() else ""
    if (
        prev.rstrip().endswith((",", ";", "&", "-", "–", "—", ":"))
        or last.lower() in FUNCTION_WORDS
    ):
        return True
    if nxt[:1].islower():
        return True
    if _DIGIT_END.search(prev.rstrip()) and _RESULTS_START.match(nxt):
        return True  # '... Full Year 2020' / 'Financial Results and Business Highlights'
    prev_style, next_style = case_style(prev), case_style(nxt)
    if prev_style == "upper" or next_style == "upper":
        return prev_style == next_style
    if next_style != prev_style or _HEADING_WORDS.search(nxt):
        return False
    if _DANGLING_END.search(prev.rstrip()):
        return True  # 'Second Quarter 2026' / 'Full-Year' dangle before their noun
    return len(prev) >= 0.65 * width


def _stops_headline(text: str) -> bool:
    stripped = text.strip()
    return (
        not stripped
        or is_bullet(stripped)
        or is_furniture_line(stripped)
        or stripped.endswith(":")
        or (stripped.startswith("(") and stripped.endswith(")"))
    )


def find_headline(
    texts: list[str], width: int, title: str | None = None
) -> tuple[str, list[str], int | None]:
    """(headline, sub-headlines, index of the headline's first line) from the top lines."""
    norm_title = _norm(title) if title else ""
    start = None
    in_contacts = False
    in_bullet = False
    for i, text in enumerate(texts):
        stripped = text.strip()
        if not stripped:
            in_bullet = False
            continue
        if (
            norm_title
            and len(_words(stripped)) >= 3
            and norm_title.startswith(_norm(stripped))
            and not is_furniture_line(stripped)
        ):
            start = i
            break
        if _CONTACT_LABEL.match(stripped):
            in_contacts = True
            continue
        if is_furniture_line(stripped):
            in_contacts = in_bullet = False
            continue
        if is_bullet(stripped):
            in_bullet = True
            continue
        if in_bullet:
            in_bullet = not re.search(r"[.!?]\W*$", stripped)
            continue
        if in_contacts and (len(_words(stripped)) <= 6 or _PHONE_MAIL.search(stripped)):
            continue
        in_contacts = False
        following = texts[i + 1] if i + 1 < len(texts) else ""
        if _can_start(stripped) or _opens_wrapped_title(stripped, following):
            start = i
            break
    if start is None:
        return "", [], None

    parts = [texts[start].strip()]
    use_title = bool(norm_title) and norm_title.startswith(_norm(parts[0]))
    i = start + 1
    while i < len(texts) and len(parts) < MAX_HEADLINE_LINES:
        nxt = texts[i].strip()
        if use_title:
            joined = _norm(" ".join([*parts, nxt]))
            if not nxt or not norm_title.startswith(joined) or _norm(" ".join(parts)) == norm_title:
                break
        elif _stops_headline(nxt) or not continues_title(parts[-1], nxt, width):
            break
        parts.append(nxt)
        i += 1
    headline = " ".join(" ".join(parts).split())
    return headline, _subheadlines(texts[i:]), start


def _dash_wrapped(text: str) -> bool:
    """'– Sub-headline set between dashes –' (a Markdown '- item' is a list item)."""
    return text.startswith(("–", "—")) or (text.startswith("-") and text.endswith("-"))


def _subheadlines(texts: list[str]) -> list[str]:
    """Lines between the headline and the dateline that are not bullets or furniture."""
    subs: list[str] = []
    open_line = False
    skip_next = False
    for text in texts:
        stripped = text.strip()
        if not stripped:
            open_line = False
            continue
        if skip_next:  # the distributor's name under 'NEWS PROVIDED BY'
            skip_next = False
            continue
        clean = stripped.strip(" –—-").strip()
        if (
            subs
            and open_line
            and clean
            and (
                clean[:1].islower()
                or (clean.startswith("(") and len(_words(clean)) <= 6)  # '(p<0.001)'
                or subs[-1].endswith((",", ";", "&"))
                or subs[-1].split()[-1].lower() in FUNCTION_WORDS
            )
        ):
            subs[-1] = f"{subs[-1]} {clean}"
            open_line = not re.search(r"[.!?]\W*$", stripped)
            continue
        if is_bullet(stripped) and not _dash_wrapped(stripped):
            break
        if is_furniture_line(stripped) or stripped.endswith(":"):
            if subs:
                break
            skip_next = bool(re.match(r"news\s+provided\s+by", stripped, re.I))
            continue
        if (
            len(_words(stripped)) > 70
            or _HEADING_WORDS.search(stripped)
            or (_TABLE_ROW.search(stripped) and not _ENDS_WITH_DATE.search(stripped))
        ):
            break
        if not clean:
            continue
        if len(subs) >= MAX_SUBHEADLINES:
            break
        subs.append(clean)
        open_line = not re.search(r"[.!?]\W*$", stripped)
    return subs
