"""Financial tables from HTML table rows (lines that carry cells).

Steps per HTML table: join split cells (`$` | `1,234`, `(12` | `)%`), find the value columns
(merging neighbouring columns that never hold values in the same row, as Workiva's `$`
columns and plain numbers do), take the first column as the label, split header rows from
body rows, and keep only tables that are mostly numbers. Title and units come from the
short lines printed just above the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from irviewer.core.extract.numbers import looks_numeric, values_grid
from irviewer.core.extract.table_captions import is_units_line, strip_parens, title_and_units
from irviewer.core.ingest.base import Line
from irviewer.core.records import FinancialTable

CURRENCY = {"$", "US$", "€", "£", "¥", "C$", "A$", "CHF", "$(", "€(", "("}
SUFFIXES = {"%", ")", ")%", "%)"}
FOOTNOTE = re.compile(r"^(?:\[\w{1,3}\]|[*†‡]{1,3}|\([a-z]\)|\(\*+\))$")
CAPTION_LOOKBACK = 6
MIN_DATA_ROWS = 2
MAX_COLUMN_GAP = 3

YEAR = re.compile(r"^\(?(?:FY\s*)?(?:19|20)\d\d\)?$", re.IGNORECASE)


@dataclass
class _Row:
    cells: list[str]
    line_index: int


def _join_split_cells(cells: list[str]) -> list[str]:
    """Drop footnote marks, merge `%`/`)` cells into the number before them, then `$` cells
    into the number after them."""
    out = [c.strip() for c in cells]
    out = [c if i == 0 or not FOOTNOTE.match(c) else "" for i, c in enumerate(out)]
    for i, cell in enumerate(out):
        if cell in SUFFIXES:
            prev = next((j for j in range(i - 1, -1, -1) if out[j]), None)
            if prev is not None and prev > 0 and looks_numeric(out[prev] + cell):
                out[prev], out[i] = out[prev] + cell, ""
    for i, cell in enumerate(out):
        if cell in CURRENCY:
            nxt = next((j for j in range(i + 1, len(out)) if out[j]), None)
            if nxt is not None and looks_numeric(cell + out[nxt]):
                sep = "" if cell.endswith("(") else " "
                out[i], out[nxt] = "", f"{cell}{sep}{out[nxt]}"
            elif cell != "(":
                out[i] = ""  # a currency sign over nothing
    return out


def _value_columns(rows: list[list[str]], start: int) -> list[list[int]]:
    """Groups of cell positions (>= start) that form one value column each."""
    used: dict[int, set[int]] = {}
    for r, cells in enumerate(rows):
        for p in range(start, len(cells)):
            if cells[p]:
                used.setdefault(p, set()).add(r)
    groups: list[list[int]] = []
    members: list[set[int]] = []
    for p in sorted(used):
        if (
            groups
            and p - groups[-1][-1] <= MAX_COLUMN_GAP
            and not (members[-1] & used[p])
        ):
            groups[-1].append(p)
            members[-1] |= used[p]
        else:
            groups.append([p])
            members.append(set(used[p]))
    return groups


def _project(cells: list[str], start: int, groups: list[list[int]]) -> list[str]:
    """One label cell (the text before position `start`) plus one cell per value column;
    a cell goes to the first column whose positions reach its own."""
    label = " ".join(c for c in cells[:start] if c)
    out = [""] * len(groups)
    for p in range(start, len(cells)):
        if not cells[p]:
            continue
        k = next((i for i, g in enumerate(groups) if g[-1] >= p), len(groups) - 1)
        out[k] = f"{out[k]} {cells[p]}".strip()
    return [label, *out]


def _is_year_row(cells: list[str]) -> bool:
    values = [c for c in cells[1:] if c]
    return bool(values) and all(YEAR.match(c) for c in values)


def _build(rows: list[_Row], above: list[str]) -> FinancialTable | None:
    grids = [_join_split_cells(r.cells) for r in rows]
    width = max(len(g) for g in grids)
    grids = [g + [""] * (width - len(g)) for g in grids]
    years = [_is_year_row(g) for g in grids]  # '2023 | 2022' column headers are not data
    value_pos = [
        p for g, y in zip(grids, years, strict=True) if not y
        for p, c in enumerate(g) if c and looks_numeric(c)
    ]
    if not value_pos:
        return None
    start = min(value_pos)
    if start == 0:
        return None  # no label column: not a statement
    data_rows = [
        i for i, g in enumerate(grids) if not years[i] and any(looks_numeric(c) for c in g[start:])
    ]
    if len(data_rows) < MIN_DATA_ROWS:
        return None
    first = data_rows[0]
    body_grids = grids[first:]
    groups = _value_columns(body_grids, start)
    # header rows keep only their first cell as label: their text may start left of the values
    projected = [_project(g, 1 if i < first else start, groups) for i, g in enumerate(grids)]

    pre = projected[:first]
    header_end = max((i + 1 for i, r in enumerate(pre) if any(r[1:])), default=0)
    header_rows = [r for r in pre[:header_end] if any(r[1:]) or is_units_line(r[0])]
    captions = [r[0] for r in pre[:header_end] if not any(r[1:]) and r[0]]
    body = [r for r in pre[header_end:] if any(r)] + [r for r in projected[first:] if any(r)]

    values = [c for r in body for c in r[1:] if c]
    numeric = sum(1 for c in values if looks_numeric(c))
    data = sum(1 for r in body if any(looks_numeric(c) for c in r[1:]))
    if numeric < 2 * (len(values) - numeric) or data < len(body) / 2:
        return None  # mostly words: a layout or prose table

    units_in_header = [r[0] for r in header_rows if r[0] and is_units_line(r[0])]
    title, units = title_and_units(above + captions)
    if units is None and units_in_header:
        units = strip_parens(units_in_header[0])
    return FinancialTable(
        title=title,
        units=units,
        header_rows=header_rows,
        rows=body,
        values=values_grid(body),
    )


def _caption_lines(lines: list[Line], index: int) -> list[str]:
    """Plain lines just above line `index`, stopping at another table's rows."""
    out: list[str] = []
    j = index - 1
    while j >= 0 and len(out) < CAPTION_LOOKBACK and lines[j].cells is None:
        out.append(lines[j].text)
        j -= 1
    return out[::-1]


def extract_html_tables(lines: list[Line]) -> list[FinancialTable]:
    """Financial tables among the lines that carry HTML cells, in document order."""
    tables: dict[int, list[_Row]] = {}
    for i, line in enumerate(lines):
        if line.cells is not None and line.table is not None:
            tables.setdefault(line.table, []).append(_Row(list(line.cells), i))
    out = []
    for rows in tables.values():
        table = _build(rows, _caption_lines(lines, rows[0].line_index))
        if table is not None:
            out.append(table)
    return out
