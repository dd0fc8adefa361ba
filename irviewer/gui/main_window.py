"""The main window: timeline | Reader · Tables · Original tabs, contacts dock, menus, status bar.

Dependencies come in from ``app.py`` (data paths, window state, task runner); the window owns one
Store connection for the GUI thread (listing queries, corrections) while loads, searches and
imports run on pool threads with their own connections.

Start-up matters (the window should show a 100,000-release library within half a second of a
bare Qt window): what the first screen does not show is built or imported when first needed
(the Tables tab, the import dialog and job, the correction dialog, the library upgrade).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from irviewer.gui import icons
from irviewer.gui.import_flow import ImportFlowMixin
from irviewer.gui.library import DataPaths, demo_files, demo_signature
from irviewer.gui.panes import LazyTab, export_stem, make_contacts_sidebar, make_tables_pane
from irviewer.gui.queries import LoadedRelease, load_release
from irviewer.gui.state import AppState, StateKey, restore_window, save_window
from irviewer.gui.tasks import TaskRunner
from irviewer.gui.widgets.reader import OriginalView, ReaderView
from irviewer.gui.widgets.timeline import TimelinePane
from irviewer.gui.window_actions import (
    build_actions,
    build_menus,
    build_status,
    build_toolbar,
    update_title,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from irviewer.gui.importing import ImportJob
    from irviewer.gui.upgrade import LibraryUpgrade
    from irviewer.gui.widgets.import_dialog import ImportDialog

log = logging.getLogger(__name__)

LOAD_DEBOUNCE_MS = 60
TAB_READER, TAB_TABLES, TAB_ORIGINAL = 0, 1, 2


class MainWindow(ImportFlowMixin, QMainWindow):
    """The app window. Signals report what tests and the self-test wait for.

    Signals:
        library_opened(object): the Path of the library now shown.
        release_loaded(int): the reader, grids and sidebar now show this release.
        import_finished(object): an ImportReport (or None when the import could not run).
        demo_imported(): an import of the demo files into the demo library completed.
    """

    library_opened = Signal(object)
    release_loaded = Signal(int)
    import_finished = Signal(object)
    demo_imported = Signal()

    def __init__(
        self,
        paths: DataPaths,
        state: AppState,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.state = state
        self.runner = runner or TaskRunner(self)
        self.store: Any = None
        self.library: Path | None = None
        self.stored: Any = None  # the StoredRelease shown
        self.import_job: ImportJob | None = None
        self.import_dialog: ImportDialog | None = None
        self.upgrade: LibraryUpgrade | None = None  # a library being upgraded, if any
        self.upgrade_error: QMessageBox | None = None  # the last upgrade failure shown
        self._pending_id: int | None = None
        self._closing = False
        self._shown_tables: tuple[list[Any], str] = ([], "")

        self.setWindowTitle("irviewer")
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self._build_panes()
        build_actions(self)
        build_menus(self)
        build_toolbar(self)
        build_status(self)
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(LOAD_DEBOUNCE_MS)
        self._load_timer.timeout.connect(self._start_load)
        self.demo_imported.connect(self._remember_demo)
        self.resize(1400, 880)
        self._update_actions()

    # -- building -------------------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.timeline = TimelinePane(self.runner, self)
        self.reader = ReaderView(self)
        self.original = OriginalView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self.reader, icons.icon("reader"), "Reader")
        self.tabs.addTab(QWidget(self), icons.icon("table"), "Tables")  # see ``tables``
        self.tabs.addTab(self.original, icons.icon("original"), "Original")
        self.tabs.setIconSize(QSize(16, 16))
        self._tables_tab = LazyTab(self.tabs, TAB_TABLES, self._build_tables_pane)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.timeline)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([420, 980])
        self.setCentralWidget(self.splitter)

        self.contacts = make_contacts_sidebar(self)
        self.contacts_dock = QDockWidget("Contacts", self)
        self.contacts_dock.setObjectName("contactsDock")
        self.contacts_dock.setWidget(self.contacts)
        self.contacts_dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.contacts_dock)
        self.resizeDocks([self.contacts_dock], [260], Qt.Orientation.Horizontal)

        self.timeline.release_selected.connect(self._on_release_selected)
        self.timeline.search_changed.connect(self._on_terms_changed)
        self.timeline.listing_changed.connect(self._update_count)
        self._on_table_count(0)

    @property
    def tables(self) -> QWidget:
        """The Tables tab's pane, built the first time the tab is shown or this is read
        (~0.05 s that start-up does not need unless the Tables tab is the one open)."""
        return self._tables_tab.page()

    def _build_tables_pane(self) -> QWidget:
        pane = make_tables_pane(self)
        count_changed = getattr(pane, "count_changed", None)
        if count_changed is not None:
            count_changed.connect(self._on_table_count)
        for name in ("exported", "copied"):
            signal = getattr(pane, name, None)
            if signal is not None:
                signal.connect(self._on_tables_message)
        tables, stem = self._shown_tables
        pane.set_tables(list(tables), stem)  # type: ignore[attr-defined]
        return pane

    # -- libraries ------------------------------------------------------------------------------

    @property
    def is_demo(self) -> bool:
        return self.library is not None and self.paths.is_demo(self.library)

    def open_library(self, path: Path) -> bool:
        """Show the library at ``path`` (created when missing).

        True when it is shown. False, with a message, when it cannot be opened; False too
        while a library written by an older version is upgraded first, in the background
        behind a busy dialog (``library_opened`` follows when it is done).
        """
        from irviewer.core.store import migrations

        if self.upgrade is not None:
            self.statusBar().showMessage("A library is being upgraded; please wait.", 4000)
            return False
        version = migrations.stored_version(path)
        if migrations.is_outdated(version):
            assert version is not None
            self._start_upgrade(Path(path), version)
            return False
        return self._open_now(Path(path))

    @property
    def upgrading(self) -> bool:
        return self.upgrade is not None

    def _start_upgrade(self, path: Path, version: int) -> None:
        from irviewer.gui.upgrade import LibraryUpgrade

        self.upgrade = LibraryUpgrade(self.runner, path, version, self)
        self.upgrade.finished.connect(self._on_upgraded)
        self.upgrade.failed.connect(self._on_upgrade_failed)
        self._update_actions()
        self.upgrade.start()

    def _on_upgraded(self, path: Path) -> None:
        self.upgrade = None
        self._update_actions()
        if not self._closing:
            self._open_now(path)

    def _on_upgrade_failed(self, _path: Path, message: str) -> None:
        upgrade, self.upgrade = self.upgrade, None
        self._update_actions()
        if upgrade is not None and not self._closing:
            self.upgrade_error = upgrade.show_failure(message)

    def _open_now(self, path: Path) -> bool:
        from irviewer.core.store import Store

        try:
            store = Store.open(path)
        except Exception as exc:  # LibraryError, OSError, sqlite3 errors: all user-facing
            log.warning("cannot open library %s", path, exc_info=True)
            self._warn("Cannot open the library", f"{path}\n\n{exc}")
            return False
        self._close_store()
        self.store = store
        self.library = Path(path)
        if not self.is_demo:
            self.state.set(StateKey.LIBRARY, str(self.library))
        self.stored = None
        self._pending_id = None
        self.reader.show_placeholder("Select a release in the timeline.")
        self.original.clear()
        self._show_tables([], "")
        self._set_contacts([])
        self.timeline.set_library(self.store, self.library)  # its reset updates the count
        update_title(self)
        self._update_actions()
        self.library_opened.emit(self.library)
        if self.is_demo and self._demo_needs_import():
            self._import_demo()
        else:
            self._restore_selection()
        return True

    def open_user_library(self) -> bool:
        return self.open_library(self.paths.user_library)

    def open_demo(self) -> bool:
        return self.open_library(self.paths.demo_library)

    def _close_store(self) -> None:
        self.runner.drop("release")
        self.runner.drop("search")
        if self.store is not None:
            self.store.close()
            self.store = None

    def _demo_needs_import(self) -> bool:
        if not demo_files(self.paths.demo_source):
            return False
        signature = demo_signature(self.paths.demo_source)
        return self.store.count() == 0 or (self.state.text(StateKey.DEMO_SIGNATURE) != signature)

    def _import_demo(self) -> None:
        # the signature is saved when the import completes, so a killed first run resumes
        self.start_import(demo_files(self.paths.demo_source), show_dialog=False, demo=True)

    def _remember_demo(self) -> None:
        self.state.set(StateKey.DEMO_SIGNATURE, demo_signature(self.paths.demo_source))

    def _restore_selection(self) -> None:
        assert self.library is not None
        last = self.state.last_release(self.library)

        def first() -> None:
            self.timeline.select_first(read_now=True)

        # read_now: the selected row is read at once, so the first paint shows it
        if last is None:
            first()
        else:
            self.timeline.select_release(last, on_missing=first, read_now=True)

    # -- selection and loading ------------------------------------------------------------------

    def select_release(self, release_id: int) -> bool:
        """Select a release in the timeline (the load follows in the background)."""
        return self.timeline.select_release(release_id)

    def _on_release_selected(self, release_id: int | None) -> None:
        self._pending_id = release_id
        if release_id is None:
            self._load_timer.stop()
            self.runner.drop("release")
            return
        self._load_timer.start()

    def _start_load(self) -> None:
        if self._pending_id is None or self.library is None:
            return
        self.runner.submit(
            load_release,
            self.library,
            self._pending_id,
            key="release",
            on_result=self._on_loaded,
            on_error=lambda message: self._warn("Cannot show the release", message),
        )

    def _on_loaded(self, loaded: LoadedRelease) -> None:
        if loaded.release_id != self._pending_id:
            return  # the user moved on meanwhile
        stored = loaded.stored
        if stored is None:
            self.reader.show_placeholder("This release is no longer in the library.")
            return
        self.stored = stored
        doc = stored.document
        terms = self.timeline.terms
        self.reader.show_release(stored, terms)
        self._show_tables(doc.tables, export_stem(doc, stored.id))
        self._set_contacts(doc.contacts)
        self.original.set_release(stored, terms)
        if self.library is not None:
            self.state.set_last_release(self.library, stored.id)
        self._update_actions()
        self.release_loaded.emit(stored.id)

    def _show_tables(self, tables: list[Any], stem: str) -> None:
        self._shown_tables = (list(tables), stem)
        if self._tables_tab.built:
            self.tables.set_tables(list(tables), stem)  # type: ignore[attr-defined]
        self._on_table_count(len(tables))

    def _set_contacts(self, contacts: list[Any]) -> None:
        self.contacts.set_contacts(list(contacts))  # type: ignore[attr-defined]
        count = len(contacts)
        self.contacts_dock.setWindowTitle(f"Contacts ({count})" if count else "Contacts")

    def _on_table_count(self, count: int) -> None:
        self.tabs.setTabText(TAB_TABLES, f"Tables ({count})")

    def _on_terms_changed(self, terms: list[str]) -> None:
        self.reader.set_terms(terms)

    def _on_tables_message(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message.splitlines()[0][:200], 5000)

    # -- corrections ----------------------------------------------------------------------------

    def correct_release(self) -> None:
        if self.stored is None or self.store is None:
            return
        from irviewer.gui.widgets.correction_dialog import CorrectionDialog

        release_id = self.stored.id
        changed: list[Any] = []

        def apply(field: str, value: str | None) -> None:
            changed.append(self.store.set_correction(release_id, field, value))

        dialog = CorrectionDialog(self.stored, apply, self.store.companies(), self)
        dialog.exec()
        if changed:
            self.after_correction(release_id, any(c.listing_changed for c in changed))

    def after_correction(self, release_id: int, listing_changed: bool) -> None:
        """Refresh what a correction touched: the listing and the release shown."""
        if listing_changed:
            self.timeline.reload(self.store)
            self.timeline.select_release(release_id)
        self._pending_id = release_id
        self._start_load()

    # -- misc -----------------------------------------------------------------------------------

    def _warn(self, title: str, text: str) -> None:
        if self._closing:
            return
        log.warning("%s: %s", title, text)
        if QApplication.platformName() == "offscreen":
            self.statusBar().showMessage(f"{title}: {text}", 8000)
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, text)

    def _update_count(self) -> None:
        if self.store is None:
            self.count_label.setText("")
            return
        model = self.timeline.model  # unfiltered, its year counts add up to the library
        listed = not (model.search_mode or model.kinds or model.company)
        total = model.release_count() if listed else self.store.count()
        self.count_label.setText(f"{total:,} release{'s' if total != 1 else ''}")

    def _update_actions(self) -> None:
        importing = (self.import_job is not None and self.import_job.running) or self.upgrading
        has_release = self.stored is not None
        for action in (
            self.act_import_files,
            self.act_import_folder,
            self.act_open_library,
            self.act_open_demo,
            self.act_open_mine,
        ):
            action.setEnabled(not importing)
        self.act_open_demo.setVisible(not self.is_demo)
        self.act_open_mine.setVisible(self.is_demo)
        self.act_correct.setEnabled(has_release)
        self.act_reveal.setEnabled(has_release)

    # -- window state ---------------------------------------------------------------------------

    def restore_state(self) -> None:
        restore_window(self.state, self, self.splitter, self.tabs)

    def save_state(self) -> None:
        save_window(self.state, self, self.splitter, self.tabs)
        if self.library is not None and self.timeline.current_id is not None:
            self.state.set_last_release(self.library, self.timeline.current_id)
        self.state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.save_state()
        if self.import_job is not None and self.import_job.running:
            self.import_job.cancel()
        self._load_timer.stop()
        self.runner.shutdown()
        self._close_store()
        super().closeEvent(event)
