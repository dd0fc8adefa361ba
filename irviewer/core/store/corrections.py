"""User corrections of date, headline, kind and company: validation and storage."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from irviewer.core.records import KINDS
from irviewer.core.store import rows
from irviewer.core.store.records import CORRECTABLE_FIELDS, Change

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _one(db: Database, sql: str, args: Sequence[Any] = ()) -> Any:
    row = db.execute(sql, list(args)).fetchone()
    return row[0] if row else None


def set_correction(db: Database, id: int, field: str, value: str | None) -> Change:
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
    before = _one(db, f"SELECT {field} FROM release_view WHERE id = ?", [id])
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
        if field in ("headline", "company"):
            refresh_search_text(db, id)
    after = _one(db, f"SELECT {field} FROM release_view WHERE id = ?", [id])
    return Change((id,), True) if after != before else Change()


def refresh_search_text(db: Database, rid: int) -> None:
    """Copy the (corrected) headline and company into the search index."""
    headline, company = db.execute(
        "SELECT headline, company FROM release_view WHERE id = ?", [rid]
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
