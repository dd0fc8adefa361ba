"""The dateline that opens a release's first paragraph, and the issuer named right after it.

Forms handled: 'CITY, St. – July 22, 2026 – Company', 'CITY (July 20, 2023) – Company',
'CITY, July 28, 2026 /PRNewswire/ -- Company', 'CITY--(BUSINESS WIRE)--Company',
'City, Country – Company (NYSE: X)' (no date), and a bare 'City, 30 July 2026' line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from irviewer.core.extract.dates import DATE, WEEKDAY, YEAR, to_iso
from irviewer.core.extract.ticker import EXCHANGE, MARKET_WORDS

_CITY_WORD = r"(?:[A-Z][\w.'’\-]*|de|la|du|of|the|upon|am|sur)"
_CITY = (
    rf"(?P<city>[A-Z][\w.'’\-]*(?:\s+{_CITY_WORD}){{0,4}}?"
    rf"(?:,\s*(?!{WEEKDAY})(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,2}})?)"
)
_WIRE = (
    r"(?:/\s*(?:PRNewswire|PR Newswire|GLOBE NEWSWIRE|CNW|Newsfile|EQS-News)[^/]{0,20}/"
    r"|-{1,2}\s*\(\s*(?:BUSINESS WIRE|GLOBE NEWSWIRE|Marketwired|ACCESSWIRE|PRNewswire)\s*\)"
    r"\s*-{1,2}"
    r"|\(\s*(?:BUSINESS WIRE|GLOBE NEWSWIRE)\s*\))"
)
_DASH = r"(?:[-–—]{1,3}|:)"
_DATED = re.compile(
    rf"^{_CITY}\s*(?:,|{_DASH})?\s*\(?\s*(?:{WEEKDAY},?\s+)?(?P<date>{DATE})\s*\)?\s*"
    rf"(?:{_WIRE}\s*{_DASH}?|{_DASH})\s*(?P<rest>\S.*)?$"
)
_WIRED = re.compile(rf"^{_CITY}\s*,?\s*{_WIRE}\s*{_DASH}?\s*(?P<rest>\S.*)$")
# 'CITY, ST / ACCESSWIRE / March 5, 2024 / Acme ...'
_WIRE_FIRST = re.compile(
    rf"^{_CITY}\s*,?\s*/\s*[A-Z][\w .-]{{2,30}}?\s*/\s*(?:{WEEKDAY},?\s+)?(?P<date>{DATE})"
    rf"\s*/?\s*{_DASH}?\s*(?P<rest>\S.*)$"
)
# 'March 5, 2024 -- Acme Corp. (NYSE: ACM) today ...' (no city printed)
_DATE_FIRST = re.compile(
    rf"^\(?(?:{WEEKDAY},?\s+)?(?P<date>{DATE})\)?\s*"
    rf"(?:{_WIRE}\s*{_DASH}?|{_DASH})\s*(?P<rest>\S.*)$"
)
_BARE = re.compile(rf"^{_CITY},\s+(?:{WEEKDAY},?\s+)?(?P<date>{DATE})\s*$")
_UNDATED = re.compile(rf"^{_CITY}\s+[–—-]{{1,2}}\s+(?P<rest>\S.*)$")
_ISSUER_PAREN = re.compile(rf"\(\s*(?:{EXCHANGE}){MARKET_WORDS}\s*:")
_YEAR = re.compile(YEAR)
_TODAY = re.compile(r"\btoday\b")
_NOT_CITY = re.compile(
    r"^(?:On|In|As|At|For|The|This|Today|Date[ds]?|By|From|Since|Effective)\b", re.I
)


@dataclass
class Dateline:
    index: int  # position in the list searched
    city: str | None
    date: str | None
    rest: str  # the text after the dateline (the lead sentence)
    bare: bool = False  # a 'City, date' line on its own, above the headline


def _clean_city(city: str) -> str:
    return city.strip(" ,–—-")


@lru_cache(maxsize=8192)
def match_dateline(text: str) -> tuple[str | None, str | None, str, bool] | None:
    """(city, ISO date or None, rest, bare) when the text opens with a dateline."""
    text = text.strip()
    if len(text) < 6:
        return None
    # Patterns run only when the text holds what they need: a year, a wire's '/' or '(', a dash.
    dated = _YEAR.search(text) is not None
    match = _DATE_FIRST.match(text) if dated else None
    if match and (
        _ISSUER_PAREN.search(match["rest"][:160]) or _TODAY.search(match["rest"])
    ):
        return None, to_iso(match["date"]), match["rest"], False
    if _NOT_CITY.match(text):
        return None
    match = _WIRE_FIRST.match(text) if dated and "/" in text else None
    if match and len(match["city"].split()) <= 7:
        return _clean_city(match["city"]), to_iso(match["date"]), match["rest"], False
    match = _DATED.match(text) if dated else None
    if match and len(match["city"].split()) <= 7:
        return _clean_city(match["city"]), to_iso(match["date"]), match["rest"] or "", False
    match = _WIRED.match(text) if "/" in text or "(" in text else None
    if match:
        return _clean_city(match["city"]), None, match["rest"], False
    match = _BARE.match(text) if dated else None
    if match:
        return _clean_city(match["city"]), to_iso(match["date"]), "", True
    match = _UNDATED.match(text) if "-" in text or "–" in text or "—" in text else None
    if (
        match
        and len(match["city"].split()) <= 5
        and (
            _ISSUER_PAREN.search(match["rest"][:160])
            or _TODAY.search(match["rest"][:200])
        )
    ):
        return _clean_city(match["city"]), None, match["rest"], False
    return None


def find_dateline(texts: list[str]) -> Dateline | None:
    """The first line that opens with a dateline; the rest includes the next two lines."""
    bare: Dateline | None = None
    for i, text in enumerate(texts):
        found = match_dateline(text)
        if not found:
            continue
        city, date, rest, is_bare = found
        if is_bare:
            bare = bare or Dateline(i, city, date, "", True)
            continue
        rest = " ".join([rest, *texts[i + 1 : i + 3]]).strip()
        return Dateline(i, city, date, rest)
    return bare


_NAME_BEFORE_VERB = re.compile(
    r"^(?P<name>[A-Z0-9][\w&.'’-]*(?:,?\s+(?:[A-Z0-9&][\w&.'’-]*|of|de|and|the)){0,6}?)"
    r"(?:\s*\(|,\s+(?:a|an|the)\s|\s+(?:today|announced|reported|has|have|will|is|and\s+\w+\s+"
    r"today)\b)"
)


_SUFFIX = r"(?:Inc|Corp|Corporation|Co|Ltd|plc|N\.V|S\.A|SE|AG|LLC|L\.P|Company|Group|Holdings)\.?"
_GENERIC = re.compile(r"^(?:the\s+)?(?:company|we|our|it|shareholders|management)\b", re.I)


def issuer_from_lead(rest: str) -> str | None:
    """'Acme Widgets, Inc. (NASDAQ: ACMW) today...' -> 'Acme Widgets, Inc.'."""
    rest = re.sub(r"^(?:Today|Yesterday)\s*,\s*", "", rest.strip())
    paren = _ISSUER_PAREN.search(rest[:200])
    if paren:
        name = rest[: paren.start()]
    else:
        match = _NAME_BEFORE_VERB.match(rest)
        if not match:
            return None
        name = match["name"]
    name = re.sub(r"\([^)]*\)", " ", name)  # aliases: ("Acme")
    name = " ".join(name.split()).strip(' ,;–—-"“”')
    first = re.match(rf"^(?P<first>.+?\b{_SUFFIX})\s+and\s+", name)
    if first:  # 'Acme Corp. and Widget Co.': the first named is the issuer
        name = first["first"]
    if not name or len(name.split()) > 8 or not name[0].isalnum() or _GENERIC.match(name):
        return None
    return name
