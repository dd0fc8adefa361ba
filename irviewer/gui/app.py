"""Start the desktop app: QApplication set-up, data paths, first-run demo, or the self-test."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from irviewer import __version__
from irviewer.gui import icons, startup_probe
from irviewer.gui.library import DataPaths, demo_files
from irviewer.gui.main_window import MainWindow
from irviewer.gui.state import AppState, StateKey, make_settings
from irviewer.gui.style import apply_style

log = logging.getLogger(__name__)

APP_NAME = "irviewer"
ORG_NAME = "irviewer"


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), named, styled and with its icon."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
        app.setDesktopFileName("irviewer")
    app.setApplicationDisplayName("irviewer")
    apply_style(app)
    icons.clear_cache()
    app.setWindowIcon(icons.app_icon())
    return app


def library_is_empty(path: Path) -> bool:
    """True when ``path`` holds no library yet or a library without releases."""
    if not path.exists():
        return True
    from irviewer.core.store import Store, migrations

    if migrations.needs_migration(path):
        return False  # counting would migrate it here; the window upgrades it off-thread
    try:
        with Store.open(path) as store:
            return store.count() == 0
    except Exception:  # not a library: let the window report it when it opens the file
        log.debug("cannot count %s", path, exc_info=True)
        return False


def open_initial_library(window: MainWindow, explicit: Path | None) -> bool:
    """The library named on the command line; else the user's; the demo while that is empty."""
    if explicit is not None:
        return window.open_library(explicit)
    saved = window.state.path(StateKey.LIBRARY)
    mine = saved or window.paths.user_library
    if library_is_empty(mine) and demo_files(window.paths.demo_source):
        return window.open_demo()
    return window.open_library(mine)


def build_window(paths: DataPaths) -> MainWindow:
    """The main window with its saved state, or a first-run size that fits the screen."""
    state = AppState(make_settings(paths.settings_file))
    window = MainWindow(paths, state)
    if state.bytes(StateKey.GEOMETRY) is None:
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            window.resize(min(1400, area.width() * 92 // 100), min(880, area.height() * 92 // 100))
    window.restore_state()
    return window


def install_qt_log_filter() -> None:
    """Send Qt's messages to logging, minus the offscreen platform's dock-size notice."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _let_python_handle_ctrl_c(app: QApplication) -> None:
    """Ctrl+C or SIGTERM closes the windows (saving their state) and quits.

    Qt's event loop would otherwise swallow the signals.
    """

    def close_and_quit(*_args: object) -> None:
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGINT, close_and_quit)
    signal.signal(signal.SIGTERM, close_and_quit)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)  # wakes the interpreter so the handler can run
    timer.start(300)


def run_gui(library: Path | None = None, self_test: bool = False) -> int:
    """Open the main window (or run the offscreen self-test); returns the exit code."""
    if self_test:
        from irviewer.gui.selftest import run_self_test

        return run_self_test(library)
    install_qt_log_filter()
    app = create_app()
    startup_probe.install(app)
    window = build_window(DataPaths.default())
    window.show()
    QTimer.singleShot(0, lambda: open_initial_library(window, library))
    _let_python_handle_ctrl_c(app)
    return app.exec()
