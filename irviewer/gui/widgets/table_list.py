"""The list of a release's tables beside the grid: a wrapped title over muted details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from irviewer.gui.style import muted_color

DETAILS_ROLE = Qt.ItemDataRole.UserRole + 1
_PAD = 8
_GAP = 2


class _TableItemDelegate(QStyledItemDelegate):
    """Title (wrapped) and a muted details line, with room around them."""

    def _width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget
        width = widget.viewport().width() if widget is not None else option.rect.width()
        return max(80, width - 2 * _PAD)

    def _title_rect(self, option: QStyleOptionViewItem, text: str, width: int) -> QRect:
        flags = int(Qt.TextFlag.TextWordWrap)
        return option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), flags, text)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._width(option)
        title = self._title_rect(option, str(index.data() or ""), width)
        height = title.height() + _GAP + option.fontMetrics.height() + 2 * _PAD
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
        painter.save()
        painter.setPen(palette.color(text_role))
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        flags = int(Qt.TextFlag.TextWordWrap | top_left)
        bound = painter.boundingRect(area, flags, title)
        painter.drawText(area, flags, title)
        small = QFont(opt.font)
        small.setPointSizeF(opt.font.pointSizeF() * 0.9)
        painter.setFont(small)
        muted = palette.color(text_role) if selected else muted_color(palette)
        painter.setPen(muted)
        details_rect = QRect(area.left(), bound.bottom() + _GAP, area.width(), area.height())
        painter.drawText(details_rect, int(top_left), details)
        painter.restore()


class TableListWidget(QListWidget):
    """One item per table; the text is the title, details go in DETAILS_ROLE."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_TableItemDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumWidth(160)

    def add_table(self, title: str, details: str) -> QListWidgetItem:
        item = QListWidgetItem(title)
        item.setData(DETAILS_ROLE, details)
        item.setToolTip(title)
        self.addItem(item)
        return item

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped heights depend on the width
