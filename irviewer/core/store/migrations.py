"""The library schema as an ordered list of sqlite-utils migrations.

The schema version of a library is the number of these migrations applied to it
(also mirrored in ``PRAGMA user_version`` for outside tools). Never edit or reorder
a released migration: append a new one, and add its name to ``schema.NAMES``.

sqlite-utils (~0.15 s to import) is imported when a migration first runs, so that asking
whether a library needs migrating (``needs_migration``, read-only) stays quick, and so
does opening a current library.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from irviewer.core.store import schema

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = schema.MIGRATION_SET
_NAMES: list[str] = []
_STEPS: list[Callable[[Database], None]] = []
_registry: Migrations | None = None


def _migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Remember a migration and its place in the order (see ``_migrations``)."""
    _NAMES.append(fn.__name__)
    _STEPS.append(fn)
    return fn


def _migrations() -> Migrations:
    """The sqlite-utils migration set, built (and sqlite-utils imported) on first use."""
    global _registry
    if _registry is None:
        from sqlite_utils.migrations import Migrations

        registry = Migrations(MIGRATION_SET)
        if registry.migrations_table != schema.MIGRATIONS_TABLE:
            raise RuntimeError("sqlite-utils keeps its migrations in another table")
        for step in _STEPS:
            registry()(step)
        _registry = registry
    return _registry


# The FTS5 tokenizer: Porter stemming over unicode61, accents folded ("cafe" finds "café").
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
FTS_COLUMNS = ("headline", "subheadlines", "company", "body")


@_migration
def m001_initial(db: Database) -> None:
    """Releases, their tables, contacts, pages, known files, and the full-text index."""
    db.executescript(
        """
        CREATE TABLE releases (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            format TEXT NOT NULL,
            date TEXT,
            headline TEXT,
            subheadlines TEXT NOT NULL DEFAULT '[]',
            company TEXT,
            ticker TEXT,
            dateline TEXT,
            kind TEXT NOT NULL DEFAULT 'other',
            n_tables INTEGER NOT NULL DEFAULT 0,
            n_contacts INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL
        );
        CREATE INDEX releases_date ON releases(date);
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE
        );
        CREATE INDEX files_release ON files(release_id);
        CREATE TABLE release_tables (
            release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT,
            units TEXT,
            page INTEGER,
            header_json TEXT NOT NULL,
            rows_json TEXT NOT NULL,
            values_json TEXT NOT NULL,
            PRIMARY KEY (release_id, position)
        );
        CREATE TABLE contacts (
            release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role TEXT NOT NULL,
            name TEXT,
            organization TEXT,
            title TEXT,
            phone TEXT,
            email TEXT,
            PRIMARY KEY (release_id, position)
        );
        CREATE TABLE pages (
            release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (release_id, page)
        );
        CREATE TABLE release_text (
            id INTEGER PRIMARY KEY REFERENCES releases(id) ON DELETE CASCADE,
            headline TEXT NOT NULL DEFAULT '',
            subheadlines TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT ''
        );
        """
    )
    db["release_text"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)


@_migration
def m002_corrections(db: Database) -> None:
    """User corrections, keyed by content hash, and the view that applies them."""
    db.executescript(
        """
        CREATE TABLE corrections (
            sha256 TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            PRIMARY KEY (sha256, field)
        );
        CREATE VIEW release_view AS
        SELECT r.id, r.sha256, r.path, r.size, r.format, r.ticker, r.dateline,
               r.subheadlines, r.n_tables, r.n_contacts, r.imported_at,
               COALESCE(cd.value, r.date) AS date,
               CAST(substr(COALESCE(cd.value, r.date), 1, 4) AS INTEGER) AS year,
               COALESCE(ch.value, r.headline) AS headline,
               COALESCE(ck.value, r.kind) AS kind,
               COALESCE(cc.value, r.company) AS company,
               (cd.value IS NOT NULL OR ch.value IS NOT NULL
                OR ck.value IS NOT NULL OR cc.value IS NOT NULL) AS edited
        FROM releases r
        LEFT JOIN corrections cd ON cd.sha256 = r.sha256 AND cd.field = 'date'
        LEFT JOIN corrections ch ON ch.sha256 = r.sha256 AND ch.field = 'headline'
        LEFT JOIN corrections ck ON ck.sha256 = r.sha256 AND ck.field = 'kind'
        LEFT JOIN corrections cc ON cc.sha256 = r.sha256 AND cc.field = 'company';
        """
    )


