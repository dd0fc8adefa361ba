"""Run every benchmark in one go and print the results as the tables of docs/PERFORMANCE.md.

    python bench/run_all.py [--out DIR] [--quick]

Each bench runs as its own process, one after the other (never two at once: the machine's
cores are the thing being measured), and writes its JSON to DIR (default
/tmp/irviewer-bench/results-<time>). ``--quick`` cuts runs and repeats for a smoke test; its
figures are not for the record. Generated libraries and files are reused when present.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import common

BENCH = Path(__file__).resolve().parent
STEPS = [
    ("listing", "listing.py", [], []),
    ("search", "search_latency.py", [], ["--passes", "1"]),
    ("import", "import_throughput.py", [], []),
    ("startup", "startup.py", [], ["--runs", "2"]),
    ("memory", "memory.py", [], ["--runs", "1"]),
]


def speed_probe() -> float:
    """Milliseconds for a fixed pure-Python loop: how fast this shared machine is right now."""
    start = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += i * i
    return (time.perf_counter() - start) * 1000


def run(out: Path, quick: bool) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": common.machine_info(), "speed_probe_ms": []}
    for name, script, args, quick_args in STEPS:
        results["speed_probe_ms"].append(round(speed_probe(), 1))
        target = out / f"{name}.json"
        cmd = [common.python(), str(BENCH / script), *args, *(quick_args if quick else [])]
        common.log(f"{name}: {' '.join(cmd[1:])}")
        started = time.perf_counter()
        proc = subprocess.run([*cmd, "--json", str(target)], text=True, capture_output=True)
        sys.stdout.write(proc.stdout)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-4000:])
            raise SystemExit(f"{name} failed with exit code {proc.returncode}")
        results[name] = json.loads(target.read_text(encoding="utf-8"))
        results[name]["wall_s"] = round(time.perf_counter() - started, 1)
    results["speed_probe_ms"].append(round(speed_probe(), 1))
    results["machine_after"] = {"load_average": common.load_average()}
    (out / "all.json").write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return results


def markdown(r: dict[str, Any]) -> str:
    """The figures as Markdown tables (target, baseline, verdict)."""
    m = r["machine"]
    lines = [
        f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram_gb']} GB; {m['os']}",
        f"- Python {m['python']}, SQLite {m['sqlite']}; "
        + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- code: {m['git']}; load average at start {m['load_average'][0]:.2f}; speed probe "
        f"(1M-iteration Python loop) {', '.join(f'{v:.0f}' for v in r['speed_probe_ms'])} ms",
        "",
        "| Figure | Measured | Target | Baseline | Verdict |",
        "|---|---|---|---|---|",
    ]
    imp = r["import"]
    b, p, t, again = imp["baseline"], imp["pdf"], imp["text"], imp["reimport"]
    lines.append(
        f"| PDF import ({p['imported']} releases, {p['pages']} pages, {imp['cores']} cores) | "
        f"{p['pages_per_s']:.1f} pages/s, {p['files_per_s']:.2f} releases/s | >= 3x baseline "
        f"| pdfplumber text+tables loop: {b['pages_per_s']:.2f} pages/s, "
        f"{b['files_per_s']:.2f} files/s | "
        f"{imp['pdf_ratio']:.1f}x: {common.verdict(imp['pdf_ratio'], 3.0, False)} |"
    )
    lines.append(
        f"| Text import ({t['imported']} releases) | {t['files_per_s']:.0f} releases/s | "
        f">= 200/s | - | {common.verdict(t['files_per_s'], 200.0, False)} |"
    )
    lines.append(
        f"| Re-import of {again['files']} unchanged files | {again['seconds']:.2f} s | < 2 s | "
        f"- | {common.verdict(again['seconds'], 2.0)} |"
    )
    s = r["search"]
    lines.append(
        f"| Search, {s['queries']} queries with snippets, 100k releases | median "
        f"{s['search_ms']['median']:.1f} ms, p95 {s['search_ms']['p95']:.1f} ms | p95 < 50 ms "
        f"| - | {common.verdict(s['search_ms']['p95'], 50.0)} |"
    )
    lines.append(
        "| Search as the GUI runs it (fresh Store, 500 ranked ids, rows and snippets for the "
        f"first 50) | median "
        f"{s['gui_search_ms']['median']:.1f} ms, p95 {s['gui_search_ms']['p95']:.1f} ms | - | - "
        "| - |"
    )
    st = r["startup"]
    for name in ("10k", "100k"):
        v = st["variants"][name]
        shown = v["timeline_ready"]["median"]
        lines.append(
            f"| Start-up to window showing the {name} library | {shown:.2f} s (first paint "
            f"{v['first_paint']['median']:.2f} s, release in reader "
            f"{v['reader_ready']['median']:.2f} s) | <= {st['target_s']:.2f} s | bare PySide6 "
            f"window: {st['bare_s']:.2f} s | {common.verdict(shown, st['target_s'])} |"
        )
    mem = r["memory"]
    lines.append(
        f"| Peak RSS, 100k library open, timeline scrolled end to end | "
        f"{mem['peak_rss_mb']:.0f} MB (open: {mem['open_rss_mb']:.0f} MB) | < 400 MB | - | "
        f"{common.verdict(mem['peak_rss_mb'], 400.0)} |"
    )
    li = r["listing"]
    lines += ["", "| Listing query (100k) | median ms | max ms |", "|---|---|---|"]
    for key, value in li.items():
        if isinstance(value, dict) and "median" in value:
            lines.append(
                f"| {key.removesuffix('_ms')} | {value['median']:.1f} | {value['max']:.1f} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    out = args.out or common.BENCH_DIR / time.strftime("results-%Y%m%d-%H%M%S")
    results = run(out, args.quick)
    text = markdown(results)
    (out / "summary.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
