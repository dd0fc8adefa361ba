"""Shared helpers for the benchmark scripts: paths, timing, statistics, machine description.

Benchmarks write their work files under ``BENCH_DIR`` (``/tmp/irviewer-bench`` unless
``IRVIEWER_BENCH_DIR`` says otherwise), never inside the repository.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts"
BENCH_DIR = Path(os.environ.get("IRVIEWER_BENCH_DIR", "/tmp/irviewer-bench"))
PYTHON = REPO / ".venv" / "bin" / "python"

# Libraries the benches share (made by make_library.py on first use).
LIBRARY_10K = BENCH_DIR / "library-10k.sqlite"
LIBRARY_100K = BENCH_DIR / "library-100k.sqlite"
FILES_DIR = BENCH_DIR / "files"


def python() -> str:
    """The project's interpreter (the venv's when present)."""
    return str(PYTHON) if PYTHON.is_file() else sys.executable


def ensure_repo_on_path() -> None:
    """Make ``scripts/`` (demo generators) importable from a bench script.

    The repository itself goes last, so that an ``irviewer`` found first on PYTHONPATH
    (another checkout) is the one measured.
    """
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    if str(REPO) not in sys.path:
        sys.path.append(str(REPO))


# -- statistics -------------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile (0-100) by linear interpolation, as numpy's default."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * pct / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def describe(values: Sequence[float]) -> dict[str, float]:
    """Median, p95, min, max and count of a list of timings (same unit in, same out)."""
    return {
        "median": statistics.median(values),
        "p95": percentile(values, 95),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


@contextmanager
def timed() -> Iterator[dict[str, float]]:
    """``with timed() as t: ...`` then ``t['s']`` holds the elapsed wall-clock seconds."""
    result = {"s": 0.0}
    start = time.perf_counter()
    try:
        yield result
    finally:
        result["s"] = time.perf_counter() - start


def warm_file(path: Path, chunk: int = 16 << 20) -> None:
    """Read a file once so that its pages are in the OS cache (benches measure warm runs)."""
    with path.open("rb", buffering=0) as handle:
        while handle.read(chunk):
            pass


def warm_file_tree(folder: Path) -> None:
    """Read every file under ``folder`` once (warm OS cache for the import benches)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            warm_file(path)


# -- machine ----------------------------------------------------------------------------------


def load_average() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return float("nan")


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))} ({platform.release()})"
    except OSError:
        pass
    return platform.platform()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git_revision() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return out.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine_info() -> dict[str, Any]:
    """CPU, cores, RAM, OS, Python and library versions, for the results file."""
    import sqlite3

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": round(_ram_gb(), 1),
        "os": _os_name(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "versions": {
            name: _version(name)
            for name in (
                "irviewer",
                "PySide6-Essentials",
                "pdfplumber",
                "pdfminer.six",
                "pypdfium2",
                "sqlite-utils",
            )
        },
        "git": _git_revision(),
        "load_average": load_average(),
    }


# -- results ----------------------------------------------------------------------------------


def write_json(path: Path | None, payload: dict[str, Any]) -> None:
    """Write ``payload`` (plus the machine and load) as JSON when ``path`` is given."""
    if path is None:
        return
    payload = {**payload, "machine": machine_info()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")


def verdict(value: float, target: float, lower_is_better: bool = True) -> str:
    ok = value <= target if lower_is_better else value >= target
    return "met" if ok else "MISSED"


def gui_env(home: Path) -> dict[str, str]:
    """Environment of a timed GUI process: offscreen, its data and settings under ``home``,
    no IRVIEWER_* settings inherited."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IRVIEWER_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def log(message: str) -> None:
    """Progress on stderr, with the time and the load average."""
    load = load_average()[0]
    print(f"[{time.strftime('%H:%M:%S')} load {load:4.2f}] {message}", file=sys.stderr, flush=True)
