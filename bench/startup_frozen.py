"""Start-up time to a shown main window: the frozen bundle against the app run from source.

    python bench/startup_frozen.py                    # 7 runs each, after `make package`
    python bench/startup_frozen.py --runs 11 --json out.json

Both variants open the same library (the demo, imported once into a temporary folder) with the
same environment: offscreen, and XDG folders in the temporary folder so your own library and
settings are never touched. Runs alternate between the variants so that a busy machine slows
both alike. A run's time goes from just before the process is started to the first paint of
the main window, which the app reports through irviewer/gui/startup_probe.py
(IRVIEWER_STARTUP_PROBE); the probe then quits the app.
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common

REPO = Path(__file__).resolve().parent.parent
PROBE_ENV = "IRVIEWER_STARTUP_PROBE"
RUN_TIMEOUT_S = 60.0  # to the first paint


def source_command() -> list[str]:
    script = REPO / ".venv" / "bin" / "irviewer"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "irviewer"]


def prepare_library(command: list[str], library: Path, env: dict[str, str]) -> None:
    demo = REPO / "resources" / "demo"
    result = subprocess.run(
        [*command, "import", str(demo), "--quiet", "--library", str(library)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise SystemExit(f"cannot import the demo library:\n{result.stdout}{result.stderr}")


def time_start(command: list[str], library: Path, env: dict[str, str], probe: Path) -> float:
    """Seconds from starting ``command`` to its main window's first paint."""
    probe.unlink(missing_ok=True)
    started = time.time()
    proc = subprocess.Popen(
        [*command, "--library", str(library)],
        env={**env, PROBE_ENV: str(probe)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while not probe.is_file() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        _, err = proc.communicate(timeout=10)  # the probe quits the app after its report
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if not probe.is_file():
        raise SystemExit(
            f"{command[0]} reported no shown window (exit {proc.returncode}): does "
            "irviewer/gui/app.py call startup_probe.install(app)?\n" + (err or "")[-2000:]
        )
    record = json.loads(probe.read_text(encoding="utf-8").splitlines()[0])
    return record["shown"] - started


def summary(times: list[float]) -> dict[str, float]:
    return {
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "runs": len(times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each variant")
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "irviewer" / "irviewer")
    parser.add_argument("--source-cmd", help="command that runs the app from source")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    parser.add_argument(
        "--max-ratio",
        type=float,
        metavar="R",
        help="exit 1 when the frozen median exceeds R times the source median",
    )
    args = parser.parse_args(argv)
    if not args.bundle.is_file():
        print(f"no bundle at {args.bundle}: build it with `make package`", file=sys.stderr)
        return 2
    variants = {
        "frozen": [str(args.bundle.resolve())],
        "source": shlex.split(args.source_cmd) if args.source_cmd else source_command(),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory(prefix="irviewer-bench-") as tmp:
        folder = Path(tmp)
        env = common.gui_env(folder)
        library = folder / "library.sqlite"
        prepare_library(variants["source"], library, env)
        probe = folder / "probe.jsonl"
        for command in variants.values():  # warm-up: page cache, .pyc files
            time_start(command, library, env, probe)
        for run in range(args.runs):
            order = list(variants) if run % 2 == 0 else list(reversed(variants))
            for name in order:
                times[name].append(time_start(variants[name], library, env, probe))
    results = {name: summary(values) for name, values in times.items()}
    ratio = results["frozen"]["median_s"] / results["source"]["median_s"]
    for name, values in times.items():
        stats = results[name]
        print(
            f"{name:<7} median {stats['median_s']:.2f} s  (min {stats['min_s']:.2f}, "
            f"max {stats['max_s']:.2f}; runs: {' '.join(f'{v:.2f}' for v in values)})"
        )
    print(f"frozen / source: {ratio:.2f}")
    if args.json:
        payload = {
            "variants": {k: " ".join(v) for k, v in variants.items()},
            "results": results,
            "times": times,
            "ratio": ratio,
        }
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    if args.max_ratio is not None and ratio > args.max_ratio:
        print(f"the frozen app starts {ratio:.2f}x as slowly as from source", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
