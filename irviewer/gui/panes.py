"""The panes other modules provide, embedded defensively, and naming helpers for them.

The tables pane and the contacts sidebar live in their own modules; if one cannot be imported
(a stripped build, a module mid-edit) the window shows a placeholder instead of failing to start.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


class MissingPane(QWidget):
    """Stands in for a pane whose module is not available; keeps the window usable."""

    count_changed = Signal(int)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)
        self._count = 0

    def set_tables(self, tables: list[Any], stem: str) -> None:
        self._count = len(tables)
        self.count_changed.emit(self._count)

    def set_contacts(self, contacts: list[Any]) -> None:
        self._count = len(contacts)

    def contact_count(self) -> int:
        return self._count


class LazyTab:
    """A tab whose page is built the first time the tab is shown or ``page()`` is called.

    Until then the tab holds an empty placeholder (its text and icon are set as usual).
    """

    def __init__(self, tabs: QTabWidget, index: int, build: Callable[[], QWidget]) -> None:
        self._tabs = tabs
        self._index = index
        self._build = build
        self._page: QWidget | None = None
        tabs.currentChanged.connect(self._on_current_changed)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            self._page = self._build()
            tabs, index = self._tabs, self._index
            placeholder = tabs.widget(index)
            current, text, icon = tabs.currentIndex(), tabs.tabText(index), tabs.tabIcon(index)
            tabs.blockSignals(True)  # a swap, not a change of tab
            try:
                tabs.removeTab(index)
                tabs.insertTab(index, self._page, icon, text)
                tabs.setCurrentIndex(current)
            finally:
                tabs.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
        return self._page

    def _on_current_changed(self, index: int) -> None:
        if index == self._index and self._page is None:
            self.page()


def make_tables_pane(parent: QWidget) -> QWidget:
    try:
        from irviewer.gui.widgets.tables_pane import TablesPane
    except ImportError:
        log.warning("tables pane unavailable", exc_info=True)
        return MissingPane("Table grids are not available in this build.", parent)
    return TablesPane(parent)


def make_contacts_sidebar(parent: QWidget) -> QWidget:
    try:
        from irviewer.gui.widgets.contacts_sidebar import ContactsSidebar
    except ImportError:
        log.warning("contacts sidebar unavailable", exc_info=True)
        return MissingPane("Contacts are not available in this build.", parent)
    return ContactsSidebar(parent)


def export_stem(doc: Any, release_id: int) -> str:
    """A file-name stem for a release's exports: date and company (or headline)."""
    who = doc.company or doc.headline or "release"
    slug = re.sub(r"[^A-Za-z0-9]+", "-", who).strip("-").lower()[:40] or "release"
    return f"{doc.date or 'undated'}_{slug}_{release_id}"
