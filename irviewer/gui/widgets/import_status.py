"""The status bar's import corner: what the import is doing, a small progress bar, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from irviewer.gui import icons


class ImportStatus(QWidget):
    """Shows the import state; ``cancel_requested`` when its Cancel button is pressed."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton(self)
        self.cancel.setIcon(icons.icon("clear"))
        self.cancel.setToolTip("Cancel the import")
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.bar.hide()
        self.cancel.hide()

    def text(self) -> str:
        return self.label.text()

    def started(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.bar.show()
        self.cancel.show()

    def progressed(self, done: int, total: int, name: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.label.setText(f"Importing {done:,}/{total:,}")
            self.label.setToolTip(name)

    def cancelling(self) -> None:
        self.label.setText("Cancelling…")

    def ended(self, text: str) -> None:
        self.bar.hide()
        self.cancel.hide()
        self.label.setText(text)
        self.label.setToolTip("")

    def is_busy(self) -> bool:
        return self.bar.isVisible()
