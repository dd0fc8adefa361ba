"""Opening a library written by an earlier schema version migrates it in place, after a backup.

The old libraries are built by hand from frozen copies of the SQL each released version ran
(tests/fixtures/released_schemas.py), not through migrations.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from irviewer.core.store import LibraryError, Store, migrations
from tests.fixtures.released_schemas import MIGRATIONS_TABLE, RELEASED

OLD_VERSIONS = [v for v in RELEASED if v < migrations.LATEST_VERSION]
V1_TABLES = ("releases", "files", "release_tables", "contacts", "pages", "release_text")
COUNT = 4


def build_library(path: Path, version: int) -> None:
    """A library as version ``version`` of irviewer left it: WAL mode, COUNT releases."""
    names, steps = RELEASED[version]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.executescript(MIGRATIONS_TABLE + "".join(steps))
    with conn:
        conn.executemany(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [("irviewer", name, f"2024-01-0{i + 1} 09:00:00+00:00") for i, name in
             enumerate(names)],
        )  # fmt: skip
        for n in range(1, COUNT + 1):
            _insert_release(conn, n)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def _insert_release(conn: sqlite3.Connection, n: int) -> None:
    conn.execute(
        "INSERT INTO releases (id, sha256, path, size, format, date, headline, subheadlines, "
        "company, ticker, dateline, kind, n_tables, n_contacts, imported_at) "
        "VALUES (?, ?, ?, ?, 'pdf', ?, ?, ?, 'Halcyon Looms Ltd', 'LSE: HLM', 'LEEDS', "
        "'earnings', 1, 2, '2024-01-01T09:00:00+00:00')",
        [n, f"{n:064x}", f"/archive/release-{n}.pdf", 1000 + n, f"2019-0{n}-15",
         f"Halcyon Looms reports quarter {n}", f'["Looms shipped: {n * 100}"]'],
    )  # fmt: skip
    conn.execute(
        "INSERT INTO release_text (id, headline, subheadlines, company, body) "
        "VALUES (?, ?, ?, 'Halcyon Looms Ltd', ?)",
        [n, f"Halcyon Looms reports quarter {n}", f"Looms shipped: {n * 100}",
         f"The weaving hall {'spindlewick' if n == 2 else 'ran'} at full speed in quarter {n}."],
    )  # fmt: skip
    conn.execute(
        "INSERT INTO release_tables VALUES (?, 0, 'Income', '(in thousands)', 2, ?, ?, ?)",
        [n, '[["", "2019"]]', f'[["Revenue", "{n},000"]]', f"[[null, {n}000.0]]"],
    )
    conn.executemany(
        "INSERT INTO contacts VALUES (?, ?, ?, ?, 'Halcyon Looms Ltd', NULL, ?, ?)",
        [(n, 0, "investor", "Ada Example", "+44 113 496 0000", "ir@halcyon.example"),
         (n, 1, "media", "Bo Example", None, "press@halcyon.example")],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO pages VALUES (?, ?, ?)", [(n, p, f"page {p} of release {n}") for p in (1, 2)]
    )
    conn.execute(
        "INSERT INTO files VALUES (?, ?, ?, ?)", [f"/archive/release-{n}.pdf", 1000 + n, 1.5e9, n]
    )


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in V1_TABLES}
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(type, name) of every schema object, the migrations' own bookkeeping included."""
    return {(r[0], r[1]) for r in conn.execute("SELECT type, name FROM sqlite_master")}


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_older_library_is_backed_up_then_migrated_in_place(tmp_path: Path, version: int) -> None:
    path = tmp_path / "library.sqlite"
    build_library(path, version)
    before = _rows(path)
    with Store.open(path) as store:
        assert store.schema_version == migrations.LATEST_VERSION
        assert store.count() == COUNT
        assert [h.id for h in store.search("spindlewick")] == [2]
        doc = store.get(3).document
        assert (doc.headline, doc.date, doc.kind) == ("Halcyon Looms reports quarter 3",
                                                      "2019-03-15", "earnings")  # fmt: skip
        assert doc.subheadlines == ["Looms shipped: 300"]
        assert [c.email for c in doc.contacts] == ["ir@halcyon.example", "press@halcyon.example"]
        assert doc.tables[0].rows == [["Revenue", "3,000"]]
        assert doc.tables[0].values == [[None, 3000.0]]
        assert len(doc.pages) == 2
        assert store.known_file("/archive/release-4.pdf", 1004, 1.5e9) == 4
        assert store.integrity_check() == "ok"
    # In place: the same file, every old row kept as it was.
    assert _rows(path) == before
    with Store.open(path) as store:  # and what the new version added works
        assert store.set_correction(1, "headline", "Corrected").listing_changed
        assert store.summary(1).edited and store.summary(1).headline == "Corrected"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    conn.execute("INSERT INTO release_text_fts(release_text_fts) VALUES('integrity-check')")
    # The migrated library has exactly the schema a new install creates.
    with Store.memory() as fresh:
        assert _schema(conn) == _schema(fresh._db.conn)
    conn.close()
    # The backup is the library as it was, untouched and still readable by the old version.
    backup = tmp_path / f"library.sqlite.bak-v{version}"
    assert backup.is_file()
    assert _rows(backup) == before
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names == RELEASED[version][0]
    conn.close()
    assert {p.name for p in tmp_path.iterdir() if ".bak" in p.name} == {backup.name}


def test_a_current_library_is_opened_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    Store.open(path).close()
    with Store.open(path) as store:
        assert store.schema_version == migrations.LATEST_VERSION
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name] == []


def test_latest_released_schema_is_current_or_migrates() -> None:
    """Every released version is known here: add the new SQL when a migration is added."""
    assert max(RELEASED) <= migrations.LATEST_VERSION
    assert RELEASED[max(RELEASED)][0] == migrations.names()[: max(RELEASED)]


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_no_migration_without_a_backup(tmp_path: Path, version: int) -> None:
    """When the backup cannot be written, the library is left as it was, and says why."""
    path = tmp_path / "library.sqlite"
    build_library(path, version)
    (tmp_path / f"library.sqlite.bak-v{version}").mkdir()  # the backup's name is taken
    with pytest.raises(LibraryError, match="cannot open the library"):
        Store.open(path)
    conn = sqlite3.connect(path)
    applied = conn.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
    conn.close()
    assert applied == version
