"""The timeline's tree view: uniform rows, and years that grow as the user scrolls into them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from irviewer.gui.models.timeline import TimelineModel

FETCH_MARGIN = 40  # rows before the end of a year's shown rows at which it grows


class TimelineView(QTreeView):
    """The tree, tuned for long lists: uniform rows, no per-row size queries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setExpandsOnDoubleClick(True)
        self.setMouseTracking(True)
        self.setAnimated(False)
        self.setAllColumnsShowFocus(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self.fetch_visible)
        bar.rangeChanged.connect(lambda _lo, _hi: self.fetch_visible())

    def expand_years(self) -> None:
        """Open every year (each shows its first chunk; more arrives while scrolling)."""
        model = self.model()
        for row in range(model.rowCount()):
            self.expand(model.index(row, 0))

    def _group_row(self, index: QModelIndex) -> int:
        parent = index.parent()
        return parent.row() if parent.isValid() else index.row()

    def fetch_visible(self) -> None:
        """Grow every year whose last shown row is in view, so scrolling never hits a wall."""
        model = self.model()
        if not isinstance(model, TimelineModel) or model.search_mode or not model.rowCount():
            return
        area = self.viewport().rect()
        top = self.indexAt(QPoint(1, area.top() + 1))
        bottom = self.indexAt(QPoint(1, area.bottom() - 1))
        if not top.isValid():
            return  # not laid out yet
        first = self._group_row(top)
        last = self._group_row(bottom) if bottom.isValid() else model.rowCount() - 1
        for group_row in range(first, last + 1):
            group = model.index(group_row, 0)
            if not self.isExpanded(group) or not model.canFetchMore(group):
                continue
            end_in_view = (
                group_row < last
                or not bottom.isValid()
                or (
                    bottom.parent().isValid()
                    and bottom.row() >= model.exposed_rows(group_row) - FETCH_MARGIN
                )
            )
            if end_in_view:
                model.fetchMore(group)
