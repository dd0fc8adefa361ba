"""The contacts sidebar: a release's investor, media and other contacts as small cards.

Every value (name, title, organisation, phone, email) is a clickable label: a click copies it
to the clipboard and emits `copied(value)`; a tooltip confirms. An email also has a small
button (and a context-menu entry) that opens a `mailto:` link, only when clicked.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from irviewer.core.records import Contact
from irviewer.gui.widgets.tone_label import LINK, MUTED, NORMAL, ToneLabel

log = logging.getLogger(__name__)

ROLE_TITLES = {"investor": "Investor relations", "media": "Media", "other": "Other contacts"}
ROLE_ORDER = ("investor", "media", "other")
FIELD_NAMES = {
    "name": "Name",
    "title": "Title",
    "organization": "Organisation",
    "phone": "Phone Number",
    "email": "Email Address",
}
EMPTY_TEXT = "No contacts in this release"


def role_of(contact: Contact) -> str:
    return contact.role if contact.role in ROLE_TITLES else "other"


def mailto_url(email: str) -> QUrl:
    return QUrl(f"mailto:{email.strip()}")


ONE_LINE_FIELDS = ("email", "phone")  # never wrapped: elided in the middle when too long
COPY_HINT = "Click to copy"


class CopyValueLabel(ToneLabel):
    """A value that copies itself when clicked (or on Space/Enter).

    Names, titles and organisations wrap; an email or phone stays on one line, elided in
    the middle (`ir@north…example`) when the sidebar is too narrow, with the whole value
    in the tooltip. The label's size hints are those of the whole value, so it gets its full
    width whenever the sidebar has it.
    """

    copied = Signal(str)

    def __init__(self, value: str, field: str, tone: str = NORMAL, parent: Any = None) -> None:
        super().__init__(value, tone, parent)
        self.value = value
        self.field = field  # name | title | organization | phone | email
        self.one_line = field in ONE_LINE_FIELDS
        self.setObjectName("contactValue")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(not self.one_line)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setToolTip(COPY_HINT)
        # Padding as contents margins, not in the style sheet: style-sheet padding counts
        # twice when painting, so wrapped text measured one width and drew another.
        self.setContentsMargins(3, 2, 3, 2)
        self.setAccessibleName(f"{field}: {value}")
        self.setAccessibleDescription("Click to copy")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)

    # -- one-line values: elide in the middle --------------------------------------------------

    def is_elided(self) -> bool:
        return self.text() != self.value

    def _padding(self) -> int:
        """Width the label adds around its text (its contents margins and the like)."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.one_line:
            hint.setWidth(self._padding() + self.fontMetrics().horizontalAdvance(self.value))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.one_line:
            shortest = self.fontMetrics().horizontalAdvance(self.value[:4] + "\u2026")
            hint.setWidth(min(self.sizeHint().width(), self._padding() + shortest))
        return hint

    def _fit_text(self) -> None:
        if not self.one_line:
            return
        room = self.width() - self._padding()
        shown = self.fontMetrics().elidedText(self.value, Qt.TextElideMode.ElideMiddle, room)
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(f"{self.value}\n{COPY_HINT}" if self.is_elided() else COPY_HINT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), f"Copied {self.value}", self)
        self.copied.emit(self.value)

    def open_mail(self) -> None:
        QDesktopServices.openUrl(mailto_url(self.value))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.copy()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
            event.matches(QKeySequence.StandardKey.Copy)
        ):
            self.copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(f"Copy {FIELD_NAMES.get(self.field, self.field)}", self.copy)
        if self.field == "email":
            menu.addAction("Write Email…", self.open_mail)
        menu.exec(self.mapToGlobal(pos))


