"""Importing from the main window: the background job, its status and dialog, drag and drop.

A mixin for MainWindow (it uses the window's runner, library, timeline and status widgets), kept
apart so the window module stays about layout and selection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from irviewer.gui.importing import ImportJob, summary_text
from irviewer.gui.widgets.import_dialog import ImportDialog


class ImportFlowMixin:
    """Import files and folders into the library shown (the user's own, never the demo)."""

    import_job: ImportJob | None
    import_dialog: ImportDialog | None

    def _demo_import_completed(self) -> None:  # implemented by the main window
        raise NotImplementedError

    def start_import(
        self, sources: list[Path], show_dialog: bool = True, demo: bool = False
    ) -> ImportJob | None:
        """Import files/folders in the background; the demo library takes only the demo."""
        if self.import_job is not None and self.import_job.running:
            self.statusBar().showMessage("An import is already running.", 4000)
            return None
        is_demo_import = demo
        # the user's files go to the user's library, never into the demo
        if self.is_demo and not is_demo_import and not self.open_user_library():
            return None
        if self.library is None:
            return None
        job = ImportJob(self.runner, self.library, sources, self)
        job.progressed.connect(self.import_status.progressed)
        job.finished.connect(self._on_import_finished)
        job.failed.connect(self._on_import_failed)
        self.import_job = job
        if show_dialog:
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
        demo = self.is_demo
        if demo and not report.cancelled:
            self._demo_import_completed()
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
