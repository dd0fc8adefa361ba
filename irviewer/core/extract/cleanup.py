"""Line-level cleanup shared by the metadata and body extractors.

Markdown markers, common OCR misreadings, and page furniture (page numbers, browser print
headers and URL footers, lines repeated on most pages, EDGAR document headers).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from irviewer.core.ingest.base import Line

_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|www\.)[^)\s]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
# OCR: a 'g' read for the final 'q' of Nasdaq, a pipe read for a roman one.
_NASDAQ_G = re.compile(r"\b(NASDA|Nasda|nasda)g\b")
_PIPE_FOR_I = re.compile(r"\b(Phase|PHASE|[A-Z]{3,}) \|(?=[\s,;.)]|$)")
_IL_FOR_II = re.compile(r"\b(Phase|PHASE|[A-Z]{3,}) Il\b")

PRINT_HEADER = re.compile(
    r"^\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?\s*(?P<title>.*)$"
)
URL_FOOTER = re.compile(r"^\s*(?:https?://|www\.)\S+(?:\s*…)?\s+\d{1,4}\s*/\s*\d{1,4}\s*$")
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.I
)
# The reader's '[document EX-99.1]' marker, or '<TYPE> <SEQUENCE> <FILENAME> [<DESCRIPTION>]'
# as an EDGAR full submission prints it when read as plain HTML.
DOC_HEADER = re.compile(
    r"^\s*\[document (?P<mtype>[^\]]+)\]\s*$"
    r"|^\s*(?P<type>EX-\d+(?:\.\d+)?[A-Z]?(?:\.[A-Z]+)?|\d{1,2}-K(?:/A)?|SC [\w-]+(?:/A)?|"
    r"GRAPHIC|XML|ZIP|JSON|EXCEL|PDF|10-[QK](?:/A)?|DEF \w+)\s+\d{1,3}\s+\S+\.\w{2,5}\b",
    re.I,
)
EXHIBIT_LABEL = re.compile(
    r"^\s*(?:exhibit|ex-)\s*(?:no\.?\s*)?"
    r"(?P<num>\d{1,3}(?:\.\d{1,2})?|\([a-z0-9]+\)(?:\([a-z0-9]+\))*)"
    r"(?:\s*[-–—:]?\s*(?:press|news)\s+release)?\s*$",
    re.I,
)


# Symbol-font bullets that PDFs map into the private-use area; other private-use glyphs are
# icons (share buttons, social logos) and are dropped.
_PUA_BULLETS = dict.fromkeys(map(ord, "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf075"), "•")
_INVISIBLE = re.compile(r"[\ue000-\uf8ff\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@lru_cache(maxsize=8192)
def clean_text(text: str) -> str:
    """Strip Markdown markers and fix common OCR misreadings; keep the words as printed."""
    # Each step runs only when its pattern can match (the checks are cheap substring tests).
    ascii_only = text.isascii()
    if not ascii_only:
        text = _INVISIBLE.sub("", text.translate(_PUA_BULLETS))
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    if "**" in text or "__" in text:
        text = _MD_EMPHASIS.sub("", text)
    if "g" in text and ("asda" in text or "ASDA" in text):
        text = _NASDAQ_G.sub(r"\1q", text)
    if " |" in text:
        text = _PIPE_FOR_I.sub(r"\1 I", text)
    if " Il" in text:
        text = _IL_FOR_II.sub(r"\1 II", text)
    if not ascii_only:
        text = text.replace("\u00a0", " ")
    return text.strip()


def is_print_header(text: str) -> bool:
    return bool(PRINT_HEADER.match(text)) or bool(URL_FOOTER.match(text))


def print_title(lines: list[Line], limit: int = 400) -> str | None:
    """The page title a browser printed in its header (`8/14/26, 10:24 AM Title`), if any."""
    for line in lines[:limit]:
        match = PRINT_HEADER.match(line.text)
        if match and len(match["title"].split()) >= 3:
            title = match["title"].strip()
            # Drop a trailing ' - Aug 6, 2026' or ' | Site name'.
            title = re.split(
                r"\s+[-|–]\s+(?=[A-Z][a-z]{2}\.? \d|\S+\.\w{2,3}\b|[A-Z][\w ]{0,30}$)", title
            )[0]
            return title.rstrip(" …")
    return None


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text))


def _norm_furniture(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def repeated_lines(lines: list[Line]) -> set[str]:
    """Normalised texts printed near the top or bottom of most pages (running heads/feet)."""
    pages: dict[int, list[str]] = {}
    for line in lines:
        if line.text.strip() and line.table is None:
            pages.setdefault(line.page, []).append(line.text)
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for texts in pages.values():
        edge = texts[:3] + texts[-3:]
        counts.update({_norm_furniture(t) for t in edge})
    need = max(3, int(len(pages) * 0.5 + 0.5))
    return {text for text, n in counts.items() if n >= need and len(text) > 2}


def is_furniture(text: str, repeated: set[str] | frozenset[str] = frozenset()) -> bool:
    """Page numbers, print headers, URL footers, EDGAR document headers, running heads."""
    stripped = text.strip()
    if not stripped:
        return False
    if is_page_number(stripped) or is_print_header(stripped) or DOC_HEADER.match(stripped):
        return True
    return bool(repeated) and _norm_furniture(stripped) in repeated


_SENTENCE_MARK_END = re.compile(r"[.!?:]$")
_CONTACTISH = re.compile(r"@|\d{3}[\s.-]\d{4}|^\(.*\)$")


def _run_word(text: str) -> bool:
    if len(text) > 24:
        return False
    return 0 < len(text.split()) <= 2 and not _CONTACTISH.search(text.strip())


def merge_word_runs(texts: list[str], min_run: int = 4) -> list[tuple[str, int]]:
    """Join runs of one- or two-word lines (a PDF printed one word per line).

    Returns (text, index of the first source line). A run must be mostly single words and
    hold no mailbox or phone (contact blocks stay apart). A run that ends mid-sentence is
    joined with the following line when that line starts with a digit.
    """
    out: list[tuple[str, int]] = []
    i = 0
    n = len(texts)
    run_words = [_run_word(t) for t in texts]
    while i < n:
        j = i
        while j < n and run_words[j]:
            j += 1
        if j - i < min_run:  # too short to join, whatever its words
            out.append((texts[i], i))
            i += 1
            continue
        singles = sum(1 for t in texts[i:j] if len(t.split()) == 1)
        if singles >= 0.6 * (j - i):
            words = " ".join(t.strip() for t in texts[i:j])
            if j < n and texts[j].strip()[:1].isdigit() and not _SENTENCE_MARK_END.search(words):
                words = f"{words} {texts[j].strip()}"
                j += 1
            out.append((words, i))
            i = j
        else:
            out.append((texts[i], i))
            i += 1
    return out
