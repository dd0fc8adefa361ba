"""Adding a parsed release, and remembering which file holds it (see Store.add)."""

from __future__ import annotations

from collections.abc import Sequence

from irviewer.core.records import Document
from irviewer.core.store import corrections, rows
from irviewer.core.store.connection import Connection, is_busy, is_read_only
from irviewer.core.store.records import AddResult

_RECORD_FILE = (
    "INSERT INTO files (path, size, mtime, release_id) VALUES (?, ?, ?, ?) "
    "ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, "
    "release_id = excluded.release_id"
)


def record_file(db: Connection, path: str, size: int, mtime: float, release_id: int) -> None:
    """Remember that the file at ``path`` (this size and mtime) holds ``release_id``."""
    with db.atomic():
        db.execute(_RECORD_FILE, [path, size, mtime, release_id])


def add_release(db: Connection, doc: Document, mtime: float | None) -> AddResult:
    """Store one release, all of it or nothing; see Store.add."""
    sha = doc.source.sha256
    conn = db.conn
    with db.atomic():
        row = conn.execute("SELECT id FROM releases WHERE sha256 = ?", [sha]).fetchone()
        if row is not None:
            if mtime is not None:
                conn.execute(_RECORD_FILE, [doc.source.path, doc.source.size, mtime, row[0]])
            return AddResult(int(row[0]), False)
        release = rows.release_row(doc, rows.now_iso())
        cur = conn.execute(
            f"INSERT INTO releases ({', '.join(release)}) VALUES ({', '.join('?' * len(release))})",
            list(release.values()),
        )
        rid = int(cur.lastrowid or 0)
        # Indexed once: headline and company go in with the body (an UPDATE of the
        # row would make the FTS triggers remove and re-add the whole text).
        conn.execute(
            "INSERT INTO release_text (id, headline, subheadlines, company, body) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                rid,
                rows.fts_text(doc.headline),
                rows.fts_text("\n".join(doc.subheadlines)),
                rows.fts_text(doc.company),
                rows.fts_text(doc.body),
            ],
        )
        listing = rows.listing_row(rid, doc)
        conn.execute(
            f"INSERT INTO listing ({', '.join(listing)}) VALUES ({', '.join('?' * len(listing))})",
            list(listing.values()),
        )
        if corrections.has_corrections(db, sha):  # made before a delete
            corrections.refresh_listing(db, rid)
            corrections.refresh_search_text(db, rid)
        if doc.tables:
            conn.executemany(
                "INSERT INTO release_tables (release_id, position, title, units, page, "
                "header_json, rows_json, values_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [rows.table_row(rid, i, t) for i, t in enumerate(doc.tables)],
            )
        if doc.contacts:
            conn.executemany(
                "INSERT INTO contacts (release_id, position, role, name, organization, "
                "title, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [rows.contact_row(rid, i, c) for i, c in enumerate(doc.contacts)],
            )
        if doc.pages:
            conn.executemany(
                "INSERT INTO pages (release_id, page, text) VALUES (?, ?, ?)",
                [(rid, i + 1, text) for i, text in enumerate(doc.pages)],
            )
        if mtime is not None:
            conn.execute(_RECORD_FILE, [doc.source.path, doc.source.size, mtime, rid])
    return AddResult(rid, True)


def add_many(
    db: Connection, items: Sequence[tuple[Document, float | None]]
) -> list[AddResult | Exception]:
    """Store several releases in one transaction, each whole or not at all; see Store.add_many.

    A release that cannot be stored (its savepoint rolled back) comes back as its exception
    while the others go in. Errors that concern the whole transaction propagate, leaving
    nothing stored: the write lock not obtained (``is_busy``), a read-only library, or one
    that ended the transaction (disk full, I/O error).
    """
    results: list[AddResult | Exception] = []
    with db.atomic():
        for doc, mtime in items:
            try:
                results.append(add_release(db, doc, mtime))
            except Exception as exc:
                if is_busy(exc) or is_read_only(exc) or not db.conn.in_transaction:
                    raise
                results.append(exc)
    return results