class ContactCard(QFrame):
    """One contact: the name (or what stands for it) over its other values."""

    copied = Signal(str)

    def __init__(self, contact: Contact, parent: Any = None) -> None:
        super().__init__(parent)
        self.contact = contact
        self.setObjectName("contactCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(0)
        fields = [
            ("name", contact.name),
            ("title", contact.title),
            ("organization", contact.organization),
            ("phone", contact.phone),
            ("email", contact.email),
        ]
        present = [(f, (v or "").strip()) for f, v in fields if (v or "").strip()]
        self._labels: list[CopyValueLabel] = []
        if not present:
            return
        headline_field = present[0][0]
        for field, value in present:
            if field == headline_field:
                tone = NORMAL
            else:
                tone = MUTED if field in ("title", "organization") else LINK
            label = CopyValueLabel(value, field, tone)
            label.copied.connect(self.copied)
            self._labels.append(label)
            if field == headline_field:
                font = QFont(label.font())
                font.setBold(True)
                label.setFont(font)
            if field in ("phone", "email"):
                layout.addLayout(self._value_row(field, label))
            else:
                layout.addWidget(label)

    def _value_row(self, field: str, label: CopyValueLabel) -> QHBoxLayout:
        """A phone or email behind its glyph; an email's glyph is the button that writes to it
        (a button after the address would take the width the address needs)."""
        row = QHBoxLayout()
        row.setSpacing(2)
        row.setContentsMargins(0, 0, 0, 0)
        glyph_width = self.fontMetrics().horizontalAdvance("\u260e") + 6
        if field == "email":
            mail = QToolButton()
            mail.setObjectName("mailButton")
            mail.setText("\u2709")
            mail.setAutoRaise(True)
            mail.setFixedWidth(glyph_width)
            mail.setCursor(Qt.CursorShape.PointingHandCursor)
            mail.setToolTip(f"Write an email to {label.value} (opens your mail app)")
            mail.setAccessibleName(f"Write an email to {label.value}")
            mail.clicked.connect(label.open_mail)
            row.addWidget(mail, 0, Qt.AlignmentFlag.AlignVCenter)
        else:
            glyph = ToneLabel("\u260e", MUTED)
            glyph.setFixedWidth(glyph_width)
            glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
            glyph.setToolTip("Phone")
            row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(label, 1)
        return row

    def value_labels(self) -> list[CopyValueLabel]:
        return list(self._labels)


class ContactsSidebar(QWidget):
    """The release's contacts grouped by role; `set_contacts()` replaces them."""

    copied = Signal(str)  # the value just put on the clipboard

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []
        self._cards: list[ContactCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._pages = QStackedWidget(self)
        layout.addWidget(self._pages)

        self._empty = ToneLabel(EMPTY_TEXT, MUTED)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setMargin(12)
        self._pages.addWidget(self._empty)

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._pages.addWidget(self._scroll)
        self.setMinimumWidth(180)
        self._apply_style()
        self.set_contacts([])

    def set_contacts(self, contacts: list[Contact]) -> None:
        self._contacts = list(contacts)
        self._cards = []
        body = QWidget()
        body.setObjectName("contactsBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(4)
        for role in ROLE_ORDER:
            group = [c for c in self._contacts if role_of(c) == role]
            if not group:
                continue
            if column.count():
                column.addSpacing(8)
            column.addWidget(self._group_label(role, len(group)))
            for contact in group:
                card = ContactCard(contact)
                card.copied.connect(self.copied)
                self._cards.append(card)
                column.addWidget(card)
        column.addStretch(1)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(body)
        self._pages.setCurrentIndex(1 if self._contacts else 0)

    def sizeHint(self) -> QSize:
        return QSize(280, 400)

    def contact_count(self) -> int:
        return len(self._contacts)

    def contacts(self) -> list[Contact]:
        return list(self._contacts)

    def cards(self) -> list[ContactCard]:
        return list(self._cards)

    def value_labels(self) -> list[CopyValueLabel]:
        """Every value label, in display order (for tests and keyboard users)."""
        return [label for card in self._cards for label in card.value_labels()]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_scroll"):
            self._apply_style()

    def _apply_style(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base).name()
        mid = palette.color(QPalette.ColorRole.Midlight).name()
        hover = palette.color(QPalette.ColorRole.AlternateBase).name()
        link = palette.color(QPalette.ColorRole.Link).name()
        sheet = f"""
            QWidget#contactsBody {{ background: transparent; }}
            QFrame#contactCard {{ background: {base}; border: 1px solid {mid};
                border-radius: 6px; }}
            QLabel#contactValue {{ border-radius: 3px; }}
            QLabel#contactValue:hover {{ background: {hover}; }}
            QLabel#contactValue:focus {{ background: {hover}; }}
            QToolButton#mailButton {{ border: none; padding: 0; border-radius: 3px;
                color: {link}; }}
            QToolButton#mailButton:hover {{ background: {hover}; }}
            """
        if sheet != self.styleSheet():  # setting it again would loop through PaletteChange
            self.setStyleSheet(sheet)

    def _group_label(self, role: str, count: int) -> QLabel:
        label = ToneLabel(f"{ROLE_TITLES[role].upper()}  ·  {count}", MUTED)
        label.setObjectName("contactsGroup")
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        label.setFont(font)
        return label
