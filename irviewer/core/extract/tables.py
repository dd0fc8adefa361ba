"""Pick the table extractor for the document's format."""

from __future__ import annotations

from irviewer.core.extract.tables_html import extract_html_tables
from irviewer.core.extract.tables_pdf import extract_pdf_tables
from irviewer.core.extract.tables_text import extract_text_tables
from irviewer.core.ingest.base import Line, RawDocument
from irviewer.core.records import FinancialTable


def extract_tables(raw: RawDocument, lines: list[Line]) -> list[FinancialTable]:
    """Tables of the release whose lines are given (a slice of raw.lines)."""
    if raw.format == "pdf":
        pages = sorted({line.page for line in lines})
        return extract_pdf_tables(raw.path, pages, raw.pages)
    if any(line.cells is not None for line in lines):
        return extract_html_tables(lines) + extract_text_tables(
            [line for line in lines if line.cells is None]
        )
    return extract_text_tables(lines)
