"""Sort a grid on its raw values: numbers as numbers, text by text, blanks always last."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from irviewer.gui.models.table_grid import ROW_ROLE, SORT_ROLE

_Index = QModelIndex | QPersistentModelIndex


class SortProxyModel(QSortFilterProxyModel):
    """Sorts on `SORT_ROLE`. A None (blank cell, dash, `n/m`) sorts after every value in both
    orders, and equal values keep their printed order. `sort(-1)` restores the printed order.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        role = self.sortRole()
        a = left.data(role)
        b = right.data(role)
        descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
        if a is None or b is None:
            if a is None and b is None:
                return self._printed_before(left, right, descending)
            # Qt reverses lessThan for a descending sort: keep blanks at the end regardless.
            return (b is None) != descending
        if isinstance(a, float | int) != isinstance(b, float | int):
            # Mixed column: numbers before text.
            return isinstance(a, float | int) != descending
        if a == b:
            return self._printed_before(left, right, descending)
        return bool(a < b)

    @staticmethod
    def _printed_before(left: _Index, right: _Index, descending: bool) -> bool:
        """Ties keep the printed order in either sort direction."""
        return (left.data(ROW_ROLE) < right.data(ROW_ROLE)) != descending

    def row_order(self) -> list[int]:
        """The printed-row index of each row as currently shown, top to bottom."""
        source = self.sourceModel()
        if source is None:
            return []
        return [self.mapToSource(self.index(row, 0)).row() for row in range(self.rowCount())]
