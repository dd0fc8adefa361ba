"""Synthetic IR archives for the benchmarks, grown from the demo's fictional company.

    python bench/make_library.py files DIR [--n 1000] [--pdf-share 0.1] [--seed 1]
    python bench/make_library.py library FILE [--n 100000] [--pdf-share 0.3] [--seed 1]

``files`` writes release files (plain text, Markdown and HTML releases, PDF earnings releases
with financial tables and contacts) rendered by ``scripts/make_demo.py``: each file belongs to
one of many invented companies made from the demo's Northwind Therapeutics by renaming the
company, ticker, drug, trials, partner and chief executives. ``library`` parses a few dozen
such template files once, then stores N renamed and re-dated variants straight into a library
through ``Store.add``, in one transaction (FTS index included), so 100,000 releases take
minutes. The same seed always gives the same files and the same library.

Everything is fictional; the invented names only recombine made-up syllables.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import common

common.ensure_repo_on_path()

import demo_content as dc  # noqa: E402
import make_demo as md  # noqa: E402

from irviewer.core.records import Contact, Document, SourceInfo  # noqa: E402

FIRST = [
    "Alder", "Birch", "Cedar", "Ember", "Fjord", "Granite", "Harbor", "Iron", "Juniper",
    "Kestrel", "Lark", "Meadow", "Osprey", "Pine", "Quarry", "Raven", "Stone", "Tide",
    "Umber", "Vale", "Willow", "Yarrow", "Zephyr", "Ash", "Bright", "Cobalt", "Drift",
    "Falcon", "Glen", "Heron", "Indigo", "Jasper", "Larch", "Maple", "Nettle", "Opal",
]  # fmt: skip
SECOND = [
    "wind", "brook", "field", "gate", "haven", "ridge", "moor", "crest", "well", "ford",
    "light", "stone", "vale", "mere", "wood", "bay",
]  # fmt: skip
DRUG_START = ["bel", "cor", "dan", "fel", "gal", "hal", "lum", "mar", "nor", "pel", "ral", "sor",
              "tal", "vel", "zan", "ori", "kel", "bri"]  # fmt: skip
DRUG_MIDDLE = ["a", "o", "i", "e", "u"]
DRUG_CORE = ["cor", "ten", "vis", "lin", "mor", "ser", "tar", "pin", "dex", "ver"]
DRUG_END = ["astat", "imab", "tinib", "parin", "lisib", "umab", "ciclib", "rafenib"]
TRIALS = ["AURORA", "BOREAS", "CALDERA", "DELTA", "EQUINOX", "FATHOM", "GALE", "HORIZON",
          "ISOBAR", "JETSTREAM", "KELVIN", "LATITUDE", "MERIDIAN", "NORDIC", "ORBIT", "PRISM",
          "QUASAR", "RIDGELINE", "SOLSTICE", "TEMPEST", "UPDRAFT", "VORTEX", "ZENITH"]  # fmt: skip
SURNAMES = ["Abernathy", "Brandvold", "Castellan", "Dunmore", "Eriksen", "Falkner", "Greaves",
            "Holloway", "Ingersoll", "Jarrow", "Kettering", "Lindqvist", "Morrow", "Nakashima",
            "Oyelaran", "Pembroke", "Quennell", "Rasmussen", "Sandoval", "Thackeray"]  # fmt: skip
CITIES = ["WALTHAM, Mass.", "BOSTON", "SOUTH SAN FRANCISCO, Calif.", "SAN DIEGO",
          "PRINCETON, N.J.", "SEATTLE", "NEW YORK", "RESEARCH TRIANGLE PARK, N.C.",
          "CAMBRIDGE, Mass."]  # fmt: skip

# Therapeutic areas: Northwind's (lung fibrosis) and others the invented companies work in,
# so that disease words are as common in the library as they would be in a real archive.
# Keys: disease, abbreviation, category, condition, adjective, cell, organ, organ adjective,
# organ system, trial endpoint, endpoint abbreviation.
AREAS = [
    ("idiopathic pulmonary fibrosis", "IPF", "fibrotic lung", "fibrosis", "fibrotic",
     "fibroblast", "lung", "pulmonary", "respiratory", "forced vital capacity", "FVC"),
    ("focal segmental glomerulosclerosis", "FSGS", "chronic kidney", "glomerulosclerosis",
     "sclerotic", "podocyte", "kidney", "renal", "nephrology",
     "estimated glomerular filtration rate", "eGFR"),
    ("nonalcoholic steatohepatitis", "NASH", "metabolic liver", "steatohepatitis", "steatotic",
     "hepatocyte", "liver", "hepatic", "hepatology", "liver fat content", "LFC"),
    ("hypertrophic cardiomyopathy", "HCM", "inherited heart", "cardiomyopathy", "hypertrophic",
     "cardiomyocyte", "heart", "cardiac", "cardiovascular",
     "left ventricular outflow tract gradient", "LVOT"),
    ("moderate-to-severe atopic dermatitis", "MSAD", "inflammatory skin", "dermatitis",
     "eczematous", "keratinocyte", "skin", "dermal", "dermatology",
     "eczema area and severity index", "EASI"),
    ("amyotrophic lateral sclerosis", "ALS", "neurodegenerative", "neurodegeneration",
     "degenerative", "motor neuron", "nerve", "neuronal", "neurology",
     "functional rating scale", "FRS"),
    ("sickle cell disease", "SCD", "inherited blood", "hemolysis", "hemolytic", "erythrocyte",
     "blood", "hematologic", "hematology", "hemoglobin response", "HbR"),
    ("ulcerative colitis", "UC", "inflammatory bowel", "colitis", "inflamed", "epithelial cell",
     "colon", "colonic", "gastroenterology", "clinical remission rate", "CRR"),
    ("metastatic pancreatic cancer", "mPDAC", "solid tumor", "tumor growth", "malignant",
     "tumor cell", "pancreas", "pancreatic", "oncology", "progression-free survival", "PFS"),
]  # fmt: skip
GENERATOR_VERSION = 2  # change when the generated content changes (libraries are rebuilt)


def area_pairs(area: tuple[str, ...]) -> list[tuple[str, str]]:
    """Northwind's disease words and their counterparts in ``area`` (longest first)."""
    (disease, abbr, category, condition, adjective, cell, organ, organ_adj, system, endpoint,
     endpoint_abbr) = area  # fmt: skip
    return [
        ("idiopathic pulmonary fibrosis", disease),
        ("fibrotic lung diseases", f"{category} diseases"),
        ("fibrotic lung disease", f"{category} disease"),
        ("interstitial lung disease", f"{category} disease"),
        ("pulmonary fibrosis", condition),
        ("lung fibrosis", condition),
        ("forced vital capacity", endpoint),
        ("antifibrotic", "disease-modifying"),
        ("fibroblasts", f"{cell}s"),
        ("fibroblast", cell),
        ("fibrosis", condition),
        ("fibrotic", adjective),
        ("pulmonary", organ_adj),
        ("lungs", f"{organ}s"),
        ("lung", organ),
        ("respiratory", system),
        ("IPF", abbr),
        ("FVC", endpoint_abbr),
    ]


