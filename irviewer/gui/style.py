"""Look and feel: Fusion with a light or dark palette, fonts, kind colours, reader CSS.

The system colour scheme decides light or dark; ``IRVIEWER_THEME=light|dark`` overrides it
(screenshots, testing both).
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

# kind -> (light palette colour, dark palette colour)
KIND_COLORS: dict[str, tuple[str, str]] = {
    "earnings": ("#2463a6", "#6aa5e6"),
    "clinical": ("#23865a", "#5cc796"),
    "product": ("#7a4bb5", "#b48ae6"),
    "deal": ("#b8651a", "#f0a25a"),
    "offering": ("#9a7209", "#e0bb4a"),
    "event": ("#0d7b7d", "#4cc3c5"),
    "governance": ("#5b6472", "#a3abb8"),
    "corporate": ("#a63d63", "#e083a4"),
    "other": ("#6e6e6e", "#a0a0a0"),
}

KIND_LABELS = {
    "earnings": "Earnings",
    "clinical": "Clinical",
    "product": "Product",
    "deal": "Deal",
    "offering": "Offering",
    "event": "Event",
    "governance": "Governance",
    "corporate": "Corporate",
    "other": "Other",
}


def kind_label(kind: str | None) -> str:
    return KIND_LABELS.get(kind or "other", (kind or "other").capitalize())


def is_dark(palette: QPalette | None = None) -> bool:
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def kind_color(kind: str | None, dark: bool | None = None) -> QColor:
    if dark is None:
        dark = is_dark()
    light_hex, dark_hex = KIND_COLORS.get(kind or "other", KIND_COLORS["other"])
    return QColor(dark_hex if dark else light_hex)


def kind_icon(kind: str) -> QIcon:
    """A rounded square in the kind's colour (the kind filter's items)."""
    pixmap = QPixmap(24, 24)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kind_color(kind))
    painter.drawRoundedRect(4, 4, 16, 16, 4, 4)
    painter.end()
    return QIcon(pixmap)


def chip_text_color(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#111111") if luminance > 0.5 else QColor("#ffffff")


def muted_color(palette: QPalette | None = None) -> QColor:
    """Secondary text: between text and background."""
    palette = palette or QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def highlight_colors(dark: bool | None = None) -> tuple[str, str]:
    """(background, text) for search-term highlights."""
    if dark is None:
        dark = is_dark()
    return ("#7a5d00", "#fff6cc") if dark else ("#ffe58a", "#1a1a1a")


def light_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#f3f4f6",
        roles.WindowText: "#1f2328",
        roles.Base: "#ffffff",
        roles.AlternateBase: "#f6f8fa",
        roles.ToolTipBase: "#ffffff",
        roles.ToolTipText: "#1f2328",
        roles.PlaceholderText: "#8a9099",
        roles.Text: "#1f2328",
        roles.Button: "#f6f7f9",
        roles.ButtonText: "#1f2328",
        roles.BrightText: "#cf222e",
        roles.Light: "#ffffff",
        roles.Midlight: "#e6e8eb",
        roles.Mid: "#c9ced4",
        roles.Dark: "#a0a7b0",
        roles.Shadow: "#6e7781",
        roles.Highlight: "#2463a6",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#0b5cad",
        roles.LinkVisited: "#6f42c1",
    }
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    _disabled(p, "#9aa1a9")
    return p


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#24272c",
        roles.WindowText: "#e4e6ea",
        roles.Base: "#1b1d21",
        roles.AlternateBase: "#22252a",
        roles.ToolTipBase: "#2d3137",
        roles.ToolTipText: "#e4e6ea",
        roles.PlaceholderText: "#8b929c",
        roles.Text: "#e4e6ea",
        roles.Button: "#2d3137",
        roles.ButtonText: "#e4e6ea",
        roles.BrightText: "#ff7b72",
        roles.Light: "#3a3f46",
        roles.Midlight: "#32363c",
        roles.Mid: "#4a5059",
        roles.Dark: "#15171a",
        roles.Shadow: "#000000",
        roles.Highlight: "#3b78c2",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#79b8ff",
        roles.LinkVisited: "#d2a8ff",
    }
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    _disabled(p, "#6b717a")
    return p


def _disabled(palette: QPalette, color: str) -> None:
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))


def wants_dark(app: QGuiApplication) -> bool:
    forced = os.environ.get("IRVIEWER_THEME", "").strip().lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def ui_font() -> QFont:
    """The system UI font, at least 10 pt so dense listings stay readable."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    return font


def apply_style(app: QApplication) -> None:
    """Fusion, the light or dark palette, the UI font and the small stylesheet."""
    app.setStyle("Fusion")
    dark = wants_dark(app)
    palette = dark_palette() if dark else light_palette()
    app.setPalette(palette)
    app.setFont(ui_font())
    app.setStyleSheet(stylesheet(palette))


def stylesheet(palette: QPalette) -> str:
    """A few touches the palette cannot express: flat tool bar, roomy tabs, quiet splitters."""
    mid = palette.color(QPalette.ColorRole.Mid).name()
    window = palette.color(QPalette.ColorRole.Window).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    muted = muted_color(palette).name()
    return f"""
QToolBar {{ border: none; spacing: 4px; padding: 3px 6px; background: {window}; }}
QToolBar QToolButton {{ padding: 4px 8px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: {mid}; }}
QTabWidget::pane {{ border: 1px solid {mid}; border-radius: 0; top: -1px; background: {base}; }}
QTabBar::tab {{ padding: 6px 14px; margin-right: 2px; border: 1px solid transparent;
    border-bottom: none; color: {muted}; }}
QTabBar::tab:selected {{ color: {text}; background: {base}; border-color: {mid};
    border-top-left-radius: 4px; border-top-right-radius: 4px; }}
QSplitter::handle {{ background: {window}; }}
QDockWidget::title {{ padding: 6px 8px; background: {window}; }}
QStatusBar {{ border-top: 1px solid {mid}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QLabel#paneTitle {{ font-weight: 600; }}
QLabel#matchCount {{ color: {muted}; }}
"""


def reader_css(palette: QPalette | None = None) -> str:
    """CSS for the reader's QTextBrowser document (the subset Qt's rich text supports)."""
    palette = palette or QGuiApplication.palette()
    dark = is_dark(palette)
    text = palette.color(QPalette.ColorRole.Text).name()
    muted = muted_color(palette).name()
    link = palette.color(QPalette.ColorRole.Link).name()
    mark_bg, mark_fg = highlight_colors(dark)
    return f"""
body {{ color: {text}; }}
p.sub {{ font-size: 11.5pt; font-style: italic; color: {muted}; margin: 2px 0; }}
p.meta {{ color: {muted}; margin: 10px 0 2px 0; }}
p.dateline {{ color: {muted}; margin: 0 0 4px 0; }}
p {{ margin: 0 0 10px 0; line-height: 140%; }}
ul {{ margin: 0 0 10px 0; }}
li {{ margin: 0 0 4px 0; line-height: 140%; }}
a {{ color: {link}; }}
p.section {{ font-size: 12.5pt; font-weight: 600; margin: 14px 0 6px 0; }}
p.headline {{ font-size: 16pt; font-weight: 600; margin: 0 0 6px 0; line-height: 120%; }}
span.mark {{ background-color: {mark_bg}; color: {mark_fg}; }}
span.edited {{ color: {muted}; font-size: 8.5pt; }}
p.rule {{ font-size: 2pt; margin: 0 0 12px 0; }}
"""
