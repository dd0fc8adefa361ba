"""Plain text and Markdown files: decode, and hand HTML and EDGAR text to their readers.

Size limits keep one oversized file from holding the import for minutes: a press release
(even an EDGAR submission with its exhibits) is far below both.
"""

from __future__ import annotations

from pathlib import Path

from irviewer.core.ingest.base import Line, strip_controls
from irviewer.core.ingest.magic import describe
from irviewer.core.records import ParseError

MAX_TEXT_BYTES = 32_000_000  # text, Markdown and HTML files
MAX_TEXT_LINES = 100_000  # printed lines after reading (as many as 2,000 dense PDF pages)
_SNIFF = 4096


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like BOM-less UTF-16 text, else None."""
    sample = data[:_SNIFF]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        encoding = "utf-16-le"
    elif even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        encoding = "utf-16-be"
    else:
        return None
    decoded = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
    readable = sum(ch.isprintable() or ch in "\t\n\r\f" for ch in decoded)
    return encoding if readable >= 0.95 * len(decoded) else None


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (BOM or not), else Windows-1252 / Latin-1.

    Never raises: UTF-16 with broken surrogates or an odd length gets replacement marks.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _is_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    return (
        b"\x00" in head
        and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
        and not (_utf16_without_bom(data))
    )


def _too_many_lines(count: int) -> ParseError:
    return ParseError(
        f"too large for a press release ({count:,} lines of text; irviewer reads at most "
        f"{MAX_TEXT_LINES:,})"
    )


def read_text_file(path: Path, fmt: str) -> tuple[list[Line], str]:
    """Return the document's lines and its final format.

    Raises:
        ParseError: unreadable, binary, over the size limits, or without any text.
    """
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise ParseError(
                f"too large for a press release ({size / 1e6:.0f} MB of text; irviewer reads "
                f"text and HTML files up to {MAX_TEXT_BYTES // 1_000_000} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}") from exc
    if _is_binary(data):
        what = describe(data[:_SNIFF])
        if what:
            raise ParseError(f"not text: the file is {what} (wrong file extension?)")
        raise ParseError("binary data, not text (wrong file extension?)")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise ParseError("not plain text: the file is an RTF document (save it as PDF or text)")
    text = decode_bytes(data)
    text = strip_controls(text)
    del data
    from irviewer.core.ingest.edgar import is_edgar_submission, read_edgar_text
    from irviewer.core.ingest.html import looks_like_html, read_html_text

    if is_edgar_submission(text):
        lines, any_html = read_edgar_text(text)
        if not any(line.text.strip() for line in lines):
            raise ParseError("no readable text in the EDGAR submission")
        if len(lines) > MAX_TEXT_LINES:
            raise _too_many_lines(len(lines))
        return lines, "html" if any_html else "text"
    if fmt == "html" or looks_like_html(text):
        lines = read_html_text(text)
        if not any(line.text.strip() for line in lines):
            raise ParseError("no readable text in the HTML page (only scripts, styles or images?)")
        if len(lines) > MAX_TEXT_LINES:
            raise _too_many_lines(len(lines))
        return lines, "html"
    if not text.strip():
        raise ParseError("no text in the file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    count = text.count("\n") + 1
    if count > MAX_TEXT_LINES:
        raise _too_many_lines(count)
    lines: list[Line] = []
    page = 1
    for raw in text.split("\n"):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        lines.append(Line(raw.rstrip(), page))
    return lines, fmt
