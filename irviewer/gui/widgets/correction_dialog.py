"""Correct a release's date, headline, kind or company where extraction got them wrong.

Each field shows whether it is already corrected, with the extracted value and a Revert button.
Corrections are stored apart from the extracted values (the store keeps them by file content, so
they survive a re-import).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from irviewer.core.records import KINDS
from irviewer.gui.style import kind_label

FIELDS = ("date", "headline", "kind", "company")
ApplyFn = Callable[[str, str | None], None]


class CorrectionDialog(QDialog):
    """Edits the four correctable fields of one StoredRelease.

    ``apply(field, value)`` stores one change (None = back to the extracted value) and raises
    ValueError with a message for the user when the value is refused.
    """

    def __init__(
        self,
        stored: Any,
        apply: ApplyFn,
        companies: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct release")
        self.setMinimumWidth(560)
        self._apply = apply
        doc = stored.document
        self.corrections: dict[str, Any] = dict(stored.corrections or {})
        self.extracted: dict[str, Any] = dict(stored.extracted or {})
        self.current = {
            "date": doc.date,
            "headline": doc.headline,
            "kind": doc.kind,
            "company": doc.company,
        }
        self._reverted: set[str] = set()

        self.date = QLineEdit(doc.date or "", self)
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.date.setInputMask("")
        self.headline = QLineEdit(doc.headline or "", self)
        self.headline.setCursorPosition(0)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(doc.kind)))
        self.company = QLineEdit(doc.company or "", self)
        completer = QCompleter(list(companies), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.company.setCompleter(completer)

        self.notes: dict[str, QLabel] = {}
        self.revert_buttons: dict[str, QPushButton] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, editor in self._editors().items():
            row = QVBoxLayout()
            row.setSpacing(2)
            line = QHBoxLayout()
            line.addWidget(editor, 1)
            revert = QPushButton("Revert", self)
            revert.setToolTip("Go back to the extracted value")
            revert.clicked.connect(lambda _checked=False, f=name: self._revert(f))
            line.addWidget(revert)
            row.addLayout(line)
            note = QLabel(self)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            row.addWidget(note)
            self.notes[name] = note
            self.revert_buttons[name] = revert
            form.addRow(name.capitalize() + ":", row)
        self._refresh_notes()

        self.error = QLabel(self)
        self.error.setStyleSheet("color: #cf222e;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Your corrections are kept apart from what was extracted and survive a re-import.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _editors(self) -> dict[str, QWidget]:
        return {
            "date": self.date,
            "headline": self.headline,
            "kind": self.kind,
            "company": self.company,
        }

    def _refresh_notes(self) -> None:
        for name in FIELDS:
            edited = name in self.corrections and name not in self._reverted
            if edited:
                original = self.extracted.get(name)
                shown = original if original not in (None, "") else "nothing"
                if name == "kind" and original:
                    shown = kind_label(str(original))
                self.notes[name].setText(f"✎ Edited by you. Extracted: {shown}")
            else:
                self.notes[name].setText("")
            self.notes[name].setVisible(edited)
            self.revert_buttons[name].setEnabled(edited)

    def _revert(self, name: str) -> None:
        original = self.extracted.get(name)
        self._reverted.add(name)
        if name == "kind":
            self.kind.setCurrentIndex(max(0, self.kind.findData(original or "other")))
        else:
            editor = self._editors()[name]
            assert isinstance(editor, QLineEdit)
            editor.setText(original or "")
        self._refresh_notes()

    def value(self, name: str) -> str:
        if name == "kind":
            return str(self.kind.currentData())
        editor = self._editors()[name]
        assert isinstance(editor, QLineEdit)
        return " ".join(editor.text().split())

    def changes(self) -> dict[str, str | None]:
        """Field -> new value (None: back to the extracted value) for every changed field."""
        out: dict[str, str | None] = {}
        for name in FIELDS:
            if name in self._reverted and name in self.corrections:
                out[name] = None
            elif self.value(name) != (self.current[name] or ""):
                out[name] = self.value(name)
            typed_back = name in self.extracted and out.get(name) == (self.extracted[name] or "")
            if name in out and out[name] is not None and typed_back:
                out[name] = None  # typed the extracted value back in: drop the correction
        return out

    def _check(self, changes: dict[str, str | None]) -> str | None:
        date = changes.get("date")
        if date:
            try:
                dt.date.fromisoformat(date)
            except ValueError:
                return f"“{date}” is not a date: use YYYY-MM-DD, e.g. 2024-03-31."
        for name, value in changes.items():
            if value == "":
                return f"The {name} cannot be empty: use Revert to go back to the extracted value."
        return None

    def accept(self) -> None:
        changes = self.changes()
        problem = self._check(changes)
        if problem is None:
            try:
                for name, value in changes.items():
                    self._apply(name, value)
            except ValueError as exc:
                problem = str(exc)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()
