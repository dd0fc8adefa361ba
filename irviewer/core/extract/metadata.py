"""Date, headline, sub-headlines, company, ticker, dateline and kind of a release."""

from __future__ import annotations

from dataclasses import dataclass, field

from irviewer.core.ingest.base import Line


@dataclass
class Metadata:
    date: str | None = None
    headline: str | None = None
    subheadlines: list[str] = field(default_factory=list)
    company: str | None = None
    ticker: str | None = None
    dateline: str | None = None
    kind: str = "other"


def extract_metadata(lines: list[Line], start: int, end: int) -> Metadata:
    """Read the metadata of the release at lines[start:end] (the cover may sit before it)."""
    return Metadata()
