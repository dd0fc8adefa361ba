"""Icons by name from ``resources/icons`` (plain SVG files), tinted to the palette's text colour.

The line icons use ``currentColor`` so the same file reads well on light and dark palettes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from irviewer.paths import resources_dir

#: Every icon the app asks for; tests check that each file exists.
ICON_NAMES = (
    "app",
    "about",
    "clear",
    "contacts",
    "copy",
    "demo",
    "edit",
    "export",
    "import-file",
    "import-folder",
    "library",
    "original",
    "quit",
    "reader",
    "search",
    "table",
    "warning",
)

# Line icons are drawn at 16-24 px (tabs, menus, tool bar): two renderings serve them (Qt scales
# the nearest down), which keeps start-up's dozen icons cheap. The app icon gets more sizes.
_LINE_SIZES = (16, 24)
_APP_SIZES = (16, 20, 24, 32, 48)


def icons_dir() -> Path:
    return resources_dir() / "icons"


def icon_path(name: str) -> Path:
    if name not in ICON_NAMES:
        raise KeyError(f"unknown icon {name!r}")
    return icons_dir() / f"{name}.svg"


def _text_color() -> QColor:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.palette().color(QPalette.ColorRole.WindowText)
    return QColor("#333333")


@cache
def _render(name: str, color: str, sizes: tuple[int, ...] = _LINE_SIZES) -> QIcon:
    path = icon_path(name)
    data = path.read_text(encoding="utf-8").replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    icon = QIcon()
    if not renderer.isValid():
        return icon
    for size in sizes:
        pixmap = QPixmap(QSize(size, size) * 2)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size * 2, size * 2))
        painter.end()
        pixmap.setDevicePixelRatio(2.0)
        icon.addPixmap(pixmap)
    return icon


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The named icon, drawn in ``color`` (default: the palette's window text colour)."""
    tint = (color or _text_color()).name()
    return _render(name, tint)


def app_icon() -> QIcon:
    """The application icon (full colour)."""
    return _render("app", "#000000", _APP_SIZES)


def clear_cache() -> None:
    """Forget rendered icons, e.g. after the palette changed."""
    _render.cache_clear()
