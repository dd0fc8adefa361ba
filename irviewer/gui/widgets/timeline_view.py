"""The timeline's tree view: uniform rows, and years that grow as the user scrolls into them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from irviewer.gui.models.timeline import FIRST_CHUNK, TimelineModel

FETCH_MARGIN = 40  # rows before the end of a year's shown rows at which it grows
_LIST_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


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
        self.expanded.connect(self._on_expanded)
        self._expanding_all = False

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """A TimelineModel grows its years only when this view says so (``fetch_visible``).

        QTreeView itself would fetch a chunk more for every expanded year at each layout,
        years out of sight included: laying out rows nobody sees made opening slow.
        """
        old = self.model()
        if isinstance(old, TimelineModel):
            old.view_fetches = False
        super().setModel(model)
        if isinstance(model, TimelineModel):
            model.view_fetches = True

    def expand_years(self) -> None:
        """Open every year; the first years (a screenful and more) get their first rows, the
        others when they scroll into view."""
        model = self.model()
        self._expanding_all = True
        try:
            for row in range(model.rowCount()):
                self.expand(model.index(row, 0))
        finally:
            self._expanding_all = False
        if not isinstance(model, TimelineModel):
            return
        shown = 0
        for row in range(model.rowCount()):
            if shown >= FIRST_CHUNK:
                break
            model.grow(model.index(row, 0))
            shown += 1 + model.exposed_rows(row)

    def _on_expanded(self, index: QModelIndex) -> None:
        """A year the user opens shows its first rows at once."""
        model = self.model()
        if (
            not self._expanding_all
            and isinstance(model, TimelineModel)
            and not index.parent().isValid()
            and model.exposed_rows(index.row()) == 0
        ):
            model.grow(index)

    def _group_row(self, index: QModelIndex) -> int:
        parent = index.parent()
        return parent.row() if parent.isValid() else index.row()

    def fetch_visible(self) -> None:
        """Grow every year in view that shows no rows yet or whose last shown row is in view,
        so scrolling never hits a wall."""
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
            if not self.isExpanded(group) or not model.can_grow(group):
                continue
            end_in_view = (
                group_row < last
                or not bottom.isValid()
                or model.exposed_rows(group_row) == 0
                or (
                    bottom.parent().isValid()
                    and bottom.row() >= model.exposed_rows(group_row) - FETCH_MARGIN
                )
            )
            if end_in_view:
                model.grow(group)


class ListKeys(QObject):
    """An event filter for a search box: Up, Down, Page Up and Page Down move through the list
    (selecting its first row when none is current) instead of the text cursor."""

    def __init__(self, view: QTreeView, select_first: Callable[[], Any], parent: QObject) -> None:
        super().__init__(parent)
        self._view = view
        self._select_first = select_first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in _LIST_KEYS:
                if not self._view.currentIndex().isValid():
                    self._select_first()
                else:
                    self._view.keyPressEvent(key_event)
                return True
        return False
