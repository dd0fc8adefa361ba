"""Ruled tables: grids drawn with lines or cell borders, read cell by cell with pdfplumber.

Only true grids qualify: every body cell holds at most one value, so shading bands that
pdfplumber also sees as 'lines' (one cell holding a whole row of numbers) are rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from irviewer.core.extract.pdf_layout import is_currency, is_value_text, is_year

MIN_BODY_ROWS = 3
MIN_VERTICAL_EDGES = 3
_PUNCT = re.compile(r"^[()%.,:;]+$")
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


@dataclass
class RuledTable:
    top: float
    bottom: float
    header_rows: list[list[str]]
    rows: list[list[str]]

    @property
    def has_text_column(self) -> bool:
        """A column after the label that mostly holds words: text geometry would miss it."""
        for k in range(1, len(self.rows[0])):
            cells = [r[k] for r in self.rows if r[k]]
            words = [c for c in cells if not _is_value_cell(c)]
            if cells and len(words) > len(cells) / 2:
                return True
        return False


def _value_count(cell: str) -> int:
    return sum(1 for token in cell.split() if is_value_text(token))


def _is_value_cell(cell: str) -> bool:
    tokens = [t for t in cell.split() if not is_currency(t) and t != "%"]
    return bool(tokens) and all(is_value_text(t) for t in tokens)


def _clean(grid: list[list[str | None]]) -> list[list[str]]:
    """Cells as text, `$` cells joined to the value on their right, empty columns dropped."""
    rows = [[(c or "").strip() for c in row] for row in grid]
    for row in rows:
        for k, cell in enumerate(row):
            if is_currency(cell):
                nxt = next((j for j in range(k + 1, len(row)) if row[j]), None)
                if nxt is not None:
                    row[nxt] = f"{cell} {row[nxt]}"
                    row[k] = ""
    width = max((len(r) for r in rows), default=0)
    keep = [k for k in range(width) if any(k < len(r) and r[k] for r in rows)]
    rows = [[r[k] if k < len(r) else "" for k in keep] for r in rows]
    return _merge_complementary(rows)


def _merge_complementary(rows: list[list[str]]) -> list[list[str]]:
    """Join neighbouring columns that never both hold text in one row: spacer cells and
    spans cut by extra borders, so a printed column becomes one column again."""
    k = 0
    while rows and k < len(rows[0]) - 1:
        if any(r[k] and r[k + 1] for r in rows):
            k += 1
            continue
        rows = [r[:k] + [r[k] or r[k + 1]] + r[k + 2 :] for r in rows]
    return rows


def _header_split(rows: list[list[str]]) -> int:
    """Index of the first body row: the first row with a value after the label cell."""
    for i, row in enumerate(rows):
        cells = [c for c in row[1:] if c]
        if any(_is_value_cell(c) and not is_year(c) for c in cells):
            return i
    return len(rows)


def _header_lines(row: list[str]) -> list[list[str]]:
    """A header row whose cells hold several printed lines becomes several rows."""
    parts = [c.split("\n") for c in row]
    depth = max(len(p) for p in parts)
    return [[p[i].strip() if i < len(p) else "" for p in parts] for i in range(depth)]


def _flat(cell: str) -> str:
    return re.sub(r"\s+", " ", cell).strip()


def ruled_tables(page: Any) -> list[RuledTable]:
    """Grid tables of a pdfplumber page that hold financial values."""
    vertical = [e for e in page.edges if e["orientation"] == "v" and e["height"] >= 8]
    if len(vertical) < MIN_VERTICAL_EDGES:
        return []
    out: list[RuledTable] = []
    for table in page.find_tables(_SETTINGS):
        rows = _clean(table.extract())
        if not rows or len(rows[0]) < 2:
            continue
        split = _header_split(rows)
        header, body = rows[:split], rows[split:]
        if any(_value_count(c) > 1 for r in body for c in r[1:]):
            continue  # a band holding a whole line of numbers: not a cell grid
        if any(_PUNCT.match(c) for r in rows for c in r if c):
            continue  # cell borders cut through printed values ('(8,885' + ')')
        body = [[_flat(c) for c in r] for r in body if any(c for c in r)]
        value_rows = sum(1 for r in body if any(_is_value_cell(c) for c in r[1:]))
        if value_rows < MIN_BODY_ROWS or value_rows < len(body) / 2:
            continue  # too few figures, or mostly words: a layout grid, not a table
        header_rows = [line for row in header for line in _header_lines(row)]
        _, top, _, bottom = table.bbox
        out.append(RuledTable(top, bottom, header_rows, body))
    return out
