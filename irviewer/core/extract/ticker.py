"""Exchange and symbol, normalised to 'EXCH: SYM' with the exchange spelled as printed."""

from __future__ import annotations

import re

EXCHANGE = (
    r"NYSE(?:\s+(?:American|Arca|MKT))?|NASDAQ|Nasdaq|NASDAG|Nasdag|AMEX|TSX(?:-?V)?|"
    r"LSE|ASX|AIM|Euronext(?:\s+[A-Z][a-z]+)?|AEX|OTCQX|OTCQB|OTC|SIX|HKEX|TASE|CSE|NZX|JSE"
)
_SYMBOL = r"[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z0-9]{1,2})?"
MARKET_WORDS = r"(?:\s+(?i:Global|Select|Capital|Market|Stock|Exchange|MKT|Symbol|Ticker)){0,3}"
_INLINE = re.compile(rf"\b(?P<exch>{EXCHANGE}){MARKET_WORDS}\s*:\s*(?P<sym>{_SYMBOL})\b")
_PROSE = re.compile(
    rf"\b(?:listed|traded|trades)\s+on\s+(?:the\s+)?(?P<exch>{EXCHANGE})\b[^.;]{{0,60}}?"
    rf"\b(?:symbol|ticker)\s*[“\"']?(?P<sym>{_SYMBOL})\b"
)
# Exchange names printed in the Section 12(b) table of an SEC cover page.
_REGISTERED_EXCHANGE = (
    r"(?:The\s+)?(?:New York Stock Exchange(?: LLC)?|NYSE(?: American| Arca)?(?: LLC|, Inc\.)?|"
    r"Nasdaq[\w ]*?(?:Market|Exchange)(?: LLC)?|NASDAQ[\w ]*?(?:Market|Exchange)(?: LLC)?|"
    r"Cboe [\w ]*?Exchange(?:, Inc\.)?|Chicago Stock Exchange)"
)
_TWELVE_B = re.compile(
    rf"(?<![\w$.,])(?P<sym>[A-Z]{{1,5}}(?:[.\-/][A-Z0-9]{{1,3}})?)\s+"
    rf"(?P<exch>{_REGISTERED_EXCHANGE})"
)
_FIX_EXCHANGE = {"NASDAG": "NASDAQ", "Nasdag": "Nasdaq"}


def normalise(exchange: str, symbol: str) -> str:
    exch = " ".join(exchange.split())
    exch = _FIX_EXCHANGE.get(exch, exch)
    return f"{exch}: {symbol}"


def find_ticker(text: str) -> str | None:
    """The first 'EXCH: SYM' (or 'listed on EXCH under the symbol SYM') printed in the text."""
    best: tuple[int, str] | None = None
    for pattern in (_INLINE, _PROSE):
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), normalise(match["exch"], match["sym"]))
    return best[1] if best else None


def cover_ticker(cover_text: str) -> str | None:
    """'Exchange name: SYMBOL' from the first row of an 8-K cover's Section 12(b) table."""
    start = re.search(r"Section\s+12\s*\(\s*b\s*\)\s+of\s+the\s+Act", cover_text, re.I)
    if not start:
        return None
    section = cover_text[start.end() :]
    stop = re.search(
        r"Indicate\s+by\s+check|emerging\s+growth|Securities\s+registered\s+pursuant"
        r"\s+to\s+Section\s+12\s*\(\s*g",
        section,
        re.I,
    )
    if stop:
        section = section[: stop.start()]
    header = re.search(r"registered\b", section, re.I)
    if header:
        section = section[header.end() :]
    match = _TWELVE_B.search(section)
    return normalise(match["exch"], match["sym"]) if match else None
