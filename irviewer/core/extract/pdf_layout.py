"""Page geometry for PDF tables: words and printed lines from pdfplumber chars, value tokens.

pdfplumber's own word grouping splits numbers where a PDF draws stray space glyphs over the
digits; building words from the glyph boxes directly (spaces only as separators) avoids it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median
from typing import Any

_SPACES = {" ", "\u00a0", "\u2002", "\u2003", "\u2009", "\t"}
_NUMBER = re.compile(
    r"""^[-\u2212\u2013]?[$€£¥]?\(?[-\u2212\u2013]?[$€£¥]?
        (?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?<=\d)\)?%?\)?x?$""",
    re.VERBOSE,
)
_DASH = re.compile(r"^\(?[-\u2012\u2013\u2014\u2015\u2212]{1,3}\)?%?$")
_MARKERS = {"n/m", "nm", "n.m.", "nmf", "n/a", "*", "**", "***"}
_CURRENCY = {"$", "€", "£", "¥", "us$"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
LEADER = re.compile(r"(?:\.\s?){3,}$")  # dot leaders running from a label to its values
_LEADER_ONLY = re.compile(r"^[.\u2026]{3,}$")


@dataclass(frozen=True)
class Word:
    """A run of glyphs without a visible gap."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class PdfLine:
    """One printed line: words sharing a baseline (within a small tolerance), left to right."""

    words: list[Word]
    page: int
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)

    def __post_init__(self) -> None:
        self.words.sort(key=lambda w: w.x0)
        self.top = min(w.top for w in self.words)
        self.bottom = max(w.bottom for w in self.words)
        self.size = max(w.size for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def is_currency(text: str) -> bool:
    return text.lower() in _CURRENCY


def is_value_text(text: str) -> bool:
    """A printed value (number, dash, percent, 'n/m', '*'), not a currency sign alone."""
    low = text.lower()
    if low in _MARKERS or _DASH.match(text):
        return True
    return bool(_NUMBER.match(text))


def is_value_word(text: str) -> bool:
    """What may appear in a value column: a value, a currency sign or a lone '%'."""
    return is_value_text(text) or is_currency(text) or text == "%"


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text))


def _line_groups(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group glyphs into printed lines by their top edge (superscripts stay on their line)."""
    sizes = [c["size"] for c in chars if c["text"] not in _SPACES]
    tol = 0.4 * (median(sizes) if sizes else 10.0)
    groups: list[list[dict[str, Any]]] = []
    ref = None
    for char in sorted(chars, key=lambda c: c["top"]):
        if ref is None or char["top"] - ref > tol:
            groups.append([char])
            ref = char["top"]
        else:
            groups[-1].append(char)
    return _attach_fragments(groups, median(sizes) if sizes else 10.0)


def _attach_fragments(
    groups: list[list[dict[str, Any]]], body: float
) -> list[list[dict[str, Any]]]:
    """Put a few small raised or lowered glyphs (a printed fraction's '3') on their line."""
    out: list[list[dict[str, Any]]] = []
    for i, group in enumerate(groups):
        small = len(group) <= 4 and max(c["size"] for c in group) < 0.85 * body
        if small:
            top = min(c["top"] for c in group)
            bottom = max(c["bottom"] for c in group)
            for j in (i - 1, i + 1):
                if not 0 <= j < len(groups) or (j == i - 1 and not out):
                    continue
                other = out[-1] if j == i - 1 else groups[j]
                if min(c["top"] for c in other) < bottom and max(c["bottom"] for c in other) > top:
                    other.extend(group)
                    break
            else:
                out.append(group)
            continue
        out.append(group)
    return out


def _words_of_line(chars: list[dict[str, Any]]) -> list[Word]:
    glyphs = sorted((c for c in chars if c["text"] not in _SPACES), key=lambda c: c["x0"])
    spaces = sorted((c["x0"] + c["x1"]) / 2 for c in chars if c["text"] in _SPACES)
    words: list[Word] = []
    run: list[dict[str, Any]] = []

    def flush() -> None:
        if run:
            words.append(
                Word(
                    "".join(c["text"] for c in run),
                    run[0]["x0"],
                    max(c["x1"] for c in run),
                    min(c["top"] for c in run),
                    max(c["bottom"] for c in run),
                    max(c["size"] for c in run),
                )
            )
            run.clear()

    for char in glyphs:
        if run:
            prev = run[-1]
            # a glyph drawn twice at (almost) the same spot: fake bold
            if char["text"] == prev["text"] and abs(char["x0"] - prev["x0"]) < 0.3 * (
                prev["x1"] - prev["x0"] + 0.1
            ):
                continue
            gap = char["x0"] - prev["x1"]
            tol = min(3.0, max(1.0, 0.17 * char["size"]))
            spaced = any(prev["x1"] - 0.5 <= s <= char["x0"] + 0.5 for s in spaces)
            if gap > tol or spaced:
                flush()
        run.append(char)
    flush()
    return words


def _is_private(text: str) -> bool:
    """Icon-font glyphs (private use area) and control characters carry no text."""
    code = ord(text[0])
    return 0xE000 <= code <= 0xF8FF or code < 0x20 or code >= 0xF0000


def page_lines(page: Any, number: int) -> list[PdfLine]:
    """Printed lines of a pdfplumber page, top to bottom (upright glyphs inside the page)."""
    width, height = page.width, page.height
    chars = [
        c
        for c in page.chars
        if c.get("upright", True)
        and c["x1"] > 0
        and c["x0"] < width
        and c["bottom"] > 0
        and c["top"] < height
        and c["text"]
        and not _is_private(c["text"])
    ]
    lines = []
    for group in _line_groups(chars):
        words = _words_of_line(group)
        if words:
            lines.append(PdfLine(words, number))
    lines.sort(key=lambda line: line.top)
    return lines


def split_label_values(line: PdfLine) -> tuple[list[Word], list[Word]]:
    """Split a line into its label words and the trailing value words.

    The trailing run of value-like words counts as values from the first one that stands
    clear of the label text: a number printed right after a word ('due 2026') is label.
    """
    words = line.words
    start = len(words)
    while start > 0 and is_value_word(words[start - 1].text):
        start -= 1
    gap_min = max(5.0, 0.9 * line.size)
    while 0 < start < len(words):
        word, prev = words[start], words[start - 1]
        if is_currency(word.text) or word.x0 - prev.x1 >= gap_min or LEADER.search(prev.text):
            break  # a currency sign or a dot leader always opens the values
        start += 1
    label, values = words[:start], words[start:]
    if not any(is_value_text(w.text) for w in values):
        return words, []
    return label, values


def phrases(words: list[Word], gap: float) -> list[list[Word]]:
    """Split left-to-right words into phrases wherever the gap exceeds ``gap``."""
    out: list[list[Word]] = []
    for word in words:
        if out and word.x0 - out[-1][-1].x1 <= gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def text_of(words: list[Word]) -> str:
    """Words joined by single spaces, without dot leaders."""
    text = " ".join(w.text for w in words if not _LEADER_ONLY.match(w.text))
    return LEADER.sub("", text).rstrip()
