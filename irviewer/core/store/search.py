"""Turn whatever the user typed into a safe FTS5 MATCH expression.

Every word becomes a quoted FTS5 string, so punctuation, ``:``, ``*``, ``(`` and
column names lose their special meaning. Upper-case ``OR`` and ``NOT`` between two
terms are kept as operators (``AND`` is implied anyway); quoted text is searched as
a phrase; the last bare word (3+ characters) is matched as a prefix so results appear
while typing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

_OPERATORS = {"AND", "OR", "NOT"}
# The last word typed matches as a prefix once it has this many letters or digits
# (shorter prefixes match nearly everything, slowly).
MIN_PREFIX_CHARS = 3


@dataclass(frozen=True)
class _Term:
    text: str
    phrase: bool = False  # the user quoted it
    prefix: bool = False  # match words starting with the (last) token

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


def _has_token(text: str) -> bool:
    """True when FTS5's unicode61 tokenizer would find at least one token in ``text``."""
    return any(ch.isalnum() for ch in text)


def _scan(query: str) -> list[_Term | str]:
    """Split the query into terms and operator words, in order."""
    items: list[_Term | str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                end = n
            text = query[i + 1 : end]
            i = end + 1
            prefix = i < n and query[i] == "*"
            if prefix:
                i += 1
            if _has_token(text):
                items.append(_Term(" ".join(text.split()), phrase=True, prefix=prefix))
            continue
        start = i
        while i < n and not query[i].isspace() and query[i] != '"':
            i += 1
        word = query[start:i]
        if word in _OPERATORS:
            items.append(word)
            continue
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _has_token(word):
            items.append(_Term(word, prefix=prefix))
    return items


def _clean(items: list[_Term | str]) -> list[_Term | str]:
    """Keep an operator only between two terms; the last one typed wins; AND is implicit."""
    out: list[_Term | str] = []
    pending: str | None = None
    for item in items:
        if isinstance(item, str):
            if out:
                pending = None if item == "AND" else item
            continue
        if out and pending:
            out.append(pending)
        out.append(item)
        pending = None
    return out


def _sanitise(query: str) -> str:
    """Control characters (NUL ends an FTS5 string early) and lone surrogates become spaces."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in query)


def _last_token_length(text: str) -> int:
    tokens = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return len(tokens[-1]) if tokens else 0


def _parse(query: str) -> list[_Term | str]:
    items = _clean(_scan(_sanitise(query or "")))
    last = items[-1] if items else None
    if (
        isinstance(last, _Term)
        and not last.phrase
        and _last_token_length(last.text) >= MIN_PREFIX_CHARS
    ):
        items[-1] = _Term(last.text, phrase=False, prefix=True)
    return items


def parsed_terms(query: str) -> list[tuple[str, bool, bool]]:
    """(text, phrase, prefix) of every term that is not NOT-ed, in query order."""
    terms: list[tuple[str, bool, bool]] = []
    negated = False
    for item in _parse(query):
        if isinstance(item, str):
            negated = item == "NOT"
            continue
        if not negated:
            terms.append((item.text, item.phrase, item.prefix))
        negated = False
    return terms


def build_match(query: str) -> str | None:
    """The FTS5 MATCH expression for a user query, or None when it holds nothing to search.

    The result is always valid FTS5 syntax, whatever ``query`` contains.
    """
    items = _parse(query)
    if not items:
        return None
    return " ".join(item if isinstance(item, str) else item.fts() for item in items)


def search_terms(query: str) -> list[str]:
    """The words and phrases a query looks for (not the NOT-ed ones), for highlighting.

    Bare words lose leading/trailing punctuation; the last bare word (3+ letters) is a
    prefix, so a highlighter should match terms case-insensitively at the start of words.
    """
    terms: list[str] = []
    for text, phrase, _prefix in parsed_terms(query):
        text = text if phrase else _strip_edges(text)
        if text and text not in terms:
            terms.append(text)
    return terms


def _strip_edges(word: str) -> str:
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


def plain_snippet(snippet: str) -> str:
    """Render highlight markers as [brackets] for plain-text output such as the CLI."""
    return snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
