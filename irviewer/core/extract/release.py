"""Find the press release inside a wrapper (8-K cover, exhibits): a span of line indexes."""

from __future__ import annotations

from irviewer.core.ingest.base import Line


def find_release(lines: list[Line]) -> tuple[int, int]:
    """Return (start, end) line indexes of the press release; the whole document by default."""
    return 0, len(lines)
