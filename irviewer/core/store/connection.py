"""The library's SQLite connection, without sqlite-utils (which takes ~0.15 s to import).

sqlite-utils runs the schema migrations (migrations.py, imported only when a library needs
them); everything else goes through this small wrapper, which keeps the same calls and the
same transaction behaviour: a statement outside ``atomic()`` commits at once, ``atomic()``
is one transaction, nested blocks are savepoints.

Several programs may write to one library (two app windows, the command line). A write
transaction takes the write lock when it begins (``BEGIN IMMEDIATE``), waiting up to the
connection's busy timeout for another writer to finish. A deferred ``BEGIN`` would take it
only at the first write, after reading: if another program committed in between, SQLite
must refuse at once ("database is locked"), since waiting cannot make the reads current.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

_SAVEPOINTS = itertools.count(1)
# Primary result codes (the low byte of an extended code).
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM}


class Connection:
    """A sqlite3 connection in autocommit mode, with ``atomic()`` transactions."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        conn.isolation_level = None  # autocommit: transactions only through atomic()
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils connections have

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        """All statements in the block, or none of them (a savepoint when nested).

        The outermost block holds the library's write lock from its start to its end:
        keep it short (no parsing inside).
        """
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"irviewer_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a failed COMMIT-time error may have ended it
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def table_names(self) -> list[str]:
        return [
            r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]

    def journal_mode(self) -> str:
        return str(self.conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()

    def enable_wal(self) -> None:
        """Switch the file to WAL mode (a write, kept in the file): only when it is not."""
        if self.journal_mode() != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` says another connection holds a lock that we need (worth a retry)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = _primary_code(exc)
    if code is not None:
        return code in _BUSY_CODES
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text


def is_read_only(exc: BaseException) -> bool:
    """True when ``exc`` says the library file (or its folder) cannot be written."""
    if not isinstance(exc, sqlite3.Error):
        return False
    code = _primary_code(exc)
    if code is not None and code in _READ_ONLY_CODES:
        return True
    return "readonly database" in str(exc).lower()
