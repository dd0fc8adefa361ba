"""Which printed lines belong in the reading body: furniture and financial tables are left out.

A line is numeric when at least two of its tokens, and two fifths of them, are numbers. A run
of numeric and short label lines holding three or more numeric lines is a table: its lines
are dropped up to the last numeric line (labels and headings after it are kept). HTML table
rows are dropped when their table is mostly numbers, else read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from irviewer.core.extract.chars import ends_with_mark, has_digit
from irviewer.core.extract.cleanup import EXHIBIT_LABEL, clean_text, is_furniture, repeated_lines
from irviewer.core.extract.dates import date_line
from irviewer.core.extract.md_tables import find_pipe_tables, is_separator, pipe_cells, row_text
from irviewer.core.extract.numbers import looks_numeric
from irviewer.core.ingest.base import Line

_END_MARK = re.compile(r"^\s*(?:#\s*){3}\s*$|^\s*-\s*(?:more|end)\s*-\s*$|^\s*--more--\s*$", re.I)
_WEB_BUTTON = re.compile(
    r"^\s*(?:share|print|email|tweet|ok|back\s+to\s+top|more|menu|search)\s*$", re.I
)
_COOKIES = re.compile(r"\bcookies?\b.{0,200}\b(?:site|website|privacy|consent|agree|accept)", re.I)
_URL_TOKEN = re.compile(r"://|%[0-9A-F]{2}|=|^www\.|^\(?https?")
# A parenthesised link left open at the end of a line: a browser printing a page wraps the URL
# of a link over the next lines, one unbroken piece each, up to the closing parenthesis.
_OPEN_LINK = re.compile(r"\(https?://[^\s)]*$")
_LINK_PIECES_MAX = 8
_VIEW_SOURCE = re.compile(
    r"^\s*view\s+(?:source|original)\s+(?:version|content)\b.*https?://", re.I
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_MARKER_ONLY = re.compile(r"^\s*[(\[]?(?:\d{1,2}|[*†‡]{1,3}|[a-z])[)\]]?\s*$")
_DASH_CELLS = {"-", "—", "–", "—%", "-%"}
_NUMBER_START = set("0123456789$€£(-−–.+")
_PAGE_DASH = re.compile(r"\d{1,4}-")
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


# A whole line set in Markdown italics: '*Sub-headline text*' or '_Sub-headline text_'
# (not a '* ' bullet item: the opening mark touches the first word).
_MD_ITALIC_LINE = re.compile(r"^\s*(?P<mark>[*_])(?P<inner>[^\s*_](?:[^*]*[^\s*_])?)(?P=mark)\s*$")


def strip_italic_line(text: str) -> str:
    """The words of a line set in Markdown italics as a whole; other lines unchanged."""
    match = _MD_ITALIC_LINE.match(text)
    return match["inner"] if match else text


@dataclass
class BodyLine:
    text: str  # cleaned text; "" for a blank line
    page: int
    # a paragraph of its own, never joined (a table row read as text); with no text, a hard
    # paragraph break (where the title block was cut out)
    whole: bool = False
    heading: bool = False  # marked as a heading where it was printed ('## Outlook' in Markdown)


def _is_number(token: str) -> bool:
    if token in _DASH_CELLS:
        return True
    return token[:1] in _NUMBER_START and has_digit(token) and looks_numeric(token)


@lru_cache(maxsize=8192)
def is_numeric_line(text: str) -> bool:
    """Two fifths of the tokens are numbers, or the line ends with two or more of them."""
    if not has_digit(text) and "-" not in text and "—" not in text and "–" not in text:
        return False  # every number holds a digit, every dash cell a dash
    tokens = [t.strip(",;") for t in text.split() if t not in ("$", "%", "€", "£")]
    flags = [_is_number(t) for t in tokens]
    numeric = sum(flags)
    if numeric >= 2 and numeric >= 0.4 * len(tokens):
        return True
    trailing = 0
    while trailing < len(flags) and flags[-1 - trailing]:
        trailing += 1
    before = tokens[-1 - trailing].rstrip(".").lower() if trailing < len(tokens) else ""
    return trailing >= 2 and before[:3] not in _MONTHS


def _is_short(text: str) -> bool:
    """A label or heading line: up to 12 words, no sentence end ('Revenues:' counts)."""
    words = len(text.split())
    if words > 12:
        return False
    stripped = text.strip()
    terminal = ends_with_mark(stripped, ".!?:;", '"”’)')  # r"[.!?:;][\"”’)]*$"
    return not terminal or (stripped.endswith(":") and words <= 4)


def _numeric_tables(lines: list[Line]) -> set[int]:
    """Indexes of HTML tables whose rows are mostly numbers."""
    rows: dict[int, list[bool]] = {}
    for line in lines:
        if line.table is not None and line.cells is not None:
            cells = [c for c in line.cells[1:] if c.strip()]
            has_number = any(
                looks_numeric(c.replace("$", "").strip()) for c in cells if c.strip("$ ")
            )
            rows.setdefault(line.table, []).append(has_number)
    return {t for t, flags in rows.items() if sum(flags) >= 2 and sum(flags) >= 0.4 * len(flags)}


def is_web_junk(text: str) -> bool:
    """Cookie banners, share-link URLs broken over lines, and their fragments."""
    tokens = text.split()
    if not tokens:
        return False
    if (not text.isascii() or "cookie" in text.lower()) and _COOKIES.search(text):
        return True
    if _WEB_BUTTON.match(text):
        return True
    if not any(mark in text for mark in ("://", "%", "=", "www.", "http")):
        urlish = 0
    else:
        urlish = sum(1 for t in tokens if _URL_TOKEN.search(t))
    if urlish >= 0.5 * len(tokens):
        return True
    return len(tokens) == 1 and (len(tokens[0]) > 30 or bool(_PAGE_DASH.fullmatch(tokens[0])))


def body_lines(lines: list[Line]) -> list[BodyLine]:
    """The release's lines minus furniture and financial tables; blanks kept as ''."""
    repeated = repeated_lines(lines)
    numeric_tables = _numeric_tables(lines)
    pipe_rows = _pipe_rows(lines)
    kept: list[BodyLine] = []
    link_pieces = 0  # lines that may still continue a wrapped link's URL
    for i, line in enumerate(lines):
        if line.table is not None and line.table in numeric_tables:
            continue
        if i in pipe_rows:
            if pipe_rows[i]:
                kept.append(BodyLine(pipe_rows[i], line.page, whole=True))
            continue
        raw = line.text
        if link_pieces:
            piece, left = raw.strip(), link_pieces - 1
            link_pieces = 0
            if piece and " " not in piece:  # one unbroken piece: the URL goes on
                link_pieces = 0 if piece.endswith(")") else left
                continue
        if "(http" in raw and _OPEN_LINK.search(raw):
            link_pieces = _LINK_PIECES_MAX
        read = _read_line(raw)
        if read is None or (repeated and is_furniture(raw, repeated)):
            continue
        text, md_heading = read
        kept.append(BodyLine(text, line.page, heading=line.cells is None and md_heading))
    return _drop_text_tables(kept)


