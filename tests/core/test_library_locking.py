"""Several programs on one library: concurrent imports, opening beside a writer, read-only files.

A write takes the library's write lock when its transaction begins (BEGIN IMMEDIATE), waits
for another writer up to the busy timeout, and the importer tries again after that; opening
a current library only reads.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from irviewer.core.importer import import_paths
from irviewer.core.store import LibraryError, Store
from irviewer.core.store import db as store_db
from irviewer.core.store import files as store_files
from tests.fixtures.bad_inputs import release_text, synthetic_document


def _write_releases(folder: Path, numbers: range) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        path = folder / f"release_{n:03d}.txt"
        path.write_text(release_text(n), encoding="utf-8")
        paths.append(path)
    return paths


def _import_child(library: str, folders: list[str], workers: int, start, out: str) -> None:  # noqa: ANN001
    """One program: open the library (new: both create it at once), import, write the report."""
    start.wait(60)
    with Store.open(library) as store:
        report = import_paths(store, folders, workers=workers)
    result = {
        "imported": report.imported,
        "duplicates": report.duplicates,
        "failed": [[f.path, f.reason] for f in report.failed],
        "total": report.total,
    }
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def _library_rows(library: Path) -> tuple[list[tuple[str, int]], dict[str, int], str]:
    conn = sqlite3.connect(library)
    try:
        releases = conn.execute("SELECT sha256, id FROM releases ORDER BY id").fetchall()
        files = dict(conn.execute("SELECT path, release_id FROM files").fetchall())
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.execute("INSERT INTO release_text_fts(release_text_fts) VALUES('integrity-check')")
    finally:
        conn.close()
    return releases, files, check


@pytest.mark.parametrize("new_library", [True, False])
def test_two_programs_importing_overlapping_folders_at_once(
    tmp_path: Path, new_library: bool
) -> None:
    """No failed file, no release twice, a sound library, every file imported exactly once.

    With a new library, both programs also create it at the same moment."""
    own_a = _write_releases(tmp_path / "a", range(0, 40))
    own_b = _write_releases(tmp_path / "b", range(40, 80))
    shared = _write_releases(tmp_path / "shared", range(80, 140))
    copy = tmp_path / "a" / "copy_of_shared.txt"  # the same content as a shared file
    copy.write_bytes(shared[0].read_bytes())
    library = tmp_path / "library.sqlite"
    if not new_library:
        Store.open(library).close()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    # One program stores each file in its own transaction, the other in batches.
    plans = [([tmp_path / "a", tmp_path / "shared"], 0), ([tmp_path / "shared", tmp_path / "b"], 2)]
    procs = []
    for k, (folders, workers) in enumerate(plans):
        out = tmp_path / f"report{k}.json"
        args = (str(library), [str(f) for f in folders], workers, start, str(out))
        procs.append((ctx.Process(target=_import_child, args=args), out))
    for proc, _ in procs:
        proc.start()
    for proc, _ in procs:
        proc.join(240)
        assert proc.exitcode == 0
    reports = [json.loads(out.read_text(encoding="utf-8")) for _, out in procs]
    assert [r["failed"] for r in reports] == [[], []]
    assert [r["total"] for r in reports] == [101, 100]
    contents = {hashlib.sha256(p.read_bytes()).hexdigest() for p in own_a + own_b + shared}
    releases, files, check = _library_rows(library)
    assert check == "ok"
    assert sorted(sha for sha, _ in releases) == sorted(contents)  # each content once
    # Every release was imported by exactly one of the two; the rest were duplicates to it.
    ids = [rid for _, rid in releases]
    first, second = (set(r["imported"]) for r in reports)
    assert not first & second and sorted(first | second) == ids
    assert [len(r["imported"]) + r["duplicates"] for r in reports] == [101, 100]
    # Every file is remembered, with the release holding its content.
    by_sha = dict(releases)
    every = [*own_a, *own_b, *shared, copy]
    assert files == {str(p.resolve()): by_sha[hashlib.sha256(p.read_bytes()).hexdigest()]
                     for p in every}  # fmt: skip


def _digest(library: Path) -> dict[str, str]:
    found = {}
    for path in sorted(library.parent.glob(library.name + "*")):
        found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_opening_a_current_library_beside_a_writer_is_prompt_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library.sqlite"
    with Store.open(library) as store:
        store.add(synthetic_document(0))
    holder = sqlite3.connect(library, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
        holder.execute("INSERT INTO corrections VALUES ('abc', 'date', '2020-01-01', 'now')")
        before = _digest(library)
        monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 3.0)  # a write would wait this long
        start = time.monotonic()
        with Store.open(library) as store:
            assert store.count() == 1
            assert store.search("zorbulated")
        assert time.monotonic() - start < 1.0
        assert _digest(library) == before  # nothing written: not the file, not its WAL
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_write_waits_for_another_programs_transaction(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    Store.open(library).close()
    holder = sqlite3.connect(library, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO corrections VALUES ('abc', 'date', '2020-01-01', 'now')")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    with Store.open(library) as store:
        assert store.count() == 0  # a read snapshot first, as the importer's checks take
        release.start()
        result = store.add(synthetic_document(1))
        assert result.added and store.count() == 1
    release.join()
    holder.close()


def test_the_importer_tries_again_when_the_lock_outlasts_the_busy_timeout(
    tmp_path: Path,
) -> None:
    files = _write_releases(tmp_path / "in", range(3))
    library = tmp_path / "library.sqlite"
    holder = sqlite3.connect(library, isolation_level=None, check_same_thread=False)
    with Store.open(library) as store:
        store._db.execute("PRAGMA busy_timeout = 100")  # gives up after 0.1 s each time
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO corrections VALUES ('abc', 'date', '2020-01-01', 'now')")
        release = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
        release.start()
        start = time.monotonic()
        report = import_paths(store, [tmp_path / "in"], workers=0)
        assert time.monotonic() - start >= 0.9  # it did wait for the other program
        assert (len(report.imported), report.failed) == (len(files), [])
        assert store.integrity_check() == "ok"
    release.join()
    holder.close()


# -- read-only libraries ---------------------------------------------------------------------


def _deny_writes_to(monkeypatch: pytest.MonkeyPatch, denied: set[Path]) -> None:
    """os.access says "no write" for these paths (tests may run as root, who may write)."""
    real = os.access

    def access(path: str | Path, mode: int) -> bool:
        if mode & os.W_OK and Path(path) in denied:
            return False
        return real(path, mode)

    monkeypatch.setattr(store_files.os, "access", access)


def test_a_read_only_library_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library.sqlite"
    Store.open(library).close()
    _deny_writes_to(monkeypatch, {library})
    with pytest.raises(LibraryError, match=r"library\.sqlite: the file is read-only"):
        Store.open(library)


def test_a_read_only_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "library.sqlite"
    Store.open(existing).close()  # closed: its working files are gone
    _deny_writes_to(monkeypatch, {tmp_path})
    with pytest.raises(LibraryError, match=f"the folder {tmp_path} is read-only"):
        Store.open(existing)
    with pytest.raises(LibraryError, match="cannot be created there"):
        Store.open(tmp_path / "new" / "library.sqlite")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anyway")
def test_read_only_permissions_are_a_clear_error(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    Store.open(library).close()
    library.chmod(0o444)
    try:
        with pytest.raises(LibraryError, match="read-only"):
            Store.open(library)
    finally:
        library.chmod(0o644)


def test_an_import_into_a_library_that_cannot_be_written_stops_with_a_clear_error(
    tmp_path: Path,
) -> None:
    _write_releases(tmp_path / "in", range(2))
    library = tmp_path / "library.sqlite"
    Store.open(library).close()
    conn = sqlite3.connect(f"{library.as_uri()}?mode=ro", uri=True)  # as on a read-only disk
    store = Store(store_db.Connection(conn), library)
    try:
        with pytest.raises(LibraryError, match="library.sqlite: it is read-only"):
            import_paths(store, [tmp_path / "in"], workers=0)
    finally:
        store.close()
