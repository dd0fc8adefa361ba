"""Title and units of a table from the short lines printed just above it (HTML and text tables).

Kept apart from the PDF extractor's own detection for now; the two may merge later.
"""

from __future__ import annotations

import re

_UNITS = re.compile(
    r"(\b(?:thousands|millions|billions|except\s+(?:per|share)|amounts\s+in|dollars|euros?)\b"
    r"|[$€£]\s*(?:000|m|mm|bn)\b)",
    re.IGNORECASE,
)
_STATEMENT = re.compile(
    r"\b(statements?|balance\s+sheets?|income|operations|cash\s+flows?|financial\s+position"
    r"|comprehensive|equity|reconciliation|results|financial\s+(?:information|data|highlights)"
    r"|selected|summary|earnings|revenues?|segment)\b",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,3}\s*[-–]?$", re.IGNORECASE)
_INTRO = re.compile(r":\s*$|\b(?:following|below|table)\b", re.IGNORECASE)
MAX_CAPTION_WORDS = 16


def is_units_line(text: str) -> bool:
    """'(In millions, except per share data; unaudited)' and the like (a scale is named)."""
    text = text.strip()
    return bool(_UNITS.search(text)) and len(text.split()) <= MAX_CAPTION_WORDS


def is_caption_candidate(text: str) -> bool:
    """A short line that could name a table: not a sentence, not a page number."""
    text = text.strip()
    if not text or _PAGE_NUMBER.match(text) or len(text.split()) > MAX_CAPTION_WORDS:
        return False
    if text.endswith((".", ";", ",")) and not text.endswith(("Inc.", "Corp.", "Co.", "Ltd.")):
        return False
    return any(ch.isalpha() for ch in text)


def strip_parens(text: str) -> str:
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        return text[1:-1].strip()
    return text


_PAREN_GROUP = re.compile(r"\s*\(([^()]*)\)")


def split_units(text: str) -> tuple[str, str | None]:
    """A caption line without its bracketed units part, and that part.

    'Statements of Operations (unaudited) (in thousands, except per share amounts)' ->
    ('Statements of Operations (unaudited)', 'in thousands, except per share amounts').
    Only a bracket after some title words counts; other brackets stay in the title.
    """
    text = " ".join(text.split())
    for match in _PAREN_GROUP.finditer(text):
        inner = match[1].strip()
        if _UNITS.search(inner) and text[: match.start()].strip():
            title = (text[: match.start()] + text[match.end() :]).strip(" ,;:-–—")
            return " ".join(title.split()), inner
    return text, None


def title_and_units(above: list[str]) -> tuple[str | None, str | None]:
    """Pick a title and units from the caption lines above a table (nearest last).

    The units line is the nearest one naming a scale (thousands, millions, per share); the
    title is the nearest line naming a statement, else the nearest other caption line.
    The search stops at prose, except for one introductory sentence right above the table.
    A bracketed units part printed on the title line goes to the units.
    """
    units: str | None = None
    title: str | None = None
    fallback: str | None = None
    for n, text in enumerate(reversed(above)):
        text = text.strip()
        if len(text.split()) > MAX_CAPTION_WORDS:
            if n == 0 and _INTRO.search(text):
                continue  # 'The following table shows ...' right above the table
            break  # prose: captions do not reach past it
        if not is_caption_candidate(text):
            continue
        if is_units_line(text) and not _STATEMENT.search(strip_parens(text).split("(")[0]):
            if units is None:
                units = strip_parens(text)
            continue
        if text.startswith("(") and text.endswith(")"):
            continue  # '(Unaudited)' and similar notes
        if title is None and _STATEMENT.search(text):
            title = text
        elif fallback is None:
            fallback = text
    picked = title or fallback
    if picked:
        picked, line_units = split_units(picked)
        units = units or line_units
    return picked, units
