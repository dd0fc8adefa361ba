"""Work that runs on a pool thread: each call opens its own Store on the library file.

SQLite connections belong to one thread, and the library is in WAL mode, so a worker's reads
never block the GUI thread's connection. Nothing here touches Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from irviewer.gui.models.search_hits import HIT_PAGE, fill_hits
from irviewer.gui.models.timeline_roles import SearchRow

SEARCH_LIMIT = 500


@dataclass(frozen=True)
class LoadedRelease:
    """A release loaded for the reader, with the terms to highlight."""

    release_id: int
    stored: Any  # StoredRelease | None (None: deleted meanwhile)


@dataclass(frozen=True)
class SearchResult:
    query: str
    terms: list[str]
    rows: list[SearchRow]  # every hit, best first; the first HIT_PAGE filled
    limited: bool  # True when there may be more hits than SEARCH_LIMIT


def _open(path: Path) -> Any:
    from irviewer.core.store import Store

    return Store.open(path)


def upgrade_library(path: Path) -> int:
    """Open a library written by an older version once, which backs it up and migrates it
    (``Store.open``); returns the schema version it now has."""
    with _open(path) as store:
        return int(store.schema_version)


def load_release(path: Path, release_id: int) -> LoadedRelease:
    with _open(path) as store:
        return LoadedRelease(release_id, store.get(release_id))


SKIPPED = None  # a page load that was no longer wanted when its turn came


def load_page(
    path: Path,
    page_no: int,
    page_size: int,
    kinds: Sequence[str] | None,
    company: str | None,
    wanted: Callable[[], bool],
) -> list[Any] | None:
    """One page of timeline rows; SKIPPED when the view no longer needs it."""
    if not wanted():
        return SKIPPED
    with _open(path) as store:
        return store.summaries(page_no * page_size, page_size, kinds, company)


def run_search(
    path: Path,
    query: str,
    kinds: Sequence[str] | None,
    company: str | None,
    limit: int = SEARCH_LIMIT,
    first: int = HIT_PAGE,
) -> SearchResult:
    """The ranked hits (ids and ranks, without snippets), the ``first`` of them filled.

    The other hits get their listing rows and snippets when the view shows them
    (``fill_search_hits``): snippets for all 500 hits would cost more than the search.
    """
    from irviewer.core.store.search import search_terms

    with _open(path) as store:
        hits = store.search(query, limit=limit, kinds=kinds, company=company, snippets=False)
        rows = [SearchRow(hit.id, hit.rank) for hit in hits]
        rows[:first] = fill_hits(store, rows[:first], query)
    return SearchResult(query, search_terms(query), rows, len(hits) >= limit)


def fill_search_hits(path: Path, query: str, rows: Sequence[SearchRow]) -> list[SearchRow]:
    """Listing rows and snippets for a page of search hits."""
    with _open(path) as store:
        return fill_hits(store, rows, query)


@dataclass(frozen=True)
class ImportProgress:
    done: int
    total: int
    name: str


def run_import(
    path: Path,
    sources: Sequence[Path],
    cancelled: Callable[[], bool],
    progress: Callable[[ImportProgress], None],
) -> Any:
    """Import files and folders into the library at ``path``; returns the ImportReport."""
    from irviewer.core.importer import import_paths
    from irviewer.core.prefs import Prefs, default_prefs_path

    prefs = Prefs.load(default_prefs_path())

    def report(done: int, total: int, current: Path | None) -> None:
        progress(ImportProgress(done, total, current.name if current else ""))

    with _open(path) as store:
        return import_paths(
            store,
            list(sources),
            progress=report,
            cancelled=cancelled,
            timeout=prefs.import_timeout_s,
            workers=prefs.import_workers or None,
        )
