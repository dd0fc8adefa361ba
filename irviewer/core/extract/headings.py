"""Section headings inside a release body ('Recent Highlights', 'About the Company').

A heading is a short line (at most eight words, no sentence or clause punctuation at its end)
set in Title Case or ALL CAPS that sits between the end of a paragraph or bullet item and the
start of the next paragraph or bullet item. The body marks it as a paragraph of its own that
starts with '## '.
"""

from __future__ import annotations

import re
from functools import lru_cache

from irviewer.core.extract.body_lines import is_numeric_line
from irviewer.core.extract.chars import ends_with_mark
from irviewer.core.extract.dates import date_line
from irviewer.core.extract.title_block import opens_dateline

HEADING = "## "
MAX_WORDS = 8

_FUNCTION = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
    "to", "with", "vs", "via", "per", "its", "their", "our", "that", "which", "who", "is",
    "are", "was", "be", "than", "but", "nor",
}  # fmt: skip
# A heading line never ends with these (a trailing company abbreviation aside); line ends are
# tested with ends_with_mark, which does what the pattern in the comment does.
_OPEN_END = ".!?,;:\"“”’'&/-–—(["  # r"[.!?,;:\"“”’'&/\-–—(\[]$"
# 'About Acme, Inc.' (a company name alone is a letterhead or running head, not a heading)
_ABOUT_COMPANY = re.compile(r"^About\s.*\b(?:Inc|Corp|Ltd|Co|plc|LLC|L\.P|N\.V|S\.A|AG|SE)\.$")
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")  # 'Jack A.' runs on: not a sentence end
_CONTACT = re.compile(r"\S@\S|\d{3}[\s.-]\d{4}\b|https?://|\bwww\.")
_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
# A figure at the end of the line ('Diluted shares ~2,557.2'); a year ('Outlook for 2031') is fine.
_FIGURE_END = re.compile(r"(?:^|\s)[~$€£(+-]*(?!(?:19|20)\d\d\)?$)\d[\d,.]*%?\)?$")
_BULLET_ROOM = 0.6  # an unpunctuated bullet line shorter than this share of the width ended


@lru_cache(maxsize=8192)
def looks_like_heading(text: str, width: int) -> bool:
    """A short Title Case or ALL CAPS line with no sentence punctuation at its end."""
    text = text.strip()
    if len(text) > 0.7 * max(width, 40):
        return False
    words = text.split()
    if not 1 <= len(words) <= MAX_WORDS:
        return False
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if ends_with_mark(text, _OPEN_END) and not _ABOUT_COMPANY.match(text):
        return False
    if ": " in text or _CONTACT.search(text) or opens_dateline(text) or date_line(text):
        return False
    if text.count("(") != text.count(")") or is_numeric_line(text) or _FIGURE_END.search(text):
        return False
    if words[-1].lower() in _FUNCTION:
        return False  # 'Research and' continues on the next line
    significant = [w for w in _WORD.findall(text) if w.lower() not in _FUNCTION]
    if not significant or not significant[0][0].isupper():
        return False
    if len(significant) == 1 and len(significant[0]) < 4:
        return False
    capital = sum(w[0].isupper() for w in significant)
    return capital >= 0.75 * len(significant)


def ends_paragraph(prev: str, prev_is_item: bool, width: int) -> bool:
    """Whether the printed line prev ends its paragraph or bullet item."""
    prev = prev.strip()
    if _INITIAL_END.search(prev):
        return False
    if _sentence_end(prev):
        return True
    if ends_with_mark(prev, ":", "\"”’"):  # r":[\"”’]*$"
        return len(prev.split()) >= 6  # 'The agenda will include:', not 'Media Contact:'
    if not prev_is_item or prev.endswith((",", "&", "-")):
        return False
    last = prev.split()[-1].lower() if prev.split() else ""
    return last not in _FUNCTION and len(prev) < _BULLET_ROOM * width


def opens_paragraph(text: str, is_item: bool, width: int) -> bool:
    """Whether text starts a paragraph or bullet item (a sentence, not one more short line)."""
    if is_item:
        return True
    text = text.strip()
    if not text or text[:1].islower():
        return False
    long_line = len(text.split()) > MAX_WORDS or len(text) >= 0.6 * width
    return long_line or _sentence_end(text)


def _sentence_end(text: str) -> bool:
    r"""A sentence end (closing quotes and brackets allowed) or a clause end at the end of the
    text: r"(?:[.!?;][\"”’')\]]*|[\"”])$"."""
    return ends_with_mark(text, ".!?;", "\"”’')]") or ends_with_mark(text, "\"”")


def is_heading(
    text: str,
    prev: str | None,
    prev_is_item: bool,
    nxt: str | None,
    nxt_is_item: bool,
    width: int,
) -> bool:
    """A heading line between the end of one paragraph (prev) and the start of the next.

    prev is the last printed line of the paragraph or item before text (None at the start
    of the body or after a hard break); nxt is the next printed line (None at the end).
    """
    if prev is None or nxt is None:
        return False
    return (
        looks_like_heading(text, width)
        and ends_paragraph(prev, prev_is_item, width)
        and opens_paragraph(nxt, nxt_is_item, width)
    )
