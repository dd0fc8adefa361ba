"""An import running off the GUI thread, reporting progress and able to stop early.

The worker opens its own Store on the library file (one connection per thread); the importer
itself farms PDFs out to worker processes. Cancel is a flag the importer polls between files.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from irviewer.gui.queries import ImportProgress, run_import
from irviewer.gui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ImportJob(QObject):
    """One import. Signals arrive on the GUI thread.

    Signals:
        progressed(int, int, str): files done, files in all, the file being read.
        finished(object): the ImportReport (also after a cancel: ``report.cancelled``).
        failed(str): the import could not run at all (e.g. the library cannot be opened).
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        library: Path,
        sources: Sequence[Path],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library = library
        self.sources = [Path(p) for p in sources]
        self._cancel = threading.Event()
        self.running = False
        self.done = 0
        self.total = 0
        self.report: Any = None
        self.error: str | None = None

    def start(self) -> None:
        self.running = True
        self.runner.submit(
            run_import,
            self.library,
            self.sources,
            self._cancel.is_set,
            on_progress=self._on_progress,
            on_result=self._on_result,
            on_error=self._on_error,
        )

    def cancel(self) -> None:
        """Ask the import to stop after the files in flight; ``finished`` still follows."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _on_progress(self, value: ImportProgress) -> None:
        self.done, self.total = value.done, value.total
        self.progressed.emit(value.done, value.total, value.name)

    def _on_result(self, report: Any) -> None:
        self.running = False
        self.report = report
        self.finished.emit(report)

    def _on_error(self, message: str) -> None:
        self.running = False
        self.error = message
        log.warning("import failed: %s", message)
        self.failed.emit(message)


def summary_text(report: Any) -> str:
    """One line for the status bar and the dialog: imported / duplicates / failed."""
    parts = [f"{len(report.imported):,} imported"]
    if report.duplicates:
        parts.append(f"{report.duplicates:,} already in the library")
    if report.failed:
        parts.append(f"{len(report.failed):,} failed")
    text = ", ".join(parts)
    if report.cancelled:
        text = "Cancelled: " + text
    return text
