"""The library's SQLite connection, without sqlite-utils (which takes ~0.15 s to import).

sqlite-utils runs the schema migrations (migrations.py, imported only when a library needs
them); everything else goes through this small wrapper, which keeps the same calls and the
same transaction behaviour: a statement outside ``atomic()`` commits at once, ``atomic()``
is one transaction, nested blocks are savepoints.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

_SAVEPOINTS = itertools.count(1)


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
        """All statements in the block, or none of them (a savepoint when nested)."""
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
        conn.execute("BEGIN")
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

    def enable_wal(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()
