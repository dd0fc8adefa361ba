"""Financial tables from HTML table rows (lines that carry cells)."""

from __future__ import annotations

from irviewer.core.ingest.base import Line
from irviewer.core.records import FinancialTable


def extract_html_tables(lines: list[Line]) -> list[FinancialTable]:
    return []
