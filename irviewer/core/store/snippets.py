"""Search snippets, made in Python around the densest cluster of matched terms.

FTS5's own ``snippet()`` scores a window at every hit, which costs tens of
milliseconds per long document for a frequent word: ranking stays in SQL, and the
snippet is cut here from the text of each returned hit, in linear time. Matching is
case- and accent-insensitive and allows common English endings (the index stems
words), so nearly every hit gets its terms highlighted.

Speed: a search makes a snippet for each of up to hundreds of hits, and a regular
expression that tries every position of a long body costs ~0.2 ms a body. Texts without
accented Latin letters (nearly all) take a fast path: ``str.find`` on the lower-cased
text for each term's stem, then the term's pattern anchored at each candidate. Other
texts use the one accent-aware expression; both find the same matches.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from irviewer.core.store.search import HIGHLIGHT_END, HIGHLIGHT_START, parsed_terms

SNIPPET_WORDS = 24
CONTEXT_WORDS = 6  # words shown before the first match of the window
_CLUSTER_CHARS = 160  # matches this close together count as one cluster
_SCAN_ONE = 2_000  # characters scanned past the first match, one-term queries
_SCAN_MANY = 30_000  # ... and queries with several terms
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


def _core_and_tail(token: str, prefix: bool) -> tuple[str, str]:
    """The folded stem of a token and the regex for the ending allowed after it."""
    folded = fold(token)
    core = _stem(folded)
    tail = r"\w*" if prefix else rf"\w{{0,{len(folded) - len(core) + 4}}}"
    return core, tail


def _token_pattern(token: str, prefix: bool) -> str:
    core, tail = _core_and_tail(token, prefix)
    classes = _accent_classes()
    letters = "".join(classes.get(c, re.escape(c)) for c in core)
    return rf"(?<!\w){letters}{tail}(?!\w)"


def _tokens(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


def _term_pattern(text: str, prefix: bool) -> str | None:
    tokens = _tokens(text)
    if not tokens:
        return None
    parts = [_token_pattern(t, prefix and i == len(tokens) - 1) for i, t in enumerate(tokens)]
    return r"\W+".join(parts)


@dataclass(frozen=True)
class _Term:
    """One query term for the fast path: its first stem (for str.find) and anchored pattern."""

    name: str  # the group name the accent-aware pattern gives it
    first: str  # folded stem of the first token
    pattern: re.Pattern[str]  # the whole term, matched on lower-cased text at a stem's start


@lru_cache(maxsize=32)
def _fast_terms(query: str) -> tuple[_Term, ...]:
    terms = []
    for i, (text, _phrase, prefix) in enumerate(parsed_terms(query)):
        tokens = _tokens(text)
        if not tokens:
            continue
        parts = [_core_and_tail(t, prefix and j == len(tokens) - 1) for j, t in enumerate(tokens)]
        regex = r"\W+".join(re.escape(core) + tail for core, tail in parts) + r"(?!\w)"
        terms.append(_Term(f"t{i}", parts[0][0], re.compile(regex)))
    return tuple(terms)


# UTF-8 lead bytes of U+00C0-U+024F, the letters that _accent_classes() covers.
_ACCENT_LEAD_BYTES = bytes(range(0xC3, 0xCA))

Match = tuple[int, int, str]  # start, end, term name
_Hit = tuple[int, int, int, str]  # start, term order, end, term name


def _is_word(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def _lowered(text: str) -> str | None:
    """The lower-cased text for the fast path, or None when it needs the accent-aware one."""
    if text.isascii():
        return text.lower()
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded.translate(None, _ACCENT_LEAD_BYTES)) != len(encoded):  # one is there
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _term_matches(lowered: str, term: _Term, order: int, start: int, end: int) -> Iterator[_Hit]:
    """Where one term matches in ``lowered[start:end]``, in order (overlaps included)."""
    find, match, first = lowered.find, term.pattern.match, term.first
    i = find(first, start, end)
    while i >= 0:
        if i == 0 or not _is_word(lowered[i - 1]):
            m = match(lowered, i, end)
            if m:
                yield i, order, m.end(), term.name
        i = find(first, i + 1, end)


def iter_matches(
    text: str, query: str, start: int = 0, end: int | None = None, lowered: str | None = None
) -> Iterator[Match]:
    """The query's matches in ``text[start:end]``, lazily: what
    ``highlight_pattern(query).finditer`` finds (leftmost, the first term first, no overlaps).

    ``lowered``: ``_lowered(text)`` when the caller has it already.
    """
    end = len(text) if end is None else min(end, len(text))
    if lowered is None:
        lowered = _lowered(text)
    if lowered is None:
        pattern = highlight_pattern(query)
        if pattern is not None:
            for m in pattern.finditer(text, start, end):
                yield m.start(), m.end(), m.lastgroup or ""
        return
    streams = [
        _term_matches(lowered, term, order, start, end)
        for order, term in enumerate(_fast_terms(query))
    ]
    last_end = start
    for i, _order, stop, name in streams[0] if len(streams) == 1 else heapq.merge(*streams):
        if i >= last_end:
            yield i, stop, name
            last_end = stop


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
    """From the start of the CONTEXT_WORDS-th word before ``anchor`` to the end of the
    ``words``-th word from there (words: runs of non-space, as regex ``\\S+``).

    Uses str.split / rsplit rather than a regex scan: this runs once per search hit.
    """
    start = anchor
    # Most words are short: look a little way back first, the full way only when that
    # holds no more words than needed (the look-back may start inside a word).
    for reach in (15, 40):
        low = max(0, anchor - reach * CONTEXT_WORDS)
        before = text[low:anchor]
        parts = before.rsplit(None, CONTEXT_WORDS)
        if len(parts) > CONTEXT_WORDS:  # more words than needed: start at the right one
            i = len(parts[0])
            while before[i].isspace():
                i += 1
            start = low + i
            break
        if low == 0 or reach == 40:  # all the words there are: start at the first
            stripped = before.lstrip()
            start = low + len(before) - len(stripped) if stripped else anchor
            break
    after = text[start : start + 60 * words]
    parts = after.split(None, words)
    if len(parts) > words:  # end at the end of the last word wanted
        end = len(after) - len(parts[words])
        while end > 0 and after[end - 1].isspace():
            end -= 1
    else:
        end = len(after.rstrip())
    return start, start + end


def _render(text: str, start: int, end: int, query: str | None) -> str:
    window = text[start:end]
    if query is not None:
        parts, at = [], 0
        for m_start, m_end, _name in iter_matches(window, query):
            parts += [window[at:m_start], HIGHLIGHT_START, window[m_start:m_end], HIGHLIGHT_END]
            at = m_end
        parts.append(window[at:])
        window = "".join(parts)
    out = " ".join(window.split())
    if text[:start].strip():
        out = "…" + out
    if text[end:].strip():
        out += "…"
    return out


def _best_anchor(matches: Iterable[Match], n_terms: int) -> int:
    """Start of the cluster of matches holding the most distinct terms (earliest wins).

    ``matches`` run from the first match over a bounded stretch of text, so frequent words
    in long documents stay cheap; the scan stops as soon as a cluster holds every term.
    """
    window: deque[tuple[int, str]] = deque()
    counts: Counter[str] = Counter()
    best, best_n = -1, 0
    for m_start, _end, term in matches:
        if best < 0:
            best = m_start
        window.append((m_start, term))
        counts[term] += 1
        while window[0][0] < m_start - _CLUSTER_CHARS:
            _, old = window.popleft()
            counts[old] -= 1
            if not counts[old]:
                del counts[old]
        if len(counts) > best_n:
            best, best_n = window[0][0], len(counts)
            if best_n >= n_terms:
                break
    return max(best, 0)


def _snippet(text: str, query: str, n_terms: int, words: int) -> str | None:
    lowered = _lowered(text)
    first = next(iter_matches(text, query, lowered=lowered), None)
    if first is None:
        return None
    start = first[0]
    end = start + (_SCAN_ONE if n_terms == 1 else _SCAN_MANY)
    if lowered is not None and n_terms > 1:
        # The cluster scan stops once a cluster holds every term that occurs at all in
        # the scanned stretch: no later cluster can hold more, and the earliest best wins.
        n_terms = sum(
            next(_term_matches(lowered, term, order, start, end), None) is not None
            for order, term in enumerate(_fast_terms(query))
        )
    anchor = _best_anchor(iter_matches(text, query, start, end, lowered), n_terms)
    return _render(text, *_window(text, anchor, words), query)


@lru_cache(maxsize=1)
def _heading_mark() -> str:
    # Imported on first use: the extract package costs ~0.15 s to import, which opening a
    # library (and so the app's start) should not pay.
    from irviewer.core.extract.headings import HEADING

    return HEADING


def plain_text(body: str) -> str:
    """The body without heading marks (as extract.paragraphs.plain_text, without a regex)."""
    heading = _heading_mark()
    if heading not in body:
        return body
    body = body.replace("\n" + heading, "\n")
    return body[len(heading) :] if body.startswith(heading) else body


def snippet_for(fields: Sequence[str], query: str, words: int = SNIPPET_WORDS) -> str:
    """The snippet from the first field (body, headline, ...) holding a match.

    Falls back to the opening words of the first non-empty field when the index
    matched a form of a word that the pattern does not recognise.
    """
    fields = [plain_text(text) if text else text for text in fields]
    n_terms = len(_fast_terms(query))
    if n_terms:
        for text in fields:
            if text:
                found = _snippet(text, query, n_terms, words)
                if found:
                    return found
    for text in fields:
        if text and text.strip():
            start, end = _window(text, 0, words)
            return _render(text, start, end, None)
    return ""
