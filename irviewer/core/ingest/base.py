"""The intermediate form every reader produces and every extractor consumes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# C0 and C1 control characters other than tab, line feed, carriage return and form feed
# (they would show as boxes, and U+0002/U+0003 are the search-highlight marks); a vertical
# tab is a manual line break.
_CONTROLS: dict[int, str | None] = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
)
_CONTROLS[0x0B] = "\n"


_CONTROL_CHAR = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROLS)) + "]")


def strip_controls(text: str) -> str:
    """Drop control characters that are not line structure (see _CONTROLS)."""
    if not _CONTROL_CHAR.search(text):  # translating is slow on non-ASCII text: only if needed
        return text
    return text.translate(_CONTROLS)


@dataclass(frozen=True)
class Line:
    """One printed line of text.

    ``cells`` is set for rows of an HTML table (``table`` numbers the table within
    the document); for other lines both are None.
    """

    text: str
    page: int = 1  # 1-based
    cells: tuple[str, ...] | None = None
    table: int | None = None


@dataclass
class RawDocument:
    path: Path
    format: str  # pdf | text | markdown | html
    sha256: str
    size: int
    lines: list[Line]
    pages: list[str] = field(default_factory=list)  # per-page text, PDF only

    @property
    def page_count(self) -> int:
        return len(self.pages)
