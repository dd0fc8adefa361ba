"""Find the press release inside a wrapper (8-K cover, exhibits): a span of line indexes.

Wrappers handled, in order:
1. an EDGAR full submission whose press release is a later EX-99 <DOCUMENT> with text;
2. a filing printed or saved with its exhibits, each opening with an 'Exhibit 99.1' label;
3. a cover page (6-K) followed, after the signatures, by the release itself.
Anything else is the whole document, or its main <DOCUMENT> when XBRL parts follow it.
"""

from __future__ import annotations

import re

from irviewer.core.extract.cleanup import DOC_HEADER, EXHIBIT_LABEL
from irviewer.core.extract.cover import has_cover
from irviewer.core.ingest.base import Line

_WORD = re.compile(r"^[A-Za-z][a-z]+[,.;:]?$")
_NUMBER_ONLY = re.compile(r"^\s*\d{1,3}(?:\.\d{1,2})?\s*$")
_SIGNED = re.compile(r"^\s*(?:By:\s*)?/s/|^\s*\S.{0,60}\bBy:\s*/s/", re.I)
_SIGNATURE_TAIL = re.compile(r"^\s*(?:\(.*\)|Name:.*|Title:.*|Date[d]?:.*|By:.*|/s/.*)\s*$", re.I)
_RELEASE_SIGNS = re.compile(
    r"\((?:NYSE|NASDAQ|Nasdaq|TSX|LSE|ASX|Euronext)[^)]{0,12}:|BUSINESS WIRE|/PRNewswire|"
    r"GLOBE NEWSWIRE|today\s+(?:announced|reported|presents|released)|FOR IMMEDIATE RELEASE|"
    r"press (?:release|information)|news release",
    re.I,
)


def _prose_words(lines: list[Line], limit: int = 200) -> int:
    return sum(sum(1 for w in line.text.split() if _WORD.match(w)) for line in lines[:limit])


def _looks_like_release(lines: list[Line]) -> bool:
    head = " ".join(line.text for line in lines[:60])
    return _prose_words(lines) >= 30 and bool(_RELEASE_SIGNS.search(head))


def _skip_labels(lines: list[Line], start: int, end: int) -> int:
    """Step over exhibit labels, document headers and blank lines at the top of an exhibit."""
    i = start
    while i < end:
        text = lines[i].text.strip()
        if (
            not text
            or EXHIBIT_LABEL.match(text)
            or DOC_HEADER.match(text)
            or _NUMBER_ONLY.match(text)
            or text.lower() == "exhibit"
        ):
            i += 1
        else:
            break
    return i


def _doc_headers(lines: list[Line]) -> list[tuple[int, str]]:
    return [
        (i, (m["mtype"] or m["type"]).upper())
        for i, line in enumerate(lines)
        if len(line.text) < 400 and (m := DOC_HEADER.match(line.text))
    ]


def _exhibit_labels(lines: list[Line]) -> list[tuple[int, str]]:
    """(line index, exhibit number) of every exhibit label; 'Exhibit' may sit above its number."""
    labels = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if len(text) > 40:
            continue
        match = EXHIBIT_LABEL.match(text)
        if match:
            labels.append((i, match["num"]))
        elif text.lower() == "exhibit" and i + 1 < len(lines):
            nxt = lines[i + 1].text.strip()
            if _NUMBER_ONLY.match(nxt):
                labels.append((i, nxt))
    return labels


def _after_signatures(lines: list[Line], limit: int = 400) -> int | None:
    """Index of the first line after a cover's signature block, if one is found."""
    for i, line in enumerate(lines[:limit]):
        if _SIGNED.search(line.text):
            j = i + 1
            while j < len(lines) and (
                not lines[j].text.strip() or _SIGNATURE_TAIL.match(lines[j].text)
            ):
                j += 1
            return j
    return None


def find_release(lines: list[Line]) -> tuple[int, int]:
    """Return (start, end) line indexes of the press release; the whole document by default."""
    n = len(lines)
    headers = _doc_headers(lines)
    bounds = [i for i, _ in headers] + [n]
    for k, (i, kind) in enumerate(headers):
        if kind.startswith("EX-99"):
            end = bounds[k + 1]
            start = _skip_labels(lines, i + 1, end)
            if _looks_like_release(lines[start:end]):
                return start, end
    doc_end = next((i for i, kind in headers if i > 0 and not kind.endswith("-K")), n)

    labels = _exhibit_labels(lines[:doc_end])
    label_ends = [i for i, _ in labels[1:]] + [doc_end] if labels else []
    fallback = None
    for (i, num), end in zip(labels, label_ends, strict=True):
        start = _skip_labels(lines, i, end)
        if num.startswith("99") or num.startswith("("):
            if _looks_like_release(lines[start:end]):
                return start, end
            if fallback is None and num.startswith("99") and _prose_words(lines[start:end]) >= 30:
                fallback = (start, end)
    if fallback:
        return fallback

    if has_cover(lines):
        after = _after_signatures(lines[:doc_end])
        if after is not None and _looks_like_release(lines[after:doc_end]):
            return after, doc_end
    return 0, doc_end


def has_press_exhibit(lines: list[Line]) -> bool:
    """True when the file holds an EX-99 document (even one whose text is only images)."""
    return any(kind.startswith("EX-99") for _, kind in _doc_headers(lines))
