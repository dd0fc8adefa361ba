"""Search latency over a large library: 200 typical queries, with snippets.

    python bench/search_latency.py [--library FILE] [--n 100000] [--json out.json]

The queries are drawn (seeded) from what an analyst types: common IR words and pairs,
quoted phrases, company, drug, trial and people names, a company name with a topic, words
still being typed (prefixes), and a share of them with a kind or company filter. Each is
timed once through ``Store.search`` (default limit, snippets included) on an open Store,
after a warm-up pass (the library file is read once first, so figures are for a warm
OS cache), and again the way the GUI runs it: a fresh Store per search, ranked ids for up
to 500 hits without snippets, then listing rows and snippets for the first 50 (the rest are
filled a page at a time as they scroll into view). A query's time is the median of three runs taken in
three passes over the list, so a burst of load from elsewhere does not skew one query.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import common
import make_library

TARGET_P95_MS = 50.0
N_QUERIES = 200

PASSES = 3  # each query's time is the median of this many runs (the machine is shared)

WORDS = [
    "revenue", "earnings", "offering", "trial", "patients", "quarter", "placebo", "webcast",
    "milestone", "cash", "license", "appointed", "dividend", "guidance", "expenses",
    "collaboration", "endpoint", "fibrosis", "approval", "designation", "acquisition",
    "conference", "stockholders", "enrollment", "topline", "priority", "runway", "directors",
]  # fmt: skip
PAIRS = [
    "net loss", "phase 3", "cash runway", "primary endpoint", "annual meeting",
    "board of directors", "public offering", "conference call", "research and development",
    "breakthrough therapy", "new drug application", "forced vital capacity", "upfront payment",
    "chief executive officer", "first patient", "financial results", "per share",
]  # fmt: skip
PHRASES = [
    '"primary endpoint"', '"net loss per share"', '"public offering"', '"phase 2b"',
    '"idiopathic pulmonary fibrosis"', '"priority review"', '"cash equivalents"',
]  # fmt: skip
PREFIXES = ["pulmon", "fibro", "collabor", "underwrit", "regulat", "enrol", "milest", "licens"]
PEOPLE = ["Lindqvist", "Castellano", "Okoro", "Brandt", "Trask", "Baumgartner"]
TOPICS = ["results", "offering", "trial", "license", "appoints", "FDA", "phase 3", "webcast"]
KINDS = ["earnings", "clinical", "deal", "governance", "event", "product", "offering"]


def typical_queries(
    companies: list[make_library.Company], listed: list[str], n: int = N_QUERIES, seed: int = 5
) -> list[dict[str, Any]]:
    """``n`` queries as {query, kinds, company}: a fixed, seeded mix of what people type."""
    rng = random.Random(seed)
    some = companies[: max(1, len(companies))]
    makers = [
        (0.20, lambda: rng.choice(WORDS)),
        (0.15, lambda: rng.choice(PAIRS)),
        (0.07, lambda: rng.choice(PHRASES)),
        (0.08, lambda: rng.choice(PREFIXES)),
        (0.12, lambda: rng.choice(some).short),
        (0.10, lambda: rng.choice(some).drug),
        (0.06, lambda: rng.choice(rng.choice(some).trials)),
        (0.05, lambda: rng.choice(PEOPLE + [c.ceos[0] for c in some[:20]])),
        (0.12, lambda: f"{rng.choice(some).short} {rng.choice(TOPICS)}"),
        (0.05, lambda: f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)}"),
    ]
    weights = [w for w, _ in makers]
    out = []
    for _ in range(n):
        maker = rng.choices(makers, weights)[0][1]
        query: dict[str, Any] = {"query": maker(), "kinds": None, "company": None}
        roll = rng.random()
        if roll < 0.15:
            query["kinds"] = [rng.choice(KINDS)]
        elif roll < 0.25 and listed:
            query["company"] = rng.choice(listed[:50])
        out.append(query)
    return out


def library_companies(library: Path) -> list[make_library.Company]:
    """The invented companies of a generated library (same seed, same pool)."""
    manifest = json.loads(make_library.manifest_path(library).read_text(encoding="utf-8"))
    return make_library.make_companies(manifest["companies"], random.Random(manifest["seed"]))


def run(library: Path, n: int = N_QUERIES, passes: int = PASSES) -> dict[str, Any]:
    from irviewer.core.store import Store
    from irviewer.gui.models.search_hits import HIT_PAGE
    from irviewer.gui.queries import SEARCH_LIMIT

    try:
        companies = library_companies(library)
    except (OSError, ValueError, KeyError):
        companies = [make_library.NORTHWIND]
    common.warm_file(library)
    with Store.open(library) as store:
        listed = store.companies()
        queries = typical_queries(companies, listed, n)
        for q in queries:  # warm-up pass: SQLite's page cache, compiled patterns
            store.search(q["query"], kinds=q["kinds"], company=q["company"])
        runs: list[list[float]] = [[] for _ in queries]
        hits = [0] * len(queries)
        for _ in range(passes):
            for i, q in enumerate(queries):
                start = time.perf_counter()
                found = store.search(q["query"], kinds=q["kinds"], company=q["company"])
                runs[i].append((time.perf_counter() - start) * 1000)
                hits[i] = len(found)
                if found and not found[0].snippet:
                    raise SystemExit(f"no snippet for {q['query']!r}")
    times = [statistics.median(r) for r in runs]
    rows = [
        {**q, "ms": round(t, 2), "hits": h} for q, t, h in zip(queries, times, hits, strict=True)
    ]
    gui_runs: list[list[float]] = [[] for _ in queries]
    for _ in range(passes):
        for i, q in enumerate(queries):
            start = time.perf_counter()
            with Store.open(library) as store:
                found = store.search(
                    q["query"], SEARCH_LIMIT, q["kinds"], q["company"], snippets=False
                )
                first = [hit.id for hit in found[:HIT_PAGE]]
                store.snippets(first, q["query"])
                for id in first:
                    store.summary(id)
            gui_runs[i].append((time.perf_counter() - start) * 1000)
    gui_times = [statistics.median(r) for r in gui_runs]
    slowest = sorted(rows, key=lambda r: -r["ms"])[:10]
    return {
        "queries": len(queries),
        "passes": passes,
        "search_ms": common.describe(times),
        "gui_search_ms": common.describe(gui_times),
        "gui_limit": SEARCH_LIMIT,
        "gui_page": HIT_PAGE,
        "hits_median": sorted(hits)[len(hits) // 2],
        "slowest": slowest,
        "target_p95_ms": TARGET_P95_MS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    make_library.add_library_args(parser)
    parser.add_argument("--queries", type=int, default=N_QUERIES)
    parser.add_argument("--passes", type=int, default=PASSES)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    library = make_library.library_from_args(args)
    common.log(f"search latency on {library}")
    r = run(library, args.queries, args.passes)
    s, g = r["search_ms"], r["gui_search_ms"]
    print(
        f"Store.search ({r['queries']} queries, snippets): median {s['median']:.1f} ms, "
        f"p95 {s['p95']:.1f} ms, max {s['max']:.1f} ms -> target p95 < {TARGET_P95_MS:.0f} ms: "
        f"{common.verdict(s['p95'], TARGET_P95_MS)}"
    )
    print(
        f"GUI search (open, {r['gui_limit']} ids, rows and snippets for the first {r['gui_page']}): "
        "median "
        f"{g['median']:.1f} ms, p95 {g['p95']:.1f} ms, max {g['max']:.1f} ms"
    )
    print("slowest:")
    for row in r["slowest"]:
        print(f"  {row['ms']:8.1f} ms  {row['hits']:4d} hits  {row['query']!r} "
              f"kinds={row['kinds']} company={row['company']}")  # fmt: skip
    common.write_json(args.json, {"bench": "search", "library": str(library), **r})
    return 0


if __name__ == "__main__":
    sys.exit(main())
