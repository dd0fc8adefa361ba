"""A library written by an older version is upgraded off the GUI thread, behind a busy dialog."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from irviewer.core.store import migrations
from irviewer.gui import queries
from tests.gui.factories import make_paths, make_v2_library, make_window, spread_documents


def _schema(path: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        return {(r[0], r[1], r[2] or "") for r in rows}
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_library(tmp_path: Path):
    paths = make_paths(tmp_path)
    ids = make_v2_library(paths.user_library, spread_documents(12, undated=1))
    return paths, ids


def test_needs_migration_reads_the_version_and_changes_nothing(tmp_path, old_library):
    paths, _ids = old_library
    library = paths.user_library
    before = _digest(library)
    files = sorted(p.name for p in library.parent.iterdir())
    assert migrations.stored_version(library) == 2
    assert migrations.needs_migration(library)
    assert _digest(library) == before
    assert sorted(p.name for p in library.parent.iterdir()) == files  # no -wal, -shm, backup
    assert not migrations.needs_migration(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    assert migrations.stored_version(junk) is None
    assert not migrations.needs_migration(junk)


def test_an_old_library_is_upgraded_in_the_background_behind_a_busy_dialog(
    qtbot, old_library, monkeypatch
):
    paths, ids = old_library
    threads: list[threading.Thread] = []
    release = threading.Event()
    upgrade = queries.upgrade_library

    def slow_upgrade(path: Path) -> int:
        threads.append(threading.current_thread())
        release.wait(10)  # hold the worker until the test has looked at the dialog
        return upgrade(path)

    monkeypatch.setattr(queries, "upgrade_library", slow_upgrade)
    window = make_window(qtbot, paths)
    window.show()
    qtbot.waitExposed(window)
    started = time.perf_counter()
    assert not window.open_library(paths.user_library)  # not open yet: upgrading
    assert time.perf_counter() - started < 1.0
    assert window.upgrading and window.library is None
    dialog = window.upgrade.dialog
    qtbot.waitUntil(lambda: bool(threads), timeout=5_000)
    assert threads[0] is not threading.main_thread()
    assert dialog.isVisible() and dialog.isModal()
    backup = paths.user_library.with_name("library.sqlite.bak-v2")
    assert str(backup) in dialog.message.text()
    assert not window.act_import_files.isEnabled()
    dialog.reject()  # Escape does not hide it while the upgrade runs
    assert dialog.isVisible()
    assert not window.open_library(paths.user_library)  # a second open waits its turn
    with qtbot.waitSignal(window.library_opened, timeout=10_000) as opened:
        release.set()
    assert opened.args == [paths.user_library]
    assert not window.upgrading
    assert not dialog.isVisible()
    assert window.store.schema_version == migrations.LATEST_VERSION
    assert window.timeline.model.release_count() == len(ids)
    assert backup.is_file() and migrations.stored_version(backup) == 2
    assert window.act_import_files.isEnabled()
    qtbot.waitUntil(lambda: window.stored is not None, timeout=10_000)
    window.close()


def test_a_failed_upgrade_says_why_and_leaves_the_library_as_it_was(qtbot, old_library):
    paths, ids = old_library
    library = paths.user_library
    conn = sqlite3.connect(library)  # a name the upgrade needs is taken: it fails part-way
    conn.execute("CREATE TABLE listing_year (note TEXT)")
    conn.close()
    schema_before = _schema(library)
    window = make_window(qtbot, paths)
    window.show()
    assert not window.open_library(library)
    with qtbot.waitSignal(window.upgrade.failed, timeout=10_000):
        pass  # the failure arrives through the event loop
    assert not window.upgrading and window.library is None
    box = window.upgrade_error
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Cannot upgrade the library"
    assert "listing_year" in box.text() and "left as it was" in box.text()
    assert migrations.stored_version(library) == 2
    assert _schema(library) == schema_before  # nothing of the new schema was left behind
    conn = sqlite3.connect(library)
    assert conn.execute("SELECT COUNT(*) FROM releases").fetchone()[0] == len(ids)
    conn.close()
    box.close()
    window.close()


def test_files_dropped_on_the_demo_wait_for_the_users_library_upgrade(qtbot, old_library):
    from irviewer.core.store import Store
    from tests.gui.factories import wait_import, write_release

    paths, ids = old_library
    window = make_window(qtbot, paths)
    window.show()
    window.open_demo()
    wait_import(qtbot, window)
    mine = write_release(paths.data_dir / "mine", "mine.txt", 79)
    assert window.start_import([mine]) is None  # the user's library must be upgraded first
    assert window.is_demo and window.upgrading
    with qtbot.waitSignal(window.library_opened, timeout=10_000):
        pass
    assert window.library == paths.user_library
    with Store.open(paths.demo_library) as demo:
        assert demo.count() == 3  # nothing of the user's went into the demo
    window.start_import([mine])
    report = wait_import(qtbot, window)
    assert len(report.imported) == 1
    assert window.timeline.model.release_count() == len(ids) + 1
    window.close()
