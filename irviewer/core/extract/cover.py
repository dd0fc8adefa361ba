"""The cover page of an SEC filing (8-K, 6-K): registrant, Date of Report, 12(b) ticker, items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from irviewer.core.extract.dates import DATE, DATE_RE, date_line, date_of_report, to_iso
from irviewer.core.extract.ticker import cover_ticker
from irviewer.core.ingest.base import Line

# Cover pages print these in capitals; a release's safe-harbour sentence naming the
# 'Securities and Exchange Commission' and a 'Form 10-K' must not count.
_COVER_MARK = re.compile(
    r"SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION.{0,400}?(?:FORM\s+\d{1,2}-K|CURRENT\s+REPORT|"
    r"REPORT\s+OF\s+FOREIGN|SCHEDULE\s+TO)",
    re.S,
)
_EXACT_NAME = re.compile(r"\(\s*Exact\s+name\s+of\s+registrant", re.I)
_ITEM = re.compile(r"\bItem\s+(?P<num>\d{1,2}\.\d{2})\.?\s+(?P<title>[A-Z][^.\n]{0,160})")
_RELEASE_DATED = re.compile(
    rf"press\s+release\s+(?:dated|issued[^;]{{0,60}}?\bon)\s+(?P<date>{DATE})", re.I
)
_SIGNATURES = re.compile(r"^\s*SIGNATURES?\s*$", re.I)
COVER_LINES = 400


@dataclass
class CoverInfo:
    registrant: str | None = None
    date: str | None = None  # Date of Report, ISO
    ticker: str | None = None
    items: list[tuple[str, str]] = field(default_factory=list)  # (number, title)
    body: str = ""  # the items' text, for the kind rules
    release_date: str | None = None  # 'Press Release dated ...' in the exhibit index


def joined(lines: list[Line], limit: int = COVER_LINES) -> str:
    return " ".join(" ".join(line.text.split()) for line in lines[:limit] if line.text.strip())


def has_cover(lines: list[Line]) -> bool:
    """True when the lines open with an SEC cover page."""
    # _COVER_MARK needs 'SECURITIES' in the first 80 lines, _EXACT_NAME 'registrant' in the
    # first 150 (any case: ASCII lines are tested here, others always read)
    if not any("SECURITIES" in line.text for line in lines[:80]) and not any(
        "registrant" in line.text.lower() or not line.text.isascii() for line in lines[:150]
    ):
        return False
    texts = [(i, " ".join(line.text.split())) for i, line in enumerate(lines[:150])]
    texts = [(i, text) for i, text in texts if text]  # as joined(lines, 80) and (lines, 150)
    head = " ".join(text for i, text in texts if i < 80)[:4000]
    if _COVER_MARK.search(head):
        return True
    return bool(_EXACT_NAME.search(" ".join(text for _, text in texts)))


def _registrant(text: str) -> str | None:
    match = _EXACT_NAME.search(text)
    if not match:
        return None
    before = text[: match.start()]
    before = before[before.rfind(")") + 1 :] if ")" in before else before[-200:]
    dates = list(DATE_RE.finditer(before))
    if dates:
        before = before[dates[-1].end() :]
    before = re.sub(r"^.*\b(?:1934|reported\)?)\s*:?", "", before)
    name = before.strip(" :,;-–—")
    if not name or len(name.split()) > 10:
        return None
    return name


def read_cover(lines: list[Line]) -> CoverInfo:
    """Parse the cover page and items of a filing whose lines open with an SEC cover."""
    end = min(len(lines), COVER_LINES)
    for i, line in enumerate(lines[:end]):
        if _SIGNATURES.match(line.text):
            end = i
            break
    text = joined(lines[:end], end)
    info = CoverInfo()
    info.registrant = _registrant(text)
    info.date = date_of_report(text)
    if info.date is None:
        # Some covers print the report date as a bare line under the form name.
        head = lines[: min(end, 40)]
        info.date = next((d for d in (date_line(x.text) for x in head) if d), None)
    info.ticker = cover_ticker(text)
    info.items = [(m["num"], m["title"].strip()) for m in _ITEM.finditer(text)]
    first_item = _ITEM.search(text)
    info.body = text[first_item.start() :] if first_item else ""
    dated = _RELEASE_DATED.search(joined(lines, COVER_LINES * 2))
    info.release_date = to_iso(dated["date"]) if dated else None
    return info
