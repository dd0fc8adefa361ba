"""Pick a reader by content and extension, hash the bytes, and return a RawDocument."""

from __future__ import annotations

import hashlib
from pathlib import Path

from irviewer.core.ingest.base import RawDocument
from irviewer.core.ingest.magic import describe
from irviewer.core.records import ParseError

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".text", ".md", ".markdown", ".htm", ".html", ".xhtml"}
MAX_FILE_BYTES = 200_000_000  # any file; text files have a lower limit (text.MAX_TEXT_BYTES)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sniff_format(path: Path, head: bytes) -> str:
    """Decide the format from the first bytes, falling back to the extension."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise ParseError(f"not a PDF{_what_instead(head)}")
    lowered = head[:4096].lower()
    if suffix in {".htm", ".html", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    return "text"


def _what_instead(head: bytes) -> str:
    """What a .pdf file without the PDF header holds, to end the 'not a PDF' message."""
    what = describe(head)
    if what == "an HTML page":
        return ": the file is an HTML page (a web page or a download error saved as .pdf?)"
    if what:
        return f": the file is {what}"
    sample = head[:4096]
    if sample and b"\x00" not in sample:
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(sample) - 4:  # not just a character cut at the sample's end
                return " (the file does not start with a PDF header)"
        return ": the file holds plain text"
    return " (the file does not start with a PDF header)"


def read_document(path: str | Path) -> RawDocument:
    """Read one file into a RawDocument.

    Raises:
        ParseError: with a message a user understands, when the file cannot be read.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}") from exc
    if size == 0:
        raise ParseError("empty file")
    if size > MAX_FILE_BYTES:
        raise ParseError(
            f"too large ({size / 1e6:.0f} MB; irviewer reads files up to "
            f"{MAX_FILE_BYTES // 1_000_000} MB)"
        )
    fmt = sniff_format(path, head)
    sha = sha256_of(path)
    if fmt == "pdf":
        from irviewer.core.ingest.pdf import read_pdf

        lines, pages = read_pdf(path)
    else:
        from irviewer.core.ingest.text import read_text_file

        lines, fmt = read_text_file(path, fmt)
        pages = []
    return RawDocument(path=path, format=fmt, sha256=sha, size=size, lines=lines, pages=pages)