FACTS = {"CASH_2023Q4": f"{md.MODEL[(2023, 4)]['cash_total'] / 1000:,.1f}"}
EARNINGS_PERIODS = sorted(dc.EARNINGS)
START_DATE = dt.date(2000, 1, 1)
END_DATE = dt.date(2025, 12, 31)
UNDATED_SHARE = 0.01


# -- invented companies ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Company:
    """An invented company: the words that replace Northwind's in every template."""

    short: str
    ticker: str
    drug: str
    trials: tuple[str, str, str]
    partner: str
    ceos: tuple[str, str]
    city: str
    area: int = 0  # index in AREAS

    @property
    def name(self) -> str:
        return f"{self.short} Therapeutics, Inc."

    def replacements(self) -> dict[str, str]:
        pairs = [
            ("Northwind", self.short),
            ("NWTX", self.ticker),
            ("NWT", self.ticker[:3]),
            ("velcorastat", self.drug),
            ("CIRRUS", self.trials[0]),
            ("NIMBUS", self.trials[1]),
            ("HALYARD", self.trials[2]),
            ("Lindenhof", self.partner),
            ("Halvorsen", self.ceos[0]),
            ("Achterberg", self.ceos[1]),
        ]
        if self.area:
            pairs += area_pairs(AREAS[self.area])
        out: dict[str, str] = {}
        for old, new in pairs:
            for case in (str.upper, str.lower, str.capitalize, str.title, lambda s: s):
                out.setdefault(case(old), case(new))
        out[dc.CITY] = self.city
        return out


