"""The timeline's page cache: listing rows by page, least recently used out, loads tracked;
and the part of the Store the timeline reads.

Pages are read either at once (tests, small tools) or in the background: the model asks for a
page, paints placeholders, and the page arrives later tagged with the generation it was asked
for. A reset (new filter, new library, import) starts a new generation, so pages asked for
before it are dropped when they arrive. Only the most recently wanted pages are still fetched
when a worker gets to them; pages the user has scrolled past are skipped.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Sequence
from typing import Any, Protocol

from irviewer.gui.models.search_hits import HitStore

WANTED_WINDOW = 8  # pages a worker still bothers to read: the ones asked for most recently


class ListingStore(HitStore, Protocol):
    """The part of ``irviewer.core.store.Store`` the timeline reads."""

    def year_counts(
        self, kinds: Sequence[str] | None = None, company: str | None = None
    ) -> list[tuple[int | None, int]]: ...

    def summaries(
        self,
        offset: int = 0,
        limit: int | None = None,
        kinds: Sequence[str] | None = None,
        company: str | None = None,
    ) -> list[Any]: ...

    def position(
        self, id: int, kinds: Sequence[str] | None = None, company: str | None = None
    ) -> int | None: ...


class PageCache:
    """Listing pages keyed by page number, with the bookkeeping for background loads."""

    def __init__(self, page_size: int, max_pages: int) -> None:
        self.page_size = page_size
        self.max_pages = max_pages
        self.generation = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._requested: set[int] = set()
        self._wanted: deque[int] = deque(maxlen=WANTED_WINDOW)

    def __len__(self) -> int:
        return len(self._pages)

    def reset(self) -> None:
        self.generation += 1
        self._pages.clear()
        self._requested.clear()
        self._wanted.clear()

    def get(self, page_no: int) -> list[Any] | None:
        page = self._pages.get(page_no)
        if page is not None:
            self._pages.move_to_end(page_no)
        return page

    def put(self, page_no: int, rows: list[Any]) -> None:
        self._pages[page_no] = rows
        self._pages.move_to_end(page_no)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    # -- background loads -------------------------------------------------------------------------

    def want(self, page_no: int) -> bool:
        """Note that a view needs ``page_no``; True when a load should be started for it."""
        if page_no in self._wanted:
            self._wanted.remove(page_no)
        self._wanted.append(page_no)
        if page_no in self._requested:
            return False
        self._requested.add(page_no)
        return True

    def is_wanted(self, generation: int, page_no: int) -> bool:
        """Still worth reading? (Called from worker threads; deque reads are atomic.)"""
        return generation == self.generation and page_no in tuple(self._wanted)

    def arrived(self, generation: int, page_no: int, rows: list[Any] | None) -> bool:
        """Keep a loaded page; False when it belongs to an older generation or was skipped."""
        if generation != self.generation:
            return False
        self._requested.discard(page_no)
        if rows is None:
            return False  # skipped: asked for again if a view still needs it
        self.put(page_no, rows)
        return True

    def failed(self, generation: int, page_no: int) -> None:
        if generation == self.generation:
            self._requested.discard(page_no)

    def position_of(self, release_id: int) -> int | None:
        """The timeline position of ``release_id`` if a cached page holds it."""
        for page_no, rows in self._pages.items():
            for within, summary in enumerate(rows):
                if summary.id == release_id:
                    return page_no * self.page_size + within
        return None
