"""Writing a Document's parts to rows and reading them back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from irviewer.core.records import Contact, Document, FinancialTable
from irviewer.core.store.search import HIGHLIGHT_END, HIGHLIGHT_START


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


_MARKERS = str.maketrans({HIGHLIGHT_START: " ", HIGHLIGHT_END: " "})


def fts_text(text: str | None) -> str:
    """Text for the search index, without characters that the snippets use as markers.

    The markers are almost never there: ``in`` finds that out at memory speed, where
    ``str.translate`` looks up every character (~50 µs for a release's body).
    """
    if not text:
        return ""
    if HIGHLIGHT_START in text or HIGHLIGHT_END in text:
        return text.translate(_MARKERS)
    return text


def table_row(release_id: int, position: int, table: FinancialTable) -> tuple[Any, ...]:
    return (
        release_id,
        position,
        table.title,
        table.units,
        table.page,
        json.dumps(table.header_rows, ensure_ascii=False),
        json.dumps(table.rows, ensure_ascii=False),
        json.dumps(table.values),
    )


def table_from_row(row: Sequence[Any]) -> FinancialTable:
    title, units, page, header_json, rows_json, values_json = row
    return FinancialTable(
        title=title,
        units=units,
        header_rows=json.loads(header_json),
        rows=json.loads(rows_json),
        values=json.loads(values_json),
        page=page,
    )


def contact_row(release_id: int, position: int, contact: Contact) -> tuple[Any, ...]:
    return (
        release_id,
        position,
        contact.role,
        contact.name,
        contact.organization,
        contact.title,
        contact.phone,
        contact.email,
    )


def contact_from_row(row: Sequence[Any]) -> Contact:
    role, name, organization, title, phone, email = row
    return Contact(role, name, organization, title, phone, email)


def release_row(doc: Document, imported_at: str) -> dict[str, Any]:
    return {
        "sha256": doc.source.sha256,
        "path": doc.source.path,
        "size": doc.source.size,
        "format": doc.source.format,
        "date": doc.date,
        "headline": doc.headline,
        "subheadlines": json.dumps(list(doc.subheadlines), ensure_ascii=False),
        "company": doc.company,
        "ticker": doc.ticker,
        "dateline": doc.dateline,
        "kind": doc.kind or "other",
        "n_tables": len(doc.tables),
        "n_contacts": len(doc.contacts),
        "imported_at": imported_at,
    }


def listing_row(release_id: int, doc: Document) -> dict[str, Any]:
    """The timeline row of a new release (before any correction: see corrections.py)."""
    return {
        "id": release_id,
        "date": doc.date,
        "year": year_of(doc.date),
        "headline": doc.headline,
        "kind": doc.kind or "other",
        "company": doc.company,
        "ticker": doc.ticker,
        "format": doc.source.format,
        "n_tables": len(doc.tables),
        "n_contacts": len(doc.contacts),
        "edited": 0,
    }


def year_of(date: str | None) -> int | None:
    """The year of an ISO date, as SQL's CAST(substr(date, 1, 4) AS INTEGER) gives it."""
    if date is None:
        return None
    digits = ""
    for ch in date[:4].lstrip():
        if not ch.isdigit():
            break
        digits += ch
    return int(digits) if digits else 0
