"""The intermediate form every reader produces and every extractor consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
