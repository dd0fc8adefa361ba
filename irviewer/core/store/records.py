"""Plain frozen records the Store returns: listing rows, search hits, change reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from irviewer.core.records import Document

CORRECTABLE_FIELDS = ("date", "headline", "kind", "company")


class LibraryError(Exception):
    """The library file cannot be used (not a library, damaged, or from a newer version)."""


@dataclass(frozen=True)
class AddResult:
    id: int
    added: bool  # False: the same content was already in the library (id is that release)


@dataclass(frozen=True)
class Change:
    """What a write changed, so each view can decide whether to refresh."""

    ids: tuple[int, ...] = ()
    listing_changed: bool = False  # a timeline column (date, headline, kind, company) changed


@dataclass(frozen=True)
class ReleaseSummary:
    """One timeline row: listing columns only, never the body."""

    id: int
    date: str | None
    year: int | None
    headline: str | None
    kind: str
    company: str | None
    ticker: str | None
    format: str
    n_tables: int
    n_contacts: int
    edited: bool  # a user correction applies to this release


@dataclass(frozen=True)
class SearchHit:
    """A full-text match. ``rank``: higher is better (negated FTS5 bm25)."""

    id: int
    rank: float
    snippet: str  # matched terms wrapped in HIGHLIGHT_START / HIGHLIGHT_END


@dataclass(frozen=True)
class StoredRelease:
    """A release as stored: the document with corrections applied."""

    id: int
    document: Document
    extracted: dict[str, str | None] = field(default_factory=dict)  # originals of corrected fields
    corrections: dict[str, str] = field(default_factory=dict)
    imported_at: str = ""  # ISO 8601, UTC
