"""Search snippets, made in Python around the densest cluster of matched terms.

FTS5's own ``snippet()`` scores a window at every hit, which costs tens of
milliseconds per long document for a frequent word: ranking stays in SQL, and the
snippet is cut here from the text of each returned hit, in linear time. Matching is
case- and accent-insensitive and allows common English endings (the index stems
words), so nearly every hit gets its terms highlighted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, deque
from collections.abc import Sequence
from functools import lru_cache

from irviewer.core.extract.paragraphs import plain_text
from irviewer.core.store.search import HIGHLIGHT_END, HIGHLIGHT_START, parsed_terms

SNIPPET_WORDS = 24
CONTEXT_WORDS = 6  # words shown before the first match of the window
_CLUSTER_CHARS = 160  # matches this close together count as one cluster
_SCAN_ONE = 2_000  # characters scanned past the first match, one-term queries
_SCAN_MANY = 30_000  # ... and queries with several terms
_WORD = re.compile(r"\S+")
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "es",
    "ed",
    "ly",
    "s",
    "e",
    "y",
)


@lru_cache(maxsize=1)
def _accent_classes() -> dict[str, str]:
    """Base letter -> regex class of it and its accented forms (Latin scripts)."""
    variants: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code).lower()
        base = unicodedata.normalize("NFKD", ch)[0]
        if base.isascii() and base.isalpha() and ch != base:
            variants.setdefault(base, set()).add(ch)
    return {b: "[" + b + "".join(sorted(v)) + "]" for b, v in variants.items()}


def fold(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _stem(token: str) -> str:
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


def _token_pattern(token: str, prefix: bool) -> str:
    folded = fold(token)
    core = _stem(folded)
    tail = r"\w*" if prefix else rf"\w{{0,{len(folded) - len(core) + 4}}}"
    classes = _accent_classes()
    letters = "".join(classes.get(c, re.escape(c)) for c in core)
    return rf"(?<!\w){letters}{tail}(?!\w)"


def _term_pattern(text: str, prefix: bool) -> str | None:
    tokens = "".join(ch if ch.isalnum() else " " for ch in text).split()
    if not tokens:
        return None
    parts = [_token_pattern(t, prefix and i == len(tokens) - 1) for i, t in enumerate(tokens)]
    return r"\W+".join(parts)


@lru_cache(maxsize=32)
def highlight_pattern(query: str) -> re.Pattern[str] | None:
    """One regex matching every (not NOT-ed) term of the query, a named group per term."""
    groups = []
    for i, (text, _phrase, prefix) in enumerate(parsed_terms(query)):
        pattern = _term_pattern(text, prefix)
        if pattern:
            groups.append(f"(?P<t{i}>{pattern})")
    return re.compile("|".join(groups), re.IGNORECASE) if groups else None


def _window(text: str, anchor: int, words: int) -> tuple[int, int]:
    before = list(_WORD.finditer(text, max(0, anchor - 40 * CONTEXT_WORDS), anchor))
    start = (
        before[-CONTEXT_WORDS].start()
        if len(before) >= CONTEXT_WORDS
        else (before[0].start() if before else anchor)
    )
    end = start
    for count, word in enumerate(_WORD.finditer(text, start, start + 60 * words), start=1):
        end = word.end()
        if count >= words:
            break
    return start, end


def _render(text: str, start: int, end: int, pattern: re.Pattern[str] | None) -> str:
    window = text[start:end]
    if pattern is not None:
        window = pattern.sub(lambda m: HIGHLIGHT_START + m.group(0) + HIGHLIGHT_END, window)
    out = " ".join(window.split())
    if text[:start].strip():
        out = "…" + out
    if text[end:].strip():
        out += "…"
    return out


def _best_anchor(text: str, pattern: re.Pattern[str], first: int) -> int:
    """Start of the cluster of matches holding the most distinct terms (earliest wins).

    Scanning stops as soon as a cluster holds every term, or after a bounded stretch
    of text, so frequent words in long documents stay cheap.
    """
    n_terms = pattern.groups
    end = min(len(text), first + (_SCAN_ONE if n_terms == 1 else _SCAN_MANY))
    window: deque[tuple[int, str]] = deque()
    counts: Counter[str] = Counter()
    best, best_n = first, 0
    for m in pattern.finditer(text, first, end):
        term = m.lastgroup or ""
        window.append((m.start(), term))
        counts[term] += 1
        while window[0][0] < m.start() - _CLUSTER_CHARS:
            _, old = window.popleft()
            counts[old] -= 1
            if not counts[old]:
                del counts[old]
        if len(counts) > best_n:
            best, best_n = window[0][0], len(counts)
            if best_n >= n_terms:
                break
    return best


def make_snippet(text: str, pattern: re.Pattern[str], words: int = SNIPPET_WORDS) -> str | None:
    """About ``words`` words of ``text`` around its best matches, or None if nothing matches."""
    first = pattern.search(text)
    if first is None:
        return None
    start, end = _window(text, _best_anchor(text, pattern, first.start()), words)
    return _render(text, start, end, pattern)


def snippet_for(fields: Sequence[str], query: str, words: int = SNIPPET_WORDS) -> str:
    """The snippet from the first field (body, headline, ...) holding a match.

    Falls back to the opening words of the first non-empty field when the index
    matched a form of a word that the pattern does not recognise.
    """
    fields = [plain_text(text) if text else text for text in fields]
    pattern = highlight_pattern(query)
    if pattern is not None:
        for text in fields:
            if text:
                found = make_snippet(text, pattern, words)
                if found:
                    return found
    for text in fields:
        if text and text.strip():
            start, end = _window(text, 0, words)
            return _render(text, start, end, None)
    return ""
