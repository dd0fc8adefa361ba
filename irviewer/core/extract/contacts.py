"""Investor-relations and media contacts from a release's contact blocks.

A contact block starts at an audience or 'Contact' label ('For Investors:', 'Media Contact',
'Contacts:', 'For more information, contact:') and runs over the following lines while they
hold only names, titles, organisations, phones, emails and labels. Lines outside any labelled
block that hold nothing but contact details (a bare press@ mailbox, a one-line signature)
are read too, but kept only when a title or the mailbox says which audience they serve.
Phones in prose (conference-call dial-ins, hotlines, agents) are never read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from irviewer.core.extract.chars import count_digits
from irviewer.core.extract.contacts_grid import cell_columns, column_count, split_row
from irviewer.core.extract.contacts_parse import Entry, Reader
from irviewer.core.extract.contacts_roles import finish_entries, mail_domain
from irviewer.core.extract.contacts_text import (
    iter_pieces,
    leading_pieces,
    loose_contact_line,
    may_hold_phone,
    parse_labels,
    split_pieces,
)
from irviewer.core.extract.contacts_words import (
    DANGLING,
    ORG_SUFFIX_RE,
    Piece,
    find_emails,
    is_title,
    norm_key,
)
from irviewer.core.ingest.base import Line
from irviewer.core.records import Contact

log = logging.getLogger(__name__)

MAX_BLOCK_ROWS = 40
STOP_RE = re.compile(
    r"^(?:about\b|source\b|###|forward[- ]looking|cautionary|safe harbor)",
    re.IGNORECASE,
)
# Words every label holds; lines without one are not tried as block openers.
LABEL_WORD_RE = re.compile(
    r"(?i)contact|investor|media|press|relations|communications|inquir|enquir|information"
    r"|shareholder|analyst|newsroom|journalist|\bIR\b|\bPR\b"
)
_LABEL_WORDS = ("contact", "investor", "media", "press", "relations", "communications", "inquir",
                "enquir", "information", "shareholder", "analyst", "newsroom", "journalist")
# r"\b(?:ir|pr)\b", written to start with a character set (the engine skips ahead to it)
_IR_PR = re.compile(r"[ip]r(?!\w)(?<!\w[ip]r)")
_LEAD_MARKS = re.compile(r"[#>*\s]+")
_CELL_TEXT = re.compile(r"\S+(?: \S+)*")
CONTACT_KINDS = {"email", "phone", "label", "generic", "paren", "or", "prefix", "fax", "name",
                 "title", "org", "ignore"}


@dataclass
class Row:
    """One printed line, or several short lines joined into one label ('Investor' /
    'Relations' / 'Contact:')."""

    text: str
    cells: tuple[str, ...] | None
    page: int
    raw: str = ""  # the line as printed, indentation kept (fixed-width text columns)


def extract_contacts(lines: list[Line], company: str | None = None) -> list[Contact]:
    """Every investor, media or plain 'Contact' person or mailbox printed in the release."""
    rows = _rows(lines)
    if not rows:
        return []
    hints = _hints(rows, company)
    entries: list[tuple[Entry, int]] = []  # (entry, first row of its block)
    taken: set[int] = set()
    i = 0
    while i < len(rows):
        if _has_label_word(rows[i].text) and _opens_block(rows[i].text, hints):
            end = _block_end(rows, i, hints)
            entries += [(e, i) for e in _read_block(rows[i:end], hints, Reader())]
            taken.update(range(i, end))
            i = end
            continue
        i += 1
    for start, end in _loose_blocks(rows, taken, hints):
        entries += [(e, start) for e in _read_block(rows[start:end], hints, Reader())]
    entries.sort(key=lambda item: item[1])  # print order (the sort is stable within a block)
    return finish_entries(entries, rows_text=[r.text for r in rows], company=company)


def _has_label_word(text: str) -> bool:
    """LABEL_WORD_RE.search, with plain substring tests first for ASCII text."""
    if text.isascii():
        low = text.lower()
        for word in _LABEL_WORDS:
            if word in low:
                return True
        return _IR_PR.search(low) is not None  # ASCII: lower case changes no word boundary
    return LABEL_WORD_RE.search(text) is not None


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    # as re.sub(r"^[#>*\s]+|[*_\s]+$", "", text), without trying the tail at every position
    lead = _LEAD_MARKS.match(text)
    start, end = (lead.end() if lead else 0), len(text)
    while end > start and (text[end - 1] in "*_" or text[end - 1].isspace()):
        end -= 1
    return text[start:end].replace("**", "")


def _rows(lines: list[Line]) -> list[Row]:
    """Cleaned rows. Runs of one-to-three-word lines that spell one label are joined, and so
    is a job title wrapped onto a second line."""
    texts = [_clean(line.text) for line in lines]
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        last = _label_run(texts, lines, i)
        if last == i and _wraps(texts, lines, i):
            last = i + 1
        if last > i:
            text = " ".join(texts[i: last + 1])
            rows.append(Row(text, None, lines[i].page, text))
        else:
            raw = lines[i].text.expandtabs(8).rstrip()
            rows.append(Row(texts[i], lines[i].cells, lines[i].page, raw))
        i = last + 1
    return rows


def _wraps(texts: list[str], lines: list[Line], i: int) -> bool:
    """A job title cut short at the end of its line, continued on the next."""
    text = texts[i]
    if i + 1 >= len(lines) or not text or lines[i + 1].page != lines[i].page:
        return False
    nxt = texts[i + 1].split(None, 3)  # (more than three words: four items)
    return (0 < len(nxt) <= 3 and text.rsplit(None, 1)[-1].casefold() in DANGLING
            and is_title(text) and all(w[0].isupper() or w in ("&", "and", "of") for w in nxt))


def _label_run(texts: list[str], lines: list[Line], i: int) -> int:
    """Last index of a run of short lines starting at i that together spell a label
    ('Investor' / 'Relations' / 'Contact:'); i when there is none."""
    if not texts[i] or len(texts[i].split(None, 3)) > 3:  # (split no further than needed)
        return i
    best = i
    parts = [parse_labels(texts[i])]
    for j in range(i + 1, min(i + 4, len(lines))):
        nxt = texts[j]
        if not nxt or len(nxt.split(None, 3)) > 3 or lines[j].page != lines[i].page:
            break
        parts.append(parse_labels(nxt))
        joined = parse_labels(" ".join(texts[i: j + 1]))
        if joined is None or any(p.org for p in joined):
            continue
        apart = sum(len(p) if p is not None else 1 for p in parts)
        if len(joined) < apart or any(p is None for p in parts):
            best = j
    return best


def _hints(rows: list[Row], company: str | None) -> frozenset[str]:
    """Normalised strings that name an organisation here: the company and mail domains."""
    hints: set[str] = set()
    if company:
        hints.add(norm_key(company))
        hints.add(norm_key(ORG_SUFFIX_RE.sub("", company)))
    for row in rows:
        if "@" in row.text:
            hints.update(mail_domain(e) for _, _, e in find_emails(row.text))
    return frozenset(h for h in hints if len(h) >= 2)


@lru_cache(maxsize=8192)
def _opens_block(text: str, hints: frozenset[str]) -> bool:
    # The first pieces often settle it (a sentence that mentions investors): they can be
    # told without looking for phone numbers.
    if _is_anchor(leading_pieces(text, hints), partial=True) is False:
        return False
    return bool(_is_anchor(iter_pieces(text, hints)))


def _is_anchor(pieces: Iterable[Piece], partial: bool = False) -> bool | None:
    """A line that opens a contact block: it starts with a label and holds contact material.

    Stops at the first piece that settles it (pieces may come one at a time). With only the
    first pieces of a line (partial), None when they do not settle it."""
    first = True
    for p in pieces:
        if p.kind == "ignore":
            continue
        if first and p.kind not in ("label", "generic"):
            return False
        if p.kind not in CONTACT_KINDS:
            return False
        first = False
    return None if partial else not first


def _contact_row(row: Row, hints: frozenset[str]) -> bool:
    pieces = split_pieces(row.text, hints)
    return all(p.kind in CONTACT_KINDS for p in pieces) or loose_contact_line(row.text)


def _block_end(rows: list[Row], start: int, hints: frozenset[str]) -> int:
    """Index after the last row of the block opened at ``start``.

    A block may run over a page break: up to three page footer/header rows next to the
    break are passed over.
    """
    end = start + 1
    blanks = skipped = 0
    while end < len(rows) and end - start < MAX_BLOCK_ROWS:
        text = rows[end].text
        if not text:
            blanks += 1
            if blanks > 2:
                break
            end += 1
            continue
        blanks = 0
        if STOP_RE.match(text):
            break
        if not _contact_row(rows[end], hints):
            if skipped >= 3 or not _near_page_break(rows, end):
                break
            skipped += 1
        end += 1
    while end - 1 > start and not _contact_row(rows[end - 1], hints):
        end -= 1  # do not end on skipped header rows
    return end


def _near_page_break(rows: list[Row], i: int) -> bool:
    lo, hi = max(0, i - 3), min(len(rows), i + 4)
    return any(rows[k].page != rows[i].page for k in range(lo, hi))


def _loose_blocks(rows: list[Row], taken: set[int], hints: frozenset[str]):
    """Unlabelled runs of contact lines that hold an email or phone (start, end) spans."""
    i = 0
    while i < len(rows):
        text = rows[i].text
        if i in taken or not text or len(text) > 200 or (
            "@" not in text and (count_digits(text) < 7 or not may_hold_phone(text))
        ):
            i += 1
            continue
        pieces = split_pieces(rows[i].text, hints)
        if not any(p.kind in ("email", "phone") for p in pieces) or not all(
            p.kind in CONTACT_KINDS for p in pieces
        ):
            i += 1
            continue
        start = i
        while start - 1 >= 0 and start - 1 not in taken and i - start < 3:
            prev = split_pieces(rows[start - 1].text, hints)
            if not prev or not all(p.kind in ("name", "title", "org") for p in prev):
                break
            start -= 1
        end = i + 1
        while end < len(rows) and end not in taken and end - start < 12:
            nxt = split_pieces(rows[end].text, hints)
            if rows[end].text and not all(p.kind in CONTACT_KINDS for p in nxt):
                break
            if STOP_RE.match(rows[end].text):
                break
            end += 1
        yield start, end
        i = end


def _read_block(rows: list[Row], hints: frozenset[str], reader: Reader) -> list[Entry]:
    """Entries of one block: sections start at label rows; wide sections are grids."""
    entries: list[Entry] = []
    for section in _sections(rows, hints):
        n = max((column_count(r.text, r.cells, hints) for _, r in section), default=1)
        if n > 1:
            entries += _read_grid([r for _, r in section], n, hints, reader)
            continue
        for i, row in section:
            pieces = [p for p in split_pieces(row.text, hints) if p.kind != "ignore"]
            if pieces and all(p.kind == "other" for p in pieces):
                if _near_page_break(rows, i) or reader.cur is None or reader.cur.empty:
                    continue  # a page header or footer, or text inside a contact
                reader.close()  # a heading after a finished contact ('Conference Call')
                return entries + reader.entries
            reader.feed(pieces)
            reader.end_line()
    reader.close()
    return entries + reader.entries


def _sections(rows: list[Row], hints: frozenset[str]) -> list[list[tuple[int, Row]]]:
    """Non-blank rows cut before each row that holds only labels."""
    sections: list[list[tuple[int, Row]]] = []
    for i, row in enumerate(rows):
        if not (row.text or row.cells):
            continue
        pieces = split_pieces(row.text, hints)
        is_label = any(p.kind == "label" for p in pieces) and all(
            p.kind in ("label", "generic") for p in pieces
        )
        if is_label or not sections:
            sections.append([(i, row)])
        else:
            sections[-1].append((i, row))
    return sections


def _fixed_width_columns(section: list[Row], n: int) -> list[list[str]] | None:
    """Columns of plain-text grids laid out with spaces, by the label row's column starts."""
    head = section[0].raw
    parts = [(m.start(), m.group(0)) for m in _CELL_TEXT.finditer(head)]
    if len(parts) != n:
        return None
    starts = [p for p, _ in parts]
    columns: list[list[str]] = [[] for _ in range(n)]
    for row in section:
        cells = [""] * n
        for m in _CELL_TEXT.finditer(row.raw):
            j = max((k for k, s in enumerate(starts) if s <= m.start() + 2), default=0)
            cells[j] = f"{cells[j]} {m.group(0)}".strip()
        for j, cell in enumerate(cells):
            if cell:
                columns[j].append(cell)
    return columns


