"""HTML to lines: block elements break lines, table rows keep their cells. No network, ever.

Nothing is fetched: links and images are reduced to their text (images to nothing).
Scripts, styles, the document head and hidden elements (``display:none``, inline-XBRL
``ix:header``) are dropped. Each ``<tr>`` becomes one Line whose ``cells`` hold one entry per
``<td>``/``<th>``, a ``colspan`` of n adding n-1 empty entries after the cell's text (a
``rowspan`` adds empty entries to the rows below), and whose ``table`` numbers the table in
the document. Tables used for layout only (no row with two non-empty cells) become plain
lines, one per paragraph of each cell. List items start with their marker as a browser shows
it: '• ' in a ``<ul>``, '1. ', '2. ' ... in an ``<ol>`` (none where ``list-style`` is none or
the item's text already starts with a bullet glyph or dash).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser

from irviewer.core.ingest.base import Line

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "center", "address",
    "caption", "figure", "figcaption", "main", "nav", "aside", "form", "fieldset", "legend",
}
SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg", "title", "ix:header",
             "object", "iframe", "select", "math"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}
CELL_TAGS = {"td", "th"}
MAX_COLSPAN = 50

_NO_MARKER_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)
_HAS_MARKER = re.compile(r"^\s*(?:[•▪◦●○■□◆►➢✓·*]|[-–—]\s|\(?\d{1,2}[.)]\s)")
BULLET = "• "
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HTML_MARKERS = ("<html", "<!doctype html", "<body", "<?xml")
_SPAN_DIGITS = re.compile(r"\s*(\d+)")
_START_DIGITS = re.compile(r"\s*(-?\d{1,6})")
_COMMENT = re.compile(r"(?s)<!--.*?-->")
# Start and end tags html.parser reads the plain way: names of letters and digits, attributes
# one space apart with double-quoted values holding no character reference.
_FAST_TAGS = sys.version_info[:2] == (3, 11)  # checked against this version's html.parser
_PLAIN_START = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)((?: [a-zA-Z][-a-zA-Z0-9_:]*="[^"&]*")*)>')
_PLAIN_ATTR = re.compile(r' ([a-zA-Z][-a-zA-Z0-9_:]*)="([^"&]*)"')
_PLAIN_END = re.compile(r"</([a-zA-Z][a-zA-Z0-9]*)>")
_COMMON_TAGS = re.compile(r"<(?:p|div|br|table|tr|td|font|span|b|i|a)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page (or a fragment full of common tags)."""
    head = text[:5000].lower()
    if any(marker in head for marker in _HTML_MARKERS):
        return True
    return len(_COMMON_TAGS.findall(text[:20000])) >= 10


def clean_text(text: str) -> str:
    """Collapse whitespace (no-break spaces included) and drop invisible characters."""
    if text.isascii():  # nothing to translate (the invisible characters are not ASCII)
        return " ".join(text.split())
    return " ".join(text.translate(_INVISIBLE).replace("\xa0", " ").split())


