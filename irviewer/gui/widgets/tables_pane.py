"""The Tables tab: every extracted table of a release as a sortable grid, with export.

The current table's title heads the grid; with several tables the title is a combo box that
switches between them (a side list took too much of the grid's width). Units, the sort state
and the grid fill the rest. Each table keeps its own model, proxy and view, so a
sort survives switching tables. Export goes through `irviewer.core.export`; "as shown"
exports pass the proxy's row order.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from irviewer.core import export
from irviewer.core.records import FinancialTable
from irviewer.gui.models.sort_proxy import SortProxyModel
from irviewer.gui.models.table_grid import TableGridModel
from irviewer.gui.widgets.table_list import TableChooser
from irviewer.gui.widgets.table_view import TableGridView
from irviewer.gui.widgets.tone_label import ToneLabel

log = logging.getLogger(__name__)

EMPTY_TEXT = "No tables in this release"
EMPTY_HINT = "Financial statements found in a release appear here as sortable grids."


def table_title(table: FinancialTable, index: int) -> str:
    return (table.title or "").strip() or f"Table {index + 1}"


class TablesPane(QWidget):
    """Shows a release's tables; `set_tables()` replaces them."""

    count_changed = Signal(int)
    exported = Signal(str)  # a one-line message for the status bar
    copied = Signal(str)  # TSV text copied from a grid

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tables: list[FinancialTable] = []
        self._stem = "tables"
        self._models: list[TableGridModel] = []
        self._proxies: list[SortProxyModel] = []
        self._views: list[TableGridView] = []
        self._last_dir = Path.home()
        self._build()
        self.set_tables([], "")

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self._pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        self._empty_label = QLabel(EMPTY_TEXT)
        font = QFont(self._empty_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self._empty_label.setFont(font)
        hint = ToneLabel(EMPTY_HINT)
        hint.setWordWrap(True)
        for label in (self._empty_label, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty_layout.addWidget(label)
        empty_layout.addStretch(2)
        self._pages.addWidget(empty)

        content = QWidget()
        self._pages.addWidget(content)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(self._build_toolbar())
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        content_layout.addWidget(line)
        detail = QWidget()
        content_layout.addWidget(detail, 1)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(10, 8, 10, 8)
        detail_layout.setSpacing(2)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self._title = QLabel()
        self._title.setWordWrap(True)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._title.setFont(title_font)
        detail_layout.addWidget(self._title)
        self._chooser = TableChooser()
        self._chooser.setFont(title_font)
        self._chooser.currentIndexChanged.connect(self._show_table)
        detail_layout.addWidget(self._chooser, 0, Qt.AlignmentFlag.AlignLeft)
        info = QHBoxLayout()
        info.setSpacing(12)
        self._units = ToneLabel()
        self._units.setWordWrap(True)
        info.addWidget(self._units, 1)
        self._sort_label = QLabel()
        self._sort_label.setTextFormat(Qt.TextFormat.RichText)
        self._sort_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._sort_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._sort_label.setToolTip("A third click on the sorted header also restores it")
        self._sort_label.linkActivated.connect(lambda _link: self.restore_printed_order())
        info.addWidget(self._sort_label, 0)
        detail_layout.addLayout(info)
        detail_layout.addSpacing(6)

        self._stack = QStackedWidget()
        detail_layout.addWidget(self._stack, 1)

    def _build_toolbar(self) -> QWidget:
        bar = QWidget()
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(6)
        self._count_label = ToneLabel()
        layout.addWidget(self._count_label)
        layout.addStretch(1)
        self.export_csv_button = QToolButton()
        self.export_csv_button.setText("Export CSV…")
        self.export_csv_button.setToolTip("Save this table as CSV, rows in the order shown")
        self.export_csv_button.clicked.connect(self._ask_export_csv)
        self.export_all_button = QToolButton()
        self.export_all_button.setText("Export All Tables…")
        self.export_all_button.setToolTip("Save every table of this release as CSV files")
        self.export_all_button.clicked.connect(self._ask_export_all)
        self.export_xlsx_button = QToolButton()
        self.export_xlsx_button.setText("Export XLSX…")
        self.export_xlsx_button.setToolTip(
            "Save every table of this release in one Excel workbook, numbers stored as numbers"
        )
        self.export_xlsx_button.clicked.connect(self._ask_export_xlsx)
        for button in (
            self.export_csv_button,
            self.export_all_button,
            self.export_xlsx_button,
        ):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            layout.addWidget(button)
        return bar

    # -- public API -------------------------------------------------------------------------

    def set_tables(self, tables: list[FinancialTable], stem: str) -> None:
        """Show `tables`; `stem` names exported files (e.g. the release's date and headline)."""
        self._tables = list(tables)
        self._stem = stem.strip() or "tables"
        self._chooser.blockSignals(True)
        self._chooser.clear()
        while self._stack.count():
            widget = self._stack.widget(0)
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self._models, self._proxies, self._views = [], [], []
        for index, table in enumerate(self._tables):
            view = TableGridView()  # owns its proxy and model: both go when the view goes
            proxy = SortProxyModel(view)
            model = TableGridModel(table, proxy)
            proxy.setSourceModel(model)
            view.setModel(proxy)
            view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            view.fit_columns()
            view.copied.connect(self.copied)
            view.horizontalHeader().sortIndicatorChanged.connect(self._update_buttons)
            self._models.append(model)
            self._proxies.append(proxy)
            self._views.append(view)
            self._stack.addWidget(view)
            self._chooser.add_table(table_title(table, index), self._details(table))
        self._chooser.blockSignals(False)
        several = len(self._tables) > 1
        self._chooser.setVisible(several)  # several tables: the title is the chooser
        self._title.setVisible(not several)
        count = len(self._tables)
        self._count_label.setText(f"{count} table{'s' if count != 1 else ''}")
        self.export_all_button.setEnabled(count > 0)
        self._pages.setCurrentIndex(1 if self._tables else 0)
        if self._tables:
            self._chooser.setCurrentIndex(0)
            self._show_table(0)
        self.count_changed.emit(len(self._tables))

    def table_count(self) -> int:
        return len(self._tables)

    def current_index(self) -> int:
        return self._stack.currentIndex() if self._tables else -1

    def set_current_table(self, index: int) -> None:
        if 0 <= index < len(self._tables):
            self._chooser.setCurrentIndex(index)

    def view(self, index: int) -> TableGridView | None:
        return self._views[index] if 0 <= index < len(self._views) else None

    def model(self, index: int) -> SortProxyModel | None:
        """The sort proxy of table `index` (its source is a TableGridModel)."""
        return self._proxies[index] if 0 <= index < len(self._proxies) else None

    def first_table_model(self) -> QSortFilterProxyModel | None:
        """The first table's proxy model (rows as shown), or None without tables."""
        return self.model(0)

    def sort_first_table_by(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        if self._views:
            self._views[0].sortByColumn(column, order)

    def row_order(self, index: int) -> list[int]:
        """Printed-row indexes of table `index` in the order shown."""
        proxy = self.model(index)
        return proxy.row_order() if proxy else []

    def restore_printed_order(self) -> None:
        """Undo sorting on the current table (a third header click does the same)."""
        view = self.view(self.current_index())
        if view is not None:
            view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._update_buttons()

    # -- export (direct; the buttons ask for a path first) -------------------------------------

    def default_csv_name(self, index: int) -> str:
        """The name `export_tables_csv` would give table `index`."""
        base = export.safe_name(self._stem) or "table"
        title = export.safe_name(self._tables[index].title)
        return f"{base}-{index + 1:02d}" + (f"-{title}" if title else "") + ".csv"

    def export_table_csv(self, index: int, path: str | Path) -> Path:
        """Write table `index` to `path` as CSV, rows in the order shown."""
        path = Path(path)
        export.write_table_csv(self._tables[index], path, self.row_order(index))
        self.exported.emit(f"Exported “{table_title(self._tables[index], index)}” to {path}")
        return path

    def export_all_csv(self, folder: str | Path) -> list[Path]:
        """Write every table as CSV into `folder`; returns the files written."""
        paths = export.export_tables_csv(self._tables, Path(folder), self._stem)
        self.exported.emit(f"Exported {len(paths)} table(s) to {folder}")
        return list(paths)

    def export_xlsx(self, path: str | Path) -> Path:
        """Write every table to one workbook (one sheet per table, numbers as numbers)."""
        path = Path(path)
        # One table: rows as shown; several: printed order (write_xlsx takes one order).
        order = self.row_order(0) if len(self._tables) == 1 else None
        export.write_xlsx(self._tables, path, order)
        self.exported.emit(f"Exported {len(self._tables)} table(s) to {path}")
        return path

    # -- internals --------------------------------------------------------------------------

    @staticmethod
    def _details(table: FinancialTable) -> str:
        details = [f"{len(table.rows)} rows"]
        if table.page:
            details.append(f"page {table.page}")
        return " · ".join(details)

    def _show_table(self, index: int) -> None:
        if not 0 <= index < len(self._tables):
            return
        table = self._tables[index]
        self._stack.setCurrentIndex(index)
        self._title.setText(table_title(table, index))
        if self._chooser.currentIndex() != index:
            self._chooser.setCurrentIndex(index)
        units = (table.units or "").strip()
        if table.page:
            units = f"{units} · page {table.page}" if units else f"page {table.page}"
        self._units.setText(units)
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.view(self.current_index())
        header = view.horizontalHeader() if view is not None else None
        column = header.sortIndicatorSection() if header is not None else -1
        if view is None or column < 0:
            self._sort_label.setText("")
            return
        model = self._models[self.current_index()]
        title = model.column_title(column) or (
            "line item" if column == 0 else f"column {column + 1}"
        )
        ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        if model.is_numeric_column(column):
            direction = "smallest first" if ascending else "largest first"
        else:
            direction = "A to Z" if ascending else "Z to A"
        self._sort_label.setText(
            f'Sorted by “{html.escape(title)}”, {direction} · <a href="printed">Printed order</a>'
        )

    def _remember_dir(self, path: Path) -> None:
        self._last_dir = path if path.is_dir() else path.parent

    def _warn(self, what: str, error: Exception) -> None:
        log.warning("%s failed: %s", what, error)
        QMessageBox.warning(self, what, f"{what} failed:\n{error}")

    def _ask_export_csv(self) -> None:
        index = self.current_index()
        if index < 0:
            return
        suggested = str(self._last_dir / self.default_csv_name(index))
        name, _ = QFileDialog.getSaveFileName(
            self, "Export Table as CSV", suggested, "CSV files (*.csv)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".csv") else Path(name + ".csv")
        try:
            self.export_table_csv(index, path)
        except (OSError, ValueError) as error:
            self._warn("Export CSV", error)
        self._remember_dir(path)

    def _ask_export_all(self) -> None:
        if not self._tables:
            return
        folder = QFileDialog.getExistingDirectory(
            self, "Export All Tables to Folder", str(self._last_dir)
        )
        if not folder:
            return
        try:
            self.export_all_csv(folder)
        except (OSError, ValueError) as error:
            self._warn("Export all tables", error)
        self._remember_dir(Path(folder))

    def _ask_export_xlsx(self) -> None:
        if not self._tables:
            return
        suggested = str(self._last_dir / f"{export.safe_name(self._stem) or 'tables'}.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, "Export Tables as XLSX", suggested, "Excel workbooks (*.xlsx)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        try:
            self.export_xlsx(path)
        except (OSError, ValueError) as error:
            self._warn("Export XLSX", error)
        self._remember_dir(path)
