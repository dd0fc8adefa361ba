"""Lay out a table's printed header rows as spanning cells (pure Python, no Qt).

Printed statements put a period heading ("Three Months Ended June 30,") in the first column
it covers and leave the others blank. `header_cells` turns `FinancialTable.header_rows` into
rectangles of columns x levels so a header view can draw each heading across its columns:

- on the top level, a heading spans right over the blank cells that follow it;
- on a lower level, a heading spans the same way (to the end of its parent's span when it is
  the one heading under that parent: `June 30,` under `Three Months Ended`), except that
  several headings whose columns all have their own labels on the next level are per-column
  labels (`March 31,` / `December 31,` over `2025` / `2024` / `Change`); so `(unaudited)`
  over `Three Months Ended` / `Nine Months Ended` still gives two spanning periods;
- the bottom level never spans, and whatever a column has of its own (cells no span covers)
  becomes one cell that stacks its texts, so a column reads `June 30,` / `2023` bottom-aligned.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HeaderCell:
    """One drawn header rectangle: columns first..last, levels top..bottom (inclusive)."""

    text: str
    first: int
    last: int
    top: int
    bottom: int

    @property
    def spans_columns(self) -> bool:
        return self.last > self.first


def normalise_header(header_rows: list[list[str]], n_columns: int) -> list[list[str]]:
    """Pad or cut every header row to n_columns cells, stripped; drop all-blank rows."""
    rows = []
    for row in header_rows:
        cells = [(c or "").strip() for c in row[:n_columns]]
        cells += [""] * (n_columns - len(cells))
        if any(cells):
            rows.append(cells)
    return rows


def _spans(rows: list[list[str]]) -> list[dict[int, int]]:
    """Per level, {first column: last column} for headings that cover more than one column."""
    n_columns = len(rows[0]) if rows else 0
    levels: list[dict[int, int]] = []
    parents: list[tuple[int, int]] = [(1, n_columns - 1)] if n_columns > 1 else []
    for level, row in enumerate(rows[:-1]):
        spans: dict[int, int] = {}
        children: list[tuple[int, int]] = []
        below = rows[level + 1]
        for first, last in parents:
            starts = [c for c in range(first, last + 1) if row[c]]
            for i, start in enumerate(starts):
                end = (starts[i + 1] - 1) if i + 1 < len(starts) else last
                if level > 0 and len(starts) > 1 and all(below[start : end + 1]):
                    end = start  # every column has its own label below: per-column labels
                if end > start:
                    spans[start] = end
                    children.append((start, end))
        levels.append(spans)
        parents = children
    return levels


def header_cells(header_rows: list[list[str]], n_columns: int) -> list[HeaderCell]:
    """All header rectangles of a table with n_columns columns (see the module docstring)."""
    rows = normalise_header(header_rows, n_columns)
    if not rows:
        return [HeaderCell("", c, c, 0, 0) for c in range(n_columns)]
    depth = len(rows)
    covered = [[False] * n_columns for _ in range(depth)]
    cells: list[HeaderCell] = []
    for level, spans in enumerate(_spans(rows)):
        for first, last in spans.items():
            cells.append(HeaderCell(rows[level][first], first, last, level, level))
            for c in range(first, last + 1):
                covered[level][c] = True
    for column in range(n_columns):
        level = 0
        while level < depth:
            if covered[level][column]:
                level += 1
                continue
            top = level
            while level < depth and not covered[level][column]:
                level += 1
            texts = [rows[k][column] for k in range(top, level) if rows[k][column]]
            cells.append(HeaderCell("\n".join(texts), column, column, top, level - 1))
    cells.sort(key=lambda cell: (cell.top, cell.first))
    return cells


def column_titles(cells: list[HeaderCell], n_columns: int) -> list[str]:
    """Each column's full heading, top to bottom (`Three Months Ended June 30, 2023`)."""
    parts: list[list[tuple[int, str]]] = [[] for _ in range(n_columns)]
    for cell in cells:
        if not cell.text:
            continue
        for column in range(cell.first, min(cell.last, n_columns - 1) + 1):
            parts[column].append((cell.top, cell.text.replace("\n", " ")))
    return [" ".join(text for _, text in sorted(p)) for p in parts]
