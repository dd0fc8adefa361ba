"""A QLabel drawn in a secondary tone (muted or link colour) that follows palette changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from irviewer.gui.style import muted_color

MUTED = "muted"
LINK = "link"
NORMAL = "normal"


def tone_color(palette: QPalette, tone: str) -> QColor:
    if tone == MUTED:
        return muted_color(palette)
    if tone == LINK:
        return palette.color(QPalette.ColorRole.Link)
    return palette.color(QPalette.ColorRole.Text)


class ToneLabel(QLabel):
    """QLabel whose text colour is derived from the palette's Text/Base/Link roles.

    The colour is recomputed on every palette change, so a light/dark switch never
    leaves a stale grey behind.
    """

    def __init__(self, text: str = "", tone: str = MUTED, parent: Any = None) -> None:
        super().__init__(text, parent)
        self._tone = tone
        self._apply_tone()

    def tone(self) -> str:
        return self._tone

    def set_tone(self, tone: str) -> None:
        self._tone = tone
        self._apply_tone()

    def _apply_tone(self) -> None:
        palette = self.palette()
        color = tone_color(palette, self._tone)
        if palette.color(QPalette.ColorRole.WindowText) != color:
            palette.setColor(QPalette.ColorRole.WindowText, color)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_tone()
