"""The Store: round trip, de-duplication, transactions, listing, corrections, migrations."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from irviewer.core.records import FinancialTable
from irviewer.core.store import Change, LibraryError, Store, migrations
from tests.fixtures.bad_inputs import synthetic_document


@pytest.fixture
def store():
    with Store.memory() as s:
        yield s


def test_memory_store_is_fully_migrated(store: Store) -> None:
    assert store.path is None
    assert store.schema_version == migrations.LATEST_VERSION
    assert store.count() == 0


def test_open_creates_folders_file_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "library.sqlite"
    with Store.open(path) as s:
        assert s.path == path
        s.add(synthetic_document(0))
    assert path.is_file()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    conn.close()
    with Store.open(path) as again:
        assert again.count() == 1


def test_round_trip_keeps_every_field(store: Store) -> None:
    doc = synthetic_document(1, pages=["page one text", "page two text"])
    result = store.add(doc)
    assert result.added is True
    stored = store.get(result.id)
    assert stored is not None
    assert stored.document == doc
    assert stored.corrections == {} and stored.extracted == {}
    assert stored.imported_at.endswith("+00:00") and stored.imported_at[:2] == "20"


def test_table_json_round_trip_keeps_types(store: Store) -> None:
    table = FinancialTable(
        "Cash",
        None,
        [["", "2024"], ["", "(unaudited)"]],
        [["Cash", "$ 5,076"]],
        [[None, 5076.0]],
        None,
    )
    rid = store.add(synthetic_document(2, tables=[table, table])).id
    tables = store.get(rid).document.tables
    assert tables == [table, table]
    assert tables[0].values[0][1] == 5076.0 and tables[0].page is None


def test_same_content_twice_adds_one_release(store: Store) -> None:
    doc = synthetic_document(0)
    first = store.add(doc, mtime=100.0)
    moved = dataclasses.replace(doc, source=dataclasses.replace(doc.source, path="/else/copy.txt"))
    second = store.add(moved, mtime=200.0)
    assert (first.added, second.added) == (True, False)
    assert second.id == first.id
    assert store.count() == 1
    assert store.known_file("/else/copy.txt", doc.source.size, 200.0) == first.id


def test_known_file_needs_same_path_size_and_mtime(store: Store) -> None:
    doc = synthetic_document(0)
    rid = store.add(doc, mtime=1234.5).id
    path, size = doc.source.path, doc.source.size
    assert store.known_file(path, size, 1234.5) == rid
    assert store.known_file(path, size, 1234.6) is None
    assert store.known_file(path, size + 1, 1234.5) is None
    assert store.known_file("/other.txt", size, 1234.5) is None
    assert store.id_for_sha(doc.source.sha256) == rid
    assert store.id_for_sha("0" * 64) is None


def test_failure_mid_add_leaves_nothing(store: Store) -> None:
    # The release row and its text go in first; a table that cannot be written as JSON
    # then fails the add half-way. Nothing of it may remain.
    bad_table = FinancialTable("T", None, [], [["x"]], [[object()]])  # type: ignore[list-item]
    doc = synthetic_document(3, tables=[bad_table])
    with pytest.raises(TypeError):
        store.add(doc, mtime=5.0)
    assert store.count() == 0
    assert store.search("Quillfeather") == []
    assert store.id_for_sha(doc.source.sha256) is None
    assert store.known_file(doc.source.path, doc.source.size, 5.0) is None
    db = store._db
    for table in ("releases", "release_text", "release_tables", "contacts", "pages", "files"):
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert store.add(synthetic_document(3)).id >= 1  # the store still works


def test_add_many_stores_each_release_whole_in_one_transaction(store: Store) -> None:
    bad_table = FinancialTable("T", None, [], [["x"]], [[object()]])  # type: ignore[list-item]
    bad = synthetic_document(4, tables=[bad_table])
    docs = [synthetic_document(0), bad, synthetic_document(1), synthetic_document(0)]
    results = store.add_many([(d, float(i)) for i, d in enumerate(docs)])
    assert isinstance(results[1], TypeError)  # that one alone is left out
    first, _, second, again = results
    assert (first.added, second.added, again.added) == (True, True, False)
    assert again.id == first.id
    assert store.count() == 2 and store.id_for_sha(bad.source.sha256) is None
    assert store.known_file(docs[3].source.path, docs[3].source.size, 3.0) == first.id
    tables = len(docs[0].tables) + len(docs[2].tables)
    for table, expected in (("release_tables", tables), ("release_text", 2), ("listing", 2)):
        count = store._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        assert count == expected, table  # nothing of the bad one
    assert store.integrity_check() == "ok"


def test_add_many_takes_the_write_lock_or_stores_nothing(tmp_path: Path) -> None:
    from irviewer.core.store.connection import is_busy

    library = tmp_path / "library.sqlite"
    with Store.open(library) as store:
        holder = sqlite3.connect(library, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        store._db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(sqlite3.OperationalError) as caught:
            store.add_many([(synthetic_document(0), 1.0), (synthetic_document(1), 1.0)])
        assert is_busy(caught.value)
        holder.execute("ROLLBACK")
        holder.close()
        assert store.count() == 0
        assert [r.added for r in store.add_many([(synthetic_document(0), 1.0)])] == [True]


def test_summaries_newest_first_undated_last(store: Store) -> None:
    ids = {}
    for n, date in enumerate(["2021-05-01", None, "2023-01-15", "2021-11-30", None]):
        ids[n] = store.add(synthetic_document(n, date=date)).id
    rows = store.summaries(0, None)
    assert [r.id for r in rows] == [ids[2], ids[3], ids[0], ids[4], ids[1]]
    assert [r.year for r in rows] == [2023, 2021, 2021, None, None]
    assert store.ids() == [r.id for r in rows]
    assert [r.id for r in store.summaries(1, 2)] == [ids[3], ids[0]]
    assert store.summaries(10, 5) == []
    assert store.year_counts() == [(2023, 1), (2021, 2), (None, 2)]
    first = rows[0]
    assert (first.kind, first.company, first.format, first.n_tables, first.n_contacts) == (
        "earnings",
        "Quillfeather Instruments, Inc.",
        "text",
        1,
        1,
    )
    assert first.ticker == "NASDAQ: QFI" and first.edited is False
    assert store.summary(ids[2]) == first
    assert store.summary(9999) is None and store.get(9999) is None


def test_filters_by_kind_and_company(store: Store) -> None:
    a = store.add(synthetic_document(0, kind="clinical", company="Alpha Labs")).id
    b = store.add(synthetic_document(1, kind="deal", company="Beta Works")).id
    c = store.add(synthetic_document(2, kind="clinical", company="Beta Works")).id
    assert store.count() == 3
    assert store.count(kinds=["clinical"]) == 2
    assert store.count(kinds=[]) == 0
    assert store.ids(kinds=["clinical", "deal"], company="Beta Works") == [c, b]
    assert [s.id for s in store.summaries(0, None, company="Alpha Labs")] == [a]
    assert store.year_counts(kinds=["deal"]) == [(2021, 1)]
    assert store.companies() == ["Alpha Labs", "Beta Works"]
    assert store.kinds_present() == ["clinical", "deal"]


def test_correction_changes_listing_and_keeps_extracted(store: Store) -> None:
    rid = store.add(synthetic_document(0)).id
    change = store.set_correction(rid, "date", "2019-12-31")
    assert change == Change((rid,), True)
    summary = store.summary(rid)
    assert (summary.date, summary.year, summary.edited) == ("2019-12-31", 2019, True)
    store.set_correction(rid, "kind", "Deal")
    store.set_correction(rid, "company", "  Quillfeather   Holdings ")
    stored = store.get(rid)
    assert stored.document.date == "2019-12-31"
    assert stored.document.kind == "deal"
    assert stored.document.company == "Quillfeather Holdings"
    assert stored.corrections == {
        "company": "Quillfeather Holdings",
        "date": "2019-12-31",
        "kind": "deal",
    }
    assert stored.extracted == {
        "company": "Quillfeather Instruments, Inc.",
        "date": "2020-01-10",
        "kind": "earnings",
    }
    assert store.companies() == ["Quillfeather Holdings"]
    assert store.count(kinds=["deal"]) == 1


def test_clearing_a_correction_restores_the_extracted_value(store: Store) -> None:
    rid = store.add(synthetic_document(0)).id
    store.set_correction(rid, "headline", "A better headline")
    assert store.set_correction(rid, "headline", None) == Change((rid,), True)
    summary = store.summary(rid)
    assert summary.headline.startswith("Quillfeather Instruments, Inc. Reports")
    assert summary.edited is False
    assert store.set_correction(rid, "headline", None) == Change()  # nothing to clear


def test_correction_equal_to_extracted_value_is_no_correction(store: Store) -> None:
    rid = store.add(synthetic_document(0)).id
    assert store.set_correction(rid, "kind", "earnings") == Change()
    assert store.get(rid).corrections == {}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "31/12/2019", "not a date"),
        ("date", "2019-02-30", "not a date"),
        ("date", "20190101", "not a date"),
        ("kind", "rumour", "unknown kind"),
        ("headline", "   ", "cannot be empty"),
        ("ticker", "X", "cannot correct 'ticker'"),
    ],
)
def test_invalid_corrections_raise_value_error(
    store: Store, field: str, value: str, message: str
) -> None:
    rid = store.add(synthetic_document(0)).id
    with pytest.raises(ValueError, match=message):
        store.set_correction(rid, field, value)
    assert store.get(rid).corrections == {}


def test_correction_of_unknown_release_raises(store: Store) -> None:
    with pytest.raises(ValueError, match="no release with id 42"):
        store.set_correction(42, "date", "2020-01-01")


def test_headline_correction_is_searchable(store: Store) -> None:
    rid = store.add(synthetic_document(0)).id
    store.set_correction(rid, "headline", "Quillfeather unveils the Xylophonic sensor")
    (hit,) = store.search("xylophonic")
    assert hit.id == rid
    store.set_correction(rid, "headline", None)
    assert store.search("xylophonic") == []


def test_corrections_survive_reimport_and_delete(store: Store) -> None:
    doc = synthetic_document(0)
    rid = store.add(doc).id
    store.set_correction(rid, "date", "2018-06-01")
    store.set_correction(rid, "headline", "Corrected headline")
    again = store.add(doc)
    assert again.added is False
    assert store.summary(rid).date == "2018-06-01"
    assert store.delete(rid) == Change((rid,), True)
    assert store.count() == 0
    new_id = store.add(doc).id
    restored = store.get(new_id)
    assert restored.document.date == "2018-06-01"
    assert restored.document.headline == "Corrected headline"
    assert store.summary(new_id).edited is True
    assert [h.id for h in store.search("corrected")] == [new_id]


def test_delete_removes_everything(store: Store) -> None:
    doc = synthetic_document(0, pages=["p1"])
    rid = store.add(doc, mtime=9.0).id
    keep = store.add(synthetic_document(1)).id
    store.delete(rid)
    assert store.get(rid) is None
    assert store.known_file(doc.source.path, doc.source.size, 9.0) is None
    assert [h.id for h in store.search("Quillfeather")] == [keep]
    db = store._db
    for table in ("release_tables", "contacts", "pages", "files"):
        left = db.execute(f"SELECT COUNT(*) FROM {table} WHERE release_id = ?", [rid]).fetchone()
        assert left[0] == 0, table
    assert store.delete(rid) == Change()
    assert store.integrity_check() == "ok"


def _v1_library(path: Path) -> None:
    """A library as the first schema version wrote it, holding one release."""
    db = Database(path)
    assert migrations.migrate(db, stop_before_version=1) == 1
    with db.atomic():
        db.execute(
            "INSERT INTO releases (id, sha256, path, size, format, date, headline, kind, "
            "company, imported_at) VALUES (7, 'abc', '/old.txt', 3, 'text', '2015-04-01', "
            "'Old headline', 'event', 'Old Co', '2020-01-01T00:00:00+00:00')"
        )
        db.execute(
            "INSERT INTO release_text (id, headline, company, body) "
            "VALUES (7, 'Old headline', 'Old Co', 'ancient body words')"
        )
    db.close()


def test_migrating_an_older_library_writes_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    _v1_library(path)
    with Store.open(path) as store:
        assert store.schema_version == migrations.LATEST_VERSION
        (row,) = store.summaries(0, None)
        assert (row.id, row.date, row.headline, row.edited) == (
            7,
            "2015-04-01",
            "Old headline",
            False,
        )
        assert store.set_correction(7, "kind", "deal").listing_changed
        assert [h.id for h in store.search("ancient")] == [7]
    backup = tmp_path / "library.sqlite.bak-v1"
    assert backup.is_file()
    old = Database(backup)
    assert migrations.applied_version(old) == 1
    assert "corrections" not in old.table_names()
    assert old.execute("SELECT headline FROM releases").fetchone()[0] == "Old headline"
    old.close()
    # A current library is not backed up again.
    backup.unlink()
    Store.open(path).close()
    assert not backup.exists()


def test_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    Store.open(path).close()
    db = Database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "irviewer", "name": "m999_future", "applied_at": "x"}
    )
    db.close()
    with pytest.raises(LibraryError, match="newer irviewer"):
        Store.open(path)


def test_files_that_are_not_libraries_are_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not an sqlite file at all" * 100)
    with pytest.raises(LibraryError, match="not a library file"):
        Store.open(garbage)
    other = tmp_path / "other.sqlite"
    Database(other)["things"].insert({"a": 1})
    with pytest.raises(LibraryError, match="not an irviewer library"):
        Store.open(other)
