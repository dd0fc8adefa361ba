"""Classify plain-text lines for table finding: value rows, labels, period headers, captions.

Value rows are tokenised on whitespace, a lone currency sign joining the number after it
(``$ 5,076 $ 10,692`` -> ``['$ 5,076', '$ 10,692']``); cells stay as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from irviewer.core.extract.numbers import looks_numeric
from irviewer.core.extract.table_captions import is_units_line

CURRENCY_SIGNS = {"$", "US$", "€", "£", "¥", "C$", "A$", "$(", "€(", "£("}
SUFFIX_SIGNS = {"%", ")", ")%", "%)"}
VALUE_WORDS = {"n/m", "nm", "n.m.", "n/a", "na", "*", "nil", "—%", "-%"}
MAX_LABEL_WORDS = 16
MAX_LABEL_CHARS = 110

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
# phrase kinds of a period header line, tried in this order at each position
_HEADER_PARTS = [
    ("ended", r"(?:(?:three|six|nine|twelve|thirteen|fifty-two|\d+|\w+)[\s-]+)?"
              r"(?:months?|weeks?|quarters?|years?|periods?)\s+end(?:ed|ing),?"),
    ("ended", r"(?:fiscal\s+)?(?:years?|quarters?|periods?|months?)\s+end(?:ed|ing),?"),
    ("ended", r"(?:as\s+of|as\s+at|at)\b,?"),
    ("date", rf"{_MONTH}\s+\d{{1,2}},?(?:\s+{_YEAR})?"),
    ("date", rf"\d{{1,2}}\s+{_MONTH}(?:\s+{_YEAR})?"),
    ("date", r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"),
    ("period", rf"(?:fy|q[1-4]|h[12]|[1-4]q)\s*'?(?:{_YEAR}|\d\d)\b"),
    ("period", rf"(?:first|second|third|fourth)\s+quarter(?:\s+{_YEAR})?"),
    ("period", rf"fiscal(?:\s+year)?\s+{_YEAR}"),
    ("year", rf"\(?{_YEAR}\)?\b"),
    ("month", rf"{_MONTH}(?=\s|$)"),
    ("word", r"\(?(?:unaudited|audited|restated|as\s+reported|actual|change|%\s*change"
             r"|% chg\.?|variance|increase|\(?decrease\)?|%)\)?"),
]
_HEADER_RE = re.compile(
    "|".join(f"(?P<p{i}>{rx})" for i, (_, rx) in enumerate(_HEADER_PARTS)), re.IGNORECASE
)
_HEADER_KINDS = {f"p{i}": kind for i, (kind, _) in enumerate(_HEADER_PARTS)}
_SEPARATORS = frozenset(" ,;:-–—")
_TITLE = re.compile(
    r"\b(statements?\s+of|balance\s+sheets?|statements?\s+of\s+(?:operations|income)"
    r"|income\s+statements?|cash\s+flows?|financial\s+(?:information|highlights|data|position)"
    r"|results\s+of\s+operations|reconciliation|selected\s+financial)\b",
    re.IGNORECASE,
)
_RULE = re.compile(r"^(?=.*[-=_–—]{3})[-=_–—\s]+$")  # ruled lines under headers, above totals
_LEADER = re.compile(r"\s*(?:\.\s?){3,}$")  # dot leaders: 'Revenues ........ 1,234'
_SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bNo)[.!?][\"”’']?$")
_END_CHARS = frozenset(".!?\"”’'")
_RULE_CHARS = frozenset("-=_–—")
_TOTAL = re.compile(r"(?i)total\b")
_TOKEN = re.compile(r"\S+")
_LETTER = re.compile(r"[A-Za-z]")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_SIGNS = CURRENCY_SIGNS | SUFFIX_SIGNS


def _sentence_end(text: str) -> bool:
    """The text ends a sentence ('... rose 5%.'), not an abbreviation ('Acme Inc.')."""
    tail = text[-2:-1] if text.endswith("\n") else text[-1:]
    return tail in _END_CHARS and _SENTENCE_END.search(text) is not None


class Kind(Enum):
    BLANK = "blank"
    HEADER = "header"  # period header: 'Three Months Ended', 'December 31,', '2016 2015'
    VALUES = "values"  # numbers only
    ROW = "row"  # label followed by numbers
    TITLE = "title"  # 'CONDENSED CONSOLIDATED BALANCE SHEETS'
    UNITS = "units"  # '(in thousands, except per share amounts)'
    NOTE = "note"  # '(Unaudited)'
    LABEL = "label"  # a short text line: a line item, section heading or caption
    PROSE = "prose"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass
class TextLine:
    kind: Kind
    text: str
    index: int  # position in the input line list
    page: int = 1
    label: str = ""
    cells: list[Token] = field(default_factory=list)
    phrases: list[tuple[str, str, int, int]] = field(default_factory=list)  # kind, text, span


def _is_value_token(tok: str) -> bool:
    return looks_numeric(tok) or tok.lower() in VALUE_WORDS


def value_tokens(text: str, offset: int = 0) -> list[Token] | None:
    """Cells of a numbers-only text, or None when a token is not a value."""
    first = _TOKEN.search(text)
    if first is None or not (first[0] in CURRENCY_SIGNS or _is_value_token(first[0])):
        return None  # prose: its first word is not a value
    raw = [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]
    out: list[Token] = []
    i = 0
    while i < len(raw):
        tok, start, end = raw[i]
        if tok in CURRENCY_SIGNS and i + 1 < len(raw) and _is_value_token(raw[i + 1][0]):
            sep = "" if tok.endswith("(") else " "
            out.append(Token(f"{tok}{sep}{raw[i + 1][0]}", start, raw[i + 1][2]))
            i += 2
            continue
        if tok in SUFFIX_SIGNS and out and looks_numeric(out[-1].text + tok):
            out[-1] = Token(f"{out[-1].text} {tok}", out[-1].start, end)  # '23.9 %'
            i += 1
            continue
        if not _is_value_token(tok):
            return None
        out.append(Token(tok, start, end))
        i += 1
    if not out or not any(ch.isdigit() for t in out for ch in t.text):
        return None
    return out


def split_label_values(text: str) -> tuple[str, list[Token]] | None:
    """'Net loss  (34,152)  (33,227)' -> ('Net loss', cells); None without trailing values."""
    last = text.rsplit(None, 1)[-1:]
    if not last or not (last[0] in _SIGNS or _is_value_token(last[0])):
        return None  # no trailing value
    words = list(_TOKEN.finditer(text))
    cut = len(words)
    while cut > 0 and (
        _is_value_token(words[cut - 1].group()) or words[cut - 1].group() in _SIGNS
    ):
        cut -= 1
    if cut == len(words) or cut == 0:
        return None
    # a year or a footnote mark glued to the label by one space stays in the label
    if "  " in text:
        while cut < len(words):
            gap = text[words[cut - 1].end():words[cut].start()]
            if len(gap) >= 2:
                break
            cut += 1
        if cut == len(words):
            return None
    label = _LEADER.sub("", text[: words[cut - 1].end()]).strip()
    cells = value_tokens(text[words[cut].start():], words[cut].start())
    if cells is None or not _LETTER.search(label):
        return None
    return label, cells


def header_phrases(text: str) -> list[tuple[str, str, int, int]] | None:
    """The period phrases covering the whole line, or None when it is not a period header.

    An 'ended' phrase directly followed by a date is one phrase: 'Year Ended December 31,'.
    """
    # No phrase starts with a separator, so the phrases cover the line exactly when each one
    # matches right after the separators that follow the previous one.
    found: list[tuple[str, str, int, int]] = []
    pos, n = 0, len(text)
    while True:
        while pos < n and text[pos] in _SEPARATORS:
            pos += 1
        if pos == n:
            break
        m = _HEADER_RE.match(text, pos)
        if m is None:
            return None
        found.append((_HEADER_KINDS[m.lastgroup], m.group().strip(), m.start(), m.end()))
        pos = m.end()
    if not found:
        return None
    if all(kind == "word" for kind, *_ in found):
        return None
    merged: list[tuple[str, str, int, int]] = []
    for kind, phrase, start, end in found:
        if merged and merged[-1][0] == "ended" and kind in {"date", "month"}:
            _, prev, pstart, _ = merged.pop()
            merged.append(("ended", text[pstart:end].strip(), pstart, end))
        else:
            merged.append((kind, phrase, start, end))
    return merged


def is_heading_text(text: str) -> bool:
    """A section heading: 'Revenues:' or an upper-case line such as 'ASSETS'."""
    text = text.strip()
    if text.endswith(":"):
        return True
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and not _TOTAL.match(text)


def _is_label_text(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_LABEL_WORDS or len(text) > MAX_LABEL_CHARS:
        return False
    if _sentence_end(text) or text.startswith(("•", "●", "▪", "·", "*", "- ", "– ")):
        return False
    return bool(_LETTER.search(text))


def _is_row(text: str, label: str, cells: list[Token]) -> bool:
    """A label with its values: one value only when set apart by a run of spaces."""
    if not _is_label_text(label) or label.endswith(("(", "-", "–", "—", ",", "$", "#")):
        return False
    if not _TWO_LETTERS.search(label):
        return False
    if len(cells) >= 2:
        return True
    label_end = text.index(label) + len(label)
    return cells[0].start - label_end >= 2


def classify(text: str, index: int, page: int = 1) -> TextLine:
    """Decide what one printed line is for the table finder."""
    kind, label, cells, phrases = _classify_text(text)
    return TextLine(kind, text, index, page, label=label, cells=list(cells), phrases=list(phrases))


_Phrase = tuple[str, str, int, int]


@lru_cache(maxsize=8192)
def _classify_text(text: str) -> tuple[Kind, str, tuple[Token, ...], tuple[_Phrase, ...]]:
    """(kind, label, cells, header phrases) of one printed line."""
    stripped = text.strip()
    if not stripped or (stripped[0] in _RULE_CHARS and _RULE.match(stripped)):
        return Kind.BLANK, "", (), ()
    phrases = header_phrases(stripped)
    if phrases is not None:
        offset = len(text) - len(text.lstrip())
        spans = tuple((k, p, s + offset, e + offset) for k, p, s, e in phrases)
        return Kind.HEADER, "", (), spans
    cells = value_tokens(text)
    if cells is not None:
        return Kind.VALUES, "", tuple(cells), ()
    split = split_label_values(text)
    if split is not None and _is_row(text, *split):
        return Kind.ROW, split[0], tuple(split[1]), ()
    words = len(stripped.split())
    if stripped.startswith("(") and stripped.endswith(")") and words <= 12:
        return (Kind.UNITS if is_units_line(stripped) else Kind.NOTE), stripped, (), ()
    if (
        words <= 12
        and not stripped.endswith(":")
        and _TITLE.search(stripped)
        and not _sentence_end(stripped)
    ):
        return Kind.TITLE, stripped, (), ()
    if words <= 10 and is_units_line(stripped):
        return Kind.UNITS, stripped, (), ()
    if _is_label_text(stripped):
        return Kind.LABEL, stripped, (), ()
    return Kind.PROSE, "", (), ()
