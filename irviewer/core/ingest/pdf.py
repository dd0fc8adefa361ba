"""PDF text through pypdfium2 (pdfplumber's own dependency, ~50x faster than its layout pass).

pdfplumber's layout analysis is used only by the table extractor, on pages that hold tables.
Whatever the PDF layer raises becomes a ParseError whose message a user understands:
"password-protected PDF", "not a PDF (...)", "damaged: ...", "too large (...)".
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from irviewer.core.ingest.base import Line, strip_controls
from irviewer.core.records import ParseError

MAX_PAGES = 2000
# Fewer letters and digits than this in the whole file: a scan without a text layer
# (at most a stamped page number), not a release.
MIN_TEXT_CHARS = 40
_MAX_DETAIL = 160

PASSWORD = "password-protected PDF"
NO_TEXT = "the PDF has no text layer (a scan? irviewer does not run OCR)"
_BY_CODE = {
    pdfium_c.FPDF_ERR_PASSWORD: PASSWORD,
    pdfium_c.FPDF_ERR_SECURITY: "password-protected PDF (an unsupported security scheme)",
    pdfium_c.FPDF_ERR_FILE: "the PDF could not be opened (the file cannot be read)",
    pdfium_c.FPDF_ERR_PAGE: "damaged: a page of the PDF cannot be read",
}
# Object dumps and addresses that mean nothing to a user.
_OBJECT_REPR = re.compile(r"<[^<>]*(?:object|at 0x|uuid|Pdf\w+)[^<>]*>|\b0x[0-9a-f]{6,}\b", re.I)
_PDFIUM_NOISE = re.compile(r"\(PDFium:[^)]*\)|\bfor document\b", re.I)


def _detail(exc: BaseException) -> str:
    """The exception's own words, cleaned: no object dumps, one line, short; '' if none."""
    try:
        text = str(exc)
    except Exception:  # a broken __str__ must not hide the failure
        text = ""
    if isinstance(exc, OSError) and exc.strerror:
        text = str(exc.strerror)
    if isinstance(exc, KeyError) and text.startswith("'"):
        text = f"missing entry {text}"
    text = _PDFIUM_NOISE.sub(" ", _OBJECT_REPR.sub(" ", text))
    text = " ".join(text.split()).strip(" .:;,")
    if not any(ch.isalnum() for ch in text):
        return ""
    if len(text) > _MAX_DETAIL:
        text = text[: _MAX_DETAIL - 1].rstrip() + "…"
    return text[0].lower() + text[1:] if text[:2].istitle() else text


def _is_truncated(path: Path | None) -> bool:
    """True when the file lacks the %%EOF end marker near its end (an incomplete download)."""
    if path is None:
        return False
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 2048))
            tail = fh.read()
    except OSError:
        return False
    return b"%%EOF" not in tail


def _lacks_header(path: Path | None) -> bool:
    """True when the file has no %PDF- header in its first kilobyte (where readers look)."""
    if path is None:
        return False
    try:
        with path.open("rb") as fh:
            return b"%PDF-" not in fh.read(1024)
    except OSError:
        return False


def _has_no_pages(path: Path | None) -> bool:
    """Second opinion from pdfminer when PDFium refuses a file: True if it reads 0 pages."""
    if path is None:
        return False
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        with path.open("rb") as fh:
            document = PDFDocument(PDFParser(fh))
            return next(iter(PDFPage.create_pages(document)), None) is None
    except Exception:  # pdfminer cannot read it either: no second opinion
        return False


def _is_encrypted(path: Path | None) -> bool:
    """True when the file names an /Encrypt dictionary (always plain text in a PDF)."""
    if path is None:
        return True  # nothing to check against: trust the error code
    try:
        with path.open("rb") as fh:
            tail = b""
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                if b"/Encrypt" in tail + chunk:
                    return True
                tail = chunk[-16:]
    except OSError:
        return False
    return False


def explain_pdf_error(exc: BaseException, path: Path | None = None) -> str:
    """Turn whatever the PDF layer raised, of any type, into a sentence a user understands.

    ``path`` (the PDF) lets the message tell a truncated file or an empty page tree apart,
    and guards against PDFium's error code, which can be left over from an earlier file.
    """
    if isinstance(exc, ParseError):
        return _detail(exc) or "damaged: the PDF could not be read"
    code = getattr(exc, "err_code", None)
    detail = _detail(exc)
    low = detail.lower()
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and _is_encrypted(path):
        return _BY_CODE[code]
    if isinstance(exc, MemoryError):
        return "too large or damaged: ran out of memory while reading the PDF"
    if isinstance(exc, RecursionError):
        return "damaged: the PDF's objects are nested too deeply to read"
    if code is None and ("password" in low or "encrypt" in low):
        return PASSWORD
    if isinstance(exc, OSError):
        return f"the PDF could not be opened ({detail or type(exc).__name__})"
    if _lacks_header(path):
        return "not a PDF (the file does not start with a PDF header)"
    if _is_truncated(path):
        return "damaged: the file is incomplete (it ends before the PDF's end marker)"
    if isinstance(exc, pdfium.PdfiumError) and code is not None and _has_no_pages(path):
        return "the PDF has no pages"
    if code == pdfium_c.FPDF_ERR_FILE and (path is None or not _readable(path)):
        return _BY_CODE[code]
    if code == pdfium_c.FPDF_ERR_FORMAT or "format" in low or "header" in low:
        return "damaged: PDFium could not read the PDF's structure"
    if code == pdfium_c.FPDF_ERR_PAGE:
        return _BY_CODE[code]
    if not detail or low.startswith("failed to load document"):
        return f"damaged: the PDF could not be read ({type(exc).__name__})"
    return f"damaged: {detail}"


def _readable(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except OSError:
        return False
    return True


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except Exception as exc:  # PDFium raises one error type for many causes
        raise ParseError(explain_pdf_error(exc, path)) from exc


def _page_text(pdf: pdfium.PdfDocument, index: int, count: int) -> str:
    try:
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                return textpage.get_text_bounded()
            finally:
                textpage.close()
        finally:
            page.close()
    except Exception as exc:
        reason = explain_pdf_error(exc).removeprefix("damaged: ")
        raise ParseError(f"damaged: page {index + 1} of {count} cannot be read ({reason})") from exc


def read_pdf(path: Path) -> tuple[list[Line], list[str]]:
    """Return the lines of every page and each page's text.

    Raises:
        ParseError: encrypted, damaged, page-less, oversized or text-less PDFs.
    """
    pdf = open_pdf(path)
    try:
        try:
            count = len(pdf)
        except Exception as exc:
            raise ParseError(explain_pdf_error(exc, path)) from exc
        if count == 0:
            raise ParseError("the PDF has no pages")
        if count > MAX_PAGES:
            raise ParseError(f"too large ({count:,} pages; irviewer reads at most {MAX_PAGES:,})")
        pages: list[str] = []
        lines: list[Line] = []
        for index in range(count):
            text = _page_text(pdf, index, count)
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
            # PDFium writes U+0002 for a hyphen it reads as a soft one ("non\x02GAAP").
            text = strip_controls(text.replace("\x02", "-"))
            pages.append(text)
            lines.extend(Line(raw.rstrip(), index + 1) for raw in text.split("\n"))
    finally:
        pdf.close()
    if sum(ch.isalnum() for page in pages for ch in page) < MIN_TEXT_CHARS:
        raise ParseError(NO_TEXT)
    return lines, pages
