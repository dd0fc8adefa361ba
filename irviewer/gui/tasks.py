"""One background-work helper: run a function on a thread pool, get its result on the GUI thread.

Workers never touch widgets. A result, an error message or a progress report travels back through
a signal holder that lives on the GUI thread, so the callbacks always run there (queued
connection). Tasks submitted under the same ``key`` supersede each other: only the newest task of
a key delivers its result; late answers of older ones are dropped (e.g. the reader pane asking for
release 12, then 13: if 12 arrives after 13 was asked for, 12 is ignored).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[str], None]
ProgressCallback = Callable[[Any], None]


@dataclass
class _Pending:
    key: str | None
    on_result: ResultCallback | None
    on_error: ErrorCallback | None
    on_progress: ProgressCallback | None


class _Relay(QObject):
    """Created on the GUI thread; workers emit its signals, the runner receives them queued."""

    done = Signal(int, bool, object)
    progressed = Signal(int, object)


def error_message(exc: BaseException) -> str:
    """A one-line message for the user: the exception text, or its type when it has none."""
    text = str(exc).strip()
    return text if text else type(exc).__name__


class TaskRunner(QObject):
    """Runs callables off the GUI thread and delivers their outcome on it.

    Signals:
        task_finished(int): after a task's callbacks ran (or were dropped as stale).
        busy_changed(bool): when the runner goes from idle to busy and back.
    """

    task_finished = Signal(int)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, max_threads))
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._closed = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.progressed.connect(self._on_progress)

    # -- public API -----------------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        key: str | None = None,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Run ``fn(*args)`` on the pool; with ``on_progress``, fn also gets ``progress=callable``.

        Returns the task id (-1 after ``shutdown``: nothing runs). With a ``key``, any earlier
        task of the same key becomes stale.
        """
        if self._closed:  # the window is closing: late timers may still ask for work
            log.debug("task runner is shut down; %s not run", getattr(fn, "__name__", fn))
            return -1
        task_id = next(self._ids)
        was_idle = not self._pending
        self._pending[task_id] = _Pending(key, on_result, on_error, on_progress)
        if key is not None:
            self._latest[key] = task_id
        relay = self._relay

        def report(value: Any) -> None:
            with contextlib.suppress(RuntimeError):  # the runner was deleted meanwhile
                relay.progressed.emit(task_id, value)

        def work() -> None:
            try:
                if on_progress is not None:
                    result, ok = fn(*args, progress=report), True
                else:
                    result, ok = fn(*args), True
            except Exception as exc:  # any failure becomes a message for the GUI
                log.warning("background task %s failed", task_id, exc_info=True)
                result, ok = error_message(exc), False
            with contextlib.suppress(RuntimeError):
                relay.done.emit(task_id, ok, result)

        self._pool.start(work)
        if was_idle:
            self.busy_changed.emit(True)
        return task_id

    def is_current(self, task_id: int) -> bool:
        """True while the task is pending and no newer task of its key was submitted."""
        pending = self._pending.get(task_id)
        if pending is None:
            return False
        return pending.key is None or self._latest.get(pending.key) == task_id

    def drop(self, key: str) -> None:
        """Make every pending task of ``key`` stale: their results will be ignored."""
        self._latest[key] = -1

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (results still arrive later, through the event loop)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10_000) -> None:
        """Drop every pending result and wait for running work to end."""
        self._closed = True
        for key in list(self._latest):
            self._latest[key] = -1
        for pending in self._pending.values():
            pending.on_result = pending.on_error = pending.on_progress = None
        self._pool.clear()
        self._pool.waitForDone(msecs)

    # -- delivery on the GUI thread -------------------------------------------------------------

    @Slot(int, object)
    def _on_progress(self, task_id: int, value: object) -> None:
        pending = self._pending.get(task_id)
        if pending and pending.on_progress and self.is_current(task_id):
            pending.on_progress(value)

    @Slot(int, bool, object)
    def _on_done(self, task_id: int, ok: bool, payload: object) -> None:
        current = self.is_current(task_id)
        pending = self._pending.pop(task_id, None)
        try:
            if pending is None or not current:
                log.debug("dropped stale result of task %s", task_id)
            elif ok and pending.on_result is not None:
                pending.on_result(payload)
            elif not ok:
                if pending.on_error is not None:
                    pending.on_error(str(payload))
                else:
                    log.error("background task failed: %s", payload)
        finally:
            self.task_finished.emit(task_id)
            if not self._pending:
                self.busy_changed.emit(False)
