"""A horizontal header that draws a table's printed header rows, with spanning headings.

The model describes the layout through `HEADER_DEPTH_ROLE` and `HEADER_CELLS_ROLE`
(see `models/header_layout.py`); each section paints every cell that covers it, whole, so
a heading spanning several columns reads as one cell. Clicking still sorts by the clicked
column; the sort arrow sits in the column's bottom cell.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

from irviewer.gui.models.header_layout import HeaderCell
from irviewer.gui.models.table_grid import HEADER_CELLS_ROLE, HEADER_DEPTH_ROLE

_PAD_X = 4
_PAD_Y = 4
_ARROW = 18  # room for the sort indicator


class MultiRowHeaderView(QHeaderView):
    """Horizontal header with one row per printed header level."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setSortIndicatorShown(True)
        self.setSortIndicatorClearable(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    # -- layout -----------------------------------------------------------------------------

    def depth(self) -> int:
        model = self.model()
        if model is None or model.columnCount() == 0:
            return 1
        depth = model.headerData(0, self.orientation(), HEADER_DEPTH_ROLE)
        return depth if isinstance(depth, int) and depth > 0 else 1

    def cells(self, section: int) -> list[HeaderCell]:
        model = self.model()
        if model is None:
            return []
        cells = model.headerData(section, self.orientation(), HEADER_CELLS_ROLE)
        return cells if isinstance(cells, list) else []

    def level_height(self) -> int:
        return self.fontMetrics().height() + 2 * _PAD_Y

    def text_width(self, text: str) -> int:
        metrics = self.fontMetrics()
        lines = text.split("\n") if text else [""]
        return max(metrics.horizontalAdvance(line) for line in lines) + 2 * _PAD_X

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        own = [c for c in self.cells(logical_index) if not c.spans_columns]
        width = max([self.text_width(c.text) for c in own] + [2 * _PAD_X])
        return QSize(width + _ARROW, self.depth() * self.level_height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self.depth() * self.level_height())
        return hint

    def fit_spans(self) -> None:
        """Widen the columns under each spanning heading until the heading fits."""
        model = self.model()
        if model is None:
            return
        seen: set[tuple[int, int, int]] = set()
        for section in range(model.columnCount()):
            for cell in self.cells(section):
                key = (cell.first, cell.last, cell.top)
                if not cell.spans_columns or key in seen:
                    continue
                seen.add(key)
                columns = range(cell.first, cell.last + 1)
                have = sum(self.sectionSize(c) for c in columns)
                need = self.text_width(cell.text) + 2 * _PAD_X
                if need > have:
                    extra, rest = divmod(need - have, len(columns))
                    for i, c in enumerate(columns):
                        self.resizeSection(c, self.sectionSize(c) + extra + (1 if i < rest else 0))

    # -- painting ---------------------------------------------------------------------------

    def _cell_rect(self, cell: HeaderCell, rect: QRect) -> QRect:
        left = self.sectionViewportPosition(cell.first)
        right = self.sectionViewportPosition(cell.last) + self.sectionSize(cell.last)
        height = self.level_height()
        top = rect.top() + cell.top * height
        bottom = (
            rect.bottom()
            if cell.bottom >= self.depth() - 1
            else top + (cell.bottom - cell.top + 1) * height - 1
        )
        return QRect(left, top, right - left, bottom - top + 1)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if not rect.isValid():
            return
        cells = self.cells(logical_index)
        if not cells:
            super().paintSection(painter, rect, logical_index)
            return
        alignment = self.model().headerData(
            logical_index, self.orientation(), Qt.ItemDataRole.TextAlignmentRole
        )
        own_alignment = (
            Qt.AlignmentFlag(alignment) if alignment is not None else self.defaultAlignment()
        )
        depth = self.depth()
        for cell in cells:
            cell_rect = self._cell_rect(cell, rect)
            option = QStyleOptionHeader()
            self.initStyleOption(option)
            option.rect = cell_rect
            option.section = logical_index
            option.orientation = self.orientation()
            option.position = QStyleOptionHeader.SectionPosition.Middle
            option.state |= QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            painter.save()
            self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
            align = Qt.AlignmentFlag.AlignCenter if cell.spans_columns else own_alignment
            text_rect = cell_rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
            sorted_here = (
                cell.bottom >= depth - 1
                and not cell.spans_columns
                and self.sortIndicatorSection() == logical_index
            )
            if sorted_here:
                self._draw_arrow(painter, option, text_rect, align)
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
            painter.drawText(text_rect, int(align), cell.text)
            painter.restore()

    def _draw_arrow(
        self, painter: QPainter, option: QStyleOptionHeader, text_rect: QRect, align: Any
    ) -> None:
        """The sort arrow beside the bottom text line: left of right-aligned text, else right."""
        size = max(7, self.fontMetrics().height() // 2)
        line = self.fontMetrics().height()
        top = text_rect.bottom() - line + (line - size) // 2 + 1
        if align & Qt.AlignmentFlag.AlignRight:
            left = text_rect.left() - _PAD_X // 2
        else:
            left = text_rect.right() - size + _PAD_X // 2
        arrow = QStyleOptionHeader(option)
        arrow.rect = QRect(left, top, size, size)
        element = (
            QStyle.PrimitiveElement.PE_IndicatorArrowUp
            if self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            else QStyle.PrimitiveElement.PE_IndicatorArrowDown
        )
        self.style().drawPrimitive(element, arrow, painter, self)
