"""Unruled tables on one page: value cells per line, table blocks, value columns, body rows.

A line's trailing value words (numbers, dashes, `$`, `%`) become cells; runs of such lines
form a block; the cells' x-intervals, clustered over the block, give the value columns.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import pairwise

from irviewer.core.extract.pdf_layout import (
    PdfLine,
    Word,
    is_currency,
    is_value_text,
    is_year,
    split_label_values,
    text_of,
)
from irviewer.core.extract.table_captions import is_title_text, is_units_text

MIN_DATA_LINES = 3
MAX_PENDING_TEXT = 6
_CONNECTORS = {
    "and", "or", "of", "to", "for", "in", "on", "the", "a", "an", "by", "with", "from",
    "per", "at", "as", "less", "net", "including", "excluding", "before", "after", "into",
}  # fmt: skip


_PERIOD = re.compile(
    r"\b(years?|quarters?|months|weeks|ended|ending|fiscal|as of|period|jan|feb|mar|apr|may|jun"
    r"|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
_FOOTNOTE_END = re.compile(r"(\(\w{1,2}\)|\*+)$")


@dataclass
class Cell:
    """One printed value: `$` and `%` signs joined to their number."""

    text: str
    x0: float  # left edge, currency sign included
    ax0: float  # the number's own interval
    ax1: float


@dataclass
class LineInfo:
    """A printed line split into label words and value cells."""

    line: PdfLine
    label: list[Word]
    cells: list[Cell]
    kind: str  # data | years | text

    @property
    def label_text(self) -> str:
        return text_of(self.label)


@dataclass
class Column:
    x0: float  # left edge, currency signs included
    ax0: float
    ax1: float
    support: int


@dataclass
class Block:
    """Lines of one table body (data lines and the label lines between them)."""

    lines: list[int]  # indexes into the page's LineInfo list
    tail: list[int] = field(default_factory=list)  # label-only lines right after the body
    columns: list[Column] = field(default_factory=list)
    value_left: float = 0.0  # where the value area starts (currency signs included)
    num_left: float = 0.0  # leftmost number


def _cells(values: list[Word]) -> list[Cell]:
    cells: list[Cell] = []
    sign: Word | None = None
    for word in values:
        if is_currency(word.text):
            sign = word
        elif word.text == "%" and cells:
            cells[-1].text += " %"
            cells[-1].ax1 = word.x1
        elif is_value_text(word.text):
            text = word.text
            glued = re.match(r"^([-\u2212]?)([$€£¥])(.+)$", text)
            if glued and not sign:  # '$5,076' -> '$ 5,076'
                text = f"{glued[2]} {glued[1]}{glued[3]}"
            x0 = word.x0
            if sign is not None:
                text, x0 = f"{sign.text} {text}", sign.x0
            cells.append(Cell(text, x0, word.x0, word.x1))
            sign = None
    return cells


def analyse_line(line: PdfLine) -> LineInfo:
    label, values = split_label_values(line)
    cells = _cells(values)
    if not cells:
        return LineInfo(line, line.words, [], "text")
    label_text = text_of(label)
    if all(is_year(c.text) for c in cells) and (
        not label or is_units_text(label_text) or _PERIOD.search(label_text)
    ):
        return LineInfo(line, label, cells, "years")
    return LineInfo(line, label, cells, "data")


def find_blocks(infos: list[LineInfo]) -> list[Block]:
    """Runs of data lines joined by the label-only lines between them."""
    blocks: list[Block] = []
    current: list[int] = []
    pending: list[int] = []
    lefts: list[float] = []  # each data line's first cell, currency sign included
    num_lefts: list[float] = []
    value_left = num_left = math.inf

    def close() -> None:
        nonlocal current, pending, value_left, num_left
        if sum(infos[i].kind == "data" for i in current) >= MIN_DATA_LINES:
            blocks.append(
                Block(list(current), list(pending), value_left=value_left, num_left=num_left)
            )
        current, pending = [], []
        lefts.clear()
        num_lefts.clear()
        value_left = num_left = math.inf

    for i, info in enumerate(infos):
        if current:
            last = infos[(pending or current)[-1]].line
            if info.line.top - last.top > _gap_limit(infos, current):
                close()
        if info.kind == "data":
            current.extend(pending)
            current.append(i)
            pending = []
            lefts.append(info.cells[0].x0)
            num_lefts.append(info.cells[0].ax0)
            value_left, num_left = _left_edge(lefts), _left_edge(num_lefts)
            continue
        if not current:
            continue
        line = info.line
        in_columns = line.x0 >= value_left - 3
        straddles = line.x1 > num_left + 2 and not line.text.endswith(":")
        last = infos[(pending or current)[-1]].line
        # a title after a blank gap starts another table
        titled = line.top - last.top > 1.8 * _pitch(infos, current) and is_title_text(line.text)
        crowded = len(pending) >= MAX_PENDING_TEXT
        if info.kind == "years" or in_columns or straddles or titled or crowded:
            close()
        else:
            pending.append(i)
    close()
    return blocks


def _left_edge(xs: list[float]) -> float:
    """Where the value area starts: the leftmost first cell, unless one line alone reaches far
    left of all the others (a number printed inside a label)."""
    ordered = sorted(xs)
    if len(ordered) >= 3 and ordered[1] - ordered[0] > 30:
        return ordered[1]
    return ordered[0]


def _pitch(infos: list[LineInfo], current: list[int]) -> float:
    """Median distance between the data lines so far."""
    tops = [infos[i].line.top for i in current if infos[i].kind == "data"]
    steps = sorted(b - a for a, b in pairwise(tops) if b > a)
    return steps[len(steps) // 2] if steps else 1.6 * infos[current[-1]].line.size


def _gap_limit(infos: list[LineInfo], current: list[int]) -> float:
    return max(3.2 * _pitch(infos, current), 3.0 * infos[current[-1]].line.size)


def cluster_columns(rows: list[list[Cell]]) -> list[Column]:
    """Value columns from the cells of the data lines (overlapping intervals form a column)."""
    items = sorted(
        ((c.ax0, c.ax1, r, c) for r, cells in enumerate(rows) for c in cells), key=lambda t: t[0]
    )
    groups: list[list[tuple[float, float, int, Cell]]] = []
    right = -math.inf
    for item in items:
        if groups and item[0] <= right:
            groups[-1].append(item)
            right = max(right, item[1])
        else:
            groups.append([item])
            right = item[1]
    split: list[list[tuple[float, float, int, Cell]]] = []
    for group in groups:
        split.extend(_split_group(group))
    n_rows = sum(1 for cells in rows if cells)
    need = max(2, math.ceil(0.15 * n_rows))
    columns = [
        Column(
            min(i[3].x0 for i in g),
            min(i[0] for i in g),
            max(i[1] for i in g),
            len({i[2] for i in g}),
        )
        for g in split
    ]
    strong = [c for c in columns if c.support >= need]
    return sorted(strong, key=lambda c: c.ax0)


def _split_group(group: list[tuple[float, float, int, Cell]]) -> list[list]:
    """Split a merged interval group where one line has two cells in it, at the widest gap
    between right edges (two columns chained together by a stray wide cell)."""
    rows = [i[2] for i in group]
    if len(rows) == len(set(rows)) or len(group) < 2:
        return [group]
    by_right = sorted(group, key=lambda i: i[1])
    gaps = [(by_right[k + 1][1] - by_right[k][1], k) for k in range(len(by_right) - 1)]
    _, k = max(gaps)
    return _split_group(by_right[: k + 1]) + _split_group(by_right[k + 1 :])


def assign_cells(cells: list[Cell], columns: list[Column]) -> tuple[list[str], list[Cell]]:
    """Cells per column (joined when two land in one), and cells left of every column."""
    out = [""] * len(columns)
    stray: list[Cell] = []
    if not columns:
        return out, cells
    first = columns[0]
    for cell in cells:
        if cell.ax1 < first.ax0 - 4 and cell.ax1 < first.x0:
            stray.append(cell)
            continue
        best = max(
            range(len(columns)),
            key=lambda k: (
                min(cell.ax1, columns[k].ax1) - max(cell.ax0, columns[k].ax0),
                -abs(cell.ax1 - columns[k].ax1),
            ),
        )
        out[best] = f"{out[best]} {cell.text}".strip()
    return out, stray


@dataclass
class BodyLine:
    """A line of the table body ready for row assembly."""

    label: str
    x0: float
    x1: float
    values: list[str]
    first_word_width: float
    top: float = 0.0

    @property
    def has_values(self) -> bool:
        return any(self.values)


def body_lines(infos: list[LineInfo], block: Block, tail: bool = False) -> list[BodyLine]:
    out: list[BodyLine] = []
    for i in block.tail if tail else block.lines:
        info = infos[i]
        values, stray = assign_cells(info.cells, block.columns)
        label_words = list(info.label)
        if stray:  # numbers printed inside the label area belong to the label
            label = " ".join([text_of(label_words)] + [c.text for c in stray]).strip()
        else:
            label = text_of(label_words)
        if label_words:
            x0, x1 = label_words[0].x0, label_words[-1].x1
            width = label_words[0].x1 - label_words[0].x0
        else:
            x0 = x1 = info.line.x0
            width = 0.0
        out.append(BodyLine(label, x0, x1, values, width, info.line.top))
    return out


def _continues(prev: BodyLine, line: BodyLine, label_right: float, pitch: float) -> bool:
    """Whether ``line`` carries on the label of ``prev`` (a label line without values)."""
    if prev.label.endswith(":"):
        return False
    if not line.label:
        return line.has_values
    first = line.label[0]
    if first.islower() or first.isdigit():
        return True
    last = prev.label.split()[-1].lower()
    if last in _CONNECTORS or prev.label[-1] in ",-–—&/(":
        return True
    if _FOOTNOTE_END.search(prev.label) or abs(line.x0 - prev.x0) > 3:
        return False
    if line.top - prev.top > pitch + 1.5:  # set apart: a heading over its first item
        return False
    # the first word would not have fitted on the previous line: the label wrapped there
    return prev.x1 + 3 + line.first_word_width > label_right + 1


def assemble_rows(
    lines: list[BodyLine], keep_tail: bool = False, label_right: float = 0.0
) -> list[list[str]]:
    """Rows from body lines: wrapped labels joined, label-only lines kept as section rows.

    Label-only lines after the last row are dropped unless ``keep_tail``.
    """
    label_right = max([b.x1 for b in lines if b.label] + [label_right])
    width = len(lines[0].values) if lines else 0
    tops = [b.top for b in lines if b.has_values]
    steps = sorted(b - a for a, b in pairwise(tops) if b > a)
    pitch = steps[len(steps) // 2] if steps else 20.0
    rows: list[list[str]] = []
    pending: BodyLine | None = None
    last_had_values = False
    for line in lines:
        if not line.has_values:
            if pending is not None and _continues(pending, line, label_right, pitch):
                pending = _join(pending, line)
            elif pending is None and last_had_values and line.label[:1].islower():
                rows[-1][0] = f"{rows[-1][0]} {line.label}".strip()
            else:
                if pending is not None:
                    rows.append([pending.label] + [""] * width)
                pending = line
            continue
        label = line.label
        if pending is not None:
            if _continues(pending, line, label_right, pitch):
                label = f"{pending.label} {line.label}".strip()
            else:
                rows.append([pending.label] + [""] * width)
        pending = None
        rows.append([label, *line.values])
        last_had_values = True
    if keep_tail and pending is not None:
        rows.append([pending.label] + [""] * width)
    return rows


def _join(prev: BodyLine, line: BodyLine) -> BodyLine:
    return BodyLine(
        f"{prev.label} {line.label}".strip(), prev.x0, line.x1, line.values, prev.first_word_width
    )
