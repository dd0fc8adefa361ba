"""A grid view for one financial table: multi-row header, click-to-sort, Ctrl+C as TSV."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from irviewer.core import export
from irviewer.gui.icons import icon
from irviewer.gui.models.header_layout import header_cells, normalise_header
from irviewer.gui.models.table_grid import LABEL_COLUMN, TableGridModel
from irviewer.gui.widgets.multi_header import MultiRowHeaderView

MIN_COLUMN_WIDTH = 56
MIN_LABEL_WIDTH = 140  # the label column never shrinks below this (or its own width)
LABEL_SHARE = 0.3  # ... nor below this share of the viewport, when numbers must scroll
_LABEL_PAD = 12
_NUMBER_PAD = 10


class TableGridView(QTableView):
    """QTableView with spanning header rows, sorting, and copy of the selection as TSV."""

    copied = Signal(str)  # the TSV text put on the clipboard

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._label_width = 0
        self._fitting = False
        self._auto_label = True
        self.setHorizontalHeader(MultiRowHeaderView(self))
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.horizontalHeader().setStretchLastSection(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)

        self.copy_action = QAction(icon("copy"), "Copy", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.copy_headers_action = QAction("Copy with Headers", self)
        self.copy_headers_action.triggered.connect(lambda: self.copy_selection(headers=True))
        self.select_all_action = QAction("Select All", self)
        self.select_all_action.triggered.connect(self.selectAll)
        self.addAction(self.copy_action)

    # -- sizing -----------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Size number columns to their cells and own headings, widen them under spanning
        headings until those fit, then fit the label column to the room left."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        self._fitting = True
        try:
            for column in range(model.columnCount()):
                width = max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
                if column == LABEL_COLUMN:
                    self._label_width = width + _LABEL_PAD
                    header.resizeSection(column, self._label_width)
                else:
                    header.resizeSection(column, max(width + _NUMBER_PAD, MIN_COLUMN_WIDTH))
            if isinstance(header, MultiRowHeaderView):
                header.fit_spans()
        finally:
            self._fitting = False
        self._auto_label = True
        self._fit_label_column()
        header.updateGeometries()
        self.updateGeometries()

    def label_width_for(self, viewport: int) -> int:
        """The label column's width in a viewport `viewport` pixels wide.

        The number columns keep their fitted widths. When everything fits, the label column
        takes the spare width (the grid fills the view); otherwise it gets what the numbers
        leave, eliding long labels (the full text is the tooltip), but never less than
        MIN_LABEL_WIDTH or LABEL_SHARE of the viewport: below that the numbers scroll.
        """
        model = self.model()
        if model is None or model.columnCount() == 0:
            return 0
        header = self.horizontalHeader()
        numbers = sum(
            header.sectionSize(c) for c in range(model.columnCount()) if c != LABEL_COLUMN
        )
        room = viewport - numbers
        if room >= self._label_width:
            return room
        floor = min(self._label_width, max(MIN_LABEL_WIDTH, int(viewport * LABEL_SHARE)))
        return max(room, floor)

    def _fit_label_column(self) -> None:
        model = self.model()
        if model is None or model.columnCount() == 0 or self._label_width <= 0:
            return
        if not self._auto_label or self._fitting:
            return
        width = self.label_width_for(self.viewport().width())
        header = self.horizontalHeader()
        if header.sectionSize(LABEL_COLUMN) != width:
            self._fitting = True
            try:
                header.resizeSection(LABEL_COLUMN, width)
            finally:
                self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == LABEL_COLUMN and not self._fitting:
            self._auto_label = False  # the user sized it: leave it alone until the next fit

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            self._fit_label_column()  # also when a vertical scroll bar comes or goes
        return handled

    # -- copy -------------------------------------------------------------------------------

    def selected_grid(self, headers: bool = False) -> list[list[str]]:
        """The selected cells as shown (sorted order), as a rectangle; gaps are blank.

        With `headers`, the printed header rows over the selected columns come first.
        """
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes:
            return []
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes}, key=self.horizontalHeader().visualIndex)
        chosen = {(i.row(), i.column()) for i in indexes}
        model = self.model()
        grid = [
            [str(model.index(r, c).data() or "") if (r, c) in chosen else "" for c in columns]
            for r in range(rows[0], rows[-1] + 1)
            if any((r, c) in chosen for c in columns)
        ]
        if headers:
            grid = self._header_rows(columns) + grid
        return grid

    def _header_rows(self, columns: list[int]) -> list[list[str]]:
        source = self.model()
        while source is not None and not isinstance(source, TableGridModel):
            source = getattr(source, "sourceModel", lambda: None)()
        table = source.table() if isinstance(source, TableGridModel) else None
        if table is None:
            return []
        n_columns = source.columnCount()
        printed = normalise_header(table.header_rows, n_columns)
        spans = [c for c in header_cells(table.header_rows, n_columns) if c.spans_columns]
        rows = []
        for level, row in enumerate(printed):
            line = [row[c] for c in columns]
            for cell in (c for c in spans if c.top == level):
                inside = [i for i, c in enumerate(columns) if cell.first <= c <= cell.last]
                if cell.first in columns:
                    line[columns.index(cell.first)] = ""
                if inside:  # a heading goes over the first copied column it covers
                    line[inside[0]] = cell.text
            rows.append(line)
        return rows

    def copy_selection(self, headers: bool = False) -> str:
        """Put the selection on the clipboard as TSV; returns the text (empty: nothing)."""
        grid = self.selected_grid(headers=headers)
        if not grid:
            return ""
        text = export.table_to_tsv(grid)
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
        return text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_menu(self, pos: QPoint) -> None:
        has_selection = bool(self.selectionModel() and self.selectionModel().hasSelection())
        self.copy_action.setEnabled(has_selection)
        self.copy_headers_action.setEnabled(has_selection)
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.addAction(self.copy_headers_action)
        menu.addSeparator()
        menu.addAction(self.select_all_action)
        menu.exec(self.viewport().mapToGlobal(pos))
