"""The Store facade: the only code that talks SQL to the library file.

One Store wraps one SQLite connection; use it from one thread (open a second Store on
the same file for a worker thread: the file is in WAL mode, so readers never block).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from irviewer.core.records import KINDS, Document
from irviewer.core.store import corrections, reading, rows, schema, searching
from irviewer.core.store.connection import Connection
from irviewer.core.store.filters import filters as _filters
from irviewer.core.store.records import (
    AddResult,
    Change,
    LibraryError,
    ReleaseSummary,
    SearchHit,
    StoredRelease,
)
from irviewer.core.store.search import search_terms

log = logging.getLogger(__name__)

# Listing queries read the ``listing`` table (corrections applied; see migrations.m003_listing),
# whose indexes make a page of the timeline an index range scan.
_SUMMARY_COLUMNS = (
    "id, date, year, headline, kind, company, ticker, format, n_tables, n_contacts, edited"
)
# Newest first, undated last (SQLite sorts NULL lowest), then newest import first.
_TIMELINE_ORDER = "ORDER BY date DESC, id DESC"
BUSY_TIMEOUT_S = 15.0


class Store:
    """The release library: add, list, search, correct and delete releases."""

    def __init__(self, db: Connection, path: Path | None) -> None:
        """Use ``Store.open`` or ``Store.memory``; this wraps an already-migrated database."""
        self._db = db
        self.path = path
        self.schema_version = schema.applied_version(db)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the library file at ``path`` and bring it up to date.

        Before migrating a library made by an older version, a copy is written beside
        it as ``<name>.bak-v<old version>``.

        Raises:
            LibraryError: the file cannot be opened or written, is not an irviewer library,
                or comes from a newer version.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError(f"cannot open the library {path}: {exc}") from exc
        try:
            db = Connection(conn)
            version = cls._check(db, path)
            db.enable_wal()
            # In WAL mode, NORMAL still keeps every committed release through a crash of
            # the app; only a power cut may lose the last commits. FULL would wait for the
            # disk at every release an import stores.
            db.execute("PRAGMA synchronous = NORMAL")
            if 0 < version < schema.LATEST_VERSION:
                cls._backup(conn, path.with_name(f"{path.name}.bak-v{version}"))
            cls._prepare(db)
        except (OSError, sqlite3.Error) as exc:
            conn.close()
            raise LibraryError(f"cannot open the library {path}: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return cls(db, path)

    @staticmethod
    def _backup(conn: sqlite3.Connection, backup: Path) -> None:
        log.info("backing up the library to %s before migrating", backup)
        dest = sqlite3.connect(str(backup))
        try:
            conn.backup(dest)
        finally:
            dest.close()

    @classmethod
    def memory(cls) -> Store:
        """A new, empty in-memory library (tests, previews)."""
        db = Connection(sqlite3.connect(":memory:"))
        cls._prepare(db)
        return cls(db, None)

    @staticmethod
    def _check(db: Connection, path: Path) -> int:
        try:
            version = schema.applied_version(db)
            names = set(db.table_names()) - {schema.MIGRATIONS_TABLE}
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{path} is not a library file ({exc})") from exc
        if version > schema.LATEST_VERSION:
            raise LibraryError(
                f"{path} was written by a newer irviewer (schema {version}; this version "
                f"reads up to {schema.LATEST_VERSION})"
            )
        if version == 0 and names:
            raise LibraryError(f"{path} is an SQLite file but not an irviewer library")
        return version

    @staticmethod
    def _prepare(db: Connection) -> None:
        db.execute("PRAGMA foreign_keys = ON")
        if schema.applied_version(db) < schema.LATEST_VERSION:
            from sqlite_utils import Database

            from irviewer.core.store import migrations

            migrations.migrate(Database(db.conn))
            db.conn.isolation_level = None  # as Connection keeps it

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        row = self._db.execute(sql, list(args)).fetchone()
        return row[0] if row else None

    # -- adding ----------------------------------------------------------------------------

    def add(self, doc: Document, *, mtime: float | None = None) -> AddResult:
        """Store one parsed release in a single transaction (all of it or nothing).

        A document whose content hash is already stored adds nothing: the existing id
        comes back with ``added=False``. With ``mtime``, the file's path, size and mtime
        are remembered so that ``known_file`` can skip it next time.
        """
        sha = doc.source.sha256
        with self._db.atomic():
            existing = self.id_for_sha(sha)
            if existing is not None:
                if mtime is not None:
                    self.record_file(doc.source.path, doc.source.size, mtime, existing)
                return AddResult(existing, False)
            row = rows.release_row(doc, rows.now_iso())
            conn = self._db.conn
            cur = conn.execute(
                f"INSERT INTO releases ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
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
                f"INSERT INTO listing ({', '.join(listing)}) "
                f"VALUES ({', '.join('?' * len(listing))})",
                list(listing.values()),
            )
            if corrections.has_corrections(self._db, sha):  # made before a delete
                corrections.refresh_listing(self._db, rid)
                corrections.refresh_search_text(self._db, rid)
            conn.executemany(
                "INSERT INTO release_tables (release_id, position, title, units, page, "
                "header_json, rows_json, values_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [rows.table_row(rid, i, t) for i, t in enumerate(doc.tables)],
            )
            conn.executemany(
                "INSERT INTO contacts (release_id, position, role, name, organization, title, "
                "phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [rows.contact_row(rid, i, c) for i, c in enumerate(doc.contacts)],
            )
            conn.executemany(
                "INSERT INTO pages (release_id, page, text) VALUES (?, ?, ?)",
                [(rid, i + 1, text) for i, text in enumerate(doc.pages)],
            )
            if mtime is not None:
                self.record_file(doc.source.path, doc.source.size, mtime, rid)
        return AddResult(rid, True)

    def record_file(self, path: str, size: int, mtime: float, release_id: int) -> None:
        """Remember that the file at ``path`` (this size and mtime) holds ``release_id``."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO files (path, size, mtime, release_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, "
                "release_id = excluded.release_id",
                [path, size, mtime, release_id],
            )

    def known_file(self, path: str, size: int, mtime: float) -> int | None:
        """The release id if this exact path, size and mtime was imported before."""
        return self._one(
            "SELECT release_id FROM files WHERE path = ? AND size = ? AND mtime = ?",
            [str(path), size, mtime],
        )

    def id_for_sha(self, sha256: str) -> int | None:
        return self._one("SELECT id FROM releases WHERE sha256 = ?", [sha256])

    # -- listing ---------------------------------------------------------------------------

    def count(self, kinds: Sequence[str] | None = None, company: str | None = None) -> int:
        where, args = _filters(kinds, company)
        return int(self._one(f"SELECT COUNT(*) FROM listing WHERE 1{where}", args))

    def summaries(
        self,
        offset: int = 0,
        limit: int | None = None,
        kinds: Sequence[str] | None = None,
        company: str | None = None,
    ) -> list[ReleaseSummary]:
        """Timeline rows, newest first, undated last (then newest import first)."""
        where, args = _filters(kinds, company)
        args += [-1 if limit is None else max(0, limit), max(0, offset)]
        cur = self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM listing WHERE 1{where} "
            f"{_TIMELINE_ORDER} LIMIT ? OFFSET ?",
            args,
        )
        return [self._summary(r) for r in cur.fetchall()]

    def summary(self, id: int) -> ReleaseSummary | None:
        row = self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM listing WHERE id = ?", [id]
        ).fetchone()
        return self._summary(row) if row else None

    @staticmethod
    def _summary(r: Sequence[Any]) -> ReleaseSummary:
        return ReleaseSummary(
            id=r[0],
            date=r[1],
            year=r[2],
            headline=r[3],
            kind=r[4],
            company=r[5],
            ticker=r[6],
            format=r[7],
            n_tables=r[8],
            n_contacts=r[9],
            edited=bool(r[10]),
        )

    def ids(self, kinds: Sequence[str] | None = None, company: str | None = None) -> list[int]:
        """Every matching id in timeline order."""
        where, args = _filters(kinds, company)
        sql = f"SELECT id FROM listing WHERE 1{where} {_TIMELINE_ORDER}"
        cur = self._db.execute(sql, args)
        return [r[0] for r in cur.fetchall()]

    def position(
        self, id: int, kinds: Sequence[str] | None = None, company: str | None = None
    ) -> int | None:
        """Row index of release ``id`` in the (filtered) timeline; None when it is not listed."""
        row = self._db.execute(
            "SELECT date, kind, company FROM listing WHERE id = ?", [id]
        ).fetchone()
        if row is None:
            return None
        date, kind, owner = row
        if (kinds is not None and kind not in kinds) or (company is not None and owner != company):
            return None
        where, args = _filters(kinds, company)
        if date is not None:  # dated releases before it: later date, or same date and newer id
            before = "(date, id) > (?, ?)"
            count = self._one(
                f"SELECT COUNT(*) FROM listing WHERE {before}{where}", [date, id, *args]
            )
            return int(count)
        dated = self._one(f"SELECT COUNT(*) FROM listing WHERE date IS NOT NULL{where}", args)
        newer = self._one(
            f"SELECT COUNT(*) FROM listing WHERE date IS NULL AND id > ?{where}", [id, *args]
        )
        return int(dated) + int(newer)

    def year_counts(
        self, kinds: Sequence[str] | None = None, company: str | None = None
    ) -> list[tuple[int | None, int]]:
        """(year, releases) pairs, newest year first, undated (None) last."""
        where, args = _filters(kinds, company)
        cur = self._db.execute(
            f"SELECT year, COUNT(*) FROM listing WHERE 1{where} GROUP BY year ORDER BY year DESC",
            args,
        )
        return [(r[0], r[1]) for r in cur.fetchall()]

    def companies(self) -> list[str]:
        """Company names in the listing (case-insensitive order), without empty ones."""
        return self._distinct("company", "COLLATE NOCASE")

    def kinds_present(self) -> list[str]:
        """Kinds with at least one release, in the order of records.KINDS."""
        present = set(self._distinct("kind"))
        order = {k: i for i, k in enumerate(KINDS)}
        return sorted(present, key=lambda k: (order.get(k, len(order)), k))

    def _distinct(self, column: str, collate: str = "") -> list[str]:
        """The distinct non-empty values of an indexed listing column.

        A loose index scan: one index seek per value (a few hundred companies), where
        ``SELECT DISTINCT`` would walk an index entry per release.
        """
        cur = self._db.execute(
            f"WITH RECURSIVE v(x) AS (SELECT MIN({column}) FROM listing WHERE {column} > '' "
            f"UNION ALL SELECT (SELECT MIN({column}) FROM listing WHERE {column} > v.x) "
            f"FROM v WHERE v.x IS NOT NULL) "
            f"SELECT x FROM v WHERE x IS NOT NULL ORDER BY x {collate}"
        )
        return [r[0] for r in cur.fetchall()]

    # -- search ----------------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int = 200,
        kinds: Sequence[str] | None = None,
        company: str | None = None,
        *,
        snippets: bool = True,
    ) -> list[SearchHit]:
        """Best matches first (bm25, headline weighted highest). Never raises on user text.

        When more than ``searching.RANK_WINDOW`` releases match, the best of the most
        recently imported ``RANK_WINDOW`` of them come back. With ``snippets=False`` the
        hits come without snippets (``""``), faster: fetch the ones shown with ``snippets``.
        """
        return searching.search(self._db, query, limit, kinds, company, snippets)

    def snippets(self, ids: Sequence[int], query: str) -> dict[int, str]:
        """Search snippets (as in SearchHit.snippet) of these releases for ``query``."""
        return searching.make_snippets(self._db, ids, query)

    @staticmethod
    def search_terms(query: str) -> list[str]:
        """The words and phrases of a query to highlight in a document (see search.py)."""
        return search_terms(query)

    # -- reading one ------------------------------------------------------------------------

    def get(self, id: int) -> StoredRelease | None:
        """The whole release, corrections applied; None when the id is unknown."""
        return reading.load_release(self._db, id)

    # -- writes ------------------------------------------------------------------------------

    def set_correction(self, id: int, field: str, value: str | None) -> Change:
        """Correct (or with None, un-correct) one field: date, headline, kind or company.

        Corrections live apart from the extracted values, keyed by the file's content,
        so they survive re-importing the same file (even after a delete).

        Raises:
            ValueError: unknown id or field, a date that is not ISO yyyy-mm-dd, a kind not
                in records.KINDS, or an empty value (pass None to go back to the extracted one).
        """
        return corrections.set_correction(self._db, id, field, value)

    def delete(self, id: int) -> Change:
        """Remove a release with its tables, contacts, pages and remembered files.

        Corrections stay (keyed by content), so re-importing the file restores them.
        """
        with self._db.atomic():
            cur = self._db.execute("DELETE FROM releases WHERE id = ?", [id])
            gone = cur.rowcount > 0
            if gone:
                self._db.execute("DELETE FROM listing WHERE id = ?", [id])
                for table in ("release_tables", "contacts", "pages", "files"):
                    self._db.execute(f"DELETE FROM {table} WHERE release_id = ?", [id])
                self._db.execute("DELETE FROM release_text WHERE id = ?", [id])
        return Change((id,), True) if gone else Change()

    def integrity_check(self) -> str:
        """SQLite's own check of the file: 'ok' when it is sound."""
        return "; ".join(r[0] for r in self._db.execute("PRAGMA integrity_check"))
