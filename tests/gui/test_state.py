"""Window state in QSettings: versioned keys, and a restart restores what the user left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from irviewer.gui.app import build_window, open_initial_library
from irviewer.gui.state import STATE_VERSION, AppState, StateKey, keep_on_screen, make_settings
from tests.gui.factories import (
    fill_library,
    make_paths,
    make_window,
    open_and_wait,
    select_and_wait,
    spread_documents,
)


def test_keys_carry_the_version(tmp_path: Path):
    state = AppState(make_settings(tmp_path / "s.ini"))
    state.set(StateKey.LIBRARY, "/x/lib.sqlite")
    state.sync()
    raw = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert raw.value(f"v{STATE_VERSION}/library/path") == "/x/lib.sqlite"
    assert AppState.full_key(StateKey.GEOMETRY) == f"v{STATE_VERSION}/window/geometry"


def test_values_of_an_older_version_are_ignored(tmp_path: Path):
    raw = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    raw.setValue(f"v{STATE_VERSION - 1}/window/geometry", QByteArray(b"old layout"))
    raw.sync()
    state = AppState(make_settings(tmp_path / "s.ini"))
    assert state.bytes(StateKey.GEOMETRY) is None


def test_last_release_belongs_to_its_library(tmp_path: Path):
    state = AppState(make_settings(tmp_path / "s.ini"))
    state.set_last_release(Path("/a.sqlite"), 7)
    assert state.last_release(Path("/a.sqlite")) == 7
    assert state.last_release(Path("/b.sqlite")) is None


def test_a_window_off_every_screen_moves_back(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.move(50_000, 50_000)
    keep_on_screen(widget)
    screen = widget.screen().availableGeometry()
    assert screen.intersects(widget.frameGeometry())


def test_window_state_survives_a_restart(qtbot, tmp_path: Path):
    paths = make_paths(tmp_path)
    ids = fill_library(paths.user_library, spread_documents(12, undated=1))
    window = make_window(qtbot, paths)
    window.show()
    qtbot.waitExposed(window)
    open_and_wait(qtbot, window, paths.user_library)
    window.contacts_dock.hide()
    qtbot.wait(20)  # let the main window's layout drop the dock's minimum width
    window.resize(761, 587)  # within the offscreen screen (800 x 800)
    window.splitter.setSizes([233, 300])
    window.tabs.setCurrentIndex(2)
    select_and_wait(qtbot, window, ids[5])
    sizes = window.splitter.sizes()
    size = (window.width(), window.height())
    assert size == (761, 587)
    window.close()

    again = build_window(paths)  # restores the saved state
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == size
    assert again.splitter.sizes() == sizes
    assert again.tabs.currentIndex() == 2
    assert not again.contacts_dock.isVisible()
    assert again.state.path(StateKey.LIBRARY) == paths.user_library
    with qtbot.waitSignal(again.release_loaded, timeout=10_000) as blocker:
        assert open_initial_library(again, None)
    assert blocker.args == [ids[5]]  # the last selection comes back
    assert again.timeline.current_id == ids[5]
    again.close()
