"""Name common non-release file types from their first bytes, for clear failure messages."""

from __future__ import annotations

# (signature, offset, what the file is): checked in order, first match wins.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"RIFF", 0, "a WebP image or a WAV or AVI file"),
    (b"PK\x03\x04", 0, "a ZIP archive, such as a Word, Excel or PowerPoint file"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        0,
        "an old-style Office file, such as .doc, .xls or .msg",
    ),
    (b"{\\rtf", 0, "an RTF document"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"\x7fELF", 0, "a program (ELF executable)"),
    (b"MZ\x90\x00", 0, "a Windows program or library"),
    (b"ftyp", 4, "a video or HEIC image"),
)
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


def describe(head: bytes) -> str | None:
    """What the file is, e.g. 'a PNG image', when its first bytes say so; else None."""
    for signature, offset, what in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return what
    if head[:2] == b"BM" and head[6:10] == b"\x00\x00\x00\x00":  # reserved bytes of a BMP
        return "a BMP image"
    lowered = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(_HTML_MARKERS):
        return "an HTML page"
    return None
