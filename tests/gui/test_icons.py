"""Every icon the app names exists as a file and renders."""

from __future__ import annotations

import pytest

from irviewer.gui import icons


@pytest.mark.parametrize("name", icons.ICON_NAMES)
def test_icon_file_exists_and_renders(qapp, name):
    assert icons.icon_path(name).is_file()
    icon = icons.icon(name)
    assert not icon.isNull()
    assert not icon.pixmap(24, 24).toImage().isNull()


def test_every_icon_the_window_asks_for_exists(qtbot, tmp_path, monkeypatch):
    from tests.gui.factories import make_paths, make_window

    asked: list[str] = []
    real_icon = icons.icon
    monkeypatch.setattr(
        icons, "icon", lambda name, color=None: asked.append(name) or real_icon(name, color)
    )
    window = make_window(qtbot, make_paths(tmp_path))
    assert {"import-file", "import-folder", "search", "edit", "reader", "table"} <= set(asked)
    assert set(asked) <= set(icons.ICON_NAMES)
    for action in window.actions():
        if action.text() in ("&Import Files…", "&Correct Release…", "&About irviewer"):
            assert not action.icon().isNull()


def test_unknown_icon_name_is_an_error(qapp):
    with pytest.raises(KeyError):
        icons.icon("no-such-icon")


def test_app_icon_is_full_colour(qapp):
    image = icons.app_icon().pixmap(64, 64).toImage()
    assert not image.isNull()
    colours = {image.pixelColor(x, y).name() for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) > 4


def test_line_icons_take_the_requested_colour(qapp):
    from PySide6.QtGui import QColor

    image = icons.icon("search", QColor("#ff0000")).pixmap(48, 48).toImage()
    reds = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert reds and all(c.red() == 255 and c.green() == 0 and c.blue() == 0 for c in reds)
