"""Investor-relations and media contacts from a release's contact blocks."""

from __future__ import annotations

from irviewer.core.ingest.base import Line
from irviewer.core.records import Contact


def extract_contacts(lines: list[Line], company: str | None = None) -> list[Contact]:
    """Every investor, media or plain 'Contact' person or mailbox printed in the release."""
    return []
