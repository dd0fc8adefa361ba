"""The table chooser over the grid: a combo box whose popup lists titles over muted details.

It replaces a side list that took ~200 px from the grid. Closed, it reads as the table's
heading (the title, elided in the middle when too long, with the full title as a tooltip);
open, each entry shows the wrapped title over "12 rows · page 3".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
)

from irviewer.gui.style import muted_color

DETAILS_ROLE = Qt.ItemDataRole.UserRole + 1
_PAD = 8
_GAP = 2
_POPUP_WIDTH = 460  # the popup may be wider than the closed combo, up to this


class _TableItemDelegate(QStyledItemDelegate):
    """Title (wrapped) and a muted details line, with room around them."""

    def _width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget
        width = widget.viewport().width() if widget is not None else option.rect.width()
        return max(80, width - 2 * _PAD)

    @staticmethod
    def _metrics(option: QStyleOptionViewItem) -> QFontMetrics:
        """The list's own font (the option's may be the closed combo's bold heading font)."""
        widget = option.widget
        return QFontMetrics(widget.font()) if widget is not None else option.fontMetrics

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._width(option)
        metrics = self._metrics(option)
        flags = int(Qt.TextFlag.TextWordWrap)
        title = metrics.boundingRect(QRect(0, 0, width, 10_000), flags, str(index.data() or ""))
        height = title.height() + _GAP + metrics.height() + 2 * _PAD
        return QSize(width + 2 * _PAD, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, details = opt.text, str(index.data(DETAILS_ROLE) or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        font = opt.widget.font() if opt.widget is not None else opt.font
        painter.save()
        painter.setFont(font)
        painter.setPen(palette.color(text_role))
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        flags = int(Qt.TextFlag.TextWordWrap | top_left)
        bound = painter.boundingRect(area, flags, title)
        painter.drawText(area, flags, title)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(small)
        muted = palette.color(text_role) if selected else muted_color(palette)
        painter.setPen(muted)
        details_rect = QRect(area.left(), bound.bottom() + _GAP, area.width(), area.height())
        painter.drawText(details_rect, int(top_left), details)
        painter.restore()


class TableChooser(QComboBox):
    """One entry per table; the text is the title, details go in DETAILS_ROLE.

    `currentIndexChanged(int)` reports the chosen table.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_TableItemDelegate(self))
        # As wide as the longest title when there is room (add it with AlignLeft), narrower
        # (eliding) when not.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setMaxVisibleItems(12)
        self.setAccessibleName("Table")
        self.currentIndexChanged.connect(self._update_tooltip)

    def add_table(self, title: str, details: str) -> int:
        """Append a table; returns its index."""
        self.addItem(title)
        index = self.count() - 1
        self.setItemData(index, details, DETAILS_ROLE)
        self.setItemData(index, f"{title}\n{details}", Qt.ItemDataRole.ToolTipRole)
        return index

    def details(self, index: int) -> str:
        return str(self.itemData(index, DETAILS_ROLE) or "")

    def title_is_elided(self) -> bool:
        """Whether the closed combo shows less than the whole current title."""
        return self._shown_text() != self.currentText()

    def minimumSizeHint(self) -> QSize:
        """Room for a dozen characters: a long title elides instead of widening the pane."""
        hint = super().minimumSizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = QSize(self.fontMetrics().averageCharWidth() * 12, self.fontMetrics().height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(min(hint.width(), size.width()), hint.height())

    def showPopup(self) -> None:
        view = self.view()
        view.setFont(QApplication.font(view))  # the closed combo may be bold, the list is not
        view.setMinimumWidth(max(self.width(), min(_POPUP_WIDTH, self.window().width() // 2)))
        super().showPopup()

    def _text_rect(self) -> QRect:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )

    def _shown_text(self) -> str:
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideMiddle, max(0, self._text_rect().width() - 4)
        )

    def paintEvent(self, event: Any) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self._shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def _update_tooltip(self, index: int) -> None:
        self.setToolTip(str(self.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""))
