"""Fast checks of the packaging files: spec, bundle filter, desktop entry, icons, version info.

Building the bundle itself is not a test (`bash packaging/build.sh --check` builds it and runs
the bundle check and the self-test from it).
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import shlex
import struct
import subprocess
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
DESKTOP = REPO / "resources" / "irviewer.desktop"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_pkg_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle_filter() -> ModuleType:
    return _load(PACKAGING / "bundle_filter.py")


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    return _load(REPO / "scripts" / "make_icons.py")


def _png_size(data: bytes) -> tuple[int, int, int]:
    """(width, height, colour type) from a PNG's IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


# -- the spec and the entry point -------------------------------------------------------------


def test_spec_parses_and_builds_from_the_launcher():
    tree = ast.parse((PACKAGING / "irviewer.spec").read_text(encoding="utf-8"))
    calls = {
        node.func.id: node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        assert name in calls, f"the spec never calls {name}"
    source = ast.unparse(calls["Analysis"])
    assert "launcher.py" in source and "resources" in source and "hookspath" in source
    assert "console=False" in (PACKAGING / "irviewer.spec").read_text(encoding="utf-8")


def test_launcher_calls_freeze_support_before_anything_else():
    tree = ast.parse((PACKAGING / "launcher.py").read_text(encoding="utf-8"))
    main = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")
    first = main.body[0]
    assert isinstance(first, ast.Expr)
    assert ast.unparse(first.value) == "multiprocessing.freeze_support()"


def test_build_and_install_scripts_are_valid_bash():
    for name in ("build.sh", "install-linux.sh"):
        subprocess.run(["bash", "-n", str(PACKAGING / name)], check=True)
    assert "dist/irviewer/irviewer" in (PACKAGING / "build.sh").read_text(encoding="utf-8")


# -- what the bundle leaves out ---------------------------------------------------------------


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/lib/libQt6Network.so.6",  # libQt6Pdf links to it
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/QtPdf.abi3.so",
        "pypdfium2_raw/libpdfium.so",
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
        "resources/demo/README.md",
        "PySide6\\plugins\\platforms\\qwindows.dll",
    ],
)
def test_bundle_keeps_what_the_app_needs(bundle_filter, dest):
    assert not bundle_filter.dropped(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
    ],
)
def test_bundle_leaves_out_unused_plugins_and_libraries(bundle_filter, dest):
    assert bundle_filter.dropped(dest)


def test_prune_drops_only_libraries_that_dropped_plugins_needed(bundle_filter):
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "gtk", "BINARY"),
        ("PySide6/QtCore.abi3.so", "pycore", "EXTENSION"),
        ("PySide6/QtOpenGLUser.abi3.so", "pyuser", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "core", "BINARY"),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", "opengl", "BINARY"),
        ("libcairo.so.2", "cairo", "BINARY"),
        ("libpixman-1.so.0", "pixman", "BINARY"),
        ("libglib-2.0.so.0", "glib", "BINARY"),
        ("pypdfium2_raw/libpdfium.so", "pdfium", "BINARY"),
        ("_cffi_backend.so", "cffi", "EXTENSION"),
    ]
    links = {
        "gtk": ["libcairo.so.2", "libglib-2.0.so.0", "libQt6Core.so.6", "_cffi_backend.so"],
        "cairo": ["libpixman-1.so.0"],
        "pycore": ["libQt6Core.so.6"],
        "core": ["/usr/lib/libglib-2.0.so.0"],
        "pyuser": ["libQt6OpenGL.so.6"],  # a kept binary needs a library named for dropping
    }
    kept, gone = bundle_filter.prune(binaries, lambda src: links.get(src, []))
    assert gone == {
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "libcairo.so.2",
        "libpixman-1.so.0",
    }
    assert [entry[0] for entry in kept] == [
        "PySide6/QtCore.abi3.so",
        "PySide6/QtOpenGLUser.abi3.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
        "libglib-2.0.so.0",
        "pypdfium2_raw/libpdfium.so",
        "_cffi_backend.so",
    ]


def test_prune_drops_a_library_only_a_dropped_plugin_needed(bundle_filter):
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "wayland", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "client", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "gui", "BINARY"),
        ("PySide6/QtGui.abi3.so", "pygui", "EXTENSION"),
    ]
    links = {"wayland": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6"], "pygui": ["libQt6Gui.so.6"]}
    kept, gone = bundle_filter.prune(binaries, lambda src: links.get(src, []))
    assert gone == {
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    }
    assert len(kept) == 2


def test_keep_data_drops_symlinks_to_dropped_binaries(bundle_filter):
    gone = {"pillow.libs/libavif-1.so.16"}
    assert not bundle_filter.keep_data(
        ("libavif-1.so.16", "pillow.libs/libavif-1.so.16", "SYMLINK"), gone
    )
    assert bundle_filter.keep_data(
        ("libjpeg-2.so.62", "pillow.libs/libjpeg-2.so.62", "SYMLINK"), gone
    )
    assert not bundle_filter.keep_data(("PySide6/Qt/translations/qt_fr.qm", "x", "DATA"), gone)
    assert bundle_filter.keep_data(("resources/icons/app.svg", "x", "DATA"), gone)


# -- Windows version resource -----------------------------------------------------------------


def test_version_info_matches_pyproject():
    version_info = _load(PACKAGING / "version_info.py")
    text = (PACKAGING / "version_info.txt").read_text(encoding="utf-8")
    assert text == version_info.current_text(REPO), "run: python packaging/version_info.py"
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tree = ast.parse(text, mode="eval")
    strings = {
        node.args[0].value: node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
    }
    assert strings["ProductVersion"] == project["version"]
    assert strings["OriginalFilename"] == "irviewer.exe"
    assert version_info.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert version_info.version_tuple("2024.10") == (2024, 10, 0, 0)


# -- Linux desktop entry ----------------------------------------------------------------------

DESKTOP_KEYS = {
    "Type", "Version", "Name", "GenericName", "Comment", "Exec", "TryExec", "Icon", "Terminal",
    "StartupNotify", "StartupWMClass", "Categories", "Keywords", "MimeType", "NoDisplay",
}  # fmt: skip
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
    "Office", "Science", "Settings", "System", "Utility",
}  # fmt: skip


