"""Memory: peak RSS with the 100,000-release library open and the timeline scrolled end to end.

    python bench/memory.py [--runs 2] [--n 100000] [--json out.json]

bench/gui_child.py starts irviewer's main window on the library (offscreen, fresh XDG
folders), waits until the newest release is shown in the reader, then scrolls the timeline
one viewport at a time from its first row to its last, letting every page of rows load and
paint, and reports the process's peak resident set size (VmHWM). Target (issue 5): < 400 MB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import common
import make_library
from startup import run_child

TARGET_MB = 400.0


def run(library: Path, runs: int) -> dict[str, Any]:
    records = []
    with tempfile.TemporaryDirectory(prefix="irviewer-memory-", dir=common.BENCH_DIR) as tmp:
        folder = Path(tmp)
        for i in range(runs):
            env = common.gui_env(folder / f"run{i}")
            records.append(run_child(["scroll", str(library)], env, folder / "probe.jsonl"))
            common.log(f"run {i + 1}/{runs}: peak {records[-1]['peak_rss_kb'] / 1024:.0f} MB")
    peak = max(r["peak_rss_kb"] for r in records) / 1024
    return {
        "runs": records,
        "peak_rss_mb": peak,
        "open_rss_mb": max(r["rss_open_kb"] for r in records) / 1024,
        "end_rss_mb": max(r["rss_kb"] for r in records) / 1024,
        "releases": records[0]["releases"],
        "scroll_steps": records[0]["scroll_steps"],
        "scroll_s": records[0]["scroll_s"],
        "rows_shown": records[0]["rows_shown"],
        "target_mb": TARGET_MB,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    make_library.add_library_args(parser)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    library = make_library.library_from_args(args)
    r = run(library, args.runs)
    print(
        f"{r['releases']:,} releases: RSS {r['open_rss_mb']:.0f} MB once open, peak "
        f"{r['peak_rss_mb']:.0f} MB after scrolling end to end ({r['rows_shown']:,} rows, "
        f"{r['scroll_steps']} viewports in {r['scroll_s']:.0f} s), {r['end_rss_mb']:.0f} MB at "
        f"the end -> target < "
        f"{TARGET_MB:.0f} MB: {common.verdict(r['peak_rss_mb'], TARGET_MB)}"
    )
    common.write_json(args.json, {"bench": "memory", "library": str(library), **r})
    return 0


if __name__ == "__main__":
    sys.exit(main())
