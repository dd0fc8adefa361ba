"""The timeline pane: search box, kind and company filters, match count and the release tree."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from irviewer.gui import icons
from irviewer.gui.models.timeline import PAGE_SIZE, TimelineModel
from irviewer.gui.models.timeline_roles import SearchRow, count_text
from irviewer.gui.queries import (
    SearchResult,
    fill_search_hits,
    load_page,
    run_search,
)
from irviewer.gui.style import kind_icon, kind_label
from irviewer.gui.tasks import TaskRunner
from irviewer.gui.widgets.timeline_delegate import TimelineDelegate
from irviewer.gui.widgets.timeline_view import ListKeys, TimelineView

__all__ = ["TimelinePane", "TimelineView"]

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 250
ALL = None


class TimelinePane(QWidget):
    """Lists the library's releases; emits ``release_selected`` when the user picks one.

    Signals:
        release_selected(object): the selected release id, or None for no release.
        search_changed(list): the terms of the current search (empty when cleared).
        listing_changed(): the model was reset (filter, search or reload).
    """

    release_selected = Signal(object)
    search_changed = Signal(list)
    listing_changed = Signal()
    search_finished = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._library: Path | None = None
        self._current_id: int | None = None
        self._terms: list[str] = []
        self._limited = False
        self.model = TimelineModel(parent=self)
        self.delegate = TimelineDelegate(self)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("Search releases  (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setAccessibleName("Search releases")

        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName("Filter by kind")
        self.kind_filter.setToolTip("Show one kind of release")
        self.company_filter = QComboBox(self)
        self.company_filter.setAccessibleName("Filter by company")
        self.company_filter.setToolTip("Show one company's releases")
        self.company_filter.setMinimumContentsLength(12)
        self.company_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")

        self.view = TimelineView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName("Timeline")
        self._keys = ListKeys(self.view, self.select_first, self)  # Up/Down from the search box
        self.search_box.installEventFilter(self._keys)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.company_filter, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_search)
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.search_box.returnPressed.connect(self._on_return)
        self.kind_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.company_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(self._on_data_changed)

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear_search)
        self._update_count()

    # -- library --------------------------------------------------------------------------------

    def set_library(self, store: Any | None, path: Path | None) -> None:
        """Show this store's releases (``path``: the file workers open for searches)."""
        self._runner.drop("search")
        self._library = path
        self.model.set_page_loader(self._load_page if path is not None else None)
        self.model.set_hit_loader(self._fill_hits if path is not None else None)
        self._current_id = None
        self._fill_filters(store)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self._terms = []
        self.model.set_store(store, self._selected_kinds(), self._selected_company())
        self._expand_groups()
        self.release_selected.emit(None)

    def reload(self, store: Any | None = None) -> None:
        """Re-read the listing (after an import or a correction), keeping the selection."""
        if store is not None:
            self._fill_filters(store)
        if self.model.search_mode:
            self._start_search()
        else:
            self.model.reload()
        self._expand_groups()

    def _fill_filters(self, store: Any | None) -> None:
        kind = self._selected_kinds()
        company = self._selected_company()
        for combo in (self.kind_filter, self.company_filter):
            combo.blockSignals(True)
            combo.clear()
        self.kind_filter.addItem("All kinds", ALL)
        self.company_filter.addItem("All companies", ALL)
        if store is not None:
            for name in store.kinds_present():
                self.kind_filter.addItem(kind_icon(name), kind_label(name), name)
            for name in store.companies():
                self.company_filter.addItem(name, name)
        if kind:
            self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind[0])))
        if company:
            self.company_filter.setCurrentIndex(max(0, self.company_filter.findData(company)))
        for combo in (self.kind_filter, self.company_filter):
            combo.blockSignals(False)

    # -- filters and search ----------------------------------------------------------------------

    def _selected_kinds(self) -> list[str] | None:
        data = self.kind_filter.currentData()
        return [data] if data else None

    def _selected_company(self) -> str | None:
        data = self.company_filter.currentData()
        return data or None

    def set_kind_filter(self, kind: str | None) -> None:
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)) if kind else 0)

    def set_company_filter(self, company: str | None) -> None:
        index = self.company_filter.findData(company) if company else 0
        self.company_filter.setCurrentIndex(max(0, index))

    def _on_filter_changed(self) -> None:
        self.model.set_filter(self._selected_kinds(), self._selected_company())
        if self.model.search_mode:
            self._start_search()
        self._expand_groups()

    def set_search_text(self, text: str) -> None:
        """Type ``text`` into the search box (the search starts after the debounce delay)."""
        self.search_box.setText(text)

    def search_now(self) -> None:
        """Run the pending search at once (skips the debounce delay)."""
        self._debounce.stop()
        self._start_search()

    def clear_search(self) -> None:
        if self.search_box.text():
            self.search_box.clear()
            self.search_now()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @property
    def terms(self) -> list[str]:
        return list(self._terms)

    def _start_search(self) -> None:
        query = self.search_box.text().strip()
        if not query or self._library is None:
            self._runner.drop("search")
            was_search = self.model.search_mode
            self._terms = []
            self.delegate.search_mode = False
            self.model.clear_search()
            if was_search:
                self._expand_groups()
                self.search_changed.emit([])
            self.search_finished.emit(query)
            return
        self._runner.submit(
            run_search,
            self._library,
            query,
            self.model.kinds,
            self.model.company,
            key="search",
            on_result=self._on_search_result,
            on_error=self._on_search_error,
        )

    def _on_search_result(self, result: SearchResult) -> None:
        if result.query != self.search_box.text().strip():
            return  # the user typed on; a newer search is on its way
        self._terms = list(result.terms)
        self._limited = result.limited
        self.delegate.search_mode = True
        self.model.set_search_results(result.query, result.rows)
        self.search_changed.emit(self.terms)
        self.search_finished.emit(result.query)

    def _on_search_error(self, message: str) -> None:
        log.warning("search failed: %s", message)
        self.count_label.setText(f"Search failed: {message}")
        self.search_finished.emit(self.search_box.text().strip())

    def _on_return(self) -> None:
        self.search_now()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid():
            self.select_first()

    # -- selection --------------------------------------------------------------------------------

    @property
    def current_id(self) -> int | None:
        return self._current_id

    def select_release(
        self,
        release_id: int,
        on_missing: Callable[[], Any] | None = None,
        read_now: bool = False,
    ) -> bool:
        """Select and reveal a release; False (after running ``on_missing``) when the listing
        does not show it.

        Its place is an index lookup (``store.position``, a millisecond or two at 100,000
        releases); the row itself loads in the background, or at once with ``read_now``
        (the selection a library opens with: painted without a "Loading…" row first).
        """
        index = self.model.index_of_id(release_id, read_now=read_now)
        if not index.isValid():
            if on_missing is not None:
                on_missing()
            return False
        self._reveal(index, release_id)
        return True

    def _reveal(self, index: QModelIndex, release_id: int | None) -> None:
        parent = index.parent()
        if parent.isValid():
            self.view.expand(parent)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if release_id is not None and release_id != self._current_id:
            self._current_id = release_id  # the row itself may still be loading
            self.release_selected.emit(release_id)

    def select_first(self, read_now: bool = False) -> bool:
        index = self.model.first_release_index(read_now=read_now)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        release_id = self.model.release_id(current)
        if release_id is None:
            return  # a year row, or a row still loading (see _on_data_changed)
        if release_id != self._current_id:
            self._current_id = release_id
            self.release_selected.emit(release_id)

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: Any) -> None:
        """A page arrived: if it holds the current row, that row's release is now known."""
        current = self.view.currentIndex()
        if (
            current.isValid()
            and current.parent() == top_left.parent()
            and top_left.row() <= current.row() <= bottom_right.row()
        ):
            self._on_current_changed(current, current)

    def _after_reset(self) -> None:
        self._update_count()
        if self._current_id is not None:
            self.select_release(self._current_id)
        if self.model.search_mode:
            self.view.scrollToTop()  # best hits first; the selection stays marked among them
        self.listing_changed.emit()

    def _expand_groups(self) -> None:
        if not self.model.search_mode:
            self.view.expand_years()
            current = self.view.currentIndex()
            if current.isValid():
                self.view.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    # -- background page loads --------------------------------------------------------------------

    def _load_page(self, generation: int, page_no: int) -> None:
        model = self.model
        self._runner.submit(
            load_page,
            self._library,
            page_no,
            PAGE_SIZE,
            model.kinds,
            model.company,
            lambda: model.page_wanted(generation, page_no),
            on_result=lambda rows: model.page_arrived(generation, page_no, rows),
            on_error=lambda _message: model.page_failed(generation, page_no),
        )

    def _fill_hits(self, serial: int, page_no: int, rows: list[SearchRow]) -> None:
        model = self.model
        self._runner.submit(
            fill_search_hits,
            self._library,
            model.query,
            rows,
            on_result=lambda filled: model.hits_arrived(serial, page_no, filled),
            on_error=lambda _message: model.hits_failed(serial, page_no),
        )

    def _update_count(self) -> None:
        model = self.model
        filtered = bool(model.kinds or model.company)
        self.count_label.setText(
            count_text(
                model.release_count(), model.search_mode, model.query, self._limited, filtered
            )
        )
