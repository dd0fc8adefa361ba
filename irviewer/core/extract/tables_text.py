"""Financial tables from plain-text layouts, including label and number blocks printed apart."""

from __future__ import annotations

from irviewer.core.ingest.base import Line
from irviewer.core.records import FinancialTable


def extract_text_tables(lines: list[Line]) -> list[FinancialTable]:
    return []
