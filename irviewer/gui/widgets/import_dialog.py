"""Import progress with Cancel, then a summary that lists each failed file with its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from irviewer.gui import icons
from irviewer.gui.importing import ImportJob, summary_text


class ImportDialog(QDialog):
    """Follows an ImportJob. Not modal: the user can keep reading while files import."""

    def __init__(self, job: ImportJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle("Import")
        self.setMinimumWidth(520)
        self.setModal(False)

        self.title = QLabel("Preparing the import…", self)
        self.title.setObjectName("paneTitle")
        self.current = QLabel("", self)
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.setTextVisible(True)
        self.failures = QTreeWidget(self)
        self.failures.setHeaderLabels(["File", "Reason"])
        self.failures.setRootIsDecorated(False)
        self.failures.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.failures.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.failures.header().setStretchLastSection(True)
        self.failures.setAccessibleName("Failed files")
        self.failures.hide()

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(icons.icon("clear"), "Cancel", self)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = QPushButton("Close", self)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.failures, 1)
        layout.addWidget(self.buttons)

        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)

    # -- progress ------------------------------------------------------------------------------

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done:,} of {total:,} files")
            self.title.setText(f"Importing {total:,} file{'s' if total != 1 else ''}…")
        if name:
            self.current.setText(name)

    def _cancel(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.title.setText("Cancelling after the files being read…")
        else:
            self.reject()

    def reject(self) -> None:
        """Esc or the window's close button: cancel a running import only via Cancel."""
        if self.job.running:
            self.hide()  # keeps running; the status bar still shows it
            return
        super().reject()

    # -- the end -------------------------------------------------------------------------------

    def _on_finished(self, report: Any) -> None:
        self.title.setText(summary_text(report))
        total = max(report.total, 1)
        self.progress.setRange(0, total)
        self.progress.setValue(report.total if not report.cancelled else self.job.done)
        self.progress.setFormat(f"{self.job.done or report.total:,} of {report.total:,} files")
        self.current.setText(self._details(report))
        self._show_failures(report.failed)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        if report.failed:
            self.show()  # bring the summary back if the user hid the dialog
            self.raise_()

    def _on_failed(self, message: str) -> None:
        self.title.setText("The import could not run")
        self.current.setText(message)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel_button.hide()
        self.close_button.show()
        self.show()

    @staticmethod
    def _details(report: Any) -> str:
        if report.total == 0:
            return "No importable files were found (PDF, HTML or text)."
        if report.failed:
            return "These files could not be imported:"
        if report.duplicates and not report.imported:
            return "Every file was already in the library."
        return "Done."

    def _show_failures(self, failed: list[Any]) -> None:
        self.failures.clear()
        for failure in failed:
            path = Path(failure.path)
            item = QTreeWidgetItem([path.name, str(failure.reason)])
            item.setToolTip(0, str(path))
            item.setToolTip(1, str(failure.reason))
            item.setIcon(0, icons.icon("warning"))
            self.failures.addTopLevelItem(item)
        self.failures.setVisible(bool(failed))
        if failed:
            self.resize(max(self.width(), 640), max(self.height(), 360))

    def failed_files(self) -> list[tuple[str, str]]:
        """(file name, reason) rows as listed (tests)."""
        return [
            (self.failures.topLevelItem(i).text(0), self.failures.topLevelItem(i).text(1))
            for i in range(self.failures.topLevelItemCount())
        ]
