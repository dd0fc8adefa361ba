"""Reflow printed lines into clean paragraphs and bullet items.

Hard line breaks (and blank lines) that fall inside a sentence are joined; words split at a
line end are rejoined; bullets, whatever glyph they were printed (or misread) with, become
paragraphs starting with '• '. Section headings become paragraphs of their own starting with
'## ' (see headings.py). Page furniture and financial tables are left out (body_lines).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from irviewer.core.extract.body_lines import BodyLine, body_lines
from irviewer.core.extract.chars import ends_with_mark
from irviewer.core.extract.cleanup import merge_word_runs
from irviewer.core.extract.headings import HEADING, is_heading, looks_like_heading
from irviewer.core.extract.headline import continues_title
from irviewer.core.extract.title_block import TitleInfo, body_start, opens_dateline
from irviewer.core.ingest.base import Line

BULLET = "• "
_GLYPH = r"[•▪◦●○■□◆►➢✓·§*\uf0b7\uf0a7]"
_BULLET_START = re.compile(rf"^\s*(?:{_GLYPH}\s*|-{{1,2}}\s+|[–—]\s+|\.\s+(?=[A-Z\"“(]))")
_OCR_BULLET = re.compile(r"^\s*(?P<glyph>[1il])\s+(?=(?P<word>[A-Za-z\"“(][\w’']*))")
_LIST_ITEM = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+\S|[☐☒☑])")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){1,3}|\b(?:vs|approx|incl|Inc|Co|Corp|Ltd|No|etc|Jr|Sr|Dr|Mr|Ms|St)\.)$"
)
_FOOTNOTE_START = re.compile(r"^\d{1,2}\s+[A-Z][a-z]")
# A sentence end r"[.!?][\"”’')\]]*$" and a lead-in r":[\"”’]*$" are tested with ends_with_mark.
_CLOSERS = "\"”’')]"
_HYPHEN_END = re.compile(r"(?P<head>[A-Za-z0-9]+)-$")
_SUFFIXES = (
    "tion",
    "tions",
    "sion",
    "sions",
    "ment",
    "ments",
    "ness",
    "ity",
    "ities",
    "ance",
    "ence",
    "ances",
    "ences",
    "ally",
    "ing",
    "ings",
    "ings.",
    "ized",
    "ize",
    "izes",
    "ation",
    "ations",
    "ative",
    "able",
    "ible",
    "ous",
    "ful",
    "less",
    "ure",
    "ures",
    "ted",
    "ly",
)
_FUNCTION = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "its",
    "their",
    "our",
    "that",
    "which",
    "who",
    "is",
    "are",
    "was",
}
_UNITS = {"million", "billion", "thousand", "percent", "per", "year", "years", "month", "months"}
BLOCK_LENGTH = 220  # longer lines are whole blocks (HTML paragraphs), not wrapped lines
_OCR_GLYPH_LINE = re.compile(r"^\s*([12l])\s+[A-Z\"“(]")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_DASH_END = re.compile(r"\s[–—]$")
_LETTERS = re.compile(r"[A-Za-z]+")
_CONTACT_CHARS = frozenset("@0123456789")


@lru_cache(maxsize=8192)
def _has_contact(text: str) -> bool:
    r"""A mailbox or phone number in the line: r"\S@\S|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",
    its two parts tested apart (the mailbox by looking around each '@')."""
    if text.isascii() and _CONTACT_CHARS.isdisjoint(text):
        return False
    at = text.find("@")
    while at != -1:
        if 0 < at < len(text) - 1 and not text[at - 1].isspace() and not text[at + 1].isspace():
            return True
        at = text.find("@", at + 1)
    return _PHONE.search(text) is not None


# the phone part of that pattern; its optional '(' is left out (a match after '(' is one
# without it)
_PHONE = re.compile(r"\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")


def _ends_hyphen(text: str) -> bool:
    """_HYPHEN_END.search(text), tried only when the text ends with a hyphen."""
    return text.endswith(("-", "-\n")) and _HYPHEN_END.search(text) is not None


def _ocr_bullet_glyphs(lines: list[BodyLine]) -> set[str]:
    """'1' and 'l' open bullet items when many lines start with them and few with '2'."""
    counts = {"1": 0, "2": 0, "l": 0}
    for line in lines:
        match = _OCR_GLYPH_LINE.match(line.text)
        if match:
            counts[match.group(1)] += 1
    glyphs = {"i"}
    if counts["1"] >= 2 and counts["2"] * 3 <= counts["1"]:
        glyphs.add("1")
    if counts["l"] >= 2:
        glyphs.add("l")
    return glyphs


def _split_bullet(text: str, ocr_glyphs: set[str]) -> tuple[bool, str]:
    match = _BULLET_START.match(text)
    if match and text[match.end() :].strip():
        return True, text[match.end() :].strip()
    match = _OCR_BULLET.match(text)
    if (
        match
        and match["glyph"] in ocr_glyphs
        and match["word"].lower() not in _UNITS
        and (match["word"][:1].isupper() or match["glyph"] != "i")
    ):
        return True, text[match.end() :].strip()
    return False, text.strip()


def _width(lines: list[BodyLine]) -> int:
    lengths = sorted(len(line.text) for line in lines if len(line.text.split()) >= 6)
    if not lengths:
        return 80
    return max(40, lengths[int(0.9 * (len(lengths) - 1))])


def _is_title_case(text: str) -> bool:
    words = [w for w in _TITLE_WORD.findall(text) if w.lower() not in _FUNCTION]
    long_words = [w for w in words if len(w) >= 4]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


_FUNCTION_LONGEST = max(map(len, _FUNCTION))


def _is_function_word(text: str) -> bool:
    """text.lower() in _FUNCTION (lower-casing never shortens a text)."""
    return len(text) <= _FUNCTION_LONGEST and text.lower() in _FUNCTION


def _joins(prev: str, nxt: str, blank: bool, width: int) -> bool:
    """Whether nxt continues the sentence or paragraph whose last printed line is prev."""
    if _LIST_ITEM.match(nxt) or _has_contact(prev) or _has_contact(nxt):
        return False
    if opens_dateline(nxt):
        return False  # 'CITY, St., Month D, YYYY -- Company ...' starts the first paragraph
    if _is_function_word(prev) or _is_function_word(nxt):
        return False  # a lone 'or' between two contact blocks
    if prev.endswith(("–", "—", "–\n", "—\n")) and _DASH_END.search(prev):
        return False  # '– Sub-headline wrapped in dashes –'
    last = prev.rsplit(None, 1)[-1] if prev.strip() else ""  # its last word
    if _FOOTNOTE_START.match(nxt) and last.lower() not in _FUNCTION and not prev.endswith(","):
        return False
    starts_lower = nxt[:1].islower()
    if ends_with_mark(prev, ".!?", _CLOSERS) or ends_with_mark(prev, ":", "\"”’"):
        if blank or len(prev) >= BLOCK_LENGTH:
            return False
        if starts_lower:
            return bool(_ABBREVIATION_END.search(prev))
        return len(prev) >= 0.85 * width
    if _ends_hyphen(prev) and nxt[:1].isalpha() and not prev.startswith("-"):
        return True
    if starts_lower or last.lower() in _FUNCTION or prev.endswith((",", "&")):
        return True
    if blank:
        # a long line cut mid-sentence: '... which adversely affect' / 'Acme's ability'
        return len(prev.split(None, 7)) >= 8 and last.isalpha() and last.islower()
    if len(prev) >= BLOCK_LENGTH:
        return False
    if _is_title_case(prev):
        return continues_title(prev, nxt, width) or len(prev) >= 0.85 * width
    return len(prev) >= 0.6 * width


def _dehyphenate(prev: str, nxt: str, vocabulary: str) -> str:
    """Join a word split at a line end, keeping real hyphens ('DNA-alkylating', 'six-month')."""
    match = _HYPHEN_END.search(prev)
    assert match is not None
    head = match["head"]
    tail = _LETTERS.match(nxt)
    if not tail or head[-1].isupper() or head[-1].isdigit() or nxt[:1].isupper():
        return prev + nxt
    tail_word = tail.group(0)
    joined = (head + tail_word).lower()
    hyphenated = f"{head}-{tail_word}".lower()
    if hyphenated in vocabulary:
        return prev + nxt
    if re.search(rf"\b{re.escape(joined)}\b", vocabulary) or tail_word.lower() in _SUFFIXES:
        return prev[:-1] + nxt
    return prev + nxt


@lru_cache(maxsize=2048)
def _tidy(text: str) -> str:
    """Footnote markers out of words, spacing collapsed."""
    if _footnote_after_word(text):
        text = _WORD_FOOTNOTE.sub(r"\1", text)
        text = _PUNCT_FOOTNOTE.sub(r"\1", text)
    if ".?" in text:
        text = _STRAY_QUESTION.sub(r"\1.", text)
    if "(" in text and _DIGIT.search(text):
        text = _PAREN_FOOTNOTE.sub("", text)
    return " ".join(text.split())


_WORD_FOOTNOTE = re.compile(r"\b([a-z]{3,})\d{1,2}(?=[\s,.;:)]|$)")
_PUNCT_FOOTNOTE = re.compile(r"([a-z][.,;:])\d{1,2}(?=\s|$)")
_STRAY_QUESTION = re.compile(r"([a-z])\.\?(?=\s|$)")
_PAREN_FOOTNOTE = re.compile(r"(?<=[A-Za-z])\(\d{1,2}\)")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _footnote_after_word(text: str) -> bool:
    """Whether _WORD_FOOTNOTE or _PUNCT_FOOTNOTE can match: a run of digits right after a
    lower-case letter, or after one of '.,;:' that follows one."""
    for m in _DIGITS.finditer(text):
        i = m.start()
        if i and (
            text[i - 1] in _LOWER or (i > 1 and text[i - 1] in ".,;:" and text[i - 2] in _LOWER)
        ):
            return True
    return False


def _merge_runs(lines: list[BodyLine]) -> list[BodyLine]:
    """Rejoin text a PDF printed one word per line."""
    merged = merge_word_runs([line.text for line in lines])
    return [
        BodyLine(text, lines[i].page, lines[i].whole, lines[i].heading and text == lines[i].text)
        for text, i in merged
    ]


def _heading_at(
    lines: list[BodyLine],
    k: int,
    text: str,
    prev: str | None,
    prev_is_item: bool,
    ocr_glyphs: set[str],
    width: int,
) -> bool:
    """Whether lines[k] (text, bullet glyph removed) is a section heading (see headings.py)."""
    # is_heading needs a line before and a heading-like text: test those first (cheap)
    if prev is None or not looks_like_heading(text, width):
        return False
    after = next((n for n in islice(lines, k + 1, None) if n.text or n.whole), None)
    if after is None or not after.text:
        return False
    nxt_is_item, nxt = _split_bullet(after.text, ocr_glyphs)
    return is_heading(text, prev, prev_is_item, nxt, nxt_is_item, width)


def build_body(lines: list[Line], meta: TitleInfo | None = None) -> str:
    """Paragraphs separated by blank lines; bullet items start with '• ', headings with '## '.

    With the release's metadata, the leading title block (furniture, date line, headline,
    sub-headlines) is left out: the body starts at the dateline or first body paragraph.
    """
    kept = body_start(_merge_runs(body_lines(lines)), meta)
    ocr_glyphs = _ocr_bullet_glyphs(kept)
    width = _width(kept)
    vocabulary = " ".join(line.text for line in kept).lower()
    paragraphs: list[tuple[str, str]] = []  # (prefix, text)
    current: str | None = None
    last_line = ""
    bullet = False
    blank = False

    def close() -> None:
        if current is not None:
            paragraphs.append((BULLET if bullet else "", current))

    for k, line in enumerate(kept):
        if line.whole:  # a paragraph of its own, or (empty) a hard paragraph break
            close()
            if line.text:
                paragraphs.append(("", line.text))
            current, last_line, blank = None, "", False
            continue
        if not line.text:
            blank = True
            continue
        is_item, text = _split_bullet(line.text, ocr_glyphs)
        prev = last_line if current is not None else None
        if not is_item and (
            line.heading or _heading_at(kept, k, text, prev, bullet, ocr_glyphs, width)
        ):
            close()
            paragraphs.append((HEADING, text))
            current, last_line, blank = None, "", False
            continue
        if current is not None and not is_item and _joins(last_line, text, blank, width):
            if _ends_hyphen(current) and text[:1].isalpha():
                current = _dehyphenate(current, text, vocabulary)
            else:
                current = f"{current} {text}"
        else:
            close()
            current, bullet = text, is_item
        last_line = line.text
        blank = False
    close()
    out = []
    for prefix, text in paragraphs:
        text = _tidy(text)
        if text:
            out.append(prefix + text)
    return "\n\n".join(out)


def plain_text(body: str) -> str:
    """The body as plain reading text: heading marks ('## ') removed (for search snippets)."""
    return re.sub(rf"(?m)^{re.escape(HEADING)}", "", body)
