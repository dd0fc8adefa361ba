"""What the timeline's rows answer for each data role (pure functions over listing rows)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from html import escape
from typing import Any

from PySide6.QtCore import Qt

from irviewer.gui.style import kind_label


class Role(IntEnum):
    """Custom data roles; the delegate and tests read these rather than parsing display text."""

    ID = Qt.ItemDataRole.UserRole + 1
    DATE = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3
    COMPANY = Qt.ItemDataRole.UserRole + 4
    TICKER = Qt.ItemDataRole.UserRole + 5
    EDITED = Qt.ItemDataRole.UserRole + 6
    SNIPPET = Qt.ItemDataRole.UserRole + 7
    IS_GROUP = Qt.ItemDataRole.UserRole + 8
    COUNT = Qt.ItemDataRole.UserRole + 9
    N_TABLES = Qt.ItemDataRole.UserRole + 10
    N_CONTACTS = Qt.ItemDataRole.UserRole + 11
    RANK = Qt.ItemDataRole.UserRole + 12
    SUMMARY = Qt.ItemDataRole.UserRole + 13  # the ReleaseSummary itself (one call per paint)


@dataclass(frozen=True)
class SearchRow:
    """One search hit: its id and rank up front; its listing row and snippet once loaded."""

    id: int
    rank: float
    summary: Any = None  # ReleaseSummary; None until loaded (or when the release is gone)
    snippet: str | None = None  # None until loaded

    @property
    def loaded(self) -> bool:
        return self.snippet is not None


def count_text(n: int, search: bool, query: str, limited: bool, filtered: bool) -> str:
    """The line above the timeline: releases listed, or matches found."""
    if not search:
        return f"{n:,} release{'s' if n != 1 else ''}" + (" (filtered)" if filtered else "")
    if n == 0:
        return f"No matches for “{query}”"
    return f"{n:,}{'+' if limited else ''} match{'es' if n != 1 else ''}, best first"


def group_data(label: str, count: int, role: int) -> Any:
    """A year row's value for ``role``."""
    if role == Qt.ItemDataRole.DisplayRole:
        return label
    if role == Role.IS_GROUP:
        return True
    if role == Role.COUNT:
        return count
    if role == Qt.ItemDataRole.ToolTipRole:
        noun = "release" if count == 1 else "releases"
        return f"{label}: {count:,} {noun}"
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return f"{label}, {count} releases"
    return None


def release_data(s: Any, hit: SearchRow | None, role: int) -> Any:
    """A release row's value for ``role`` (``s``: its ReleaseSummary)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return s.headline or "(no headline)"
    if role == Role.ID:
        return s.id
    if role == Role.SUMMARY:
        return s
    if role == Role.DATE:
        return s.date
    if role == Role.KIND:
        return s.kind
    if role == Role.COMPANY:
        return s.company
    if role == Role.TICKER:
        return s.ticker
    if role == Role.EDITED:
        return bool(s.edited)
    if role == Role.N_TABLES:
        return int(s.n_tables)
    if role == Role.N_CONTACTS:
        return int(s.n_contacts)
    if role == Role.IS_GROUP:
        return False
    if role == Role.SNIPPET:
        return hit.snippet if hit is not None else None
    if role == Role.RANK:
        return hit.rank if hit is not None else None
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(s)
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return f"{s.date or 'undated'}, {kind_label(s.kind)}, {s.headline or 'no headline'}"
    return None


def _tooltip(s: Any) -> str:
    parts = [f"<b>{escape(s.headline or '(no headline)')}</b>"]
    meta = [s.date or "undated", kind_label(s.kind)]
    if s.company:
        meta.append(escape(s.company))
    if s.ticker:
        meta.append(escape(s.ticker))
    parts.append(" · ".join(meta))
    extra = []
    if s.n_tables:
        extra.append(f"{s.n_tables} table{'s' if s.n_tables != 1 else ''}")
    if s.n_contacts:
        extra.append(f"{s.n_contacts} contact{'s' if s.n_contacts != 1 else ''}")
    if s.edited:
        extra.append("corrected by you")
    if extra:
        parts.append(", ".join(extra))
    return "<br>".join(parts)
