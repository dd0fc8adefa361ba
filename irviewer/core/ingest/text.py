"""Plain text and Markdown files: decode, and hand HTML and EDGAR text to their readers."""

from __future__ import annotations

from pathlib import Path

from irviewer.core.ingest.base import Line
from irviewer.core.records import ParseError


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 / Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_text_file(path: Path, fmt: str) -> tuple[list[Line], str]:
    """Return the document's lines and its final format."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}") from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError("binary data, not text (wrong file extension?)")
    text = decode_bytes(data)
    from irviewer.core.ingest.edgar import is_edgar_submission, read_edgar_text
    from irviewer.core.ingest.html import looks_like_html, read_html_text

    if is_edgar_submission(text):
        lines, any_html = read_edgar_text(text)
        if not any(line.text.strip() for line in lines):
            raise ParseError("no readable text in the EDGAR submission")
        return lines, "html" if any_html else "text"
    if fmt == "html" or looks_like_html(text):
        return read_html_text(text), "html"
    if not text.strip():
        raise ParseError("no text in the file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    page = 1
    for raw in text.split("\n"):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        lines.append(Line(raw.rstrip(), page))
    return lines, fmt