def _desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_desktop_entry_has_valid_keys_and_values():
    entry = _desktop_entry()
    assert set(entry) <= DESKTOP_KEYS, f"unknown keys: {set(entry) - DESKTOP_KEYS}"
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), f"{key} is missing"
    assert entry["Type"] == "Application"
    for key in ("Terminal", "StartupNotify"):
        assert entry[key] in ("true", "false")
    assert entry["Terminal"] == "false"
    for key in ("Categories", "Keywords"):
        assert entry[key].endswith(";"), f"{key} must end with ';'"
    assert MAIN_CATEGORIES & set(entry["Categories"].split(";"))
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        assert line == line.strip(), f"stray whitespace: {line!r}"


def test_desktop_entry_runs_the_app_and_names_its_icon():
    entry = _desktop_entry()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    command = shlex.split(entry["Exec"])[0]
    assert command in scripts
    assert entry["TryExec"] == command
    # The app calls setDesktopFileName("irviewer"): the file, icon and WM class share the name.
    assert entry["Icon"] == DESKTOP.stem == entry["StartupWMClass"] == "irviewer"
    assert (ICONS / f"{entry['Icon']}-256.png").is_file()


# -- icons ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_icon_exists_in_each_size(size):
    path = ICONS / f"irviewer-{size}.png"
    assert path.is_file(), f"{path.name} is missing: run python scripts/make_icons.py"
    assert _png_size(path.read_bytes()) == (size, size, 6)  # RGBA


def test_ico_holds_a_png_entry_per_size(make_icons):
    data = (ICONS / "irviewer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sizes = []
    for i in range(count):
        width, height, _c, _r, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        side = width or 256
        assert (width, height, bits) == (side % 256, side % 256, 32)
        assert _png_size(data[offset : offset + length])[:2] == (side, side)
        sizes.append(side)
    assert sizes == sorted(make_icons.ICO_SIZES)


def test_icns_holds_png_elements_up_to_1024(make_icons):
    data = (ICONS / "irviewer.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        found[kind] = _png_size(data[at + 8 : at + length])[:2]
        at += length
    assert at == len(data)
    assert found == {kind: (size, size) for kind, size in make_icons.ICNS_TYPES}


def test_icons_are_rendered_from_the_current_svg(make_icons, qapp):
    from PySide6.QtGui import QImage

    for size in (16, 48, 256):
        fresh = QImage.fromData(make_icons.render_png(make_icons.SOURCE, size))
        committed = QImage(str(ICONS / f"irviewer-{size}.png"))
        assert fresh.size() == committed.size()
        worst = max(
            abs(fresh.pixelColor(x, y).rgba64().red8() - committed.pixelColor(x, y).rgba64().red8())
            + abs(fresh.pixelColor(x, y).alpha() - committed.pixelColor(x, y).alpha())
            for x in range(0, size, max(1, size // 32))
            for y in range(0, size, max(1, size // 32))
        )
        assert worst <= 4, f"irviewer-{size}.png is stale: run python scripts/make_icons.py"


# -- start-up probe ---------------------------------------------------------------------------


def test_startup_probe_is_off_without_the_variable(qapp, monkeypatch):
    from irviewer.gui import startup_probe

    monkeypatch.delenv(startup_probe.ENV_VAR, raising=False)
    monkeypatch.setattr(startup_probe, "_probe", None)
    assert startup_probe.install(qapp) is False


def test_startup_probe_reports_the_first_paint_then_quits(qapp, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from irviewer.gui import startup_probe

    target = tmp_path / "probe.jsonl"
    monkeypatch.setenv(startup_probe.ENV_VAR, str(target))
    monkeypatch.setattr(startup_probe, "_probe", None)
    assert startup_probe.install(qapp) is True
    probe = startup_probe._probe
    quits: list[bool] = []
    probe.quit = lambda: quits.append(True)
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: bool(quits), timeout=5000)
    finally:
        qapp.removeEventFilter(probe)
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    assert records[0]["frozen"] is False and records[0]["shown"] > 0
    window.update()
    qtbot.wait(50)
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1  # only the first paint
