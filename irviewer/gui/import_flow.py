"""Importing from the main window: the background job, its status and dialog, drag and drop.

A mixin for MainWindow (it uses the window's runner, library, timeline and status widgets), kept
apart so the window module stays about layout and selection. It reports through the window's
signals: ``import_finished`` after every import, ``demo_imported`` when the demo's files are in.
The import job and dialog modules load with the first import (start-up does not need them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent

if TYPE_CHECKING:
    from irviewer.gui.importing import ImportJob
    from irviewer.gui.widgets.import_dialog import ImportDialog


class ImportFlowMixin:
    """Import files and folders into the library shown (the user's own, never the demo)."""

    import_job: ImportJob | None
    import_dialog: ImportDialog | None
    import_finished: SignalInstance  # the window's signals
    demo_imported: SignalInstance

    def start_import(
        self, sources: list[Path], show_dialog: bool = True, demo: bool = False
    ) -> ImportJob | None:
        """Import files/folders in the background; the demo library takes only the demo."""
        from irviewer.gui.importing import ImportJob

        if self.import_job is not None and self.import_job.running:
            self.statusBar().showMessage("An import is already running.", 4000)
            return None
        is_demo_import = demo
        # the user's files go to the user's library, never into the demo
        if self.is_demo and not is_demo_import and not self.open_user_library():
            if self.upgrading:  # that library is upgraded first; the demo is still shown
                self.statusBar().showMessage(
                    "Your library is being upgraded first: import the files again when it is open.",
                    15000,
                )
            return None
        if self.library is None or self.upgrading:
            return None
        job = ImportJob(self.runner, self.library, sources, self)
        job.progressed.connect(self.import_status.progressed)
        job.finished.connect(self._on_import_finished)
        job.failed.connect(self._on_import_failed)
        self.import_job = job
        if show_dialog:
            from irviewer.gui.widgets.import_dialog import ImportDialog

            self.import_dialog = ImportDialog(job, self)
            self.import_dialog.show()
        self.import_status.started(
            "Preparing the demo library…" if is_demo_import else "Importing…"
        )
        job.start()
        self._update_actions()
        return job

    def cancel_import(self) -> None:
        if self.import_job is not None and self.import_job.running:
            self.import_job.cancel()
            self.import_status.cancelling()

    def _end_import_ui(self, text: str) -> None:
        self.import_status.ended(text)
        self._update_actions()

    def _on_import_finished(self, report: Any) -> None:
        from irviewer.gui.importing import summary_text

        demo = self.is_demo
        if demo and not report.cancelled:
            self.demo_imported.emit()
        self._end_import_ui(("Demo: " if demo else "Last import: ") + summary_text(report))
        had_selection = self.timeline.current_id is not None
        if self.store is not None:
            self.timeline.reload(self.store)
            self._update_count()
            if not had_selection and report.imported:
                self.timeline.select_release(
                    max(report.imported), on_missing=self._restore_selection
                )
            elif not had_selection:
                self._restore_selection()
        self.import_finished.emit(report)

    def _on_import_failed(self, message: str) -> None:
        self._end_import_ui("Import failed")
        if self.import_dialog is None or not self.import_dialog.isVisible():
            self._warn("The import could not run", message)
        self.import_finished.emit(None)

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event) and not (self.import_job and self.import_job.running):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)
