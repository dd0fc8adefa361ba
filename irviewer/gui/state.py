"""Window state in QSettings: geometry, splitter, docks, last selection and library path.

Every key lives in one enum and carries a version prefix: when the layout changes in a way that
makes old blobs wrong, bump ``STATE_VERSION`` and the old values are simply ignored. Preferences
proper (typed, with defaults) belong to the core; QSettings holds only what the window remembers.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QWidget

STATE_VERSION = 1


class StateKey(StrEnum):
    """The keys the app stores, without the version prefix."""

    GEOMETRY = "window/geometry"
    WINDOW_STATE = "window/state"  # toolbars and docks (QMainWindow.saveState)
    SPLITTER = "window/splitter"  # timeline | reader sizes
    READER_TAB = "window/reader_tab"  # index of the Reader / Tables / Original tab
    LIBRARY = "library/path"  # the user's own library file
    LAST_RELEASE = "selection/release"  # id of the last selected release
    LAST_RELEASE_LIBRARY = "selection/library"  # the library that id belongs to
    DEMO_SIGNATURE = "demo/signature"  # names and sizes of the demo files last imported


def make_settings(ini_path: Path | None = None) -> QSettings:
    """QSettings at ``ini_path`` (tests, self-test) or the platform's user settings."""
    if ini_path is not None:
        ini_path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(ini_path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "irviewer", "irviewer")


class AppState:
    """Typed access to the versioned keys of one QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    @staticmethod
    def full_key(key: StateKey) -> str:
        return f"v{STATE_VERSION}/{key.value}"

    def bytes(self, key: StateKey) -> QByteArray | None:
        value = self.settings.value(self.full_key(key))
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None

    def text(self, key: StateKey) -> str | None:
        value = self.settings.value(self.full_key(key))
        return str(value) if value not in (None, "") else None

    def integer(self, key: StateKey) -> int | None:
        value = self.settings.value(self.full_key(key))
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set(self, key: StateKey, value: object) -> None:
        if value is None:
            self.settings.remove(self.full_key(key))
        else:
            self.settings.setValue(self.full_key(key), value)

    def path(self, key: StateKey) -> Path | None:
        text = self.text(key)
        return Path(text) if text else None

    def sync(self) -> None:
        self.settings.sync()

    # -- last selection: only meaningful in the library it came from -----------------------------

    def last_release(self, library: Path) -> int | None:
        if self.text(StateKey.LAST_RELEASE_LIBRARY) != str(library):
            return None
        return self.integer(StateKey.LAST_RELEASE)

    def set_last_release(self, library: Path, release_id: int | None) -> None:
        self.set(StateKey.LAST_RELEASE_LIBRARY, str(library))
        self.set(StateKey.LAST_RELEASE, release_id)


def keep_on_screen(window: QWidget) -> None:
    """Move a restored window back onto a screen when its saved place is no longer visible."""
    frame = window.frameGeometry()
    screens = QGuiApplication.screens()
    if any(screen.availableGeometry().intersects(frame) for screen in screens):
        return
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return
    area: QRect = screen.availableGeometry()
    width, height = min(frame.width(), area.width()), min(frame.height(), area.height())
    window.resize(width, height)
    window.move(area.center().x() - width // 2, area.center().y() - height // 2)


def restore_window(
    state: AppState, window: QMainWindow, splitter: QSplitter, tabs: QTabWidget
) -> None:
    """Geometry (kept on a screen), docks and tool bars, splitter sizes and the open tab."""
    geometry = state.bytes(StateKey.GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
        keep_on_screen(window)
    window_state = state.bytes(StateKey.WINDOW_STATE)
    if window_state is not None:
        window.restoreState(window_state)
    sizes = state.bytes(StateKey.SPLITTER)
    if sizes is not None:
        splitter.restoreState(sizes)
    tab = state.integer(StateKey.READER_TAB)
    if tab is not None and 0 <= tab < tabs.count():
        tabs.setCurrentIndex(tab)


def save_window(
    state: AppState, window: QMainWindow, splitter: QSplitter, tabs: QTabWidget
) -> None:
    state.set(StateKey.GEOMETRY, QByteArray(window.saveGeometry()))
    state.set(StateKey.WINDOW_STATE, QByteArray(window.saveState()))
    state.set(StateKey.SPLITTER, QByteArray(splitter.saveState()))
    state.set(StateKey.READER_TAB, tabs.currentIndex())