@_migration
def m003_listing(db: Database) -> None:
    """The timeline's rows, corrections applied, as an indexed table beside ``releases``.

    Listing queries used to read ``release_view``, which joins the corrections four times
    and so scanned and sorted every release for each page. ``listing`` holds the same
    values (kept current by the Store in the transaction that changes them), and its
    indexes follow the timeline order, ``date DESC, id DESC`` (SQLite sorts NULL lowest,
    so undated releases come last), and the kind and company filters: a page is an index
    range scan. ``releases`` keeps the extracted values untouched.
    """
    db.executescript(
        """
        CREATE TABLE listing (
            id INTEGER PRIMARY KEY REFERENCES releases(id) ON DELETE CASCADE,
            date TEXT,
            year INTEGER,
            headline TEXT,
            kind TEXT NOT NULL,
            company TEXT,
            ticker TEXT,
            format TEXT NOT NULL,
            n_tables INTEGER NOT NULL DEFAULT 0,
            n_contacts INTEGER NOT NULL DEFAULT 0,
            edited INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO listing (id, date, year, headline, kind, company, ticker, format,
                             n_tables, n_contacts, edited)
        SELECT id, date, year, headline, kind, company, ticker, format, n_tables, n_contacts,
               edited
        FROM release_view;
        DROP INDEX IF EXISTS releases_date;
        CREATE INDEX listing_timeline ON listing(date, id, kind, company);
        CREATE INDEX listing_kind ON listing(kind, date, id, year);
        CREATE INDEX listing_company ON listing(company, date, id, kind, year);
        CREATE INDEX listing_year ON listing(year, kind, company);
        DROP VIEW release_view;
        CREATE VIEW release_view AS
        SELECT r.id, r.sha256, r.path, r.size, r.format, r.ticker, r.dateline,
               r.subheadlines, r.n_tables, r.n_contacts, r.imported_at, l.date, l.year,
               l.headline, l.kind, l.company, l.edited
        FROM releases r JOIN listing l ON l.id = r.id;
        """
    )


LATEST_VERSION = len(_NAMES)
if tuple(_NAMES) != schema.NAMES:
    raise RuntimeError("store/schema.py does not list the migrations of store/migrations.py")


def names() -> list[str]:
    """Migration names in order; the schema version N means the first N are applied."""
    return list(_NAMES)


applied_version = schema.applied_version


def stored_version(path: str | Path) -> int | None:
    """The schema version of the library file at ``path``, read without writing anything.

    None when there is no such file or it cannot be read as a database (``Store.open``
    then says why); 0 for an empty or foreign SQLite file.

    The file is read as it is on disk (``immutable``: no locks, no -wal/-shm files made):
    a migration still in the write-ahead log after a crash reads as not done yet, which
    only means ``Store.open`` finds nothing left to do. Versions only grow, so a file that
    reads as current is current.
    """
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        return applied_version(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def needs_migration(path: str | Path) -> bool:
    """True when the library at ``path`` comes from an older version, so ``Store.open`` will
    back it up and migrate it in place first (many seconds for a large library).

    Only reads the file; False for a current, new, newer or unreadable file.
    """
    return is_outdated(stored_version(path))


def is_outdated(version: int | None) -> bool:
    """True for a ``stored_version`` that ``Store.open`` migrates (an older library)."""
    return version is not None and 0 < version < LATEST_VERSION


def migrate(db: Database, stop_before_version: int | None = None) -> int:
    """Apply pending migrations (all, or up to a version for tests); return the version."""
    stop = None
    if stop_before_version is not None and stop_before_version < LATEST_VERSION:
        stop = names()[stop_before_version]
    _migrations().apply(db, stop_before=stop)
    version = applied_version(db)
    db.execute(f"PRAGMA user_version = {int(version)}")
    return version
