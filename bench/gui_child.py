"""Child process of bench/startup.py and bench/memory.py: one timed GUI start, reported as JSON.

    python bench/gui_child.py bare OUT            # a bare PySide6 main window
    python bench/gui_child.py app LIBRARY OUT     # irviewer's main window on LIBRARY
    python bench/gui_child.py scroll LIBRARY OUT  # ... then scroll the timeline end to end

The parent notes the wall-clock time just before starting this process; this process appends
one JSON line to OUT with wall-clock times (``time.time()``) of:

- ``first_paint``: the main window's first paint (what irviewer/gui/startup_probe.py reports);
- ``timeline_ready``: the library is open and the timeline's current row (the newest release)
  has its listing row loaded and painted: the window shows the library;
- ``reader_ready``: that release is loaded into the reader;

and, for ``scroll``, the peak resident memory (VmHWM) after scrolling the timeline from its
first row to its last, every page of rows loaded on the way (the app pins True and False
against PySide6's stray reference drops itself: irviewer/gui/qtcompat.py). The app runs as ``irviewer
--library LIBRARY`` does (``irviewer.gui.app.run_gui``); only ``build_window`` is wrapped, to
reach the window.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

TIMEOUT_S = 300.0
POLL_MS = 2


def rss_kb(field: str = "VmRSS") -> int:
    """Resident memory of this process in KiB (VmRSS now, VmHWM peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class Probe:
    """Watches the main window: first paint, library shown, release loaded (then scroll)."""

    def __init__(self, out: Path, scroll: bool) -> None:
        self.out = out
        self.scroll = scroll
        self.record: dict[str, Any] = {"pid": os.getpid()}
        self.window: Any = None
        self.started = time.monotonic()
        self.steps = 0
        self.idle_ticks = 0

    # -- Qt glue ------------------------------------------------------------------------------

    def install(self, app: Any) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer(app)
        self._timer.timeout.connect(self.tick)
        self._timer.start(POLL_MS)

    def watch(self, window: Any) -> None:
        """Note the main window's first paint: a filter on that window alone (an application-wide
        filter would make PySide wrap every event of every widget, which costs the app ~50 ms
        that the bare window, with no child widgets, does not pay)."""
        from PySide6.QtCore import QEvent, QObject

        probe = self

        class FirstPaint(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt API
                if (
                    "first_paint" not in probe.record
                    and event.type() == QEvent.Type.Paint
                    and watched.isVisible()
                ):
                    probe.record["first_paint"] = time.time()
                return False

        self._filter = FirstPaint(window)
        window.installEventFilter(self._filter)

    def finish(self, **extra: Any) -> None:
        from PySide6.QtWidgets import QApplication

        self._timer.stop()
        self.record.update(extra)
        self.record["rss_kb"] = rss_kb()
        self.record["peak_rss_kb"] = rss_kb("VmHWM")
        with self.out.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(self.record) + "\n")
        QApplication.quit()

    # -- states -----------------------------------------------------------------------------

    def tick(self) -> None:
        if time.monotonic() - self.started > TIMEOUT_S:
            self.finish(error=f"timed out after {TIMEOUT_S:.0f} s")
            return
        window = self.window
        if window is None:  # the bare window: the first paint is all there is
            if "first_paint" in self.record:
                self.finish()
            return
        if "timeline_ready" not in self.record:
            if self._timeline_ready(window):
                window.repaint()  # paint the rows now, synchronously
                self.record["timeline_ready"] = time.time()
                self.record["releases"] = window.timeline.model.release_count()
                self.record["rss_open_kb"] = rss_kb()
            return
        if "reader_ready" not in self.record:
            if window.stored is not None:
                window.repaint()
                self.record["reader_ready"] = time.time()
                if not self.scroll:
                    self.finish()
            return
        self._scroll_step(window)

    @staticmethod
    def _timeline_ready(window: Any) -> bool:
        if window.library is None:
            return False
        pane = window.timeline
        model = pane.model
        current = pane.view.currentIndex()
        return (
            model.release_count() > 0
            and current.isValid()
            and (model.summary_at(current) is not None)
        )

    def _scroll_step(self, window: Any) -> None:
        """One viewport down per tick, once the rows in view have arrived."""
        pane = window.timeline
        view, model = pane.view, pane.model
        if window.runner.is_busy():
            return  # a page is loading: let it arrive (and be painted) first
        bar = view.verticalScrollBar()
        growing = any(model.can_grow(model.index(r, 0)) for r in range(model.rowCount()))
        if bar.value() >= bar.maximum() and not growing:
            self.idle_ticks += 1
            if self.idle_ticks > 20:  # nothing left to load or show
                shown = sum(model.exposed_rows(r) for r in range(model.rowCount()))
                self.finish(
                    scroll_steps=self.steps,
                    scroll_s=time.time() - self.record["reader_ready"],
                    rows_shown=shown,
                )
            return
        self.idle_ticks = 0
        bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
        view.fetch_visible()
        self.steps += 1


def run_bare(out: Path) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    probe = Probe(out, scroll=False)
    probe.install(app)
    window = QMainWindow()
    probe.watch(window)
    window.resize(1400, 880)
    window.show()
    return app.exec()


def run_app(library: Path, out: Path, scroll: bool) -> int:
    from irviewer.gui import app as gui_app

    probe = Probe(out, scroll)
    create_app, build_window = gui_app.create_app, gui_app.build_window

    def create_app_with_probe(argv: Any = None) -> Any:
        app = create_app(argv)
        probe.install(app)
        return app

    def build_window_seen(paths: Any) -> Any:
        probe.window = build_window(paths)
        probe.watch(probe.window)
        return probe.window

    gui_app.create_app = create_app_with_probe
    gui_app.build_window = build_window_seen
    return gui_app.run_gui(library)


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "bare":
        return run_bare(Path(argv[1]))
    return run_app(Path(argv[1]), Path(argv[2]), scroll=mode == "scroll")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
