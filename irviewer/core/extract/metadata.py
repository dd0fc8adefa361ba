"""Date, headline, sub-headlines, company, ticker, dateline and kind of a release.

Only the top of the release is read for the title block and dateline (a few pages at most);
the ticker falls back to one search of the whole release (e.g. an 'About' block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from irviewer.core.extract.body_lines import strip_italic_line
from irviewer.core.extract.cleanup import clean_text, merge_word_runs, print_title
from irviewer.core.extract.cover import CoverInfo, has_cover, read_cover
from irviewer.core.extract.dateline import Dateline, find_dateline, issuer_from_lead
from irviewer.core.extract.dates import date_line
from irviewer.core.extract.headline import LETTERHEAD, find_headline
from irviewer.core.extract.kind import classify_items, classify_text
from irviewer.core.extract.release import has_press_exhibit
from irviewer.core.extract.ticker import find_ticker
from irviewer.core.ingest.base import Line

TOP_LINES = 160  # lines of the release searched for the title block and dateline
TOP_PAGES = 3
REGION_WITHOUT_DATELINE = 60
_ABOUT = re.compile(r"^\s*about\s+(?P<name>[A-Z0-9][^:.]{1,60}?)\s*:?\s*$", re.I)
_HEADLINE_VERB = re.compile(
    r"\s+(?:reports?|announces?|completes?|names?|appoints?|presents?|launch(?:es)?|"
    r"provides?|declares?|enters?|signs?|posts?|delivers?|raises?|again)\b"
    r"|:\s",
    re.I,
)


@dataclass
class Metadata:
    date: str | None = None
    headline: str | None = None
    subheadlines: list[str] = field(default_factory=list)
    company: str | None = None
    ticker: str | None = None
    dateline: str | None = None
    kind: str = "other"


def _top(release: list[Line]) -> list[Line]:
    if not release:
        return []
    last_page = release[0].page + TOP_PAGES - 1
    top = release[:TOP_LINES]
    return [line for line in top if line.page <= last_page]


def _cover_metadata(lines: list[Line], cover: CoverInfo) -> Metadata:
    """An 8-K main document without a press release: everything comes from the cover."""
    date = cover.date
    if cover.release_date and has_press_exhibit(lines):
        date = cover.release_date  # the release is in the file, though not as text
    return Metadata(
        date=date,
        headline="",
        company=cover.registrant,
        ticker=cover.ticker,
        kind=classify_items(cover.items, cover.body),
    )


def _about_company(release: list[Line], headline: str) -> str | None:
    """The name in an 'About X' heading whose first word the headline mentions."""
    names = []
    for line in release:
        match = _ABOUT.match(line.text)
        if match and len(match["name"].split()) <= 6:
            names.append(match["name"].strip())
    head = headline.casefold()
    for name in names:
        if name.split()[0].casefold() in head:
            return name
    return None


def _headline_subject(headline: str) -> str | None:
    """'Acme reports fiscal 2023 results' -> 'Acme'."""
    match = _HEADLINE_VERB.search(headline)
    if not match or match.start() == 0:
        return None
    subject = headline[: match.start()].strip(" ,:;")
    return subject if 1 <= len(subject.split()) <= 5 else None


def _width(texts: list[str]) -> int:
    lengths = sorted(len(t) for t in texts if t.strip())
    if not lengths:
        return 80
    return lengths[int(0.9 * (len(lengths) - 1))]


def _title_date(texts: list[str], head_index: int | None, region_end: int) -> str | None:
    """A date printed on its own line above the headline or just under it."""
    stop = region_end if head_index is None else min(region_end, head_index + 8)
    for text in texts[:stop]:
        iso = date_line(text)
        if iso:
            return iso
    return None


def extract_metadata(lines: list[Line], start: int, end: int) -> Metadata:
    """Read the metadata of the release at lines[start:end] (the cover may sit before it)."""
    release = lines[start:end]
    cover = read_cover(lines) if has_cover(lines) else None
    if cover is not None and start == 0:
        return _cover_metadata(lines, cover)

    top = _top(release)
    merged = merge_word_runs([strip_italic_line(clean_text(line.text)) for line in top])
    texts = [text for text, _ in merged]
    dateline: Dateline | None = find_dateline(texts)
    if dateline is not None and not dateline.bare:
        region_end = dateline.index
    else:
        region_end = min(len(texts), REGION_WITHOUT_DATELINE)
    headline, subheadlines, head_index = find_headline(
        texts[:region_end], _width(texts[: region_end + 20]), print_title(release)
    )

    date = dateline.date if dateline and dateline.date else None
    date = date or _title_date(texts, head_index, region_end)

    lead = dateline.rest if dateline else ""
    company = cover.registrant if cover else None
    company = company or (issuer_from_lead(lead) if lead else None)
    company = company or _about_company(release, headline) or _headline_subject(headline)
    if company is None:
        stop = head_index if head_index is not None else min(region_end, 10)
        company = next((t for t in texts[:stop] if LETTERHEAD.match(t.strip())), None)

    ticker = find_ticker(lead) or find_ticker(" ".join(texts[: region_end + 3]))
    if ticker is None:
        ticker = find_ticker(" ".join(clean_text(line.text) for line in release))
    if ticker is None and cover is not None:
        ticker = cover.ticker

    kind = classify_text(headline, lead[:400], " ".join(subheadlines))
    return Metadata(
        date=date,
        headline=headline,
        subheadlines=subheadlines,
        company=company,
        ticker=ticker,
        dateline=dateline.city if dateline else None,
        kind=kind,
    )
