"""The main window's actions, menus, tool bar, status bar and About box, built in code.

The file dialogs and the About box are imported when first opened (start-up does not need them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSizePolicy

from irviewer import __version__
from irviewer.gui import icons
from irviewer.gui.widgets.import_status import ImportStatus


def _action(
    window: Any, text: str, slot: Any, shortcut: Any = None, icon: str | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, window)
    if icon:
        action.setIcon(icons.icon(icon))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_actions(window: Any) -> None:
    """Create the window's QActions as ``window.act_*`` attributes."""
    key = QKeySequence.StandardKey
    window.act_import_files = _action(
        window,
        "&Import Files…",
        lambda: ask_import_files(window),
        "Ctrl+I",
        "import-file",
        "Import PDF, HTML or text releases into the library",
    )
    window.act_import_folder = _action(
        window,
        "Import &Folder…",
        lambda: ask_import_folder(window),
        "Ctrl+Shift+I",
        "import-folder",
        "Import every release in a folder and its subfolders",
    )
    window.act_open_library = _action(
        window,
        "&Open Library…",
        lambda: ask_open_library(window),
        key.Open,
        "library",
        "Open or create a library file",
    )
    window.act_open_demo = _action(
        window,
        "Open &Demo Library",
        window.open_demo,
        None,
        "demo",
        "Browse the demo releases (kept apart from your library)",
    )
    window.act_open_mine = _action(
        window,
        "Open &My Library",
        window.open_user_library,
        None,
        "library",
        "Go back to your own library",
    )
    window.act_quit = _action(window, "&Quit", window.close, key.Quit, "quit")
    window.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
    window.act_find = _action(
        window, "&Find…", window.timeline.focus_search, key.Find, "search", "Search all releases"
    )
    window.act_correct = _action(
        window,
        "&Correct Release…",
        window.correct_release,
        "Ctrl+E",
        "edit",
        "Fix the date, headline, kind or company of this release",
    )
    window.act_reveal = _action(
        window,
        "Open Original &File",
        lambda: open_original_file(window),
        "Ctrl+Shift+O",
        "original",
        "Open the imported file in its default application",
    )
    window.act_about = _action(window, "&About irviewer", lambda: show_about(window), None, "about")
    window.act_about.setMenuRole(QAction.MenuRole.AboutRole)
    window.act_tabs = []
    for index, name in enumerate(("&Reader", "&Tables", "&Original")):
        action = _action(
            window, name, lambda i=index: window.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}"
        )
        window.act_tabs.append(action)


def build_menus(window: Any) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for action in (window.act_import_files, window.act_import_folder):
        file_menu.addAction(action)
    file_menu.addSeparator()
    for action in (window.act_open_library, window.act_open_mine, window.act_open_demo):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(window.act_find)
    edit_menu.addAction(window.act_correct)
    edit_menu.addAction(window.act_reveal)
    view_menu = bar.addMenu("&View")
    for action in window.act_tabs:
        view_menu.addAction(action)
    view_menu.addSeparator()
    dock_action = window.contacts_dock.toggleViewAction()
    dock_action.setIcon(icons.icon("contacts"))
    dock_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
    view_menu.addAction(dock_action)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(window.act_about)


def build_toolbar(window: Any) -> None:
    bar = window.addToolBar("Main")
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(window.act_import_files)
    bar.addAction(window.act_import_folder)
    bar.addSeparator()
    bar.addAction(window.act_correct)
    bar.addAction(window.act_reveal)
    bar.addSeparator()
    bar.addAction(window.contacts_dock.toggleViewAction())


def build_status(window: Any) -> None:
    """The status bar: the library's path, the import progress and the release count."""
    status = window.statusBar()
    window.library_label = QLabel(window)
    window.library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # a long library path must not widen the window: let the label clip instead
    window.library_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    window.count_label = QLabel(window)
    window.import_status = ImportStatus(window)
    window.import_status.cancel_requested.connect(window.cancel_import)
    status.addWidget(window.library_label, 1)
    status.addPermanentWidget(window.import_status)
    status.addPermanentWidget(window.count_label)


def update_title(window: Any) -> None:
    """The window title and the status bar's library label, for the library shown."""
    library = window.library
    if library is None:
        window.setWindowTitle("irviewer")
        window.library_label.setText("No library")
    elif window.is_demo:
        window.setWindowTitle("Demo library — irviewer")
        window.library_label.setText("Demo library (your own library is kept separately)")
    else:
        window.setWindowTitle(f"{library.stem} — irviewer")
        window.library_label.setText(f"Library: {library}")
    window.library_label.setToolTip(str(library or ""))


def open_original_file(window: Any) -> None:
    """Open the release's imported file in the system's default application."""
    if window.stored is None:
        return
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    path = Path(window.stored.document.source.path)
    if not path.exists():
        window._warn("The original file is gone", f"{path} no longer exists.")
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_about(window: Any) -> None:
    """The About box: version, what the app does, the library shown, Qt versions."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMessageBox

    library = str(window.library) if window.library else "none"
    QMessageBox.about(
        window,
        "About irviewer",
        f"<h3>irviewer {__version__}</h3>"
        "<p>An offline viewer for investor-relations press releases: a timeline, "
        "the release text, its financial tables and its contacts.</p>"
        "<p>Nothing is sent over the network.</p>"
        f"<p><small>Library: {library}<br>"
        f"Qt {qVersion()}, PySide6 {pyside_version}</small></p>",
    )


def ask_open_library(window: Any) -> None:
    """Pick an existing library file, or name a new one."""
    from PySide6.QtWidgets import QFileDialog

    start = str(window.library.parent if window.library else window.paths.data_dir)
    name, _ = QFileDialog.getSaveFileName(
        window,
        "Open or create a library",
        start,
        "irviewer library (*.sqlite);;All files (*)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if name:
        window.open_library(Path(name))


def ask_import_files(window: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    names, _ = QFileDialog.getOpenFileNames(
        window,
        "Import releases",
        str(Path.home()),
        "Releases (*.pdf *.htm *.html *.txt *.md);;All files (*)",
    )
    if names:
        window.start_import([Path(n) for n in names])


def ask_import_folder(window: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(window, "Import a folder of releases", str(Path.home()))
    if name:
        window.start_import([Path(name)])
