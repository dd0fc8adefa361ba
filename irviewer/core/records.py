"""Plain records that flow out of the core: no Qt types, frozen where practical."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = (
    "earnings",
    "clinical",
    "product",
    "deal",
    "offering",
    "event",
    "governance",
    "corporate",
    "other",
)
ROLES = ("investor", "media", "other")


@dataclass(frozen=True)
class Contact:
    """One investor-relations or media contact as printed in a release."""

    role: str  # investor | media | other
    name: str | None = None
    organization: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FinancialTable:
    """A table with cells kept as printed and a parallel grid of parsed numbers."""

    title: str | None
    units: str | None
    header_rows: list[list[str]]
    rows: list[list[str]]
    values: list[list[float | None]]
    page: int | None = None  # 1-based page of the table's first row, when known

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "units": self.units,
            "header_rows": self.header_rows,
            "rows": self.rows,
            "values": self.values,
        }


@dataclass(frozen=True)
class SourceInfo:
    path: str
    format: str  # pdf | text | markdown | html
    sha256: str
    size: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "sha256": self.sha256}


@dataclass(frozen=True)
class Document:
    """Everything extracted from one release file."""

    source: SourceInfo
    date: str | None = None  # ISO yyyy-mm-dd
    headline: str | None = None
    subheadlines: list[str] = field(default_factory=list)
    company: str | None = None
    ticker: str | None = None  # 'EXCH: SYM'
    dateline: str | None = None
    kind: str = "other"
    contacts: list[Contact] = field(default_factory=list)
    tables: list[FinancialTable] = field(default_factory=list)
    body: str = ""  # paragraphs separated by blank lines; bullet items start with '• '
    pages: list[str] = field(default_factory=list)  # per-page text (PDF), for the page view

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source.to_json(),
            "date": self.date,
            "headline": self.headline,
            "subheadlines": list(self.subheadlines),
            "company": self.company,
            "ticker": self.ticker,
            "dateline": self.dateline,
            "kind": self.kind,
            "contacts": [c.to_json() for c in self.contacts],
            "tables": [t.to_json() for t in self.tables],
            "body": self.body,
        }


class ParseError(Exception):
    """A file could not be read; the message is meant for the user."""
