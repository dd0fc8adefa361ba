"""Start-up time: process start to the main window shown, 10k and 100k libraries vs a bare window.

    python bench/startup.py [--runs 7] [--json out.json]

Three variants run in turns (so that load from elsewhere slows them alike), each started as a
fresh process by bench/gui_child.py, offscreen, with XDG folders in a temporary folder:

- ``bare``: a bare PySide6 QMainWindow (import, QApplication, show, first paint);
- ``10k`` and ``100k``: irviewer's main window opening a generated library of that size
  (``irviewer.gui.app.run_gui(library)``, as ``irviewer --library FILE``).

A run's times count from just before the process is started to: the window's first paint;
the timeline showing the library (its current row, the newest release, loaded and painted);
and that release loaded into the reader. Each variant has one untimed warm-up run first
(page cache, .pyc files; the app then also has saved state, as on any later start).
Target (issue 5): the library shown no later than the bare window's first paint + 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import common
import make_library

TARGET_EXTRA_S = 0.5
RUN_TIMEOUT_S = 300.0
CHILD = Path(__file__).resolve().parent / "gui_child.py"


def run_child(args: list[str], env: dict[str, str], out: Path) -> dict[str, Any]:
    """Start gui_child.py with ``args``; its record with times relative to the start (s)."""
    out.unlink(missing_ok=True)
    started = time.time()
    proc = subprocess.run(
        [common.python(), str(CHILD), *args, str(out)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    if not out.is_file():
        raise SystemExit(f"gui_child {args} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    if "error" in record:
        raise SystemExit(f"gui_child {args}: {record['error']}\n{proc.stderr[-3000:]}")
    for key in ("first_paint", "timeline_ready", "reader_ready"):
        if key in record:
            record[key] = record[key] - started
    return record


def summarise(records: list[dict[str, Any]], key: str) -> dict[str, float] | None:
    values = [r[key] for r in records if key in r]
    return common.describe(values) if values else None


def run(libraries: dict[str, Path], runs: int) -> dict[str, Any]:
    variants: dict[str, list[str]] = {"bare": ["bare"]}
    for name, path in libraries.items():
        variants[name] = ["app", str(path)]
    records: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory(prefix="irviewer-startup-", dir=common.BENCH_DIR) as tmp:
        folder = Path(tmp)
        envs = {name: common.gui_env(folder / name) for name in variants}
        for name, args in variants.items():  # warm-up
            run_child(args, envs[name], folder / "probe.jsonl")
        for i in range(runs):
            order = list(variants) if i % 2 == 0 else list(reversed(variants))
            for name in order:
                records[name].append(run_child(variants[name], envs[name], folder / "probe.jsonl"))
            common.log(f"run {i + 1}/{runs} done")
    results: dict[str, Any] = {"runs": runs, "variants": {}}
    for name, recs in records.items():
        results["variants"][name] = {
            key: summarise(recs, key) for key in ("first_paint", "timeline_ready", "reader_ready")
        }
        results["variants"][name]["releases"] = recs[0].get("releases")
        results["variants"][name]["times"] = recs
    bare = results["variants"]["bare"]["first_paint"]["median"]
    results["bare_s"] = bare
    results["target_s"] = bare + TARGET_EXTRA_S
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each variant")
    parser.add_argument("--library-10k", type=Path, help="an existing 10k library")
    parser.add_argument("--library-100k", type=Path, help="an existing 100k library")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.library_10k is None:
        make_library.ensure_library(common.LIBRARY_10K, 10_000)
    if args.library_100k is None:
        make_library.ensure_library(common.LIBRARY_100K, 100_000)
    libraries = {
        "10k": args.library_10k or common.LIBRARY_10K,
        "100k": args.library_100k or common.LIBRARY_100K,
    }
    for path in libraries.values():
        common.warm_file(path)
    r = run(libraries, args.runs)
    target = r["target_s"]
    print(f"bare PySide6 window: first paint {r['bare_s']:.2f} s (median of {r['runs']})")
    for name in libraries:
        v = r["variants"][name]
        shown = v["timeline_ready"]["median"]
        print(
            f"irviewer, {name} library ({v['releases']:,} releases): first paint "
            f"{v['first_paint']['median']:.2f} s, library shown {shown:.2f} s "
            f"(max {v['timeline_ready']['max']:.2f}), release in reader "
            f"{v['reader_ready']['median']:.2f} s -> target <= {target:.2f} s: "
            f"{common.verdict(shown, target)}"
        )
    common.write_json(args.json, {"bench": "startup", **r})
    return 0


if __name__ == "__main__":
    sys.exit(main())
