"""Above a PDF table body: section rows, column header lines, units and the title."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from irviewer.core.extract.pdf_blocks import Block, Column, LineInfo
from irviewer.core.extract.pdf_layout import Word, phrases, text_of
from irviewer.core.extract.table_captions import (
    clean_title,
    clean_units,
    is_print_noise,
    is_title_text,
    is_unaudited,
    is_units_text,
)

MAX_HEADER_LINES = 7
MAX_SECTION_LINES = 3
TITLE_SEARCH_LINES = 6


@dataclass
class TableContext:
    header_rows: list[list[str]]
    title: str | None
    units: str | None
    top_of_page: bool  # nothing but page margins above the table
    top: float = 0.0  # top of the first header line (or of the body)


def _pitch(infos: list[LineInfo], block: Block) -> float:
    tops = [infos[i].line.top for i in block.lines if infos[i].kind == "data"]
    steps = sorted(b - a for a, b in pairwise(tops) if b > a)
    return steps[len(steps) // 2] if steps else 1.6 * infos[block.lines[0]].line.size


def label_right(infos: list[LineInfo], block: Block) -> float:
    """Right edge of the widest label of the body: column headers start right of it."""
    edges = [infos[i].label[-1].x1 for i in block.lines if infos[i].label]
    return max(edges, default=block.value_left - 10)


def _split_phrases(
    words: list[Word], size: float, right: float, value_left: float
) -> tuple[list[list[Word]], list[list[Word]]] | None:
    """Label-area and column-area phrases of a header line; None when a phrase straddles both."""
    labels, cols = [], []
    for phrase in phrases(words, max(6.0, 1.0 * size)):
        x0, x1 = phrase[0].x0, max(w.x1 for w in phrase)
        if x0 >= right + 1 or (x0 + x1) / 2 >= value_left:
            cols.append(phrase)
        elif x1 < value_left - 2:
            labels.append(phrase)
        else:
            return None
    return labels, cols


def extend_upward(infos: list[LineInfo], block: Block, floor: int) -> None:
    """Prepend the label-only lines right above the first data line (section rows)."""
    pitch = _pitch(infos, block)
    added = 0
    i = block.lines[0] - 1
    while i > floor and added < MAX_SECTION_LINES:
        info = infos[i]
        below = infos[block.lines[0]].line
        text = info.line.text
        if (
            info.kind != "text"
            or info.line.x1 >= block.value_left - 2
            or below.top - info.line.top > 2.2 * pitch
            or is_units_text(text)
            or is_unaudited(text)
            or is_print_noise(text)
        ):
            break
        block.lines.insert(0, i)
        added += 1
        i -= 1


def _is_margin(info: LineInfo, height: float) -> bool:
    return info.line.top < 0.06 * height or is_print_noise(info.line.text)


def table_context(
    infos: list[LineInfo], block: Block, floor: int, page_height: float
) -> TableContext:
    """Header rows, title and units of a block; ``floor`` is the last line of the previous one."""
    pitch = _pitch(infos, block)
    right = label_right(infos, block)
    header: list[tuple[list[list[Word]], list[list[Word]]]] = []
    units: str | None = None
    header_idx: list[int] = []
    i = block.lines[0] - 1
    below_top = infos[block.lines[0]].line.top
    while i > floor and len(header) < MAX_HEADER_LINES:
        info = infos[i]
        line = info.line
        if (
            info.kind == "data"
            or below_top - line.top > max(6 * line.size, 4 * pitch)
            or is_print_noise(line.text)
        ):
            break
        split = _split_phrases(line.words, line.size, right, block.value_left)
        if split is None:
            break
        labels, cols = split
        if not cols and not (is_units_text(line.text) or is_unaudited(line.text)):
            break
        if len(cols) == 1 and not labels and is_title_text(text_of(cols[0])):
            break
        if len(cols) == 1 and not labels and is_units_text(text_of(cols[0])):
            units = units or clean_units(text_of(cols[0]))  # a units line between the headers
            i -= 1
            continue
        header.append(split)
        header_idx.append(i)
        below_top = line.top
        i -= 1
    # label-only lines on top of the header are units printed above it, not header rows
    while header and not header[-1][1]:
        header.pop()
        i = header_idx.pop()
    header.reverse()
    header_idx.reverse()
    rows = [_header_row(labels, cols, block.columns) for labels, cols in header]

    for labels, cols in header:
        for phrase in labels + cols:
            if units is None and is_units_text(text_of(phrase)):
                units = clean_units(text_of(phrase))
    top_index = header_idx[0] if header_idx else block.lines[0]
    title, above_units = find_title(infos, top_index, floor)
    units = units or above_units
    top_of_page = all(_is_margin(infos[k], page_height) for k in range(max(floor, 0), top_index))
    if floor >= 0:
        top_of_page = False
    return TableContext(rows, title, units, top_of_page, infos[top_index].line.top)


def find_title(infos: list[LineInfo], top_index: int, floor: int) -> tuple[str | None, str | None]:
    """The statement title (and a units line) printed above line ``top_index``."""
    title = units = None
    seen = 0
    j = top_index - 1
    while j > floor and seen < TITLE_SEARCH_LINES:
        info = infos[j]
        text = info.line.text
        if info.kind == "data":
            break
        if not is_print_noise(text):
            seen += 1
            if is_units_text(text):
                units = units or clean_units(text)
            if is_title_text(text):
                title = clean_title(text)
                nxt = infos[j + 1].line.text if j + 1 < len(infos) else ""
                if is_unaudited(nxt) and "unaudited" not in title.lower():
                    title = f"{title} {nxt.strip()}"
                break
        j -= 1
    return title, units


def _header_row(
    labels: list[list[Word]], cols: list[list[Word]], columns: list[Column]
) -> list[str]:
    row = [" ".join(text_of(p) for p in labels)] + [""] * len(columns)
    for phrase in cols:
        k = _column_of(phrase[0].x0, max(w.x1 for w in phrase), columns)
        row[k + 1] = f"{row[k + 1]} {text_of(phrase)}".strip()
    return row


def _column_of(x0: float, x1: float, columns: list[Column]) -> int:
    """The column a header phrase belongs to: the first one it spans, else the nearest."""
    overlaps = [(min(x1, c.ax1) - max(x0, c.x0), c.ax1 - c.x0) for c in columns]
    covered = [k for k, (ov, width) in enumerate(overlaps) if ov >= 0.5 * max(width, 1.0)]
    if covered:
        return covered[0]
    best = max(range(len(columns)), key=lambda k: overlaps[k][0])
    if overlaps[best][0] > 0:
        return best
    center = (x0 + x1) / 2
    return min(
        range(len(columns)),
        key=lambda k: max(columns[k].x0 - center, center - columns[k].ax1, 0.0),
    )
