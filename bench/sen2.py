"""Benchmark: the SEN2 return at national scale: export, check, and DfE's statistics tables.

    .venv/bin/python bench/sen2.py [--database-url URL] [--census 2025-01-16] [--no-record]

Uses the national-scale demo (`opensend demo --scale national`) in the database given (default:
PostgreSQL `opensend_bench_sen2` on 127.0.0.1:5432, created and filled if empty: that takes
15 to 20 minutes, and is kept for the next run). For the census date it:

1. exports every LA's return (`sql_export.export_return`, as the export page and command do),
   checks each file with the validator (reader, structure, every rule), and deletes it; totals
   persons a second for each step, and the process's peak memory after the smallest LAs and
   after all of them (flat if the same);
2. compares, on the largest LA, the export with the projection path (each person decided in
   Python by `projection_rules`, then the writer; the bytes must be equal), the writer with a
   straightforward lxml writer (`etree.xmlfile`, one element at a time) and the validator with
   a straightforward whole-document check (lxml parses the file into memory and validates it
   against the XSD: structure and code lists only);
3. computes all the statistics tables from the database nationally (every LA's rows) and for
   Leeds, and the same tables from the same frames with the straightforward pandas
   implementation (`bench/sen2_reference.py`), checking they are equal.

Prints each figure with its ratio and appends the result to bench/RESULTS.md.
"""

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.register import machine, peak_rss_mib  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/opensend_bench_sen2"
LEEDS = "383"


def create_database_if_missing(url: str) -> None:
    """The PostgreSQL database of the benchmark, kept between runs (the demo takes minutes)."""
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if found.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def best_of(repeats: int, run):
    """The fastest of `repeats` runs: (seconds, result of the last run)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def lxml_writer(path: Path, header, persons: list, year: int) -> None:
    """The straightforward way: lxml's incremental writer, one element at a time."""
    from lxml import etree

    from opensend.returns.sen2 import layout

    model = layout.content_model(year)

    def write_group(xf, name, record):
        with xf.element(name):
            for item in model[name]:
                if item.group and not hasattr(record, item.field):
                    write_group(xf, item.element, record)  # the header's flat record
                    continue
                value = getattr(record, item.field)
                if item.group:
                    children = value if isinstance(value, list) else [value]
                    for child in children:
                        if child is not None:
                            write_group(xf, item.element, child)
                elif value:
                    with xf.element(item.element):
                        xf.write(value)

    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            write_group(xf, "Header", header)
            with xf.element("Persons"):
                for person in persons:
                    write_group(xf, "Person", person)


def whole_document_check(path: Path, year: int) -> bool:
    """The straightforward way: the whole file in memory, validated against the XSD."""
    from lxml import etree

    from opensend.returns.sen2.schema import load_schema

    return load_schema(year).validate(etree.parse(str(path)))


def export_and_check(census: dt.date) -> dict:
    from opensend.accounts.models import Organisation
    from opensend.accounts.roles import OrganisationKind
    from opensend.returns import queries
    from opensend.returns.sen2.sql_export import export_return
    from opensend.returns.sen2.validate import validate_return

    year = min(census.year, 2026)
    now = dt.datetime(2026, 1, 1, 9, 0)
    authorities = list(Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY))
    timings = {"export": 0.0, "validate": 0.0, "persons": 0, "errors": 0, "files": 0}
    sizes: list[tuple[int, Organisation]] = []
    memory_early = 0.0
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "SEN2.xml"
        for number, la in enumerate(authorities, start=1):
            header = queries.sen2_header(la, census, now=now)
            started = time.perf_counter()
            with path.open("wb") as out:
                persons = export_return(out, header, la, census, year=year)
            timings["export"] += time.perf_counter() - started
            started = time.perf_counter()
            report = validate_return(path, name=path.name)
            timings["validate"] += time.perf_counter() - started
            timings["persons"] += persons
            timings["errors"] += report.errors
            timings["files"] += 1
            sizes.append((persons, la))
            if number == 10:
                memory_early = peak_rss_mib()
        timings["memory_after_10"] = memory_early
        timings["memory_after_all"] = peak_rss_mib()
        largest_persons, largest = max(sizes, key=lambda pair: pair[0])
        timings.update(compare_on(largest, census, year, now, Path(directory)))
        timings["largest"] = f"{largest.name} ({largest_persons:,} people)"
    return timings


def compare_on(la, census: dt.date, year: int, now: dt.datetime, directory: Path) -> dict:
    from opensend.returns import queries
    from opensend.returns.sen2.projection import export_persons
    from opensend.returns.sen2.sql_export import export_return
    from opensend.returns.sen2.validate import validate_return
    from opensend.returns.sen2.writer import write_return

    header = queries.sen2_header(la, census, now=now)
    ours_path, theirs_path = directory / "ours.xml", directory / "lxml.xml"

    def export_sql():
        with ours_path.open("wb") as out:
            export_return(out, header, la, census, year=year)

    def export_projection():
        with theirs_path.open("wb") as out:
            write_return(out, header, export_persons(la, census), year=year)

    export_ours, _ = best_of(3, export_sql)
    export_theirs, _ = best_of(1, export_projection)
    same_bytes = ours_path.read_bytes() == theirs_path.read_bytes()
    persons = list(export_persons(la, census))

    def ours_write():
        with ours_path.open("wb") as out:
            write_return(out, header, persons, year=year)

    write_ours, _ = best_of(3, ours_write)
    write_lxml, _ = best_of(3, lambda: lxml_writer(theirs_path, header, persons, year))
    check_ours, report = best_of(3, lambda: validate_return(ours_path, name="ours.xml"))
    check_lxml, _ = best_of(3, lambda: whole_document_check(ours_path, year))
    return {
        "export_ours": export_ours,
        "export_projection": export_theirs,
        "same_bytes": same_bytes,
        "compare_persons": len(persons),
        "write_ours": write_ours,
        "write_lxml": write_lxml,
        "check_ours": check_ours,
        "check_lxml": check_lxml,
        "compare_errors": report.errors,
    }


