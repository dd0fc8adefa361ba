"""Financial tables from plain-text layouts, including label and number blocks printed apart.

Lines are classified (text_table_lines), grouped into raw tables (text_table_blocks), then
laid out here: value cells go to columns, period header lines are spread over the columns
(by character position when the text is column-aligned, else by how the phrases repeat),
and tables that are mostly words are dropped.
"""

from __future__ import annotations

import re

from irviewer.core.extract.md_tables import find_pipe_tables, pipe_financial_tables
from irviewer.core.extract.numbers import looks_numeric, values_grid
from irviewer.core.extract.table_captions import split_units, strip_parens
from irviewer.core.extract.text_table_blocks import RawRow, RawTable, build_raw_tables
from irviewer.core.extract.text_table_lines import Kind, TextLine, classify
from irviewer.core.ingest.base import Line
from irviewer.core.records import FinancialTable

MIN_DATA_ROWS = 2
MAX_MEDIAN_LABEL_WORDS = 10
ENUMERATED = re.compile(r"^(?:\d{1,2}[.)]|\(?[ivx]{1,4}\)|\([a-z]\)|[a-z]\))\s", re.IGNORECASE)


def _statement_labels(rows: list[RawRow]) -> bool:
    """Labels that read like line items: short, not numbered form items or sentences."""
    labels = [r.label for r in rows]
    numbered = sum(1 for label in labels if ENUMERATED.match(label))
    lengths = sorted(len(label.split()) for label in labels)
    return numbered * 3 < len(labels) and lengths[len(lengths) // 2] <= MAX_MEDIAN_LABEL_WORDS


def _is_aligned(rows: list[RawRow]) -> bool:
    """Column-aligned text: value cells separated by runs of spaces."""
    gaps = [b.start - a.end for r in rows for a, b in zip(r.cells, r.cells[1:], strict=False)]
    return bool(gaps) and sum(1 for g in gaps if g >= 2) >= len(gaps) / 2


def _column_spans(rows: list[RawRow], width: int) -> list[tuple[int, int]]:
    """Character span of each value column, from the rows that fill every column."""
    full = [r.cells for r in rows if len(r.cells) == width]
    return [
        (min(c[j].start for c in full), max(c[j].end for c in full)) for j in range(width)
    ]


def _place_cells(row: RawRow, width: int, spans: list[tuple[int, int]] | None) -> list[str]:
    """The row's cells over `width` columns: by right edge when aligned, else from the left."""
    out = [""] * width
    if spans is None or len(row.cells) == width:
        for j, cell in enumerate(row.cells[:width]):
            out[j] = cell.text
        return out
    for cell in row.cells:
        j = min(range(width), key=lambda k: abs(spans[k][1] - cell.end))
        out[j] = f"{out[j]} {cell.text}".strip()
    return out


def _header_by_position(header: list[TextLine], spans: list[tuple[int, int]]) -> list[list[str]]:
    """Header rows for column-aligned text: each phrase goes to the first column under it
    (a phrase spanning two columns goes to the first), else to the nearest one."""
    rows = []
    for line in header:
        row = [""] * (len(spans) + 1)
        for _, phrase, start, end in line.phrases:
            overlap = [k for k, (s, e) in enumerate(spans) if start < e and end > s]
            if overlap:
                k = overlap[0]
            else:
                mid = (start + end) / 2
                k = min(range(len(spans)), key=lambda j: abs((spans[j][0] + spans[j][1]) / 2 - mid))
            row[k + 1] = f"{row[k + 1]} {phrase}".strip()
        rows.append(row)
    return rows


def _spread(phrases: list[str], width: int) -> list[str]:
    """One header row: k phrases over `width` columns (every width/k-th column when even)."""
    row = [""] * (width + 1)
    k = len(phrases)
    step = width // k if k and width % k == 0 else 1
    for i, phrase in enumerate(phrases):
        col = min(1 + i * step, width)
        row[col] = f"{row[col]} {phrase}".strip()
    return row


def _header_by_phrases(header: list[TextLine], width: int) -> list[list[str]]:
    """Header rows for unaligned text.

    Consecutive one-phrase lines are stacked groups printed one after another
    ('Three Months Ended', 'December 31,', 'Six Months Ended', 'December 31,'): a group
    restarts when the first line's kind of phrase comes back, and the groups share the
    columns evenly. Lines with several phrases spread over the columns themselves.
    """
    rows: list[list[str]] = []
    singles: list[tuple[str, str]] = []

    def flush() -> None:
        if not singles:
            return
        groups: list[list[str]] = []
        for kind, phrase in singles:
            if not groups or kind == singles[0][0]:
                groups.append([])
            groups[-1].append(phrase)
        step = width // len(groups) if width % len(groups) == 0 else 1
        for r in range(max(len(g) for g in groups)):
            row = [""] * (width + 1)
            for g, group in enumerate(groups):
                if r < len(group):
                    col = min(1 + g * step, width)
                    row[col] = f"{row[col]} {group[r]}".strip()
            rows.append(row)
        singles.clear()

    for line in header:
        if len(line.phrases) == 1:
            singles.append((line.phrases[0][0], line.phrases[0][1]))
            continue
        flush()
        rows.append(_spread([p for _, p, _, _ in line.phrases], width))
    flush()
    return rows


def layout(raw: RawTable) -> FinancialTable | None:
    """A FinancialTable from a raw table, or None when it is not mostly numbers."""
    data = [r for r in raw.rows if r.cells]
    if len(data) < MIN_DATA_ROWS or len(data) < len(raw.rows) / 2:
        return None
    numeric = sum(1 for r in data for c in r.cells if looks_numeric(c.text))
    if numeric < 2 * sum(len(r.cells) for r in data) / 3 or not _statement_labels(raw.rows):
        return None
    width = max(len(r.cells) for r in data)
    aligned = _is_aligned(data) and any(len(r.cells) == width for r in data)
    spans = _column_spans(data, width) if aligned else None
    rows = [[r.label, *_place_cells(r, width, spans)] for r in raw.rows]
    if spans is not None and _header_positions_usable(raw.header, spans):
        header = _header_by_position(raw.header, spans)
    else:
        header = _header_by_phrases(raw.header, width)
    title, title_units = split_units(raw.title) if raw.title else (None, None)
    return FinancialTable(
        title=title,
        units=strip_parens(raw.units) if raw.units else title_units,
        header_rows=header,
        rows=rows,
        values=values_grid(rows),
        page=raw.page,
    )


def _header_positions_usable(header: list[TextLine], spans: list[tuple[int, int]]) -> bool:
    """Header phrases sit over the value columns (not flush left, as in unaligned text)."""
    left = spans[0][0]
    return all(p[2] >= left - 20 for ln in header for p in ln.phrases)


def extract_text_tables(lines: list[Line]) -> list[FinancialTable]:
    """Tables printed as plain text (in document order), then Markdown pipe tables."""
    texts = [line.text for line in lines]
    classified = [classify(line.text, i, line.page) for i, line in enumerate(lines)]
    for pipe in find_pipe_tables(texts):
        for i in range(pipe.start, pipe.end):  # a barrier: nothing pairs across a pipe table
            classified[i] = TextLine(Kind.PROSE, texts[i], i, lines[i].page)
    tables = []
    for raw in build_raw_tables(classified):
        table = layout(raw)
        if table is not None:
            tables.append(table)
    return tables + pipe_financial_tables(texts, [line.page for line in lines])

