"""PDF text through pypdfium2 (pdfplumber's own dependency, ~50x faster than its layout pass).

pdfplumber's layout analysis is used only by the table extractor, on pages that hold tables.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from irviewer.core.ingest.base import Line
from irviewer.core.records import ParseError

MAX_PAGES = 2000


def explain_pdf_error(exc: BaseException) -> str:
    """Turn whatever the PDF layer raised into a sentence a user understands."""
    text = str(exc) or type(exc).__name__
    low = text.lower()
    if "password" in low or "encrypt" in low:
        return "password-protected PDF"
    if "format" in low or "header" in low or "not a pdf" in low:
        return "damaged or not a PDF (PDFium could not read its structure)"
    if "file" in low and "error" in low:
        return "the PDF could not be opened"
    return f"damaged PDF: {text}"


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except Exception as exc:  # PDFium raises one error type for many causes
        raise ParseError(explain_pdf_error(exc)) from exc


def read_pdf(path: Path) -> tuple[list[Line], list[str]]:
    """Return the lines of every page and each page's text.

    Raises:
        ParseError: encrypted, damaged, page-less or text-less PDFs.
    """
    pdf = open_pdf(path)
    try:
        count = len(pdf)
        if count == 0:
            raise ParseError("the PDF has no pages")
        if count > MAX_PAGES:
            raise ParseError(f"too large ({count} pages; the limit is {MAX_PAGES})")
        pages: list[str] = []
        lines: list[Line] = []
        for index in range(count):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                textpage.close()
                page.close()
            except Exception as exc:
                raise ParseError(f"damaged PDF: page {index + 1} could not be read ({exc})") from exc
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            pages.append(text)
            lines.extend(Line(raw.rstrip(), index + 1) for raw in text.split("\n"))
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise ParseError("the PDF has no text layer (a scan? irviewer does not run OCR)")
    return lines, pages
