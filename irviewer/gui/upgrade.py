"""Opening a library written by an older version: upgrade it off the GUI thread, behind a dialog.

``Store.open`` copies such a library to ``<name>.bak-v<old version>`` and then migrates it in
place, each migration in one transaction (a failure leaves the library as it was). For a
100,000-release library that takes about ten seconds, so the window runs it on a pool thread
(the worker opens and closes the library; the window then opens the upgraded file as usual)
and shows a modal busy dialog meanwhile. Use ``migrations.needs_migration`` to decide.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from irviewer.core.store import schema
from irviewer.gui import queries
from irviewer.gui.tasks import TaskRunner

log = logging.getLogger(__name__)


class UpgradeDialog(QDialog):
    """A modal busy dialog that stays up until the upgrade ends (it cannot be cancelled:
    the migration runs in a transaction that is not interruptible from here)."""

    def __init__(self, path: Path, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Upgrading the library")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._running = True
        self.message = QLabel(
            f"Upgrading the library <b>{escape(path.name)}</b> for this version of irviewer…"
            f"<br><br>A backup copy of it as it was is kept at<br><tt>{escape(str(backup))}</tt>"
            "<br><br>"
            "A large library takes a minute or so.",
            self,
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: the migration reports no progress
        self.bar.setTextVisible(False)
        self.elapsed_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.elapsed_label)
        self.setMinimumWidth(460)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._tick()

    def _tick(self) -> None:
        self.elapsed_label.setText(f"Elapsed: {self._clock.elapsed() // 1000} s")

    def finish(self) -> None:
        """Close for good (the upgrade ended)."""
        self._running = False
        self._ticker.stop()
        self.accept()

    def reject(self) -> None:  # Escape: ignored while the upgrade runs
        if not self._running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
        else:
            super().closeEvent(event)


class LibraryUpgrade(QObject):
    """One upgrade: the dialog, and the background open that migrates the library.

    Signals (on the GUI thread):
        finished(object): the library's Path, now current: open it as usual.
        failed(object, str): the Path and what went wrong (the library is unchanged).
    """

    finished = Signal(object)
    failed = Signal(object, str)

    def __init__(
        self, runner: TaskRunner, path: Path, version: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.path = Path(path)
        self.backup = schema.backup_path(self.path, version)
        self.dialog = UpgradeDialog(self.path, self.backup, parent)
        self._parent = parent

    def start(self) -> None:
        log.info("upgrading the library %s (backup: %s)", self.path, self.backup)
        self.dialog.show()
        self.runner.submit(
            queries.upgrade_library,
            self.path,
            on_result=lambda _version: self._end(None),
            on_error=self._end,
        )

    def _end(self, error: str | None) -> None:
        self.dialog.finish()
        self.dialog.deleteLater()
        if error is None:
            log.info("upgraded the library %s", self.path)
            self.finished.emit(self.path)
        else:
            log.warning("cannot upgrade the library %s: %s", self.path, error)
            self.failed.emit(self.path, error)

    def show_failure(self, message: str) -> QMessageBox:
        """Say why the upgrade failed, in a message box (opened, not run: returns at once)."""
        kept = f"\n\nA backup copy is at {self.backup}." if self.backup.exists() else ""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Cannot upgrade the library",
            f"{self.path} was written by an older version of irviewer, and upgrading it for "
            f"this version failed:\n\n{message}\n\nThe library was left as it was.{kept}",
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
