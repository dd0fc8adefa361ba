"""Search mode's rows: the ranked hit ids come first, listing rows and snippets a page at a time.

A search returns up to ``SEARCH_LIMIT`` ids and ranks quickly; making a snippet (0.1-0.5 ms
each) and reading a listing row for every hit would cost more than the search itself. So the
first ``HIT_PAGE`` hits come filled with the search result, and the rest are filled a page at a
time as the view paints them (in the background, like the timeline's pages).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt

from irviewer.gui.models.timeline_roles import Role, SearchRow, release_data

HIT_PAGE = 50  # hits filled per page: a screenful or two

# (search serial, page number, the page's rows to fill): answer with TimelineModel.hits_arrived
HitLoader = Callable[[int, int, list[SearchRow]], None]


class HitStore(Protocol):
    """The part of ``irviewer.core.store.Store`` that fills hits."""

    def summary(self, id: int) -> Any: ...

    def snippets(self, ids: Sequence[int], query: str) -> dict[int, str]: ...


def fill_hits(store: HitStore, rows: Sequence[SearchRow], query: str) -> list[SearchRow]:
    """The rows with their listing rows and snippets (summary None: the release is gone)."""
    snippets = store.snippets([r.id for r in rows], query)
    return [SearchRow(r.id, r.rank, store.summary(r.id), snippets.get(r.id, "")) for r in rows]


class SearchHits:
    """The hits of one search, best first, with the bookkeeping of their page loads."""

    def __init__(self, query: str, rows: Sequence[SearchRow], serial: int) -> None:
        self.query = query
        self.serial = serial  # tells this search's page answers from an older search's
        self._rows = list(rows)
        self._requested: set[int] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def row(self, position: int) -> SearchRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, release_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == release_id:
                return position
        return None

    def page_rows(self, page_no: int) -> list[SearchRow]:
        return self._rows[page_no * HIT_PAGE : (page_no + 1) * HIT_PAGE]

    def want(self, page_no: int) -> bool:
        """True when a load should start for this page (not loaded, not asked for yet)."""
        if page_no in self._requested:
            return False
        self._requested.add(page_no)
        return True

    def fill(self, page_no: int, rows: Sequence[SearchRow]) -> tuple[int, int] | None:
        """Take a loaded page; the (first, last) positions it covers, None if it fits no more."""
        start = page_no * HIT_PAGE
        end = min(len(self._rows), start + len(rows))
        if start >= end:
            return None
        for position, row in zip(range(start, end), rows, strict=False):
            if self._rows[position].id == row.id:
                self._rows[position] = row
        return start, end - 1

    def failed(self, page_no: int) -> None:
        self._requested.discard(page_no)

    def hit(
        self, position: int, loader: HitLoader | None, store: HitStore | None
    ) -> SearchRow | None:
        """The row at ``position``. When it is not filled yet, its page is asked for through
        ``loader`` (the row stays unfilled until ``fill``), or filled now from ``store``."""
        row = self.row(position)
        if row is None or row.loaded:
            return row
        page_no = position // HIT_PAGE
        if self.want(page_no):
            if loader is not None:
                loader(self.serial, page_no, self.page_rows(page_no))
            elif store is not None:
                self.fill(page_no, fill_hits(store, self.page_rows(page_no), self.query))
                return self.row(position)
        return row

    def data(
        self, position: int, role: int, loader: HitLoader | None, store: HitStore | None
    ) -> Any:
        """A hit row's value for ``role``; its id and rank need no listing row."""
        if role in (Role.ID, Role.RANK):
            row = self.row(position)
            if row is None:
                return None
            return row.id if role == Role.ID else row.rank
        row = self.hit(position, loader, store)
        if row is None:
            return None
        if row.summary is None:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return "(no longer in the library)" if row.loaded else "Loading…"
        return release_data(row.summary, row, role)
