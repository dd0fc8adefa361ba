"""Export tables: CSV (one file per table), XLSX (one sheet per table), TSV for the clipboard.

CSV files are plain UTF-8 without a byte-order mark: a BOM helps only Excel's
double-click import, while it corrupts the first cell for most other readers (Python's
csv module, R, databases, command-line tools). Excel users get exact types from the
XLSX export instead.

Text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) get a leading apostrophe in CSV; printed numbers such as
``-1,099`` stay as they are.
"""

from __future__ import annotations

import csv
import logging
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from irviewer.core.records import FinancialTable

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

log = logging.getLogger(__name__)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A printed number: optional sign, currency, parentheses, thousands commas, decimals, %.
_PLAIN_NUMBER = re.compile(
    r"^[-+\u2212]?\s?[$€£¥]?\s?\(?[$€£¥]?\d[\d,]*(?:\.\d+)?\)?\s?%?$|^[-+\u2212]?\.\d+%?$"
)
_DASHES = {"-", "--", "\u2013", "\u2014", "\u2212"}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31
MAX_COLUMN_WIDTH = 60


def neutralise(cell: str) -> str:
    """Make a text cell safe for spreadsheets (prefix ``'`` to formula-like text)."""
    if not cell or not cell.startswith(_FORMULA_START):
        return cell
    text = cell.strip(" ")
    if cell[0] not in "\t\r" and (text in _DASHES or _PLAIN_NUMBER.fullmatch(text)):
        return cell
    return "'" + cell


def _ordered_rows(table: FinancialTable, row_order: Sequence[int] | None) -> list[int]:
    if row_order is None:
        return list(range(len(table.rows)))
    order = list(row_order)
    bad = [i for i in order if not 0 <= i < len(table.rows)]
    if bad:
        raise ValueError(f"row_order refers to rows that do not exist: {bad[:5]}")
    return order


def _width(table: FinancialTable) -> int:
    return max((len(r) for r in [*table.header_rows, *table.rows]), default=0)


def write_table_csv(
    table: FinancialTable, path: str | Path, row_order: Sequence[int] | None = None
) -> None:
    """Write one table as RFC 4180 CSV (CRLF line ends, minimal quoting), UTF-8.

    Header rows come first, then the body rows (in ``row_order`` when given: indexes
    into ``table.rows``, e.g. a view's sort order). Short rows are padded to the
    table's width.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    width = _width(table)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        for row in table.header_rows:
            writer.writerow(_pad([neutralise(c) for c in row], width))
        for index in _ordered_rows(table, row_order):
            writer.writerow(_pad([neutralise(c) for c in table.rows[index]], width))


def _pad(row: list[str], width: int) -> list[str]:
    return row + [""] * (width - len(row))


def safe_name(text: str | None, max_len: int = 60) -> str:
    """A file-name fragment: ASCII letters, digits and dashes, lower case ('' if none)."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-")


def export_tables_csv(
    tables: Sequence[FinancialTable], folder: str | Path, stem: str
) -> list[Path]:
    """Write each table to ``folder/<stem>-NN[-title].csv``; return the paths in order.

    Existing files with the same names are replaced.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = safe_name(stem) or "table"
    paths = []
    for number, table in enumerate(tables, start=1):
        title = safe_name(table.title)
        name = f"{base}-{number:02d}" + (f"-{title}" if title else "") + ".csv"
        path = folder / name
        write_table_csv(table, path)
        paths.append(path)
    return paths


def table_to_tsv(rows: list[list[str]]) -> str:
    """Tab-separated text for the clipboard (tabs and line breaks in cells become spaces)."""
    clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
    return "\n".join("\t".join((c or "").translate(clean) for c in row) for row in rows)


def sheet_title(title: str | None, number: int, taken: set[str]) -> str:
    """A valid, unique Excel sheet name: at most 31 characters, none of []:*?/\\."""
    name = " ".join(_SHEET_FORBIDDEN.sub(" ", title or "").split()).strip(" '")
    name = f"{number} {name}" if name else f"Table {number}"
    name = name[:MAX_SHEET_NAME].rstrip()
    candidate, extra = name, 2
    while candidate.lower() in {t.lower() for t in taken} or candidate.lower() == "history":
        suffix = f" ({extra})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        extra += 1
    taken.add(candidate)
    return candidate


def number_format(text: str) -> str:
    """An Excel number format that prints a value the way the cell was printed."""
    digits = re.search(r"\.(\d+)", text)
    base = "#,##0" if "," in text else "0"
    if digits:
        base += "." + "0" * len(digits.group(1))
    if "%" in text:
        base += '"%"'
    for symbol in "$€£¥":
        if symbol in text:
            base = f'"{symbol}"' + base
            break
    if "(" in text:
        return f"{base};({base})"
    return base


def write_xlsx(
    tables: Sequence[FinancialTable],
    path: str | Path,
    row_order: Sequence[int] | None = None,
) -> None:
    """Write the tables to one workbook, one sheet each.

    Each sheet holds the title (bold) and units above the table, the header rows in
    bold, then the rows: cells with a number in ``table.values`` are stored as numbers
    (formatted as printed), everything else as text (never as a formula).
    ``row_order`` (indexes into ``rows``) is allowed only with a single table.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    if row_order is not None and len(tables) != 1:
        raise ValueError("row_order can be given only when exporting a single table")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.remove(wb.active)
    bold, italic = Font(bold=True), Font(italic=True)
    taken: set[str] = set()
    if not tables:
        wb.create_sheet("Tables")
    for number, table in enumerate(tables, start=1):
        ws = wb.create_sheet(sheet_title(table.title, number, taken))
        r = 1
        if table.title:
            _text_cell(ws, r, 1, table.title).font = bold
            r += 1
        if table.units:
            _text_cell(ws, r, 1, table.units).font = italic
            r += 1
        if r > 1:
            r += 1  # a blank row between the caption and the table
        first_row = r
        for header in table.header_rows:
            for c, text in enumerate(header, start=1):
                _text_cell(ws, r, c, text).font = bold
            r += 1
        if r > first_row:
            ws.freeze_panes = ws.cell(row=r, column=1)
        for index in _ordered_rows(table, row_order if len(tables) == 1 else None):
            cells = table.rows[index]
            values = table.values[index] if index < len(table.values) else []
            for c, text in enumerate(cells, start=1):
                value = values[c - 1] if c - 1 < len(values) else None
                if value is not None and c > 1:
                    cell = ws.cell(row=r, column=c, value=value)
                    cell.number_format = number_format(text)
                else:
                    _text_cell(ws, r, c, text)
            r += 1
        _fit_columns(ws, table)
    wb.save(path)


def _text_cell(ws: Worksheet, row: int, column: int, text: str | None) -> Cell:
    """A cell that holds text as text, even if it starts with '='."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = ws.cell(row=row, column=column)
    if text:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
        cell.data_type = "s"
    return cell


def _fit_columns(ws: Worksheet, table: FinancialTable) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in [*table.header_rows, *table.rows]:
        for c, text in enumerate(row, start=1):
            widths[c] = max(widths.get(c, 0), len(text or ""))
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = min(MAX_COLUMN_WIDTH, max(8, width + 2))
