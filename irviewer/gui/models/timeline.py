"""The timeline: releases grouped by year, newest first, 'Undated' last; or ranked search hits.

Built for large libraries:
- the model knows only the year counts up front and loads listing rows (``store.summaries``:
  ids and listing columns, never bodies) a page at a time, when a view asks for a row it has not
  seen; pages live in a small LRU cache, so memory stays flat however far the user scrolls;
- a year shows no rows until a view fetches them: its first ``FIRST_CHUNK`` rows (more than a
  screenful), then ``CHUNK`` more each time the view reaches the end of what it shows. A
  QTreeView lays out every shown row of every expanded year through Python calls (about 1 s
  per 100,000 rows here), so showing a large library at once would freeze the window, and
  even 500 rows in every year cost a quarter of a second at start-up: the timeline view
  expands all years but fetches rows only for the years in view (``TimelineView``).
In search mode the rows are the ranked hits the caller hands in; their listing rows and snippets
are filled a page at a time as they are shown (``search_hits.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from irviewer.gui.models.search_hits import HitLoader, SearchHits
from irviewer.gui.models.timeline_pages import ListingStore, PageCache
from irviewer.gui.models.timeline_roles import Role, SearchRow, group_data, release_data

__all__ = ["CHUNK", "FIRST_CHUNK", "PAGE_SIZE", "UNDATED", "Role", "SearchRow", "TimelineModel"]

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_PAGES = 64  # cached pages (12,800 rows)
FIRST_CHUNK = 100  # rows a year shows first (more than a screenful)
CHUNK = 500  # rows a year adds each time the view reaches the end of what it shows
UNDATED = "Undated"

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class _Group:
    year: int | None
    count: int
    offset: int  # position of the group's first release in the whole timeline

    @property
    def label(self) -> str:
        return str(self.year) if self.year is not None else UNDATED


PageLoader = Callable[[int, int], None]  # (generation, page number)

_GROUP_ID = 0  # internalId of top-level rows; child rows carry their group's row + 1


class TimelineModel(QAbstractItemModel):
    """One column; top-level rows are years (or hits in search mode), children are releases."""

    def __init__(self, store: ListingStore | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store: ListingStore | None = None
        self._kinds: list[str] | None = None
        self._company: str | None = None
        self._groups: list[_Group] = []
        self._exposed: list[int] = []  # rows each group currently shows (<= its count)
        self._total = 0
        self._pages = PageCache(PAGE_SIZE, MAX_PAGES)
        self._loader: PageLoader | None = None
        self._search: SearchHits | None = None
        self._hit_loader: HitLoader | None = None
        self._search_serial = 0
        # True while a TimelineView decides which years grow: QTreeView would otherwise fetch
        # rows for every expanded year at each layout, seen or not (see TimelineView)
        self.view_fetches = False
        self.page_loads = 0  # how many pages were read from the store (tests, diagnostics)
        if store is not None:
            self.set_store(store)

    # -- configuration ------------------------------------------------------------------------

    def set_store(
        self,
        store: ListingStore | None,
        kinds: Sequence[str] | None = None,
        company: str | None = None,
    ) -> None:
        """Show another library (with these filters), leaving search mode."""
        self._store = store
        self._kinds = list(kinds) if kinds is not None else None
        self._company = company
        self._search = None
        self.reload()

    def set_page_loader(self, loader: PageLoader | None) -> None:
        """Load pages in the background through ``loader(generation, page_no)``.

        The loader must answer with ``page_arrived`` (or ``page_failed``); until then the rows
        show as loading. Without a loader, pages are read from the store at once.
        """
        self._loader = loader

    @property
    def generation(self) -> int:
        return self._pages.generation

    def page_wanted(self, generation: int, page_no: int) -> bool:
        """For loaders: is this page still worth reading? (Safe to call from a worker.)"""
        return self._pages.is_wanted(generation, page_no)

    def page_arrived(self, generation: int, page_no: int, rows: list[Any] | None) -> None:
        """A background load finished: keep the page and repaint the rows it covers."""
        if not self._pages.arrived(generation, page_no, rows) or self._search is not None:
            return
        start = page_no * PAGE_SIZE
        end = start + len(rows or [])
        for group_row, group in enumerate(self._groups):
            lo = max(start, group.offset)
            hi = min(end, group.offset + self._exposed[group_row])
            if lo < hi:
                parent = self.index(group_row, 0)
                self.dataChanged.emit(
                    self.index(lo - group.offset, 0, parent),
                    self.index(hi - 1 - group.offset, 0, parent),
                )

    def page_failed(self, generation: int, page_no: int) -> None:
        self._pages.failed(generation, page_no)

    def set_filter(self, kinds: Sequence[str] | None, company: str | None) -> None:
        """Only these kinds (None: all) and this company (None: all)."""
        self._kinds = list(kinds) if kinds is not None else None
        self._company = company
        if self._search is None:
            self.reload()

    @property
    def kinds(self) -> list[str] | None:
        return self._kinds

    @property
    def company(self) -> str | None:
        return self._company

    def reload(self) -> None:
        """Re-read the year counts and forget cached rows (after an import or a correction)."""
        self.beginResetModel()
        self._pages.reset()
        self._groups = []
        self._exposed = []
        self._total = 0
        if self._store is not None:
            offset = 0
            for year, count in self._store.year_counts(self._kinds, self._company):
                self._groups.append(_Group(year, count, offset))
                self._exposed.append(0)  # until a view grows the year (fetchMore / grow)
                offset += count
            self._total = offset
        self.endResetModel()

    def set_search_results(self, query: str, rows: Sequence[SearchRow]) -> None:
        """Show ranked hits (best first) instead of the year groups; rows not filled yet are
        filled when shown (through the hit loader, or from the store at once without one)."""
        self.beginResetModel()
        self._search_serial += 1
        self._search = SearchHits(query, rows, self._search_serial)
        self.endResetModel()

    def set_hit_loader(self, loader: HitLoader | None) -> None:
        """Fill hits in the background: ``loader(serial, page_no, rows)`` answers with
        ``hits_arrived`` (or ``hits_failed``)."""
        self._hit_loader = loader

    def hits_arrived(self, serial: int, page_no: int, rows: Sequence[SearchRow]) -> None:
        """A page of hits was filled: keep it (if it belongs to the search shown) and repaint."""
        hits = self._search
        if hits is None or hits.serial != serial:
            return
        span = hits.fill(page_no, rows)
        if span is not None:
            self.dataChanged.emit(self.index(span[0], 0), self.index(span[1], 0))

    def hits_failed(self, serial: int, page_no: int) -> None:
        if self._search is not None and self._search.serial == serial:
            self._search.failed(page_no)

    def clear_search(self) -> None:
        if self._search is None:
            return
        self.beginResetModel()
        self._search = None
        self.endResetModel()

    @property
    def search_mode(self) -> bool:
        return self._search is not None

    @property
    def query(self) -> str:
        return self._search.query if self._search is not None else ""

    def match_count(self) -> int:
        return len(self._search) if self._search is not None else 0

    def release_count(self) -> int:
        """Releases in the (filtered) timeline, or hits in search mode."""
        return self.match_count() if self._search is not None else self._total

    def group_count(self) -> int:
        return len(self._groups) if self._search is None else 0

    # -- lookups --------------------------------------------------------------------------------

    def release_id(self, index: Index) -> int | None:
        if not index.isValid():
            return None
        value = self.data(index, Role.ID)
        return int(value) if value is not None else None

    def index_of_id(self, release_id: int, read_now: bool = False) -> QModelIndex:
        """The index showing ``release_id`` (made visible), or an invalid index when it is not
        listed. Asks the store (an index lookup) when the row is not cached; with ``read_now``
        the row's page is read from the store at once rather than in the background."""
        if self._search is not None:
            row = self._search.position_of(release_id)
            return self.index(row, 0) if row is not None else QModelIndex()
        position = self.cached_position(release_id)
        if position is None and self._store is not None:
            position = self._store.position(release_id, kinds=self._kinds, company=self._company)
        if position is None:
            return QModelIndex()
        if read_now:
            self._read_now(position)
        return self.index_at(position)

    def _read_now(self, position: int) -> None:
        page_no = position // PAGE_SIZE
        if self._store is not None and self._pages.get(page_no) is None:
            self._load_page(page_no)

    def cached_position(self, release_id: int) -> int | None:
        """The timeline position of a release whose row is cached (no store access)."""
        return self._pages.position_of(release_id)

    def index_at(self, position: int) -> QModelIndex:
        """The release row at a position of the whole (filtered) timeline, made visible."""
        for group_row, group in enumerate(self._groups):
            if group.offset <= position < group.offset + group.count:
                row = position - group.offset
                self.expose(group_row, row)
                return self.index(row, 0, self.index(group_row, 0))
        return QModelIndex()

    # -- showing large years a chunk at a time ----------------------------------------------------

    def exposed_rows(self, group_row: int) -> int:
        return self._exposed[group_row] if 0 <= group_row < len(self._exposed) else 0

    def expose(self, group_row: int, row: int) -> None:
        """Make the group show at least rows 0..row (its first chunk, or whole chunks)."""
        if self._search is not None or not 0 <= group_row < len(self._groups):
            return
        shown = self._exposed[group_row]
        if row < shown:
            return
        target = FIRST_CHUNK if row < FIRST_CHUNK else ((row // CHUNK) + 1) * CHUNK
        self._show(group_row, min(self._groups[group_row].count, target))

    def _show(self, group_row: int, target: int) -> None:
        shown = self._exposed[group_row]
        if target <= shown:
            return
        self.beginInsertRows(self.index(group_row, 0), shown, target - 1)
        self._exposed[group_row] = target
        self.endInsertRows()

    def can_grow(self, parent: Index) -> bool:
        """True when the year ``parent`` has rows it does not show yet."""
        if self._search is not None or not parent.isValid() or parent.internalId() != _GROUP_ID:
            return False
        row = parent.row()
        return row < len(self._groups) and self._exposed[row] < self._groups[row].count

    def canFetchMore(self, parent: Index) -> bool:
        return not self.view_fetches and self.can_grow(parent)

    def fetchMore(self, parent: Index) -> None:
        if not self.view_fetches:
            self.grow(parent)

    def grow(self, parent: Index) -> None:
        """Show the year's first chunk, or a chunk more."""
        if not self.can_grow(parent):
            return
        group_row = parent.row()
        shown = self._exposed[group_row]
        step = FIRST_CHUNK if shown == 0 else CHUNK
        self._show(group_row, min(self._groups[group_row].count, shown + step))

    def first_release_index(self, read_now: bool = False) -> QModelIndex:
        if self._search is not None:
            return self.index(0, 0) if self._search else QModelIndex()
        for row, group in enumerate(self._groups):
            if group.count:
                if read_now:
                    self._read_now(group.offset)
                self.expose(row, 0)
                return self.index(0, 0, self.index(row, 0))
        return QModelIndex()

    def summary_at(self, index: Index) -> Any | None:
        """The ReleaseSummary behind a release row (None for a year row)."""
        if not index.isValid():
            return None
        if self._search is not None:
            hit = self._search.hit(index.row(), self._hit_loader, self._store)
            return hit.summary if hit is not None else None
        group_row = index.internalId() - 1
        if group_row < 0 or group_row >= len(self._groups):
            return None
        group = self._groups[group_row]
        if not 0 <= index.row() < self._exposed[group_row]:
            return None
        return self._row(group.offset + index.row())

    def _row(self, position: int) -> Any | None:
        page_no, within = divmod(position, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            if self._loader is not None:
                if self._pages.want(page_no):
                    self._loader(self._pages.generation, page_no)
                return None  # shown as loading until the page arrives
            page = self._load_page(page_no)
        return page[within] if within < len(page) else None

    def _load_page(self, page_no: int) -> list[Any]:
        if self._store is None:
            return []
        page = self._store.summaries(page_no * PAGE_SIZE, PAGE_SIZE, self._kinds, self._company)
        self.page_loads += 1
        self._pages.put(page_no, page)
        return page

    # -- QAbstractItemModel -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= self.rowCount():
                return QModelIndex()
            return self.createIndex(row, 0, _GROUP_ID)
        if self._search is not None or parent.internalId() != _GROUP_ID:
            return QModelIndex()
        group_row = parent.row()
        if group_row >= len(self._groups) or row >= self._exposed[group_row]:
            return QModelIndex()
        return self.createIndex(row, 0, group_row + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or self._search is not None:
            return QModelIndex()
        group_row = index.internalId() - 1
        if group_row < 0:
            return QModelIndex()
        return self.createIndex(group_row, 0, _GROUP_ID)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._search) if self._search is not None else len(self._groups)
        if self._search is not None or parent.internalId() != _GROUP_ID:
            return 0
        if parent.row() >= len(self._groups):
            return 0
        return self._exposed[parent.row()]

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        if (
            parent.isValid()
            and self._search is None
            and parent.internalId() == _GROUP_ID
            and parent.row() < len(self._groups)
        ):
            return self._groups[parent.row()].count > 0  # rows may still be unfetched
        return self.rowCount(parent) > 0

    # flags(): the C++ default (enabled, selectable) is what the timeline needs; not overriding
    # it spares the view two calls into Python per row when it lays out an expanded year.

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if section == 0 and horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "Release"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0:
            return None
        if self._search is None and index.internalId() == _GROUP_ID:
            if index.row() >= len(self._groups):
                return None
            group = self._groups[index.row()]
            return group_data(group.label, group.count, role)
        if role == Role.IS_GROUP:
            return False
        if self._search is not None:
            return self._search.data(index.row(), role, self._hit_loader, self._store)
        summary = self.summary_at(index)
        if summary is None:
            return "Loading…" if role == Qt.ItemDataRole.DisplayRole else None
        return release_data(summary, None, role)
