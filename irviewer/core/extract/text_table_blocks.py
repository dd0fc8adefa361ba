"""Group classified text lines into raw tables, pairing label blocks with number blocks.

Two layouts are handled:

* aligned rows, where each line holds a label and its numbers (``Net loss  (34,152)  (33,227)``);
* split blocks, where a statement's labels are printed in one block and its numbers in a
  later one (text extracted column by column), possibly across a page break. Label blocks
  and number blocks are queued and paired in order, one label item per number row; section
  headings (``Revenues:``, ``ASSETS``) take no number row, wrapped labels are joined.

Prose ends everything pending: labels and numbers are paired only within one table region.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from irviewer.core.extract.text_table_lines import Kind, TextLine, Token, is_heading_text


@dataclass
class RawRow:
    label: str
    cells: list[Token]
    heading: bool = False


@dataclass
class RawTable:
    title: str | None
    units: str | None
    header: list[TextLine]
    rows: list[RawRow] = field(default_factory=list)
    page: int = 1


@dataclass
class _LabelBlock:
    lines: list[TextLine]
    title: str | None
    units: str | None = None
    rows: list[RawRow] | None = None  # set once part of the block has been paired


@dataclass
class _NumberBlock:
    rows: list[TextLine]
    header: list[TextLine]
    title: str | None
    orphan: bool = False  # no labels were waiting: numbers never take labels printed later


def _is_continuation(prev: str, text: str) -> bool:
    """A wrapped label: the next part starts in lower case or after a dangling word."""
    if prev.endswith(":") or is_heading_text(prev):
        return False
    first = text.lstrip()[:1]
    if first.islower() or first == "&":
        return True
    words = prev.split()
    return bool(words) and words[-1].lower() in {
        "of", "and", "to", "for", "on", "in", "from", "the", "&", "or", "with", "by", "a", "an"
    }


def label_items(lines: list[TextLine], *, caps_headings: bool = True, join: bool = True
                ) -> list[RawRow]:
    """Rows of a label block: items (which take a number row) and headings (which do not)."""
    rows: list[RawRow] = []
    for line in lines:
        text = line.label.strip()
        if join and rows and not rows[-1].heading and _is_continuation(rows[-1].label, text):
            rows[-1].label = f"{rows[-1].label} {text}"
            continue
        heading = text.endswith(":") or (caps_headings and is_heading_text(text))
        rows.append(RawRow(text, [], heading))
    return rows


def _item_count(rows: list[RawRow]) -> int:
    return sum(1 for r in rows if not r.heading)


def _best_items(block: _LabelBlock, wanted: int) -> list[RawRow]:
    """Read the block the way that yields `wanted` items, if any does."""
    if block.rows is not None:
        return block.rows
    options = [
        label_items(block.lines),
        label_items(block.lines, caps_headings=False),
        label_items(block.lines, join=False),
        label_items(block.lines, caps_headings=False, join=False),
    ]
    return next((rows for rows in options if _item_count(rows) == wanted), options[0])


class _Builder:
    """A small state machine fed one classified line at a time."""

    def __init__(self) -> None:
        self.tables: list[RawTable] = []
        self.labels: list[_LabelBlock] = []
        self.numbers: list[_NumberBlock] = []
        self.open: Kind | None = None  # the block being filled: LABEL or VALUES
        self.header: list[TextLine] = []
        self.title: str | None = None
        self.units: str | None = None
        self.current: RawTable | None = None  # the open table rows are added to

    def feed(self, line: TextLine) -> None:
        kind = line.kind
        if kind is Kind.BLANK:
            return
        if kind is not self.open:
            self._close()
            self.pair()
        if kind is Kind.PROSE:
            self.reset()
        elif kind is Kind.TITLE:
            self.labels = [b for b in self.labels if b.title is not None]
            self.title = line.label
            self.current = None
        elif kind is Kind.UNITS:
            self.units = line.label
        elif kind is Kind.HEADER:
            self.header = [*self.header, line]
            self.current = None
        elif kind is Kind.ROW:
            self.add_row(line)
        elif kind is Kind.VALUES:
            if self.open is Kind.VALUES:
                self.numbers[-1].rows.append(line)
            else:
                orphan = not self.labels
                self.numbers.append(_NumberBlock([line], self.header, self.title, orphan))
                self.header = []
                self.open = Kind.VALUES
        elif kind is Kind.LABEL:
            if self.open is Kind.LABEL:
                self.labels[-1].lines.append(line)
            else:
                self.labels.append(_LabelBlock([line], self.title, self.units))
                self.open = Kind.LABEL

    def _close(self) -> None:
        """End the open block; drop number blocks that cannot be table rows."""
        if self.open is Kind.VALUES:
            block = self.numbers[-1]
            lone = len(block.rows) == 1 and len(block.rows[0].cells) == 1  # a page number
            if block.orphan or lone:
                self.numbers.pop()
        self.open = None

    def finish(self) -> list[RawTable]:
        self._close()
        self.pair()
        return self.tables

    def reset(self) -> None:
        """Prose: nothing pending carries over."""
        self.labels.clear()
        self.numbers.clear()
        self.header = []
        self.title = None
        self.units = None
        self.current = None

    # -- aligned rows ---------------------------------------------------------------------
    def add_row(self, line: TextLine) -> None:
        pending: list[RawRow] = []
        if not self.numbers:  # label lines just above are section headings or label parts
            pending = [
                r for b in self.labels
                for r in (b.rows if b.rows is not None else label_items(b.lines))
            ]
            self.labels.clear()
        label = line.label
        if pending and not pending[-1].heading and _is_continuation(pending[-1].label, label):
            label = f"{pending.pop().label} {label}"
        if self.current is None:
            self.current = RawTable(self.title, self.units, self.header, page=line.page)
            self.tables.append(self.current)
            self.header = []
        self.current.rows.extend(RawRow(r.label, [], True) for r in pending)
        self.current.rows.append(RawRow(label, line.cells))

    # -- split blocks ---------------------------------------------------------------------
    def pair(self) -> None:
        """Pair complete label blocks with complete number blocks, in order."""
        while len(self.labels) > (self.open is Kind.LABEL) and len(self.numbers) > (
            self.open is Kind.VALUES
        ):
            block, numbers = self.labels[0], self.numbers[0]
            rows = _best_items(block, len(numbers.rows))
            if not _item_count(rows):  # headings only: these numbers belong to no label here
                self.labels.pop(0)
                self.numbers.pop(0)
                continue
            n = min(_item_count(rows), len(numbers.rows))
            taken: list[RawRow] = []
            used = 0
            for row in rows:
                if not row.heading and used == n:
                    break
                if not row.heading:
                    row.cells = numbers.rows[used].cells
                    used += 1
                taken.append(row)
            self._emit(block, numbers, taken)
            rest = rows[len(taken):]
            if rest:
                block.rows = rest
            else:
                self.labels.pop(0)
            if n < len(numbers.rows):
                numbers.rows = numbers.rows[n:]
                numbers.header = []
            else:
                self.numbers.pop(0)

    def _emit(self, block: _LabelBlock, numbers: _NumberBlock, rows: list[RawRow]) -> None:
        """Add paired rows to the open table, or start one (a new header or title)."""
        last = self.current
        if last is not None and not numbers.header and block.title == last.title:
            last.rows.extend(rows)
            return
        table = RawTable(block.title, block.units, numbers.header, rows, numbers.rows[0].page)
        self.tables.append(table)
        self.current = table


def build_raw_tables(lines: list[TextLine]) -> list[RawTable]:
    """Raw tables in document order."""
    builder = _Builder()
    for line in lines:
        builder.feed(line)
    return builder.finish()
