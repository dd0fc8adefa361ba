"""Where the reading body starts: after the title block the metadata already holds.

Releases open with furniture (letterhead, FOR IMMEDIATE RELEASE, a date line), the headline
and its sub-headlines before the dateline paragraph. The reader shows those above the body,
so the body leaves them out. The headline's lines are found by their words; the block ends
after the sub-headlines and any furniture right under them. Lines above the headline are
dropped when they are furniture or short logo lines; a contact block printed above the
headline stays (its phones and mailboxes are not repeated anywhere else in the text).
"""

from __future__ import annotations

import re
from typing import Protocol

from irviewer.core.extract.body_lines import BodyLine
from irviewer.core.extract.dateline import match_dateline
from irviewer.core.extract.dates import date_line
from irviewer.core.extract.headline import LETTERHEAD, is_furniture_line

SEARCH_LINES = 120  # non-blank lines searched for the headline
_CONTACTISH = re.compile(r"@|\d{3}[\s.)-]+\d{3}[\s.-]\d{4}|\+\d")
_RELEASE_LABEL = re.compile(
    r"^\W*(?:for\s+immediate\s+release|immediate\s+release|(?:press|news|media)\s+release)"
    r"\W*$",
    re.I,
)


class TitleInfo(Protocol):
    headline: str | None
    subheadlines: list[str]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def _headline_span(lines: list[BodyLine], head: str) -> tuple[int, int] | None:
    """(first, last) line indexes whose joined words are the headline's (above the dateline)."""
    seen = 0
    for i, line in enumerate(lines):
        first = _norm(line.text)
        if not first:
            continue
        seen += 1
        if seen > SEARCH_LINES or opens_dateline(line.text):
            break
        if not head.startswith(first):
            continue
        joined, j, last = first, i, i
        while joined != head:
            j += 1
            if j >= len(lines):
                break
            part = _norm(lines[j].text)
            if not part:
                continue
            if not head.startswith(f"{joined} {part}"):
                break
            joined, last = f"{joined} {part}", j
        if joined == head:
            return i, last
    return None


def opens_dateline(text: str) -> bool:
    """'CITY, St., Month D, YYYY -- Company ...': the first paragraph starts here."""
    found = match_dateline(text)
    return bool(found) and not found[3] and bool(found[0] or found[1])


def _is_title_furniture(text: str) -> bool:
    stripped = text.strip()
    if opens_dateline(stripped):
        return False
    return bool(is_furniture_line(stripped) or date_line(stripped) or LETTERHEAD.match(stripped))


def _keep_above(lines: list[BodyLine]) -> list[BodyLine]:
    """Lines above the headline worth reading: all but date lines and release labels when a
    contact block or prose is among them, else none (letterheads, logos, release labels)."""
    substantive = any(
        _CONTACTISH.search(line.text) or len(line.text.split()) > 12 for line in lines
    )
    if not substantive:
        return []
    return [
        line
        for line in lines
        if not _RELEASE_LABEL.match(line.text) and not date_line(line.text.strip())
    ]


def body_start(lines: list[BodyLine], meta: TitleInfo | None) -> list[BodyLine]:
    """The body lines without the leading title block (unchanged when it is not found)."""
    if meta is None or not meta.headline:
        return lines
    head = _norm(meta.headline)
    span = _headline_span(lines, head) if head else None
    if span is None:
        return lines
    first, last = span
    subs = [_norm(s) for s in meta.subheadlines]
    end = last + 1
    k = end
    while k < len(lines):
        text = lines[k].text
        norm = _norm(text)
        if not norm:
            k += 1
            continue
        if opens_dateline(text):
            break
        if any(f" {norm} " in f" {sub} " for sub in subs) or _is_title_furniture(text):
            end = k + 1
            k += 1
            continue
        break
    above = _keep_above(lines[:first])
    if above:  # what was above the headline does not run on into what was below it
        above.append(BodyLine("", lines[first].page, whole=True))
    return above + lines[end:]
