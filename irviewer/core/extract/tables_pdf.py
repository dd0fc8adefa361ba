"""Financial tables from PDF pages through pdfplumber's glyph boxes and rulings.

pdfplumber's layout pass costs 0.1-0.5 s a page (browser prints full of cell boxes are the
slow ones), so it runs only on pages whose pypdfium2 text has many lines ending in numbers,
and on a page that opens with rows after such a page. Unruled tables (most releases) come
from text geometry (pdf_layout, pdf_blocks, pdf_headers); ruled grids (pdf_ruled) fill in
where the text reading found nothing or missed a column of words. Tables that continue over
a page break are joined.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from irviewer.core.extract.numbers import values_grid
from irviewer.core.extract.pdf_blocks import (
    Block,
    LineInfo,
    analyse_line,
    assemble_rows,
    body_lines,
    cluster_columns,
    find_blocks,
)
from irviewer.core.extract.pdf_headers import extend_upward, find_title, table_context
from irviewer.core.extract.pdf_layout import page_lines
from irviewer.core.extract.pdf_ruled import RuledTable, ruled_tables
from irviewer.core.extract.table_captions import is_continued, title_from_text_tail
from irviewer.core.records import FinancialTable

log = logging.getLogger(__name__)

MIN_NUMERIC_LINES = 6  # lines ending in numbers that make a page worth a layout pass
MIN_VALUE_ROWS = 3
CONTINUATION_LINES = 12  # lines at the top of a page that may carry on the previous table
_NUM_TOKEN = re.compile(
    r"^[$€£]?\(?[-\u2212\u2013\u2014]?[$€£]?\d[\d,]*(\.\d+)?\)?%?\)?$|^[-\u2013\u2014]{1,3}%?$"
    r"|^n/?m$|^n\.m\.$|^n/a$|^\*$",
    re.IGNORECASE,
)


@dataclass
class DraftTable:
    """A table found on one page, before page-break continuations are joined."""

    page: int
    rows: list[list[str]]
    header_rows: list[list[str]]
    title: str | None
    units: str | None
    right_edges: list[float]  # value columns' right edges; empty for a ruled grid
    top_of_page: bool
    reaches_bottom: bool  # the body runs into the lower part of the page
    first_on_page: bool = False
    last_on_page: bool = False
    pages: list[int] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    tail_rows: list[list[str]] = field(default_factory=list)  # section rows after the body


def numeric_line_count(text: str) -> int:
    """Lines ending in a value (and not made of the value alone when there is only one)."""
    count = 0
    for line in text.split("\n"):
        tokens = line.split()
        k = 0
        for token in reversed(tokens):
            if _NUM_TOKEN.match(token) or token in ("$", "%", "€"):
                k += 1
            else:
                break
        if k >= 2 or 1 <= k < len(tokens):
            count += 1
    return count


def is_table_page(text: str) -> bool:
    return numeric_line_count(text) >= MIN_NUMERIC_LINES


def _starts_with_rows(text: str) -> bool:
    """A page that opens with table rows: the end of a table from the page before."""
    head = "\n".join(text.split("\n")[:CONTINUATION_LINES])
    return numeric_line_count(head) >= 2


def extract_pdf_tables(path: Path, pages: list[int], page_texts: list[str]) -> list[FinancialTable]:
    """Tables on the given 1-based pages; page_texts (all pages) help pick candidate pages."""
    wanted = [p for p in sorted(set(pages)) if 1 <= p <= len(page_texts)]
    candidates: list[int] = []
    for p in wanted:
        text = page_texts[p - 1]
        if is_table_page(text) or (
            candidates and candidates[-1] == p - 1 and _starts_with_rows(text)
        ):
            candidates.append(p)
    if not candidates:
        return []
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    drafts: list[DraftTable] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number in candidates:
                page = pdf.pages[number - 1]
                prev_text = page_texts[number - 2] if number >= 2 else ""
                try:
                    drafts.extend(page_tables(page, number, prev_text))
                except Exception:  # a damaged page must not cost the document its other tables
                    log.exception("table extraction failed on page %d of %s", number, path)
                finally:
                    page.close()
    except Exception:
        log.exception("pdfplumber could not read %s", path)
    return [_to_record(t) for t in join_continuations(drafts)]


def page_tables(page, number: int, prev_text: str = "") -> list[DraftTable]:
    """Tables of one pdfplumber page: unruled ones from text geometry, then ruled grids."""
    infos = [analyse_line(line) for line in page_lines(page, number)]
    blocks = find_blocks(infos)
    drafts: list[DraftTable] = []
    floor = -1
    for block in blocks:
        draft = _draft(infos, block, floor, page.height, number, prev_text)
        floor = block.lines[-1]
        if draft is not None:
            drafts.append(draft)
    for table in ruled_tables(page):
        drafts = _add_ruled(drafts, table, infos, number)
    drafts.sort(key=lambda d: d.top)
    if drafts:
        drafts[0].first_on_page = True
        drafts[-1].last_on_page = True
    return drafts


def _draft(
    infos: list[LineInfo], block: Block, floor: int, height: float, number: int, prev_text: str
) -> DraftTable | None:
    data = [infos[i].cells for i in block.lines if infos[i].kind == "data"]
    block.columns = cluster_columns(data)
    if not block.columns:
        return None
    block.value_left = min(c.x0 for c in block.columns)
    block.num_left = min(c.ax0 for c in block.columns)
    extend_upward(infos, block, floor)
    body = body_lines(infos, block)
    rows = assemble_rows(body)
    rows = [r for r in rows if any(c.strip() for c in r)]
    right = max((b.x1 for b in body if b.label), default=0.0)
    tail = [r for r in assemble_rows(body_lines(infos, block, tail=True), True, right) if r[0]]
    value_rows = sum(1 for r in rows if any(c for c in r[1:]))
    if value_rows < MIN_VALUE_ROWS or value_rows < len(rows) / 2:
        return None
    context = table_context(infos, block, floor, height)
    title, units = context.title, context.units
    if title is None and context.top_of_page and prev_text:
        title, tail_units = title_from_text_tail(prev_text)
        units = units or tail_units
    return DraftTable(
        page=number,
        rows=rows,
        header_rows=context.header_rows,
        title=title,
        units=units,
        right_edges=[c.ax1 for c in block.columns],
        tail_rows=tail,
        top_of_page=context.top_of_page,
        reaches_bottom=infos[block.lines[-1]].line.bottom > 0.6 * height,
        pages=[number],
        top=context.top,
        bottom=infos[block.lines[-1]].line.bottom,
    )


def _add_ruled(
    drafts: list[DraftTable], table: RuledTable, infos: list[LineInfo], number: int
) -> list[DraftTable]:
    """Add a grid table where the text reading found none, or missed a column of words."""
    width = len(table.rows[0]) - 1
    overlapping = [d for d in drafts if d.top < table.bottom and d.bottom > table.top]
    if overlapping and (
        not table.has_text_column or all(len(d.right_edges) >= width for d in overlapping)
    ):
        return drafts
    first = next((i for i, info in enumerate(infos) if info.line.top >= table.top - 1), len(infos))
    title, units = find_title(infos, first, -1)
    ruled = DraftTable(
        page=number,
        rows=table.rows,
        header_rows=table.header_rows,
        title=title,
        units=units,
        right_edges=[],
        top_of_page=False,
        reaches_bottom=False,
        pages=[number],
        top=table.top,
        bottom=table.bottom,
    )
    return [d for d in drafts if d not in overlapping] + [ruled]


def _continues(prev: DraftTable, nxt: DraftTable) -> bool:
    """Whether ``nxt`` carries on ``prev`` across a page break."""
    if nxt.page != prev.pages[-1] + 1 or not (prev.last_on_page and nxt.first_on_page):
        return False
    if not nxt.right_edges or len(nxt.right_edges) != len(prev.right_edges):
        return False  # grid tables carry on only when their title says so
    if not prev.reaches_bottom:
        return False
    if is_continued(nxt.title):
        return True
    same_header = bool(nxt.header_rows) and _header_words(nxt) == _header_words(prev)
    if nxt.title is not None:  # a repeated title and header carry the table on
        return same_header and _norm(nxt.title) == _norm(prev.title)
    if not nxt.top_of_page:
        return False
    if same_header:
        return True
    aligned = all(abs(a - b) <= 12 for a, b in zip(prev.right_edges, nxt.right_edges, strict=True))
    return aligned and not nxt.header_rows


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def _header_words(table: DraftTable) -> list[str]:
    return [w for row in table.header_rows for cell in row[1:] for w in cell.split()]


def join_continuations(drafts: list[DraftTable]) -> list[DraftTable]:
    out: list[DraftTable] = []
    for draft in drafts:
        if out and _continues(out[-1], draft):
            prev = out[-1]
            prev.rows.extend(prev.tail_rows)
            prev.rows.extend(draft.rows)
            prev.tail_rows = draft.tail_rows
            prev.pages.append(draft.page)
            prev.last_on_page = draft.last_on_page
            prev.reaches_bottom = draft.reaches_bottom
            prev.right_edges = draft.right_edges
            prev.units = prev.units or draft.units
            continue
        out.append(draft)
    return out


def _to_record(draft: DraftTable) -> FinancialTable:
    width = max(len(r) for r in draft.rows)
    rows = [r + [""] * (width - len(r)) for r in draft.rows]
    header = [r + [""] * (width - len(r)) for r in draft.header_rows]
    return FinancialTable(
        title=draft.title,
        units=draft.units,
        header_rows=header,
        rows=rows,
        values=values_grid(rows),
        page=draft.page,
    )