@lru_cache(maxsize=8192)
def _read_line(raw: str) -> tuple[str, bool] | None:
    """A printed line's cleaned text and whether it is marked as a Markdown heading; None
    for furniture and web junk (running heads, which depend on the document, aside)."""
    if (
        is_furniture(raw)
        or _END_MARK.match(raw)
        or _VIEW_SOURCE.match(raw)
        or _MARKER_ONLY.match(raw)
        or is_web_junk(raw)
        or EXHIBIT_LABEL.match(raw)
    ):
        return None
    text = strip_italic_line(clean_text(raw))
    return text, bool(_MD_HEADING.match(raw)) and not date_line(text)


def _pipe_rows(lines: list[Line]) -> dict[int, str]:
    """Markdown pipe-table lines: '' for rows left out (separators, financial tables, which
    are extracted as tables), else the row read as text."""
    rows: dict[int, str] = {}
    for table in find_pipe_tables([line.text for line in lines]):
        for i in range(table.start, table.end):
            cells = pipe_cells(lines[i].text) or []
            drop = table.is_financial or is_separator(cells)
            rows[i] = "" if drop else clean_text(row_text(cells))
    return rows


def _drop_text_tables(lines: list[BodyLine]) -> list[BodyLine]:
    """Drop runs of numeric and short label lines that hold at least three numeric lines."""
    idx = [i for i, line in enumerate(lines) if line.text]
    numeric = [is_numeric_line(lines[i].text) and not lines[i].whole for i in idx]
    tabular = [
        not lines[i].whole and (n or _is_short(lines[i].text))
        for n, i in zip(numeric, idx, strict=True)
    ]
    drop: set[int] = set()
    k = 0
    while k < len(idx):
        if not tabular[k]:
            k += 1
            continue
        j = k
        while j < len(idx) and tabular[j]:
            j += 1
        numeric_at = [m for m in range(k, j) if numeric[m]]
        if len(numeric_at) >= 3:
            # the run up to its last numeric line, blank lines inside it included
            drop.update(range(idx[k], idx[numeric_at[-1]] + 1))
        k = j
    return [line for i, line in enumerate(lines) if i not in drop]
