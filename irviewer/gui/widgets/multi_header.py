"""A horizontal header that draws a table's printed header rows, with spanning headings.

The model describes the layout through `HEADER_DEPTH_ROLE` and `HEADER_CELLS_ROLE`
(see `models/header_layout.py`); each section paints every cell that covers it, whole, so
a heading spanning several columns reads as one cell. Clicking still sorts by the clicked
column; the sort arrow sits in the column's bottom cell.

The header is as tall as its text lines plus one padding band above and below (not a padding
per level), and `fit_spans()` widens the columns under a spanning heading until it fits; a
heading that still does not fit (a user narrowed a column) is elided, never clipped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

from irviewer.gui.models.header_layout import HeaderCell
from irviewer.gui.models.table_grid import HEADER_CELLS_ROLE, HEADER_DEPTH_ROLE

_PAD_X = 4
_PAD_Y = 3  # above the first and below the last text line
_LINE_GAP = 2  # between header levels
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
        """The height of one header level: a text line and a small gap."""
        return self.fontMetrics().lineSpacing() + _LINE_GAP

    def header_height(self) -> int:
        return self.depth() * self.level_height() + 2 * _PAD_Y

    def text_width(self, text: str) -> int:
        metrics = self.fontMetrics()
        lines = text.split("\n") if text else [""]
        return max(metrics.horizontalAdvance(line) for line in lines) + 2 * _PAD_X

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        own = [c for c in self.cells(logical_index) if not c.spans_columns]
        width = max([self.text_width(c.text) for c in own] + [2 * _PAD_X])
        return QSize(width + _ARROW, self.header_height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self.header_height())
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

    def _level_top(self, level: int, rect: QRect) -> int:
        return rect.top() + _PAD_Y + level * self.level_height()

    def _cell_rect(self, cell: HeaderCell, rect: QRect) -> QRect:
        """The cell's frame: its levels' band, stretched to the header's edges at the top
        and bottom levels."""
        left = self.sectionViewportPosition(cell.first)
        right = self.sectionViewportPosition(cell.last) + self.sectionSize(cell.last)
        top = rect.top() if cell.top == 0 else self._level_top(cell.top, rect)
        if cell.bottom >= self.depth() - 1:
            bottom = rect.bottom()
        else:
            bottom = self._level_top(cell.bottom + 1, rect) - 1
        return QRect(left, top, right - left, bottom - top + 1)

    def _text_rect(self, cell: HeaderCell, cell_rect: QRect, rect: QRect) -> QRect:
        """Where the cell's text lines go: its levels' band, inside the side padding."""
        top = self._level_top(cell.top, rect)
        bottom = self._level_top(cell.bottom + 1, rect) - _LINE_GAP
        return QRect(cell_rect.left() + _PAD_X, top, cell_rect.width() - 2 * _PAD_X, bottom - top)

    def _fitted_text(self, text: str, width: int) -> str:
        metrics = self.fontMetrics()
        return "\n".join(
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
            for line in text.split("\n")
        )

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
            text_rect = self._text_rect(cell, cell_rect, rect)
            sorted_here = (
                cell.bottom >= depth - 1
                and not cell.spans_columns
                and self.sortIndicatorSection() == logical_index
            )
            if sorted_here:
                self._draw_arrow(painter, option, text_rect, align)
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
            room = text_rect.width() - (_ARROW if sorted_here else 0)
            painter.drawText(text_rect, int(align), self._fitted_text(cell.text, room))
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
