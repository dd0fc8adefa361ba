"""Start-up timing hook for ``bench/startup_frozen.py``; does nothing unless asked to.

With ``IRVIEWER_STARTUP_PROBE=FILE`` in the environment, the first paint of the main window
writes one JSON line to FILE (the wall-clock time it happened, the pid, whether the app is
frozen) and then quits the app, so a benchmark can time "process start to window shown" the
same way for the frozen bundle and for the app run from source.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

log = logging.getLogger(__name__)

ENV_VAR = "IRVIEWER_STARTUP_PROBE"

_probe: _FirstPaint | None = None  # keeps the filter alive while the app runs


class _FirstPaint(QObject):
    """An application-wide event filter that waits for a main window's first paint."""

    def __init__(self, target: Path, app: QCoreApplication) -> None:
        super().__init__(app)
        self.target = target
        self.done = False
        self.quit = QCoreApplication.quit  # what runs after the report (tests replace it)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QMainWindow)
            and watched.isVisible()
        ):
            self.done = True
            self.report()
        return False

    def report(self) -> None:
        record = {
            "shown": time.time(),
            "pid": os.getpid(),
            "frozen": bool(getattr(sys, "frozen", False)),
            "executable": sys.executable,
        }
        try:
            with self.target.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
        except OSError:
            log.warning("cannot write the start-up probe to %s", self.target, exc_info=True)
        QTimer.singleShot(0, self.quit)


def install(app: QApplication) -> bool:
    """Watch for the main window's first paint when ``IRVIEWER_STARTUP_PROBE`` is set.

    Call once, after the QApplication exists and before its event loop starts. Returns True
    when the probe is active.
    """
    global _probe
    target = os.environ.get(ENV_VAR)
    if not target or _probe is not None:
        return False
    _probe = _FirstPaint(Path(target), app)
    app.installEventFilter(_probe)
    return True
