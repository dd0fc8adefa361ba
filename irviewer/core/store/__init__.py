"""The release library: SQLite through sqlite-utils, behind the Store facade."""

from irviewer.core.store.db import Store
from irviewer.core.store.records import (
    CORRECTABLE_FIELDS,
    AddResult,
    Change,
    LibraryError,
    ReleaseSummary,
    SearchHit,
    StoredRelease,
)
from irviewer.core.store.search import HIGHLIGHT_END, HIGHLIGHT_START, plain_snippet, search_terms

__all__ = [
    "CORRECTABLE_FIELDS",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "AddResult",
    "Change",
    "LibraryError",
    "ReleaseSummary",
    "SearchHit",
    "Store",
    "StoredRelease",
    "plain_snippet",
    "search_terms",
]
