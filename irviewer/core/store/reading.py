"""Reading one stored release back, corrections applied."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from irviewer.core.records import Document, SourceInfo
from irviewer.core.store import rows
from irviewer.core.store.connection import Connection
from irviewer.core.store.records import CORRECTABLE_FIELDS, StoredRelease


def _one(db: Connection, sql: str, args: Sequence[Any] = ()) -> Any:
    row = db.execute(sql, list(args)).fetchone()
    return row[0] if row else None


def load_release(db: Connection, id: int) -> StoredRelease | None:
    """The whole release, corrections applied; None when the id is unknown."""
    view = db.execute(
        "SELECT sha256, path, size, format, date, headline, kind, company, ticker, "
        "dateline, subheadlines, imported_at FROM release_view WHERE id = ?",
        [id],
    ).fetchone()
    if view is None:
        return None
    (sha, path, size, fmt, date, headline, kind, company, ticker, dateline, subs, imported_at) = (
        view
    )
    body = _one(db, "SELECT body FROM release_text WHERE id = ?", [id]) or ""
    tables = [
        rows.table_from_row(r)
        for r in db.execute(
            "SELECT title, units, page, header_json, rows_json, values_json "
            "FROM release_tables WHERE release_id = ? ORDER BY position",
            [id],
        )
    ]
    contacts = [
        rows.contact_from_row(r)
        for r in db.execute(
            "SELECT role, name, organization, title, phone, email FROM contacts "
            "WHERE release_id = ? ORDER BY position",
            [id],
        )
    ]
    pages = [
        r[0] for r in db.execute("SELECT text FROM pages WHERE release_id = ? ORDER BY page", [id])
    ]
    doc = Document(
        source=SourceInfo(path, fmt, sha, size),
        date=date,
        headline=headline,
        subheadlines=json.loads(subs),
        company=company,
        ticker=ticker,
        dateline=dateline,
        kind=kind,
        contacts=contacts,
        tables=tables,
        body=body,
        pages=pages,
    )
    corrections = corrections_for(db, sha)
    extracted: dict[str, str | None] = {}
    if corrections:
        original = db.execute(
            "SELECT date, headline, kind, company FROM releases WHERE id = ?", [id]
        ).fetchone()
        values = dict(zip(CORRECTABLE_FIELDS, original, strict=True))
        extracted = {f: values[f] for f in corrections}
    return StoredRelease(id, doc, extracted, corrections, imported_at)


def corrections_for(db: Connection, sha: str) -> dict[str, str]:
    cur = db.execute("SELECT field, value FROM corrections WHERE sha256 = ? ORDER BY field", [sha])
    return {f: v for f, v in cur.fetchall()}
