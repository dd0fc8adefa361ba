"""Reflow printed lines into clean paragraphs and bullet items."""

from __future__ import annotations

from irviewer.core.ingest.base import Line


def build_body(lines: list[Line]) -> str:
    """Paragraphs separated by blank lines; bullet items start with '• '."""
    return "\n".join(line.text for line in lines)
