"""One file in, one Document out: ingest, locate the release, extract."""

from __future__ import annotations

from pathlib import Path

from irviewer.core.extract.contacts import extract_contacts
from irviewer.core.extract.metadata import extract_metadata
from irviewer.core.extract.paragraphs import build_body
from irviewer.core.extract.release import find_release
from irviewer.core.extract.tables import extract_tables
from irviewer.core.ingest import RawDocument, read_document
from irviewer.core.records import Document, SourceInfo


def parse_raw(raw: RawDocument) -> Document:
    start, end = find_release(raw.lines)
    release = raw.lines[start:end]
    meta = extract_metadata(raw.lines, start, end)
    return Document(
        source=SourceInfo(str(raw.path), raw.format, raw.sha256, raw.size),
        date=meta.date,
        headline=meta.headline,
        subheadlines=meta.subheadlines,
        company=meta.company,
        ticker=meta.ticker,
        dateline=meta.dateline,
        kind=meta.kind,
        contacts=extract_contacts(release, meta.company),
        tables=extract_tables(raw, release),
        body=build_body(release, meta),
        pages=raw.pages,
    )


def parse_file(path: str | Path) -> Document:
    """Parse one release file.

    Raises:
        ParseError: when the file cannot be read; the message names the reason.
    """
    return parse_raw(read_document(path))
