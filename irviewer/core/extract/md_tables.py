"""Markdown pipe tables: '| a | b |' rows with a '| --- | ---: |' separator row.

A pipe table is a run of consecutive pipe rows that holds a separator row; the rows above
the separator are its header. It is financial when at least two body rows carry a number
after the label cell: those become FinancialTables and are left out of the reading body,
the others are read as text, one row per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from irviewer.core.extract.numbers import looks_numeric, values_grid
from irviewer.core.extract.table_captions import split_units, title_and_units
from irviewer.core.records import FinancialTable

MIN_NUMERIC_ROWS = 2
CAPTION_LOOKBACK = 4
ROW_SEPARATOR = " — "  # between the cells of a pipe row read as text
_ROW = re.compile(r"^\s*\|(?P<inner>.*)\|\s*$")
_SEPARATOR_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_MD_MARKS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


@dataclass
class PipeTable:
    start: int  # index of the first pipe row in the list searched
    end: int  # index after the last pipe row
    header: list[list[str]]
    rows: list[list[str]]

    @property
    def numeric_rows(self) -> int:
        return sum(1 for row in self.rows if any(looks_numeric(c) for c in row[1:] if c))

    @property
    def is_financial(self) -> bool:
        return self.numeric_rows >= MIN_NUMERIC_ROWS


def pipe_cells(text: str) -> list[str] | None:
    """The cells of a '| a | b |' row, Markdown marks removed; None for other lines."""
    if "|" not in text:
        return None
    match = _ROW.match(text)
    if not match:
        return None
    cells = [c.replace("\\|", "|") for c in _UNESCAPED_PIPE.split(match["inner"])]
    if len(cells) < 2:
        return None
    return [" ".join(_MD_MARKS.sub("", c).split()) for c in cells]


def is_separator(cells: list[str]) -> bool:
    return all(_SEPARATOR_CELL.match(c) for c in cells)


def find_pipe_tables(texts: list[str]) -> list[PipeTable]:
    """Pipe tables among the lines, in order (runs without a separator row are not tables)."""
    tables: list[PipeTable] = []
    i = 0
    while i < len(texts):
        if pipe_cells(texts[i]) is None:
            i += 1
            continue
        j = i
        rows: list[list[str]] = []
        while j < len(texts):
            cells = pipe_cells(texts[j])
            if cells is None:
                break
            rows.append(cells)
            j += 1
        sep = next((k for k, r in enumerate(rows) if is_separator(r)), None)
        if sep is not None:
            width = max(len(r) for r in rows)
            grid = [r + [""] * (width - len(r)) for k, r in enumerate(rows) if k != sep]
            tables.append(PipeTable(i, j, grid[:sep], grid[sep:]))
        i = j
    return tables


def row_text(cells: list[str]) -> str:
    """A pipe row read as one line of text."""
    return ROW_SEPARATOR.join(c for c in cells if c)


def _caption(texts: list[str], start: int) -> list[str]:
    """Short lines just above the table (headings without their '#' marks)."""
    out: list[str] = []
    j = start - 1
    while j >= 0 and len(out) < CAPTION_LOOKBACK:
        text = texts[j].strip()
        j -= 1
        if not text:
            if out:
                break
            continue
        out.append(_MD_MARKS.sub("", _HEADING.sub("", text)).strip())
    return out[::-1]


def pipe_financial_tables(texts: list[str], pages: list[int] | None = None) -> list[FinancialTable]:
    """FinancialTables from the financial pipe tables among the lines."""
    out = []
    for table in find_pipe_tables(texts):
        if not table.is_financial:
            continue
        title, units = title_and_units(_caption(texts, table.start))
        if title:
            title, title_units = split_units(title)
            units = units or title_units
        out.append(
            FinancialTable(
                title=title,
                units=units,
                header_rows=table.header,
                rows=table.rows,
                values=values_grid(table.rows),
                page=pages[table.start] if pages else None,
            )
        )
    return out
