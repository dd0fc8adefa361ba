"""The reader (a release rendered as clean text) and the 'Original' view (PDF pages or page text).

Nothing is ever fetched from the network: ``loadResource`` answers only for local files, and
links go to the system browser only when the user clicks them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import QLabel, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from irviewer.gui.style import highlight_colors, is_dark, reader_css
from irviewer.gui.widgets.reader_html import pages_html, release_html

log = logging.getLogger(__name__)

OPENABLE_SCHEMES = ("http", "https", "mailto")
MAX_TEXT_WIDTH = 860  # px of text per line in the reader
MIN_MARGIN = 24


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that loads no remote resources and opens links only on click."""

    link_opened = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        url = QUrl(url) if isinstance(url, str) else url
        if url.scheme().lower() in ("", "file", "qrc"):
            return super().loadResource(kind, url)
        log.debug("blocked remote resource %s", url.toString())
        return None

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme().lower() in OPENABLE_SCHEMES:
            self.link_opened.emit(url)
            QDesktopServices.openUrl(url)


class ReaderView(SafeBrowser):
    """The selected release: headline, sub-headlines, meta line, paragraphs and bullets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Release text")
        self.document().setDocumentMargin(MIN_MARGIN)
        self._stored: Any = None
        self._terms: list[str] = []
        font = QFont(self.font())
        font.setPointSizeF(max(10.5, font.pointSizeF() + 1))
        self.document().setDefaultFont(font)
        self.show_placeholder("Select a release in the timeline.")

    @property
    def release_id(self) -> int | None:
        return self._stored.id if self._stored is not None else None

    def resizeEvent(self, event: Any) -> None:
        """Keep lines at a readable length: wide windows get wider side margins."""
        super().resizeEvent(event)
        width = self.viewport().width()
        margin = max(MIN_MARGIN, (width - MAX_TEXT_WIDTH) // 2)
        if int(self.document().documentMargin()) != margin:
            self.document().setDocumentMargin(margin)

    def show_placeholder(self, text: str) -> None:
        self._stored = None
        self._apply_css()
        self.setHtml(f'<p class="sub" style="margin-top: 40px;" align="center">{text}</p>')

    def show_release(self, stored: Any, terms: Sequence[str] = ()) -> None:
        self._stored = stored
        self._terms = list(terms)
        self._render()
        self.verticalScrollBar().setValue(0)

    def set_terms(self, terms: Sequence[str]) -> None:
        """Highlight other search terms in the release shown (keeps the scroll position)."""
        if list(terms) == self._terms:
            return
        self._terms = list(terms)
        if self._stored is not None:
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)

    def refresh_style(self) -> None:
        if self._stored is not None:
            self._render()

    def _apply_css(self) -> None:
        self.document().setDefaultStyleSheet(reader_css(self.palette()))

    def _render(self) -> None:
        self._apply_css()
        self.setHtml(release_html(self._stored, self._terms, is_dark(self.palette())))

    def highlighted_terms(self) -> list[str]:
        """The highlighted runs in the current document (tests, diagnostics)."""
        html = self.toHtml()
        doc = QTextDocument()
        doc.setHtml(html)
        found = []
        block = doc.begin()
        mark_bg = highlight_colors(is_dark(self.palette()))[0].lower()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.background().color().name().lower() == mark_bg:
                    found.append(fragment.text())
                it += 1
            block = block.next()
        return found


class OriginalView(QStackedWidget):
    """The source as printed: PDF pages through QtPdf, else the per-page text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf_view: Any = None
        self._pdf_doc: Any = None
        self._pending: tuple[Any, list[str]] | None = None
        self.text = SafeBrowser(self)
        self.text.setAccessibleName("Original text")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text.document().setDefaultFont(mono)
        self.text.document().setDocumentMargin(16)
        self.empty = QLabel("Select a release to see its original.", self)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        holder = QWidget(self)
        QVBoxLayout(holder).addWidget(self.empty)
        self.addWidget(holder)
        self.addWidget(self.text)
        self.mode = "empty"

    def set_release(self, stored: Any, terms: Sequence[str] = ()) -> None:
        """Remember the release; the pages render when the view is shown (``render_pending``)."""
        self._pending = (stored, list(terms))
        if self.isVisible():
            self.render_pending()

    def clear(self) -> None:
        self._pending = None
        self._close_pdf()
        self.setCurrentIndex(0)
        self.mode = "empty"

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.render_pending()

    def render_pending(self) -> None:
        if self._pending is None:
            return
        stored, terms = self._pending
        self._pending = None
        doc = stored.document
        path = Path(doc.source.path) if doc.source.path else None
        if (
            doc.source.format == "pdf"
            and path is not None
            and path.is_file()
            and self._show_pdf(path)
        ):
            return
        self._close_pdf()
        self.text.document().setDefaultStyleSheet(reader_css(self.palette()))
        note = ""
        if doc.source.format == "pdf":
            note = "The original PDF is no longer at its imported location; showing its text."
        html = pages_html(doc.pages or ([doc.body] if doc.body else []), terms)
        if note:
            html = html.replace("<body>", f'<body><p class="sub">{note}</p>', 1)
        self.text.setHtml(html)
        self.setCurrentWidget(self.text)
        self.mode = "text"

    def _show_pdf(self, path: Path) -> bool:
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:  # QtPdf missing from this Qt build
            return False
        if self._pdf_view is None:
            self._pdf_view = QPdfView(self)
            self._pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self._pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._pdf_view.setAccessibleName("Original PDF")
            self.addWidget(self._pdf_view)
        self._close_pdf()
        document = QPdfDocument(self)
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
            log.info("cannot show %s with QtPdf: %s", path, error)
            document.deleteLater()
            return False
        self._pdf_doc = document
        self._pdf_view.setDocument(document)
        self.setCurrentWidget(self._pdf_view)
        self.mode = "pdf"
        return True

    def _close_pdf(self) -> None:
        if self._pdf_doc is not None:
            if self._pdf_view is not None:
                self._pdf_view.setDocument(None)
            self._pdf_doc.close()
            self._pdf_doc.deleteLater()
            self._pdf_doc = None

    def page_count(self) -> int:
        return self._pdf_doc.pageCount() if self._pdf_doc is not None else 0
