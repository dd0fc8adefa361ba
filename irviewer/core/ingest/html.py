"""HTML to lines: block elements break lines, table rows keep their cells. No network, ever."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from irviewer.core.ingest.base import Line

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "tr", "section", "article", "header", "footer", "blockquote", "pre", "hr", "title",
}
SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg"}


def looks_like_html(text: str) -> bool:
    head = text[:5000].lower()
    return "<html" in head or "<!doctype html" in head or "<document>" in head


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self._buf: list[str] = []
        self._skip = 0
        self._table = -1
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag == "table":
            self._flush()
            self._table += 1
        elif tag == "tr":
            self._row = []
        elif tag in {"td", "th"} and self._row is not None:
            self._cell = []
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in {"td", "th"} and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            cells = tuple(self._row)
            if any(cells):
                text = " ".join(c for c in cells if c)
                self.lines.append(Line(text, 1, cells, self._table))
            self._row = None
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._buf.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).replace("\xa0", " ").split())
        self._buf = []
        if text:
            self.lines.append(Line(text, 1))

    def close(self) -> None:
        super().close()
        self._flush()


def read_html_text(text: str) -> list[Line]:
    collector = _Collector()
    collector.feed(re.sub(r"(?is)<!--.*?-->", " ", text))
    collector.close()
    return collector.lines
