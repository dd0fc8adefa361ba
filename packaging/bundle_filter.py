"""What the spec leaves out of the bundle: unused Qt plugins, libraries and translations.

PyInstaller collects every plugin of each Qt module the app imports. Most are never loaded by
a widgets-only desktop app, and some drag in large libraries: the virtual-keyboard input plugin
pulls QtQuick/QML, the Wayland and EGL plugins their stacks, the GTK3 platform theme GTK's
cairo/pango/gdk-pixbuf. ``dropped`` names those entries; ``prune`` removes them together with
the libraries that only they linked to. packaging/bundle_check.py and ``irviewer --self-test``
check from the built bundle that nothing the app needs went missing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable

log = logging.getLogger("irviewer.spec")

# Qt plugin folders that a desktop widgets app never loads.
DROP_PLUGIN_DIRS = frozenset(
    {
        "designer",
        "egldeviceintegrations",  # EGL full-screen devices
        "generic",  # evdev/tslib input for framebuffer devices
        "networkinformation",
        "printsupport",
        "qmltooling",
        "sqldrivers",
        "tls",
        "vectorimageformats",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-graphics-integration-server",
        "wayland-shell-integration",
        "xcbglintegrations",  # OpenGL on X11: the app draws no OpenGL
    }
)
# Single plugins to drop (file stem without a leading "lib"): the virtual keyboard (QtQuick and
# QML), the GTK3 theme (GTK's libraries), and image formats the app never reads. The compose and
# IBus input contexts stay: dead keys and input methods need them.
DROP_PLUGINS = frozenset(
    {
        "qtvirtualkeyboardplugin",
        "qgtk3",
        "qtiff",
        "qwebp",
        "qtga",
        "qwbmp",
        "qicns",
        "qpdf",
    }
)
# Platform plugins kept; everything else in platforms/ goes (EGL, Wayland, VNC, linuxfb...):
# xcb for X11 and XWayland desktops, offscreen for the self-test, the Windows and macOS natives.
KEEP_PLATFORMS = frozenset({"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"})
# Qt libraries to drop if a plugin or module still pulled them in. Not QtNetwork: libQt6Pdf
# links to it, and without it QtPdf does not load (the reader silently loses the PDF view).
# A library listed here that a kept binary links to is kept anyway, with a warning.
DROP_LIBS = (
    "libQt6Quick", "libQt6Qml", "libQt6VirtualKeyboard", "libQt6Wayland", "libQt6WlShell",
    "libQt6OpenGL", "libQt6EglFS", "libQt6PdfQuick",
    "Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6OpenGL",
)  # fmt: skip
# Python extensions never used: Pillow's AVIF and WebP codecs (pdfplumber needs only Pillow's
# core; both image plugins import their codec optionally) and its Tk bridge.
DROP_EXTENSIONS = ("PIL/_avif", "PIL/_webp", "PIL/_imagingtk")

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, kind)


def _stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def dropped(dest: str) -> bool:
    """True for a bundle entry (by its destination path) that the app does not need."""
    posix = dest.replace("\\", "/")
    parts = posix.split("/")
    if parts[0] == "PySide6" and "translations" in parts[:-1]:
        return True  # Qt's own translations: the UI is English only
    if "plugins" in parts[:-1]:
        at = parts.index("plugins")
        folder = parts[at + 1] if len(parts) > at + 2 else ""
        stem = _stem(parts[-1])
        if folder in DROP_PLUGIN_DIRS or stem in DROP_PLUGINS:
            return True
        if folder == "platforms" and stem not in KEEP_PLATFORMS:
            return True
    if parts[-1].startswith(DROP_LIBS):
        return True
    return posix.startswith(DROP_EXTENSIONS)


def prune(
    binaries: Iterable[Entry], needed: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], set[str]]:
    """Drop what ``dropped`` names, then the libraries that only dropped entries linked to.

    ``needed(source)`` gives the names of the libraries a binary links to. A library stays when
    a kept binary or Python extension links to it, or when no dropped entry does (e.g.
    pypdfium2's libpdfium, which is loaded with ctypes).
    Returns the binaries kept and the destinations dropped.
    """
    binaries = list(binaries)
    by_name: dict[str, list[str]] = {}
    for dest, _src, _kind in binaries:
        by_name.setdefault(os.path.basename(dest), []).append(dest)
    needs = {dest: {os.path.basename(n) for n in needed(src)} for dest, src, _kind in binaries}

    def closure(roots: set[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            for name in needs.get(todo.pop(), ()):
                for other in by_name.get(name, ()):
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
        return seen

    named = {dest for dest, _src, _kind in binaries if dropped(dest)}
    via_named = closure(named)
    # Python extensions are always roots: Python imports them, nothing links to them.
    roots = {
        dest
        for dest, _src, kind in binaries
        if dest not in named and (kind == "EXTENSION" or dest not in via_named)
    }
    still_needed = roots | closure(roots)
    for dest in sorted(named & still_needed):
        log.warning("keeping %s: a kept binary links to it", dest)
    gone = (named | via_named) - still_needed
    return [entry for entry in binaries if entry[0] not in gone], gone


def keep_data(entry: Entry, gone: set[str]) -> bool:
    """Data entries minus dropped ones and the symlinks that pointed at dropped binaries."""
    dest, target, kind = entry
    if kind == "SYMLINK" and str(target).replace("\\", "/") in {g.replace("\\", "/") for g in gone}:
        return False
    return not dropped(dest)


def report(binaries: Iterable[Entry], gone: set[str], datas: Iterable[Entry] = ()) -> None:
    """Log how much was left out (the full list at debug level)."""
    size = sum(os.path.getsize(src) for dest, src, _ in binaries if dest in gone)
    files = [(dest, src) for dest, src, kind in datas if kind != "SYMLINK"]
    data_size = sum(os.path.getsize(src) for _dest, src in files if os.path.isfile(src))
    log.info(
        "left out %d unused binaries (%.1f MB) and %d data files (%.1f MB)",
        len(gone), size / 1e6, len(files), data_size / 1e6,
    )  # fmt: skip
    log.debug("left out: %s", sorted(gone) + sorted(dest for dest, _src in files))
