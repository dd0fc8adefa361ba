"""Financial tables from PDF pages through pdfplumber's words and rulings."""

from __future__ import annotations

from pathlib import Path

from irviewer.core.records import FinancialTable


def extract_pdf_tables(path: Path, pages: list[int], page_texts: list[str]) -> list[FinancialTable]:
    """Tables on the given 1-based pages; page_texts (all pages) help pick candidate pages."""
    return []
