"""Save a PNG of the main window on the demo library (offscreen by default, or under Xvfb).

    python scripts/screenshot.py                       # docs/screenshot.png, light, Reader tab
    python scripts/screenshot.py --theme dark --tab tables --out /tmp/dark-tables.png
    python scripts/screenshot.py --search "revenue"    # the timeline in search mode

The demo is imported into a temporary data folder, so your own library and settings are never
touched. Under Xvfb, run with QT_QPA_PLATFORM=xcb to draw through a real X server.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TABS = {"reader": 0, "tables": 1, "original": 2}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--tab", choices=sorted(TABS), default="reader")
    parser.add_argument("--size", default="1440x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--search", default="", help="type this into the search box first")
    parser.add_argument("--release", type=int, default=0, help="select this release id")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["IRVIEWER_THEME"] = args.theme
    sys.path.insert(0, str(REPO))
    from irviewer.gui.app import build_window, create_app, install_qt_log_filter
    from irviewer.gui.library import DataPaths
    from irviewer.gui.selftest import IMPORT_TIMEOUT_S, pick_release, wait_for

    width, height = (int(v) for v in args.size.lower().split("x"))
    install_qt_log_filter()
    app = create_app()
    with tempfile.TemporaryDirectory(prefix="irviewer-shot-") as tmp:
        window = build_window(DataPaths.in_folder(Path(tmp)))
        window.resize(width, height)
        window.show()
        window.open_demo()
        if window.import_job is not None:
            wait_for(lambda: not window.import_job.running, "the demo import", IMPORT_TIMEOUT_S)
        release_id = args.release or pick_release(window.store).id
        window.select_release(release_id)
        wait_for(
            lambda: window.stored is not None and window.stored.id == release_id,
            "the release to load",
        )
        if args.search:
            done: list[str] = []
            window.timeline.search_finished.connect(done.append)
            window.timeline.set_search_text(args.search)
            window.timeline.search_now()
            wait_for(lambda: bool(done), "the search")  # the release stays selected if a hit
        window.tabs.setCurrentIndex(TABS[args.tab])
        for _ in range(3):  # rows load in the background as the timeline paints them
            app.processEvents()
            wait_for(lambda: not window.runner.is_busy(), "the timeline rows")
        for _ in range(5):
            app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(args.out)):
            sys.stderr.write(f"could not write {args.out}\n")
            return 1
        window.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