def statistics_timings(census: dt.date) -> dict:
    from bench.sen2_reference import as_polars, reference_tables
    from opensend.accounts.models import Organisation
    from opensend.returns.sen2 import statistics
    from opensend.returns.sen2.db_frames import frames_from_database
    from opensend.returns.statistics_pages import establishment_lookup

    lookup = establishment_lookup()
    result = {}
    leeds = Organisation.objects.get(kind="la", la_code=LEEDS)
    for scope, la in (("national", None), ("Leeds", leeds)):

        def ours(la=la):
            # every LA's frames stacked; labelled as Leeds for the tables' geography columns
            frames = replace(frames_from_database(la, census), la_code=LEEDS)
            return frames, statistics.compute_tables(frames, lookup)

        seconds, (frames, tables) = best_of(3, ours)
        tables_only, _ = best_of(3, lambda frames=frames: statistics.compute_tables(frames, lookup))
        pandas_seconds, reference = best_of(
            1, lambda frames=frames: reference_tables(frames, lookup)
        )
        equal = all(
            as_polars(reference[name]).equals(table.select(reference[name].columns.tolist()))
            for name, table in tables.items()
            if name in reference
        )
        print(
            f"{scope}: {seconds:.2f} s, tables {tables_only:.2f} s, pandas {pandas_seconds:.2f} s",
            file=sys.stderr,
            flush=True,
        )
        result[scope] = {
            "seconds": seconds,
            "tables_only": tables_only,
            "pandas": pandas_seconds,
            "persons": frames.persons.height,
            "requests": frames.requests.height,
            "tables": len(tables),
            "equal": equal,
        }
    return result


def report(census: dt.date, exports: dict, stats: dict) -> str:
    persons = exports["persons"]
    lines = [
        f"- Census {census:%-d %B %Y}, {exports['files']} LAs, {persons:,} people in the returns "
        f"({exports['errors']:,} validation errors in all).",
        f"  - Export (SQL and polars, as the export page does): "
        f"{persons / exports['export']:,.0f} people/s "
        f"({exports['export']:.1f} s).",
        f"  - Check (reader, structure and every rule): {persons / exports['validate']:,.0f} "
        f"people/s ({exports['validate']:.1f} s).",
        f"  - Peak memory: {exports['memory_after_10']:,.0f} MiB after the first 10 LAs, "
        f"{exports['memory_after_all']:,.0f} MiB after all of them.",
    ]
    n = exports["compare_persons"]
    ours, lxml = exports["write_ours"], exports["write_lxml"]
    checked, whole = exports["check_ours"], exports["check_lxml"]
    fast, slow = exports["export_ours"], exports["export_projection"]
    lines += [
        f"  - Largest LA, {exports['largest']}: export {n / fast:,.0f} people/s vs the "
        f"projection path (Python per person, then the writer) {n / slow:,.0f}/s: "
        f"{slow / fast:.1f}x faster; same bytes: {'yes' if exports['same_bytes'] else 'NO'}.",
        f"  - Largest LA, {exports['largest']}: writer {n / ours:,.0f} people/s vs lxml xmlfile "
        f"{n / lxml:,.0f}/s: {lxml / ours:.1f}x faster.",
        f"  - Largest LA: full check {n / checked:,.0f} people/s vs lxml whole-file XSD "
        f"validation (structure and code lists only, file in memory) {n / whole:,.0f}/s: "
        f"{whole / checked:.2f}x.",
    ]
    for scope, figures in stats.items():
        tables, pandas = figures["tables_only"], figures["pandas"]
        lines.append(
            f"  - Statistics from the database, {scope} ({figures['persons']:,} people, "
            f"{figures['requests']:,} requests, {figures['tables']} tables): "
            f"{figures['seconds']:.2f} s in all; tables from the frames {tables:.2f} s vs pandas "
            f"{pandas:.2f} s: {pandas / tables:.1f}x faster; "
            f"tables equal: {'yes' if figures['equal'] else 'NO'}."
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--census", default="2025-01-16")
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()
    create_database_if_missing(args.database_url)
    env = dict(os.environ, OPENSEND_DATABASE_URL=args.database_url)
    opensend = [sys.executable, "-m", "opensend.cli"]
    subprocess.run([*opensend, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*opensend, "demo", "--scale", "national", "--if-empty"], env=env, check=True)
    command = [sys.executable, __file__, "--child", args.census]
    output = subprocess.run(command, env=env, capture_output=True, text=True)
    if output.returncode:
        print(output.stdout + output.stderr, file=sys.stderr)
        return output.returncode
    text = output.stdout.strip()
    print(text)
    if not args.no_record:
        with open(ROOT / "bench" / "RESULTS.md", "a") as results:
            results.write(
                f"\n### bench/sen2.py, {dt.datetime.now():%Y-%m-%d %H:%M}, {machine()}\n\n"
                + text
                + "\n"
            )
    return 0


def child(census_text: str) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.settings")
    import django

    django.setup()
    census = dt.date.fromisoformat(census_text)
    exports = export_and_check(census)
    print(exports, file=sys.stderr, flush=True)
    stats = statistics_timings(census)
    print(report(census, exports, stats))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.exit(child(sys.argv[2]))
    sys.exit(main())