@dataclass
class _Cell:
    paragraphs: list[list[str]] = field(default_factory=lambda: [[]])
    colspan: int = 1
    rowspan: int = 1

    def add(self, data: str) -> None:
        self.paragraphs[-1].append(data)

    def brk(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def texts(self) -> list[str]:
        """The cell's paragraphs, cleaned, empty ones dropped."""
        return [t for t in (clean_text("".join(p)) for p in self.paragraphs) if t]


@dataclass
class _Table:
    index: int
    items: list[list[_Cell] | tuple[Line, ...]] = field(default_factory=list)  # rows, sub-tables
    row: list[_Cell] | None = None
    cell: _Cell | None = None

    def close_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(self.cell)
        self.cell = None

    def close_row(self) -> None:
        self.close_cell()
        if self.row:
            self.items.append(self.row)
        self.row = None


def _table_lines(table: _Table) -> list[Line]:
    """Rows with cells, or plain lines when the table only lays out text."""
    rows = [item for item in table.items if isinstance(item, list)]
    is_grid = any(sum(1 for cell in row if cell.texts()) >= 2 for row in rows)
    lines: list[Line] = []
    carry: dict[int, list[int]] = {}  # column -> [rows still covered, width] of rowspan cells
    for item in table.items:
        if isinstance(item, tuple):
            lines.extend(item)
            continue
        cells = item
        if not is_grid:
            lines.extend(Line(text) for cell in cells for text in cell.texts())
            continue
        values = _row_values(cells, carry)
        if any(values):
            text = " ".join(v for v in values if v)
            lines.append(Line(text, 1, tuple(values), table.index))
    return lines


def _row_values(cells: list[_Cell], carry: dict[int, list[int]]) -> list[str]:
    """Cell texts on the table grid: a colspan adds empty cells after the text, and columns
    still covered by a rowspan cell from a row above get empty cells."""
    values: list[str] = []

    def fill_carried() -> None:
        while len(values) in carry:
            col = len(values)
            values.extend([""] * carry[col][1])
            carry[col][0] -= 1
            if carry[col][0] <= 0:
                del carry[col]

    for cell in cells:
        fill_carried()
        if cell.rowspan > 1:
            carry[len(values)] = [cell.rowspan - 1, cell.colspan]
        values.append(" ".join(cell.texts()))
        values.extend([""] * (cell.colspan - 1))
    fill_carried()
    return values


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    for key, value in attrs:
        if key == name and value:
            digits = _SPAN_DIGITS.match(value)
            if digits:
                return max(1, min(MAX_COLSPAN, int(digits.group(1))))
    return 1


def _attr(attrs: list[tuple[str, str | None]], name: str) -> str:
    return next((value or "" for key, value in attrs if key == name), "")


def _start(attrs: list[tuple[str, str | None]]) -> int:
    digits = _START_DIGITS.match(_attr(attrs, "start"))
    return int(digits.group(1)) if digits else 1


def _is_hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
        if name == "hidden":
            return True
    return False


class _Collector(HTMLParser):
    def __init__(self, first_table: int = 0) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self._buf: list[str] = []
        self._pre = 0  # inside <pre>: line breaks and spaces are kept
        self._skip: list[list[str | int]] = []  # [tag, nesting depth] of skipped elements
        self._tables: list[_Table] = []
        self._table_count = first_table
        self._lists: list[list[int]] = []  # open <ul>/<ol>: [next number (0 for bullets), shown]
        self._marker = ""  # the marker of the list item whose text has not started yet

    def updatepos(self, i: int, j: int) -> int:
        """Skip the line and column bookkeeping (only used for error positions)."""
        return j

    if _FAST_TAGS:
        # Plain tags ('<p>', '<td class="n">', '</td>') take a short cut that does what
        # html.parser's own methods do for them; anything else goes the long way.
        def parse_starttag(self, i: int) -> int:
            m = _PLAIN_START.match(self.rawdata, i)
            if m is None:
                return super().parse_starttag(i)
            self._HTMLParser__starttag_text = m.group()
            self.lasttag = tag = m.group(1).lower()
            attrs = [(name.lower(), value) for name, value in _PLAIN_ATTR.findall(m.group(2))]
            self.handle_starttag(tag, attrs)  # type: ignore[arg-type]
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
            return m.end()

        def parse_endtag(self, i: int) -> int:
            m = _PLAIN_END.match(self.rawdata, i) if self.cdata_elem is None else None
            if m is None:
                return super().parse_endtag(i)
            self.handle_endtag(m.group(1).lower())
            self.clear_cdata_mode()
            return m.end()

    # -- skipping -------------------------------------------------------------------------
    def _skipping(self, tag: str, start: bool) -> bool:
        """Track skipped elements; True while inside one."""
        if not self._skip:
            return False
        top = self._skip[-1]
        if tag == top[0] and tag not in VOID_TAGS:
            top[1] = int(top[1]) + (1 if start else -1)
            if int(top[1]) == 0:
                self._skip.pop()
        return True

    # -- parser callbacks -----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skip.clear()  # an unclosed <head> ends here
        if self._skipping(tag, True):
            return
        if tag in SKIP_TAGS or (tag not in VOID_TAGS and _is_hidden(attrs)):
            if tag not in VOID_TAGS:
                self._skip.append([tag, 1])
            return
        table = self._tables[-1] if self._tables else None
        if tag == "table":
            if table is None:
                self._flush()
            elif table.cell is not None:
                table.cell.brk()
            self._tables.append(_Table(self._table_count))
            self._table_count += 1
        elif tag == "tr" and table is not None:
            table.close_row()
            table.row = []
        elif tag in CELL_TAGS and table is not None:
            table.close_cell()
            if table.row is None:
                table.row = []
            table.cell = _Cell(colspan=_span(attrs, "colspan"), rowspan=_span(attrs, "rowspan"))
        elif tag in BLOCK_TAGS:
            self._break()
            if tag == "pre":
                self._pre += 1
            self._list_start(tag, attrs)

    def _list_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track lists and set the marker of a list item that starts."""
        if tag not in ("ul", "ol", "li"):
            return
        shown = not _NO_MARKER_STYLE.search(_attr(attrs, "style"))
        if tag in ("ul", "ol"):
            self._lists.append([_start(attrs) if tag == "ol" else 0, int(shown)])
        elif tag == "li":
            number, list_shown = self._lists[-1] if self._lists else [0, 1]
            if self._lists and number:
                self._lists[-1][0] += 1
            self._marker = f"{number}. " if number else BULLET
            if not (shown and list_shown):
                self._marker = ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping(tag, False):
            return
        table = self._tables[-1] if self._tables else None
        if tag == "table" and table is not None:
            table.close_row()
            self._tables.pop()
            lines = _table_lines(table)
            if self._tables:
                outer = self._tables[-1]
                if outer.cell is not None and not any(line.cells for line in lines):
                    for line in lines:  # a layout table inside a cell: its text stays there
                        outer.cell.add(line.text)
                        outer.cell.brk()
                else:
                    outer.close_row()
                    outer.items.append(tuple(lines))
            else:
                self.lines.extend(lines)
        elif tag == "tr" and table is not None:
            table.close_row()
        elif tag in CELL_TAGS and table is not None:
            table.close_cell()
        elif tag in BLOCK_TAGS:
            self._break()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            if tag in ("ul", "ol") and self._lists:
                self._lists.pop()
            if tag in ("li", "ul", "ol"):
                self._marker = ""

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._marker and data.strip():
            if not _HAS_MARKER.match(data):
                data = self._marker + data.lstrip()
            self._marker = ""
        table = self._tables[-1] if self._tables else None
        if table is None:
            self._buf.append(data)
        elif table.cell is not None:
            table.cell.add(data)
        elif data.strip():
            # text inside a table but outside any cell: browsers show it before the table
            self.lines.append(Line(clean_text(data)))

    # -- output ---------------------------------------------------------------------------
    def _break(self) -> None:
        table = self._tables[-1] if self._tables else None
        if table is None:
            self._flush()
        elif table.cell is not None:
            table.cell.brk()

    def _flush(self) -> None:
        raw = "".join(self._buf)
        self._buf = []
        if self._pre:  # preformatted text keeps its lines and column alignment
            for part in raw.translate(_INVISIBLE).replace("\xa0", " ").splitlines():
                if part.strip():
                    self.lines.append(Line(part.rstrip().expandtabs(), 1))
            return
        text = clean_text(raw)
        if text:
            self.lines.append(Line(text, 1))

    def close(self) -> None:
        super().close()
        if self._tables:  # an unclosed hidden element would swallow the tables' ends for ever
            self._skip.clear()
        while self._tables:  # unclosed tables at the end of the file
            self.handle_endtag("table")
        self._flush()


def read_html_text(text: str, first_table: int = 0) -> list[Line]:
    """Convert an HTML document to lines; table indexes start at first_table."""
    collector = _Collector(first_table)
    collector.feed(_COMMENT.sub(" ", text) if "<!--" in text else text)
    collector.close()
    return collector.lines