def _read_grid(section: list[Row], n: int, hints: frozenset[str], reader: Reader) -> list[Entry]:
    rows = [r for r in section if r.text]
    columns = None
    if all(r.cells for r in rows):
        columns = cell_columns([r.cells for r in rows if r.cells], n)
    if columns is None:
        columns = _text_columns(section, n, hints)
    entries: list[Entry] = []
    for column in columns:
        sub = reader.fork()
        for cell in column:
            sub.feed(split_pieces(cell, hints))
            sub.end_line()
        sub.close()
        entries += sub.entries
    return entries


def _text_columns(section: list[Row], n: int, hints: frozenset[str]) -> list[list[str]]:
    fixed = _fixed_width_columns(section, n)
    if fixed is not None:
        return fixed
    mails = [""] * n
    for row in section:
        if "@" not in row.text:
            continue
        cells = split_row(row.text, row.cells, n, hints, mails)
        for j, cell in enumerate(cells or []):
            found = find_emails(cell)
            if found:
                mails[j] = norm_key(found[0][2].split("@")[0])
    columns: list[list[str]] = [[] for _ in range(n)]
    for row in section:
        if not row.text:
            continue
        cells = split_row(row.text, row.cells, n, hints, mails)
        if cells is None:
            log.debug("contact grid row left out: %r", row.text)
            continue
        for j, cell in enumerate(cells):
            columns[j].append(cell)
    return columns