NORTHWIND = Company("Northwind", "NWTX", "velcorastat", ("CIRRUS", "NIMBUS", "HALYARD"),
                    "Lindenhof", ("Halvorsen", "Achterberg"), dc.CITY)  # fmt: skip


def make_companies(n: int, rng: random.Random) -> list[Company]:
    """Northwind first, then ``n - 1`` invented companies with distinct names and tickers."""
    shorts = [a + b for a in FIRST for b in SECOND if a + b != "Northwind"]
    rng.shuffle(shorts)
    if n - 1 > len(shorts):
        shorts += [f"{a} {b}" for a in FIRST for b in FIRST if a != b][: n - 1 - len(shorts)]
    companies = [NORTHWIND]
    tickers = {NORTHWIND.ticker}
    for short in shorts[: n - 1]:
        letters = re.sub(r"[^A-Z]", "", short.upper())
        ticker = (letters[:3] + "X").ljust(4, "X")
        k = 0
        while ticker in tickers:
            k += 1
            ticker = letters[:2] + chr(65 + k % 26) + chr(65 + (k // 26) % 26)
        tickers.add(ticker)
        drug = (
            rng.choice(DRUG_START)
            + rng.choice(DRUG_MIDDLE)
            + rng.choice(DRUG_CORE)
            + rng.choice(DRUG_END)
        )
        trials = tuple(rng.sample(TRIALS, 3))
        partner = rng.choice(FIRST) + rng.choice(["hof", "berg", "dal", "holm"])
        ceos = tuple(rng.sample(SURNAMES, 2))
        companies.append(
            Company(
                short,
                ticker,
                drug,
                trials,
                partner,
                ceos,
                rng.choice(CITIES),  # type: ignore[arg-type]
                rng.randrange(len(AREAS)),
            )  # fmt: skip
        )
    return companies


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    """A few companies with many releases, many with few (as in a real archive)."""
    return [1.0 / (k + 1) ** s for k in range(n)]


class Renamer:
    """Replaces Northwind's words with a company's in one regex pass."""

    def __init__(self, company: Company) -> None:
        self.map = company.replacements()
        keys = sorted(self.map, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        return self.pattern.sub(lambda m: self.map[m.group()], text)


# -- rendering files ------------------------------------------------------------------------------


def random_date(rng: random.Random) -> str:
    days = (END_DATE - START_DATE).days
    return (START_DATE + dt.timedelta(days=rng.randrange(days + 1))).isoformat()


def render_text(release: dc.Release, fmt: str, wrap: int, date: str) -> str:
    """One non-earnings release as .txt, .md or .html (Northwind's words)."""
    r = dataclasses.replace(release, fmt=fmt, wrap=wrap if fmt == "txt" else 0, date=date)
    if fmt == "txt":
        return md.render_txt(r, FACTS)
    if fmt == "md":
        return md.render_md(r, FACTS)
    return md.render_html(r)


def random_earnings(rng: random.Random) -> md.Earnings:
    """An earnings release in a random layout, dated a few weeks after its quarter."""
    y, q = rng.choice(EARNINGS_PERIODS)
    quarter_end = dt.date(y, 3 * q, 28)
    date = quarter_end + dt.timedelta(days=rng.randrange(30, 70))
    return md.Earnings(
        date.isoformat(),
        (y, q),
        style=rng.choice(["plain", "ruled", "acct"]),
        contacts=rng.choice(["stacked", "side", "single", "inline", "combined"]),
        bs=rng.choice(["full", "selected"]),
        oci=rng.random() < 0.3,
        split=rng.random() < 0.2,
        contacts_first=rng.random() < 0.3,
        immediate=rng.random() < 0.4,
    )


def _person(ren: Renamer, p: dc.Person) -> dc.Person:
    return dc.Person(ren(p.name), ren(p.title), ren(p.org), p.phone, ren(p.email))  # type: ignore[arg-type]


def _deep(ren: Renamer, value: Any) -> Any:
    if isinstance(value, str):
        return ren(value)
    if isinstance(value, list):
        return [_deep(ren, v) for v in value]
    if isinstance(value, dict):
        return {k: _deep(ren, v) for k, v in value.items()}
    return value


@contextmanager
def as_company(company: Company) -> Iterator[None]:
    """Let make_demo's PDF builder write ``company``'s release instead of Northwind's."""
    ren = Renamer(company)
    names = ["SHORT", "COMPANY", "TICKER", "CITY", "WEB", "IR_WEB", "EARNINGS", "CFO", "about",
             "fls", "ir_person", "media_person", "ceo", "DESCRIPTOR"]  # fmt: skip
    saved = {name: getattr(dc, name) for name in names}
    saved_md = {"fls_topics": md.fls_topics, "letterhead": md.letterhead}
    dc.SHORT, dc.COMPANY = company.short, company.name
    dc.TICKER = f"(Nasdaq: {company.ticker})"
    dc.CITY, dc.WEB, dc.IR_WEB = company.city, ren(dc.WEB), ren(dc.IR_WEB)
    dc.DESCRIPTOR = ren(dc.DESCRIPTOR)
    dc.EARNINGS = _deep(ren, saved["EARNINGS"])
    dc.CFO = _person(ren, saved["CFO"])
    dc.about = lambda iso: ren(saved["about"](iso))
    dc.fls = lambda topics, short=False: ren(saved["fls"](topics, short))
    dc.ir_person = lambda iso: _person(ren, saved["ir_person"](iso))
    dc.media_person = lambda iso: _person(ren, saved["media_person"](iso))
    dc.ceo = lambda iso: tuple(ren(x) for x in saved["ceo"](iso))
    md.fls_topics = lambda e: ren(saved_md["fls_topics"](e))
    md.letterhead = _letterhead(company.short.upper())
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(dc, name, value)
        for name, value in saved_md.items():
            setattr(md, name, value)


def _letterhead(word: str) -> Callable[..., None]:
    def draw(canv: Any, doc: Any) -> None:
        canv.saveState()
        top = md.PAGE_H - 42
        canv.setFillColor(md.TEAL)
        canv.setFont(md.BOLD, 17)
        canv.drawString(md.MARGIN, top - 6, word, charSpace=1.5)
        canv.setFont(md.FONT, 7.5)
        canv.drawString(md.MARGIN + 1, top - 17, "THERAPEUTICS", charSpace=3.2)
        canv.line(md.MARGIN, top - 26, md.PAGE_W - md.MARGIN, top - 26)
        canv.restoreState()
        md.footer(canv, doc)

    return draw


def write_files(
    out: Path, n: int, seed: int = 1, pdf_share: float = 0.1, companies: int | None = None
) -> dict[str, Any]:
    """Write ``n`` release files under ``out/pdf`` and ``out/text``; returns the manifest."""
    rng = random.Random(seed)
    pool = make_companies(companies or max(1, min(200, n // 5)), rng)
    weights = zipf_weights(len(pool))
    n_pdf = round(n * pdf_share)
    (out / "pdf").mkdir(parents=True, exist_ok=True)
    (out / "text").mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    counts = {"pdf": 0, "txt": 0, "md": 0, "html": 0}
    i = 0
    while i < n:
        company = rng.choices(pool, weights)[0]
        if i < n_pdf:
            e = random_earnings(rng)
            path = out / "pdf" / f"{i:06d}_{company.short.lower()}_{e.slug}.pdf"
            with as_company(company):
                md.build_pdf(e, path)
            content = path.read_bytes()
            kind = "pdf"
        else:
            kind = rng.choice(["txt", "txt", "md", "html"])
            date = random_date(rng)
            if rng.random() < 0.15:  # an earnings release in HTML, with tables
                e = dataclasses.replace(random_earnings(rng), date=date)
                with as_company(company):
                    text = md.render_earnings_html(e)
                kind, slug = "html", e.slug
            else:
                release = rng.choice(dc.RELEASES)
                text = Renamer(company)(
                    render_text(release, kind, rng.choice([0, 70, 72, 76]), date)
                )
                slug = release.slug
            assert text is not None
            content = text.encode("utf-8")
            path = out / "text" / f"{i:06d}_{company.short.lower()}_{slug}.{kind}"
            path.write_bytes(content)
        digest = hashlib.sha256(content).hexdigest()
        if digest in seen:  # the same draw twice: try again
            path.unlink()
            continue
        seen.add(digest)
        counts[kind] += 1
        i += 1
    manifest = {
        "kind": "files",
        "generator": GENERATOR_VERSION,
        "n": n,
        "seed": seed,
        "pdf_share": pdf_share,
        "counts": counts,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


# -- filling a library ----------------------------------------------------------------------------


def parse_templates(folder: Path) -> list[Document]:
    """Northwind's releases in every text format, earnings in HTML and PDF, parsed once."""
    from irviewer.core.pipeline import parse_file

    rng = random.Random(0)
    paths: list[Path] = []
    for j, release in enumerate(dc.RELEASES):
        for fmt, wrap in (("txt", 72), ("md", 0), ("html", 0)):
            path = folder / f"t{j:02d}.{fmt}"
            path.write_text(render_text(release, fmt, wrap, release.date), encoding="utf-8")
            paths.append(path)
    for k, period in enumerate(EARNINGS_PERIODS):
        e = dataclasses.replace(random_earnings(rng), period=period)
        path = folder / f"e{k:02d}.html"
        path.write_text(md.render_earnings_html(e), encoding="utf-8")
        paths.append(path)
        for variant in range(2):
            e = dataclasses.replace(random_earnings(rng), period=period)
            path = folder / f"e{k:02d}-{variant}.pdf"
            md.build_pdf(e, path)
            paths.append(path)
    return [parse_file(p) for p in paths]


def rename_document(doc: Document, ren: Renamer, date: str | None, sha: str, path: str) -> Document:
    """A copy of ``doc`` for another company and date, under a new content hash."""
    contacts = [
        Contact(c.role, ren(c.name), ren(c.organization), ren(c.title), c.phone, ren(c.email))
        for c in doc.contacts
    ]
    body = ren(doc.body) or ""
    return dataclasses.replace(
        doc,
        source=SourceInfo(path, doc.source.format, sha, len(body)),
        date=date,
        headline=ren(doc.headline),
        subheadlines=[ren(s) or "" for s in doc.subheadlines],
        company=ren(doc.company),
        ticker=ren(doc.ticker),
        dateline=ren(doc.dateline),
        contacts=contacts,
        body=body,
        pages=[ren(p) or "" for p in doc.pages],
    )


_SUFFIX = {"pdf": "pdf", "text": "txt", "markdown": "md", "html": "html"}


def synthetic_documents(
    n: int, seed: int, pdf_share: float, templates: list[Document], n_companies: int
) -> Iterator[Document]:
    """``n`` renamed, re-dated copies of the templates (PDF ones in ``pdf_share`` of them)."""
    rng = random.Random(seed)
    pool = make_companies(n_companies, rng)
    renamers = [Renamer(c) for c in pool]
    weights = zipf_weights(len(pool))
    cumulative = [0.0]
    for w in weights:
        cumulative.append(cumulative[-1] + w)
    pdfs = [t for t in templates if t.source.format == "pdf"]
    texts = [t for t in templates if t.source.format != "pdf"]
    for i in range(n):
        k = rng.choices(range(len(pool)), cum_weights=cumulative[1:])[0]
        template = rng.choice(pdfs if rng.random() < pdf_share else texts)
        date = None if rng.random() < UNDATED_SHARE else random_date(rng)
        sha = hashlib.sha256(f"irviewer-bench:{seed}:{i}".encode()).hexdigest()
        suffix = _SUFFIX.get(template.source.format, "txt")
        path = f"/synthetic/{pool[k].short.lower()}/{date or 'undated'}_{i:06d}.{suffix}"
        yield rename_document(template, renamers[k], date, sha, path)


def open_for_bulk(path: Path) -> Any:
    """A new library file opened for one big write: no journal (the file is scratch until done)."""
    from irviewer.core.store import Store

    path.unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    try:  # the store's own connection wrapper (irviewer >= schema 3)
        from irviewer.core.store.connection import Connection

        db: Any = Connection(conn)
    except ImportError:
        from sqlite_utils import Database

        db = Database(conn)
    Store._prepare(db)
    return Store(db, path)


def build_library(
    path: Path, n: int, seed: int = 1, pdf_share: float = 0.3, companies: int | None = None
) -> dict[str, Any]:
    """Fill a new library at ``path`` with ``n`` synthetic releases; returns the manifest."""
    started = time.perf_counter()
    n_companies = companies or max(1, min(500, n // 200))
    with tempfile.TemporaryDirectory(prefix="irviewer-templates-") as tmp:
        templates = parse_templates(Path(tmp))
    common.log(f"{len(templates)} templates parsed in {time.perf_counter() - started:.1f} s")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    store = open_for_bulk(partial)
    write_started = time.perf_counter()
    try:
        with store._db.atomic():
            docs = synthetic_documents(n, seed, pdf_share, templates, n_companies)
            for i, doc in enumerate(docs, start=1):
                store.add(doc)
                if i % 10_000 == 0:
                    rate = i / (time.perf_counter() - write_started)
                    common.log(f"{i:,} releases stored ({rate:,.0f}/s)")
        store._db.execute("PRAGMA journal_mode = WAL")
        count = store.count()
    finally:
        store.close()
    path.unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    partial.rename(path)
    manifest = {
        "kind": "library",
        "generator": GENERATOR_VERSION,
        "n": n,
        "seed": seed,
        "pdf_share": pdf_share,
        "companies": n_companies,
        "releases": count,
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": path.stat().st_size,
    }
    manifest_path(path).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def manifest_path(library: Path) -> Path:
    return library.with_name(library.name + ".json")


def ensure_library(path: Path, n: int, seed: int = 1, pdf_share: float = 0.3) -> dict[str, Any]:
    """The library at ``path``, built first when missing or made with other settings."""
    try:
        manifest = json.loads(manifest_path(path).read_text(encoding="utf-8"))
        wanted = (GENERATOR_VERSION, n, seed, pdf_share)
        found = (manifest.get("generator"), manifest["n"], manifest["seed"], manifest["pdf_share"])
        if path.is_file() and found == wanted:
            return manifest
    except (OSError, ValueError, KeyError):
        pass
    common.log(f"building a {n:,}-release library at {path}")
    return build_library(path, n, seed, pdf_share)


def add_library_args(parser: argparse.ArgumentParser, n: int = 100_000) -> None:
    """The ``--library FILE`` / ``--n N`` options of the benches that read a library."""
    parser.add_argument("--library", type=Path, help="an existing library (default: generated)")
    parser.add_argument("--n", type=int, default=n, help="releases in the generated library")


def library_from_args(args: argparse.Namespace) -> Path:
    """The library those options name: the given file, or the generated one of ``--n``."""
    if args.library is not None:
        return args.library
    library = common.BENCH_DIR / f"library-{args.n // 1000}k.sqlite"
    ensure_library(library, args.n)
    return library


def ensure_files(out: Path, n: int, seed: int = 1, pdf_share: float = 0.1) -> dict[str, Any]:
    """The release files under ``out``, written first when missing or made otherwise."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        wanted = (GENERATOR_VERSION, n, seed, pdf_share)
        found = (manifest.get("generator"), manifest["n"], manifest["seed"], manifest["pdf_share"])
        if found == wanted:
            return manifest
    except (OSError, ValueError, KeyError):
        pass
    import shutil

    common.log(f"writing {n:,} release files to {out}")
    shutil.rmtree(out, ignore_errors=True)
    return write_files(out, n, seed, pdf_share)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    f = sub.add_parser("files", help="write release files (text and PDF) to a folder")
    f.add_argument("out", type=Path)
    f.add_argument("--n", type=int, default=1000)
    f.add_argument("--pdf-share", type=float, default=0.1)
    f.add_argument("--companies", type=int)
    lib = sub.add_parser("library", help="fill a new library file directly")
    lib.add_argument("out", type=Path)
    lib.add_argument("--n", type=int, default=100_000)
    lib.add_argument("--pdf-share", type=float, default=0.3)
    lib.add_argument("--companies", type=int)
    for p in (f, lib):
        p.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.out.resolve().is_relative_to(common.REPO):
        parser.error("write generated data outside the repository (e.g. under /tmp)")
    started = time.perf_counter()
    if args.mode == "files":
        manifest = write_files(args.out, args.n, args.seed, args.pdf_share, args.companies)
    else:
        manifest = build_library(args.out, args.n, args.seed, args.pdf_share, args.companies)
    common.log(f"done in {time.perf_counter() - started:.1f} s: {json.dumps(manifest)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
