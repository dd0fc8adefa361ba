"""The schema version of a library, read with plain SQL (no sqlite-utils: see connection.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

MIGRATION_SET = "irviewer"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records applied migrations
# The migrations of migrations.py, in order; it checks this list when it is imported.
NAMES = ("m001_initial", "m002_corrections", "m003_listing")
LATEST_VERSION = len(NAMES)


def backup_path(path: Path, version: int) -> Path:
    """Where ``Store.open`` keeps a copy of a version-``version`` library before migrating it."""
    return path.with_name(f"{path.name}.bak-v{version}")


def applied_version(db: Any) -> int:
    """How many of our migrations ``db`` has (0 for a new file).

    Migrations this version does not know (a library from a newer irviewer) count on top of
    ``LATEST_VERSION``. ``db`` is anything with ``execute`` (a Connection, a sqlite-utils
    Database). Raises sqlite3.DatabaseError when the file is not a database.
    """
    try:
        rows = db.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise
    applied = {r[0] for r in rows}
    unknown = applied - set(NAMES)
    if unknown:
        return LATEST_VERSION + len(unknown)
    return sum(1 for name in NAMES if name in applied)
