"""Paints timeline rows: a year band, or a release as kind chip, date, company and headline.

Rows have a fixed height (two lines; three with a search snippet), so the view can use uniform
row heights and never asks the model for more rows than it shows.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from irviewer.gui.models.timeline import Role
from irviewer.gui.style import (
    chip_text_color,
    highlight_colors,
    is_dark,
    kind_color,
    kind_label,
    muted_color,
)

PAD_X = 8
PAD_Y = 6
LINE_GAP = 3
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@lru_cache(maxsize=32)
def _metrics(font: QFont) -> QFontMetrics:
    return QFontMetrics(font)


@lru_cache(maxsize=64)
def _chip_colors(kind: str, dark: bool) -> tuple[QColor, QColor]:
    background = kind_color(kind, dark)
    return background, chip_text_color(background)


@lru_cache(maxsize=4096)
def format_date(iso: str | None) -> str:
    """'2023-08-15' -> '15 Aug 2023'; partial or odd values are shown as stored."""
    if not iso:
        return "Undated"
    try:
        return dt.date.fromisoformat(iso).strftime("%d %b %Y").lstrip("0")
    except ValueError:
        return iso


def short_ticker(ticker: str | None) -> str:
    """'Nasdaq: NWTX' -> 'NWTX' (the exchange is in the reader and the tooltip)."""
    if not ticker:
        return ""
    return ticker.rsplit(":", 1)[-1].strip() or ticker


def focus_snippet(runs: list[tuple[str, bool]], lead: int = 28) -> list[tuple[str, bool]]:
    """Start the snippet shortly before its first match, so the match stays in view."""
    for i, (_text, marked) in enumerate(runs):
        if marked:
            before = "".join(t for t, _m in runs[:i])
            if len(before) <= lead:
                return runs
            cut = before[-lead:]
            cut = cut[cut.find(" ") + 1 :] if " " in cut else cut
            return [("…" + cut, False), *runs[i:]]
    return runs


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """Split a store snippet into (text, highlighted) runs."""
    runs: list[tuple[str, bool]] = []
    marked = False
    buf = ""
    for ch in snippet:
        if ch in (HIGHLIGHT_START, HIGHLIGHT_END):
            if buf:
                runs.append((buf, marked))
            buf = ""
            marked = ch == HIGHLIGHT_START
        else:
            buf += ch
    if buf:
        runs.append((buf, marked))
    return runs


class TimelineDelegate(QStyledItemDelegate):
    """Draws year bands and release rows; ``search_mode`` adds a snippet line."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.search_mode = False

    # -- sizes --------------------------------------------------------------------------------

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        small = QFont(base)
        small.setPointSizeF(max(7.5, base.pointSizeF() * 0.88))
        chip = QFont(small)
        chip.setWeight(QFont.Weight.DemiBold)
        return base, small, chip

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # Every row has the same height (year rows too): the view relies on uniform row heights
        # so that it never measures rows it does not show.
        base, small, _ = self._fonts(option)
        fm_base, fm_small = QFontMetrics(base), QFontMetrics(small)
        height = 2 * PAD_Y + fm_small.height() + LINE_GAP + fm_base.height()
        if self.search_mode:
            height += LINE_GAP + fm_small.height()
        return QSize(200, height)

    # -- painting -----------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        try:
            if index.data(Role.IS_GROUP):
                self._paint_group(painter, option, index)
            else:
                self._paint_release(painter, option, index)
        finally:
            painter.restore()

    def _paint_group(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        palette = option.palette
        rect = option.rect
        band = palette.color(QPalette.ColorRole.Window)
        painter.fillRect(rect, band)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(
                rect,
                palette.color(QPalette.ColorRole.Highlight).lighter(170)
                if not is_dark(palette)
                else palette.color(QPalette.ColorRole.Highlight).darker(170),
            )
        base, small, _ = self._fonts(option)
        bold = QFont(base)
        bold.setWeight(QFont.Weight.Bold)
        bold.setPointSizeF(base.pointSizeF() * 1.15)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_rect = rect.adjusted(PAD_X, 0, -PAD_X, 0)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            str(index.data(Qt.ItemDataRole.DisplayRole)),
        )
        count = index.data(Role.COUNT) or 0
        painter.setFont(small)
        painter.setPen(muted_color(palette))
        noun = "release" if count == 1 else "releases"
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            f"{count:,} {noun}",
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

    def _paint_release(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        summary = index.data(Role.SUMMARY)
        if summary is None:  # the page is still being read ("Loading…")
            painter.setPen(muted_color(option.palette))
            painter.setFont(option.font)
            painter.drawText(
                option.rect.adjusted(PAD_X, 0, -PAD_X, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(index.data(Qt.ItemDataRole.DisplayRole) or "Loading…"),
            )
            return
        palette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        dark = is_dark(palette)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            text_color = palette.color(QPalette.ColorRole.HighlightedText)
            muted = QColor(text_color)
            muted.setAlphaF(0.8)
        else:
            if option.state & QStyle.StateFlag.State_MouseOver:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            text_color = palette.color(QPalette.ColorRole.Text)
            muted = muted_color(palette)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base, small, chip_font = self._fonts(option)
        fm_base, fm_small, fm_chip = _metrics(base), _metrics(small), _metrics(chip_font)
        x = rect.left() + PAD_X
        right = rect.right() - PAD_X
        y = rect.top() + PAD_Y

        # line 1: kind chip, date, (edited mark), ticker or company at the right
        kind = summary.kind or "other"
        label = kind_label(kind)
        chip_w = fm_chip.horizontalAdvance(label) + 10
        chip_h = fm_small.height()
        background, foreground = _chip_colors(kind, dark)
        if selected:  # keep the chip distinct from the selection colour
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        chip = QRect(x, y, chip_w, chip_h)
        painter.drawRoundedRect(chip, 3, 3)
        painter.setFont(chip_font)
        painter.setPen(foreground)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        x += chip_w + 8

        left_v = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.setFont(small)
        painter.setPen(muted)
        date_text = format_date(summary.date)
        if summary.edited:
            date_text += "   ✎ edited"
        painter.drawText(QRect(x, y, right - x, chip_h), left_v, date_text)
        x += fm_small.horizontalAdvance(date_text) + 12
        who = short_ticker(summary.ticker) or summary.company or ""
        if who and right - x > 40:
            who = fm_small.elidedText(who, Qt.TextElideMode.ElideRight, right - x)
            painter.drawText(
                QRect(x, y, right - x, chip_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                who,
            )

        # line 2: the headline
        y += chip_h + LINE_GAP
        x = rect.left() + PAD_X
        painter.setFont(base)
        painter.setPen(text_color)
        headline = summary.headline or "(no headline)"
        headline = fm_base.elidedText(headline, Qt.TextElideMode.ElideRight, right - x)
        painter.drawText(QRect(x, y, right - x, fm_base.height()), left_v, headline)

        # line 3 (search): the snippet, matched terms marked
        snippet = index.data(Role.SNIPPET) if self.search_mode else None
        if snippet:
            y += fm_base.height() + LINE_GAP
            self._paint_snippet(painter, small, snippet, x, y, right, muted, selected, dark)

        if not selected:
            line = QColor(palette.color(QPalette.ColorRole.Mid))
            line.setAlphaF(0.5)
            painter.setPen(line)
            painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right(), rect.bottom())

    @staticmethod
    def _paint_snippet(
        painter: QPainter,
        font: QFont,
        snippet: str,
        x: int,
        y: int,
        right: int,
        muted: QColor,
        selected: bool,
        dark: bool,
    ) -> None:
        bold = QFont(font)
        bold.setWeight(QFont.Weight.Bold)
        mark_bg, mark_fg = highlight_colors(dark)
        height = QFontMetrics(font).height()
        for text, marked in focus_snippet(snippet_runs(" ".join(snippet.split()))):
            if x >= right:
                break
            fm = QFontMetrics(bold if marked else font)
            width = fm.horizontalAdvance(text)
            if x + width > right:
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
                width = fm.horizontalAdvance(text)
            painter.setFont(bold if marked else font)
            box = QRect(x, y, width, height)
            if marked and not selected:
                painter.fillRect(box, QColor(mark_bg))
                painter.setPen(QColor(mark_fg))
            else:
                painter.setPen(muted)
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += width
