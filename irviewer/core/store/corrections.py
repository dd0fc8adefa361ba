"""User corrections of date, headline, kind and company: validation and storage."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from irviewer.core.records import KINDS
from irviewer.core.store import rows
from irviewer.core.store.connection import Connection
from irviewer.core.store.records import CORRECTABLE_FIELDS, Change

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _one(db: Connection, sql: str, args: Sequence[Any] = ()) -> Any:
    row = db.execute(sql, list(args)).fetchone()
    return row[0] if row else None


def set_correction(db: Connection, id: int, field: str, value: str | None) -> Change:
    """Store (or with None, remove) one correction; see Store.set_correction."""
    if field not in CORRECTABLE_FIELDS:
        raise ValueError(
            f"cannot correct {field!r}: only {', '.join(CORRECTABLE_FIELDS)} can be corrected"
        )
    row = db.execute(f"SELECT sha256, {field} FROM releases WHERE id = ?", [id]).fetchone()
    if row is None:
        raise ValueError(f"no release with id {id}")
    sha, extracted = row
    if value is not None:
        value = validate_correction(field, value)
    before = _one(db, f"SELECT {field} FROM listing WHERE id = ?", [id])
    with db.atomic():
        if value is None or value == extracted:
            db.execute("DELETE FROM corrections WHERE sha256 = ? AND field = ?", [sha, field])
        else:
            db.execute(
                "INSERT INTO corrections (sha256, field, value, changed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(sha256, field) DO UPDATE SET value = excluded.value, "
                "changed_at = excluded.changed_at",
                [sha, field, value, rows.now_iso()],
            )
        refresh_listing(db, id)
        if field in ("headline", "company"):
            refresh_search_text(db, id)
    after = _one(db, f"SELECT {field} FROM listing WHERE id = ?", [id])
    return Change((id,), True) if after != before else Change()


# The listing row of one release: its extracted values with its corrections applied.
_REFRESH_LISTING = """
INSERT OR REPLACE INTO listing (id, date, year, headline, kind, company, ticker, format,
                                n_tables, n_contacts, edited)
SELECT r.id, COALESCE(cd.value, r.date),
       CAST(substr(COALESCE(cd.value, r.date), 1, 4) AS INTEGER),
       COALESCE(ch.value, r.headline), COALESCE(ck.value, r.kind), COALESCE(cc.value, r.company),
       r.ticker, r.format, r.n_tables, r.n_contacts,
       (cd.value IS NOT NULL OR ch.value IS NOT NULL OR ck.value IS NOT NULL
        OR cc.value IS NOT NULL)
FROM releases r
LEFT JOIN corrections cd ON cd.sha256 = r.sha256 AND cd.field = 'date'
LEFT JOIN corrections ch ON ch.sha256 = r.sha256 AND ch.field = 'headline'
LEFT JOIN corrections ck ON ck.sha256 = r.sha256 AND ck.field = 'kind'
LEFT JOIN corrections cc ON cc.sha256 = r.sha256 AND cc.field = 'company'
WHERE r.id = ?
"""


def refresh_listing(db: Connection, rid: int) -> None:
    """Bring the listing row of release ``rid`` in line with its corrections."""
    db.execute(_REFRESH_LISTING, [rid])


def has_corrections(db: Connection, sha: str) -> bool:
    return _one(db, "SELECT 1 FROM corrections WHERE sha256 = ? LIMIT 1", [sha]) is not None


def refresh_search_text(db: Connection, rid: int) -> None:
    """Copy the (corrected) headline and company into the search index."""
    headline, company = db.execute(
        "SELECT headline, company FROM listing WHERE id = ?", [rid]
    ).fetchone()
    db.execute(
        "UPDATE release_text SET headline = ?, company = ? WHERE id = ?",
        [rows.fts_text(headline), rows.fts_text(company), rid],
    )


def validate_correction(field: str, value: str) -> str:
    """The cleaned value to store, or ValueError with a message for the user."""
    value = " ".join(str(value).split())
    if not value:
        raise ValueError(f"{field} cannot be empty (clear the correction to use the extracted one)")
    if field == "date":
        try:
            if not _ISO_DATE.match(value):
                raise ValueError
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not a date: {value!r} (use yyyy-mm-dd, e.g. 2024-03-31)") from None
    elif field == "kind":
        value = value.lower()
        if value not in KINDS:
            raise ValueError(f"unknown kind {value!r}: choose one of {', '.join(KINDS)}")
    return value
