"""A Qt table model over one FinancialTable: printed cells shown, parsed numbers sorted.

Vorta-style: column constants, `set_table()` inside a model reset, a sort role with raw
values and record roles that still work through a proxy. Row order is the printed order;
sorting belongs to `SortProxyModel`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from irviewer.core.records import FinancialTable
from irviewer.gui.models.header_layout import HeaderCell, column_titles, header_cells

LABEL_COLUMN = 0

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # float | None in numeric columns, casefolded text else
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's index in the printed table
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's printed cells (list[str])
VALUE_ROLE = Qt.ItemDataRole.UserRole + 4  # the cell's parsed number (float | None)
ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 5  # "line", "section" or "total"
HEADER_CELLS_ROLE = Qt.ItemDataRole.UserRole + 6  # list[HeaderCell] drawn over a section
HEADER_DEPTH_ROLE = Qt.ItemDataRole.UserRole + 7  # number of header levels (int)

_Index = QModelIndex | QPersistentModelIndex
_TOTAL_WORDS = ("total",)


def _numeric_font() -> QFont:
    """The default font with tabular (fixed-width) figures, so digits line up in columns."""
    font = QFont()
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def _row_kind(cells: list[str]) -> str:
    if len(cells) > 1 and not any(c.strip() for c in cells[1:]):
        return "section"
    label = cells[0].strip().casefold() if cells else ""
    if label.startswith(_TOTAL_WORDS):
        return "total"
    return "line"


class TableGridModel(QAbstractTableModel):
    """Rows and columns of one extracted table, in printed order."""

    def __init__(self, table: FinancialTable | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: FinancialTable | None = None
        self._rows: list[list[str]] = []
        self._values: list[list[float | None]] = []
        self._kinds: list[str] = []
        self._numeric: list[bool] = []
        self._header: list[HeaderCell] = []
        self._header_by_column: list[list[HeaderCell]] = []
        self._titles: list[str] = []
        self._depth = 1
        self._number_font = _numeric_font()
        self._bold_font = QFont()
        self._bold_font.setBold(True)
        self._bold_number_font = QFont(self._number_font)
        self._bold_number_font.setBold(True)
        if table is not None:
            self.set_table(table)

    # -- our API ----------------------------------------------------------------------------

    def set_table(self, table: FinancialTable | None) -> None:
        """Show `table` (None clears the model)."""
        self.beginResetModel()
        self._table = table
        rows = table.rows if table else []
        header_rows = table.header_rows if table else []
        n_columns = max([len(r) for r in rows] + [len(r) for r in header_rows] + [0])
        self._rows = [[(c or "") for c in r] + [""] * (n_columns - len(r)) for r in rows]
        values = table.values if table else []
        self._values = []
        for r, row in enumerate(self._rows):
            printed = values[r] if r < len(values) else []
            self._values.append(
                [printed[c] if 0 < c < len(printed) else None for c in range(len(row))]
            )
        self._kinds = [_row_kind(r) for r in self._rows]
        self._numeric = [
            c != LABEL_COLUMN and any(v[c] is not None for v in self._values)
            for c in range(n_columns)
        ]
        self._header = header_cells(header_rows, n_columns) if n_columns else []
        self._header_by_column = [
            [cell for cell in self._header if cell.first <= c <= cell.last]
            for c in range(n_columns)
        ]
        self._titles = column_titles(self._header, n_columns)
        self._depth = max([cell.bottom + 1 for cell in self._header] + [1])
        self.endResetModel()

    def table(self) -> FinancialTable | None:
        return self._table

    def is_numeric_column(self, column: int) -> bool:
        return 0 <= column < len(self._numeric) and self._numeric[column]

    def header_depth(self) -> int:
        return self._depth

    def column_title(self, column: int) -> str:
        return self._titles[column] if 0 <= column < len(self._titles) else ""

    # -- Qt overrides -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._numeric)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._numeric)):
            return None
        text = self._rows[row][column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == SORT_ROLE:
            if self._numeric[column]:
                return self._values[row][column]
            return text.casefold() if text.strip() else None
        if role == VALUE_ROLE:
            return self._values[row][column]
        if role == ROW_ROLE:
            return row
        if role == RECORD_ROLE:
            return list(self._rows[row])
        if role == ROW_KIND_ROLE:
            return self._kinds[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if self._numeric[column] else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            bold = self._kinds[row] != "line"
            if self._numeric[column]:
                return self._bold_number_font if bold else self._number_font
            return self._bold_font if bold else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == LABEL_COLUMN:
                return text or None
            title = self.column_title(column)
            label = self._rows[row][LABEL_COLUMN]
            return f"{label}\n{title}: {text}" if text and title else None
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if not 0 <= section < len(self._numeric):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._titles[section]
        if role == HEADER_CELLS_ROLE:
            return list(self._header_by_column[section])
        if role == HEADER_DEPTH_ROLE:
            return self._depth
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if self._numeric[section]
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignBottom)
        return None
