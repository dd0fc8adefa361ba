"""What is printed around a table: its title, its units line and its column headers."""

from __future__ import annotations

import re

_UNITS = re.compile(
    r"\b(thousands?|millions?|billions?|except\s+(per|share)|in\s+(\$|€|£|usd|eur|dollars|euros))"
    r"|\$\s?(000|mm|m|bn|million)\b|^\(?\s*(\$|€|£)\s*(in\s+)?(000s?|millions?|thousands?)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"\b(statements?|balance\s+sheets?|cash\s+flows?|financial\s+(position|condition|data|results)"
    r"|income|operations|earnings|results|consolidated|condensed|reconciliations?|segments?"
    r"|summary|highlights|schedules?|supplementa(l|ry)|non-gaap|selected|data)\b",
    re.IGNORECASE,
)
_PRINT_NOISE = re.compile(
    r"https?://|www\.|^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}|^(page\s+)?\d+(\s*(/|of)\s*\d+)?$"
    r"|^[-–—\s]*\d{1,3}[-–—\s]*$",
    re.IGNORECASE,
)
_UNAUDITED = re.compile(r"^\(?\s*unaudited\s*\)?$", re.IGNORECASE)
_ENUMERATION = re.compile(r"^(\d{1,2}|[A-Z]|[ivxIVX]{1,4})[.)]\s+(?=\S)")
_MARKER = re.compile(r"(?<=[A-Za-z])\(\d{1,2}\)|(?<=[A-Za-z])\*+")
_CONTINUED = re.compile(r"\bcontinued\b|\(cont(\.|inued)?\)", re.IGNORECASE)


_PAREN = re.compile(r"\(([^()]*)\)?")
_SMALL_WORDS = {
    "of", "and", "the", "in", "for", "to", "per", "on", "from", "by", "at", "as", "or", "a",
    "an", "with", "except", "ended", "months", "weeks", "year", "quarter",
}  # fmt: skip


def is_units_text(text: str) -> bool:
    """'(In millions, except per share amounts)', '($ million)', 'in thousands of euros'."""
    text = text.strip()
    if not text or len(text) > 160:
        return False
    if any(_UNITS.search(m[1]) for m in _PAREN.finditer(text)):
        return True
    return len(text.split()) <= 10 and bool(_UNITS.search(text))  # not a sentence about them


def clean_units(text: str) -> str:
    """The units phrase: the bracketed part of a line that says more, else the whole line."""
    text = text.strip()
    for match in _PAREN.finditer(text):
        if _UNITS.search(match[1]) and text[: match.start()].strip():
            return match[1].strip()
    return text.strip("():").strip()


def looks_like_prose(text: str) -> bool:
    """A sentence or a piece of one rather than a heading."""
    words = text.split()
    if not words or words[0][0].islower() or re.search(r"[a-z]\.\s+[A-Z]", text):
        return True
    lower = [w for w in words if w[0].islower() and w.lower() not in _SMALL_WORDS]
    return len(lower) > 3


def is_print_noise(text: str) -> bool:
    """Browser print headers/footers, URLs and page numbers."""
    return bool(_PRINT_NOISE.search(text.strip()))


def is_unaudited(text: str) -> bool:
    return bool(_UNAUDITED.match(text.strip()))


def is_continued(text: str | None) -> bool:
    return bool(text) and bool(_CONTINUED.search(text or ""))


def is_title_text(text: str) -> bool:
    """A statement title: a short line naming a statement, not a sentence or a section row."""
    text = clean_title(text)
    words = text.split()
    if not words or len(words) > 16 or len(text) > 130:
        return False
    if text.endswith((".", ":", ";", ",")) or is_units_text(text) or is_print_noise(text):
        return False
    if looks_like_prose(text):
        return False
    if any(any(ch.isdigit() for ch in w) and len(w) > 4 for w in words[-2:]):
        return False  # ends in numbers: a table row
    return bool(_TITLE.search(text))


def clean_title(text: str) -> str:
    """Without a leading enumeration, glued footnote markers and a bracketed units part."""
    text = _ENUMERATION.sub("", text.strip())
    text = _MARKER.sub("", text)
    for match in _PAREN.finditer(text):
        if _UNITS.search(match[1]) and text[: match.start()].strip():
            text = text[: match.start()] + text[match.end() :]
    return " ".join(text.split())


def title_from_text_tail(page_text: str) -> tuple[str | None, str | None]:
    """A title (and units) printed at the very end of a page, above a table on the next page."""
    units: str | None = None
    lines = [ln.strip() for ln in page_text.split("\n") if ln.strip()]
    for text in reversed(lines[-10:]):
        if is_print_noise(text) or is_unaudited(text):
            continue
        if is_units_text(text):
            units = units or clean_units(text)
        if is_title_text(text):
            return clean_title(text), units
        if is_units_text(text):
            continue
        if text.endswith((".", ":")) or len(text.split()) > 16:
            break
        if any(ch.isdigit() for ch in text.split()[-1]):
            break
    return None, units
