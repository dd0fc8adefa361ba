"""Import from the window: progress and summary, failures listed, demo kept apart, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from irviewer.core.store import Store
from tests.gui.factories import (
    make_paths,
    make_window,
    open_and_wait,
    wait_import,
    write_corrupt_pdf,
    write_release,
)


def _window(qtbot, paths):
    window = make_window(qtbot, paths)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_folder_with_a_corrupt_file_imports_the_rest_and_lists_the_failure(qtbot, tmp_path):
    paths = make_paths(tmp_path)
    folder = tmp_path / "incoming"
    for n in range(3):
        write_release(folder, f"release-{n}.txt", n)
    broken = write_corrupt_pdf(folder / "sub")
    window = _window(qtbot, paths)
    open_and_wait(qtbot, window, paths.user_library)
    progress: list[tuple[int, int]] = []
    job = window.start_import([folder])
    job.progressed.connect(lambda done, total, _name: progress.append((done, total)))
    report = wait_import(qtbot, window)
    assert len(report.imported) == 3
    assert [Path(f.path).name for f in report.failed] == [broken.name]
    dialog = window.import_dialog
    rows = dialog.failed_files()
    assert [name for name, _reason in rows] == ["broken.pdf"]
    assert rows[0][1]  # a reason for the user
    assert dialog.failures.isVisible()
    assert dialog.title.text() == "3 imported, 1 failed"
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    assert progress and progress[-1] == (4, 4)
    assert window.timeline.model.release_count() == 3
    assert window.count_label.text() == "3 releases"
    assert window.import_status.text() == "Last import: 3 imported, 1 failed"
    # the newest imported release gets selected (its place is looked up in the background)
    qtbot.waitUntil(lambda: window.timeline.current_id == max(report.imported), timeout=10_000)
    window.close()


def test_reimporting_counts_duplicates_quietly(qtbot, tmp_path):
    paths = make_paths(tmp_path)
    folder = tmp_path / "incoming"
    for n in range(2):
        write_release(folder, f"release-{n}.txt", n)
    window = _window(qtbot, paths)
    open_and_wait(qtbot, window, paths.user_library)
    window.start_import([folder])
    wait_import(qtbot, window)
    window.start_import([folder])
    report = wait_import(qtbot, window)
    assert (len(report.imported), report.duplicates, report.failed) == (0, 2, [])
    assert window.import_dialog.failed_files() == []
    assert not window.import_dialog.failures.isVisible()
    assert window.import_dialog.current.text() == "Every file was already in the library."
    window.close()


def test_cancel_stops_the_import_and_says_so(qtbot, tmp_path):
    paths = make_paths(tmp_path)
    folder = tmp_path / "many"
    for n in range(40):
        write_release(folder, f"release-{n:02d}.txt", n)
    window = _window(qtbot, paths)
    open_and_wait(qtbot, window, paths.user_library)
    window.start_import([folder])
    window.import_dialog.cancel_button.click()
    report = wait_import(qtbot, window)
    assert report.cancelled
    assert len(report.imported) < 40
    assert window.import_dialog.title.text().startswith("Cancelled:")
    assert window.import_status.text().startswith("Last import: Cancelled:")
    window.close()


def test_window_stays_responsive_while_importing(qtbot, tmp_path):
    paths = make_paths(tmp_path)
    folder = tmp_path / "many"
    for n in range(12):
        write_release(folder, f"release-{n:02d}.txt", n)
    window = _window(qtbot, paths)
    open_and_wait(qtbot, window, paths.user_library)
    window.start_import([folder])
    assert window.import_job.running
    assert window.import_status.is_busy()
    assert not window.act_import_files.isEnabled()  # one import at a time
    window.timeline.set_search_text("anything")  # the GUI thread is free meanwhile
    wait_import(qtbot, window)
    assert not window.import_status.is_busy()
    assert window.act_import_files.isEnabled()
    window.close()


def test_first_run_opens_the_demo_in_its_own_library(qtbot, tmp_path):
    from irviewer.gui.app import open_initial_library

    paths = make_paths(tmp_path, demo_count=3)
    window = _window(qtbot, paths)
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
        assert open_initial_library(window, None)
    assert window.is_demo
    report = blocker.args[0]
    assert len(report.imported) == 3  # the demo folder's README is not a release
    assert window.timeline.model.release_count() == 3
    assert window.library_label.text().startswith("Demo library")
    assert window.import_dialog is None  # the demo prepares itself without a dialog
    assert not paths.user_library.exists()
    qtbot.waitUntil(lambda: window.stored is not None, timeout=10_000)
    window.close()


def test_a_completed_demo_import_is_signalled_and_remembered(qtbot, tmp_path):
    from irviewer.gui.library import demo_signature
    from irviewer.gui.state import StateKey

    paths = make_paths(tmp_path, demo_count=2)
    window = _window(qtbot, paths)
    assert window.state.text(StateKey.DEMO_SIGNATURE) is None
    with qtbot.waitSignal(window.demo_imported, timeout=120_000):
        window.open_demo()
    assert window.state.text(StateKey.DEMO_SIGNATURE) == demo_signature(paths.demo_source)
    wait_import(qtbot, window)
    with qtbot.assertNotEmitted(window.demo_imported):  # the user's imports are not the demo
        window.start_import([write_release(tmp_path / "mine", "mine.txt", 78)])
        wait_import(qtbot, window)
    window.close()


def test_files_imported_while_the_demo_is_open_go_to_the_users_library(qtbot, tmp_path):
    paths = make_paths(tmp_path, demo_count=2)
    window = _window(qtbot, paths)
    window.open_demo()
    wait_import(qtbot, window)
    mine = write_release(tmp_path / "mine", "mine.txt", 77)
    window.start_import([mine])
    report = wait_import(qtbot, window)
    assert len(report.imported) == 1
    assert window.library == paths.user_library
    assert not window.is_demo
    with Store.open(paths.demo_library) as demo, Store.open(paths.user_library) as own:
        assert (demo.count(), own.count()) == (2, 1)
    window.close()


def test_reopening_the_demo_does_not_import_it_again(qtbot, tmp_path):
    paths = make_paths(tmp_path, demo_count=2)
    window = _window(qtbot, paths)
    window.open_demo()
    wait_import(qtbot, window)
    window.open_user_library()
    job_before = window.import_job
    window.act_open_demo.trigger()
    assert window.import_job is job_before
    assert window.timeline.model.release_count() == 2
    window.close()


def test_dropping_files_on_the_window_imports_them(qtbot, tmp_path):
    paths = make_paths(tmp_path)
    dropped = [write_release(tmp_path / "drop", f"d{n}.txt", n) for n in range(2)]
    window = _window(qtbot, paths)
    open_and_wait(qtbot, window, paths.user_library)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in dropped])
    point = QPointF(200, 200)
    enter = QDragEnterEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)  # delivered through Qt, as a real drag would be
    assert enter.isAccepted()
    drop = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    report = wait_import(qtbot, window)
    assert len(report.imported) == 2
    assert window.timeline.model.release_count() == 2
    window.close()
