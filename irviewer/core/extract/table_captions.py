"""Titles and units of tables: the captions printed around them.

Two rule sets live here, one per kind of source, because they do not agree on every line
(see the PDF section): merging them into one would change what is extracted.

* HTML and text tables (is_units_line, title_and_units, split_units, strip_parens): the short
  lines printed just above the table.
* PDF tables (is_units_text, is_title_text, clean_title, clean_units, title_from_text_tail):
  lines around a table found on a page, and the end of the page before it.
"""

from __future__ import annotations

import re

# -- HTML and text tables -------------------------------------------------------------------

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


# -- PDF tables -------------------------------------------------------------------------------
# Not the rules above: these units name 'thousand' and '$ in 000s' but not a bare 'dollars' or
# '€m', titles need a statement word from another list and lose enumerations and footnote
# marks, and a units part is cut from a line that says more ('Balance Sheets (in thousands)'
# -> 'in thousands').

_PDF_UNITS = re.compile(
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
    if any(_PDF_UNITS.search(m[1]) for m in _PAREN.finditer(text)):
        return True
    return len(text.split()) <= 10 and bool(_PDF_UNITS.search(text))  # not a sentence about them


def clean_units(text: str) -> str:
    """The units phrase: the bracketed part of a line that says more, else the whole line."""
    text = text.strip()
    for match in _PAREN.finditer(text):
        if _PDF_UNITS.search(match[1]) and text[: match.start()].strip():
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
        if _PDF_UNITS.search(match[1]) and text[: match.start()].strip():
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
