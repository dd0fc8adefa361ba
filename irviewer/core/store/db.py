"""The Store facade: the only code that talks SQL to the library file.

One Store wraps one SQLite connection; use it from one thread (open a second Store on
the same file for a worker thread: the file is in WAL mode, so readers never block).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from irviewer.core.records import KINDS, Document
from irviewer.core.store import adding, corrections, reading, schema, searching
from irviewer.core.store.connection import Connection, is_busy, is_read_only
from irviewer.core.store.files import read_only_problem
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
# How long a statement waits for another program's lock before failing (importer.py
# retries its writes after that).
BUSY_TIMEOUT_S = 10.0


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

        Opening a current library only reads (its schema version and journal mode), so it
        never waits for another program writing to the same library. Creating, switching
        to WAL mode and migrating take the write lock, and migrations check the version
        again under it (another program may have just migrated the file). Before
        migrating a library made by an older version, a copy is written beside it as
        ``<name>.bak-v<old version>``.

        Raises:
            LibraryError: the file cannot be opened or written (read-only file or folder),
                is not an irviewer library, or comes from a newer version.
        """
        path = Path(path)
        problem = read_only_problem(path)
        if problem:
            raise LibraryError(f"cannot open the library {path}: {problem}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError(f"cannot open the library {path}: {exc}") from exc
        try:
            db = Connection(conn)
            version = cls._check(db, path)
            if version < schema.LATEST_VERSION or db.journal_mode() != "wal":
                cls._upgrade(db, path)
            # Settings of this connection, not of the file: no writes.
            # In WAL mode, NORMAL still keeps every committed release through a crash of
            # the app; only a power cut may lose the last commits. FULL would wait for the
            # disk at every transaction an import commits.
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
        except (OSError, sqlite3.Error) as exc:
            conn.close()
            if is_read_only(exc):
                reason = "it cannot be written (read-only file, folder or disk)"
                raise LibraryError(f"cannot open the library {path}: {reason}") from exc
            if is_busy(exc):
                reason = f"another program kept it locked ({exc}; migrating a large library?)"
                raise LibraryError(f"cannot open the library {path}: {reason}") from exc
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
        cls._migrate(db, None)
        db.execute("PRAGMA foreign_keys = ON")
        return cls(db, None)

    @staticmethod
    def _check(db: Connection, path: Path) -> int:
        try:
            version = schema.applied_version(db)
            names = set(db.table_names()) - {schema.MIGRATIONS_TABLE}
        except sqlite3.DatabaseError as exc:
            if is_busy(exc):
                raise
            raise LibraryError(f"{path} is not a library file ({exc})") from exc
        if version > schema.LATEST_VERSION:
            raise LibraryError(
                f"{path} was written by a newer irviewer (schema {version}; this version "
                f"reads up to {schema.LATEST_VERSION})"
            )
        if version == 0 and names:
            raise LibraryError(f"{path} is an SQLite file but not an irviewer library")
        return version

    @classmethod
    def _upgrade(cls, db: Connection, path: Path) -> None:
        """WAL mode and the latest schema. Each step checks again whether it is needed, so
        a step that met another program doing the same (SQLite refuses one of two programs
        switching a new file to WAL at once, without waiting) is simply tried again."""
        give_up = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                db.enable_wal()
                cls._migrate(db, path)
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or time.monotonic() > give_up:
                    raise
                time.sleep(0.05)

    @classmethod
    def _migrate(cls, db: Connection, path: Path | None) -> None:
        """Create or migrate the schema in one transaction holding the write lock.

        The version is read again under the lock: two programs opening one new or old
        library at once must not both apply the migrations. The backup of an older
        library is read before (a backup cannot read a file its own connection writes).
        """
        version = schema.applied_version(db)
        if version >= schema.LATEST_VERSION:
            return
        if path is not None and version > 0:
            cls._backup(db.conn, schema.backup_path(path, version))
        conn = db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema.applied_version(db) < schema.LATEST_VERSION:
                from sqlite_utils import Database

                from irviewer.core.store import migrations

                migrations.migrate(Database(conn))  # its blocks nest as savepoints
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            if conn.isolation_level is not None:  # as Connection keeps it (setting it commits)
                conn.isolation_level = None

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
        return adding.add_release(self._db, doc, mtime)

    def add_many(
        self, items: Sequence[tuple[Document, float | None]]
    ) -> list[AddResult | Exception]:
        """Store several ``(document, mtime)`` in one transaction: cheaper than ``add`` for
        each (one commit, one full-text index flush), and each release still whole.

        Returns, in order, the AddResult of each, or the exception that kept that one out.
        Raises sqlite3 errors that concern the whole transaction, with nothing stored:
        the write lock not obtained in time (``connection.is_busy``: try again), a read-only
        library, a full disk. The write lock is held throughout: keep batches small.
        """
        return adding.add_many(self._db, items)

    def record_file(self, path: str, size: int, mtime: float, release_id: int) -> None:
        """Remember that the file at ``path`` (this size and mtime) holds ``release_id``."""
        adding.record_file(self._db, path, size, mtime, release_id)

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
