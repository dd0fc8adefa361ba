"""Printed dates with month names ('July 20, 2023', 'Aug. 6, 2026', '30 July 2026') to ISO.

Numeric dates (`8/14/26`) are never read: in releases they are browser print headers or
table headings, not the release date.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from dateutil import parser as dateparser

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
YEAR = r"(?:19|20)\d{2}"
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+{YEAR})"
)
DATE_RE = re.compile(rf"\b{DATE}\b")
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z][A-Za-z]*){0,3})"
# A line that holds nothing but a date (optionally a weekday before and a time after).
DATE_LINE = re.compile(rf"^\W{{0,3}}(?:{WEEKDAY},?\s+)?(?P<date>{DATE}){_TIME}?\W{{0,3}}$")
DATE_OF_REPORT = re.compile(
    rf"date\s+of\s+(?:report|earliest\s+event)[^:]{{0,60}}?:?\s*\)?\s*(?P<date>{DATE})", re.I
)


@lru_cache(maxsize=4096)
def to_iso(text: str) -> str | None:
    """'Aug. 6, 2026' -> '2026-08-06'; None when the text holds no valid month-name date."""
    match = DATE_RE.search(text)
    if not match:
        return None
    raw = _ORDINAL.sub(r"\1", match.group(0)).replace(".", "")
    try:
        value = dateparser.parse(raw, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return value.date().isoformat()


def date_line(text: str) -> str | None:
    """ISO date when the whole line is a printed date, else None."""
    match = DATE_LINE.match(text.strip())
    return to_iso(match["date"]) if match else None


def date_of_report(text: str) -> str | None:
    """The Date of Report printed on an SEC cover page (text may span joined lines)."""
    match = DATE_OF_REPORT.search(text)
    return to_iso(match["date"]) if match else None
